"""Read what a brief shows from the graph, only through the named library queries (`queries/brief_*.cypher`)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import neo4j

from irkg.errors import InputError
from irkg.queries.execute import run_named
from irkg.queries.library import Library, load_library

LANGS = ("en", "ar")
WORKERS = 4  # section queries run at a time (the driver is thread-safe; each run has its own session)
# The sections' queries, each run once with the selection's parameters it declares.
SECTION_QUERIES = (
    "brief_events", "brief_agreements", "brief_frictions", "brief_constraints",
    "brief_indicators", "brief_stances", "brief_actors", "brief_links",
)


@dataclass(frozen=True)
class Selection:
    """What the analyst asked for: a topic, an actor, a span of years, a language."""

    topic: str | None = None
    actor: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    lang: str = "en"

    def check(self) -> None:
        """Fail with a message the user can act on when the options contradict each other."""
        if self.lang not in LANGS:
            raise InputError(f"--lang {self.lang!r}: use en or ar")
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise InputError(f"--from {self.year_from} is after --to {self.year_to}; give the earlier year first")


@dataclass
class Scope:
    """The selection resolved against the graph: topic ids and an actor id, with their names."""

    topics: list[dict[str, Any]] = field(default_factory=list)
    actor: dict[str, Any] | None = None

    def params(self, sel: Selection) -> dict[str, Any]:
        """Return the parameters every brief_* query takes."""
        return {
            "topics": [t["id"] for t in self.topics] or None,
            "actor": self.actor["id"] if self.actor else None,
            "year_from": sel.year_from,
            "year_to": sel.year_to,
        }


@dataclass
class BriefRows:
    """The rows of every section query, the sources they quote, and how long each query took."""

    selection: Selection
    scope: Scope
    sections: dict[str, list[dict[str, Any]]]
    sources: list[dict[str, Any]]
    seconds: dict[str, float]


def resolve_scope(driver: neo4j.Driver, library: Library, sel: Selection, database: str | None = None) -> Scope:
    """Turn --topic and --actor into ids; fail naming what exists when nothing matches."""
    scope = Scope()
    if sel.topic is None and sel.actor is None:
        return scope
    rows = run_named(driver, library.get("brief_scope"), {"topic": sel.topic, "actor": sel.actor}, database).rows
    scope.topics = [r for r in rows if r["kind"] == "topic"]
    actors = [r for r in rows if r["kind"] == "actor"]
    if sel.topic is not None and not scope.topics:
        known = [r["topic"] for r in run_named(driver, library.get("topics"), None, database).rows]
        raise InputError(f"--topic {sel.topic!r}: no topic of that id or name in the graph (topics: {', '.join(known) or 'none'})")
    if sel.actor is not None and not actors:
        raise InputError(f"--actor {sel.actor!r}: no actor of that id, name or alias in the graph; list them with `irkg actors`")
    scope.actor = actors[0] if actors else None  # the most connected of the actors sharing that name
    return scope


def quoted_files(sections: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Return the documents any row of any section quotes."""
    files: set[str] = set()

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            if "quote" in value and value.get("doc"):
                files.add(value["doc"])
            for v in value.values():
                visit(v)
        elif isinstance(value, list):
            for v in value:
                visit(v)

    visit(sections)
    return sorted(files)


def gather_brief(driver: neo4j.Driver, sel: Selection, database: str | None = None, library: Library | None = None) -> BriefRows:
    """Run the brief's library queries for a selection and return their rows."""
    sel.check()
    library = library or load_library()
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    scope = resolve_scope(driver, library, sel, database)
    seconds["brief_scope"] = time.perf_counter() - t
    params = scope.params(sel)

    def run(name: str) -> tuple[str, list[dict[str, Any]], float]:
        q = library.get(name)
        t = time.perf_counter()
        rows = run_named(driver, q, {k: v for k, v in params.items() if q.param(k)}, database).rows
        return name, rows, time.perf_counter() - t

    # The sections are independent reads: run side by side, they overlap planning and fetching.
    sections: dict[str, list[dict[str, Any]]] = {}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for name, rows, took in pool.map(run, SECTION_QUERIES):
            sections[name] = rows
            seconds[name] = took
    t = time.perf_counter()
    files = quoted_files(sections)
    sources = run_named(driver, library.get("brief_sources"), {"files": files}, database).rows if files else []
    seconds["brief_sources"] = time.perf_counter() - t
    return BriefRows(selection=sel, scope=scope, sections=sections, sources=sources, seconds=seconds)
