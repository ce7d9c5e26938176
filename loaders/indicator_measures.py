"""What a figure measures, named from its own clause (the measure words of cues_measures.yaml and cues_indicators.yaml).

`FigureContext` places a figure in its passage: its sentence, its clause (the sentence cut where
a new clause opens: «، حيث», ", which", «رغم», "after") and its comma segment. `measure_of`
names what the figure measures: the counted noun ("number of banks"), the measure word that
governs it (the nearest before it in its clause — the head of an Arabic construct chain, «تكلفة
شراء» is a cost —, an English noun right after the amount, "a $2 bn loan"), the goods it is of
(«طن من القمح»), whether a change word makes a percent a growth or a decline, and what a length of
time is the term of.
"""

from __future__ import annotations

import re
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.extract import PassageCtx
from irkg.loaders.extract_frictions import friction_cues
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.loaders.numbers import Quantity

_BEFORE = 110  # key characters before a figure where the word that governs it stands
_AFTER = 40  # key characters after a figure where what it is of stands ("of cargo", «من حصته»)
_OF_WORD = re.compile(r"\s(?:من|of)\s")
_RIGHT_AFTER = 16  # key characters after an amount where the noun it modifies stands ("a $2 bn loan")
_TO_LEVEL = ("الى ", "to ")  # "rose to 95%": a level reached, not growth
_REACH = 600  # key characters a figure's sentence may reach on either side of it
_SENTENCE = re.compile(r"[!?؟;؛\n]|(?<!\b[a-z])(?<!\d)\.(?!\d)")
_OPENERS = ("لكن", "بينما", "في حين", "حيث", "أي", "مما", "وهو", "وهي", "ثم", "بعد", "عقب", "كما", "مع ذلك", "منها", "منه")
_CONCESSIVE = ("على الرغم", "بالرغم", "رغم", "بعد", "عقب")  # and what happened before: «بعد الغزو الروسي لأوكرانيا»
# where a new clause opens: a comma before a clause word, or a concession anywhere (match-key forms)
_BREAK = re.compile(
    r"\s*[،,:]\s*(?:(?:و|ف)?(?:" + "|".join(match_key(w) for w in _OPENERS) + r")(?!\w)"
    r"|(?:but|while|whereas|which|of which|and then|then|compared|after|when|according|as|however|meanwhile)\b)"
    r"|\s(?:و|ف)?(?:" + "|".join(match_key(w) for w in _CONCESSIVE) + r")(?!\w)|\s(?:despite|although|even though|after|following)\b")
_PREPOSITION = re.compile(r"\b(?:for|to|of|in|from|with|by|on|at|as|than)\b")
_MATERIAL_STOPS = {"to", "for", "from", "in", "by", "a", "an", "per", "with", "on", "at", "and", "since", "which",
                   "that", "last", "this", "each", "every", "into", "over", "under", "was", "were", "is", "are",
                   "but", "or", "while", "although", "though", "as", "because", "if", "when", "will", "would", "has", "have"}
_NOUN_OF = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?:[a-z\-]+\s+)?([a-z]{3,})\s+of\s*$")
_ROLE_REACH = 25  # key characters before a count of people where what happened to them is said
_GENERIC = {"total", "average", "maximum", "minimum", "sum", "amount", "number", "level", "record", "figure", "rate",
            "estimated", "peak", "high", "low", "increase", "decrease", "rise", "fall", "drop", "part", "half", "third"}
_BY = {"by", "بمقدار", "بواقع"}
COMMA = re.compile(r"[،,]")
OF = re.compile(r"\s*(?:of|من)\s+(?:the\s+)?(?:ال)?")
_WORTH_OF = re.compile(r"\s*worth\s+of\s+((?:[a-z][a-z\-]*\s?){1,3}?)(?=\s(?:with|in|for|to|from|by|at|and|on)\b|[,.;]|$)")
ARABIC = re.compile(r"[\u0600-\u06ff]")
_SHARES = {"share", "currency_share", "national_currency_settlement", "gas_reserves", "oil_supply_share"}


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
        m["cues"] += v.get("cues") or []
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
        "phrasal_up": {w.lower() for w in extra.get("phrasal_up", [])},
        "demand": lexicon_of({"demand": extra.get("demand_words", [])}),
        "want": lexicon_of({"want": extra.get("want_words", [])}),
        "sectors": lexicon_of(base.get("sectors") or {}),
        "annual": lexicon_of({"annual": extra.get("annual_words", [])}),
        "markers": {match_key(m) for m in extra.get("change_markers", [])},
        "comparison": lexicon_of({"comparison": base.get("comparison", [])}),
        "pair": friction_cues()["pair_nouns"],
        "target": lexicon_of({"target": base.get("targets", []) + extra.get("targets", [])}),
        "target_after": lexicon_of({"target": base.get("targets", [])}),
        "counted": lexicon_of({u: spec["forms"] for u, spec in read_yaml("cues_numbers.yaml")["counted"].items()}),
        "people_roles": lexicon_of(extra.get("people_roles") or {}),
        "not_indicators": {k: set(v) for k, v in (extra.get("not_indicators") or {}).items()},
    }


