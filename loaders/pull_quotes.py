"""Pull quotes: passages a PDF layout repeats verbatim, set apart from the running text."""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING

from irkg.loaders.arabic import match_keys
from irkg.loaders.boilerplate import ends_sentence

if TYPE_CHECKING:
    from irkg.loaders.normalize import Line

_AR_WORD = re.compile("[\u0621-\u064a]+")


def drop_repeats(blocks: list[list[Line]], repairs: Counter) -> list[list[Line]]:
    """Drop pull quotes: blocks repeated verbatim inside other blocks, then repeated runs of lines."""
    lines = [line for block in blocks for line in block]
    # The Arabic words (match-key form) of each line, found once for both passes.
    words_of = {id(line): _AR_WORD.findall(key) for line, key in zip(lines, match_keys([line.text for line in lines]))}
    return _drop_repeated_runs(_drop_repeated_blocks(blocks, repairs, words_of), repairs, words_of)


def _drop_repeated_blocks(blocks: list[list[Line]], repairs: Counter, words_of: dict[int, list[str]]) -> list[list[Line]]:
    """Drop a block whose words occur verbatim inside another block (or earlier, identical)."""
    keys = [" ".join([w for line in b for w in words_of[id(line)]]) for b in blocks]
    # One search over all keys tells which blocks occur more than once at all.
    sep = "\n"
    joined = sep.join(keys)
    out: list[list[Line]] = []
    at = 0
    for i, block in enumerate(blocks):
        k = keys[i]
        own, at = at, at + len(k) + 1
        repeated = len(k) >= 40 and (joined.find(k) != own or joined.find(k, own + 1) >= 0)
        if repeated and any(j != i and (k in keys[j] if len(keys[j]) > len(k) else (k == keys[j] and j < i)) for j in range(len(keys))):
            repairs["pull_quote"] += 1
            continue
        out.append(block)
    return out


def _drop_repeated_runs(blocks: list[list[Line]], repairs: Counter, words_of: dict[int, list[str]]) -> list[list[Line]]:
    """Drop pull quotes: runs of lines whose words repeat elsewhere and that interrupt a sentence.

    A line counts as repeated when nearly all its word trigrams occur twice in the
    document. A pull quote is set apart by the layout (its run starts a block) and cuts
    into running text (the text before it does not end a sentence); the other copy is
    the original. Runs are dropped one at a time, so two copies never both go.
    """
    flat = [(bi, li, line) for bi, block in enumerate(blocks) for li, line in enumerate(block)]
    line_words = [words_of[id(line)] for _, _, line in flat]
    # Count over the whole word stream: the original copy may break its lines elsewhere.
    stream = list(chain.from_iterable(line_words))
    counts: Counter = Counter(zip(stream, stream[1:], stream[2:]))
    grams_of: dict[int, list[tuple[str, str, str]]] = {}

    def grams(k: int) -> list[tuple[str, str, str]]:
        if k not in grams_of:
            w = line_words[k]
            grams_of[k] = list(zip(w, w[1:], w[2:]))
        return grams_of[k]

    def repeated(k: int) -> bool:
        gs = grams(k)
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
        if sum(len(grams(j)) for j in range(k, end + 1)) >= 4:
            for j in range(k, end + 1):
                drop.add(j)
                counts.subtract(grams(j))
            repairs["pull_quote"] += 1
        k = end + 1
    out: list[list[Line]] = [[] for _ in blocks]
    for k, (bi, _, line) in enumerate(flat):
        if k not in drop:
            out[bi].append(line)
    return [b for b in out if b]
