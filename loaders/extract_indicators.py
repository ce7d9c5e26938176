"""Find indicators: figures, what they measure, their date, the actors concerned and how firmly they are stated.

Every figure the number grammar reads (irkg.loaders.numbers) that measures something is an
indicator: money, percentages, quantities with a unit, durations, multiples, counts of things
and ordinals of a series; a bare number only when a scale word makes it an amount. Everything
about a figure is read in its own clause (the sentence cut where a new clause opens: «، حيث»,
", which", "-"): what it measures (the counted noun, the measure word that governs it — the
head of an Arabic construct chain —, the goods it is of), its date, its actors (a nationality
on what it counts, else the states of its comma segment, else of its clause) and its
certainty (the sentence's hedges, a goal word). A range gives two indicators, its bounds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty
from irkg.loaders.extract import PAIR, DocCtx, PassageCtx, date_value, slug
from irkg.loaders.extract_frictions import friction_cues
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.loaders.numbers import Quantity
from irkg.schema.graph import Certainty, IndicatorRecord

_KINDS = {"money", "percent", "quantity", "duration", "count", "multiple", "ordinal"}
_BEFORE = 110  # key characters before a figure where the word that governs it stands
_AFTER = 40  # key characters after a figure where what it is of stands ("of cargo", «من حصته»)
_RIGHT_AFTER = 16  # key characters after an amount where the noun it modifies stands ("a $2 bn loan")
_CARRY = 220  # characters over which a figure without a measure takes the previous figure's
_TO_LEVEL = ("الى ", "to ")  # "rose to 95%": a level reached, not growth
_TARGET_REACH = 200  # key characters before a figure, in its clause, where a goal or plan word governs it
_TARGET_AFTER = 25
_SITE_REACH = 60  # characters between a place and a share figure in its relative clause
_SCALE_ONLY = 100_000  # a bare number this large with a scale word is an amount (unit not stated)
_REACH = 600  # key characters a figure's sentence may reach on either side of it
_SENTENCE = re.compile(r"[!?؟;؛\n]|(?<!\b[a-z])(?<!\d)\.(?!\d)")
_OPENERS = ("لكن", "بينما", "في حين", "حيث", "أي", "مما", "وهو", "وهي", "ثم", "بعد", "عقب", "كما", "مع ذلك")
_CONCESSIVE = ("على الرغم", "بالرغم", "رغم", "بعد", "عقب")  # and what happened before: «بعد الغزو الروسي لأوكرانيا»
# where a new clause opens: a comma before a clause word, or a concession anywhere (match-key forms)
_BREAK = re.compile(
    r"\s*[،,:]\s*(?:(?:و|ف)?(?:" + "|".join(match_key(w) for w in _OPENERS) + r")(?!\w)"
    r"|(?:but|while|whereas|which|and then|then|compared|after|when|according|as|however|meanwhile)\b)"
    r"|\s(?:و|ف)?(?:" + "|".join(match_key(w) for w in _CONCESSIVE) + r")(?!\w)|\s(?:despite|although|even though|after|following)\b")
_OWN_CHAIN = re.compile(r"(?:\s+ال\w+){1,4}|\s+\w+(?:يا|ية|يه|ي)(?!\w)")
_PREPOSITION = re.compile(r"\b(?:for|to|of|in|from|with|by|on|at|as|than)\b")
_MATERIAL_STOPS = {"to", "for", "from", "in", "by", "a", "an", "per", "with", "on", "at", "and", "since", "which",
                   "that", "last", "this", "each", "every", "into", "over", "under", "was", "were", "is", "are"}
_SINCE = re.compile(r"(?:since|منذ)\s+(?:عام\s+|العام\s+)?$", re.I)
_BY = {"by", "بمقدار", "بواقع"}
_ANAPHOR = re.compile(r"\s*(?:that|this|it|these|those|ذلك|هذا|هذه|وهو|وهي|وهذا|وذلك)\b")  # a sentence that takes up the last
_PERIOD_TO = re.compile(r"\s*(?:to|until|till|through|[\-\u2013]|إلى|الى|حتى)\s*$")
_COMMA = re.compile(r"[،,]")
_OF = re.compile(r"\s*(?:of|من)\s+(?:the\s+)?(?:ال)?")
_WORTH_OF = re.compile(r"\s*worth\s+of\s+((?:[a-z][a-z\-]*\s?){1,3}?)(?=\s(?:with|in|for|to|from|by|at|and|on)\b|[,.;]|$)")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SHARES = {"share", "currency_share", "national_currency_settlement", "gas_reserves", "oil_supply_share"}
_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|عبره|عبرها|which|through which|where)(?!\w)")


@lru_cache(maxsize=1)
def indicator_cues() -> dict:
    """Load and compile cues_indicators.yaml and cues_measures.yaml (which extends it)."""
    base = read_yaml("cues_indicators.yaml")
    extra = read_yaml("cues_measures.yaml")
    mine = {match_key(c) for v in extra["measures"].values() for c in v["cues"]}
    measures: dict[str, dict] = {k: {"what": v["what"], "cues": [c for c in v["cues"] if match_key(c) not in mine]}
                                 for k, v in base["measures"].items()}  # a cue listed in both: the newer file's category
    for k, v in extra["measures"].items():
        m = measures.setdefault(k, {"what": v["what"], "cues": []})  # an existing measure keeps its label
        m["cues"] += v["cues"]
        m["kinds"] = set(v.get("kinds") or ())
        m["units"] = set(v.get("units") or ())
    durations = extra.get("durations") or {}
    return {
        "measures": lexicon_of({k: v["cues"] for k, v in measures.items()}),
        "what": {k: v["what"] for k, v in measures.items()},
        "kinds": {k: v.get("kinds") or set() for k, v in measures.items()},
        "units": {k: v.get("units") or set() for k, v in measures.items()},
        "durations": lexicon_of({k: v["cues"] for k, v in durations.items()}),
        "duration_rank": {k: n for n, k in enumerate(durations)},
        "bounds": lexicon_of(extra.get("bounds") or {}),
        "duration_what": {k: v["what"] for k, v in durations.items()},
        "relations": lexicon_of(extra.get("time_relations") or {}),
        "relations_after": lexicon_of(extra.get("time_relations_after") or {}),
        "change": lexicon_of({"growth": extra.get("change_up", []), "decline": extra.get("change_down", [])}),
        "markers": {match_key(m) for m in extra.get("change_markers", [])},
        "comparison": lexicon_of({"comparison": base.get("comparison", [])}),
        "pair": friction_cues()["pair_nouns"],
        "target": lexicon_of({"target": base.get("targets", []) + extra.get("targets", [])}),
        "target_after": lexicon_of({"target": base.get("targets", [])}),
        "counted": lexicon_of({u: spec["forms"] for u, spec in read_yaml("cues_numbers.yaml")["counted"].items()}),
    }


class _Figure:
    """One figure with its place in the passage: key offsets, sentence, clause and comma segment."""

    def __init__(self, pc: PassageCtx, q: Quantity):
        self.q = q
        key = pc.key
        self.ks, self.ke = pc.kt.to_key(q.start), pc.kt.to_key(q.end)
        floor = max(0, self.ks - _REACH)  # a run-on passage: no sentence is longer than this
        self.slo = max((m.end() for m in _SENTENCE.finditer(key, floor, self.ks)), default=floor)
        m = _SENTENCE.search(key, self.ke, self.ke + _REACH)
        self.shi = m.start() if m else min(len(key), self.ke + _REACH)
        self.lo = max((m.start() + 1 for m in _BREAK.finditer(key, self.slo, self.ks) if m.end() < self.ks - 1),
                      default=self.slo)  # «بعد أسبوعين من»: a word that relates the figure itself opens no clause
        m = _BREAK.search(key, self.ke, self.shi)
        self.hi = m.start() if m else self.shi
        self.measure: str | None = None  # the measure word the figure was named by
        self.seg_lo = max((m.end() for m in _COMMA.finditer(key, self.lo, self.ks)), default=self.lo)
        m = _COMMA.search(key, self.ke, self.hi)
        self.seg_hi = m.start() if m else self.hi


def _fits(ic: dict, cat: str, kind: str, unit: str | None = None) -> bool:
    """Tell whether a measure can name a figure of this kind and unit (a range is in km, not kg)."""
    kinds, units = ic["kinds"].get(cat), ic["units"].get(cat)
    if units and unit and unit.split(" per ")[0] not in units:
        return False
    return not kinds or kind == "multiple" or (kind if kind != "number" else "money") in kinds


def _measure_before(pc: PassageCtx, ic: dict, f: _Figure, kind: str, lo: int | None = None) -> str | None:
    """Return the measure word nearest before a figure in its clause (from `lo`); of an Arabic construct chain, its head."""
    lo = f.lo if lo is None else lo
    hits = [h for h in ic["measures"].find(pc.key, max(lo, f.ks - _BEFORE), f.ks)
            if h.end <= f.ks and _fits(ic, h.cat, kind, f.q.unit)]
    if not hits:
        return None
    if kind == "percent" and any(h.cat in _SHARES for h in hits):
        hits = [h for h in hits if h.cat in _SHARES]  # "the share of the rouble in bilateral trade rose to 95%"
    k = len(hits) - 1
    while k > 0 and _ARABIC.match(hits[k].cue) and len(pc.key[hits[k - 1].end:hits[k].start].split()) <= 1 \
            and hits[k].start >= hits[k - 1].end:
        k -= 1  # «تكلفة شراء كل طن»: the cost, not the purchase
    cat = hits[k].cat
    f.measure = cat
    if cat == "value" and any(h.cat == "contract_value" for h in hits[:k]):
        cat = "contract_value"  # «اتفاقا ... يبلغ قيمته»: the value of that deal
    return cat


def _share_after(pc: PassageCtx, ic: dict, f: _Figure) -> tuple[str, int] | None:
    """Return (share measure, distance) for a named share right after a percent's "of"/«من»."""
    m = _OF.match(pc.key, f.ke)
    if m is None:
        return None
    hits = [h for h in ic["measures"].find(pc.key, m.end() - 2, min(f.hi, m.end() + 20)) if h.cat in _SHARES - {"share"}]
    return (hits[0].cat, hits[0].start - f.ke) if hits else None