class FigureContext:
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
        self.measure_at: tuple[int, int] | None = None  # its key span
        self.seg_lo = max((m.end() for m in COMMA.finditer(key, self.lo, self.ks)), default=self.lo)
        m = COMMA.search(key, self.ke, self.hi)
        self.seg_hi = m.start() if m else self.hi


def _fits(ic: dict, cat: str, kind: str, unit: str | None = None) -> bool:
    """Tell whether a measure can name a figure of this kind and unit (a range is in km, not kg)."""
    kinds, units = ic["kinds"].get(cat), ic["units"].get(cat)
    if units and unit and kind == "quantity" and unit.split(" per ")[0] not in units:
        return False  # "a capacity of 15 km", "cargo ... 7,200 km": not what the measure comes in
    return not kinds or kind == "multiple" or (kind if kind != "number" else "money") in kinds


def measure_before(pc: PassageCtx, ic: dict, f: FigureContext, kind: str, lo: int | None = None) -> str | None:
    """Return the measure word nearest before a figure in its clause (from `lo`); of an Arabic construct chain, its head."""
    lo = f.lo if lo is None else lo
    hits = [h for h in ic["measures"].find(pc.key, max(lo, f.ks - _BEFORE), f.ks)
            if h.end <= f.ks and _fits(ic, h.cat, kind, f.q.unit)]
    if not hits:
        return None
    if kind == "percent" and any(h.cat in _SHARES for h in hits):
        hits = [h for h in hits if h.cat in _SHARES]  # "the share of the rouble in bilateral trade rose to 95%"
    k = len(hits) - 1
    while k > 0 and ARABIC.match(hits[k].cue) and len(pc.key[hits[k - 1].end:hits[k].start].split()) <= 1 \
            and hits[k].start >= hits[k - 1].end:
        k -= 1  # «تكلفة شراء كل طن»: the cost, not the purchase
    cat = hits[k].cat
    if cat == "value" and k + 1 < len(hits) and hits[k + 1].cat not in ("value", "contract_value") \
            and len(pc.key[hits[k].end:hits[k + 1].start].split()) <= 1:
        cat = hits[k + 1].cat  # «قيمة الصادرات»: the value of exports is the exports
    f.measure = cat
    f.measure_at = (hits[k].start, hits[k].end)
    if cat == "value" and any(h.cat == "contract_value" for h in hits[:k]):
        cat = "contract_value"  # «اتفاقا ... يبلغ قيمته»: the value of that deal
    return cat


def _share_after(pc: PassageCtx, ic: dict, f: FigureContext) -> tuple[str, int] | None:
    """Return (share measure, distance) for a named share right after a percent's "of"/«من»."""
    m = OF.match(pc.key, f.ke)
    if m is None:
        return None
    hits = [h for h in ic["measures"].find(pc.key, m.end() - 2, min(f.hi, m.end() + 20)) if h.cat in _SHARES - {"share"}]
    return (hits[0].cat, hits[0].start - f.ke) if hits else None


def _last_hit(pc: PassageCtx, ic: dict, f: FigureContext) -> int:
    hits = [h for h in ic["measures"].find(pc.key, max(f.lo, f.ks - _BEFORE), f.ks) if h.end <= f.ks]
    return hits[-1].end if hits else 0


def _measure_after(pc: PassageCtx, ic: dict, f: FigureContext, reach: int, latin: bool = False, kind: str | None = None) -> str | None:
    """Return the measure word just after a figure ("a $2 bn loan", "7,200 km long"; `latin`: English only)."""
    after = [h for h in ic["measures"].find(pc.key, f.ke, min(f.hi, f.ke + reach + 20))
             if h.start <= f.ke + reach and _fits(ic, h.cat, kind or f.q.kind) and not (latin and ARABIC.match(h.cue))
             and not (latin and _blocked(pc.key[f.ke:h.start], f.q.kind))]  # "$400 million for fuel deliveries"
    if after and not COMMA.search(pc.key, f.ke, after[0].start):
        return after[0].cat
    return None


def _thing_counted(pc: PassageCtx, ic: dict, f: FigureContext) -> str | None:
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


