"""Event frames (frames.yaml): turn a predicate's argument positions into participants with roles, and a place.

Only the trigger's own clause gives participants. A capital or a ministry in an argument
position is its state acting (metonymy), never the place; the place comes only from a
locative argument, or from the destination of a visit.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache

from irkg.errors import IrkgError
from irkg.loaders.extract_lexicon import read_yaml
from irkg.loaders.parse.clauses import Arg, Predicate, SentenceView, common_head, pronoun_antecedent
from irkg.schema.graph import Participant

_SHARED_ROLES = frozenset({"participant", "signatory"})
_REL_ORDER = {"subj": 0, "by": 0, "poss": 1, "adj": 2, "gen": 3, "obj": 4, "pp": 5}


@dataclass(frozen=True)
class Frame:
    roles: dict[str, str]  # position -> role
    pp: dict[str, str]  # preposition key -> role
    place: frozenset[str]
    gen: tuple[str, ...] = ()  # roles a genitive takes, the first one still free
    destination_place: bool = False
    types: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> actor types it accepts
    requires: frozenset[str] = frozenset()  # at least one of these roles, or no event
    person_pp: dict[str, str] = field(default_factory=dict)  # preposition -> role when its actor is a person
    agents: frozenset[str] = frozenset()  # roles an actor takes only as the head of its phrase (or a title's)
    requires_all: frozenset[str] = frozenset()  # every one of these roles, or no event
    dative: str | None = None  # role of the first of two objects when it names an actor ("sell Iran its jets")
    thing_obj: bool = False  # the object is the thing handed over: a state there is a figure of speech
    origin: str | None = None  # role of a state adjective on the object: "buys Iranian oil" (Iran sells)
    nested_place: bool = True  # a place inside an argument may say where ("a strike on a depot near Aleppo")


@lru_cache(maxsize=1)
def event_frames() -> dict[str, Frame]:
    """Load frames.yaml: {event type or trigger group: Frame}."""
    from irkg.loaders.arabic import match_key

    data = read_yaml("frames.yaml")
    out: dict[str, Frame] = {}
    for name, spec in {**(data.get("frames") or {}), **(data.get("variants") or {})}.items():
        spec = spec or {}
        bad = [k for k in (spec.get("pp") or {}) if not isinstance(k, str)]
        if bad:
            raise IrkgError(f"frames.yaml: frame {name!r}: preposition {bad[0]!r} is not text; quote it (YAML reads on/no/yes as booleans)")
        gen = spec.get("gen")
        out[name] = Frame(
            roles={k: str(v) for k, v in spec.items() if k in _REL_ORDER and k not in ("pp", "gen")},
            gen=tuple(gen) if isinstance(gen, list) else ((str(gen),) if gen else ()),
            pp={match_key(str(k)): str(v) for k, v in (spec.get("pp") or {}).items()},
            place=frozenset(match_key(str(w)) for w in spec.get("place") or []),
            destination_place=bool(spec.get("destination_place")),
            types={str(r): frozenset(map(str, ts)) for r, ts in (spec.get("types") or {}).items()},
            requires=frozenset(map(str, spec.get("requires") or [])),
            person_pp={match_key(str(k)): str(v) for k, v in (spec.get("person_pp") or {}).items()},
            agents=frozenset(map(str, spec.get("agents") or [])),
            requires_all=frozenset(map(str, spec.get("requires_all") or [])),
            dative=str(spec["dative"]) if spec.get("dative") else None,
            thing_obj=bool(spec.get("thing_obj")),
            origin=str(spec["origin"]) if spec.get("origin") else None,
            nested_place=bool(spec.get("nested_place", True)),
        )
    return out


@dataclass
class Filled:
    """What a frame read off a predicate: participants with roles, the place, and the actors it passed over."""

    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    place_mention: object | None = None
    figurative: bool = False  # «باعت روسيا إيران لأمريكا»: a state sold, no sale


def _role_of(frame: Frame, a: Arg, filled: set[str]) -> str | None:
    if a.rel == "by":
        return frame.roles.get("subj")
    if a.rel == "gen" or (a.rel == "pp" and a.marker == "of"):
        # "تزويد إيران": the genitive is the recipient, unless that role is named already ("تسليم روسيا الأسلحة لإيران")
        # a role everyone shares («لقاء بوتين بخامنئي»: both meet) is never used up
        return next((r for r in frame.gen if r not in filled or r in _SHARED_ROLES), None)
    if a.rel != "pp":
        return frame.roles.get(a.rel)
    return frame.pp.get(a.marker) or frame.pp.get(a.marker.split(" ")[0])


def _attending(v: SentenceView, node) -> bool:
    """Tell whether a phrase is who attended: it opens with a presence noun or follows one («بحضور الوزير»,
    "in the presence of the minister")."""
    at = [node.i, node.i - 1]
    if node.i >= 2 and v.word(node.i - 1).lower() == "of":
        at.append(node.i - 2)  # "presence (of the minister)"
    if node.i + 1 < node.j and v.word(node.i).lower() == "the":
        at.append(node.i + 1)  # "(the presence of the minister)"
    return any(0 <= t < len(v.sent.tokens) and v.in_words(t, "presence_nouns") for t in at)


def fill_frame(pc, v: SentenceView, pred: Predicate, frame: Frame) -> Filled:
    """Return the participants (actor ids with roles) and place a frame gives a predicate."""
    out = Filled()
    taken: dict[str, str] = {}
    args = sorted(pred.args, key=lambda a: (_REL_ORDER.get(a.rel, 9), a.node.i))
    if frame.destination_place and pred.verbal and v.lang == "ar" and not any(a.rel == "obj" for a in args):
        # «رئيس روسي يزور طهران»: the one noun after a verb of visiting, a city, is where one goes (the parser read it
        # as the subject of a verb whose subject is dropped); a city visits nobody
        args = [Arg("obj", a.node, a.marker, a.via) if a.rel == "subj" and a.node.i > pred.head and _only_place(pc, v, a.node) else a
                for a in args]
    # a subject borrowed from the verb above ("Russia and Iran signed a contract to supply Tehran with ...") names
    # nobody the clause itself names in another position: Tehran is supplied, not a supplier
    def borrowed(a: Arg) -> bool:
        return pred.verbal and a.rel == "subj" and a.via not in ("light", "gather") \
            and (a.via == "control" or not (pred.clause.i <= a.node.i < pred.clause.j))

    named = {m.ref for a in args if a.rel != "subj" for m in pc.mentions_in(v, a.node, pc.actors)}
    skip = {m.ref for a in args if borrowed(a) for m in pc.mentions_in(v, a.node, pc.actors) if m.ref in named}
    # genitives last: they take the first of their roles the other positions left free
    args = [a for a in args if a.rel != "gen" and a.marker != "of"] + [a for a in args if a.rel == "gen" or a.marker == "of"]
    gen_role = None
    despite = _concessive_spans(v, pred)
    # «زار أمين المجلس ...، علي لاريجاني، العاصمة»: a bare title as subject; the name set off after it is the subject
    title_subj = pred.verbal and any(a.rel == "subj" and a.node.j - a.node.i == 1 and v.in_words(a.node.i, "titles")
                                     and not pc.mentions_in(v, a.node, pc.actors) for a in args)
    has_subj = any(a.rel == "subj" and pc.mentions_in(v, a.node, pc.actors) for a in args)
    objs = [a for a in args if a.rel == "obj" and a.via != "light"]
    # "sold Iran to America": with the buyer named by a preposition, the object is what is sold
    to_buyer = frame.dative is not None and any(
        a.rel == "pp" and frame.pp.get(a.marker.split(" ")[0]) == frame.dative and pc.mentions_in(v, a.node, pc.actors)
        for a in args)
    if pred.verbal and frame.thing_obj and objs and (len(objs) == 1 or to_buyer) \
            and (found := pc.mentions_in(v, objs[0].node, pc.actors)) and all(pc.dc.actor_type(m.ref) == "state" for m in found):
        out.figurative = True  # «باعت روسيا إيران لأمريكا»: what is sold is a state, a figure of speech
        return out
    dative = objs[0] if pred.verbal and frame.dative and not to_buyer and len(objs) == 2 \
        and pc.mentions_in(v, objs[0].node, pc.actors) and not pc.mentions_in(v, objs[1].node, pc.actors) else None
    for a in args:
        if any(i <= a.node.i < j for i, j in despite):
            continue  # "delivered drones to Russia despite warnings from Washington": Washington supplied nothing
        if a.rel == "pp" and (a.node.i in v.name_preps or a.node.i - 1 in v.name_preps):
            node = a.node.parent if a.node.i - 1 in v.name_preps and a.node.parent is not None else a.node
            # «زيارة بزشكيان» cut into ب + زشكيان; «زار علي لاريجاني موسكو»: right after a verb with no subject, the
            # name is its subject (verb, subject, object)
            subj_here = title_subj or (pred.verbal and not has_subj and v.lang == "ar" and node.i <= pred.head + 2)
            a = Arg(("subj" if subj_here else "obj") if pred.verbal else "gen", node, via=a.via)
            if subj_here and frame.roles.get("subj") and frame.roles.get("obj"):
                found = _actors_of(pc, v, a)
                person = next((m for m in found if pc.dc.actor_type(m.ref) == "person"), None)
                for m in found:
                    if m.ref in taken:
                        continue
                    r = frame.roles["subj"] if person is None or m is person or m.end <= person.start else frame.roles["obj"]
                    taken[m.ref] = r
                    out.participants.append(Participant(actor=m.ref, role=r))
                    if r == frame.roles["obj"] and frame.destination_place and out.place is None:
                        got = [p for p in pc.places if m.start <= p.start < m.end]
                        if got:
                            out.place, out.place_mention = got[0].ref, got[0]
                continue
        if a.rel == "pp" and (a.marker in frame.place or a.marker.split(" ")[0] in frame.place):
            pp_host = a.node.parent.parent if a.node.parent is not None else None
            if not frame.nested_place and a.via in ("obj", "pp") and not any(pp_host is o.node for o in objs) \
                    and not _in_setting(v, a.node):
                # a place deep inside the agreement's phrase is what it is about ("a memorandum in Moscow" is not, nor
                # "agreements ... during the summit in Moscow")
                continue
            if a.via in ("obj", "pp") and a.node.i >= 2 and _participle(v, a.node.i - 2):
                continue  # «نماذج من الأسلحة المستخدمة في أوكرانيا», "weapons used in Ukraine": where the thing was
            # a city, or a state named as where it happened ("في سوريا")
            places = pc.mentions_in(v, a.node, pc.places) or [m for m in pc.mentions_in(v, a.node, pc.actors)
                                                              if pc.dc.actor_type(m.ref) == "state" and "adjective" not in (m.flags or [])]
            if places and out.place is None:
                out.place, out.place_mention = places[0].ref, places[0]
            continue
        if a.rel != "subj" and _attending(v, a.node) and "participant" not in {*frame.roles.values(), *frame.pp.values()}:
            continue  # «وقع الاتفاق بحضور الوزير», "signed in the presence of the minister": he watched, he did not sign
        if a.rel == "pp" and v.kinds.get(a.node.i) == "date":
            continue  # "on June 13, Russia ...": a phrase that opens with a date says when, whatever the parser hung on it
        if a.rel == "adj" and v.lang == "ar" and v.word(a.node.i).startswith("ب") and (found := pc.mentions_in(v, a.node, pc.actors)) \
                and not any("adjective" in (m.flags or []) for m in found):
            # «ضربات بأوكرانيا» tagged as an adjective: «ب» and a name is a place phrase, not whose strikes they are
            a = Arg("pp", a.node, "ب", via=a.via)
        if a.rel == "adj" and "adj" not in frame.roles and frame.gen and v.lang == "ar" \
                and (found := pc.mentions_in(v, a.node, pc.actors)) and all(pc.dc.actor_type(m.ref) == "person" for m in found):
            a = Arg("gen", a.node, via=a.via)  # «زيارة لاريجاني» tagged as an adjective: a person is no adjective
        role = frame.dative if a is dative else _role_of(frame, a, set(taken.values()))
        if a.rel == "gen" and role == "target" and "imposer" in frame.gen and pred.head >= 2 \
                and any(v.in_words(t, "undergoing_words") for t in (pred.head - 2, pred.head - 1)):
            role = "imposer"  # «البلدين الخاضعين لعقوبات الولايات المتحدة», "under US sanctions": whose sanctions
        if role == "host" and a.rel == "pp" and a.marker == "ل" and not _agentive(v, a):
            continue  # «زيارة ... لمسار وساطة روسي»: «ل» of a purpose, not the host («زيارة لموسكو»)
        if role == "host" and a.rel == "pp" and a.marker == "ل" and frame.person_pp.get("ل") \
                and (first := next((d for d in a.node.walk() if d.is_pre), None)) is not None \
                and any(v.in_words(first.tok, g) for g in ("titles", "agent_nouns")):
            role = frame.person_pp["ل"]  # «الزيارة المرتقبة للرئيس الإيراني»: whose visit it is, as for a named person
        if a.rel == "pp" and a.marker == "ب" and frame.pp.get("ب") == "participant" and common_head(v, a.node) \
                and not any(pc.dc.actor_type(m.ref) == "person" for m in pc.mentions_in(v, a.node, pc.actors)):
            continue  # «أجرى مباحثات ... بزيارة طاجيكستان»: a visit, not whom one met («التقى بنظيره» is)
        if a.rel == "pp" and a.via == "pp" and a.marker.split(" ")[0] in ("ب", "في", "in", "at"):
            continue  # «على هامش مشاركتهما في مؤتمر بالصين»: where a phrase inside a phrase was, not who met
        if a.rel == "pp" and a.via in ("pp", "support") and a.marker == "of" and _in_setting(v, a.node):
            continue  # "met Rouhani on the sidelines of the SCO summit": the forum is where they met, not who met
        if a.via == "coord":
            role = gen_role  # the genitive coordinated with the first one plays its part
        elif a.rel == "gen":
            gen_role = role
        if role is None:
            continue
        if role == "host" and pred.verbal and a.via == "pp":
            continue  # "came under sanctions because of the conflict (in Ukraine)": not where anyone went
        if a.rel == "poss" and all(d.label.startswith("PRP") for d in a.node.walk() if d.is_pre):
            target = pronoun_antecedent(v, pred, a.node)
            if target is None:
                continue  # a pronoun we cannot resolve names nobody
            ptok = [d for d in a.node.walk() if d.is_pre][-1].tok
            pronoun = v.word(ptok)
            if frame.roles.get("subj") == "signatory" and any(v.in_words(t, "signable_nouns") for t in range(target.j, ptok)):
                continue  # «عرقلت الاتفاق النووي ... بعد إبرامه»: the pronoun is the agreement signed, not who signed
            if _resumptive(v, pred):
                continue  # «الكمية المخطط تسليمها»: the pronoun is the quantity the participle describes, not who delivers
            a = Arg("poss", target)
            actors = _actors_of(pc, v, a)
            persons = [m for m in actors if pc.dc.actor_type(m.ref) == "person"]
            if pronoun.lower() in ("ه", "his", "her") and len(persons) > 1:
                actors = persons[:1]  # «زيارته» after «التقى لاريجاني بوتين» read as one phrase: one person, the first
        else:
            actors = _actors_of(pc, v, a)
        if role == "speaker" and _member_noun(v, a) and not any(pc.dc.actor_type(m.ref) == "person" for m in actors) \
                and any(pc.dc.actor_type(m.ref) not in ("state",) for m in actors):
            continue  # «قال عضو لجنة الأمن القومي»: one member speaks, not the committee ("Iranian officials": Iran)
        if role == "speaker" and v.in_words(a.node.i, "titles") and not any(pc.dc.actor_type(m.ref) == "person" for m in actors):
            # «قال نائب مدير الهيئة الفدرالية الروسية ... فومين»: an official we cannot name speaks, not a body
            # discovered in his title (his state, named beside it, may stand for him)
            actors = [m for m in actors if not m.unlinked]
        if role in frame.agents and not _agentive(v, a):
            continue  # "Russian MiG-29s arrived", "Russia's exports came under sanctions": things, not travellers
        if frame.destination_place and role == "host":
            places = pc.mentions_in(v, a.node, pc.places)
            if places and out.place is None:
                out.place, out.place_mention = places[0].ref, places[0]
        accepts = frame.types.get(role)
        if accepts is not None and "person" in accepts and any(pc.dc.actor_type(m.ref) == "person" for m in actors):
            actors = [m for m in actors if pc.dc.actor_type(m.ref) == "person"]  # "Hamas leader Haniyeh": the person
        split = _adjacent_states(pc, actors)
        agent = frame.roles.get("subj")
        for m in actors:
            if accepts is not None and (pc.dc.actor_type(m.ref) or "person") not in accepts:
                continue
            if split and m is split[0] and agent and agent not in taken.values() and agent != role:
                if m.ref not in taken:
                    taken[m.ref] = agent  # «تسليم روسيا إيران صواريخ»: two states side by side: giver, then receiver
                    out.participants.append(Participant(actor=m.ref, role=agent))
                continue
            if m.ref in skip and borrowed(a):
                continue
            r = role
            if a.rel == "pp" and pc.dc.actor_type(m.ref) == "person" and frame.person_pp.get(a.marker.split(" ")[0]):
                r = frame.person_pp[a.marker.split(" ")[0]]  # "زيارة لعراقجي إلى موسكو": ل on a person marks whose visit
            if m.ref not in taken:
                taken[m.ref] = r
                out.participants.append(Participant(actor=m.ref, role=r))
    if frame.origin and pred.verbal and objs and frame.origin not in taken.values():
        # «تشتري النفط الإيراني», "imports Russian wheat": the state the goods come from sells them
        origin = [m for m in pc.mentions_in(v, objs[0].node, pc.actors)
                  if pc.dc.actor_type(m.ref) == "state" and "adjective" in (m.flags or []) and m.ref not in taken]
        if len({m.ref for m in origin}) == 1:
            out.participants.append(Participant(actor=origin[0].ref, role=frame.origin))
    if out.place is None and frame.place:
        ref, m = _nested_place(pc, v, pred, frame)
        got = pc.token_span(m) if m is not None else None
        if got is not None and (frame.nested_place or _in_setting(v, v.sent.pre[got[0]])):
            out.place, out.place_mention = ref, m  # (for a signing only inside "during the summit in Moscow")
    return out


def _in_setting(v: SentenceView, node) -> bool:
    """Tell whether a phrase lies inside a phrase of when or where ("during the summit in Moscow", «خلال القمة»,
    «على هامش القمة»): a prepositional phrase, or a noun phrase headed by a preposition the tagger took for a noun."""
    n = node.parent
    while n is not None and n.cat not in ("S", "VP", "SBAR"):
        heads = [d for d in n.walk() if d.is_pre][:3] if n.cat in ("PP", "NP") and n.kids and n.kids[0].is_pre else []
        if any(v.in_words(d.tok, "setting_markers") for d in heads) and (n.cat == "PP" or heads[0].label == "NN"):
            return True
        n = n.parent
    return False


def _concessive_spans(v: SentenceView, pred: Predicate) -> list[tuple[int, int]]:
    """Token spans of the concessive phrases in a predicate's clause ("despite warnings from Washington", «رغم»)."""
    out = []
    for n in pred.clause.walk():
        if n.cat == "PP" and n.kids and n.kids[0].is_pre and v.in_words(n.kids[0].tok, "concessive"):
            out.append((n.i, n.j))
    return out


