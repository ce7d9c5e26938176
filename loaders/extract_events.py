"""Find events: a trigger verb or noun, the actors around it, its date, place, agreement and items."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty
from irkg.loaders.extract import DocCtx, PassageCtx, date_value
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.schema.graph import Certainty, EventRecord, Participant

_BACK = 70  # display characters before a trigger where its subject may stand
_FORWARD = 140  # display characters after a trigger where its participants may stand
_SUPERSEDE_GAP = 40  # key characters between two triggers for one to absorb the other
_HARD_STOP = ".؛;:"
_LIMITING = {"limit", "obstruct", "slow", "freeze"}  # "يحد من تزويد": no delivery; "تتحفظ في تسليم": a denied one
_OBJECT_TOPICS = {"arms", "military_cooperation", "nuclear_energy", "space"}


@lru_cache(maxsize=1)
def event_cues() -> dict:
    """Load and compile cues_events.yaml."""
    data = read_yaml("cues_events.yaml")
    return {
        "types": lexicon_of(data["types"]),
        "needs": {t: lexicon_of({"n": ws}) for t, ws in (data.get("needs") or {}).items()},
        "supersedes": data.get("supersedes") or {},
        "needs_person": set(data.get("needs_person") or []),
        "alias_of": data.get("alias_of") or {},
        "objects": lexicon_of({"o": data.get("objects", [])}),
        "needs_object": set(data.get("needs_object") or []),
        "receivers": lexicon_of({"r": data.get("receivers", [])}),
        "intent": lexicon_of({"i": data.get("intent", [])}),
        "framing": lexicon_of({"f": data.get("framing", [])}),
        "to": lexicon_of({"to": data.get("to_markers", [])}),
        "from": lexicon_of({"from": data.get("from_markers", [])}),
        "breaks": lexicon_of({"brk": data.get("clause_breaks", []), "back": data.get("back_breaks", [])}),
        "relatives": lexicon_of({"rel": data.get("relatives", [])}),
        "adjuncts": lexicon_of({"adj": data.get("adjuncts", [])}),
        "consequence": lexicon_of({"cons": data.get("consequence", [])}),
        "agent_nouns": lexicon_of({"n": data.get("agent_nouns", [])}),
        "causatives": lexicon_of({"c": data.get("causatives", [])}),
        "relational": lexicon_of({"rel": data.get("relational_nouns", [])}),
        "provision": lexicon_of({"p": data.get("provision", [])}),
        "accords": lexicon_of({"a": data.get("accords", [])}),
        "levels": lexicon_of({"lvl": data.get("levels", [])}),
        "markers": {match_key(w).rstrip("=") for w in data.get("to_markers", []) + data.get("from_markers", [])},
    }


def _triggers(pc: PassageCtx, cues) -> list:
    hits = cues["types"].find(pc.key)
    kept = []
    for h in hits:
        need = cues["needs"].get(h.cat)
        if need and not need.find(h.cue) and not need.find(pc.key, h.end, h.end + 60) and not _has_target_clitic(pc, h.end):
            continue
        if h.cat == "travel" and _reaches_level(pc, h, need, cues):
            continue
        kept.append(replace(h, cat=cues["alias_of"].get(h.cat, h.cat)))
    out = []
    last_end: dict[str, int] = {}
    for h in kept:
        if h.start - last_end.get(h.cat, -100) <= 12:
            last_end[h.cat] = h.end
            continue  # "الاشتباكات والمواجهات": one event named twice
        last_end[h.cat] = h.end
        beaten = any(
            o is not h and h.cat in cues["supersedes"].get(o.cat, []) and abs(o.start - h.start) <= _SUPERSEDE_GAP
            for o in kept
        )
        framed = bool(cues["framing"].find(pc.key, max(0, h.start - 9), h.start))
        if not beaten and not framed:
            out.append(h)
    return out


def _is_provision(pc: PassageCtx, h, cues) -> bool:
    """Tell whether an event is a term of an agreement ("the treaty covers joint drills"), not one that took place."""
    lo = max(0, h.start - 120)
    stop = max(pc.key.rfind(c, lo, h.start) for c in ".؛;")
    lo = max(lo, stop + 1)
    prov = cues["provision"].find(pc.key, lo, h.start)
    return bool(prov) and bool(cues["accords"].find(pc.key, max(0, prov[0].start - 60), h.start))


def _reaches_level(pc: PassageCtx, h, need, cues) -> bool:
    """Tell whether "وصل/تصل إلى" reaches a figure or a level ("تصل إلى 8 ملايين طن"), not a place."""
    to = need.find(pc.key, h.end, h.end + 60)
    if not to:
        return False
    after = to[0].end
    # the figure stands right after the preposition ("نحو" may come between); a date further on is no level
    if any(after <= pc.kt.to_key(q.start) <= after + 8 for q in pc.quantities):
        return True
    head = pc.key[after:after + 20].lstrip()
    return head[:1].isdigit() or bool(cues["levels"].find(pc.key, after, after + 6))


def _clause_gap(pc: PassageCtx, a: int, b: int) -> int:
    """Return a penalty when a comma or semicolon separates display offsets a < b."""
    return 200 if any(c in pc.p.text[a:b] for c in "،,؛;") else 0


def _follows_back_break(pc: PassageCtx, h, cues) -> bool:
    """Tell whether a trigger stands in a clause that opens with a consequence (", ما أدى إلى", ", resulting in")."""
    for c in cues["consequence"].find(pc.key, max(0, h.start - 40), h.start):
        at = c.start - len(c.prefix)
        if pc.key[:at].rstrip().endswith(("،", ",")) and not any(
                x in pc.key[c.end:h.start] for x in "،,؛;"):
            return True
    return False


def _marked(pc: PassageCtx, m, cues) -> bool:
    """Tell whether a preposition (إلى، من، to, from; ل on a place or state) stands right before an actor mention."""
    if m.start and pc.p.text[m.start - 1].isalpha():
        # a clitic glued to the name; "زيارة لعراقجي": ل on a person marks whose visit it is, not where it goes
        return pc.p.text[m.start - 1] == "ل" and pc.dc.actor_type(m.ref) != "person"
    ks = pc.kt.to_key(m.start)
    words = pc.key[max(0, ks - 8):ks].split()
    return bool(words) and words[-1] in cues["markers"]


def _other_noun_adjective(pc: PassageCtx, m, cues) -> bool:
    """Tell whether a state adjective describes some other noun ("الحرب الأميركية"), not forces that act ("القوات الأمريكية")."""
    if "adjective" not in (m.flags or []):
        return False
    ks = pc.kt.to_key(m.start)
    words = pc.key[max(0, ks - 14):ks].split()
    return not (words and cues["agent_nouns"].find(words[-1]))


def _named_through(pc: PassageCtx, m, cues) -> bool:
    """Tell whether a person is named only to point at someone else ("سلف بزشكيان" = Raisi, "Putin's successor")."""
    ks = pc.kt.to_key(m.start)
    return bool(cues["relational"].find(pc.key, max(0, ks - 16), ks))


def _has_target_clitic(pc: PassageCtx, kend: int) -> bool:
    """A visit noun followed by a name with ل (زيارة الوزير لبكين) needs no إلى."""
    ts, _ = pc.span_of(kend, kend + 1)
    for m in pc.actors + pc.places:
        if ts <= m.start < ts + 60 and "ل" in pc.p.text[max(0, m.start - 1):m.start + 1]:
            return True
    return False


def _window(pc: PassageCtx, h, triggers) -> tuple[int, int]:
    """Return the display span of the clause a trigger governs."""
    ts, te = pc.span_of(h.start, h.end)
    text = pc.p.text
    lo = max(0, ts - _BACK)
    for i in range(ts - 1, lo - 1, -1):
        if text[i] in _HARD_STOP:
            lo = i + 1
            break
    hi = min(len(text), te + _FORWARD)
    for i in range(te, hi):
        if text[i] in _HARD_STOP:
            hi = i
            break
    cues = event_cues()
    for c in cues["breaks"].find(pc.key):
        at = c.start - len(c.prefix)
        if not pc.key[:at].rstrip().endswith(("،", ",", "؛")):
            continue
        cs, _ = pc.span_of(at, at + 1)
        if te <= cs < hi:
            hi = cs  # "..., مما دفع كييف": the next clause has its own actors
        elif lo <= cs < ts and c.cat == "brk":
            lo = cs
    for c in cues["adjuncts"].find(pc.key, pc.kt.to_key(te)):
        cs, _ = pc.span_of(c.start - len(c.prefix), c.end)
        hi = min(hi, cs)  # "رغم التأخير الناجم عن الحرب في أوكرانيا": a circumstance, not a party
        break
    for c in cues["relatives"].find(pc.key, pc.kt.to_key(te)):
        cs, _ = pc.span_of(c.start, c.end)
        if cs < hi and any(te <= m.start < cs for m in pc.actors + pc.places):
            hi = cs  # "لقاء المرشد الذي أعرب عن دعمه": the relative clause is about the noun
        break
    for o in triggers:
        os_, _ = pc.span_of(o.start, o.end)
        if o.cat != h.cat and te <= os_ < hi and pc.key[:o.start - len(o.prefix)].rstrip().endswith(("،", ",")):
            hi = os_  # "زيارة بوتين لطهران، ولقاؤه مع المرشد": a second event in its own clause
        if o.cat == h.cat and te <= os_ < hi:
            hi = os_
        if o.cat == h.cat and lo <= os_ < ts:
            lo = ts  # "زيارة الوزير لأنقرة ... وزيارة نظيره لبكين": the earlier clause is not ours
    return lo, hi


_CAUSE_GAP = 14  # key characters between a causative ("لإجبار") and the actor it forces
_CAUSER_REACH = 150  # display characters before the causative where who forces is named


def _roles(pc: PassageCtx, h, actors, cues) -> list[Participant]:
    """Give each actor a role from word order and prepositions: subject, object, target, source."""
    out: list[Participant] = []
    # "حصلت إيران على": a verb of acquiring makes its subject the recipient, wherever its preposition stands
    receiver = (cues["types"].folded.get(h.cue) == "acquire"
                or bool(cues["receivers"].find(pc.key, h.start - len(h.prefix), h.end + 6)))
    ts, _ = pc.span_of(h.start, h.end)
    # before the trigger a subject is a name, not an adjective of another noun ("الحرب الأميركية وما تلاها من ...")
    subject = next((m for m in reversed(actors) if ts - 25 <= m.start < ts and not _marked(pc, m, cues)
                    and not _other_noun_adjective(pc, m, cues) and not any(c in pc.p.text[m.end:ts] for c in "،,؛;")), None)
    # an actor after the trigger is its subject unless a preposition marks it ("نقل صواريخ إلى روسيا")
    after = next((m for m in actors if ts <= m.start < ts + 45 and not _marked(pc, m, cues)), None)
    subject = subject or after or next(iter(actors), None)
    for i, m in enumerate(actors):
        nxt = actors[i + 1] if i + 1 < len(actors) else None
        if nxt is not None and subject is nxt and 0 <= nxt.start - m.end <= 2 and pc.dc.state_of(nxt.ref) == m.ref:
            subject = m  # "الرئيس التركي رجب طيب أردوغان": the state and its official act together
        ks = pc.kt.to_key(m.start)
        before = pc.key[max(0, ks - 6):ks]
        clitic = m.start > ts and "ل" in pc.p.text[max(0, m.start - 1):m.start + 1]
        prev = actors[i - 1] if i > 0 else None
        if m is subject or (prev is not None and prev is subject and 0 <= m.start - prev.end <= 2 and pc.dc.state_of(m.ref) == prev.ref):
            role = "agent"
        elif cues["from"].find(before):
            role = "source"
        elif clitic or cues["to"].find(before):
            role = "target"
        else:
            role = "object"
        if h.cat == "death" and m.start > ts and role == "agent":
            role = "victim"  # "مقتل قائد", "قتلت ... العميد": who dies follows the trigger
        if h.cat == "delivery":
            role = {("agent", True): "recipient", ("object", True): "supplier", ("source", True): "supplier",
                    ("agent", False): "supplier", ("object", False): "recipient", ("target", False): "recipient",
                    ("source", False): "supplier"}.get((role, receiver), role)
        old = next((p for p in out if p.actor == m.ref), None)
        if old is None:
            out.append(Participant(actor=m.ref, role=role))
        elif m is subject:
            old.role = role  # "The Kremlin denied that Moscow had sent": the subject mention decides
    if subject is not None and h.cat != "delivery":
        _apply_causative(pc, subject, actors, cues, out)
    return out


def _apply_causative(pc: PassageCtx, subject, actors, cues, out: list[Participant]) -> None:
    """Make who forces the act its agent and who is forced its object ("تجبر الشركات الروسية طهران على قبول المقايضة")."""
    ks = pc.kt.to_key(subject.start)
    cause = cues["causatives"].find(pc.key, max(0, ks - _CAUSE_GAP), ks)
    if not cause:
        return
    cs, _ = pc.span_of(cause[-1].start, cause[-1].end)
    causers = {m.ref for m in actors if cs - _CAUSER_REACH <= m.start < cs and m.ref != subject.ref
               and not _marked(pc, m, cues) and not _object_of_prep(pc, m)}
    if not causers:
        return
    for p in out:
        if p.actor == subject.ref:
            p.role = "object"
        elif p.actor in causers:
            p.role = "agent"


def _object_of_prep(pc: PassageCtx, m) -> bool:
    """Tell whether على/on/against stands right before an actor ("العقوبات على إيران"): it is acted upon."""
    return pc.p.text[max(0, m.start - 5):m.start].rstrip().endswith(("على", "علي", "on", "against", "ضد"))


_ROLE_NAMES = {
    "visit": {"agent": "visitor", "target": "host"},
    "signing": {"agent": "signatory", "object": "signatory", "target": "signatory"},
    "ratification": {"agent": "ratifier", "target": "party"},
    "sanction": {"agent": "imposer", "target": "target"},
    "strike": {"agent": "attacker", "target": "target"},
    "attack": {"agent": "attacker", "target": "target"},
    "invasion": {"agent": "invader", "target": "invaded"},
    "withdrawal": {"agent": "withdrawing", "source": "withdrawn_from"},
}


def _is_object(dc: DocCtx, ref: str) -> bool:
    """Tell whether an item can be delivered (a weapon, platform or commodity, not a place)."""
    it = getattr(dc.dicts, "items", {}).get(ref)
    return it is None or str(it.type) in ("weapon", "platform", "commodity", "project")


def _label(dc: DocCtx, etype: str, parts: list[str], date: str | None, what: str | None) -> str:
    names = "–".join(dc.name_of(p) for p in parts[:3]) or "unspecified actors"
    tail = f" of {what}" if what else ""
    return f"{names} {etype.replace('_', ' ')}{tail}{', ' + date if date else ''}"


def extract_events(pcs: list[PassageCtx], dc: DocCtx, out: list, agreements: dict[int, list[str]]) -> None:
    """Append the event records every passage states to `out`."""
    from irkg.loaders.extract_constraints import constraint_cues

    cues = event_cues()
    limit_cues = constraint_cues()["cue"]
    known_names = {r.id: r.label for r in out if r.kind == "agreement"}
    for pc in pcs:
        trig = _triggers(pc, cues)
        seen: set[tuple] = set()
        spans = [pc.span_of(h.start, h.end) for h in trig]
        owner = {}
        for d in pc.dates:  # a date belongs to the trigger it stands closest to, in its own clause
            gaps = [(d.start - te if d.start >= te else ts - d.end + 20 + _clause_gap(pc, d.end, ts), i)
                    for i, (ts, te) in enumerate(spans)]
            if gaps:
                owner[d.start] = min(gaps)[1]
        for n, h in enumerate(trig):
            lo, hi = _window(pc, h, trig)
            actors = [m for m in pc.actors_between(lo, hi) if not _named_through(pc, m, cues)]
            roles = _roles(pc, h, actors, cues)
            for r in roles:
                r.role = _ROLE_NAMES.get(h.cat, {}).get(r.role, r.role)
            parts = [r.actor for r in roles]
            ts, te = pc.span_of(h.start, h.end)
            dm = pc.nearest_date(ts, te, window=_FORWARD + 20,
                                 skip={s for s, o in owner.items() if o != n and trig[o].cat != h.cat})
            if dm is not None and not (lo - 30 <= dm.start < hi + 30):
                dm = None
            if dm is None and _follows_back_break(pc, h, cues):
                # "غارة ... في 2 أبريل، ما أدى إلى مقتل قائد": a consequence shares the date before it
                dm = next((d for d in reversed(pc.dates) if d.end <= ts and "century" not in (d.flags or [])), None)
            date = date_value(dm)
            agreement = None
            if h.cat in ("signing", "ratification", "entry_into_force") and agreements.get(pc.p.idx):
                agreement = agreements[pc.p.idx][0]
            items = sorted({m.ref for m in pc.items if lo <= m.start < hi and _is_object(dc, m.ref)})
            places = [m for m in pc.places + pc.items if lo <= m.start < hi]
            if h.cat in cues["needs_person"] and not any(dc.actor_type(p) in ("person", "institution") for p in parts):
                continue
            if h.cat == "annexation" and not places:
                continue  # annexing needs a territory ("ضم القرم"), not members ("ضم أوكرانيا لصفوفه")
            if h.cat == "delivery" and not items and (len(parts) < 2 or not (any(
                    m.ref in _OBJECT_TOPICS for m in pc.topics if lo <= m.start < hi)
                    or cues["objects"].find(pc.key, pc.kt.to_key(lo), pc.kt.to_key(hi)))):
                continue  # a delivery names what is delivered, or a supplier and a recipient of arms
            if not parts and not agreement and not items:
                continue
            if h.cat in ("signing", "ratification", "entry_into_force") and not agreement and not date:
                continue
            place = next((m.ref for m in pc.places if lo <= m.start < hi), None)
            cert = assess_certainty(pc.key, h.start, h.end, h.prefix)
            if h.cat == "delivery" and any(not any(c in pc.key[c_.end:h.start] for c in "،,.؛;")
                                           for c_ in limit_cues.find(pc.key, max(0, h.start - 80), h.start)
                                           if c_.cat in _LIMITING):
                continue  # "يحد من تزويد إيران بالصواريخ": a limit on deliveries, not a delivery
            if h.cat == "delivery" and cert == "asserted" and cues["intent"].find(pc.key, max(0, h.start - 220), h.start):
                cert = Certainty.EXPECTED  # "ناقش الوفدان نقل ذخائر", "طلبت تزويدها": asked for, not delivered
            if cert == "asserted" and _is_provision(pc, h, cues):
                cert = Certainty.EXPECTED  # "الاتفاق يتضمن تدريبات مشتركة": a term agreed on, not an event held
            key = (h.cat, date, tuple(sorted(parts)), agreement)
            if key in seen:
                continue
            seen.add(key)
            tail = f":{agreement.split(':', 1)[1]}" if agreement else (f":{'+'.join(items)}" if items else "")
            eid = f"event:{h.cat}:{date or 'nodate'}:{'+'.join(sorted(set(parts))) or 'none'}{tail}"
            if not date and not tail and set(parts) <= {"iran", "russia"}:
                # too little to tell one such event from another: keep it to its own clause
                eid += ":" + hashlib.sha1(pc.key[pc.kt.to_key(lo):pc.kt.to_key(hi)].encode()).hexdigest()[:8]
            what = known_names.get(agreement) if agreement else (items[0] if items else None)
            out.append(EventRecord(
                id=eid, label=_label(dc, h.cat, parts, date, what), type=h.cat, date=date,
                date_precision={4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None,
                participants=sorted(set(parts)), roles=roles, place=place, agreement=agreement,
                items=items, topics=sorted({m.ref for m in pc.topics if lo <= m.start < hi}),
                summary=pc.p.text[lo:hi].strip()[:200], certainty=cert,
                evidence=[pc.evidence(cert, {"date": date, "trigger": pc.p.text[ts:te]})],
            ))
