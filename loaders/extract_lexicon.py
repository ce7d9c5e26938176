"""Cue lexicons: YAML word lists compiled into one clitic-aware pattern over the match key.

An entry matches at a word start, after optional proclitics (و ف ب ل ك ال لل بال and the
future prefix س), and may run on with inflection suffixes; an entry ending in "=" must end
the word. Hits carry key offsets; `Keyed` maps them back to display-text offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from irkg.errors import IrkgError
from irkg.loaders.arabic import match_key, match_key_aligned

# libyaml when PyYAML has it: the cue files are read at every start.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DICT_DIR = Path(__file__).parent / "dictionaries"
_PREFIX = r"(?P<pre>[وف]?(?:بال|وال|كال|لل|ال|[بلكس])?)"


_GAP = r"[\s\-\u2013\u2014]+"


def _trie_pattern(words: list[str]) -> str:
    """Compile words into one regex alternation shaped as a trie (longest match first; fast in `re`)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in re.sub(r"\s+", " ", w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(_GAP if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _fold_dash(k: str) -> str:
    return re.sub(r"[\s\-\u2013\u2014]+", " ", k)


@dataclass(frozen=True)
class CueHit:
    start: int  # key offsets
    end: int
    cue: str  # the entry (key form)
    cat: str  # category the entry belongs to
    prefix: str


class Lexicon:
    """A set of cue entries, each with a category, searchable in a match key."""

    def __init__(self, entries: dict[str, str]):
        self.cats: dict[str, str] = {}
        self.exact: set[str] = set()
        for raw, cat in entries.items():
            k = match_key(str(raw)).strip()
            if k.endswith("="):
                k = k[:-1]
                self.exact.add(k)
            if k.startswith("ال") and len(k) > 4:
                # ل + ال is written لل: "للدفاع المشترك" must reach "الدفاع المشترك"
                variant = "لل" + k[2:]
                self.cats.setdefault(variant, cat)
                if k in self.exact:
                    self.exact.add(variant)
            if k:
                self.cats[k] = cat
        # hits are looked up with dashes and spaces folded ("North–South" = "north south")
        self.folded = {_fold_dash(k): c for k, c in self.cats.items()}
        self.exact |= {_fold_dash(k) for k in self.exact}
        alts = _trie_pattern(list(self.cats))
        self.pattern = re.compile(rf"(?<!\w){_PREFIX}(?P<cue>{alts})(?P<suf>\w*)") if alts else None
        self.token_memo: dict[str, str | None] = {}  # whole-token lookups (parse.clauses.word_class)

    def find(self, key: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Return cue hits in `key[start:end]`, left to right."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(key, start, len(key) if end is None else end):
            cue = re.sub(r"[\s\-\u2013\u2014]+", " ", m.group("cue"))
            if cue in self.exact and m.group("suf"):
                continue
            if m.group("pre") and not cue[0].isalpha():
                continue
            pre = m.group("pre")
            if pre and pre + cue in self.folded and not (pre + cue in self.exact and m.group("suf")):
                # "كما" is an entry of its own, not ك + "ما": the longer literal wins
                out.append(CueHit(m.start("pre"), m.end(), pre + cue, self.folded[pre + cue], ""))
                continue
            out.append(CueHit(m.start("cue"), m.end(), cue, self.folded[cue], pre))
        return out


def read_yaml(name: str | Path) -> dict:
    """Load one dictionary file (a name under loaders/dictionaries, or a path), failing with its name on malformed YAML."""
    path = DICT_DIR / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as e:
        raise IrkgError(f"{path.name}: cannot read dictionary ({str(e).splitlines()[0]}); fix the YAML") from e
    if not isinstance(data, dict):
        raise IrkgError(f"{path.name}: expected a mapping at top level; fix the YAML")
    return data


def lexicon_of(groups: dict[str, list[str]]) -> Lexicon:
    """Build a lexicon from {category: [entries]}."""
    entries: dict[str, str] = {}
    for cat, words in groups.items():
        for w in words or []:
            entries[str(w)] = cat
    return Lexicon(entries)


@lru_cache(maxsize=None)
def load_lexicon(name: str, section: str | None = None) -> Lexicon:
    """Compile the {category: [entries]} mapping in `name` (or in its `section`)."""
    data = read_yaml(name)
    groups = data.get(section, {}) if section else data
    if not isinstance(groups, dict):
        raise IrkgError(f"{DICT_DIR / name}: section {section!r} must map categories to word lists")
    return lexicon_of({k: v for k, v in groups.items() if isinstance(v, list)})


class Keyed:
    """A passage text with its match key and the map from key to text offsets."""

    __slots__ = ("text", "key", "pos")

    def __init__(self, text: str):
        self.text = text
        self.key, self.pos = match_key_aligned(text)

    def to_text(self, ks: int, ke: int) -> tuple[int, int]:
        """Map a key span to a display-text span."""
        if not self.pos:
            return 0, 0
        ks = min(ks, len(self.pos) - 1)
        return self.pos[ks], self.pos[max(ks, min(ke, len(self.pos)) - 1)] + 1

    def to_key(self, ts: int) -> int:
        """Map a display-text offset to the first key offset at or after it."""
        import bisect

        return bisect.bisect_left(self.pos, ts)
