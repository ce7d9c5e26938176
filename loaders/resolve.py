"""Merge records that describe the same thing across passages and documents, keeping disagreements.

Records with one id become one record with all the evidence. Near-duplicates merge too:
an agreement named differently (alias similarity), an event of the same type with shared
participants (or agreement) and compatible dates. When sources give different values for
a field, the first value stays, every value remains in its evidence's `claims`, and the
field is listed in `conflicts` (indicators also list each value with its document in `values`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

from pydantic import BaseModel
from rapidfuzz import fuzz

from irkg.loaders.arabic import match_key
from irkg.schema.graph import Certainty, Record

# Fields whose disagreement between sources is news (the rest merge silently).
CONFLICT_FIELDS = {"date", "ratified", "in_force", "duration_years", "articles", "value", "unit", "agreement_kind"}
_STATUS_ORDER = ["negotiated", "signed", "ratified", "in_force", "stalled", "frozen", "ended"]
_KEEP_FIRST = {"kind", "id", "label", "evidence", "conflicts", "certainty", "summary", "date_precision", "values"}


def _ident(x) -> str:
    if isinstance(x, BaseModel):
        return x.model_dump_json()
    return json.dumps(x, sort_keys=True, ensure_ascii=False, default=str)


def _dedupe(items: list) -> list:
    seen, out = set(), []
    for x in items:
        k = _ident(x)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _compatible_dates(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def merge_group(recs: list[Record]) -> Record:
    """Return the first record with the others' evidence and values folded in; disagreements go to `conflicts`."""
    if len(recs) == 1:
        return recs[0]
    a = recs[0].model_copy(deep=False)
    conflicts = list(a.conflicts)
    evidence = list(a.evidence)
    seen = {(e.doc, e.passage) for e in evidence}
    fields = [f for f in type(a).model_fields if f not in _KEEP_FIRST]
    for b in recs[1:]:
        conflicts += [c for c in b.conflicts if c not in conflicts]
        for f in fields:
            va, vb = getattr(a, f), getattr(b, f)
            if isinstance(va, list):
                if vb:
                    setattr(a, f, _dedupe(va + list(vb)))
            elif va in (None, "", 0) and vb not in (None, ""):
                setattr(a, f, vb)
            elif f == "status" and vb:
                setattr(a, f, max((va, vb), key=lambda s: _STATUS_ORDER.index(s) if s in _STATUS_ORDER else -1))
            elif f == "date" and isinstance(va, str) and isinstance(vb, str) and _compatible_dates(va, vb):
                setattr(a, f, max(va, vb, key=len))
            elif vb not in (None, "") and vb != va and f in CONFLICT_FIELDS and f not in conflicts:
                conflicts.append(f)
        for e in b.evidence:
            if (e.doc, e.passage) not in seen:
                seen.add((e.doc, e.passage))
                evidence.append(e)
        if a.kind == "event" and b.date == a.date and len(b.label) > len(a.label):
            a.label = b.label
    if getattr(a, "date", None) and "date_precision" in type(a).model_fields:
        a.date_precision = {4: "year", 7: "month", 10: "day"}.get(len(a.date))
    a.evidence = evidence
    if a.kind == "indicator":
        a.values = _indicator_values(evidence)
        if a.values and "value" not in conflicts:
            conflicts.append("value")
    a.conflicts = conflicts
    levels = [e.certainty for e in evidence]
    if levels:
        a.certainty = Certainty.ASSERTED if Certainty.ASSERTED in levels else levels[0]
    return a


def merge_two(a: Record, b: Record) -> Record:
    """Return `a` with `b`'s evidence and values folded in."""
    return merge_group([a, b])


def _indicator_values(evidence: list) -> list[dict[str, str]]:
    out, seen = [], set()
    for e in evidence:
        v = e.claims.get("value")
        if v is not None and (v, e.doc) not in seen:
            seen.add((v, e.doc))
            out.append({"value": v, "unit": e.claims.get("unit", ""), "doc": e.doc})
    return out if len({x["value"] for x in out}) > 1 else []


