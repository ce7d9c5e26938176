"""Write extractions into Neo4j: batched, idempotent, incremental, with provenance.

One transaction per batch of documents. In it, any older version of each document
(same relative path, other id; or same id, other hashes or dictionaries) is unloaded first, then
sources, passages, nodes and links are merged, each node's properties are remerged from
every document's variant (graph/merge.py), and each Source gets its `sha256` and
`complete: true` last. A crash, a kill or a lost server rolls back the open batch only;
rerunning skips the documents already committed and converges to the same graph.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

import neo4j
from neo4j import exceptions as nex

from irkg.errors import ConnectionFailed
from irkg.graph.connect import read_cypher
from irkg.graph.merge import add_contributions
from irkg.graph.rows import TYPE_LABELS, BatchRows, extraction_rows
from irkg.graph.unload import unload_in_tx
from irkg.schema.pipeline import DocExtraction

# Warnings such as "property key does not exist" on an empty graph are noise to a user.
QUIET = {"notifications_min_severity": "OFF"}
_SMALL = 10_000  # relationships: below this, cached plans may come from an empty graph
_LOST = (nex.ServiceUnavailable, nex.SessionExpired, nex.IncompleteCommit)


class DocumentLike(Protocol):
    """What plan_load needs of a document: `Document` and `DocumentRecord` both fit."""

    id: str
    file: str
    sha256: str
    meta_sha256: str


@dataclass
class LoadProgress:
    """Where a load stands, passed to the progress callback after every batch."""

    done: int
    total: int | None
    loaded: int
    skipped: int
    failed: int
    passages: int
    facts: int
    elapsed: float


@dataclass
class LoadReport:
    """What a load did."""

    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    passages: int = 0
    facts: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # read warnings (metadata, corpus.yaml, empty folders): one line each

    @property
    def facts_per_second(self) -> float:
        return self.facts / self.seconds if self.seconds > 0 else 0.0

    def add(self, summary: neo4j.ResultSummary | LoadReport) -> None:
        """Add a statement's counters (or another report's)."""
        if isinstance(summary, LoadReport):
            for name in ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted"):
                setattr(self, name, getattr(self, name) + getattr(summary, name))
            return
        c = summary.counters
        self.nodes_created += c.nodes_created
        self.nodes_deleted += c.nodes_deleted
        self.relationships_created += c.relationships_created
        self.relationships_deleted += c.relationships_deleted

    def merge(self, other: LoadReport) -> None:
        """Fold another report (e.g. one batch) into this one."""
        for name in ("loaded", "skipped", "failed", "replaced", "warnings", "notices"):
            getattr(self, name).extend(getattr(other, name))
        for name in ("passages", "facts", "nodes_created", "nodes_deleted",
                     "relationships_created", "relationships_deleted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> str:
        """Return the end-of-load summary, a few lines."""
        lines = [
            f"documents: {len(self.loaded)} loaded, {len(self.skipped)} unchanged (skipped), "
            f"{len(self.failed)} failed" + (f", {len(self.replaced)} older versions replaced" if self.replaced else ""),
            f"written: {self.passages} passages, {self.facts} facts in {self.seconds:.1f}s "
            f"({self.facts_per_second:.0f} facts/s)",
            f"graph: +{self.nodes_created} / -{self.nodes_deleted} nodes, "
            f"+{self.relationships_created} / -{self.relationships_deleted} relationships",
        ]
        lines += [f"failed: {doc}: {why}" for doc, why in self.failed]
        lines += [f"warning: {notice}" for notice in self.notices]
        if self.warnings:
            lines.append(f"warnings: {len(self.warnings)} (links or facts not written), e.g. {self.warnings[0]}")
        return "\n".join(lines)


def plan_load(
    driver: neo4j.Driver,
    documents: Iterable[DocumentLike],
    database: str | None = None,
    fingerprint: str = "",
    force: bool = False,
) -> tuple[list[DocumentLike], list[DocumentLike]]:
    """Split documents into (to_load, unchanged): unchanged ones are loaded completely with the same hashes and fingerprint."""
    docs = list(documents)
    if force or not docs:
        return docs, []
    current = _find_sources(driver, [d.id for d in docs], [], database)
    to_load, unchanged = [], []
    for d in docs:
        (unchanged if _unchanged(current.get(d.id), d, fingerprint) else to_load).append(d)
    return to_load, unchanged


def _unchanged(source: dict | None, d: DocumentLike, fingerprint: str) -> bool:
    """Tell whether a loaded Source is complete and has the document's content, metadata and fingerprint."""
    return (source is not None and source["complete"] and source["sha256"] == d.sha256
            and (source["meta_sha256"] or "") == d.meta_sha256 and (source["extracted_with"] or "") == fingerprint)


