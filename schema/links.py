"""The links each record states to other records, described once for the writer and the pipeline."""

from __future__ import annotations

from typing import NamedTuple

from irkg.schema.graph import (
    ActorRecord,
    AgreementRecord,
    ConstraintRecord,
    EventRecord,
    FrictionRecord,
    IndicatorRecord,
    ItemRecord,
    Record,
    RelType,
    StanceRecord,
)


class Link(NamedTuple):
    """A relationship a record states: its type, the other end (label, id), properties, direction."""

    rel: str
    label: str
    target: str
    props: dict
    incoming: bool


def record_links(r: Record) -> list[Link]:
    """Return the links record `r` states to actors, agreements, items and topics."""
    wanted: list[Link] = []

    def to(rel: RelType, label: str, target: str | None, props: dict | None = None, incoming: bool = False):
        if target:
            wanted.append(Link(rel.value, label, target, props or {}, incoming))

    if isinstance(r, EventRecord):
        roles = {p.actor: p.role for p in r.roles}
        for actor in dict.fromkeys([*r.participants, *roles]):
            to(RelType.PARTICIPATED_IN, "Actor", actor, {"role": roles.get(actor)}, incoming=True)
        to(RelType.CONCERNS, "Agreement", r.agreement)
        for item in r.items:
            to(RelType.CONCERNS, "Item", item)
        for topic in r.topics:
            to(RelType.ABOUT, "Topic", topic)
    elif isinstance(r, AgreementRecord):
        for actor in r.parties:
            to(RelType.PARTY_TO, "Actor", actor, incoming=True)
        for topic in r.covers:
            to(RelType.ABOUT, "Topic", topic)
    elif isinstance(r, FrictionRecord):
        for actor in r.parties:
            to(RelType.BETWEEN, "Actor", actor)
        for actor in r.third_parties:
            to(RelType.INVOLVES_THIRD_PARTY, "Actor", actor)
        to(RelType.ABOUT, "Topic", r.topic)
    elif isinstance(r, ConstraintRecord):
        to(RelType.CONSTRAINS, "Topic", r.constrains)
        for actor in r.actors:
            to(RelType.IMPOSED_BY, "Actor", actor)
    elif isinstance(r, IndicatorRecord):
        for actor in r.actors:
            to(RelType.MEASURES, "Actor", actor)
        to(RelType.ABOUT, "Topic", r.topic)
    elif isinstance(r, StanceRecord):
        for actor in r.subjects:
            to(RelType.CHARACTERIZES, "Actor", actor)
    elif isinstance(r, ItemRecord):
        for topic in r.topics:
            to(RelType.ABOUT, "Topic", topic)
    elif isinstance(r, ActorRecord):
        for role in r.roles:
            if role.get("state"):
                to(RelType.OFFICIAL_OF, "Actor", role["state"],
                   {"role": role.get("role"), "from": role.get("from"), "to": role.get("to")})
    return wanted
