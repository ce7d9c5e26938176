"""Turn one document's extraction into the parameter rows the write statements UNWIND.

Pure: no database. Rows of many documents are concatenated so a batch of documents
is written with one call per statement.

Provenance rules the writer relies on (and `unload.py` undoes):
- a fact is written only with evidence from its document (`EVIDENCED_BY` to a passage);
- an entity (actor, topic, item) is written only if the document mentions it (`MENTIONS`
  from a passage) or one of the document's written facts links to it;
- every link between nodes carries `docs`, the ids of the documents that state it, and is
  written only when both ends are records of the same document, so the graph depends only
  on the set of loaded documents, never on the order they were loaded in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from irkg.schema.graph import (
    ACTOR_TYPE_LABEL,
    ENTITY_RECORDS,
    FACT_RECORDS,
    ActorRecord,
    ActorType,
    Evidence,
    Record,
    RelType,
    StanceRecord,
)
from irkg.schema.links import record_links
from irkg.schema.pipeline import DocExtraction

FACT_LABELS: tuple[str, ...] = tuple(m.NODE_LABEL for m in FACT_RECORDS)
ENTITY_LABELS: tuple[str, ...] = tuple(m.NODE_LABEL for m in ENTITY_RECORDS)
TYPE_LABELS: tuple[str, ...] = tuple(ACTOR_TYPE_LABEL.values())
SOURCE_LABEL = "Source"

# Evidence becomes EVIDENCED_BY/MENTIONS; fields naming other records stay as properties
# too (queries may filter on them) besides becoming links.
_SKIP_FIELDS = {"id", "evidence"}


@dataclass
class BatchRows:
    """Rows for one write transaction: sources, passages, nodes and links of many documents."""

    sources: list[dict] = field(default_factory=list)
    passages: list[dict] = field(default_factory=list)
    nodes: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    entity_links: list[dict] = field(default_factory=list)
    facts: int = 0
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: BatchRows) -> None:
        """Append another document's rows."""
        self.sources += other.sources
        self.passages += other.passages
        self.nodes += other.nodes
        self.links += other.links
        self.entity_links += other.entity_links
        self.facts += other.facts
        self.warnings += other.warnings


def extraction_rows(x: DocExtraction, fingerprint: str = "") -> BatchRows:
    """Return the rows that write one document's contribution."""
    doc = x.document
    out = BatchRows()
    out.sources.append(_source_row(x, fingerprint))
    out.passages.extend(_passage_row(doc.id, p) for p in {p.idx: p for p in x.passages}.values())
    passage_ids = {p.idx for p in x.passages}

    records = [r for r in x.records if r.kind != "document"]
    facts: dict[str, Record] = {}
    for r in records:
        if r.NODE_LABEL not in FACT_LABELS:
            continue
        ev = [e for e in r.evidence if e.passage in passage_ids]
        if not ev:
            out.warnings.append(f"{doc.file}: {r.kind} {r.id} has no evidence in this document; not written")
            continue
        facts[_key(r)] = r
    entities = {_key(r): r for r in records if r.NODE_LABEL in ENTITY_LABELS}

    known = {**facts, **entities}
    links: list[dict] = []
    for r in facts.values():
        links.extend(_record_links(r, doc.id, known, out.warnings, doc.file))
    for r in entities.values():
        if any(e.passage in passage_ids for e in r.evidence):
            links.extend(_record_links(r, doc.id, known, out.warnings, doc.file))

    targets = {(l["to_label"], l["to"]) for l in links} | {(l["from_label"], l["from"]) for l in links}
    for key, r in entities.items():
        mentioned = any(e.passage in passage_ids for e in r.evidence)
        if mentioned or key in targets:
            out.nodes.append(_node_row(r, doc.id, passage_ids))
    for r in facts.values():
        out.nodes.append(_node_row(r, doc.id, passage_ids))
    # Links between two entities go through a statement with static types (both ends may be dense).
    out.links = [ln for ln in links if not _entity_link(ln)]
    out.entity_links = [ln for ln in links if _entity_link(ln)]
    out.facts = len(facts)
    return out


def batch_rows(extractions: Iterable[DocExtraction], fingerprint: str = "") -> BatchRows:
    """Return the rows of several documents, concatenated."""
    out = BatchRows()
    for x in extractions:
        out.extend(extraction_rows(x, fingerprint))
    return out


def passage_id(doc_id: str, idx: int) -> str:
    """Return the id of a passage node: `<doc_id>:<idx>`."""
    return f"{doc_id}:{idx}"


def _entity_link(link: dict) -> bool:
    return link["from_label"] in ENTITY_LABELS and link["to_label"] in ENTITY_LABELS


def _key(r: Record) -> tuple[str, str]:
    return (r.NODE_LABEL, r.id)


def _source_row(x: DocExtraction, fingerprint: str) -> dict:
    d = x.document
    props = record_props(d, exclude={"sha256"})
    props["passages"] = len(x.passages)
    props["extracted_with"] = fingerprint
    return {"id": d.id, "file": d.file, "sha256": d.sha256, "props": props}


def _passage_row(doc_id: str, p) -> dict:
    return {
        "id": passage_id(doc_id, p.idx),
        "doc": doc_id,
        "props": {
            "doc": doc_id, "file": p.file, "idx": p.idx, "start": p.start, "end": p.end,
            "text": p.text, "key": p.key, "kind": str(p.kind),
        },
    }


