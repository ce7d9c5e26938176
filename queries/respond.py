"""Answer a question: the library queries it asks for, the facts around what it names, then matching passages.

`irkg.queries.ask` reads and routes a question; this module runs what the question needs and
ranks the rows (`answer.py`), so a question the graph knows something about is never a dead end.
"""

from __future__ import annotations

import re
from typing import Any

import neo4j

from irkg.errors import InputError, IrkgError
from irkg.loaders.arabic import match_key
from irkg.queries.ask import (
    AskResult,
    NoMatchingQuery,
    THRESHOLD,
    QuestionFacts,
    Route,
    Router,
    fill_params,
    read_question,
)
from irkg.queries.execute import Answer, run_named
from irkg.queries.library import Library, NamedQuery, load_library

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
        pf = read_question(part, router.dicts) if part != question else facts
        try:
            best = router.route(part, pf)
        except NoMatchingQuery:
            continue
        if best.query.name == "did_happen" and not (pf.items or pf.event_type or facts.items or facts.event_type):
            # "what has Iran actually obtained ...": "actually" asks nothing about an event the question names;
            # the next query the words fit answers it
            best = next((r for r in router.score(part, pf)[1:] if r.score >= THRESHOLD and r.query.name != "did_happen"), None)
        if best is not None:
            add(best)
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
            if not what:
                return None
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