def _nested_place(pc, v: SentenceView, pred: Predicate, frame: Frame):
    """A place named by a locative inside an argument ("غارة على مستودع قرب حلب", "a strike on a depot near Aleppo")."""
    for a in pred.args:
        for m in pc.mentions_in(v, a.node, pc.places, nested_ok=True):
            got = pc.token_span(m)
            if got is None or got[0] == 0:
                continue
            before = v.word(got[0] - 1)
            if before in frame.place or before in ("قرب", "بالقرب", "near", "outside", "في", "in"):
                return m.ref, m
    return None, None


def _actors_of(pc, v: SentenceView, a: Arg) -> list:
    """Actors named in an argument: a person with the state named beside them ("وزير الخارجية الروسي
    سيرغي لافروف": Lavrov and Russia), coordinated names ("إيران وروسيا"), never a pronoun."""
    found = pc.mentions_in(v, a.node, pc.actors)
    if not found and a.rel in ("gen", "obj", "subj") and _member_noun(v, a):
        # "مقتل قائد في الحرس الثوري": the body a member belongs to
        found = [m for m in pc.mentions_in(v, a.node, pc.actors, nested_ok=True)
                 if pc.dc.actor_type(m.ref) in ("armed_group", "organization", "institution")]
    if not found and a.rel in ("gen", "obj", "subj") and v.in_words(a.node.i, "force_nouns"):
        # «القوات البحرية لإيران وروسيا والصين», "the navies of Iran and Russia": the states whose forces they are
        found = [m for m in pc.mentions_in(v, a.node, pc.actors, nested_ok=True) if pc.dc.actor_type(m.ref) == "state"]
    found = [m for m in found if not _relational(pc, m)]
    found = without_shells(pc.dc, found)
    persons = [m for m in found if pc.dc.actor_type(m.ref) == "person"]
    if persons:
        # «سكرتير مجلس الأمن الروسي نيكولاي باتروشيف»: the body in a person's title is his office, not a party;
        # so is the body of a title in apposition after the name ("Patrushev, the secretary of the Security Council")
        found = [m for m in found if not (pc.dc.actor_type(m.ref) in ("institution", "organization") and (
            m.end <= persons[0].start or _title_after(pc, v, persons, m)))]
    return found