def _node_row(r: Record, doc_id: str, passage_ids: set[int]) -> dict:
    evidence = [e for e in r.evidence if e.passage in passage_ids]
    is_fact = r.NODE_LABEL in FACT_LABELS
    variant = record_variant(r, evidence if is_fact else [])
    return {
        "label": r.NODE_LABEL,
        "id": r.id,
        "doc": doc_id,
        "props": record_props(r),
        "extra_labels": actor_labels(r),
        "evidence": _evidence_rows(doc_id, evidence) if is_fact else [],
        "mentions": [] if is_fact else _mention_rows(doc_id, evidence),
        "variant": hashlib.sha256(variant.encode("utf-8")).hexdigest()[:16],
        "variant_json": variant,
    }


def actor_labels(r: Record) -> list[str]:
    """Return the type label an actor node carries besides Actor (State, Person, ...); none for other records."""
    return [ACTOR_TYPE_LABEL[ActorType(r.type)]] if isinstance(r, ActorRecord) else []


def record_variant(r: Record, evidence: list[Evidence]) -> str:
    """Return what one document says about a record, as JSON: its fields and, for a fact, its evidence without quotes.

    The merged node is computed from these variants (graph/merge.py); quotes live on EVIDENCED_BY.
    """
    data = r.model_dump(mode="json", exclude={"evidence"})
    data["evidence"] = [e.model_dump(mode="json", exclude={"text"}) for e in evidence]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _evidence_rows(doc_id: str, evidence: list[Evidence]) -> list[dict]:
    # One EVIDENCED_BY per span: the same span given twice is written once.
    spans = {(e.passage, e.start, e.end): e for e in evidence}
    return [_evidence_row(doc_id, e) for e in spans.values()]


def _evidence_row(doc_id: str, e: Evidence) -> dict:
    props: dict[str, Any] = {
        "doc": doc_id, "file": e.doc, "quote": e.text, "certainty": str(e.certainty),
        "claims_json": json.dumps(e.claims, ensure_ascii=False, sort_keys=True) if e.claims else None,
    }
    for k, v in e.claims.items():
        props[f"claim_{k}"] = v
    return {"passage": passage_id(doc_id, e.passage), "start": e.start, "end": e.end, "props": props}


def _mention_rows(doc_id: str, evidence: list[Evidence]) -> list[dict]:
    # One MENTIONS per passage and entity: the first span in the passage is kept.
    seen: dict[int, dict] = {}
    for e in sorted(evidence, key=lambda e: (e.passage, e.start)):
        seen.setdefault(e.passage, {
            "passage": passage_id(doc_id, e.passage),
            # No quote: the passage holds the text, and actors are mentioned in thousands of passages.
            "props": {"doc": doc_id, "start": e.start, "end": e.end, "certainty": str(e.certainty)},
        })
    return list(seen.values())


def record_props(r: Record, exclude: set[str] = frozenset()) -> dict[str, Any]:
    """Return a record's own fields as Neo4j properties (nested values as JSON strings)."""
    out: dict[str, Any] = {}
    for name in type(r).model_fields:
        if name in _SKIP_FIELDS or name in exclude:
            continue
        v = getattr(r, name)
        if hasattr(v, "value"):
            v = v.value
        if _nested(type(r), name):
            out[f"{name}_json"] = json.dumps(_plain(v), ensure_ascii=False, sort_keys=True) if v else None
        else:
            out[name] = v
    return out


@lru_cache(maxsize=None)
def _nested(model: type[BaseModel], name: str) -> bool:
    """Tell whether a field holds maps or models, which Neo4j properties cannot: they are stored as JSON."""
    annotation = str(model.model_fields[name].annotation)
    return "dict" in annotation or "Participant" in annotation


def _plain(v: Any) -> Any:
    if hasattr(v, "model_dump"):
        return v.model_dump(mode="json")
    if isinstance(v, list):
        return [_plain(i) for i in v]
    if isinstance(v, dict):
        return {k: _plain(i) for k, i in v.items()}
    return v


def _record_links(
    r: Record, doc_id: str, known: dict[tuple[str, str], Record], warnings: list[str], file: str
) -> list[dict]:
    """Return the links a record states, keeping those whose other end is in the same document."""
    wanted = record_links(r)
    out = []
    for rel, label, target, props, incoming in wanted:
        if (label, target) not in known:
            warnings.append(f"{file}: {r.kind} {r.id} refers to {label.lower()} {target}, not among the document's records; link not written")
            continue
        end = {"label": label, "id": target}
        me = {"label": r.NODE_LABEL, "id": r.id}
        a, b = (end, me) if incoming else (me, end)
        link = {"type": rel, "from_label": a["label"], "from": a["id"], "to_label": b["label"], "to": b["id"],
                "doc": doc_id, "props": props}
        if rel == RelType.OFFICIAL_OF.value:
            # One relationship per office held: a person can be president twice.
            link["key"] = f"{props.get('role') or ''}|{props.get('from') or ''}"
        out.append(link)
    if isinstance(r, StanceRecord):
        out.append({
            "type": RelType.STATED_IN.value, "from_label": r.NODE_LABEL, "from": r.id,
            "to_label": SOURCE_LABEL, "to": doc_id, "doc": doc_id, "props": {},
        })
    return out
