"""Run library queries and ad-hoc Cypher in read transactions; turn results into plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j.exceptions import ClientError, CypherSyntaxError, Neo4jError
from neo4j.graph import Node, Path, Relationship

from irkg.errors import InputError, IrkgError
from irkg.queries.library import NamedQuery, bind_params


class WriteRefused(IrkgError):
    """Ad-hoc Cypher tried to change the graph; only reads are allowed."""


@dataclass
class Answer:
    """Columns and rows of one query run, with what ran."""

    columns: list[str]
    rows: list[dict[str, Any]]
    cypher: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    query: str | None = None


def to_plain(value: Any) -> Any:
    """Convert driver values (nodes, relationships, paths, temporals) to JSON-friendly ones."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"_path": [to_plain(n) for n in value.nodes], "_rels": [to_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _is_write_refusal(e: Neo4jError) -> bool:
    code = e.code or ""
    return code.endswith("AccessMode") or code.endswith("ForbiddenDueToTransactionType") or "read access mode" in str(e.message or "").lower()


def read_rows(driver: neo4j.Driver, cypher: str, params: dict[str, Any], database: str | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one statement in a READ transaction and return (columns, plain rows)."""

    def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
        result = tx.run(cypher, params)
        cols = list(result.keys())
        return cols, [{k: to_plain(r[k]) for k in cols} for r in result]

    with _read_session(driver, database) as session:
        return session.execute_read(work)


def _read_session(driver: neo4j.Driver, database: str | None) -> neo4j.Session:
    # Server notifications (e.g. a property no document has yet) would be logged as warnings.
    return driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
    )


def run_named(driver: neo4j.Driver, query: NamedQuery, given: dict[str, Any] | None = None, database: str | None = None) -> Answer:
    """Run a library query with its parameters (defaults filled in) in a read transaction."""
    params = bind_params(query, given)
    try:
        cols, rows = read_rows(driver, query.cypher, params, database)
    except Neo4jError as e:
        raise IrkgError(f"query {query.name!r} ({query.path.name}) failed on the server: {e.message or e}") from e
    return Answer(columns=cols, rows=rows, cypher=query.cypher, params=params, query=query.name)


def run_cypher(driver: neo4j.Driver, cypher: str, params: dict[str, Any] | None = None, database: str | None = None) -> Answer:
    """Run ad-hoc Cypher in a read transaction; refuse writes with a one-line message."""
    params = dict(params or {})
    try:
        cols, rows = read_rows(driver, cypher, params, database)
    except CypherSyntaxError as e:
        first = (e.message or str(e)).splitlines()[0]
        raise InputError(f"Cypher syntax error: {first}") from e
    except ClientError as e:
        if _is_write_refusal(e):
            raise WriteRefused("refused: `irkg cypher` runs read-only; this statement writes to the graph (use `irkg load` to change data)") from e
        first = (e.message or str(e)).splitlines()[0]
        raise InputError(f"Cypher failed: {first}") from e
    except Neo4jError as e:
        raise IrkgError(f"Cypher failed on the server: {e.message or e}") from e
    return Answer(columns=cols, rows=rows, cypher=cypher, params=params)


def explain_query(driver: neo4j.Driver, query: NamedQuery, database: str | None = None) -> dict[str, Any]:
    """EXPLAIN a library query in a read transaction and return the plan (server-side validation)."""

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
        summary = tx.run("EXPLAIN " + query.cypher, bind_params(query)).consume()
        return {"plan": summary.plan, "query_type": summary.query_type}

    with _read_session(driver, database) as session:
        return session.execute_read(work)
