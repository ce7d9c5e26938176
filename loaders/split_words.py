"""Words broken in two by PDF extraction (`تعز` + `يز`), rejoined on the document's own evidence.

Two pieces are joined when the joined word occurs in the same document (or, with its
proclitics peeled, in a small general lexicon) and at least one piece does not look like
a word of its own. The same word index scores word pairs, to tell a short run that reads
backwards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from irkg.loaders.arabic import DIACRITICS, match_key, match_key_aligned
from irkg.loaders.boilerplate import cues
from irkg.loaders.extract_lexicon import read_yaml

_RUN = re.compile(r"\S+(?:[ \t]\S+)*")
_AR_WORD = re.compile("[\u0621-\u064a]+")
_WORD_OR_BREAK = re.compile("[\u0621-\u064a]+|\n")


class Words:
    """The document's own vocabulary (match-key form), the evidence for rejoining split words."""

    __slots__ = ("counts", "stems", "function_words", "parts", "bigrams")

    def __init__(self, text: str = "") -> None:
        key = match_key(text) if text else ""
        # The document's words line by line, each line ending with a "\n" marker (so no
        # pair spans two lines); gapped lines read with their runs reversed, as the repair will.
        lines = [" ".join(_RUN.findall(line)[::-1]) if "  " in line else line for line in key.split("\n")]
        seq: list[str] = _WORD_OR_BREAK.findall("\n".join(lines) + "\n")
        self.counts: Counter = Counter(seq)
        del self.counts["\n"]
        self.bigrams: Counter = Counter(zip(seq, seq[1:]))
        self.stems = {strip_clitics(w) for w in self.counts}
        fw = self.function_words = cues()["function_words"]
        # is_part, inlined: a fragment is short or occurs once, and is not a function word.
        self.parts = {w for w, c in self.counts.items() if w not in fw and (len(w) < 3 or c < 2)}

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
    raw = read_yaml("lexicon_ar.yaml")
    return frozenset(strip_clitics(match_key(str(w))) for w in raw.get("words", []))


@lru_cache(maxsize=65536)
def strip_clitics(word: str) -> str:
    """Peel one layer of leading proclitics (و ف ب ل ك ال) when three letters remain."""
    return _CLITIC.sub("", word, count=1)


def word_counts(text: str) -> Words:
    """Index the words of a document for split-word repair."""
    return Words(text)



def has_candidates(line: str, words: Words) -> bool:
    """Tell whether a line holds a piece that could be half of a broken word."""
    return _has_candidates(match_key(line), words.parts)


def has_key_candidates(key_line: str, words: Words) -> bool:
    """Tell whether a line, given as its match key, holds a piece that could be half of a broken word."""
    return _has_candidates(key_line, words.parts)


def _has_candidates(key_line: str, parts: set[str]) -> bool:
    # A short piece, or two one-off pieces (السينار|يوهات); otherwise nothing to join.
    found = _AR_WORD.findall(key_line)
    hits = parts.intersection(found)
    if len(hits) != 1:
        return bool(hits)
    (hit,) = hits
    return len(hit) <= 3 or found.count(hit) > 1


def rejoin_tokens(
    line: str, toks: list[tuple[int, int]], words: Words, key_line: str | None = None
) -> tuple[list[tuple[int, int]], dict[int, bool]]:
    """Reorder/glue token spans where a word was broken in two; return spans and glue flags.

    `key_line` is match_key(line) when the caller has it already.
    """
    if key_line is None:
        key_line = match_key(line)
    if not _has_candidates(key_line, words.parts):
        return list(toks), {}
    n = len(toks)
    pairs = _HEAD_REST.findall(key_line)  # per key token: (leading letters, the rest)
    if len(pairs) == n:
        ordered = sorted(toks)
        if ordered != toks:
            # toks are reordered (reversed runs): give each its key by position in the line
            rank = {t: r for r, t in enumerate(ordered)}
            pairs = [pairs[rank[t]] for t in toks]
    else:  # a token made only of marks vanished from the key: go token by token
        pairs = [_head_rest(match_key(line[a:b])) for a, b in toks]
    return rejoin_pairs(toks, pairs, words)


