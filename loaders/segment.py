"""Split normalized text into quotable passages: sentences, bullet items and headings."""

from __future__ import annotations

import re

from irkg.loaders.arabic import match_key, match_keys
from irkg.loaders.boilerplate import cues
from irkg.loaders.repair_pdf import is_bullet
from irkg.schema.pipeline import NormalizedDoc, Passage, PassageKind

MAX_PASSAGE = 600
# A sentence ends at . ! ? ؟ ؛ … (plus closing quotes/brackets) followed by white space; in web
# captures also with the space lost, between two Arabic words («الطرفان.فقد») or an English word
# and a capitalised one ("agreed.The").
_BOUNDARY = re.compile(
    r"[.!?؟؛…]+[\"'»”)\]]*(?=\s)"
    r"|(?<=[\u0621-\u064a\u064b-\u0652])[.!؟؛]+(?=[\"«“]?[\u0621-\u064a])"
    r"|(?<=[a-z]{2})[.!?][\"'”)]*(?=[A-Z][a-z])"
)
_BULLET_MARK = re.compile(r"^\s*(?:[-–—•●○▪■◦*]+|\d{1,2}[.)-]|[\u0660-\u0669]{1,2}[.)-])\s*")
_LETTER = re.compile(r"[^\W\d_]")
_HEADING_END = ".!?؟؛،,;"
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def segment(nd: NormalizedDoc) -> list[Passage]:
    """Return the passages of a normalized document, with offsets into the original text."""
    text = nd.text
    lines = _lines(text)
    spans: list[tuple[int, int, PassageKind]] = []
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        nxt = text[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
        md = _MD_HEADING.match(line)
        if md and md.end() < len(line):
            spans.append((a + md.end(), b, PassageKind.HEADING))
        elif is_bullet(line):
            m = _BULLET_MARK.match(line)
            a2 = a + (m.end() if m else 0)
            spans.extend((s, e, PassageKind.BULLET) for s, e in _sentences(text, a2, b))
        elif is_heading(line, nxt):
            spans.append((a, b, PassageKind.HEADING))
        else:
            spans.extend((s, e, PassageKind.SENTENCE) for s, e in _sentences(text, a, b))
    chunks: list[tuple[int, int, PassageKind]] = []
    for s, e, kind in spans:
        for s2, e2 in _split_long(text, s, e):
            if _LETTER.search(text, s2, e2):
                chunks.append((s2, e2, kind))
    doc = nd.doc
    offsets = nd.offsets
    keys = match_keys([text[s2:e2] for s2, e2, _ in chunks])  # passages never span a line break
    passages: list[Passage] = []
    for (s2, e2, kind), key in zip(chunks, keys):
        mapped = offsets[s2:e2]
        passages.append(
            Passage(
                doc=doc.id,
                file=doc.file,
                idx=len(passages),
                start=min(mapped),
                end=max(nd.ends[s2:e2]) if nd.ends is not None else max(mapped) + 1,
                text=text[s2:e2],
                key=key,
                kind=kind,
            )
        )
    return passages


def is_heading(line: str, nxt: str) -> bool:
    """Tell whether a line is a heading: short, no final punctuation, followed by longer text."""
    t = line.strip()
    n = nxt.strip()
    if not t or not n or len(t) > 90 or len(t.split()) > 12 or not _LETTER.search(t):
        return False
    if t[-1] in "?؟":
        # A question standing alone above a long paragraph is a section heading.
        return len(t.split()) <= 10 and len(n) >= 2 * len(t) and n[-1] not in "?؟"
    if t[-1] in _HEADING_END:
        return False
    return len(n) > len(t) * 1.5 or n[-1] in ".!?؟"


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the non-blank lines, trimmed."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        a = m.start()
        seg = m.group(0)
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append((a + lead, a + trail))
    return out


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split text[a:b] at sentence ends, skipping abbreviations and initials."""
    out: list[tuple[int, int]] = []
    start = a
    abbrev = cues()["abbreviations"]
    for m in _BOUNDARY.finditer(text, a, b):
        if text[m.start()] == "؛" and len(text[start : m.start()].split()) < 4:
            continue  # a discourse marker (في المقابل؛ ولذا؛) belongs to the clause after it
        if text[m.start()] == "." and m.end() - m.start() == 1:
            token = _token_before(text, start, m.start())
            if match_key(token) in abbrev or (len(token) == 1 and token.isupper()):
                continue
        out.append(_trim(text, start, m.end()))
        start = m.end()
    if start < b:
        out.append(_trim(text, start, b))
    return [(s, e) for s, e in out if e > s]


def _token_before(text: str, a: int, b: int) -> str:
    """Return the run of non-space characters of text[a:b] that ends at b ("" if none)."""
    # Walking back over one token is cheaper than a regex anchored at the end of the range.
    i = b
    while i > a and not text[i - 1].isspace():
        i -= 1
    return text[i:b]


def _split_long(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a passage longer than MAX_PASSAGE at the last comma (،) of each stretch, else between words.

    No passage is longer than MAX_PASSAGE: a run-on text without punctuation becomes passages of
    a few hundred characters, so the steps after this one see bounded passages (linear time).
    """
    if b - a <= MAX_PASSAGE:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    while b - a > MAX_PASSAGE:
        window = text[a : a + MAX_PASSAGE]
        cut = max(window.rfind("، "), window.rfind(", "))
        if cut >= 150:
            end, nxt = a + cut + 1, a + cut + 1
        else:
            space = window.rfind(" ")
            end, nxt = (a + space, a + space + 1) if space >= 150 else (a + MAX_PASSAGE, a + MAX_PASSAGE)
        out.append(_trim(text, a, end))
        a, b = _trim(text, nxt, b)
    out.append((a, b))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
