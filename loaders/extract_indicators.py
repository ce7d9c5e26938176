"""Find indicators: figures with a unit, what they measure, their date and the actors concerned."""

from __future__ import annotations

from functools import lru_cache

from irkg.loaders.certainty import assess_certainty
from irkg.loaders.extract import PAIR, DocCtx, PassageCtx, date_value, slug
from irkg.loaders.extract_frictions import friction_cues
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.schema.graph import Certainty, IndicatorRecord

_KINDS = ("money", "percent", "quantity")
_BEFORE = 110  # key characters before a figure where its measure word stands
_AFTER = 45
_SHARES = {"currency_share", "national_currency_settlement", "gas_reserves", "oil_supply_share"}
_TO_LEVEL = ("الى ", "to ")  # "rose to 95%": a level reached, not growth
_TARGET_BEFORE = 90  # key characters before a figure where a target/plan word governs it
_TARGET_AFTER = 25
_SITE_REACH = 60  # characters between a place and a share figure in its relative clause


@lru_cache(maxsize=1)
def indicator_cues() -> dict:
    """Load and compile cues_indicators.yaml."""
    data = read_yaml("cues_indicators.yaml")
    measures = data["measures"]
    return {
        "measures": lexicon_of({k: v["cues"] for k, v in measures.items()}),
        "what": {k: v["what"] for k, v in measures.items()},
        "growth": lexicon_of({"growth": data.get("growth", [])}),
        "comparison": lexicon_of({"comparison": data.get("comparison", [])}),
        "pair": friction_cues()["pair_nouns"],
        "target": lexicon_of({"target": data.get("targets", [])}),
    }


def _is_growth(pc: PassageCtx, ic: dict, ks: int, ke: int) -> bool:
    """Tell whether a percent figure is a rate of change of its measure, not its level."""
    if pc.key[max(0, ks - 4):ks].endswith(_TO_LEVEL):
        return False  # "rose to 95%": a level reached
    before = [h for h in ic["measures"].find(pc.key, max(0, ks - _BEFORE), ks) if h.end <= ks]
    # "تنامي التبادل التجاري بينهما ... بنحو 15%": the change word governs the measure, not the figure
    start = min(ks - 30, before[-1].start - 12) if before else ks - 30
    if ic["growth"].find(pc.key, max(0, start), ks):
        return True
    # "15% compared with the same months of last year": a comparison makes the figure a change
    return bool(ic["comparison"].find(pc.key, ke, ke + 25))


def _is_target(pc: PassageCtx, ic: dict, ks: int, ke: int) -> bool:
    """Tell whether a figure is a target or planned level (its clause opens with a goal word)."""
    for h in ic["target"].find(pc.key, max(0, ks - _TARGET_BEFORE), ks):
        if not any(c in pc.key[h.end:ks] for c in "،,؛;."):
            return True  # the goal word and the figure share a clause
    return any(not any(c in pc.key[ke:h.start] for c in "،,؛;") for h in ic["target"].find(pc.key, ke, ke + _TARGET_AFTER))


def _site_of(pc: PassageCtx, start: int) -> str | None:
    """Return the place a share figure is about: named after every state, in the figure's clause."""
    items = getattr(pc.dc.dicts, "items", {})
    sites = pc.places + [m for m in pc.items if getattr(items.get(m.ref), "type", None) == "place"]  # straits, canals
    places = sorted((m for m in sites if m.end <= start and start - m.end <= _SITE_REACH), key=lambda m: m.start)
    if not places or any(c in pc.p.text[places[-1].end:start] for c in "،,؛;."):
        return None
    last_state = max((m.start for m in pc.actors if m.start < start and pc.dc.actor_type(pc.dc.state_of(m.ref)) == "state"), default=-1)
    if places[-1].start < last_state:
        return None
    ref = places[-1].ref
    entry = getattr(pc.dc.dicts, "items", {}).get(ref) or getattr(pc.dc.dicts, "places", {}).get(ref)
    return getattr(entry, "name_en", None) or ref


def _measure(pc: PassageCtx, ic: dict, ks: int, ke: int, percent: bool) -> str | None:
    before = [h for h in ic["measures"].find(pc.key, max(0, ks - _BEFORE), ks) if h.end <= ks]
    if percent and any(h.cat in _SHARES for h in before):
        before = [h for h in before if h.cat in _SHARES]  # "the share of X in bilateral trade rose to 95%"
    after = ic["measures"].find(pc.key, ke, ke + _AFTER) if percent else []
    if after and (not before or after[0].start - ke < ks - before[-1].end):
        return after[0].cat
    if before:
        return before[-1].cat
    earlier = ic["measures"].find(pc.key, 0, ks)  # a later figure in the same sentence about the same measure
    return earlier[-1].cat if earlier and not percent else None


def extract_indicators(pcs: list[PassageCtx], dc: DocCtx, out: list) -> None:
    """Append an indicator record for every figure with a unit that a passage states."""
    ic = indicator_cues()
    for pc in pcs:
        date_spans = [(d.start, d.end) for d in pc.dates]
        for q in pc.quantities:
            if q.kind not in _KINDS or any(a <= q.start < b for a, b in date_spans):
                continue
            ks, ke = pc.kt.to_key(q.start), pc.kt.to_key(q.end)
            m = _measure(pc, ic, ks, ke, q.kind == "percent")
            what = ic["what"][m] if m else f"figure in {q.unit}"
            if q.kind == "percent" and _is_growth(pc, ic, ks, ke):
                what = f"{what} growth"
            if q.kind == "percent" and not m and not what.endswith("growth"):
                continue
            dm = pc.nearest_date(q.start, q.end, window=160)
            date = date_value(dm)
            if date and dm is not None and "span" in (dm.flags or []):
                date = date[:4]  # "the first half of 2024" dates a figure to 2024
            pair = pc.states & set(PAIR)
            others = sorted({pc.dc.state_of(m.ref) for m in pc.actors if m.start < q.start} - set(PAIR))
            others = [s for s in others if pc.dc.actor_type(s) == "state"]
            if ic["pair"].find(pc.key):
                others = []  # "بين البلدين": the pair is the subject
            actors = sorted(pair) if len(pair) == 2 or not others else sorted(pair | set(others[:2]))
            site = _site_of(pc, q.start) if q.kind == "percent" and not what.endswith("growth") else None
            if site:  # "مضيق هرمز الذي تمر عبره 40% من إمدادات النفط": the share is the place's, not the states'
                what, actors = f"{what} at {site}", []
            # "التجارة بين الهند وروسيا": a figure about another pair is kept apart from the Iran–Russia one
            apart = "" if len(pair) == 2 or not others else ":" + "+".join(actors)
            cert = assess_certainty(pc.key, ks, ke)
            if cert == Certainty.ASSERTED and _is_target(pc, ic, ks, ke):
                cert = Certainty.EXPECTED  # "يستهدف البلدان سعة تصل إلى 15 مليون طن": a goal, not a result
            vid = "" if m and date else f":{q.value:g}"  # undated figures merge only when equal
            iid = f"indicator:{slug(what)}:{slug(q.unit or 'n')}:{date or 'nodate'}{vid}{apart}"
            out.append(IndicatorRecord(
                id=iid, label=f"{what}{', ' + date if date else ''}: {q.value:g} {q.unit}",
                what=what, value=q.value, unit=q.unit or "", date=date, actors=actors,
                certainty=cert, topic=None,
                evidence=[pc.evidence(cert, {"value": f"{q.value:g}", "unit": q.unit, "date": date, "surface": q.surface})],
            ))