def rejoin_pairs(
    toks: list[tuple[int, int]], pairs: list[tuple[str, str]], words: Words
) -> tuple[list[tuple[int, int]], dict[int, bool]]:
    """rejoin_tokens for a line that has candidates, given (leading letters, rest) of each token's key."""
    glued: dict[int, bool] = {}
    n = len(toks)
    parts = words.parts
    # Only a piece found among the fragments (a "hot" token) can take part in a join.
    hot = [x for x in range(n) if pairs[x][0] in parts]
    if not hot:
        return list(toks), glued
    # tail: the key when it is all letters; head: its leading letters.
    head = [h or None for h, _ in pairs]
    tail = [h if h and not r else None for h, r in pairs]
    # A join needs a short piece beside anything, or two pieces that each occur once
    # (السينار|يوهات): flag the pieces once, test pairs with these flags.
    tail_part = [False] * n
    short_tail = [False] * n
    head_part = [False] * n
    short_head = [False] * n
    for x in hot:
        head_part[x] = True
        short_head[x] = len(head[x]) <= 3
        if tail[x] is not None:
            tail_part[x] = True
            short_tail[x] = short_head[x]

    def join(x: int, y: int) -> bool:
        if tail[x] is None or head[y] is None:
            return False
        if not (short_tail[x] or short_head[y] or (tail_part[x] and head_part[y])):
            return False
        return words.joinable(tail[x], head[y])

    out: list[tuple[int, int]] = []
    i = 0
    h = 0
    while i < n:
        # A join at i needs a hot token at i, i + 1 or i + 2: copy the stretch before one.
        while h < len(hot) and hot[h] < i:
            h += 1
        if h == len(hot):
            out.extend(toks[i:])
            break
        if hot[h] - 2 > i:
            out.extend(toks[i : hot[h] - 2])
            i = hot[h] - 2
        if i + 1 < n and join(i, i + 1):
            out.append(toks[i])
            out.append(toks[i + 1])
            glued[len(out) - 1] = True
            i += 2
            continue
        if i + 2 < n and tail[i + 1] is not None:
            if join(i, i + 2):
                # A X B -> X AB: one word sits between the two pieces.
                out.extend([toks[i + 1], toks[i], toks[i + 2]])
                glued[len(out) - 1] = True
                i += 3
                continue
            if join(i + 2, i):
                # B X A -> AB X
                out.extend([toks[i + 2], toks[i], toks[i + 1]])
                glued[len(out) - 2] = True
                i += 3
                continue
        out.append(toks[i])
        i += 1
    return out, glued


_HEAD_REST = re.compile("(?<!\\S)(?=\\S)([\u0621-\u064a]*)(\\S*)")


def token_pairs(key_line: str, n: int) -> list[tuple[str, str]] | None:
    """Return (leading letters, rest) of each of the n tokens of a line's match key, or None when keys and tokens do not align."""
    pairs = _HEAD_REST.findall(key_line)
    return pairs if len(pairs) == n else None


def _head_rest(key: str) -> tuple[str, str]:
    """Split a token key into its leading Arabic letters and the rest."""
    m = _AR_WORD.match(key)
    return (m.group(), key[m.end() :]) if m else ("", key)


def split_word_join(left: str, right: str, words: Words) -> bool:
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
def token_key(token: str) -> str:
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


# --- words run together in web captures («روسياوإيران», «الإيرانيةموسكو», "SmaginNikita") -------

# A teh marbuta or alef maqsura only ends a word: a letter right after one starts the next word.
_FINAL_INSIDE = re.compile("[\u0629\u0649][\u064b-\u0652]*(?=[\u0621-\u064a])")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_CAMEL = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?=[A-Z][a-z]{2,})")
_MIN_PART = 3
_WORDS = re.compile(r"[\u0621-\u064a]+|[a-z]+")