def _only_place(pc, v: SentenceView, node) -> bool:
    """A phrase that is a place name alone («طهران», «العاصمة موسكو»): a city, a capital standing for its state."""
    a, b = v.sent.tokens[node.i][0], v.sent.tokens[node.j - 1][1]
    places = [m for m in pc.places if a <= m.start and m.end <= b]
    if not places or any(m.start < b and a < m.end and pc.dc.actor_type(m.ref) == "person" for m in pc.actors):
        return False
    rest = pc.p.text[a:b]
    for m in places:
        rest = rest.replace(pc.p.text[m.start:m.end], " ")
    return len(rest.split()) <= 1  # at most a word beside it («العاصمة»)


def _resumptive(v: SentenceView, pred: Predicate) -> bool:
    """An event noun right after a definite participle that follows a common noun («الكمية المخطط تسليمها», «الصفقة
    المزمع توقيعها»): its pronoun points back to that noun, the thing, never to whoever acts."""
    t = pred.head - 1
    if v.lang != "ar" or t < 1 or pred.verbal or not v.word(t).startswith("ال"):
        return False
    return v.sent.tokens[t][2] in ("VN", "DTVN", "JJ", "DTJJ") and v.sent.tokens[t - 1][2] in ("NN", "NNS", "DTNN", "DTNNS") \
        and v.kinds.get(t - 1) is None


