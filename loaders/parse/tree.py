"""Constituency trees over a passage's tokens, with the tokens' offsets in the passage's display text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_BRACKET = re.compile(r"\(|\)|[^\s()]+")


class Node:
    """A constituent over tokens [i, j); a preterminal (POS tag) has `tok` >= 0 and no children."""

    __slots__ = ("label", "cat", "kids", "parent", "i", "j", "tok")

    def __init__(self, label: str, parent: Node | None = None):
        self.label = label
        # the label without function tags or indices (NP-SBJ-1 -> NP); read on every step of every walk
        self.cat = label.split("-", 1)[0] if label[:1] != "-" else label
        self.kids: list[Node] = []
        self.parent = parent
        self.i = self.j = 0
        self.tok = -1

    @property
    def is_pre(self) -> bool:
        return self.tok >= 0

    def ancestors(self) -> Iterator[Node]:
        n = self.parent
        while n is not None:
            yield n
            n = n.parent

    def walk(self) -> Iterator[Node]:
        """Yield this node and its descendants, pre-order."""
        stack = [self]
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed(n.kids))

    def __repr__(self) -> str:
        return f"Node({self.label} {self.i}:{self.j})"


def parse_bracketed(text: str) -> Node:
    """Parse "(ROOT (S (NP (NNP 0)) ...))", leaves being token indices, into nodes with spans."""
    stack: list[Node] = []
    root: Node | None = None
    expect_label = False
    for m in _BRACKET.finditer(text):
        t = m.group()
        if t == "(":
            expect_label = True
        elif t == ")":
            n = stack.pop()
            if n.kids:
                n.i, n.j = n.kids[0].i, n.kids[-1].j
            if not stack:
                root = n
        elif expect_label:
            n = Node(t, stack[-1] if stack else None)
            if stack:
                stack[-1].kids.append(n)
            stack.append(n)
            expect_label = False
        else:  # a leaf: this preterminal's token index
            n = stack[-1]
            n.tok = int(t)
            n.i, n.j = n.tok, n.tok + 1
    if root is None:
        raise ValueError("empty tree")
    return root


@dataclass
class Sentence:
    """Tokens (start, end, POS) with offsets in the passage text, and the tree over them (None if unparsed)."""

    tokens: list[tuple[int, int, str]]
    root: Node | None
    pre: list[Node | None] = field(default_factory=list)  # the preterminal of each token

    @property
    def start(self) -> int:
        return self.tokens[0][0] if self.tokens else 0

    @property
    def end(self) -> int:
        return self.tokens[-1][1] if self.tokens else 0

    def pos(self, i: int) -> str:
        return self.tokens[i][2]


class ParsedPassage:
    """A passage's sentences as the parser saw them, with lookups from character spans to tokens."""

    def __init__(self, text: str, answer: dict | None):
        self.text = text
        self.sentences: list[Sentence] = []
        for s in (answer or {}).get("s", []):
            toks = [(int(b), int(e), str(p)) for b, e, p in s.get("t", [])]
            if not toks:
                continue
            root = None
            pre: list[Node | None] = [None] * len(toks)
            if s.get("p"):
                try:
                    root = parse_bracketed(s["p"])
                except (ValueError, IndexError):
                    root = None
            if root is not None:
                for n in root.walk():
                    if n.is_pre and n.tok < len(pre):
                        pre[n.tok] = n
                if root.cat == "X" or any(p is None for p in pre):
                    root = None  # too long for the parser, or a tree that does not cover the tokens
            self.sentences.append(Sentence(toks, root, pre if root is not None else []))
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing a character offset (the nearest one before it otherwise)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[k] if k >= 0 else (self.sentences[0] if self.sentences else None)

    def tokens_of(self, start: int, end: int) -> tuple[Sentence, int, int] | None:
        """Return (sentence, i, j): the tokens overlapping the span [start, end), or None."""
        s = self.sentence_at(start)
        if s is None:
            return None
        i = next((k for k, (b, e, _) in enumerate(s.tokens) if e > start), None)
        if i is None or s.tokens[i][0] >= end:
            return None
        j = i
        while j < len(s.tokens) and s.tokens[j][0] < end:
            j += 1
        return s, i, j
