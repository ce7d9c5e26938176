"""Give every item, topic and actor a document's facts point at a record of its own.

The writer links a fact only to entities among the same document's records (so the
graph depends on the set of loaded documents, not their order); this step supplies the
entity records — items and topics as mentioned, and dictionary entities a fact refers
to without naming them in its sentence (an agreement's parties, a constraint's topic).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from irkg.loaders.actors import dictionary_actor_record
from irkg.loaders.dictionaries import Dictionaries
from irkg.loaders.evidence import MAX_EVIDENCE, passage_evidence
from irkg.schema.graph import (
    Certainty,
    Evidence,
    ItemRecord,
    Record,
    TopicRecord,
)
from irkg.schema.links import record_links
from irkg.schema.pipeline import Mention, MentionKind, Passage


_ENTITY_KINDS = {"Actor": "actor", "Item": "item", "Topic": "topic"}


def referenced_entities(r: Record) -> Iterator[tuple[str, str]]:
    """Yield (kind, id) of every actor, item and topic a record links to."""
    for link in record_links(r):
        if link.label in _ENTITY_KINDS:
            yield _ENTITY_KINDS[link.label], link.target


def _entity_record(kind: str, ref: str, dicts: Dictionaries) -> Record | None:
    if kind == "item" and ref in dicts.items:
        e = dicts.items[ref]
        names = list(dict.fromkeys([e.name_en, *([e.name_ar] if e.name_ar else []), *e.aliases]))
        return ItemRecord(id=e.id, label=e.name_en, type=e.type, names=names, name_ar=e.name_ar, topics=list(e.topics))
    if kind == "topic" and ref in dicts.topics:
        e = dicts.topics[ref]
        return TopicRecord(id=e.id, label=e.name_en, name_ar=e.name_ar)
    if kind == "actor" and ref in dicts.actors:
        return dictionary_actor_record(dicts.actors[ref])
    return None


def _add_evidence(rec: Record, evidence: Iterable[Evidence]) -> None:
    seen = {(e.doc_id, e.passage) for e in rec.evidence}
    for e in evidence:
        if len(rec.evidence) >= MAX_EVIDENCE:
            return
        if (e.doc_id, e.passage) not in seen:
            seen.add((e.doc_id, e.passage))
            rec.evidence.append(e.model_copy(update={"certainty": Certainty.ASSERTED, "claims": {}}))


def complete_entities(
    records: list[Record], passages: list[Passage], mentions: list[list[Mention]], dicts: Dictionaries
) -> list[Record]:
    """Return `records` plus item/topic records for mentions and entity records for every dangling reference."""
    have: dict[tuple[str, str], Record] = {(r.kind, r.id): r for r in records}
    added: list[Record] = []

    def ensure(kind: str, ref: str) -> Record | None:
        rec = have.get((kind, ref))
        if rec is None:
            rec = _entity_record(kind, ref, dicts)
            if rec is not None:
                have[(kind, ref)] = rec
                added.append(rec)
        return rec

    for p, ms in zip(passages, mentions):
        for m in ms:
            if m.ref and m.kind in (MentionKind.ITEM, MentionKind.TOPIC):
                rec = ensure(m.kind.value, m.ref)
                if rec is not None:
                    _add_evidence(rec, [passage_evidence(p)])
    # Entities added here may themselves refer on (an item's topics, an official's state).
    queue = list(records) + added
    while queue:
        r = queue.pop()
        for kind, ref in referenced_entities(r):
            before = len(added)
            rec = ensure(kind, ref)
            if rec is not None:
                _add_evidence(rec, r.evidence)
                queue.extend(added[before:])
    return records + added