def _participle(v: SentenceView, t: int) -> bool:
    """Tell whether a token is a participle modifying a noun ("used", «المستخدمة»), not a nisba adjective
    («الإيرانية», «المصرية»)."""
    tag = v.sent.tokens[t][2]
    if tag == "VBN":
        return True
    w = v.word(t)
    w = w[2:] if w.startswith("ال") else w
    return tag in ("JJ", "DTJJ") and w.startswith("م") and not w.endswith(("يه", "ية", "ي"))


def _title_after(pc, v: SentenceView, persons: list, m) -> bool:
    """Tell whether a body is named in a title set off after a person's name ("Nikolai Patrushev, the secretary of
    the Security Council of Russia,"): a comma, then a title word, and no conjunction before the body."""
    p = next((x for x in reversed(persons) if x.end <= m.start), None)
    if p is None:
        return False
    between = pc.p.text[p.end:m.start]
    if not between.lstrip().startswith((",", "،")) or re.search(r"\band\b|\sو", between):
        return False
    toks = [t for t, (s, e, _) in enumerate(v.sent.tokens) if p.end <= s and e <= m.start]
    return any(v.in_words(t, "titles") or v.in_words(t, "agent_nouns") for t in toks)


def _adjacent_states(pc, actors: list):
    """Two different states named side by side with nothing between («روسيا إيران»), which the parser read as one
    phrase: (first, second), else None."""
    states = [m for m in actors if pc.dc.actor_type(m.ref) == "state" and "adjective" not in (m.flags or [])]
    if len(states) < 2 or states[0].ref == states[1].ref:
        return None
    a, b = states[0], states[1]
    return (a, b) if not pc.p.text[a.end:b.start].strip() else None