def load_extractions(
    driver: neo4j.Driver,
    extractions: Iterable[DocExtraction],
    database: str | None = None,
    batch_docs: int = 20,
    progress: Callable[[LoadProgress], None] | None = None,
    fingerprint: str = "",
    force: bool = False,
    total: int | None = None,
) -> LoadReport:
    """Write extractions in batches of `batch_docs` documents, one transaction per batch."""
    report = LoadReport()
    started = time.perf_counter()
    if total is None and isinstance(extractions, Sequence):
        total = len(extractions)
    with driver.session(database=database, default_access_mode=neo4j.WRITE_ACCESS, **QUIET) as session:
        small = session.execute_read(lambda tx: tx.run(read_cypher("count_relationships_total")).single()[0]) < _SMALL
        for batch in _batches(extractions, max(1, batch_docs)):
            report.merge(_load_batch(session, batch, fingerprint, force, len(report.loaded) + len(report.skipped),
                                     split=small))
            small = small and not report.loaded
            report.seconds = time.perf_counter() - started
            if progress:
                progress(LoadProgress(
                    done=len(report.loaded) + len(report.skipped) + len(report.failed), total=total,
                    loaded=len(report.loaded), skipped=len(report.skipped), failed=len(report.failed),
                    passages=report.passages, facts=report.facts, elapsed=report.seconds,
                ))
    report.seconds = time.perf_counter() - started
    return report


def _refresh_plans(session: neo4j.Session) -> None:
    # Plans made on an empty graph scan all relationships for MERGE (the cost model sees none),
    # which is slow even within one batch. So on a (nearly) empty graph the first batch commits its
    # nodes first (sources still incomplete), the plans are dropped, and its links and completion
    # follow in a second transaction, planned on a graph that has data: MERGE then expands from the
    # bound nodes. A crash in between leaves incomplete sources, which the next load replaces.
    try:
        session.run(read_cypher("clear_query_caches")).consume()
    except nex.ClientError:
        pass  # not allowed on this server: the planner replans on its own after a while