def _last_hit(pc: PassageCtx, ic: dict, f: _Figure) -> int:
    hits = [h for h in ic["measures"].find(pc.key, max(f.lo, f.ks - _BEFORE), f.ks) if h.end <= f.ks]
    return hits[-1].end if hits else 0


def _measure_after(pc: PassageCtx, ic: dict, f: _Figure, reach: int, latin: bool = False, kind: str | None = None) -> str | None:
    """Return the measure word just after a figure ("a $2 bn loan", "7,200 km long"; `latin`: English only)."""
    after = [h for h in ic["measures"].find(pc.key, f.ke, min(f.hi, f.ke + reach + 20))
             if h.start <= f.ke + reach and _fits(ic, h.cat, kind or f.q.kind) and not (latin and _ARABIC.match(h.cue))
             and not (latin and _blocked(pc.key[f.ke:h.start], f.q.kind))]  # "$400 million for fuel deliveries"
    if after and not _COMMA.search(pc.key, f.ke, after[0].start):
        return after[0].cat
    return None


def _thing_counted(pc: PassageCtx, ic: dict, f: _Figure) -> str | None:
    """Return "number of X" for a countable noun before a change figure («ارتفع عدد السياح ... بنسبة 40%»,
    "Iranian tourists to Russia increased by 40%"); a capitalised English word is part of a name ("Central Bank")."""
    for h in reversed([h for h in ic["counted"].find(pc.key, max(f.lo, f.ks - _BEFORE), f.ks) if h.end <= f.ks]):
        first = pc.p.text[pc.kt.to_text(h.start, h.end)[0]]
        if not (first.isascii() and first.isupper()):
            return f"number of {h.cat}"
    return None


