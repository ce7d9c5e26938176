"""Remove documents from the graph: their passages, their evidence, and what only they stated.

Entities (actors, topics, items) follow the same rule as facts, dictionary actors
included: a node stays while some passage mentions it or some document-backed link
touches it, so the graph always equals what the loaded documents state, whatever the
order of loads and unloads. A dictionary actor reappears when a document mentions it.
"""

from __future__ import annotations

from dataclasses import dataclass

import neo4j

from irkg.errors import InputError
from irkg.graph.connect import read_cypher
from irkg.graph.merge import remove_contributions


@dataclass
class UnloadReport:
    """What an unload removed."""

    docs: list[str]
    nodes_deleted: int = 0
    relationships_deleted: int = 0

    def add(self, summary: neo4j.ResultSummary) -> None:
        """Add a statement's counters."""
        c = summary.counters
        self.nodes_deleted += c.nodes_deleted
        self.relationships_deleted += c.relationships_deleted


def unload_in_tx(tx: neo4j.ManagedTransaction, docs: list[str]) -> UnloadReport:
    """Remove documents inside an open transaction (the caller commits)."""
    report = UnloadReport(list(docs))
    if not docs:
        return report
    contributions = tx.run(read_cypher("source_contributions"), docs=docs).single()["contributions"]
    facts = tx.run(read_cypher("unload_collect_facts"), docs=docs).single()["ids"]
    entities = tx.run(read_cypher("unload_collect_entities"), docs=docs).single()["ids"]
    ends = tx.run(read_cypher("unload_collect_ends"), facts=facts, entities=entities, docs=docs).single()["ids"]
    ids = list({*facts, *entities, *ends})
    report.add(tx.run(read_cypher("unload_links"), facts=facts, entities=entities, docs=docs).consume())
    report.add(tx.run(read_cypher("unload_passages"), docs=docs).consume())
    report.add(tx.run(read_cypher("unload_sources"), docs=docs).consume())
    report.add(tx.run(read_cypher("delete_unsupported_facts"), ids=ids).consume())
    report.add(tx.run(read_cypher("delete_orphan_entities"), ids=ids).consume())
    remove_contributions(tx, contributions)  # what stays is remerged from the documents still loaded
    return report


def resolve_documents(driver: neo4j.Driver, doc: str, database: str | None = None) -> list[str]:
    """Return the id of the one Source that `doc` names: its id, its relative path, or a path or file name that picks it alone."""
    wanted = doc.strip().replace("\\", "/").removeprefix("./")
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF") as s:
        found = s.execute_read(lambda tx: [r.data() for r in tx.run(read_cypher("match_sources"), doc=wanted)])
    exact = [r for r in found if r["exact"]]
    if exact:
        return sorted({r["id"] for r in exact})
    if len(found) > 1:
        shown = ", ".join(r["file"] for r in found[:10]) + (f" and {len(found) - 10} more" if len(found) > 10 else "")
        raise InputError(f"{doc!r} names {len(found)} loaded documents: {shown}; give the relative path or the document id")
    return [r["id"] for r in found]


def unload_document(driver: neo4j.Driver, doc: str, database: str | None = None) -> UnloadReport:
    """Remove one document, given by id or relative path (or a file name only it has), and everything only it stated."""
    docs = resolve_documents(driver, doc, database)
    if not docs:
        raise InputError(f"no loaded document with id or path {doc!r} — see `irkg stats` or MATCH (s:Source) RETURN s.id, s.file")
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        return session.execute_write(unload_in_tx, docs)