def _batches(items: Iterable[DocExtraction], size: int) -> Iterator[list[DocExtraction]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        # A document twice in one batch is written once (the later copy).
        yield list({x.document.id: x for x in batch}.values())


def _load_batch(
    session: neo4j.Session, batch: list[DocExtraction], fingerprint: str, force: bool, done: int, split: bool = False
) -> LoadReport:
    """Write one batch; if it fails for its content, write its documents one by one to isolate the bad one."""
    rows = {x.document.id: extraction_rows(x, fingerprint) for x in batch}
    try:
        if not split:
            return session.execute_write(_write_batch, batch, rows, fingerprint, force)
        report = session.execute_write(_write_batch, batch, rows, fingerprint, force, False)
        if report.loaded:
            _refresh_plans(session)
            report.add(session.execute_write(_write_links, [rows[d] for d in report.loaded]))
        return report
    except _LOST as e:
        raise _lost(e, done) from e
    except (nex.Neo4jError, nex.DriverError, TypeError, ValueError, OverflowError) as e:
        if len(batch) == 1:
            report = LoadReport()
            report.failed.append((batch[0].document.file, _reason(e)))
            return report
    report = LoadReport()
    for x in batch:
        report.merge(_load_batch(session, [x], fingerprint, force, done + len(report.loaded)))
    return report


def _write_batch(
    tx: neo4j.ManagedTransaction, batch: list[DocExtraction], rows: dict[str, BatchRows], fingerprint: str, force: bool,
    links: bool = True,
) -> LoadReport:
    report = LoadReport()
    ids = [x.document.id for x in batch]
    files = [x.document.file for x in batch]
    current = _sources_in_tx(tx, ids, files)
    todo: list[DocExtraction] = []
    for x in batch:
        if not force and _unchanged(current.get(x.document.id), x.document, fingerprint):
            report.skipped.append(x.document.id)
        else:
            todo.append(x)
    if not todo:
        return report
    todo_ids = {x.document.id for x in todo}
    todo_files = {x.document.file for x in todo}
    stale = sorted(sid for sid, s in current.items()
                   if sid in todo_ids or (s["file"] in todo_files and sid not in ids))
    if stale:
        gone = unload_in_tx(tx, stale)
        report.nodes_deleted += gone.nodes_deleted
        report.relationships_deleted += gone.relationships_deleted
        report.replaced.extend(s for s in stale if s not in todo_ids)

    out = BatchRows()
    for x in todo:
        out.extend(rows[x.document.id])
    if links:
        report.add(write_rows(tx, out))
        report.add(_complete(tx, out))
    else:
        report.add(write_rows(tx, BatchRows(sources=out.sources, passages=out.passages, nodes=out.nodes)))
    report.loaded.extend(x.document.id for x in todo)
    report.passages += len(out.passages)
    report.facts += out.facts
    report.warnings += out.warnings
    return report


def _complete(tx: neo4j.ManagedTransaction, rows: BatchRows) -> neo4j.ResultSummary:
    """Merge the documents' variants into their nodes, then mark the sources complete with what they contributed."""
    contributions = add_contributions(tx, rows.nodes)
    done = [{"id": s["id"], "sha256": s["sha256"], "contributions": contributions.get(s["id"], [])} for s in rows.sources]
    return tx.run(read_cypher("mark_sources_complete"), rows=done).consume()


def _write_links(tx: neo4j.ManagedTransaction, docs: list[BatchRows]) -> LoadReport:
    """Write the links of documents whose nodes an earlier transaction wrote, then mark them complete."""
    out = BatchRows()
    for rows in docs:
        out.extend(rows)
    ends = {(ln[f"{e}_label"], ln[e]) for ln in out.links + out.entity_links for e in ("from", "to")}
    found = tx.run(read_cypher("find_record_nodes"), rows=[{"label": label, "id": id_} for label, id_ in ends])
    known = {(r["label"], r["id"]): r["eid"] for r in found}
    report = write_rows(tx, BatchRows(links=out.links, entity_links=out.entity_links), known)
    report.add(_complete(tx, out))
    return report


def write_rows(tx: neo4j.ManagedTransaction, rows: BatchRows, known: dict[tuple[str, str], str] | None = None) -> LoadReport:
    """Run the write statements for some rows; links find their ends by the element ids the merges return (or `known`)."""
    report = LoadReport()
    eids: dict[tuple[str, str], str] = dict(known or {})
    for name, params in (("merge_sources", {"rows": rows.sources}),
                         ("merge_nodes", {"rows": rows.nodes, "type_labels": list(TYPE_LABELS)})):
        result = tx.run(read_cypher(name), **params)
        eids.update(((r["label"], r["id"]), r["eid"]) for r in result)
        report.add(result.consume())
        if name == "merge_sources":
            report.add(tx.run(read_cypher("create_passages"), rows=rows.passages).consume())
    for name, links in (("merge_links", rows.links), ("merge_entity_links", rows.entity_links)):
        ends = [{**ln, "a": eids.get((ln["from_label"], ln["from"])), "b": eids.get((ln["to_label"], ln["to"]))}
                for ln in links]
        report.add(tx.run(read_cypher(name), rows=[e for e in ends if e["a"] and e["b"]]).consume())
    return report


def _sources_in_tx(tx, ids: list[str], files: list[str]) -> dict[str, dict]:
    return {r["id"]: r.data() for r in tx.run(read_cypher("find_sources"), ids=ids, files=files)}


def _find_sources(driver: neo4j.Driver, ids: list[str], files: list[str], database: str | None) -> dict[str, dict]:
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS, **QUIET) as session:
        return session.execute_read(_sources_in_tx, ids, files)


def _reason(e: Exception) -> str:
    msg = getattr(e, "message", None) or str(e) or type(e).__name__
    return msg.splitlines()[0][:300]


def _lost(e: Exception, done: int) -> ConnectionFailed:
    return ConnectionFailed(
        f"lost the connection to Neo4j after {done} documents ({_reason(e)}); the batch in progress was "
        "rolled back — rerun the same command to resume (loaded documents are skipped)"
    )