def _noun_measure(ic: dict, noun: str | None) -> str | None:
    """Return the measure a share's noun names («نصف قيمتها», "half of its value"), or None."""
    hits = ic["measures"].find(noun) if noun else []
    return hits[0].cat if hits else None


def _blocked(gap: str, kind: str) -> bool:
    """Tell whether a preposition stands between an amount and a noun after it ("in" lets money through:
    "$6 billion in frozen funds")."""
    return any(m.group() != "in" or kind not in ("money", "number") for m in _PREPOSITION.finditer(gap))


def _material(pc: PassageCtx, f: _Figure) -> str | None:
    """Return the goods a quantity is of: a commodity named after it («طن من القمح», "tonnes of cargo")."""
    m = _OF.match(pc.key, f.ke) or _OF.search(pc.key, f.ks, f.ke)  # "15 million tonnes of freight a year"
    if m is None:
        return None
    at = pc.kt.to_text(m.end(), m.end() + 1)[0]
    items = getattr(pc.dc.dicts, "items", {})
    for it in pc.items:
        if at <= it.start <= at + 2:
            return getattr(items.get(it.ref), "name_en", None) or it.ref
    words = []
    for w in re.finditer(r"[a-z][a-z\-']*", pc.key[m.end():f.hi]):
        if w.group() in _MATERIAL_STOPS or len(words) == 4:
            break
        if not pc.p.text[pc.kt.to_text(m.end() + w.start(), m.end() + w.end())[0]].isupper():
            words.append(w.group())  # a capitalised word is a name ("of Iran's enriched uranium")
    ic = indicator_cues()
    while len(words) > 1 and ic["measures"].find(words[-1]):
        words.pop()  # "of gas reserves": the goods are the gas, the reserves are the measure
    return words[-1] if words else None  # English: the head noun itself ("500 tons of catalysts")


