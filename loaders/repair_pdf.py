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

from irkg.loaders.arabic import match_key
from irkg.loaders.boilerplate import cues, ends_sentence

if TYPE_CHECKING:
    from irkg.loaders.normalize import Line, Piece

_GAP_LINE = re.compile(r"\S[ \t]{2,}\S")
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
    shadda: bool
    mirror: bool
    line_width: float


def detect_layout(text: str, lines: list[tuple[int, int]], file: str) -> Layout:
    """Decide from the line statistics whether the text is a PDF extraction and which repairs apply."""
    nonempty = [(s, e) for s, e in lines if e - s > 0 and text[s:e].strip()]
    gapped = sum(1 for s, e in nonempty if _GAP_LINE.search(text, s, e))
    pdf = file.lower().endswith(".pdf") or (len(nonempty) >= 10 and gapped >= 5 and gapped >= 0.1 * len(nonempty))
    yeh_shadda = text.count("ي\u0651")
    shadda = pdf or (yeh_shadda >= 10 and yeh_shadda >= 0.45 * text.count("\u0651"))
    mirrored = len(re.findall(r"\)[^()\n]{1,200}\(", text))
    straight = len(re.findall(r"\([^()\n]{1,200}\)", text))
    lengths = [len(text[s:e].strip()) for s, e in nonempty]
    lengths = [n for n in lengths if n >= 15] or [80]
    return Layout(pdf=pdf, shadda=shadda, mirror=pdf and mirrored > straight, line_width=statistics.median(lengths))


def word_counts(text: str) -> Counter:
    """Count Arabic words (match-key form) that are not at the edge of a line or a word run."""
    counts: Counter = Counter()
    for line in match_key(text).split("\n"):
        for run in _RUN.findall(line) if "  " in line else [line]:
            words = _AR_WORD.findall(run)
            counts.update(words[1:-1])
    return counts


def is_lone_marks(line: str) -> bool:
    """Tell whether a line holds only diacritics (a tanween torn off its word)."""
    return bool(_MARKS_ONLY.match(line))


def reorder_line(line: str, start: int, counts: Counter, layout: Layout) -> tuple[str, list[int], str] | None:
    """Put the word runs of a reversed line back in reading order; None when the line is fine."""
    if not _GAP_LINE.search(line):
        return None
    runs = [(m.start(), m.end()) for m in _RUN.finditer(line)]
    if len(runs) < 2:
        return None
    parts: list[str] = []
    omap: list[int] = []
    for i, (a, b) in enumerate(reversed(runs)):
        chunk = line[a:b]
        if i:
            if split_word_join(parts[-1], chunk, counts):
                pass  # a word broken at the run edge: rejoin without a space
            else:
                parts.append(" ")
                omap.append(start + b)  # a gap position of the original line
        parts.append(chunk)
        omap.extend(range(start + a, start + b))
    return "".join(parts), omap, "reversed_line"


def clean_line(s: str, omap: int | list[int], layout: Layout, repairs: Counter) -> list[Piece]:
    """Remove tatweel, spurious/doubled shadda and glued footnote numbers; unmirror parentheses."""
    pattern = _pattern(layout.pdf, layout.shadda)
    pieces: list[Piece] = []
    pos = 0

    def keep(a: int, b: int) -> None:
        if a < b:
            offs = range(omap + a, omap + b) if isinstance(omap, int) else omap[a:b]
            pieces.append((s[a:b], offs))

    for m in pattern.finditer(s):
        kind = m.lastgroup or ""
        if kind == "paren" and not layout.mirror:
            continue
        keep(pos, m.start())
        if kind == "paren":
            at = m.start()
            pieces.append(("(" if s[at] == ")" else ")", [omap + at] if isinstance(omap, int) else [omap[at]]))
        repairs[kind] += 1
        pos = m.end()
    keep(pos, len(s))
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
        _PATTERNS[key] = re.compile("|".join(alts))
    return _PATTERNS[key]


def split_word_join(left: str, right: str, counts: Counter) -> bool:
    """Tell whether the last word of `left` and the first of `right` are one word broken in two."""
    if not left or not right or left[-1].isspace() or not _is_letter(left[-1]):
        return False
    ma = _AR_WORD.search(match_key(left.rsplit(None, 1)[-1])[::-1])
    mb = _AR_WORD.match(match_key(right.split(None, 1)[0]))
    if not ma or not mb or ma.start() != 0:
        return False
    a, b = ma.group(0)[::-1], mb.group(0)
    joined = a + b
    if counts[joined] < 1:
        return False
    function_words = cues()["function_words"]
    attested_a = a in function_words or counts[a] >= 1
    attested_b = b in function_words or counts[b] >= 1
    return not (attested_a and attested_b)


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u064b" <= ch <= "\u0652" or ch == "\u0640"


def is_bullet(text: str) -> bool:
    """Tell whether a line starts a bullet or numbered item."""
    return bool(_BULLET.match(text))


def flows_into(prev: str, cur: str, block: list[Line], li: int, width: float, pdf: bool) -> bool:
    """Tell whether a wrapped line continues into the next line of its block."""
    if is_bullet(cur) or ends_sentence(prev) or prev.rstrip().endswith(":"):
        return False
    return len(prev) >= 0.5 * width


def continues_across_blocks(prev: str, cur: str, block: list[Line], width: float) -> bool:
    """Tell whether a sentence runs on across a column or page break (blank line) in a PDF."""
    if is_bullet(cur) or ends_sentence(prev) or prev.rstrip().endswith(":"):
        return False
    return len(prev) >= 0.7 * width and len(cur) >= 0.5 * width


def drop_repeats(blocks: list[list[Line]], repairs: Counter) -> list[list[Line]]:
    """Drop pull quotes: a block whose words repeat verbatim inside another block."""
    keys = [" ".join(match_key(" ".join(line.text for line in b)).split()) for b in blocks]
    out: list[list[Line]] = []
    for i, block in enumerate(blocks):
        k = keys[i]
        repeat = len(k) >= 40 and any(j != i and (k in keys[j] if len(keys[j]) > len(k) else (k == keys[j] and j < i)) for j in range(len(keys)))
        if repeat:
            repairs["pull_quote"] += 1
            continue
        out.append(block)
    return out