def merge_by_id(records: list[Record]) -> list[Record]:
    """Fold records with the same id into one, in first-seen order."""
    by: dict[str, list[Record]] = {}
    for r in records:
        by.setdefault(r.id, []).append(r)
    return [merge_group(g) for g in by.values()]


# words every agreement's name may hold: two names that share only these ("الاتفاقية بين البلدين" and "الاتفاقية
# بشأن الوضع القانوني لبحر قزوين") are not the same agreement
_GENERIC_NAME_WORDS = {match_key(w) for w in (
    "اتفاق الاتفاق اتفاقية الاتفاقية اتفاقا معاهدة المعاهدة صفقة الصفقة عقد العقد مذكرة تفاهم التفاهم بين البلدين "
    "الدولتين الطرفين الجانبين الثنائية الثنائي الجديدة الجديد بشأن حول مع على في من agreement treaty deal contract "
    "accord memorandum understanding the a an of between two countries sides new bilateral with on for").split()}


def _distinctive(name: str) -> str:
    """A name without the words any agreement's name may hold."""
    return " ".join(w for w in match_key(name).split() if w not in _GENERIC_NAME_WORDS)


def _same_name(x: str, y: str) -> bool:
    """Two distinctive names of one agreement: close, word order aside ("legal status caspian convention"), the
    shorter not a small part of a longer phrase ("iran nuclear" inside "cementing military nuclear cooperation iran")."""
    if len(x) <= 8 or len(y) <= 8 or fuzz.token_set_ratio(x, y) < 92:
        return False
    nx, ny = len(set(x.split())), len(set(y.split()))
    return min(nx, ny) * 2 >= max(nx, ny)


def _merge_agreements(recs: list[Record]) -> list[Record]:
    known = [r for r in recs if not r.id.count(":") > 2]
    generic = [r for r in recs if r.id.count(":") > 2]
    keyed = {r.id: {d for d in map(_distinctive, r.names) if d} for r in recs}
    out = {r.id: r for r in known}
    for g in generic:
        target = None
        for k in list(out.values()):
            if k.agreement_kind != g.agreement_kind and k.id.count(":") > 2:
                continue
            if g.id.endswith(":several"):
                break  # "agreements cementing nuclear cooperation" are several, never one named agreement
            if any(_same_name(x, y) for x in keyed[g.id] for y in keyed[k.id]):
                if k.id.count(":") > 2 and sorted(k.parties) != sorted(g.parties):
                    continue
                target = k
                break
        if target is None:
            out[g.id] = g
        else:
            out[target.id] = merge_two(target, g)
    return list(out.values())