def _change(pc: PassageCtx, ic: dict, f: _Figure, strict: bool = False) -> str | None:
    """Return "growth" or "decline" when a change word governs a percent: right before it or through "by"."""
    if f.q.change == "down":
        return "decline"
    key = pc.key
    if key[max(0, f.ks - 4):f.ks].endswith(_TO_LEVEL):
        return None  # "rose to 95%": a level reached
    for h in reversed(ic["change"].find(key, max(f.lo, f.ks - 60), f.ks)):
        gap = key[h.end:f.ks].split()
        if strict:  # an amount is a change only through "by" («بمقدار»): "fell by 200,000 barrels"
            if gap and gap[-1] in _BY and len(gap) <= 7:
                return h.cat
            continue
        if not gap or (len(gap) <= 7 and gap[-1] in ic["markers"]) or (f.q.qualifier and len(gap) <= 4) \
                or (_ARABIC.match(h.cue) and len(gap) <= 3 and gap[-1] not in ("علي", "عن")):
            # «فقد الريال الإيراني 30% من قيمته»: verb, subject, figure («ألا تزيد حصة طهران على 11%» bounds it)
            return h.cat  # "drop by 40%", «انخفضت قيمة الريال بنحو 40%»
    if strict:
        return None
    if ic["comparison"].find(key, f.ke, f.ke + 25):
        return "growth"  # "15% compared with the same months of last year"
    after = ic["change"].find(key, f.ke, f.ke + 12)
    return after[0].cat if after else None


def _duration_what(pc: PassageCtx, ic: dict, f: _Figure) -> str | None:
    """Name a length of time by the event it is the term of, or by how it stands to another event.

    «قبل يومين» and "two days ago" date an event; they are no figure (None).
    """
    key = pc.key
    after = [h for h in ic["relations_after"].find(key, f.ke, min(f.hi, f.ke + 8)) if h.start - f.ke <= 2]
    if after:
        return None if after[0].cat == "ago" else after[0].cat
    rel = [h for h in ic["relations"].find(key, max(f.lo, f.ks - 25), f.ks) if h.end <= f.ks]
    if rel and rel[-1].cat == "time limit":
        return "time limit"  # «التوصل إلى اتفاق شامل خلال ثلاث سنوات»: within, not the agreement's term
    if rel and rel[-1].cat in ("time before", "time after"):
        if not re.match(r"\s*(?:من|على|of)\b", key[f.ke:]):
            return None  # «وقبل يومين، أعلن»: two days ago
        return rel[-1].cat  # «قبل اربع وعشرين ساعة من انعقاد القمة»
    near = [h for h in ic["durations"].find(key, max(f.lo, f.ks - _BEFORE), f.ks) if h.end <= f.ks]
    if near:  # «وتتجدد المعاهدة لخمس سنوات»: the renewal, not the treaty
        return ic["duration_what"][min(near, key=lambda h: ic["duration_rank"][h.cat]).cat]
    later = [h for h in ic["durations"].find(key, f.ke, min(f.hi, f.ke + _AFTER + 20))
             if h.start <= f.ke + _AFTER and not _COMMA.search(key, f.ke, h.start)]
    if later:
        return ic["duration_what"][later[0].cat]
    return rel[-1].cat if rel else "duration"


