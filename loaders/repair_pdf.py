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
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

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
    reversed_runs: bool
    shadda: bool
    mirror: bool
    line_width: float


def detect_layout(text: str, lines: list[tuple[int, int]], file: str) -> Layout:
    """Decide from the line statistics whether the text is a PDF extraction and which repairs apply."""
    nonempty = [(s, e) for s, e in lines if e - s > 0 and text[s:e].strip()]
    gapped = sum(1 for s, e in nonempty if _GAP_LINE.search(text, s, e))
    reversed_runs = gapped >= 4 and gapped >= 0.1 * len(nonempty)
    pdf = file.lower().endswith(".pdf") or reversed_runs
    yeh_shadda = text.count("ي\u0651")
    shadda = pdf or (yeh_shadda >= 10 and yeh_shadda >= 0.45 * text.count("\u0651"))
    mirrored = len(re.findall(r"\)[^()\n]{1,200}\(", text))
    straight = len(re.findall(r"\([^()\n]{1,200}\)", text))
    lengths = [len(text[s:e].strip()) for s, e in nonempty]
    lengths = [n for n in lengths if n >= 15] or [80]
    return Layout(pdf=pdf, reversed_runs=reversed_runs, shadda=shadda, mirror=pdf and mirrored > straight, line_width=statistics.median(lengths))


class Words:
    """The document's own vocabulary (match-key form), the evidence for rejoining split words."""

    __slots__ = ("counts", "stems", "function_words", "parts", "bigrams")

    def __init__(self, text: str = "") -> None:
        key = match_key(text) if text else ""
        self.counts: Counter = Counter(_AR_WORD.findall(key))
        self.bigrams: Counter = Counter()
        for line in key.split("\n"):
            # Read gapped lines with their runs reversed, as the repair will.
            runs = _RUN.findall(line)[::-1] if "  " in line else [line]
            seq = [w for run in runs for w in _AR_WORD.findall(run)]
            self.bigrams.update(zip(seq, seq[1:]))
        self.stems = {strip_clitics(w) for w in self.counts}
        self.function_words = cues()["function_words"]
        self.parts = {w for w in self.counts if self.is_part(w)}

    def attested(self, word: str) -> bool:
        """Tell whether a whole word (possibly with proclitics) occurs in the document or the lexicon."""
        if word in self.counts or strip_clitics(word) in self.stems:
            return True
        stem = strip_clitics(word)
        if stem in _lexicon():
            return True
        # A nisba adjective (ـية) of an attested noun (ـة): الثورية from الثورة.
        return stem.endswith("يه") and len(stem) >= 5 and (stem[:-2] + "ه" in self.stems or stem[:-2] + "ه" in _lexicon())

    def is_part(self, piece: str) -> bool:
        """Tell whether a piece looks like a fragment rather than a word of its own."""
        if piece in self.function_words:
            return False
        return len(piece) < 3 or self.counts[piece] < 2

    def joinable(self, a: str, b: str) -> bool:
        """Tell whether pieces a + b (match keys, letters only) are one word broken in two."""
        joined = a + b
        exact = joined in self.counts
        if not exact:
            if not self.attested(joined):
                return False
            if len(a) < len(joined) - len(strip_clitics(joined)):
                return False  # the break falls inside the proclitic: not evidence of one word
        if not (a in self.parts or b in self.parts):
            return False
        if a in self.function_words or b in self.function_words:
            return exact  # a real word beside a fragment: only an exact match
        return bool(a and b)


