"""Create the graph's constraints and indexes on a server, safely and repeatably."""

from __future__ import annotations

from dataclasses import dataclass, field

import neo4j

from irkg.graph.connect import read_cypher
from irkg.schema import ddl

PREFERRED_ANALYZER = "arabic"
FALLBACK_ANALYZER = "standard-no-stop-words"


@dataclass
class SchemaItem:
    """One constraint or index and whether this run created it."""

    name: str
    kind: str  # "constraint", "index" or "fulltext"
    created: bool


@dataclass
class SchemaReport:
    """What `apply_schema` did."""

    items: list[SchemaItem] = field(default_factory=list)
    analyzer: str = PREFERRED_ANALYZER
    warnings: list[str] = field(default_factory=list)

    @property
    def created(self) -> list[SchemaItem]:
        return [i for i in self.items if i.created]


def list_constraints(driver: neo4j.Driver, database: str | None = None) -> list[dict]:
    """Return SHOW CONSTRAINTS rows (name, type, labels, properties)."""
    records, _, _ = driver.execute_query(read_cypher("show_constraints"), database_=database, routing_=neo4j.RoutingControl.READ)
    return [r.data() for r in records]


def list_indexes(driver: neo4j.Driver, database: str | None = None) -> list[dict]:
    """Return SHOW INDEXES rows (name, type, state, labels, properties, owningConstraint, analyzer)."""
    records, _, _ = driver.execute_query(read_cypher("show_indexes"), database_=database, routing_=neo4j.RoutingControl.READ)
    return [r.data() for r in records]


def list_analyzers(driver: neo4j.Driver, database: str | None = None) -> set[str]:
    """Return the names of the full-text analyzers the server offers."""
    records, _, _ = driver.execute_query(read_cypher("fulltext_analyzers"), database_=database, routing_=neo4j.RoutingControl.READ)
    return {r["analyzer"] for r in records}


def _run_ddl(driver: neo4j.Driver, statement: str, database: str | None) -> None:
    # Schema commands need their own auto-commit transaction.
    with driver.session(database=database) as session:
        session.run(statement).consume()


def apply_schema(driver: neo4j.Driver, database: str | None = None, wait_seconds: int = 300) -> SchemaReport:
    """Create missing constraints, indexes and the passage full-text index; wait until online."""
    report = SchemaReport()
    present = {c["name"] for c in list_constraints(driver, database)}
    present |= {i["name"] for i in list_indexes(driver, database)}
    for kind, statements in (("constraint", ddl.constraint_statements()), ("index", ddl.index_statements())):
        for name, statement in statements:
            _run_ddl(driver, statement, database)
            report.items.append(SchemaItem(name, kind, name not in present))

    analyzers = list_analyzers(driver, database)
    if PREFERRED_ANALYZER not in analyzers:
        report.analyzer = FALLBACK_ANALYZER
        report.warnings.append(
            f"the server has no '{PREFERRED_ANALYZER}' full-text analyzer; passage search uses "
            f"'{FALLBACK_ANALYZER}' (no Arabic stemming or normalization)"
        )
    name, statement = ddl.fulltext_statement(report.analyzer)
    _run_ddl(driver, statement, database)
    report.items.append(SchemaItem(name, "fulltext", name not in present))
    if name in present:
        existing = next((i for i in list_indexes(driver, database) if i["name"] == name), {})
        if existing.get("analyzer") and existing["analyzer"] != report.analyzer:
            report.warnings.append(
                f"full-text index '{name}' already exists with analyzer '{existing['analyzer']}', "
                f"not '{report.analyzer}' — drop it (DROP INDEX {name}) and apply again to change it"
            )
            report.analyzer = existing["analyzer"]

    with driver.session(database=database) as session:
        session.run(read_cypher("await_indexes"), seconds=wait_seconds).consume()
    return report