def _what(pc: PassageCtx, ic: dict, f: _Figure) -> str | None:
    """Return what a figure measures in English, or None when its clause does not say."""
    q = f.q
    if q.kind == "count":
        return f"number of {q.unit.split(' per ')[0]}"
    if q.kind == "ordinal":
        return f"{q.unit} number"
    if q.kind == "duration":
        return _duration_what(pc, ic, f)
    before = _measure_before(pc, ic, f, "multiple" if q.kind == "percent" and _change(pc, ic, f) else q.kind)
    if q.kind == "multiple":
        m = before or _measure_after(pc, ic, f, _AFTER)
        label = ic["what"][m] if m else _thing_counted(pc, ic, f)
        return f"{label} increase" if label else "increase"
    if q.kind == "percent":
        change = _change(pc, ic, f)
        if change:
            label = ic["what"][before] if before else None
            if label is None:  # "the rial lost 30% of its value", «فقدت العملة أكثر من نصف قيمتها»
                of = _noun_measure(ic, q.noun) or (_measure_after(pc, ic, f, _AFTER, kind="multiple")
                                                   if _OF.match(pc.key, f.ke) else None)
                label = ic["what"][of] if of else _thing_counted(pc, ic, f)
            return f"{label} {change}" if label else change
        after_share = _share_after(pc, ic, f)
        if after_share and (before not in _SHARES - {"share"} or after_share[1] < f.ks - _last_hit(pc, ic, f)):
            return ic["what"][after_share[0]]  # «مضيق هرمز الذي تمر عبره نحو 40% من إمدادات النفط»
        if before in _SHARES - {"share"}:
            return ic["what"][before]  # "the share of national currencies in trade"
        named = [h for h in ic["measures"].find(pc.key, f.ke, f.hi) if h.cat in _SHARES - {"share"}]
        if named:
            return ic["what"][named[0].cat]  # «30% من التجارة تتم بالعملات الوطنية»
        if _OF.match(pc.key, f.ke) or q.noun:  # "a quarter of the capacity", «37% من حصته», «خمس العائدات»
            after = _measure_after(pc, ic, f, _AFTER)
            if after and after not in _SHARES and before in (None, "share"):
                return f"share of {ic['what'][after]}"
            return f"{ic['what'][before]} share" if before and before != "share" else "share"
        after = _measure_after(pc, ic, f, _RIGHT_AFTER, latin=True)  # "a 20% stake"
        return ic["what"][before or after] if before or after else None
    # an English noun after its amount ("a $2 bn loan", "7,200 km long"); an Arabic head stands before it,
    # or after «من» for money («6 مليارات دولار من أموالها المجمدة»)
    after = _measure_after(pc, ic, f, _RIGHT_AFTER, latin=True) if not _OF.match(pc.key, f.ke) else None
    if after is None and q.kind in ("money", "number") and re.match(r"\s*من\s", pc.key[f.ke:]):
        after = _measure_after(pc, ic, f, _RIGHT_AFTER)
    m = after or before
    label = ic["what"][m] if m else None
    if m == "value" and (w := _WORTH_OF.match(pc.key, f.ke)):
        return f"value of {w.group(1).strip()}"  # "$40 bln worth of joint projects"
    if label and _change(pc, ic, f, strict=True):
        label = f"{label} {_change(pc, ic, f, strict=True)}"  # "output fell by 200,000 barrels per day"
    mat = _material(pc, f) if q.kind == "quantity" else None
    if label is None and mat and (m := _OF.match(pc.key, f.ke)):
        nxt = [h for h in ic["measures"].find(pc.key, m.end(), min(f.hi, m.end() + 30)) if _fits(ic, h.cat, q.kind)]
        if nxt and len(pc.key[m.end():nxt[0].start].split()) <= 1:
            label = ic["what"][nxt[0].cat]  # "33 trillion cubic metres of gas reserves"
    if label and mat and mat not in label and not any(h.cat == m for h in ic["measures"].find(mat)):
        return f"{label} of {mat}"
    return label or (f"{mat} quantity" if mat else None)


def _site_of(pc: PassageCtx, start: int) -> str | None:
    """Return the place a share figure is about: named after every state, in the figure's clause."""
    items = getattr(pc.dc.dicts, "items", {})
    sites = pc.places + [m for m in pc.items if getattr(items.get(m.ref), "type", None) == "place"]  # straits, canals
    places = sorted((m for m in sites if m.end <= start and start - m.end <= _SITE_REACH), key=lambda m: m.start)
    if not places or any(c in pc.p.text[places[-1].end:start] for c in "،,؛;."):
        return None
    if not _RELATIVE.search(match_key(pc.p.text[places[-1].end:start])):
        return None  # the figure must stand in the place's relative clause («الذي تمر عبره», "through which")
    last_state = max((m.start for m in pc.actors if m.start < start and pc.dc.actor_type(pc.dc.state_of(m.ref)) == "state"), default=-1)
    if places[-1].start < last_state:
        return None
    ref = places[-1].ref
    entry = items.get(ref) or getattr(pc.dc.dicts, "places", {}).get(ref)
    return getattr(entry, "name_en", None) or ref