_CLITIC = re.compile("^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)(?=[\u0621-\u064a]{3})")


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Load the general vocabulary (match-key form, proclitics peeled)."""
    raw = yaml.safe_load(resources.files("irkg.loaders").joinpath("dictionaries/lexicon_ar.yaml").read_text(encoding="utf-8"))
    return frozenset(strip_clitics(match_key(str(w))) for w in raw.get("words", []))


@lru_cache(maxsize=65536)
def strip_clitics(word: str) -> str:
    """Peel one layer of leading proclitics (و ف ب ل ك ال) when three letters remain."""
    return _CLITIC.sub("", word, count=1)


def word_counts(text: str) -> Words:
    """Index the words of a document for split-word repair."""
    return Words(text)


def is_lone_marks(line: str) -> bool:
    """Tell whether a line holds only diacritics (a tanween torn off its word)."""
    return bool(_MARKS_ONLY.match(line))


FLOW = -1  # mark offset meaning "no mark; this line flows into the next whatever its length"


def place_torn_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, int | None]]:
    """Undo the line displacement around a torn-off tanween, returning (start, end, mark offset).

    Extractors emit the tanween of a line's last word on a line of its own and put that
    line (Y) after the line it precedes (X): X, blank, mark, Y. Y moves back before X and
    gets its mark; the blank lines around them were artifacts and go. A whitespace-only
    line between X and the mark means Y is already in place: the mark just goes to Y.
    """
    out: list[tuple[int, int, int | None]] = []
    n = len(lines)
    i = 0
    while i < n:
        s, e = lines[i]
        if not is_lone_marks(text[s:e]) or not text[s:e].strip():
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


def reorder_line(line: str, start: int, words: Words, layout: Layout) -> tuple[str, list[int], str, int] | None:
    """Put a line's words back in reading order: (text, offsets, kind of reorder or "", words rejoined); None when nothing changed.

    Reversed lines (runs separated by 2+ spaces) get their runs reversed; a two-word run
    with a number or Latin token is also reversed inside; then words broken in two are
    rejoined (`تعز` + `يز`, also when one word sits between the pieces).
    """
    kind = ""
    tokens: list[list[tuple[int, int]]] = []  # word runs, each a list of token spans in `line`
    if layout.reversed_runs and _GAP_LINE.search(line):
        runs = [[t.span() for t in _TOKEN.finditer(line, m.start(), m.end())] for m in _RUN.finditer(line)]
        if len(runs) >= 2:
            kind = "reversed_line"
            for run in runs:
                if len(run) == 2 and (_LTR_TOKEN.match(line, *run[0]) is not None) != (_LTR_TOKEN.match(line, *run[1]) is not None):
                    run.reverse()
                elif 2 <= len(run) <= 4 and _reads_backwards(line, run, words):
                    run.reverse()
            tokens = runs[::-1]
    if not kind:
        spans = [m.span() for m in _TOKEN.finditer(line)]
        if layout.reversed_runs and 2 <= len(spans) <= 8 and _reads_backwards(line, spans, words):
            kind = "reversed_short_line"
            spans.reverse()
        tokens = [spans]
    flat = [t for run in tokens for t in run]
    order, glued = _rejoin(line, flat, words)
    if not kind and not glued:
        return None
    parts: list[str] = []
    omap: list[int] = []
    for i, (a, b) in enumerate(order):
        if i and not glued.get(i):
            parts.append(" ")
            omap.append(start + max(order[i - 1][1] - 1, 0))
        piece = line[a:b]
        if kind and _LEAD_PUNCT_NUMBER.match(piece):
            # ",2022" is "2022," written right to left
            parts.append(piece[1:] + piece[0])
            omap.extend(list(range(start + a + 1, start + b)) + [start + a])
        else:
            parts.append(piece)
            omap.extend(range(start + a, start + b))
    return "".join(parts), omap, kind, len(glued)


def _reads_backwards(line: str, spans: list[tuple[int, int]], words: Words) -> bool:
    """Tell whether a short single-spaced line reads better backwards, judged by the document's word pairs."""
    seq = [_token_key(line[a:b]) for a, b in spans]
    if any(w in words.function_words for w in seq):
        return False  # particles pair with anything: no evidence either way
    fwd = sum(min(words.bigrams[p] - 1, 3) for p in zip(seq, seq[1:]))  # the line itself counts once
    back = sum(min(words.bigrams[p], 3) for p in zip(seq[::-1], seq[::-1][1:]))
    return back >= 2 and back > 2 * fwd


_LTR_TOKEN = re.compile(r"[\"'(«]*[0-9A-Za-z%$.,\-/]+[\"')»]*[.,،]?(?!\S)")
_TOKEN = re.compile(r"\S+")
_LEAD_PUNCT_NUMBER = re.compile(r"^[،,.؛]\d")


def _rejoin(line: str, toks: list[tuple[int, int]], words: Words) -> tuple[list[tuple[int, int]], dict[int, bool]]:
    """Reorder/glue token spans where a word was broken in two; return spans and glue flags."""
    out: list[tuple[int, int]] = []
    glued: dict[int, bool] = {}
    i = 0
    n = len(toks)
    line_keys = match_key(line).split()
    if len(line_keys) == n:
        # toks may be reordered (reversed runs): give each its key by position in the line
        keys = [""] * n
        for rank, t in enumerate(sorted(range(n), key=lambda t: toks[t][0])):
            keys[t] = line_keys[rank]
    else:  # a token made only of marks vanished from the key: go token by token
        keys = [match_key(line[a:b]) for a, b in toks]
    tail = [k if _AR_WORD.fullmatch(k) else None for k in keys]
    head = [_head_key(k) for k in keys]
    # Only a fragment can start a join: skip lines without one (most lines).
    parts = words.parts
    frag = [t in parts or h in parts for t, h in zip(tail, head)]
    if not any(frag):
        return list(toks), glued

    def join(x: int, y: int) -> bool:
        a, b = tail[x], head[y]
        if a is None or b is None:
            return False
        # A short piece beside anything, or two pieces that each occur once (السينار|يوهات).
        a_part, b_part = a in parts, b in parts
        if not ((a_part and len(a) <= 3) or (b_part and len(b) <= 3) or (a_part and b_part)):
            return False
        return words.joinable(a, b)

    while i < n:
        if i + 1 < n and join(i, i + 1):
            out.append(toks[i])
            out.append(toks[i + 1])
            glued[len(out) - 1] = True
            i += 2
            continue
        if i + 2 < n and tail[i + 1] is not None and join(i, i + 2):
            # A X B -> X AB: one word sits between the two pieces.
            out.extend([toks[i + 1], toks[i], toks[i + 2]])
            glued[len(out) - 1] = True
            i += 3
            continue
        if i + 2 < n and tail[i + 1] is not None and join(i + 2, i):
            # B X A -> AB X
            out.extend([toks[i + 2], toks[i], toks[i + 1]])
            glued[len(out) - 2] = True
            i += 3
            continue
        out.append(toks[i])
        i += 1
    return out, glued


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


