"""Token matching shared by recognition, discovery and dates: key alignment, proclitic peeling, longest match, spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from irkg.loaders.arabic import DIACRITICS
from irkg.loaders.dictionaries import Target

# Proclitic chains tried in this order; the ones ending in لل also try ال + remainder.
PROCLITICS = (
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "وب", "ول", "وك", "فب", "فل", "فك", "ال", "و", "ف", "ب", "ل", "ك",
)
ARABIC_RE = re.compile(r"[\u0621-\u064a]+")


@dataclass
class Tok:
    """A match-key token and its key offsets."""

    text: str  # match key
    a: int  # key offsets
    b: int


@dataclass
class Hit:
    """A dictionary match over tokens i..j-1."""

    i: int  # first token
    j: int  # one past the last token
    targets: list[Target]
    peeled: int = 0  # key characters of conjunction/preposition left out of the surface
    fuzzy: bool = False
    form: str = ""  # the first token as matched (after peeling)


def surface_skip(prefix: str) -> int:
    """Return how much of a proclitic chain to leave out of a surface (keep ال and لل)."""
    return len(prefix) - 2 if prefix.endswith(("ال", "لل")) else len(prefix)


_PEEL_CACHE: dict[tuple[int, str], list[tuple[str, int]]] = {}


def peel(tok: str, known: dict[str, int] | frozenset[str]) -> list[tuple[str, int]]:
    """Return (remainder, surface skip) for each proclitic split whose remainder is known."""
    ck = (id(known), tok)
    got = _PEEL_CACHE.get(ck)
    if got is None:
        got = _PEEL_CACHE[ck] = _peel(tok, known)
    return got


def _peel(tok: str, known: dict[str, int] | frozenset[str]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    if not tok or tok[0] not in "وفبلكا" or not ARABIC_RE.fullmatch(tok):
        return out
    for n in range(min(4, len(tok) - 2), 0, -1):
        p = tok[:n]
        if p not in _PROCLITIC_SET:
            continue
        rest = tok[n:]
        if rest in known:
            out.append((rest, surface_skip(p)))
        if p.endswith("لل") and "ال" + rest in known:
            out.append(("ال" + rest, surface_skip(p)))
    return out


_PROCLITIC_SET = frozenset(PROCLITICS)


def match_at(toks: list[Tok], i: int, index: dict, firsts: dict[str, int]) -> Hit | None:
    """Return the longest alias starting at token i (first token possibly peeled)."""
    first = toks[i].text
    forms = ([(first, 0)] if first in firsts else []) + peel(first, firsts)
    best: Hit | None = None
    for form, plen in forms:
        for n in range(min(firsts[form], len(toks) - i), 0, -1):
            if best and n <= best.j - best.i:
                break
            key = (form, *(t.text for t in toks[i + 1:i + n]))
            if key in index and contiguous(toks, i, i + n):
                best = Hit(i, i + n, index[key], plen, form=form)
                break
    return best


def contiguous(toks: list[Tok], i: int, j: int) -> bool:
    """Tell whether tokens i..j-1 are close enough to be one name (no sentence gap)."""
    return all(toks[k + 1].a - toks[k].b <= 3 for k in range(i, j - 1))


def span_of(toks: list[Tok], i: int, j: int, pos: list[int], text: str, skip: int = 0) -> tuple[int, int]:
    """Return display-text offsets of tokens i..j-1, without `skip` proclitic characters."""
    a = pos[toks[i].a + skip]
    b = pos[toks[j - 1].b - 1] + 1
    while b < len(text) and DIACRITICS.match(text[b]):
        b += 1
    return a, b


def scan(toks: list[Tok], index: dict, firsts: dict[str, int]) -> list[Hit]:
    """Return non-overlapping longest matches left to right."""
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        h = match_at(toks, i, index, firsts)
        if h:
            hits.append(h)
            i = h.j
        else:
            i += 1
    return hits