def _merge_events(recs: list[Record]) -> list[Record]:
    """Merge events of one type with shared participants or agreement and compatible dates."""
    block: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        for p in r.participants:
            block[(r.type, "p", p)].append(i)
        if r.agreement:
            block[(r.type, "a", r.agreement)].append(i)
    alive = [True] * len(recs)
    orig = [set(r.participants) for r in recs]  # compare as found, not as grown by merges
    order = sorted(range(len(recs)), key=lambda i: (-(len(recs[i].date or "")), -len(recs[i].participants)))
    for i in order:
        if not alive[i]:
            continue
        r = recs[i]
        cands = set()
        for p in r.participants:
            cands.update(block[(r.type, "p", p)])
        if r.agreement:
            cands.update(block[(r.type, "a", r.agreement)])
        for j in sorted(cands):
            if j == i or not alive[j]:
                continue
            o = recs[j]
            if not _compatible_dates(r.date, o.date):
                continue
            if not (_docs(r) & _docs(o)) and not (r.date and o.date):
                continue  # across documents only dated accounts are one event: "Putin met Khamenei" recurs
            if _opposed(r, o):
                continue  # Russia supplying Iran and Iran supplying Russia are two facts
            if len(o.date or "") > len(r.date or ""):
                continue
            if r.agreement and o.agreement and r.agreement != o.agreement:
                continue  # the signing of the railway deal and the signing of a trade deal are two signings
            if r.items and o.items and not set(r.items) & set(o.items):
                continue  # a delivery of drones and a delivery of missiles are two deliveries
            shared = orig[i] & orig[j]
            same_agr = r.agreement and r.agreement == o.agreement
            if not same_agr:
                if not shared or not (orig[j] <= orig[i] or orig[i] <= orig[j]):
                    continue  # one account must name a subset of the other's participants
                if not o.date and not any(s not in ("iran", "russia") for s in shared):
                    continue  # an undated event needs a shared named participant beyond the pair
            if not same_agr and (str(r.certainty) == "denied") != (str(o.certainty) == "denied"):
                continue  # "without any intervention" is not the intervention of 2015
            planned = {str(r.certainty), str(o.certainty)}
            if not same_agr and "expected" in planned and planned & {"asserted", "reported"} \
                    and not (r.date and o.date and len(r.date) >= 10 and r.date == o.date):
                continue  # the talks held and the summit still to come on their eve are two events
            ar, ao = _agents(r), _agents(o)
            if ar and ao and not ar & ao:
                continue  # Putin's visit and Larijani's visit share a host, not a visitor
            if not o.date and _other_dated(recs, alive, i, o, cands):
                continue  # an undated mention that fits several dated events stays apart
            recs[i] = r = merge_two(r, o)
            alive[j] = False
    return [r for k, r in enumerate(recs) if alive[k]]


def _docs(r: Record) -> set[str]:
    return {e.doc for e in r.evidence}


def _opposed(a: Record, b: Record) -> bool:
    """Tell whether an actor plays different roles in two events (supplier here, recipient there)."""
    ra = {p.actor: p.role for p in getattr(a, "roles", None) or [] if p.role and p.role != "participant"}
    return any(ra.get(p.actor) not in (None, p.role) for p in getattr(b, "roles", None) or []
               if p.role and p.role != "participant")


_AGENT_ROLES = {"agent", "visitor", "signatory", "ratifier", "imposer", "attacker", "invader", "withdrawing", "supplier"}


@lru_cache(maxsize=1)
def _state_of() -> dict[str, str]:
    """Map each non-state actor with a country (persons, institutions) to that country."""
    from irkg.loaders.dictionaries import load_dictionaries

    return {k: a.country for k, a in load_dictionaries().actors.items()
            if getattr(a, "country", None) and str(a.type) != "state"}


def _agents(r: Record) -> set[str]:
    """Return the states that act in an event (visitor, attacker, supplier ...); a person counts as its state."""
    state = _state_of()
    return {state.get(p.actor, p.actor) for p in getattr(r, "roles", None) or [] if p.role in _AGENT_ROLES}


def _other_dated(recs, alive, i, o, cands) -> bool:
    for k in cands:
        x = recs[k]
        if k != i and alive[k] and x is not o and x.type == o.type and x.date and \
                set(o.participants) <= set(x.participants) and o.participants:
            return True
    return False


def resolve_records(records: list[Record]) -> list[Record]:
    """Return records merged across passages and documents: one per real-world fact or entity."""
    merged = merge_by_id(records)
    by_kind: dict[str, list[Record]] = defaultdict(list)
    order: list[str] = []
    for r in merged:
        if r.kind not in by_kind:
            order.append(r.kind)
        by_kind[r.kind].append(r)
    if "agreement" in by_kind:
        by_kind["agreement"] = _merge_agreements(by_kind["agreement"])
    if "event" in by_kind:
        by_kind["event"] = _merge_events(by_kind["event"])
    return [r for k in order for r in by_kind[k]]
