"""What the graph holds: counts per label and relationship type, provenance checks, actors to curate."""

from __future__ import annotations

from dataclasses import dataclass, field

import neo4j

from irkg.graph.connect import read_cypher

_QUIET = {"notifications_min_severity": "OFF"}


@dataclass
class Stats:
    """Counts per label and relationship type, and the checks `irkg stats` prints."""

    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    facts_without_evidence: int = 0
    entities_without_support: int = 0
    links_without_documents: int = 0
    incomplete_sources: int = 0
    unlinked_actors: int = 0

    def render(self) -> str:
        """Return the counts as aligned text lines."""
        width = max(map(len, [*self.labels, *self.relationships, "facts without evidence"])) + 2
        lines = ["nodes:"]
        lines += [f"  {k:<{width}}{v:>9}" for k, v in self.labels.items()]
        lines.append("relationships:")
        lines += [f"  {k:<{width}}{v:>9}" for k, v in self.relationships.items()]
        lines.append("checks:")
        lines += [
            f"  {'facts without evidence':<{width}}{self.facts_without_evidence:>9}   (must be 0)",
            f"  {'links without documents':<{width}}{self.links_without_documents:>9}   (must be 0)",
            f"  {'unsupported entities':<{width}}{self.entities_without_support:>9}   (must be 0)",
            f"  {'incomplete sources':<{width}}{self.incomplete_sources:>9}   (0 unless a load is running)",
            f"  {'unlinked actors':<{width}}{self.unlinked_actors:>9}   (awaiting curation: irkg actors --unlinked)",
        ]
        return "\n".join(lines)


def graph_stats(driver: neo4j.Driver, database: str | None = None) -> Stats:
    """Count nodes per label and relationships per type, and run the provenance checks."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS, **_QUIET) as session:
        labels = session.execute_read(_single, "count_labels")
        rels = session.execute_read(_single, "count_relationships")
        checks = session.execute_read(_single, "check_provenance")
    return Stats(labels=labels, relationships=rels, **checks)


def list_actors(
    driver: neo4j.Driver, unlinked_only: bool = True, database: str | None = None,
    max_quotes: int = 3, limit: int = 1000,
) -> list[dict]:
    """Return actors (by default only unlinked ones) with mention counts and their first quotes."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS, **_QUIET) as session:
        return session.execute_read(
            lambda tx: [r.data() for r in tx.run(read_cypher("list_actors"), unlinked_only=unlinked_only,
                                                  max_quotes=max_quotes, limit=limit)]
        )


def render_actors(actors: list[dict]) -> str:
    """Return actors and their quotes as text, one block per actor."""
    if not actors:
        return "no actors"
    lines = []
    for a in actors:
        names = ", ".join(n for n in a["names"] if n) or a["label"]
        lines.append(f"{a['id']}  ({a['type']}, {a['mentions']} mentions{'' if a['linked'] else ', unlinked'})  {names}")
        lines += [f"    {q['file']}#{q['passage']}: {q['quote']}" for q in a["quotes"]]
    return "\n".join(lines)


def _single(tx: neo4j.ManagedTransaction, name: str) -> dict:
    return tx.run(read_cypher(name)).single().data()
