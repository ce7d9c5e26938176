"""Repair extracted text into display text with an offset map back to the original.

Two kinds of input need different care. PDF extractions (detected from their lines, see
`repair_pdf.detect_layout`) get the layout repairs: reversed word runs, glued footnote
numbers, spurious shadda, mirrored parentheses, words split across line ends, lines
joined into paragraphs, repeated pull quotes. Every document gets the clean-up of
tatweel, doubled shadda, markdown emphasis markers, page markers, web navigation,
teasers, copyright and source lines, keyword lists and publisher boilerplate (cue lists
in `dictionaries/ingest_cues.yaml`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain
from pathlib import Path

from irkg.loaders import boilerplate as bp
from irkg.loaders import dateline as dl
from irkg.loaders import pull_quotes, split_words
from irkg.loaders import repair_pdf as rp
from irkg.loaders.arabic import match_keys
from irkg.loaders.read import front_matter_span
from irkg.schema.pipeline import Document, NormalizedDoc

Piece = tuple[str, "range | list[int]"]


class Line:
    """One repaired line: text pieces, each with the original offsets of its characters."""

    __slots__ = ("pieces", "text", "nl", "flow")

    def __init__(self, pieces: list[Piece], nl: int, flow: bool = False, text: str | None = None) -> None:
        self.pieces = pieces
        self.text = "".join([p[0] for p in pieces]) if text is None else text  # text: the pieces joined, if known
        self.nl = nl  # offset of the original line end, for inserted separators
        self.flow = flow  # known to continue into the next line (a repaired displacement)

    def strip(self) -> "Line":
        """Drop leading/trailing whitespace, keeping offsets aligned."""
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if left == 0 and right == len(text):
            return self
        return Line(_slice_pieces(self.pieces, left, right), self.nl, self.flow)


def normalize(doc: Document) -> NormalizedDoc:
    """Return the repaired display text of `doc`, its offset map and counts of repairs."""
    text = doc.text if doc.content is None else doc.content
    repairs: Counter[str] = Counter()
    skip = front_matter_span(text) if Path(doc.file).suffix.lower() in {".md", ".txt", ""} else 0
    if skip:
        repairs["front_matter"] += 1
    raw_lines = _split_lines(text, skip)
    layout = rp.detect_layout(text, raw_lines, doc.file)
    words = split_words.word_counts(text) if layout.pdf else split_words.Words()

    placed = rp.place_torn_lines(text, raw_lines) if layout.pdf else [(s, e, None) for s, e in raw_lines]
    if layout.pdf:
        repairs["torn_tanween"] += sum(1 for _, _, mark in placed if mark is not None and mark >= 0)
    lone_marks = rp.lone_mark_lines(text)
    glue: split_words.Glue | None = None
    lines: list[Line | None] = []
    page_break = False  # after a "continued" line: the running header comes next
    # Page markers and "continued" lines are short: key those lines in one pass.
    short_keys = match_keys([text[s:e].strip() if e - s <= 60 else "" for s, e, _ in placed])
    line_keys: list[str | None] = match_keys([text[s:e] for s, e, _ in placed]) if layout.pdf else [None] * len(placed)
    for (start, end, mark), short_key, line_key in zip(placed, short_keys, line_keys):
        line_text = text[start:end]
        if not line_text.strip():
            lines.append(None)
            continue
        if bp.is_continuation(line_text, short_key):
            repairs["page_marker"] += 1
            _flow_last(lines)
            lines.append(None)
            page_break = True
            continue
        if page_break:
            page_break = False
            if bp.is_running_header(line_text) and not bp.is_page_marker(line_text, short_key) and not bp.page_marker_prefix(line_text):
                repairs["running_header"] += 1
                lines.append(None)
                continue
        if bp.is_page_marker(line_text, short_key):
            repairs["page_marker"] += 1
            lines.append(None)
            continue
        if start in lone_marks:
            repairs["lone_tanween"] += 1
            continue  # not even a paragraph break: the mark was torn off a word
        cut = bp.page_marker_prefix(line_text)
        if cut:
            repairs["page_marker"] += 1
            start += cut
            line_text = text[start:end]
            line_key = None
        if not layout.pdf:
            if dl.is_timestamp_line(line_text):
                repairs["timestamp"] += 1
                lines.append(None)
                continue
            cut = dl.dateline_prefix(line_text) if start - skip < dl.HEAD_CHARS else 0
            if cut:
                repairs["dateline"] += 1
                start += cut
                line_text = text[start:end]
                line_key = None
        s, omap = line_text, start
        if layout.pdf:
            fixed = rp.reorder_line(line_text, start, words, layout, line_key, tanween=mark is not None and mark >= 0)
            if fixed is not None:
                s, omap, kind, glued = fixed
                if kind:
                    repairs[kind] += 1
                if glued:
                    repairs["split_word"] += glued
        pieces = rp.clean_line(s, omap, layout, repairs)
        if not layout.pdf:
            glue = glue or _glue(text)
            lo, hi = bisect_left(glue.splits, start + 1), bisect_left(glue.splits, end)
            if lo < hi:
                repairs["glued_words"] += hi - lo
                pieces = _insert_spaces(pieces, glue.splits[lo:hi])
        if "*" in s or "__" in s:
            pieces = _strip_emphasis(pieces, repairs)
        if "note" in s:
            pieces = _strip_note_markers(pieces, repairs)
        if "`" in s:
            pieces = _backticks(pieces, repairs)
        if ";" in s:
            pieces = _broken_entities(pieces, repairs)
        if mark is not None and mark >= 0:
            pieces = _append_mark(pieces, text[mark], mark)
        lines.append(_stripped_line(pieces, end, mark is not None))

    blocks = _blocks(lines)
    blocks = bp.drop_furniture(blocks, repairs)
    if layout.pdf:
        blocks = pull_quotes.drop_repeats(blocks, repairs)
    out_text, offsets = _assemble(blocks, layout, words, repairs, len(text))
    ends = None
    if doc.content_offsets is not None and doc.content_ends is not None:  # markup: from the article text back into the file
        starts, stops = doc.content_offsets, doc.content_ends
        offsets, ends = [starts[o] for o in offsets], [stops[o] for o in offsets]
    # Built here from checked parts: skip re-validating every offset (~0.5 ms per 40 kB).
    return NormalizedDoc.model_construct(doc=doc, text=out_text, offsets=offsets, ends=ends, repairs=dict(repairs))


# Markdown emphasis (**bold**, __bold__, *italic*): markers hug the text and sit at word edges.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")


# Note markers glued after a word or quote in web captures of papers: "partnership.”Footnote 5 Since".
_NOTE_MARKER = re.compile(r"(?<=[^\s\d])(?:Footnote|Endnote)\s?\d{1,3}(?!\d)")


def _strip_note_markers(pieces: list[Piece], repairs: Counter) -> list[Piece]:
    """Drop glued note markers (Footnote 5) from a line, keeping the offsets of the text around them."""
    text = "".join(p[0] for p in pieces)
    keep: list[tuple[int, int]] = []
    pos = 0
    for m in _NOTE_MARKER.finditer(text):
        keep.append((pos, m.start()))
        pos = m.end()
        repairs["note_marker"] += 1
    if not keep:
        return pieces
    keep.append((pos, len(text)))
    return [piece for a, b in keep if a < b for piece in _slice_pieces(pieces, a, b)]


_APOSTROPHE_TICK = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")


def _backticks(pieces: list[Piece], repairs: Counter) -> list[Piece]:
    """Web copy that types "`" for quotes and apostrophes ("Russia`s", "... fields.` Zangeneh said"): an apostrophe
    between letters, a quotation mark elsewhere, one character for one."""
    out = []
    for text, offs in pieces:
        if "`" in text:
            fixed = _APOSTROPHE_TICK.sub("’", text).replace("`", '"')
            repairs["backtick"] += 1
            text = fixed
        out.append((text, offs))
    return out


# HTML entities a web copy left behind, often without their "&" («احمدي نجاد quot;سيصل ...quot;»)
_ENTITY = re.compile(r"&?(?<![A-Za-z])(quot|amp|apos|nbsp|lt|gt|laquo|raquo);")
_ENTITY_CHAR = {"quot": '"', "amp": "&", "apos": "'", "nbsp": " ", "lt": "<", "gt": ">", "laquo": "«", "raquo": "»"}


def _broken_entities(pieces: list[Piece], repairs: Counter) -> list[Piece]:
    """Replace a leftover HTML entity by its character, mapped to the entity's first offset."""
    text = "".join(p[0] for p in pieces)
    out: list[Piece] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        out += _slice_pieces(pieces, pos, m.start())
        first = _slice_pieces(pieces, m.start(), m.start() + 1)[0][1][0]
        out.append((_ENTITY_CHAR[m.group(1)], [first]))
        pos = m.end()
        repairs["html_entity"] += 1
    if pos == 0:
        return pieces
    return out + _slice_pieces(pieces, pos, len(text))