class Glue:
    """Where a document's words run together: judged on its distinct words, once.

    A word is two words run together when a teh marbuta or alef maqsura sits inside it, when
    it is two dictionary names (روسيا|وإيران, الولايات|المتحدة), or a name beside a word the
    document also writes alone (للاستقرار|بوتين); a Latin word is when both its capitalised
    halves are written alone elsewhere (Smagin|Nikita). `splits`: offsets in the text where a
    space is missing.
    """

    __slots__ = ("names", "vocab", "glued", "splits")

    def __init__(self, names: frozenset[str], text: str) -> None:
        self.names = names  # match-key tokens of dictionary names (3+ letters)
        key = match_key(text)
        self.vocab: frozenset[str] = frozenset(_WORDS.findall(" ".join(set(key.split()))))
        self.glued: dict[str, int] = {}
        for tok in self.vocab:
            if len(tok) >= 2 * _MIN_PART and _AR_WORD.fullmatch(tok):
                at = self._split_at(tok)
                if at is not None:
                    self.glued[tok] = at
        out = [m.end() for m in _FINAL_INSIDE.finditer(text)]
        for m in _CAMEL.finditer(text):
            nxt = _CAPITALISED.match(text, m.end())
            a, b = m.group().lower(), nxt.group().lower() if nxt else ""
            if b and ((a in self.vocab and b in self.vocab) or (a in names and b in names)):
                out.append(m.end())
        if self.glued:
            alts = "|".join(sorted(self.glued, key=len, reverse=True))
            finder = re.compile(f"(?<![\u0621-\u064a])(?:{alts})(?![\u0621-\u064a])")
            hits = [m.start() + self.glued[m.group()] for m in finder.finditer(key)]
            out += _text_offsets(text, key, hits)
        self.splits: list[int] = sorted(set(out))

    def is_name(self, w: str) -> bool:
        """Tell whether a key token is a name token, possibly behind و ف ب ل ك (لل for ال)."""
        names = self.names
        if w in names:
            return True
        # behind a clitic, only longer names: بايكونور is not ب + ايكو + نور
        if len(w) > 6 and w[0] in "وف" and w[1] in "بلك" and w[2:] in names:
            return True
        return len(w) > 5 and w[0] in "وفبلك" and (w[1:] in names or (w[1] == "ل" and "ا" + w[1:] in names))

    def _split_at(self, tok: str) -> int | None:
        """Return where a space goes inside an Arabic token (match key), or None."""
        vocab = self.vocab
        if self.is_name(tok) or strip_clitics(tok) in _lexicon():
            return None
        for i in range(_MIN_PART, len(tok) - _MIN_PART + 1):
            a, b = tok[:i], tok[i:]
            a_name = self.is_name(a)
            if a_name and (len(b) >= 4 and b in self.names or b[0] == "و" and b[1:] in self.names):
                return i  # two names (روسيا|وإيران, الولايات|المتحدة)
            # a name beside a word the document also writes alone (للاستقرار|بوتين)
            b_name = b in self.names
            if a_name != b_name and min(len(a), len(b)) >= 4 and ((b in vocab) if a_name else (a in vocab)):
                return i
        return None


def _text_offsets(text: str, key: str, at: list[int]) -> list[int]:
    """Map match-key offsets back to the text; the key only lacks the text's diacritics and tatweel."""
    if not at:
        return []
    if len(key) == len(text):
        return at
    removed = [m.start() for m in DIACRITICS.finditer(text)]
    if len(text) - len(removed) != len(key):  # presentation forms or ligatures: align in full
        _, pos = match_key_aligned(text)
        return [pos[k] for k in at]
    out = []
    for k in at:
        p = k
        while True:  # the text offset p of key offset k: p - (diacritics before p) == k, p a letter
            q = k + bisect_right(removed, p)
            if q == p:
                break
            p = q
        out.append(p)
    return out


_NAMES: dict[int, frozenset[str]] = {}


def glue_names(dicts) -> frozenset[str]:
    """Return the match-key tokens (3+ letters) of the dictionaries' actor and place names."""
    got = _NAMES.get(id(dicts))
    if got is None:
        got = _NAMES[id(dicts)] = frozenset(
            t for toks, targets in dicts.entity_index.items()
            if any(x.kind in ("actor", "place") and x.how != "weak" for x in targets)
            for t in toks if len(t) >= _MIN_PART)
    return got
