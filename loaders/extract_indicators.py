"""Find indicators: figures, what they measure, their date, the actors concerned and how firmly they are stated.

Every figure the number grammar reads (irkg.loaders.numbers) that measures something is an
indicator: money, percentages, quantities with a unit, durations, multiples, counts of things
and ordinals of a series; a bare number only when a scale word makes it an amount. What it
measures comes from its own clause (irkg.loaders.indicator_measures); so do its date (a goal's
only after it), its actors (a nationality on what it counts, else the states of its comma
segment, else of its clause; «بين البلدين» is the document's pair) and its certainty (the
sentence's hedges and negations, a goal or plan word). A range gives two indicators, its bounds.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty, quoted_report, source_named
from irkg.loaders.dates import SINCE_PHRASE
from irkg.loaders.extract import PAIR, DocCtx, PassageCtx, date_value, slug
from irkg.loaders.indicator_period import period_in
from irkg.loaders.indicator_measures import COMMA, FigureContext, indicator_cues, measure_before, measure_of
from irkg.loaders.indicator_phrase import (
    HEDGE_RANK, bare_phrase, clause_phrase, figure_certainty, figure_phrase, measure_phrase, speaker_spans, to_be_built,
)
from irkg.loaders.numbers import Quantity
from irkg.schema.graph import Certainty, IndicatorRecord

_BOUNDS = {"about", "more than", "at least", "less than", "up to"}  # qualifiers of a stated number
_KINDS = {"money", "percent", "quantity", "duration", "count", "multiple", "ordinal"}
_CARRY = 220  # characters over which a figure without a measure takes the previous figure's
_TARGET_REACH = 200  # key characters before a figure, in its clause, where a goal or plan word governs it
_TARGET_AFTER = 25
_SITE_REACH = 60  # characters between a place and a share figure in its relative clause
_SCALE_ONLY = 100_000  # a bare number this large with a scale word is an amount (unit not stated)
_OWN_CHAIN = re.compile(r"(?:\s+ال\w+){1,4}|\s+\w+(?:يا|ية|يه|ي)(?!\w)")
_SINCE = re.compile(r"(?:since|منذ|عما\s+كان(?:ت)?\s+عليه(?:\s+في)?|عمّا\s+كان(?:ت)?\s+عليه(?:\s+في)?|than\s+in|versus|vs\.?)"
                    r"\s*(?:عام\s+|العام\s+|the\s+)?$"
                    # a comparison, up to six words before its year ("compared with the same period of last year",
                    # «مقارنة بالفترة نفسها من العام»)
                    r"|(?:comparison\s+with|compared\s+(?:with|to)|مقارنة\s*(?:ب|مع)|بالمقارنة\s*(?:ب|مع))(?:\s*\S+){0,6}?\s*$", re.I)
_ANAPHOR = re.compile(r"\s*(?:that|this|it|these|those|ذلك|هذا|هذه|وهو|وهي|وهذا|وذلك)\b")  # a sentence that takes up the last
_TIME_AFTER = re.compile(r"\s*(?:after|before|later|earlier|ago|from now|(?:ال)?(?:أولى|اولى|أول|اول|الماضية|الماضي|الأخيرة|الاخيرة)(?!\w))", re.I)
_RISE_NEAR = re.compile(r"(?:rise|rises|rose|risen|grow|grew|grown|increas\w*|higher|more|ارتفع\w*|زاد\w*|تضاعف\w*|نما|نمت|أكثر)", re.I)
_FRACTION_OF_TIME = re.compile(r"(?:و?نصف|و?ربع|ثلث|half|a quarter|quarter)\s+(?:a\s+|an\s+|the\s+)?(?:ال)?(?:شهر|عام|سنة|سنه|يوم|ساعة|ساعه|قرن|عقد|أسبوع|اسبوع|month|year|day|hour|century|decade|week)", re.I)
_BASIS_BEFORE = re.compile(r"(?<!\w)(?:كل|لكل|every|per|each)\s+$", re.I)
# "in the first eight months", "the past five years", «مرور 5 سنوات على»: a window or an anniversary, no measure
_WINDOW_BEFORE = re.compile(r"(?<!\w)(?:first|last|past|next|coming|recent|مرور|لمرور|بمرور)\s+$", re.I)
_TIME_BEFORE = re.compile(r"(?<!\w)(?:بعد|قبل|خلال|في غضون|منذ|after|before|within|in|during|over)\s+(?:the\s+|نحو\s+|about\s+)?$", re.I)
_AFTER_CLAUSE = re.compile(r"(?:\bafter|\bfollowing|بعد|عقب|إثر|اثر)\s+[^,،.;؛()]*$", re.I)
# "currently", «حاليا»: a figure for the moment of writing, whatever later date the sentence gives another figure
_NOW_NEAR = re.compile(r"\s*[,،]?\s*(?:حاليا|حالياً|حاليًا|الآن|الان|في الوقت الحالي|في الوقت الراهن|currently|now|at present)(?!\w)", re.I)
_NOW_BEFORE = re.compile(r"(?<!\w)(?:حاليا|حالياً|حاليًا|currently|now|at present)\s+(?:(?!(?:to|إلى|الى|reach\w*)\s)\S+\s+){0,2}\W?$", re.I)
_PERIOD_TO = re.compile(r"\s*(?:to|until|till|through|[\-\u2013]|إلى|الى|حتى)\s*(?:شهر\s*)?$")
_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|عبره|عبرها|which|through which|where)(?!\w)")


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


# who says a figure: the phrase between a reporting verb and its complementizer («وقال نائب الوزير الروسي X إن»),
# or before an English reporting verb ("Russian Deputy Minister X said")
_SPEAKER = (
    re.compile(r"(?:قال|وقال|أضاف|واضاف|وأضاف|أكد|وأكد|أوضح|وأوضح|صرح|وصرح|أعلن|وأعلن|ذكر|وذكر)\s([^.؟!«»\"]{0,140}?)\s(?:إن|ان|أن|بأن)\s"),
    re.compile(r"(?:^|[.;:!?]\s*)([^.;:!?,]{0,140}?)\s(?:said|told|added|stated|announced|noted)\b"),
)


_BETWEEN = re.compile(r"(?:^|\s)(?:بين|between)\s")


def _named_states(pc: PassageCtx) -> tuple[list[int], list[str]]:
    """Return the starts and states of the passage's actor names, sorted, leaving out names inside a figure
    («5000 تومان» is no person) and lower-case English words a dictionary took for a name ("total cost")."""
    inside = sorted((o.start, o.end) for o in pc.quantities if o.kind not in ("count", "ordinal"))
    # only when the figure names its own parties ("between Iran and the Union's states"); "trade with Iran" said by a
    # Russian minister is Russia's
    speakers = [(m.start(1), m.end(1)) for rx in _SPEAKER for m in rx.finditer(pc.p.text)
                if _BETWEEN.search(pc.p.text, m.end())]
    starts, states = [], []
    for m in sorted(pc.actors, key=lambda m: m.start):
        if any(a <= m.start < b for a, b in speakers) and (
                "adjective" in (m.flags or []) or pc.dc.actor_type(m.ref) in ("person", None) or m.ref.startswith("unlinked")):
            continue  # "Russia's deputy minister said trade with Iran ...": the speaker's nationality, not the figure's
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


def _own_end(pc: PassageCtx, f: FigureContext) -> int:
    """Return where the counted noun's own phrase ends: its Arabic definite genitives and adjectives follow it
    («ثلاثة من جنرالات القوات المسلحة الإيرانية», «52 مصرفا إيرانيا»)."""
    end = f.q.end + 2
    if f.q.kind in ("count", "ordinal"):
        m = _OWN_CHAIN.match(pc.key, f.ke)
        if m:
            end = max(end, pc.kt.to_text(f.ke, m.end())[1])
    return end


_SECTORED = frozenset({"bilateral_trade", "exports", "imports"})


def _period(pc: PassageCtx, f: FigureContext) -> str | None:
    """The part of the year the figure covers: named in its own comma segment, or fronted as the sentence's
    first segment ("In the first five months, trade reached ..."); a period in another clause is another figure's."""
    got = period_in(pc.p.text, *pc.kt.to_text(f.seg_lo, f.seg_hi))
    if got is None and f.seg_lo > f.slo and not COMMA.search(pc.key, f.slo, max(f.slo, f.seg_lo - 1)):
        a, b = pc.kt.to_text(f.slo, f.seg_lo)
        if not any(a <= q.start < b and q is not f.q for q in pc.quantities if q.kind in ("money", "percent", "quantity")):
            got = period_in(pc.p.text, a, b)  # a fronted adjunct with no figure of its own
    return got