def without_shells(dc, found: list) -> list:
    """Leave out a discovered (unlinked) name around a known body: «قوات البحرية الإيرانية» around the navy is the
    navy, «مجموعة غازبروم الروسية» is Gazprom; one around a state («مصلحة الجمارك الإيرانية») is a body of its own."""
    return [m for m in found if not (m.unlinked and any(o is not m and not o.unlinked and m.start <= o.start
                                                         and o.end <= m.end and dc.actor_type(o.ref) != "state" for o in found))]


def _agentive(v: SentenceView, a: Arg) -> bool:
    """Tell whether a phrase's head is an actor, a title or a member noun (who can act), not a thing an actor
    is named beside ("Russian jets", "Russia's exports", «البضائع الروسية»)."""
    from irkg.loaders.parse.clauses import _head_noun

    np = a.node
    while np.kids and np.kids[0].cat == "NP" and not any(k.is_pre and k.label.startswith(("NN", "DTNN")) for k in np.kids):
        np = np.kids[0]  # (NP (NP head ...) (PP ...)): the head is in the first noun phrase
    head = _head_noun(v, np)
    if head is None:
        return True  # a pronoun or a bare name: nothing to tell
    return head.tok in v.kinds or any(v.in_words(head.tok, g) for g in ("titles", "member_nouns", "agent_nouns"))


