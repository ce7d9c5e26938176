"""Repairs for text extracted from (two-column, right-to-left) PDFs.

Extraction tools put the word runs of many Arabic lines in reversed order (the runs are
separated by two or more spaces, the justification gaps), glue footnote numbers to
words and years, mirror parentheses, add spurious shadda after yeh, and break words and
sentences across lines.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from irkg.loaders.boilerplate import ends_sentence
from irkg.loaders.arabic import match_key
from irkg.loaders.split_words import Words, has_key_candidates, rejoin_pairs, rejoin_tokens, token_key, token_pairs

if TYPE_CHECKING:
    from irkg.loaders.normalize import Line, Piece

_GAP_LINE = re.compile(r"\S[ \t]{2,}\S")
_GAPPED_LINE = re.compile(r"(?m)^[^\n]*?\S[ \t]{2,}\S[^\n]*")
_RUN = re.compile(r"\S+(?:[ \t]\S+)*")
_AR_WORD = re.compile("[\u0621-\u064a]+")
_MARKS_ONLY = re.compile("^[\\s\u064b-\u0652\u0670]+$")
_BULLET = re.compile(r"^\s*(?:[-–—•●○▪■◦*]|\d{1,2}[.)-]\s|[\u0660-\u0669]{1,2}[.)-]\s)")
LETTERS = "\u0621-\u064a"
HARAKAT = "\u064b-\u0650\u0652"
_WORD_END = f"(?![{LETTERS}])"
# Shadda on yeh is legitimate in nisba endings (ـيّة، ـيّات، ـيّين، ـيّون، ـيّ، ـيًّا).
_LEGIT_YEH_SHADDA = f"[{HARAKAT}]*(?:ة|ات{_WORD_END}|ين{_WORD_END}|ون{_WORD_END}|ان{_WORD_END}|ا\u064b|\u064bا|{_WORD_END})"


@dataclass(frozen=True)
class Layout:
    """What the document's lines say about how it was produced."""

    pdf: bool
    reversed_runs: bool
    shadda: bool
    mirror: bool
    line_width: float


def detect_layout(text: str, lines: list[tuple[int, int]], file: str) -> Layout:
    """Decide from the line statistics whether the text is a PDF extraction and which repairs apply."""
    stripped = [len(text[s:e].strip()) for s, e in lines]
    nonempty = sum(1 for n in stripped if n)
    # One match per line with a wide gap (a line without one fails fast).
    gapped = len(_GAPPED_LINE.findall(text, lines[0][0])) if lines else 0
    reversed_runs = gapped >= 4 and gapped >= 0.1 * nonempty
    pdf = file.lower().endswith(".pdf") or reversed_runs
    yeh_shadda = text.count("ي\u0651")
    shadda = pdf or (yeh_shadda >= 10 and yeh_shadda >= 0.45 * text.count("\u0651"))
    mirrored = len(re.findall(r"\)[^()\n]{1,200}\(", text))
    straight = len(re.findall(r"\([^()\n]{1,200}\)", text))
    lengths = [n for n in stripped if n >= 15] or [80]
    return Layout(pdf=pdf, reversed_runs=reversed_runs, shadda=shadda, mirror=pdf and mirrored > straight, line_width=statistics.median(lengths))


def is_lone_marks(line: str) -> bool:
    """Tell whether a line holds only diacritics (a tanween torn off its word)."""
    return bool(_MARKS_ONLY.match(line))


# A line of white space and diacritics with at least one diacritic (is_lone_marks of a
# non-blank line), anywhere in a text.
_LONE_MARKS_LINE = re.compile("(?m)^(?=[^\\S\n]*[\u064b-\u0652\u0670])(?:[^\\S\n]|[\u064b-\u0652\u0670])+$")


def lone_mark_lines(text: str) -> set[int]:
    """Return the start offsets of the lines that hold diacritics and nothing else (torn-off tanween)."""
    return {m.start() for m in _LONE_MARKS_LINE.finditer(text)}


FLOW = -1  # mark offset meaning "no mark; this line flows into the next whatever its length"


