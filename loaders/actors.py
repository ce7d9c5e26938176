"""Build one actor record per actor across a corpus from recognised mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from irkg.loaders.arabic import match_key
from irkg.loaders.dictionaries import Dictionaries
from irkg.loaders.dictionary_entries import ActorEntry
from irkg.loaders.evidence import MAX_EVIDENCE, passage_evidence
from irkg.schema.graph import ActorRecord, ActorType
from irkg.schema.pipeline import Mention, MentionKind, Passage


def unlinked_id(surface: str) -> str:
    """Return the stable id of a discovered name: `unlinked:` + its match key, spaces as _."""
    return "unlinked:" + re.sub(r"[^\w]+", "_", match_key(surface)).strip("_")


def _unlinked_type(m: Mention) -> ActorType:
    for f in m.flags:
        if f.startswith("type="):
            return ActorType(f[5:])
    return ActorType.PERSON


def build_actor_records(items: Iterable[tuple[Passage, list[Mention]]], dicts: Dictionaries) -> list[ActorRecord]:
    """Return one ActorRecord per actor mentioned: dictionary actors by id, discoveries by name."""
    recs: dict[str, ActorRecord] = {}
    seen_passages: dict[str, set[tuple[str, int]]] = {}
    for passage, mentions in items:
        for m in mentions:
            if m.kind != MentionKind.ACTOR:
                continue
            rec = recs.get(m.ref or _similar_unlinked(recs, unlinked_id(m.surface)))
            if rec is None:
                rec = _new_record(m, dicts)
                if rec is None:
                    continue
                recs[rec.id] = rec
                seen_passages[rec.id] = set()
            if m.surface not in rec.names and "adjective" not in m.flags:
                rec.names.append(m.surface)
            if not rec.linked and m.role:
                role = {"role": m.role}
                role.update(f.split("=", 1) for f in m.flags if f.startswith("state="))
                if role not in rec.roles:
                    rec.roles.append(role)
            where = (passage.doc, passage.idx)
            if where not in seen_passages[rec.id] and len(rec.evidence) < MAX_EVIDENCE:
                seen_passages[rec.id].add(where)
                rec.evidence.append(passage_evidence(passage))
    return sorted(recs.values(), key=lambda r: (not r.linked, -len(r.evidence), r.id))


def _similar_unlinked(recs: dict[str, ActorRecord], rid: str) -> str:
    """Return the id of a discovered actor spelled almost the same (كربلائي/كربلايي), else `rid`."""
    if rid in recs:
        return rid
    for other in recs:
        if other.startswith("unlinked:") and fuzz.ratio(other, rid) >= 92:
            return other
    return rid


def dictionary_actor_record(a: ActorEntry) -> ActorRecord:
    """Return the record of a dictionary actor, with all its known names and dated offices (no evidence yet)."""
    return ActorRecord(
        id=a.id, label=a.name_en, type=a.type, names=a.names(), name_en=a.name_en, name_ar=a.name_ar,
        aliases=list(a.aliases), linked=True, roles=[r.as_dict() for r in a.roles],
    )


def _new_record(m: Mention, dicts: Dictionaries) -> ActorRecord | None:
    if m.ref:
        a = dicts.actors.get(m.ref)
        if a is None:
            return None
        return dictionary_actor_record(a)
    return ActorRecord(
        id=unlinked_id(m.surface), label=m.surface, type=_unlinked_type(m), names=[m.surface],
        name_ar=m.surface if re.search(r"[\u0600-\u06ff]", m.surface) else None, linked=False,
    )