_ALLY_AFTER = re.compile(r"['’]s\s+(?:ally|allies|partner|partners|friend|neighbou?r|client|proxy)\b"
                         # "Rouhani's foreign minister, Zarif,": the official is another person, named after
                         r"|['’]s\s+(?:[a-z\-]+\s+){0,2}(?:minister|envoy|ambassador|spokesman|spokeswoman|adviser|advisor|"
                         r"aide|deputy|secretary|successor|predecessor)\s*,", re.I)


def _relational(pc, m) -> bool:
    """A name after a relational noun ("سلف بزشكيان", "predecessor of Rouhani") names someone else's relative; a
    possessor of "ally" ("Moscow's ally Iran") is not the one named."""
    if _ALLY_AFTER.match(pc.p.text, m.end):
        return True
    from irkg.loaders.extract_events import event_cues

    lo = max(0, m.start - 20)
    before = pc.p.text[lo:m.start]
    key_lo, key_hi = pc.kt.to_key(lo), pc.kt.to_key(m.start)
    hits = [h for h in event_cues()["relational"].find(pc.key, key_lo, key_hi)]
    return any(not pc.key[h.end:key_hi].strip() for h in hits) and bool(before.strip())


def _member_noun(v: SentenceView, a: Arg) -> bool:
    first = next((d for d in a.node.walk() if d.is_pre and d.label not in ("DT", "CD")), None)
    return first is not None and v.in_words(first.tok, "member_nouns")
