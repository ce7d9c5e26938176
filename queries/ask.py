"""Read and route a question in English or Arabic: the library query that fits and its parameters.

`ask` (in respond.py, re-exported here) runs what the question needs and ranks the answer.

Routing is a small score per query: rapidfuzz similarity between the question and the
query's example questions (both reduced to their content words: no stop words, no
actor or topic names) plus a bonus per header keyword found in the question. Below the
threshold nothing runs: the caller lists the closest example questions instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from irkg.errors import IrkgError
from irkg.loaders.arabic import match_key
from irkg.loaders.dictionaries import key_tokens
from irkg.loaders.extract_lexicon import read_yaml
from irkg.queries.execute import Answer
from irkg.queries.library import Library, NamedQuery

CUES_FILE = Path(__file__).resolve().parent / "ask_cues.yaml"
# The relationship this graph is about: naming both sides is the question's frame, not a filter.
PAIR = ("iran", "russia")
THRESHOLD = 45.0
KEYWORD_BONUS = 30.0
_YEAR_RE = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
_CLITICS = ("وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")


class NoMatchingQuery(IrkgError):
    """No library query fits the question well enough."""

    def __init__(self, question: str, closest: list[tuple[str, str, float]]):
        self.question = question
        self.closest = closest
        names = "; ".join(f"{ex!r} ({name})" for name, ex, _ in closest[:3])
        super().__init__(f"no library query fits {question!r}; closest questions: {names} (see `irkg query list`)")


@dataclass
class QuestionFacts:
    """What the question names: actors, topics, items, years and cue words, plus its content words."""

    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    year_mode: str = "both"
    event_type: str | None = None
    period: str | None = None
    effect: str | None = None
    certainty: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)
    topic_actors: list[str] = field(default_factory=list)
    quoted: str | None = None


@dataclass
class Route:
    """A query with its routing score and the example question that scored best."""

    query: NamedQuery
    score: float
    example: str
    keywords: list[str] = field(default_factory=list)


@dataclass
class AskResult:
    """The question, the route taken, the filled parameters and the answer.

    `answer` is the first query that ran (the intent, else where the rows came from); `rows` is
    the ranked answer from every query that ran, each row with its direct one-line answer.
    """

    question: str
    route: Route
    params: dict[str, Any]
    answer: Answer
    facts: QuestionFacts
    understanding: Any = None
    parts: list[Answer] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)
    lang: str = "en"
    explain: list[str] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    note: str | None = None


@functools.lru_cache(maxsize=1)
def load_cues(path: Path = CUES_FILE) -> dict[str, Any]:
    """Read the question cue words (event types, periods, certainty, year words, stop words)."""
    data = read_yaml(path)  # malformed YAML fails there, naming the file
    keyed = {
        "event_types": {k: [_key_tokens(w) for w in v] for k, v in data.get("event_types", {}).items()},
        "periods": {k: [_key_tokens(w) for w in v] for k, v in data.get("periods", {}).items()},
        "certainty": {k: [_key_tokens(w) for w in v] for k, v in data.get("certainty", {}).items()},
        "effects": {k: [_key_tokens(w) for w in v] for k, v in data.get("effects", {}).items()},
        "year_from": [_key_tokens(w) for w in data.get("year_from", [])],
        "year_to": [_key_tokens(w) for w in data.get("year_to", [])],
        "stopwords": frozenset(t for w in data.get("stopwords", []) for t in _key_tokens(w)),
    }
    return keyed


def _key_tokens(text: str) -> tuple[str, ...]:
    # The dictionaries' own tokenizer, so names in questions split as the alias index does ("S-400" -> s, 400).
    return tuple(key_tokens(str(text)))


@functools.lru_cache(maxsize=65536)
def _variants(token: str) -> tuple[str, ...]:
    """Return the token and its forms without Arabic proclitics (never stems: only known prefixes)."""
    out = [token]
    if re.match(r"[\u0621-\u064a]", token):
        for c in _CLITICS:
            if token.startswith(c) and len(token) - len(c) >= 2:
                rest = token[len(c):]
                out.append(rest)
                if c in ("لل", "ولل"):
                    out.append("ال" + rest)
    return tuple(out)


def longest_names(tokens: list[str], max_len: int, lookup, variants=_variants):
    """Yield (i, n, targets) left to right: the longest run of tokens from i that `lookup(key)` knows (the first
    token also without its proclitics), then on after it; a token no name starts at is passed over."""
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            for first in variants(tokens[i]):
                targets = lookup((first, *tokens[i + 1 : i + n]))
                if targets:
                    hit = (n, targets)
                    break
            if hit:
                break
        if not hit:
            i += 1
            continue
        yield i, hit[0], hit[1]
        i += hit[0]


def usable_name(target: Any, question: str, key: tuple[str, ...]) -> bool:
    """A weak alias never names anything in a question; an acronym only when the question writes it in capitals."""
    if target.how == "weak":
        return False
    if target.how == "acronym":
        return re.search(r"\b" + re.escape(" ".join(key).upper()) + r"\b", question) is not None
    return True


def _match_at(tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(tokens) or not phrase:
        return False
    if phrase[0] not in _variants(tokens[i]):
        return False
    return all(tokens[i + j] == phrase[j] or phrase[j] in _variants(tokens[i + j]) for j in range(1, len(phrase)))


def _find_phrase(tokens: list[str], phrase: tuple[str, ...]) -> int:
    return next((i for i in range(len(tokens)) if _match_at(tokens, i, phrase)), -1)


def recognize_question(question: str, dicts: Any) -> tuple[QuestionFacts, list[str]]:
    """Return what the question names (via the dictionaries' aliases) and its tokens not taken by names."""
    tokens = list(_key_tokens(question))
    facts = QuestionFacts()
    taken = [False] * len(tokens)
    max_len = max(getattr(dicts, "max_len", 1) or 1, 6)

    def lookup(key: tuple[str, ...]) -> list:
        return [t for t in [*dicts.entity_index.get(key, []), *dicts.topic_index.get(key, [])] if _usable(t, question, key)]

    for i, n, targets in longest_names(tokens, max_len, lookup):
        kinds = {t.kind for t in targets}
        for t in targets:
            if t.kind == "actor" and "topic" in kinds:
                facts.topic_actors.append(t.ref)  # "Syria" names the topic as much as the state
            bucket = {"actor": facts.actors, "topic": facts.topics, "item": facts.items}.get(t.kind)
            if bucket is not None and t.ref not in bucket:
                bucket.append(t.ref)
                if t.kind == "item":
                    item = dicts.items.get(t.ref)
                    for topic in getattr(item, "topics", []) or []:
                        if topic not in facts.topics:
                            facts.topics.append(topic)
        for j in range(i, i + n):
            taken[j] = True
    rest = [t for t, used in zip(tokens, taken) if not used]
    if not facts.topics:
        # "nuclear" names the family of topic ids nuclear_*; the queries match it as a prefix.
        ids = list(getattr(dicts, "topics", {}) or {})
        for t in rest:
            if len(t) >= 4 and any(i.startswith(t + "_") for i in ids):
                facts.topics.append(t)
                rest = [r for r in rest if r != t]
                break
    return facts, rest


def _usable(target: Any, question: str, key: tuple[str, ...]) -> bool:
    return target.kind in ("actor", "topic", "item") and usable_name(target, question, key)


def read_question(question: str, dicts: Any) -> QuestionFacts:
    """Return the actors, topics, items, years and cue words of a question, and its content words."""
    cues = load_cues()
    facts, rest = recognize_question(question, dicts)
    facts.years = [int(y) for y in _YEAR_RE.findall(match_key(question))]
    tokens = list(_key_tokens(question))
    if facts.years:
        if any(_find_phrase(tokens, w) >= 0 for w in cues["year_from"]) and len(facts.years) == 1:
            facts.year_mode = "from"
        elif any(_find_phrase(tokens, w) >= 0 for w in cues["year_to"]) and len(facts.years) == 1:
            facts.year_mode = "to"
    facts.event_type = next((k for k, ws in cues["event_types"].items() if any(_find_phrase(rest, w) >= 0 for w in ws)), None)
    facts.period = next((k for k, ws in cues["periods"].items() if any(_find_phrase(rest, w) >= 0 for w in ws)), None)
    facts.certainty = [k for k, ws in cues["certainty"].items() if any(_find_phrase(rest, w) >= 0 for w in ws)]
    effects = [k for k, ws in cues["effects"].items() if any(_find_phrase(rest, w) >= 0 for w in ws)]
    facts.effect = effects[0] if len(effects) == 1 else None
    m = re.search(r"[\"“«']([^\"”»']{2,})[\"”»']", question)
    facts.quoted = m.group(1).strip() if m else None
    facts.words = [t for t in rest if t not in cues["stopwords"] and not _YEAR_RE.fullmatch(t)]
    facts.rest = rest
    return facts


class Router:
    """Score library queries against a question; built once per library and dictionaries."""

    def __init__(self, library: Library, dicts: Any):
        self.library = library
        self.dicts = dicts
        self._examples: dict[str, list[tuple[str, str]]] = {}
        self._keywords: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for q in library:
            self._examples[q.name] = [(ex, " ".join(read_question(ex, dicts).words)) for ex in q.examples]
            self._keywords[q.name] = [(k, _key_tokens(k)) for k in q.keywords if _key_tokens(k)]

    def score(self, question: str, facts: QuestionFacts | None = None) -> list[Route]:
        """Return every query with its score, best first."""
        facts = facts or read_question(question, self.dicts)
        content = " ".join(facts.words)
        routes = []
        for q in self.library:
            best, best_ex = 0.0, q.examples[0] if q.examples else ""
            for ex, ex_content in self._examples[q.name]:
                s = fuzz.token_set_ratio(content, ex_content) * 0.5 + fuzz.ratio(content, ex_content) * 0.5 if content and ex_content else 0.0
                if s > best:
                    best, best_ex = s, ex
            # Keywords may hold stop words ("why not", "how much"): match them on every token not taken by a name.
            hits = [(k, toks) for k, toks in self._keywords[q.name] if _find_phrase(facts.rest, toks) >= 0]
            # A phrase ("why not", "third parties") says more than a single word.
            weight = sum(1.5 if len(toks) > 1 else 1.0 for _, toks in hits)
            score = best * 0.6 + KEYWORD_BONUS * min(weight, 3.0)
            routes.append(Route(q, round(score, 1), best_ex, [k for k, _ in hits]))
        return sorted(routes, key=lambda r: (-r.score, r.query.name))

    def route(self, question: str, facts: QuestionFacts | None = None, threshold: float = THRESHOLD) -> Route:
        """Return the best query, or raise NoMatchingQuery with the closest example questions."""
        routes = self.score(question, facts)
        if not routes or routes[0].score < threshold:
            raise NoMatchingQuery(question, [(r.query.name, r.example, r.score) for r in routes[:5]])
        return routes[0]


def fill_params(query: NamedQuery, facts: QuestionFacts, question: str = "") -> dict[str, Any]:
    """Return the parameters the question gives for a query (the rest keep their defaults)."""
    others = [a for a in facts.actors if a not in PAIR]
    if query.param("topic") is not None and facts.topics:
        others = [a for a in others if a not in facts.topic_actors]
    out: dict[str, Any] = {}
    for p in query.params:
        value: Any = None
        if p.fill == "topic" and facts.topics:
            value = facts.topics[0]
        elif p.fill == "actor":
            if query.param("actor2") is not None:
                value = facts.actors[0] if facts.actors else None
            else:
                value = others[0] if others else None
        elif p.fill == "actor2" and len(facts.actors) > 1:
            value = facts.actors[1]
        elif p.fill == "year_from" and facts.years and facts.year_mode in ("both", "from"):
            value = min(facts.years)
        elif p.fill == "year_to" and facts.years and facts.year_mode in ("both", "to"):
            value = max(facts.years)
        elif p.fill == "event_type":
            value = facts.event_type
        elif p.fill == "period":
            value = facts.period
        elif p.fill == "certainty" and facts.certainty:
            value = facts.certainty
        elif p.fill == "item" and facts.items:
            value = facts.items[0]
        elif p.fill == "effect":
            value = facts.effect
        elif p.fill == "node":
            named = facts.items + facts.actors
            value = facts.quoted or (named[0] if len(named) == 1 else None) or _phrase(query, question)
        if value is not None:
            out[p.name] = value
    return out


def _phrase(query: NamedQuery, question: str) -> str | None:
    """Return the words after the question's last keyword (a name to look up), in their written form."""
    words = [w.strip("?؟.,!:;«»\"'()") for w in question.split()]
    kw = {t for k in query.keywords for t in _key_tokens(k)}
    stop = load_cues()["stopwords"]
    last = max((i for i, w in enumerate(words) if any(v in kw for v in _variants(match_key(w)))), default=-1)
    tail = [w for w in words[last + 1 :] if w]
    while tail and match_key(tail[0]) in stop:
        tail.pop(0)
    return " ".join(tail) or None


# The answering itself (intents, subgraph, passages, ranking) lives in respond.py; `ask` is its entry point.
from irkg.queries.respond import NothingMatches, ask  # noqa: E402,F401  (re-exported: irkg.queries.ask.ask)