def split_word_join(left: str, right: str, words: Words) -> bool:  # noqa: D401
    """Tell whether the last word of `left` and the first of `right` are one word broken in two."""
    if not left or not right or left[-1].isspace() or not _is_letter(left[-1]):
        return False
    a = _tail_letters(left.rsplit(None, 1)[-1])
    b = _head_letters(right.split(None, 1)[0])
    return a is not None and b is not None and words.joinable(a, b)


@lru_cache(maxsize=65536)
def _tail_letters(token: str) -> str | None:
    """Return the match key of a token that ends with a letter, else None."""
    key = match_key(token)
    m = _AR_WORD.fullmatch(key)
    return m.group(0) if m else None


@lru_cache(maxsize=65536)
def _token_key(token: str) -> str:
    return match_key(token)


def _head_key(key: str) -> str | None:
    m = _AR_WORD.match(key)
    return m.group(0) if m else None


@lru_cache(maxsize=65536)
def _head_letters(token: str) -> str | None:
    """Return the leading letters (match key) of a token that starts with a letter, else None."""
    m = _AR_WORD.match(match_key(token))
    return m.group(0) if m else None


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u064b" <= ch <= "\u0652" or ch == "\u0640"


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


def drop_repeats(blocks: list[list[Line]], repairs: Counter) -> list[list[Line]]:
    """Drop pull quotes: blocks repeated verbatim inside other blocks, then repeated runs of lines."""
    return _drop_repeated_runs(_drop_repeated_blocks(blocks, repairs), repairs)


def _drop_repeated_blocks(blocks: list[list[Line]], repairs: Counter) -> list[list[Line]]:
    """Drop a block whose words occur verbatim inside another block (or earlier, identical)."""
    keys = [" ".join(_AR_WORD.findall(match_key(" ".join(line.text for line in b)))) for b in blocks]
    out: list[list[Line]] = []
    for i, block in enumerate(blocks):
        k = keys[i]
        if len(k) >= 40 and any(j != i and (k in keys[j] if len(keys[j]) > len(k) else (k == keys[j] and j < i)) for j in range(len(keys))):
            repairs["pull_quote"] += 1
            continue
        out.append(block)
    return out


def _drop_repeated_runs(blocks: list[list[Line]], repairs: Counter) -> list[list[Line]]:
    """Drop pull quotes: runs of lines whose words repeat elsewhere and that interrupt a sentence.

    A line counts as repeated when nearly all its word trigrams occur twice in the
    document. A pull quote is set apart by the layout (its run starts a block) and cuts
    into running text (the text before it does not end a sentence); the other copy is
    the original. Runs are dropped one at a time, so two copies never both go.
    """
    flat = [(bi, li, line) for bi, block in enumerate(blocks) for li, line in enumerate(block)]
    line_words = [_AR_WORD.findall(match_key(line.text)) for _, _, line in flat]
    grams = [list(zip(w, w[1:], w[2:])) for w in line_words]
    # Count over the whole word stream: the original copy may break its lines elsewhere.
    stream = [w for ws in line_words for w in ws]
    counts: Counter = Counter(zip(stream, stream[1:], stream[2:]))

    def repeated(k: int) -> bool:
        gs = grams[k]
        return len(gs) >= 2 and sum(1 for g in gs if counts[g] >= 2) >= 0.8 * len(gs)

    def in_context(k: int) -> bool:
        # The words across the break (end of the line before + start of this one) also
        # occur elsewhere: this copy sits in its own sentence, the other is the quote.
        before, here = line_words[k - 1][-2:], line_words[k][:1]
        return len(before) == 2 and len(here) == 1 and counts[(before[0], before[1], here[0])] >= 2

    drop: set[int] = set()
    k = 0
    while k < len(flat):
        if k == 0 or flat[k][1] != 0 or ends_sentence(flat[k - 1][2].text) or not repeated(k) or in_context(k):
            k += 1
            continue
        end = k
        while end + 1 < len(flat) and repeated(end + 1):
            end += 1
        if sum(len(grams[j]) for j in range(k, end + 1)) >= 4:
            for j in range(k, end + 1):
                drop.add(j)
                counts.subtract(grams[j])
            repairs["pull_quote"] += 1
        k = end + 1
    out: list[list[Line]] = [[] for _ in blocks]
    for k, (bi, _, line) in enumerate(flat):
        if k not in drop:
            out[bi].append(line)
    return [b for b in out if b]