def _named_states(pc: PassageCtx) -> tuple[list[int], list[str]]:
    """Return the starts and states of the passage's actor names, sorted, leaving out names inside a figure
    («5000 تومان» is no person) and lower-case English words a dictionary took for a name ("total cost")."""
    inside = sorted((o.start, o.end) for o in pc.quantities if o.kind not in ("count", "ordinal"))
    starts, states = [], []
    for m in sorted(pc.actors, key=lambda m: m.start):
        k = bisect.bisect_right(inside, (m.start, float("inf"))) - 1
        if k >= 0 and inside[k][0] <= m.start < inside[k][1]:
            continue
        surface = pc.p.text[m.start:m.end]
        if surface[:1].isascii() and surface[:1].islower():
            continue
        s = pc.dc.state_of(m.ref)
        if pc.dc.actor_type(s) == "state":
            starts.append(m.start)
            states.append(s)
    return starts, states


def _states(names: tuple[list[int], list[str]], ts: int, te: int) -> list[str]:
    """Return the states named in display span [ts, te)."""
    starts, states = names
    return sorted(set(states[bisect.bisect_left(starts, ts):bisect.bisect_left(starts, te)]))


def _own_end(pc: PassageCtx, f: _Figure) -> int:
    """Return where the counted noun's own phrase ends: its Arabic definite genitives and adjectives follow it
    («ثلاثة من جنرالات القوات المسلحة الإيرانية», «52 مصرفا إيرانيا»)."""
    end = f.q.end + 2
    if f.q.kind in ("count", "ordinal"):
        m = _OWN_CHAIN.match(pc.key, f.ke)
        if m:
            end = max(end, pc.kt.to_text(f.ke, m.end())[1])
    return end


def _actors(pc: PassageCtx, ic: dict, f: _Figure, doc_states: set[str], names: tuple) -> list[str]:
    """Return the states a figure is about: a nationality on what it counts («52 مصرفا إيرانيا», "Russian
    specialists"), else the states of its comma segment, else of its clause; «بين البلدين» is the pair."""
    q = f.q
    own = _states(names, q.start, _own_end(pc, f))
    if own or q.kind == "ordinal" or (q.kind == "count" and q.unit in ("countries", "states")):
        return own
    pair = set(PAIR) <= doc_states
    states = _states(names, *pc.kt.to_text(f.seg_lo, f.seg_hi))
    if f.measure == "bilateral_trade" and set(PAIR) <= set(states):
        return list(PAIR)  # trade is between two: the others in its segment are context («بعد الغزو الروسي لأوكرانيا»)
    if pair and ic["pair"].find(pc.key, f.seg_lo, f.seg_hi):
        return sorted(set(states) | set(PAIR))  # «يستهدف البلدان ...»: the pair of the document
    if not states and q.kind not in ("count", "duration"):
        states = _states(names, *pc.kt.to_text(f.lo, f.hi))
        if pair and ic["pair"].find(pc.key, f.lo, f.hi):
            states = sorted(set(states) | set(PAIR))
    return states


