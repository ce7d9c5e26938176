"""Answer a question in English or Arabic: pick the library query that fits, fill its parameters, run it.

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

import neo4j
from rapidfuzz import fuzz

from irkg.errors import InputError, IrkgError
from irkg.loaders.arabic import match_key
from irkg.loaders.dictionaries import key_tokens
from irkg.loaders.extract_lexicon import read_yaml
from irkg.queries.execute import Answer, run_named
from irkg.queries.library import Library, NamedQuery, load_library

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
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            for first in _variants(tokens[i]):
                key = (first, *tokens[i + 1 : i + n])
                targets = list(dicts.entity_index.get(key, [])) + list(dicts.topic_index.get(key, []))
                targets = [t for t in targets if _usable(t, question, key)]
                if targets:
                    hit = (n, targets)
                    break
            if hit:
                break
        if not hit:
            i += 1
            continue
        n, targets = hit
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
        i += n
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
    if target.kind not in ("actor", "topic", "item"):
        return False
    if target.how == "weak":
        return False
    if target.how == "acronym":
        return re.search(r"\b" + re.escape(" ".join(key).upper()) + r"\b", question) is not None
    return True


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


YES_NO = re.compile(r"^\s*(did|does|do|has|have|had|was|were|is|are|will|would|can|could)\b|^\s*(و?هل)\s", re.I)
PROFILE_CUES = re.compile(r"\b(done|did|do|say|said|says|stated|revealed|declared|announced|role|position|stance)\b|"
                          r"(ماذا فعل|ماذا قال|ماذا أكد|ما دور|ما موقف|دوره|دورها|موقفه|موقفها|قال|أكد|صرح|كشف)")
PASSAGE_LIMIT = 40
SUBGRAPH_LIMIT = 40
SOURCE_PASSAGES = 10  # passages of a document the question points at, searched on their own
MAX_INTENTS = 3
CONTEXT_ROWS = 10  # rows whose first quote gets the sentence after it as context


class NothingMatches(NoMatchingQuery):
    """No query fits and neither the named entities nor the passages match: say what the graph covers."""

    def __init__(self, question: str, closest: list[tuple[str, str, float]], coverage: list[str]):
        super().__init__(question, closest)
        self.coverage = coverage


def choose_intents(question: str, facts: QuestionFacts, u: Any, router: Router) -> list[Route]:
    """Return the library queries the question asks for, best first: "did X happen", a profile, then what the router finds per part."""
    lib = router.library
    out: list[Route] = []

    def add(route: Route) -> None:
        if all(r.query.name != route.query.name for r in out):
            out.append(route)

    if YES_NO.search(question) and (facts.items or facts.event_type) and "did_happen" in lib.queries:
        add(Route(lib.get("did_happen"), 100.0, "yes/no question about an item or event"))
    people = [e for e in u.focus if e.kind == "actor" and e.ref not in facts.topic_actors]
    if people and PROFILE_CUES.search(question) and "actor_profile" in lib.queries:
        add(Route(lib.get("actor_profile"), 90.0, "what an actor did or said"))
    for part in u.parts if len(u.parts) > 1 else [question]:
        try:
            add(router.route(part, read_question(part, router.dicts) if part != question else facts))
        except NoMatchingQuery:
            continue
    return out[:MAX_INTENTS]


def fill_for(query: NamedQuery, facts: QuestionFacts, u: Any, question: str) -> dict[str, Any]:
    """Return the parameters for a query: what `fill_params` reads, plus the named entities and search terms."""
    from irkg.queries.understand import search_terms

    params = fill_params(query, facts, question)
    for p in query.params:
        if p.fill == "entities":
            params[p.name] = u.refs(frame=False) or u.refs()
        elif p.fill == "terms":
            params[p.name], params["boosts"] = search_terms(u)
        elif p.fill == "actor" and query.name == "actor_profile":
            focus = [e.ref for e in u.focus if e.kind == "actor"]
            params[p.name] = params.get(p.name) or (focus[0] if focus else None)
    return params


def ask(
    driver: neo4j.Driver,
    question: str,
    library: Library | None = None,
    dicts: Any = None,
    database: str | None = None,
    router: Router | None = None,
    lang: str | None = None,
) -> AskResult:
    """Answer a question: the queries it asks for, the facts around what it names, then matching passages; ranked rows."""
    from irkg.queries.answer import build_rows
    from irkg.queries.understand import explain_lines, understand

    if not question.strip():
        raise InputError("empty question; e.g. irkg ask \"what constrains arms deliveries?\"")
    if router is None:
        if dicts is None:
            from irkg.loaders.dictionaries import load_dictionaries

            dicts = load_dictionaries()
        router = Router(library or load_library(), dicts)
    lib = router.library
    facts = read_question(question, router.dicts)
    u = understand(question, router.dicts)
    # a topic word inside a longer name ("treaty" in "the strategic partnership treaty") is no topic filter
    linked = set(u.refs("topic"))
    facts.topics = [t for t in facts.topics if t in linked or t not in router.dicts.topics]
    lang = lang or u.lang
    intents = choose_intents(question, facts, u, router)
    ran: list[tuple[Answer, str, int, float]] = []  # (answer, tier, rank among intents, routing score)
    for rank, route in enumerate(intents):
        params = fill_for(route.query, facts, u, question)
        ran.append((run_named(driver, route.query, params, database), "library", rank, route.score))
    if u.focus and "entity_facts" in lib.queries:
        q = lib.get("entity_facts")
        ran.append((run_named(driver, q, {**fill_for(q, facts, u, question), "limit": SUBGRAPH_LIMIT}, database), "entities", 0, 0.0))
    sources = _named_sources(driver, lib, question, u, database)
    search = _search_passages(driver, lib, facts, u, question, database)
    if search is not None and sources:
        # the passages of the document the question points at, however the others rank
        more = _search_passages(driver, lib, facts, u, question, database, docs=list(sources), limit=SOURCE_PASSAGES)
        seen = {r["passage"] for r in search.rows}
        search.rows += [r for r in (more.rows if more else []) if r["passage"] not in seen]
    if search is not None:
        ran.append((search, "passages", 0, 0.0))
    rows = build_rows(ran, u, lang, generic=_generic(u, intents), sources=sources)
    _add_context(driver, lib, rows[:CONTEXT_ROWS], u, database)
    explain = explain_lines(u, [r.query.name for r in intents])
    note = _note(ran, intents, facts, lang)
    if intents:
        primary, route = ran[0][0], intents[0]
    elif rows:
        name = rows[0].query
        primary = next(a for a, *_ in ran if a.query == name)
        route = Route(lib.get(name), 0.0, "")
    else:
        closest = [(r.query.name, r.example, r.score) for r in router.score(question, facts)[:5]]
        raise NothingMatches(question, closest, _coverage(driver, lib, database))
    return AskResult(question=question, route=route, params=primary.params, answer=primary, facts=facts,
                     understanding=u, parts=[a for a, *_ in ran], rows=rows, lang=lang, explain=explain,
                     intents=[r.query.name for r in intents], note=note)


def _note(ran: list[tuple[Answer, str, int, float]], intents: list[Route], facts: QuestionFacts, lang: str) -> str | None:
    """Return a line that answers a yes/no question the graph holds no event for, before the passages that speak of it."""
    for (answer, *_), route in zip(ran, intents):
        if route.query.name == "did_happen" and not answer.rows:
            what = ", ".join(facts.items) or facts.event_type or ""
            if lang == "ar":
                return f"لا حدث في الرسم البياني عن {what}؛ الفقرات أدناه تذكره."
            return f"No event in the graph concerns {what}; the passages below speak of it."
    return None


def _generic(u: Any, intents: list[Route]) -> bool:
    """Tell whether the question only asks for a kind of fact (a list), naming nothing to look for."""
    if not intents:
        return False
    if u.focus or u.years:
        return False
    keywords = set()
    for r in intents:
        for k in r.query.keywords:
            keywords |= {w.lower() for w in k.split()}
    own = [t for t in u.terms if t.weight >= 1.0 and t.text.lower() not in keywords and match_key(t.text) not in keywords]
    return len(own) <= 1


def _search_passages(driver: neo4j.Driver, lib: Library, facts: QuestionFacts, u: Any, question: str, database: str | None,
                     docs: list[str] | None = None, limit: int = 0) -> Answer | None:
    """Run the full-text passage search; a server without the index (schema not applied) gives nothing."""
    if "passages_search" not in lib.queries:
        return None
    q = lib.get("passages_search")
    params = {**fill_for(q, facts, u, question), "limit": limit or PASSAGE_LIMIT, "docs": docs or []}
    if not params.get("terms"):
        return None
    try:
        return run_named(driver, q, params, database)
    except IrkgError:
        return None


def _add_context(driver: neo4j.Driver, lib: Library, rows: list[Any], u: Any, database: str | None) -> None:
    """Give the first quote of each fact row the sentence after it, so a quote that opens a thought keeps it."""
    from irkg.queries.answer import SHOW_QUOTES, clause_quote

    wanted = {}
    for r in rows:
        if r.tier != "passages" and r.quotes and r.quotes[0].get("doc") and r.quotes[0].get("passage") is not None:
            wanted[f"{r.quotes[0]['doc']}#{r.quotes[0]['passage']}"] = r
    if not wanted or "passage_context" not in lib.queries:
        return
    for row in run_named(driver, lib.get("passage_context"), {"at": list(wanted)}, database).rows:
        r = wanted.get(row["at"])
        if r is None:
            continue
        have = {(q.get("doc"), q.get("passage")) for q in r.quotes}
        for where, at in (("context after", 1), ("context before", None)):
            if where == "context before" and len(r.quotes) >= SHOW_QUOTES:
                break  # the sentence before only where it displaces no other source's quote
            for q in row.get("quotes") or []:
                if q.get("certainty") == where and (q["doc"], q["passage"]) not in have:
                    q = {**q, "clause": clause_quote(q["quote"], u)}
                    r.quotes.insert(at if at is not None else len(r.quotes), q)


def _named_sources(driver: neo4j.Driver, lib: Library, question: str, u: Any, database: str | None) -> dict[str, float]:
    """Return the documents the question points at ("according to the … brief"), from the loaded sources."""
    from irkg.queries.understand import match_sources

    if "sources" not in lib.queries:
        return {}
    rows = run_named(driver, lib.get("sources"), {}, database).rows
    u.sources = match_sources(question, rows, " ".join(e.text for e in u.entities))
    return u.sources


def _coverage(driver: neo4j.Driver, lib: Library, database: str | None) -> list[str]:
    """Return what the graph covers: its topics with how many facts each (at most 12)."""
    if "topics" not in lib.queries:
        return []
    try:
        rows = run_named(driver, lib.get("topics"), {}, database).rows
    except IrkgError:
        return []
    return [f"{r['topic']} ({r['facts']} facts)" for r in rows if r.get("facts")][:12]