def _glue(text: str) -> split_words.Glue:
    """Return the evidence for splitting words run together: dictionary names, the document's words."""
    from irkg.loaders.dictionaries import load_dictionaries

    return split_words.Glue(split_words.glue_names(load_dictionaries()), text)


def _insert_spaces(pieces: list[Piece], at: list[int]) -> list[Piece]:
    """Insert a space before the characters with the given original offsets (it maps to that offset)."""
    out: list[Piece] = []
    for text, offs in pieces:
        cuts = []
        for o in at:
            if isinstance(offs, range):
                i = o - offs.start if offs.start <= o < offs.stop else -1
            else:
                i = offs.index(o) if o in offs else -1
            if i > 0 or (i == 0 and out):
                cuts.append(i)
        last = 0
        for i in sorted(cuts):
            out.append((text[last:i], offs[last:i]))
            out.append((" ", [offs[i]]))
            last = i
        out.append((text[last:], offs[last:]))
    return [p for p in out if p[0]]


def _strip_emphasis(pieces: list[Piece], repairs: Counter) -> list[Piece]:
    """Drop markdown emphasis markers from a line, keeping the offsets of the text between them."""
    text = "".join(p[0] for p in pieces)
    keep: list[tuple[int, int]] = []
    pos = 0
    for m in _EMPHASIS.finditer(text):
        keep.append((pos, m.start()))
        keep.append(m.span(2))
        pos = m.end()
        repairs["markdown_emphasis"] += 1
    if not keep:
        return pieces
    keep.append((pos, len(text)))
    return [piece for a, b in keep if a < b for piece in _slice_pieces(pieces, a, b)]


