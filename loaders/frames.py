"""Event frames (frames.yaml): turn a predicate's argument positions into participants with roles, and a place.

Only the trigger's own clause gives participants. A capital or a ministry in an argument
position is its state acting (metonymy), never the place; the place comes only from a
locative argument, or from the destination of a visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from irkg.loaders.extract_lexicon import read_yaml
from irkg.loaders.parse.clauses import Arg, Predicate, SentenceView
from irkg.schema.graph import Participant

_REL_ORDER = {"subj": 0, "by": 0, "poss": 1, "adj": 2, "gen": 3, "obj": 4, "pp": 5}


@dataclass(frozen=True)
class Frame:
    roles: dict[str, str]  # position -> role
    pp: dict[str, str]  # preposition key -> role
    place: frozenset[str]
    destination_place: bool = False


@lru_cache(maxsize=1)
def event_frames() -> dict[str, Frame]:
    """Load frames.yaml: {event type or trigger group: Frame}."""
    from irkg.loaders.arabic import match_key

    data = read_yaml("frames.yaml")
    out: dict[str, Frame] = {}
    for name, spec in {**(data.get("frames") or {}), **(data.get("variants") or {})}.items():
        spec = spec or {}
        out[name] = Frame(
            roles={k: str(v) for k, v in spec.items() if k in _REL_ORDER and k != "pp"},
            pp={match_key(str(k)): str(v) for k, v in (spec.get("pp") or {}).items()},
            place=frozenset(match_key(str(w)) for w in spec.get("place") or []),
            destination_place=bool(spec.get("destination_place")),
        )
    return out


@dataclass
class Filled:
    """What a frame read off a predicate: participants with roles, the place, and the actors it passed over."""

    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    place_mention: object | None = None


def _role_of(frame: Frame, a: Arg) -> str | None:
    if a.rel == "by":
        return frame.roles.get("subj")
    if a.rel != "pp":
        return frame.roles.get(a.rel)
    if a.marker == "of":
        return frame.roles.get("gen")
    return frame.pp.get(a.marker) or frame.pp.get(a.marker.split(" ")[0])


def fill_frame(pc, v: SentenceView, pred: Predicate, frame: Frame) -> Filled:
    """Return the participants (actor ids with roles) and place a frame gives a predicate."""
    out = Filled()
    taken: dict[str, str] = {}
    args = sorted(pred.args, key=lambda a: (_REL_ORDER.get(a.rel, 9), a.node.i))
    for a in args:
        if a.rel == "pp" and (a.marker in frame.place or a.marker.split(" ")[0] in frame.place):
            places = pc.mentions_in(v, a.node, pc.places)
            if places and out.place is None:
                out.place, out.place_mention = places[0].ref, places[0]
            continue
        role = _role_of(frame, a)
        if role is None:
            continue
        actors = _actors_of(pc, v, a)
        if frame.destination_place and role == "host":
            places = pc.mentions_in(v, a.node, pc.places)
            if places and out.place is None:
                out.place, out.place_mention = places[0].ref, places[0]
        for m in actors:
            if m.ref not in taken:
                taken[m.ref] = role
                out.participants.append(Participant(actor=m.ref, role=role))
    return out


def _actors_of(pc, v: SentenceView, a: Arg) -> list:
    """Actors named in an argument: a person with the state named beside them ("وزير الخارجية الروسي
    سيرغي لافروف": Lavrov and Russia), coordinated names ("إيران وروسيا"), never a pronoun."""
    found = pc.mentions_in(v, a.node, pc.actors)
    return [m for m in found if "relational" not in (m.flags or [])]