def place_torn_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, int | None]]:
    """Undo the line displacement around a torn-off tanween, returning (start, end, mark offset).

    Extractors emit the tanween of a line's last word on a line of its own and put that
    line (Y) after the line it precedes (X): X, blank, mark, Y. Y moves back before X and
    gets its mark; the blank lines around them were artifacts and go. A whitespace-only
    line between X and the mark means Y is already in place: the mark just goes to Y.
    """
    lone = lone_mark_lines(text)
    if not lone:
        return [(s, e, None) for s, e in lines]
    out: list[tuple[int, int, int | None]] = []
    n = len(lines)
    i = 0
    while i < n:
        s, e = lines[i]
        if s not in lone:
            out.append((s, e, None))
            i += 1
            continue
        q = i + 1
        while q < n and not text[lines[q][0] : lines[q][1]].strip():
            q += 1
        p = len(out) - 1
        while p >= 0 and not text[out[p][0] : out[p][1]].strip():
            p -= 1
        mark = s + len(text[s:e]) - len(text[s:e].lstrip())
        if q >= n or p < 0:
            i += 1
            continue
        gap = out[p + 1 :]
        in_place = any(text[a:b] for a, b, _ in gap)  # a whitespace-only line, not an empty one
        ys, ye = lines[q]
        if in_place:
            out.append((ys, ye, mark))
            i = q + 1
            continue
        x = out[p]
        del out[p:]
        out.append((ys, ye, mark))
        out.append((x[0], x[1], FLOW))
        i = q + 1
        while i < n and not text[lines[i][0] : lines[i][1]].strip():
            i += 1  # the blank after Y separated nothing
    return out


def reorder_line(
    line: str, start: int, words: Words, layout: Layout, key_line: str | None = None, tanween: bool = False
) -> tuple[str, list[int], str, int] | None:
    """Put a line's words back in reading order: (text, offsets, kind of reorder or "", words rejoined); None when nothing changed.

    Reversed lines (runs separated by 2+ spaces) get their runs reversed; a two-word run
    with a number or Latin token is also reversed inside; then words broken in two are
    rejoined (`تعز` + `يز`, also when one word sits between the pieces). `key_line` is
    match_key(line) when the caller has it already. `tanween`: a torn-off tanween goes on
    the line's last word, which therefore cannot carry the article (ال).
    """
    kind = ""
    if key_line is None:
        key_line = match_key(line)
    gapped = layout.reversed_runs and _GAP_LINE.search(line) is not None
    candidates = has_key_candidates(key_line, words)
    if not gapped and (not layout.reversed_runs or line.count(" ") > 9) and not candidates:
        return None  # the common case: an ordinary line with nothing to rejoin
    spans = [m.span() for m in _TOKEN.finditer(line)]
    keys = key_line.split()
    if len(keys) != len(spans):  # a token made only of marks vanished from the key
        keys = [token_key(line[a:b]) for a, b in spans]
    order = list(range(len(spans)))  # token indices in reading order
    if gapped:
        runs = _word_runs(line, spans)
        if len(runs) >= 2:
            kind = "reversed_line"
            for run in runs:
                if len(run) == 2 and (_LTR_TOKEN.match(line, *spans[run[0]]) is not None) != (_LTR_TOKEN.match(line, *spans[run[1]]) is not None):
                    run.reverse()
                elif 2 <= len(run) <= 4 and _reads_backwards([keys[i] for i in run], words):
                    run.reverse()
            runs.reverse()
            if tanween:
                _end_indefinite(keys, runs[-1])
            order = [i for run in runs for i in run]
        elif line.count(" ") > 9 and not candidates:
            return None
    if not kind:
        if layout.reversed_runs and 2 <= len(order) <= 8 and _reads_backwards(keys, words):
            kind = "reversed_short_line"
            order.reverse()
        if layout.reversed_runs and tanween and _end_indefinite(keys, order):
            kind = kind or "reversed_short_line"
    toks = [spans[i] for i in order]
    if not candidates:
        order, glued = toks, {}
    elif (nat_pairs := token_pairs(key_line, len(spans))) is not None:
        order, glued = rejoin_pairs(toks, [nat_pairs[i] for i in order], words)
    else:
        order, glued = rejoin_tokens(line, toks, words, key_line)
    if not kind and not glued:
        return None
    lead_punct = bool(kind) and _LEAD_PUNCT_NUMBER_ANY.search(line) is not None
    if not glued and not lead_punct:
        # The common case: the tokens joined by single spaces, each space mapped to the
        # last character of the token before it.
        omap = []
        extend, append = omap.extend, omap.append
        prev_end = -1
        for a, b in order:
            if prev_end >= 0:
                append(start + max(prev_end - 1, 0))
            extend(range(start + a, start + b))
            prev_end = b
        return " ".join([line[a:b] for a, b in order]), omap, kind, 0
    parts: list[str] = []
    omap = []
    prev_end = 0
    for i, (a, b) in enumerate(order):
        if i and not (glued and i in glued):
            parts.append(" ")
            omap.append(start + max(prev_end - 1, 0))
        prev_end = b
        piece = line[a:b]
        if lead_punct and _LEAD_PUNCT_NUMBER.match(piece):
            # ",2022" is "2022," written right to left
            parts.append(piece[1:] + piece[0])
            omap.extend(list(range(start + a + 1, start + b)) + [start + a])
        else:
            parts.append(piece)
            omap.extend(range(start + a, start + b))
    return "".join(parts), omap, kind, len(glued)


_DEFINITE = re.compile("^[\"'(«]*(?:[وفبك]?ال|لل)")