_AGENT_PHRASE = re.compile(r"(?<!\w)(?:من قبل|من جانب|imposed by|by)\s+([^،,.؛;()]{1,60}?)(?=\s+(?:اتفاق|عقد|صفقة|signed|a deal|an agreement)|[،,.؛;()]|$)")


def _actors(pc: PassageCtx, ic: dict, f: FigureContext, doc_states: set[str], names: tuple) -> list[str]:
    """Return the states a figure is about: a nationality on what it counts («52 مصرفا إيرانيا», "Russian
    specialists"), else the states of its comma segment, else of its clause; «بين البلدين» is the pair."""
    q = f.q
    own = _states(names, q.start, _own_end(pc, f))
    if own or q.kind == "ordinal" or (q.kind == "count" and q.unit in ("countries", "states")):
        return own
    pair = set(PAIR) <= doc_states
    said = speaker_spans(pc, q)
    if said:
        # a third state that tells the figure ("Ukraine's military said the drone's range is ...") is not what it
        # measures, unless named again outside its subject; Iran or Russia telling its own figures often is
        starts, sts = names
        keep = [(at, st) for at, st in zip(starts, sts) if st in PAIR or not any(a <= at < b for a, b in said)]
        names = ([at for at, _ in keep], [st for _, st in keep])
    lo, hi = pc.kt.to_text(f.seg_lo, f.seg_hi)
    states = _states(names, lo, hi)
    agents = [(m.start(1), m.end(1)) for m in _AGENT_PHRASE.finditer(pc.p.text, lo, hi)]
    if agents:
        # «اللتان تواجهان حظرا من قبل الولايات المتحدة وأوروبا»: who imposes a side's ban is no party to its deal
        starts, sts = names
        kept = [st for at, st in zip(starts, sts) if lo <= at < hi and not any(a <= at < b for a, b in agents)]
        if kept:
            states = [st for st in states if st in kept]
    if f.measure == "bilateral_trade" and set(PAIR) <= set(states):
        return list(PAIR)  # trade is between two: the others in its segment are context («بعد الغزو الروسي لأوكرانيا»)
    if pair and ic["pair"].find(pc.key, f.seg_lo, f.seg_hi):
        return sorted(set(states) | set(PAIR))  # «يستهدف البلدان ...»: the pair of the document
    if not states and q.kind not in ("count", "duration"):
        states = _states(names, *pc.kt.to_text(f.lo, f.hi))
        if pair and ic["pair"].find(pc.key, f.lo, f.hi):
            states = sorted(set(states) | set(PAIR))
    return states