def _material(pc: PassageCtx, f: FigureContext) -> str | None:
    """Return the goods a quantity is of: a commodity named after it («طن من القمح», "tonnes of cargo")."""
    m = OF.match(pc.key, f.ke) or OF.search(pc.key, f.ks, f.ke)  # "15 million tonnes of freight a year"
    if m is None:
        return None
    at = pc.kt.to_text(m.end(), m.end() + 1)[0]
    items = getattr(pc.dc.dicts, "items", {})
    for it in pc.items:
        if at <= it.start <= at + 2:
            return getattr(items.get(it.ref), "name_en", None) or it.ref
    words = []
    tail = pc.key[m.end():f.hi]
    stop = re.search(r"[,;:.()\d،؛—–]", tail)  # "of barley, 215,300 tonnes of corn": the goods end at the comma
    for w in re.finditer(r"[a-z][a-z\-']*", tail[:stop.start()] if stop else tail):
        if w.group() in _MATERIAL_STOPS or len(words) == 4:
            break
        if not pc.p.text[pc.kt.to_text(m.end() + w.start(), m.end() + w.end())[0]].isupper():
            words.append(w.group())  # a capitalised word is a name ("of Iran's enriched uranium")
    ic = indicator_cues()
    while len(words) > 1 and ic["measures"].find(words[-1]):
        words.pop()  # "of gas reserves": the goods are the gas, the reserves are the measure
    return words[-1] if words else None  # English: the head noun itself ("500 tons of catalysts")


def _change(pc: PassageCtx, ic: dict, f: FigureContext, strict: bool = False) -> str | None:
    """Return "growth" or "decline" when a change word governs a percent: right before it or through "by"."""
    if f.q.change == "down":
        return "decline"
    key = pc.key
    if key[max(0, f.ks - 4):f.ks].endswith(_TO_LEVEL):
        return None  # "rose to 95%": a level reached
    for h in reversed(ic["change"].find(key, max(f.lo, f.ks - 90), f.ks)):
        if h.cue in ("up", "up=") and key[max(0, h.start - 12):h.start].split()[-1:] and \
                key[max(0, h.start - 12):h.start].split()[-1] in ic["phrasal_up"]:
            continue  # "will put up 80 percent of the capital": a particle, no rise
        gap = key[h.end:f.ks].split()
        if strict:  # an amount is a change only through "by" («بمقدار»): "fell by 200,000 barrels"
            if gap and gap[-1] in _BY and len(gap) <= 7:
                return h.cat
            continue
        if not gap or (len(gap) <= 10 and gap[-1] in ic["markers"]) or (f.q.qualifier and len(gap) <= 4) \
                or (ARABIC.match(h.cue) and len(gap) <= 3 and gap[-1] not in ("علي", "عن")):
            # «فقد الريال الإيراني 30% من قيمته»: verb, subject, figure («ألا تزيد حصة طهران على 11%» bounds it)
            return h.cat  # "drop by 40%", «انخفضت قيمة الريال بنحو 40%»
    if strict:
        return None
    if ic["comparison"].find(key, f.ke, f.ke + 25):
        return "growth"  # "15% compared with the same months of last year"
    after = ic["change"].find(key, f.ke, f.ke + 12)
    return after[0].cat if after else None


_SHORT_EVENTS = frozenset({"visit", "talks", "exercise"})  # they last hours, days or weeks, never years


def _duration_what(pc: PassageCtx, ic: dict, f: FigureContext) -> str | None:
    """Name a length of time by the event it is the term of, or by how it stands to another event.

    «قبل يومين» and "two days ago" date an event; they are no figure (None).
    """
    key = pc.key
    after = [h for h in ic["relations_after"].find(key, f.ke, min(f.hi, f.ke + 8)) if h.start - f.ke <= 2]
    if after:
        return None if after[0].cat == "ago" else after[0].cat
    rel = [h for h in ic["relations"].find(key, max(f.lo, f.ks - 25), f.ks) if h.end <= f.ks]
    if rel and rel[-1].cat == "time since" and f.q.unit in ("minutes", "hours", "seconds"):
        return None  # «منذ 31 دقيقة»: a time stamp, 31 minutes ago
    if rel and rel[-1].cat == "time limit":
        return "time limit"  # «التوصل إلى اتفاق شامل خلال ثلاث سنوات»: within, not the agreement's term
    if rel and rel[-1].cat in ("time before", "time after"):
        if not re.match(r"\s*(?:من|علي|of)\b", key[f.ke:]):  # match-key forms (على is علي)
            return None  # «وقبل يومين، أعلن»: two days ago
        return rel[-1].cat  # «قبل اربع وعشرين ساعة من انعقاد القمة»
    right = [h for h in ic["durations"].find(key, f.ke, min(f.hi, f.ke + 30)) if h.start - f.ke <= 2]
    if right:
        return ic["duration_what"][right[0].cat]  # "a four-day summit": the noun the length is written onto
    near = [h for h in ic["durations"].find(key, max(f.lo, f.ks - _BEFORE), f.ks) if h.end <= f.ks]
    if f.q.unit in ("years", "decades") and any(h.cat not in _SHORT_EVENTS for h in near):
        near = [h for h in near if h.cat not in _SHORT_EVENTS]  # «زيارة ... لاتفاق تعاون لمدة عشر سنوات»: no visit lasts years
    if near:  # «وتتجدد المعاهدة لخمس سنوات»: the renewal, not the treaty
        return ic["duration_what"][min(near, key=lambda h: ic["duration_rank"][h.cat]).cat]
    later = [h for h in ic["durations"].find(key, f.ke, min(f.hi, f.ke + _AFTER + 20))
             if h.start <= f.ke + _AFTER and not COMMA.search(key, f.ke, h.start)]
    if later:
        return ic["duration_what"][later[0].cat]
    return rel[-1].cat if rel else "duration"