def _stripped_line(pieces: list[Piece], nl: int, flow: bool) -> Line | None:
    """Return Line(pieces, nl, flow).strip(), or None when nothing but white space is left."""
    text = "".join([p[0] for p in pieces])
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    if left or right != len(text):
        last_text, last_offs = pieces[-1]
        cut = len(last_text) - (len(text) - right)
        if not left and cut > 0:  # the usual case: white space at the end of the last piece
            pieces = pieces[:-1] + [(last_text[:cut], last_offs[:cut])]
        else:
            pieces = _slice_pieces(pieces, left, right)
        text = text[left:right]
    return Line(pieces, nl, flow, text) if text else None


def _flow_last(lines: list[Line | None]) -> None:
    """Let the last line before a page break run on into the next page when its sentence is open."""
    for line in reversed(lines):
        if line is not None:
            if not bp.ends_sentence(line.text) and not line.text.rstrip().endswith(":"):
                line.flow = True
            return


def _append_mark(pieces: list[Piece], mark: str, offset: int) -> list[Piece]:
    """Put a torn-off tanween back on the last letter of a line."""
    if not pieces:
        return pieces
    last_text, last_offs = pieces[-1]
    body = last_text.rstrip()
    if not body or not ("\u0621" <= body[-1] <= "\u064a"):
        return pieces
    cut = len(body)
    return pieces[:-1] + [(body, last_offs[:cut]), (mark, [offset]), (last_text[cut:], last_offs[cut:])]


def _split_lines(text: str, skip: int) -> list[tuple[int, int]]:
    """Return (start, end) of each line from `skip` on, without the line break."""
    out: list[tuple[int, int]] = []
    pos = skip
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        end = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        out.append((pos, end))
        pos = nl + 1
    return out


def _blocks(lines: list[Line | None]) -> list[list[Line]]:
    """Group lines into blocks separated by blank lines."""
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines:
        if line is None:
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def _assemble(blocks: list[list[Line]], layout: rp.Layout, words: split_words.Words, repairs: Counter, n: int) -> tuple[str, list[int]]:
    """Join lines into paragraphs (wrapped lines flow; split words rejoined) and blocks with blank lines."""
    texts: list[str] = []
    offs: list[range | list[int]] = []
    wide = layout.line_width
    prev_line: Line | None = None
    for bi, block in enumerate(blocks):
        for li, line in enumerate(block):
            if prev_line is not None:
                if li == 0:
                    # A line moved back into place flows into the next: judge them together.
                    cur = line.text + " " + block[1].text if line.flow and len(block) > 1 else line.text
                    flow = prev_line.flow or (layout.pdf and rp.continues_across_blocks(prev_line.text, cur, block, wide))
                else:
                    flow = rp.flows_into(prev_line.text, line.text, block, li, wide, layout.pdf, prev_line.flow)
                if flow:
                    glue = split_words.split_word_join(prev_line.text, line.text, words) if layout.pdf else False
                    if glue:
                        repairs["split_word"] += 1
                    else:
                        texts.append(" ")
                        offs.append([prev_line.nl])
                    repairs["line_join"] += 1
                else:
                    sep = "\n" if li > 0 else "\n\n"
                    texts.append(sep)
                    offs.append([min(prev_line.nl, n - 1) if n else 0] * len(sep))
            for piece_text, piece_offs in line.pieces:
                texts.append(piece_text)
                offs.append(piece_offs)
            prev_line = line
    return "".join(texts), list(chain.from_iterable(offs))


def _slice_pieces(pieces: list[Piece], a: int, b: int) -> list[Piece]:
    """Return the pieces covering characters [a, b) of their concatenation."""
    out: list[Piece] = []
    pos = 0
    for text, offs in pieces:
        nxt = pos + len(text)
        lo, hi = max(a, pos), min(b, nxt)
        if lo < hi:
            out.append((text[lo - pos : hi - pos], offs[lo - pos : hi - pos]))
        pos = nxt
    return out