def _date(pc: PassageCtx, f: _Figure, expected: bool, starts: list[int]) -> str | None:
    """Return the date in the figure's clause nearest to it (a count's: in its comma segment); a goal
    takes only a date after it ("for 2024")."""
    best, dist = None, None
    lo, hi = pc.kt.to_text(*((f.seg_lo, f.seg_hi) if f.q.kind in ("count", "ordinal") else (f.lo, f.hi)))
    for d in pc.dates[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
        if "century" in (d.flags or []) or f.q.start <= d.start < f.q.end:
            continue
        before = d.end <= f.q.start
        if f.q.kind in ("money", "quantity", "percent") and _SINCE.search(pc.p.text[max(0, d.start - 8):d.start]):
            continue  # "its highest since 2018": a baseline, not the figure's date
        if before and expected and not re.search(r"(?:بحلول|by)\s*$", pc.p.text[:d.start]):
            continue  # «الاتفاق الذي وقع عام 2023 لزيادة ... إلى 40 مليار»: the signing's date, not the goal's
        gap = (f.q.start - d.end + 20) if before else (d.start - f.q.end)
        if dist is None or gap < dist:
            best, dist = d, gap
    value = date_value(best)
    if value and best is not None and "span" in (best.flags or []):
        value = value[:4]  # "the first half of 2024" dates a figure to 2024
    if value and best is not None and any(0 <= d.start - best.end <= 8 and _PERIOD_TO.match(pc.p.text[best.end:d.start])
                                          for d in pc.dates):
        value = value[:4]  # "(from March 21, 2023 to March 20, 2024)": a period, dated by the year it opens
    published = pc.dc.doc.published or ""
    if value and best is not None and "year_inferred" in (best.flags or []) and published and value[:7] > published[:7]:
        value = f"{int(value[:4]) - 1}{value[4:]}"  # "in December" in a February article: the December before
    return value


def _is_target(pc: PassageCtx, ic: dict, f: _Figure) -> bool:
    """Tell whether a figure is a target or planned level (a goal word in its clause before it, or just after)."""
    lo = f.seg_lo if f.q.kind in ("count", "ordinal", "duration") else f.lo  # a count is planned in its own segment
    for h in ic["target"].find(pc.key, max(lo, f.ks - _TARGET_REACH), f.ks):
        if h.end <= f.ks:
            return True  # the goal word opens the figure's clause
    return any(not any(c in pc.key[f.ke:h.start] for c in "،,؛;")
               for h in ic["target_after"].find(pc.key, f.ke, min(f.shi, f.ke + _TARGET_AFTER)))


def _certainty(pc: PassageCtx, ic: dict, f: _Figure) -> Certainty:
    """How firmly the figure's sentence states it: its hedges and negations, then a goal word."""
    cert = assess_certainty(pc.key[f.slo:f.shi], f.ks - f.slo, f.ke - f.slo)
    if f.q.kind == "ordinal" and cert == Certainty.ALLEGED:
        cert = Certainty.ASSERTED  # "the sixth session" frames the claims around it; it is not one of them
    if cert in (Certainty.ASSERTED, Certainty.REPORTED) and _is_target(pc, ic, f):
        return Certainty.EXPECTED  # «يستهدف البلدان سعة تصل إلى 15 مليون طن»: a goal, not a result
    return cert


def _bound(pc: PassageCtx, ic: dict, f: _Figure) -> str | None:
    """Return the qualifier a verb before the figure gives it: «لم تتجاوز صادرات روسيا ... 3 مليارات» (up to)."""
    if f.q.qualifier or f.q.kind not in ("money", "quantity", "percent", "number"):
        return f.q.qualifier
    hits = [h for h in ic["bounds"].find(pc.key, max(f.lo, f.ks - 60), f.ks)
            if h.end <= f.ks and "ل" not in h.prefix]  # «لتجاوز العقوبات»: to get round them
    if hits and not _COMMA.search(pc.key, hits[-1].end, f.ks):
        return hits[-1].cat
    return None


def _keep(q: Quantity, date_spans: list[tuple[int, int]]) -> bool:
    if any(a <= q.start < b or a < q.end <= b for a, b in date_spans):
        return False
    if q.kind == "number":
        return q.scaled and q.value >= _SCALE_ONLY
    return q.kind in _KINDS


def extract_indicators(pcs: list[PassageCtx], dc: DocCtx, out: list) -> None:
    """Append an indicator record for every figure a passage states about something it names."""
    ic = indicator_cues()
    doc_states = set().union(*(pc.states for pc in pcs)) if pcs else set()
    last: tuple | None = None  # (kind, what, end, actors, unit) of the previous measured figure
    rows: list[tuple] = []
    for pc in pcs:
        date_spans = [(d.start, d.end) for d in pc.raw_dates]
        names = _named_states(pc)
        date_starts = [d.start for d in pc.dates]  # mentions come sorted by start
        if last is not None:
            last = (last[0], last[1], -1, *last[3:])  # a figure opening the next passage may still take it up
        for q in pc.quantities:
            if not _keep(q, date_spans):
                continue
            f = _Figure(pc, q)
            what = _what(pc, ic, f)
            if what is None and q.kind == "duration":
                continue  # «قبل يومين»: a date
            if what is None and q.kind in ("money", "quantity", "number") and f.lo > f.slo:
                m = _measure_before(pc, ic, f, q.kind, lo=f.slo)  # «..، في حين يتوقع أن يتخطى عتبة الخمسة مليارات»
                what = ic["what"][m] if m else None
            carried = None
            same_passage = last is not None and last[2] >= 0
            if what is None and last and q.start - max(last[2], 0) <= _CARRY and (
                    (last[0] == q.kind and (q.kind == "money" or last[4] == q.unit) and (same_passage or _ANAPHOR.match(pc.key)))
                    or (same_passage and last[0] == "percent" and q.kind in ("money", "number"))):
                what, carried = last[1], last[3]  # "That's widened from $8 to $9", «أي ما يعادل 200 دولار»
            cert = _certainty(pc, ic, f)
            if what is None:
                if q.kind in ("percent", "multiple", "number"):
                    continue  # a share or a multiple of nothing named
                what = "target" if cert == Certainty.EXPECTED and _is_target(pc, ic, f) else \
                    (f"amount in {q.unit}" if q.kind == "money" else f"quantity in {q.unit}")
            elif q.kind in ("money", "percent", "quantity", "number"):
                base = re.sub(r"(?:^| )(?:growth|decline|increase)$", "", what)
                last = (q.kind, base, q.end, None, q.unit) if base not in ("share", "") else last
            actors = _actors(pc, ic, f, doc_states, names)
            if carried is not None and not _states(names, *pc.kt.to_text(f.seg_lo, f.seg_hi)):
                actors = carried  # the restated figure is about the same states
            if last is not None and last[2] == q.end:
                last = (*last[:3], actors, last[4])
            if q.kind == "percent" and not what.endswith(("growth", "decline")) and (site := _site_of(pc, q.start)):
                what, actors = f"{what} at {site}", []  # «مضيق هرمز الذي تمر عبره 40% من إمدادات النفط»
            date = _date(pc, f, cert == Certainty.EXPECTED, date_starts)
            measured = q.kind in ("money", "percent", "quantity") and not what.startswith(("amount in", "quantity in", "target"))
            if (qual := _bound(pc, ic, f)) != q.qualifier:
                q = replace(q, qualifier=qual)
            rows.append((pc, q, what, actors, date, cert, measured and date is not None and q.value_max is None))
    # a dated measure is one fact that sources may give different values for; two values of it in one
    # document ("from $8 to $9 in December") are two figures
    seen: dict[tuple, set[float]] = {}
    for pc, q, what, _, date, _, merge in rows:
        if merge:
            seen.setdefault((what, q.unit, date), set()).add(q.value)
    for pc, q, what, actors, date, cert, merge in rows:
        _emit(out, pc, q, what, actors, date, cert, merge=merge and len(seen[(what, q.unit, date)]) == 1)


def _emit(out: list, pc: PassageCtx, q: Quantity, what: str, actors: list[str], date: str | None, cert: Certainty,
          merge: bool) -> None:
    """Append one record, or two for a range (its lower and upper bound); `merge`: sources may disagree on its value."""
    unit = q.unit or ""
    apart = "" if set(actors) <= set(PAIR) else ":" + "+".join(actors)  # another pair's figure is kept apart
    bounds = [(q.value, what)] if q.value_max is None else [(q.value, f"{what} (lower bound)"), (q.value_max, f"{what} (upper bound)")]
    for value, label in bounds:
        qual = f"{q.qualifier} " if q.qualifier else ""
        shown = f"{value:,.0f}" if value >= 10_000 and value.is_integer() else f"{value:g}"
        shown_unit = unit[:-1] if value == 1 and unit.endswith("s") and " " not in unit else unit
        claims = {"value": f"{value:g}", "unit": unit, "date": date, "surface": q.surface,
                  "qualifier": q.qualifier, "range": f"{q.value:g}-{q.value_max:g}" if q.value_max is not None else None}
        vid = "" if merge else f":{value:g}{':' + slug(q.qualifier) if q.qualifier else ''}"
        iid = f"indicator:{slug(label)}:{slug(unit or 'n')}:{date or 'nodate'}{vid}{apart}"
        out.append(IndicatorRecord(
            id=iid, label=f"{label}{', ' + date if date else ''}: {qual}{shown} {shown_unit}".rstrip(),
            what=label, value=value, unit=unit, date=date, actors=actors, certainty=cert, topic=None,
            evidence=[pc.evidence(cert, {k: v for k, v in claims.items() if v is not None})],
        ))