def measure_of(pc: PassageCtx, ic: dict, f: FigureContext) -> str | None:
    """Return what a figure measures, in English, or None when its clause does not say."""
    q = f.q
    if q.kind == "count":
        unit = q.unit.split(" per ")[0]
        if unit == "people":  # «أسفر عن مقتل 14 شخصا»: the dead
            role = [h for h in ic["people_roles"].find(pc.key, max(f.lo, f.ks - _ROLE_REACH), f.ks) if h.end <= f.ks]
            unit = role[-1].cat if role else unit
        return f"number of {unit}"
    if q.kind == "ordinal":
        return f"{q.unit} number"
    if q.kind == "duration":
        return _duration_what(pc, ic, f)
    before = measure_before(pc, ic, f, "multiple" if q.kind == "percent" and _change(pc, ic, f) else q.kind)
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
                                                   if OF.match(pc.key, f.ke) else None)
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
        if OF.match(pc.key, f.ke) or q.noun:  # "a quarter of the capacity", «37% من حصته», «خمس العائدات»
            # what it is a share of is the noun right after "of" («98% من مخزونها من اليورانيوم المخصب» is a share
            # of a stockpile, not of an enrichment level)
            second = _OF_WORD.search(pc.key[f.ke + 4:f.ke + _AFTER])
            after = _measure_after(pc, ic, f, 4 + second.start() if second else _AFTER)
            if after and after not in _SHARES and before in (None, "share"):
                return f"share of {ic['what'][after]}"
            return f"{ic['what'][before]} share" if before and before != "share" else "share"
        after = _measure_after(pc, ic, f, _RIGHT_AFTER, latin=True)  # "a 20% stake"
        return ic["what"][before or after] if before or after else None
    # an English noun after its amount ("a $2 bn loan", "7,200 km long"); an Arabic head stands before it,
    # or after «من» for money («6 مليارات دولار من أموالها المجمدة»)
    after = _measure_after(pc, ic, f, _RIGHT_AFTER, latin=True) if not OF.match(pc.key, f.ke) else None
    if after is None and q.kind in ("money", "number") and re.match(r"\s*من\s", pc.key[f.ke:]):
        after = _measure_after(pc, ic, f, _RIGHT_AFTER)
    m = after or before
    label = ic["what"][m] if m else None
    if m == "value" and (w := _WORTH_OF.match(pc.key, f.ke)):
        return f"value of {w.group(1).strip()}"  # "$40 bln worth of joint projects"
    if label and _change(pc, ic, f, strict=True):
        label = f"{label} {_change(pc, ic, f, strict=True)}"  # "output fell by 200,000 barrels per day"
    mat = _material(pc, f) if q.kind == "quantity" else None
    if label is None and mat and (m := OF.match(pc.key, f.ke)):
        nxt = [h for h in ic["measures"].find(pc.key, m.end(), min(f.hi, m.end() + 30)) if _fits(ic, h.cat, q.kind)]
        if nxt and len(pc.key[m.end():nxt[0].start].split()) <= 1:
            label = ic["what"][nxt[0].cat]  # "33 trillion cubic metres of gas reserves"
    if label and mat and mat not in label and not any(h.cat == m for h in ic["measures"].find(mat)):
        return f"{label} of {mat}"
    if label is None and (m := _NOUN_OF.search(pc.key, max(f.lo, f.ks - 40), f.ks)) \
            and m.group(1) not in _MATERIAL_STOPS and m.group(1) not in _GENERIC:
        label = m.group(1)  # "a warhead of 50 kg", "a payload of 300 kg": the English noun the figure is of
    return label or (f"{mat} quantity" if mat else None)