def _date(pc: PassageCtx, f: FigureContext, expected: bool, starts: list[int]) -> str | None:
    """Return the date in the figure's clause nearest to it (a count's: in its comma segment); a goal
    takes only a date after it ("for 2024")."""
    best, dist = None, None
    lo, hi = pc.kt.to_text(*((f.seg_lo, f.seg_hi) if f.q.kind in ("count", "ordinal") else (f.lo, f.hi)))
    for d in pc.dates[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
        if "century" in (d.flags or []) or "decade" in (d.flags or []) or f.q.start <= d.start < f.q.end:
            continue
        before = d.end <= f.q.start
        base = _SINCE.search(pc.p.text[max(0, d.start - 50):d.start])
        if base and not (max(0, d.start - 50) + base.start() <= f.q.start < d.start):
            # (a figure inside the comparison, "compared with a $10 discount last month", is the baseline's own)
            continue  # "its highest since 2018", «عما كان عليه في 2015»: a baseline, not the figure's date
        if before and _AFTER_CLAUSE.search(pc.p.text[max(0, d.start - 80):d.start]) \
                and re.search(r"[,،]", pc.p.text[d.end:f.q.start]):
            continue  # «بعد فرض عقوبات في 2010، ألغت موسكو العقد البالغ 800 مليون»: the date of what came before
        if SINCE_PHRASE.search(pc.p.text[max(0, d.start - 80):d.start]):
            continue  # "spent $2.7bn since the government came to power in August 2021": where a sum starts
        if before and _in_earlier_conjunct(pc, d, f.q):
            continue  # «غزت روسيا أوكرانيا في فبراير 2022 وتحتل 18%»: the invasion's date, not the occupied share's
        if before and expected and not re.search(r"(?:بحلول|by)\s*$", pc.p.text[:d.start]):
            continue  # «الاتفاق الذي وقع عام 2023 لزيادة ... إلى 40 مليار»: the signing's date, not the goal's
        gap = (f.q.start - d.end + 20) if before else (d.start - f.q.end)
        if dist is None or gap < dist:
            best, dist = d, gap
    value = date_value(best)
    if value and best is not None and "span" in (best.flags or []):
        value = value[:4]  # "the first half of 2024" dates a figure to 2024
    ends = [d for d in pc.dates if 0 <= d.start - best.end <= 14 and _PERIOD_TO.match(pc.p.text[best.end:d.start])] \
        if value and best is not None else []
    if ends:
        # "(from March 21, 2023 to March 20, 2024)": a period; one calendar year dates it, two do not
        value = value[:4] if (date_value(ends[0]) or "")[:4] == value[:4] else None
    published = pc.dc.doc.published or ""
    if value and best is not None and "year_inferred" in (best.flags or []) and published and value[:7] > published[:7]:
        value = f"{int(value[:4]) - 1}{value[4:]}"  # "in December" in a February article: the December before
    return value


def _in_earlier_conjunct(pc: PassageCtx, d, q: Quantity) -> bool:
    """Tell whether a date lies inside the conjunct before the later one (a verb phrase after «و», "and") that
    states a figure."""
    from irkg.loaders.parse.clauses import first_conjunct

    v = pc.view_at(q.start)
    got = pc.parsed.tokens_of(q.start, q.end) if v is not None else None
    if got is None or got[0] is not v.sent:
        return False
    s, i, _ = got
    for n in s.pre[i].ancestors():
        if n.cat in ("VP", "S") and any(k.is_pre and v.is_verb(k.tok) for k in n.kids):
            if first_conjunct(n) is None and n.parent is not None and n.parent.cat == "S" and first_conjunct(n.parent):
                n = n.parent  # "(S (S ... غزت ...) و (S (VP تحتل ...)))": the clause is the conjunct
            first = first_conjunct(n)
            if first is None:
                return False
            toks = v.sent.tokens  # a date framing both conjuncts («في عام 2023 ارتفعت ... وبلغت») is theirs
            verb = next((t for t in range(first.i, first.j) if v.is_verb(t)), None)
            return verb is not None and toks[verb][1] <= d.start < toks[first.j - 1][1]
    return False


def _is_target(pc: PassageCtx, ic: dict, f: FigureContext) -> bool:
    """Tell whether a figure is a target or planned level (a goal word in its clause before it, or just after)."""
    lo = f.seg_lo if f.q.kind in ("count", "ordinal", "duration") else f.lo  # a count is planned in its own segment
    for h in ic["target"].find(pc.key, max(lo, f.ks - _TARGET_REACH), f.ks):
        if h.end <= f.ks:
            return True  # the goal word opens the figure's clause
    return any(not any(c in pc.key[f.ke:h.start] for c in "،,؛;")
               for h in ic["target_after"].find(pc.key, f.ke, min(f.shi, f.ke + _TARGET_AFTER)))


_PER_UNIT = re.compile(r"(?:كل|سعر|تكلفه|تكلفة|ثمن|للطن|لل)\s*(?:ال)?(طن|برميل)|\b(?:per|a|each|every)\s+(tonne|ton|barrel)\b")
_PER_NAME = {"طن": "tonne", "برميل": "barrel", "ton": "tonne", "tonne": "tonne", "barrel": "barrel"}


def _per_unit(pc: PassageCtx, f: FigureContext, what: str | None) -> str | None:
    """The unit a price, cost or discount is per, named before it in its clause («سعر طن القمح ... 300 دولار»,
    «تكلفة شراء كل طن ... 300 دولار») or right after it ("$12 a barrel")."""
    if not what or what.split(" (")[0] not in ("price", "cost", "discount", "value"):
        return None
    before = list(_PER_UNIT.finditer(pc.key, f.lo, f.ks))
    m = _PER_UNIT.search(pc.key, f.ke, min(f.hi, f.ke + 12)) or (before[-1] if before else None)
    return _PER_NAME.get(m.group(1) or m.group(2)) if m else None


def _certainty(pc: PassageCtx, ic: dict, f: FigureContext) -> Certainty:
    """How firmly the figure's sentence states it: its hedges and negations, then a goal word."""
    cert = assess_certainty(pc.key[f.slo:f.shi], f.ks - f.slo, f.ke - f.slo)
    tree = figure_certainty(pc, f.q)
    if cert == Certainty.DENIED and _RHETORICAL.search(pc.p.text, max(0, f.q.start - 120), f.q.start):
        cert = Certainty.ASSERTED  # «كيف لا واللغتان ...»: "how could it not be": an emphasis
    if cert == Certainty.DENIED and _not_more(pc, f.q):
        # «لا يزيد على 12 كلم»: the negation bounds the figure, it denies nothing; «تريد روسيا ألا تزيد حصة طهران
        # على 11%»: a bound someone wants
        cert = Certainty.EXPECTED if _wanted_bound(pc, f.q) else Certainty.ASSERTED
    if tree == Certainty.DENIED and _bound(pc, ic, f) in ("up to", "more than"):
        tree = None  # «لم تتجاوز الصادرات 3 مليارات»: a bound, not a denial
    if tree is not None and tree != Certainty.ASSERTED and HEDGE_RANK[tree] > HEDGE_RANK[cert]:
        cert = tree  # the verb that states it is a forecast, a plan, a report or a denial
    if tree in (Certainty.REPORTED, Certainty.ALLEGED) and cert == Certainty.EXPECTED:
        cert = tree  # "said that the deal, which would also include boats, was worth $1bn": the modal is the relative's
    if tree == Certainty.ASSERTED and cert == Certainty.DENIED:
        cert = tree  # a negation or a cancelling word near the figure belongs to another clause (the tree says so)
    if f.q.kind == "ordinal" and cert == Certainty.ALLEGED:
        cert = Certainty.ASSERTED  # "the sixth session" frames the claims around it; it is not one of them
    start_level = (_FROM_LEVEL.search(pc.key[max(0, f.ks - 40):f.ks]) is not None
                   or _FROM_OPENS.match(pc.key, f.ks) is not None) \
        and bool(ic["change"].find(pc.key, max(0, f.ks - 40), f.ks)) and _TO_AFTER.match(pc.key, f.ke) is not None
    if start_level and cert == Certainty.EXPECTED:
        cert = Certainty.ASSERTED  # "to boost production from 36,000 to 48,000": where it stands now; the plan is the rest
    if cert in (Certainty.ASSERTED, Certainty.REPORTED) and not start_level and _is_target(pc, ic, f):
        return Certainty.EXPECTED  # «يستهدف البلدان سعة تصل إلى 15 مليون طن»: a goal, not a result
    if cert == Certainty.ASSERTED and quoted_report(pc.p.text, f.q.start):
        return Certainty.REPORTED  # a figure inside someone's quoted words
    if cert == Certainty.ASSERTED and source_named(pc.p.text, *pc.kt.to_text(f.slo, f.shi)):
        return Certainty.REPORTED  # "..., according to Russian customs", "LSEG data show": the source's figure
    return cert


_FROM_LEVEL = re.compile(r"(?:\bfrom|(?<!\w)من)\s*$")
_FROM_OPENS = re.compile(r"(?:from|من)\s")
_TO_AFTER = re.compile(r"\s*(?:[^\s\d]+\s+){0,3}?(?:to|الي|إلى)\s+\d")
_RHETORICAL = re.compile(r"كيف\s+لا(?!\w)")
_NEG = r"(?:لا|لم|لن|ليس|ليست|not|no)"
_MORE = r"(?:يزيد|تزيد|يتجاوز|تتجاوز|يتعدى|تتعدى|exceed|exceeds|more)"
_NOT_MORE = re.compile(_NEG + r"\s+(?:\S+\s+)?" + _MORE + r"\S*(?:\s+(?:على|عن|than))?\s*$", re.I)
_MORE_OPENS = re.compile(_MORE)
_NEG_ENDS = re.compile(_NEG + r"\s*$")


_WANTED_NEG = re.compile(r"(\S+)\s+(?:\S+\s+){0,2}?(?:ألا|الا|أن\s+لا|ان\s+لا|not\s+to)\s+\S+\s+(?:\S+\s+){0,3}?$", re.I)


def _wanted_bound(pc: PassageCtx, q) -> bool:
    """«تريد روسيا ألا تزيد حصة طهران على 11%», "wants it not to exceed": a verb of wanting or demanding before
    the negated bound."""
    from irkg.loaders.parse.clauses import syntax_words, word_class
    from irkg.loaders.arabic import match_key

    m = _WANTED_NEG.search(pc.p.text[max(0, q.start - 80):q.start])
    if m is None:
        return False
    words = re.findall(r"\w+", pc.p.text[max(0, q.start - 80):q.start][:m.end(1) + 1].split(m.group(1))[0] + " " + m.group(1))[-3:]
    return any(word_class(syntax_words()["governors"], match_key(w)) == "expected" for w in words)


def _not_more(pc: PassageCtx, q) -> bool:
    """«لا يزيد على 12 كلم», "does not exceed 12 km": at most the figure, stated as a fact."""
    if _NOT_MORE.search(pc.p.text[max(0, q.start - 30):q.start]):
        return True
    # the qualifier inside the figure's own words («لا (يزيد على 12 كلم)»)
    return bool(_MORE_OPENS.match(q.surface)) and bool(_NEG_ENDS.search(pc.p.text[max(0, q.start - 8):q.start]))


_REACH_OPENS = re.compile(r"(?:ل|و|ف)?(?:ي|ت)صل\s")  # the figure's own span opens with «ليصل إلى»
_REACH = re.compile(r"(?:ي|ت)صل\s*(?:(?:الي|إلى|الى)\s*)?$|reach(?:ing|ed)?\s*$")


def _bound(pc: PassageCtx, ic: dict, f: FigureContext) -> str | None:
    """Return the qualifier a verb before the figure gives it: «لم تتجاوز صادرات روسيا ... 3 مليارات» (up to)."""
    if _not_more(pc, f.q):
        return "up to"
    if f.q.qualifier == "up to" and (_REACH.search(pc.key, max(f.lo, f.ks - 20), f.ks) or _REACH_OPENS.match(pc.key, f.ks)) \
            and ic["change"].find(pc.key, max(f.lo, f.ks - 90), f.ks):
        return None  # «ارتفع حجم التجارة بنسبة 16% ليصل إلى 4.8 مليار»: rose to reach, a level, not a ceiling
    if f.q.qualifier or f.q.kind not in ("money", "quantity", "percent", "number"):
        return f.q.qualifier
    hits = [h for h in ic["bounds"].find(pc.key, max(f.lo, f.ks - 60), f.ks)
            if h.end <= f.ks and "ل" not in h.prefix]  # «لتجاوز العقوبات»: to get round them
    between = pc.key[hits[-1].end:f.ks].split() if hits else []
    if between and between[-1].startswith("ب") and len(between) > 1:
        return None  # «ستتجاوز مرحلة التدشين بطاقة 40%»: the verb's object is the stage; the figure is what it runs at
    if hits and not COMMA.search(pc.key, hits[-1].end, f.ks):
        return hits[-1].cat
    return None


_THE_TWO = re.compile(r"(?:\bthe|\bboth|\bthese|\bthose|\ball)\s+$", re.I)
_MULTI = re.compile(r"(?:\bmulti|\bseveral|\bmany|عدة|بضعة)[\s\-]*$", re.I)
_MEASURE_UNITS = {"km", "miles", "kilometres", "kilometers", "tonnes", "tons", "barrels", "barrels per day", "MW", "GW",
                  "hectares", "m2", "m3", "cubic metres", "bcm"}


def _anaphoric_pair(pc: PassageCtx, q: Quantity) -> bool:
    """A number that measures nothing: "the two companies", "the three states", «الدول الثلاث», "all five Caspian
    states" (a definite set already named, a small number in words); "a multi-billion deal" (a scale word with no
    number); "thousands of kilometres" (a vague magnitude of a measure)."""
    if q.kind != "ordinal" and q.value_max is None and q.value <= 12 and not any(ch.isdigit() for ch in q.surface or ""):
        if _THE_TWO.search(pc.p.text[max(0, q.start - 8):q.start]):
            return True
        first = q.surface.split()[0] if q.surface else ""
        if first.startswith("ال"):
            return True
    if not any(ch.isdigit() for ch in q.surface or "") and _MULTI.search(pc.p.text[max(0, q.start - 12):q.start]):
        return True
    vague = q.qualifier and q.qualifier not in _BOUNDS
    return bool(vague and (q.kind == "money" or (q.unit or "") in _MEASURE_UNITS))


_ASSURANCE = re.compile(r"(?:مضمون|ضمان|ضمانات|متأكد|واثق|guarantee|guaranteed|certain|sure|confident|assured)", re.I)


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
        # a date, and a designation the items dictionary knows ("MiG-29", «إس-300»), hold numbers that count nothing
        date_spans = [(d.start, d.end) for d in pc.raw_dates] + [(m.start, m.end) for m in pc.items]
        names = _named_states(pc)
        date_starts = [d.start for d in pc.dates]  # mentions come sorted by start
        if last is not None:
            last = (last[0], last[1], -1, *last[3:])  # a figure opening the next passage may still take it up
        prev_q = None
        for q in pc.quantities:
            if q.kind == "percent" and q.value == 100 and _ASSURANCE.search(
                    pc.p.text, max(0, q.start - 30), min(len(pc.p.text), q.end + 30)):
                continue  # «مضمون مئة بالمئة», "100 percent guaranteed": an assurance, no measured share
            if not _keep(q, date_spans) or _anaphoric_pair(pc, q):
                continue
            prev_q, q_before = q, prev_q
            if q.kind == "count" and _names_listed(pc, q):
                continue  # "two Russian companies, Rosneft and Gazprom": the count of a list, nothing measured
            f = FigureContext(pc, q)
            what = measure_of(pc, ic, f)
            if what and f.measure in _SECTORED and f.measure_at is not None:
                # «التبادل التجاري الزراعي», "agricultural trade": the sector right beside the measure words
                near = ic["sectors"].find(pc.key, max(0, f.measure_at[0] - 16), min(len(pc.key), f.measure_at[1] + 16))
                if near:
                    what = f"{near[0].cat} {what}"
            if q.unit == "times" and what == "number of times" and (q.value % 1 or _RISE_NEAR.search(pc.p.text, max(0, q.start - 25), min(len(pc.p.text), q.end + 20))):
                # "trade has risen by 1.5 times", «ارتفع مرتين»: a growth multiple of the measure named before it
                m = measure_before(pc, ic, f, "money", lo=f.slo)
                what = f"{ic['what'][m]} growth multiple" if m else "growth multiple"
            if what is None and q.kind == "duration":
                continue  # «قبل يومين»: a date
            if q.unit == "percent" and _FRACTION_OF_TIME.match(pc.p.text, q.start):
                continue  # «خلال شهر ونصف الشهر», "half a year": a span of time, not a share
            if _BASIS_BEFORE.search(pc.p.text[max(0, q.start - 8):q.start]):
                continue  # «2500 دولار مقابل كل 15 طنا», "per 100 tonnes": the basis of a rate, not an amount
            if q.kind == "duration" and (_TIME_AFTER.match(pc.p.text, q.end) or _TIME_BEFORE.search(pc.p.text[max(0, q.start - 12):q.start])
                                         or _WINDOW_BEFORE.search(pc.p.text[max(0, q.start - 12):q.start])):
                continue  # "two weeks after the summit", «بعد ثلاثة أيام من», «خلال عامين»: when, not how long
            if what is None and q.kind in ("money", "quantity", "number") and f.lo > f.slo:
                m = measure_before(pc, ic, f, q.kind, lo=f.slo)  # «..، في حين يتوقع أن يتخطى عتبة الخمسة مليارات»
                what = ic["what"][m] if m else None
            carried = None
            same_passage = last is not None and last[2] >= 0
            if last and last[2] >= 0 and pc.p.text[last[2]:q.start].strip() in ("(", "["):
                # "over 90 miles (144 km)", "600 trillion cubic feet (18 trillion cubic metres)": the same figure again
                what, carried = what or last[1], last[3]
                if q_before is not None and q_before.qualifier and not q.qualifier:
                    q = replace(q, qualifier=q_before.qualifier)
            elif what is None and last and last[2] >= 0 and pc.p.text[last[2]:q.start].strip() in ("،", ","):
                what, carried = last[1], last[3]
            if what is None and last and q.start - max(last[2], 0) <= _CARRY and (
                    (last[0] == q.kind and (q.kind == "money" or last[4] == q.unit) and (same_passage or _ANAPHOR.match(pc.key)))
                    or (same_passage and last[0] == "percent" and q.kind in ("money", "number"))):
                what, carried = last[1], last[3]  # "That's widened from $8 to $9", «أي ما يعادل 200 دولار»
            if q.kind == "money" and " per " not in q.unit:
                # (a yearly rate carries to the next figure of its own sentence only: "last year trade was $2.5 bn"
                # after "a deal to raise annual trade to $40 bn" is no annual rate; a price per barrel carries on)
                per = _per_unit(pc, f, what) or (last[4] if last and (same_passage or not (last[4] or "").endswith(" per year"))
                                                  and (carried is not None or last[1] == what)
                                                  and " per " in (last[4] or "") and last[4].split(" per ")[0] == q.unit
                                                  else None)  # "$12 a barrel ..., compared with a $10 discount"
                if per:
                    q = replace(q, unit=per if " per " in per else f"{q.unit} per {per}")
                elif f.measure_at is not None and ic["annual"].find(pc.key, max(f.seg_lo, f.measure_at[0] - 45), f.ks):
                    q = replace(q, unit=f"{q.unit} per year")  # «القيمة المالية السنوية لهذا العقد ... 12 مليار دولار»
            cert = _certainty(pc, ic, f)
            if what and cert == Certainty.EXPECTED and not what.endswith(" to be built") and to_be_built(pc, q):
                what = f"{what} to be built"  # «عقود لبناء مفاعلين»: reactors contracted, none standing yet
            elif what and not what.endswith(" demanded") and (ic["demand"].find(pc.key, max(f.slo, f.ks - 90), f.ks) or (
                    cert != Certainty.EXPECTED and ic["want"].find(pc.key, max(f.slo, f.ks - 60), f.ks))):
                what = f"{what} demanded"  # «تطالب بخمس العائدات (20 في المئة)»: one side's demand, no measured value
                if cert == Certainty.EXPECTED:
                    cert = Certainty.ASSERTED  # the label says it is demanded; that the demand stands is stated
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
            now = _NOW_NEAR.match(pc.p.text, q.end) or _NOW_BEFORE.search(pc.p.text, max(0, q.start - 40), q.start)
            date = None if now else _date(pc, f, cert == Certainty.EXPECTED, date_starts)
            if now and cert == Certainty.EXPECTED:
                cert = Certainty.ASSERTED  # «من 5.1 مليار دولار حاليا إلى 10 مليارات»: where it stands when written
            if cert in (Certainty.ASSERTED, Certainty.REPORTED) and date and pc.dc.ref \
                    and date[:min(len(date), len(pc.dc.ref))] > pc.dc.ref[:min(len(date), len(pc.dc.ref))]:
                cert = Certainty.EXPECTED  # a figure for a date after the text was written is a forecast or a plan
            measured = q.kind in ("money", "percent", "quantity") and not what.startswith(("amount in", "quantity in", "target"))
            if (qual := _bound(pc, ic, f)) != q.qualifier and (qual or f.q.qualifier == q.qualifier):
                q = replace(q, qualifier=qual)  # a qualifier carried into a parenthesis stays
            about = figure_phrase(pc, q)
            if about is None and q.kind == "percent" and (whole := _WHOLE_AFTER.match(pc.p.text, q.end)):
                about = (q.start, whole.end())  # «4.5 في المائة فقط من إجمالي التجارة الخارجية غير النفطية لإيران»
            if about is None and f.measure_at is not None:
                about = measure_phrase(pc, *pc.kt.to_text(*f.measure_at), q)  # «سعر طن القمح ... 300 دولار»
            if (about is not None or actors) and q.kind not in ("ordinal", "percent") \
                    and bare_phrase(pc.p.text[about[0]:about[1]] if about else None, q.surface):
                # «تم ربط 52 مصرفاً إيرانياً و106 مصارف روسية من خلال نظام ...»: which banks is said by the clause
                about = clause_phrase(pc, q) or about
            if about and q.kind == "ordinal" and not actors:
                # "the 12th round of talks between Iran and Russia", «لقاء هو التاسع بين الزعيمين»
                actors = _states(names, *about)
                if not actors and ic["pair"].find(pc.key, pc.kt.to_key(about[0]), pc.kt.to_key(about[1])):
                    actors = sorted(PAIR)
            prev_q = q
            period = _period(pc, f) if q.kind in ("money", "quantity", "percent") else None
            rows.append((pc, q, what, actors, date, cert, measured and date is not None and q.value_max is None,
                         pc.p.text[about[0]:about[1]] if about else None, period))
    # a dated measure is one fact that sources may give different values for; two values of it in one
    # document ("from $8 to $9 in December") are two figures
    seen: dict[tuple, set[float]] = {}
    for pc, q, what, _, date, _, merge, _, period in rows:
        if merge:
            seen.setdefault((what, q.unit, date, period), set()).add(q.value)
    for pc, q, what, actors, date, cert, merge, about, period in rows:
        if not _measures_something(ic, q, what, actors, about):
            continue
        _emit(out, pc, q, what, actors, date, cert, merge=merge and len(seen[(what, q.unit, date, period)]) == 1,
              about=about, period=period)


# after a count and its noun phrase: the apposition that lists what is counted ("two companies, Rosneft and
# Gazprom", «شركتان روسيتان هما روسنفت وغازبروم», "three states: ...")
_LIST_OPEN = re.compile(r"[^,،:؛.()\n]{0,40}?(?:[,،:(—–]|\s-\s|\s(?:و?هما|و?هم|و?هي|namely)\s)\s*")
_LIST_JOIN = re.compile(r"\s*(?:[,،]\s*(?:and\s+|و\s*)?|\s+and\s+|\s+و\s*)$")


def _names_listed(pc: PassageCtx, q: Quantity) -> bool:
    """Tell whether a small count is followed by an apposition naming exactly that many actors."""
    if not 2 <= q.value <= 6 or q.value % 1 or q.value_max is not None:
        return False
    text = pc.p.text
    m = _LIST_OPEN.match(text, q.end)
    if m is None:
        return False
    pos, n = m.end(), 0
    for a in sorted((a for a in pc.actors if a.start >= m.end()), key=lambda a: a.start):
        if a.start != pos and not (n and _LIST_JOIN.search(text[pos:a.start]) and len(text[pos:a.start]) <= 8):
            if a.start > pos:
                break
            continue
        n, pos = n + 1, a.end
    return n == q.value


# the whole a share is of, right after it: «... في المائة (فقط) من إجمالي التجارة الخارجية لإيران», "(only) of Iran's trade"
_WHOLE_AFTER = re.compile(r"(?:\s+(?:فقط|only))?\s+(?:من|of)\s+[^\s،,.;؛:()]+(?:\s+[^\s،,.;؛:()]+){0,7}")


def _measures_something(ic: dict, q: Quantity, what: str, actors: list[str], about: str | None) -> bool:
    """Keep a figure an analyst can identify: not the number of an item in a series ("the sixth session") unless
    the series is the pair's own, and
    not a generic measure (a share, a plain count, a bare duration: cues_measures.yaml `not_indicators`) that
    neither names its actors nor has a phrase saying whose or which it is."""
    rules = ic["not_indicators"]
    base = what.split(" (")[0]
    if base.startswith("time ") or base == "duration":
        return False  # "a day after the meeting"; "hostile for 30 years": a bare span of nothing an analyst tracks
    if q.kind == "ordinal" and q.unit in rules["series_units"]:
        return set(PAIR) <= set(actors)  # "the 12th round of talks between Iran and Russia", not "the 9th media forum"
    if q.kind == "ordinal" and q.unit not in rules["countable"]:
        return False  # «ثاني إجراء مماثل», "the second such step": a rank in the narrative, nothing measured
    if actors or about:
        return True
    generic = base in rules["vague"] or base.startswith(("amount in", "quantity in")) or (
        base.startswith("number of ") and base[len("number of "):] not in rules["countable"]) or (
        base.startswith(("duration", "time ")) and not any(w in base for w in rules["durations_kept"]))
    return not generic


def _emit(out: list, pc: PassageCtx, q: Quantity, what: str, actors: list[str], date: str | None, cert: Certainty,
          merge: bool, about: str | None = None, period: str | None = None) -> None:
    """Append one record, or two for a range (its lower and upper bound); `merge`: sources may disagree on its value."""
    unit = q.unit or ""
    apart = "" if set(actors) <= set(PAIR) else ":" + "+".join(actors)  # another pair's figure is kept apart
    bounds = [(q.value, what)] if q.value_max is None else [(q.value, f"{what} (lower bound)"), (q.value_max, f"{what} (upper bound)")]
    for value, label in bounds:
        qual = f"{q.qualifier} " if q.qualifier else ""
        shown = f"{value:,.0f}" if value >= 10_000 and value.is_integer() else f"{value:g}"
        if q.qualifier and q.qualifier not in _BOUNDS:
            qual, shown = "", f"{q.qualifier} (at least {shown})"  # "hundreds of drones": a vague count
        shown_unit = unit[:-1] if value == 1 and unit.endswith("s") and " " not in unit else unit
        claims = {"value": f"{value:g}", "unit": unit, "date": date, "surface": q.surface, "about": about,
                  "qualifier": q.qualifier, "range": f"{q.value:g}-{q.value_max:g}" if q.value_max is not None else None}
        vid = "" if merge else f":{value:g}{':' + slug(q.qualifier) if q.qualifier else ''}"
        if q.kind == "count" and not date:
            # two undated "2 ships" in two sentences are two facts
            vid += f":{hashlib.sha1(pc.p.doc.encode()).hexdigest()[:6]}.{pc.p.idx}"
        when = f"{date}{', ' if date and period else ''}{period or ''}"
        iid = f"indicator:{slug(label)}:{slug(unit or 'n')}:{date or 'nodate'}{':' + slug(period) if period else ''}{vid}{apart}"
        out.append(IndicatorRecord(
            id=iid, label=f"{label}{', ' + when if when else ''}: {qual}{shown} {shown_unit}".rstrip(),
            what=label, about=about, value=value, unit=unit, date=date, period=period, actors=actors, certainty=cert, topic=None,
            evidence=[pc.evidence(cert, {k: v for k, v in claims.items() if v is not None})],
        ))