def _end_indefinite(keys: list[str], run: list[int]) -> bool:
    """Reverse a short run of token indices (in place) whose last word has the article and first word not: a tanween ends it."""
    if not 2 <= len(run) <= 4:
        return False
    first, last = keys[run[0]], keys[run[-1]]
    if _DEFINITE.match(last) and not _DEFINITE.match(first) and _AR_WORD.match(first):
        run.reverse()
        return True
    return False


def _reads_backwards(seq: list[str], words: Words) -> bool:
    """Tell whether a short single-spaced run of token keys reads better backwards, judged by the document's word pairs."""
    if not words.function_words.isdisjoint(seq):
        return False  # particles pair with anything: no evidence either way
    get = words.bigrams.get
    fwd = back = 0
    for p, q in zip(seq, seq[1:]):
        fwd += min(get((p, q), 0) - 1, 3)  # the line itself counts once
        back += min(get((q, p), 0), 3)
    return back >= 2 and back > 2 * fwd


_LTR_TOKEN = re.compile(r"[\"'(«]*[0-9A-Za-z%$.,\-/]+[\"')»]*[.,،]?(?!\S)")
_TOKEN = re.compile(r"\S+")
_LEAD_PUNCT_NUMBER = re.compile(r"^[،,.؛]\d")
_LEAD_PUNCT_NUMBER_ANY = re.compile(r"(?<!\S)[،,.؛]\d")


def _word_runs(line: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """Group token indices into runs: tokens one space or tab apart."""
    runs: list[list[int]] = []
    run: list[int] = []
    prev_end = -2
    for i, (a, b) in enumerate(spans):
        if a - prev_end == 1 and line[prev_end] in " \t":
            run.append(i)
        else:
            run = [i]
            runs.append(run)
        prev_end = b
    return runs


def clean_line(s: str, omap: int | list[int], layout: Layout, repairs: Counter) -> list[Piece]:
    """Remove tatweel, spurious/doubled shadda and glued footnote numbers; unmirror parentheses."""
    pattern = _pattern(layout.pdf, layout.shadda)
    if not pattern.search(s):
        return [(s, range(omap, omap + len(s)) if isinstance(omap, int) else omap[: len(s)])] if s else []
    offs = range(omap, omap + len(s)) if isinstance(omap, int) else omap
    pieces: list[Piece] = []
    add = pieces.append
    pos = 0
    mirror = layout.mirror
    for m in pattern.finditer(s):
        kind = m.lastgroup or ""
        if kind == "paren" and not mirror:
            continue
        at, end = m.span()
        if pos < at:
            add((s[pos:at], offs[pos:at]))
        if kind == "paren":
            add(("(" if s[at] == ")" else ")", [offs[at]]))
        repairs[kind] += 1
        pos = end
    if pos < len(s):
        add((s[pos:], offs[pos : len(s)]))
    return pieces


_PATTERNS: dict[tuple[bool, bool], re.Pattern] = {}


def _pattern(pdf: bool, shadda: bool) -> re.Pattern:
    key = (pdf, shadda)
    if key not in _PATTERNS:
        alts = [r"(?P<tatweel>\u0640+)", r"(?P<doubled_shadda>\u0651(?=\u0651))"]
        if shadda:
            alts.append(f"(?P<spurious_shadda>(?<=ي)\u0651(?!{_LEGIT_YEH_SHADDA}))")
        if pdf:
            alts.append(f"(?P<footnote>(?<=[{LETTERS}\u064b-\u0652][.،:؛])\\d{{1,3}}(?![\\d.,/]))")
            alts.append(r"(?P<footnote_year>(?<![\d.,/])\d{1,2}\.(?=(?:1[89]|20)\d\d(?!\d)))")
            alts.append(r"(?P<paren>[()])")
        # Every alternative starts with one of these characters: the lookahead lets the
        # regex engine skip other positions cheaply (3-4x faster on Arabic lines).
        _PATTERNS[key] = re.compile("(?=[\u0640\u0651()]|\\d)(?:" + "|".join(alts) + ")")
    return _PATTERNS[key]


def is_bullet(text: str) -> bool:
    """Tell whether a line starts a bullet or numbered item."""
    return bool(_BULLET.match(text))


def flows_into(prev: str, cur: str, block: list[Line], li: int, width: float, pdf: bool, forced: bool = False) -> bool:
    """Tell whether a wrapped line continues into the next line of its block."""
    if is_bullet(cur) or ends_sentence(prev) or prev.rstrip().endswith(":"):
        return False
    return forced or len(prev) >= 0.5 * width


def continues_across_blocks(prev: str, cur: str, block: list[Line], width: float) -> bool:
    """Tell whether a sentence runs on across a column or page break (blank line) in a PDF."""
    if is_bullet(cur) or ends_sentence(prev) or prev.rstrip().endswith(":"):
        return False
    return len(prev) >= 0.7 * width and (len(cur) >= 0.5 * width or ends_sentence(cur))


