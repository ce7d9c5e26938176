"""Find constraints: a factor that limits cooperation in some field, read as a relation on the parse tree.

Three shapes, each from the clause that states it, never from words that merely co-occur:
- a limiting word governs what it limits and names its factor: "العقوبات تعيق التعاون المصرفي" (subject =
  factor, object = what is limited), "Russia hesitates to deliver arms out of regard for its ties with Israel"
  (a reason adjunct = factor, the delivery = what is limited);
- sanctions, embargoes and bans on Iran or Russia (an event of type sanction): the imposer's measure limits
  the field it bears on ("US sanctions on Iranian banks" limit finance);
- opposition or pressure by a third party on the pair's cooperation ("US opposition to the oil-for-goods deal").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import sourced
from irkg.loaders.extract import PAIR, DocCtx, PassageCtx
from irkg.loaders.extract_frictions import friction_cues
from irkg.loaders.extract_lexicon import lexicon_of
from irkg.loaders.modality import predicate_certainty
from irkg.loaders.parse.clauses import Arg, predicate_at, syntax_words, word_class
from irkg.schema.graph import Certainty, ConstraintRecord

FACTOR_KIND = {
    "domestic_need": "need", "financial_limits": "need", "strategic_caution": "policy",
    "unsc_sanctions": "sanctions", "arms_embargo": "policy", "avoid_entanglement": "policy",
    "third_party_involvement": "relationship", "no_mutual_defence_clause": "clause",
    "islamic_backlash": "risk",
}
FACTOR_EN = {
    "domestic_need": "Russia's own urgent need for the weapons at home",
    "financial_limits": "limited financial resources",
    "strategic_caution": "a policy of strategic caution / restraint",
    "unsc_sanctions": "UN Security Council sanctions on Iran",
    "arms_embargo": "an arms embargo on Iran",
    "avoid_entanglement": "reluctance to be drawn into Iran's regional conflicts",
    "third_party_involvement": "complications from third parties' involvement",
    "no_mutual_defence_clause": "no mutual-defence clause in the treaty",
    "islamic_backlash": "risk of a backlash among Muslim communities",
}
_EVENT_TOPIC = {"delivery": "arms", "trade": "trade", "exercise": "military_cooperation", "launch": "space",
                "signing": "diplomacy", "visit": "diplomacy", "meeting": "diplomacy"}
# fields of cooperation a factor can limit (a state or a war is no field: "israel_factor" is who, not what)
_FIELDS = ("arms", "military_cooperation", "nuclear_programme", "nuclear_energy", "energy", "trade", "transport",
           "finance", "space", "cyber", "security")
_WORD = re.compile(r"\S+")
_ASIDE_BREAK = re.compile(r"[،,;؛]")  # where an aside set off after a measure's phrase begins
_CLAUSE_END = re.compile(r"[;؛.]")
_REL_WORD = re.compile(r"\s(?:التي|الذي|الذين|which|who)\s")


@lru_cache(maxsize=1)
def constraint_cues() -> dict:
    """Compile the constraint sections of cues_frictions.yaml."""
    data = friction_cues()["data"]
    return {
        "cue": lexicon_of(data["constraint"]),
        "targets": lexicon_of(data["targets"]),
        "factors": lexicon_of(data["factors"]),
        "reasons": lexicon_of({"r": data.get("reason_markers", [])}),
        "opposition": lexicon_of({"o": data.get("opposition", []), "fear": data.get("fear_words", [])}),
        "pressure": lexicon_of({"p": data.get("pressure_words", [])}),
        "measures": lexicon_of({"m": data.get("measure_nouns", [])}),
        "past": lexicon_of({"past": data.get("past_deal", [])}),
        "causal": lexicon_of({"c": data.get("causal_openers", [])}),
        "not_before": {match_key(w) for w in data.get("limit_not_before", [])},
        "sanction_reasons": {match_key(w) for w in data.get("sanction_reason_markers", [])},
        "including": re.compile(r"[\s،,]*(?:" + "|".join(map(re.escape, data.get("including_words", []))) + r")\s", re.I),
        "anaphors": {match_key(w) for w in data.get("anaphors", [])},
    }


def _span_text(pc: PassageCtx, v, node) -> tuple[int, int]:
    return v.sent.tokens[node.i][0], v.sent.tokens[node.j - 1][1]


def _topics_in(pc: PassageCtx, cc: dict, a: int, b: int, holes=()) -> list[str]:
    """Fields named in a display span (outside `holes`): the targets lexicon ("military ties", "arms deliveries"),
    weapons, then recognised topic mentions."""
    def inside(x: int) -> bool:
        return a <= x < b and not any(ha <= x < hb for ha, hb in holes)

    out = [h.cat for h in cc["targets"].find(pc.key, pc.kt.to_key(a), pc.kt.to_key(b)) if inside(pc.kt.to_text(h.start, h.end)[0])]
    items = getattr(pc.dc.dicts, "items", {})
    if any(inside(m.start) and str(getattr(items.get(m.ref), "type", "")) in ("weapon", "platform") for m in pc.items):
        out.append("arms")
    out += [m.ref for m in pc.topics if inside(m.start)]
    return [t for t in dict.fromkeys(out) if t in _FIELDS]


def _words(text: str, limit: int = 90) -> str:
    """Cut a phrase at a word boundary (never mid-word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def _factor_of(pc: PassageCtx, dc: DocCtx, cc: dict, v, node) -> list[tuple[str, str, str, list[str]]]:
    """Describe a factor phrase: [(slug, kind, description, actors behind it)], one per third party group."""
    a, b = _span_text(pc, v, node)
    toks = v.sent.tokens[node.i:node.j]
    if len(toks) > 1 and toks[0][1] - toks[0][0] == 1 and pc.p.text[toks[0][0]] in _CLITICS:
        a = toks[1][0]  # "لـ|ضغوط …": the factor starts after the preposition the segmenter split off
    ka, kb = pc.kt.to_key(a), pc.kt.to_key(b)
    actors = sorted({dc.state_of(m.ref) if dc.actor_type(m.ref) in ("person", "institution") else m.ref
                     for m in pc.mentions_in(v, node, pc.actors, nested_ok=True)})
    named = cc["factors"].find(pc.key, ka, kb)
    if named:
        slug = named[0].cat
        return [(slug, FACTOR_KIND.get(slug, "other"), FACTOR_EN.get(slug, slug.replace("_", " ")), actors)]
    text = pc.p.text[a:b].strip(" ،,.؛;")
    if len(text) < 3:
        return []
    first = text.split(maxsplit=1)[0]
    if first[0] in _CLITICS and any(cc[k].find(match_key(first[1:])) for k in ("reasons", "pressure", "opposition")):
        text = text[1:]  # "لضغوط الأمريكية": the preposition glued to the factor's first word is no part of it
    words, dropped = text.split(), ""
    while len(words) > 2 and _marker_word(cc, words[0]):
        dropped, words = match_key(words[0]), words[1:]  # «في ظل العقوبات», "in compliance with": the marker is no part of the factor
    if dropped.endswith("ا") and words[0][:1] in ("ل", "ب") and len(words[0]) > 3:
        words[0] = words[0][1:]  # «تطبيقا لقرار», «التزاما بالحظر»: an adverb of reason takes its preposition glued on
    text = " ".join(words)
    fc = friction_cues()
    third = [t for t in actors if dc.state_of(t) not in PAIR]
    groups: dict[str, list[str]] = {}
    for t in third:
        groups.setdefault(fc["group_of"].get(t, t), []).append(t)
    for h in fc["group_words"].find(pc.key, ka, kb):  # "دول أوروبية", "the Gulf states" named without a state
        groups.setdefault(h.cat, [])
        hs, he = pc.kt.to_text(h.start, h.end)
        for m in pc.mentions_in(v, node, pc.actors, nested_ok=True):
            g = fc["group_of"].get(m.ref, m.ref)
            if g != h.cat and g in groups and hs - _GROUP_GAP <= m.end and m.start < he and not groups[g][1:]:
                del groups[g]  # "الدول العربية في الخليج": the Gulf states, not a second group
    pressure = cc["pressure"].find(pc.key, ka, kb)
    if pressure:
        # only who presses: the states and groups right after the pressure word ("رد فعل من دول أوروبية", "US pressure")
        pa, pb = pc.kt.to_text(pressure[0].start, pressure[0].end)
        near = {g: m for g, m in groups.items() if any(abs(x - pa) < 45 or pa <= x <= pb + 45 for x in _positions(pc, fc, g, m, a, b))}
        if near:
            return [(f"pressure_{g}", "pressure", f"pressure from {dc.name_of(g)}", m or [g]) for g, m in near.items()]
    deal = cc["past"].find(pc.key, ka, kb)
    if deal and third:
        # "اتفقت سرا مع واشنطن في 1995": a deal one side made with a third party
        g = third[0]
        year = next((str(d.value)[:4] for d in pc.dates if a <= d.start < b + 40 and d.value), "")
        return [(f"past_deal_{g}{'_' + year if year else ''}", "past_deal",
                 f"a past deal with {dc.name_of(g)}{' (' + year + ')' if year else ''}", [g])]
    if fc["ties"].find(pc.key, ka, kb) and groups:
        return [(f"relations_{g}", "relationship", f"relations with {dc.name_of(g)}", m or [g]) for g, m in groups.items()]
    words = _WORD.findall(text)
    content = [w for w in words if not cc["reasons"].find(match_key(w)) and match_key(w) not in _FUNCTION_WORDS]
    if all(match_key(w) in _DEMONSTRATIVES for w in content):
        return []  # "رداً على ذلك", "because of this": the factor is in another sentence, not named here
    if len(words) < 2 or match_key(words[0]) in _DEMONSTRATIVES:
        return []  # "الأمم" cut from its name, "هذا المزيج", "this mix": no factor an analyst can read
    slug = "_".join(match_key(w) for w in words[:6])
    kind = "sanctions" if any(m.ref == "sanctions" for m in pc.topics if a <= m.start < b) else "other"
    # «قرار صادر عن الأمم المتحدة لمعاقبة إيران»: a third party's measure is theirs; Iran is what it bears on
    return [(slug, kind, _words(text), sorted({dc.state_of(t) if dc.actor_type(t) in ("person", "institution") else t
                                               for t in third}) or actors)]


def _marker_word(cc: dict, w: str) -> bool:
    """A preposition or a reason marker that opens a factor phrase without naming the factor (not "pressure")."""
    k = match_key(w)
    return k in _FUNCTION_WORDS or (bool(cc["reasons"].find(k)) and not cc["pressure"].find(k))


def _joined(a, b):
    """One phrase over two sibling phrases the parser split ("حرصُ الكرملين" + "على روابطه مع إسرائيل")."""
    from irkg.loaders.parse.tree import Node

    n = Node("NP", a.parent)
    n.kids, n.i, n.j = [a, b], a.i, b.j
    return n


_INTRANSITIVE = {"limit", "withhold", "slow", "caution", "obstruct"}
_MANNER = {"slow", "caution"}
_CLITICS = set("لبكوف")
_FUNCTION_WORDS = {"علي", "في", "من", "الي", "عن", "ردا", "ب", "ل", "مع", "of", "to", "in", "on", "for", "with", "under", "response", "the", "a"}
_DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هولاء", "this", "these", "that", "those", "it", "such"}
_GROUP_GAP = 6  # characters between a group of states and the word that narrows it ("الدول العربية في الخليج")  # cues that say how a verb is done ("ببطء", "بحذر")


def _key_span(pc: PassageCtx, v, node) -> tuple[int, int]:
    a, b = _span_text(pc, v, node)
    return pc.kt.to_key(a), pc.kt.to_key(b)


def _governing_clause(v, pred):
    """The predicate of the verb that governs a noun (its object, its prepositional phrase, or a copula)."""
    from irkg.loaders.parse.clauses import predicate_at

    g = next((g for g in pred.governors[:1] if g.verbal), None)
    return predicate_at(v, g.tok) if g is not None and v.sent.pre[g.tok] is not None else None


def _named_factors(pc: PassageCtx, cc: dict, v, pred, gov) -> list[tuple[str, str, str, list[str]]]:
    """Factors the factor lexicon names inside the limiting word's own clause ("بتحفظ استراتيجي", "domestic needs")."""
    from irkg.loaders.parse.clauses import own_spans

    spans = own_spans(v, pred) + (own_spans(v, gov) if gov is not None else [])
    out = []
    for a, b in spans:
        for h in cc["factors"].find(pc.key, pc.kt.to_key(a), pc.kt.to_key(b)):
            if not any(o[0] == h.cat for o in out):
                out.append((h.cat, FACTOR_KIND.get(h.cat, "other"), FACTOR_EN.get(h.cat, h.cat.replace("_", " ")), []))
    return out


def _positions(pc: PassageCtx, fc: dict, g: str, members: list[str], a: int, b: int) -> list[int]:
    """Where a state or group is named inside [a, b)."""
    out = [m.start for m in pc.actors if a <= m.start < b and (m.ref in members or m.ref == g)]
    out += [pc.kt.to_text(h.start, h.end)[0] for h in fc["group_words"].find(pc.key, pc.kt.to_key(a), pc.kt.to_key(b)) if h.cat == g]
    return out


def _manner_clause(v, pred):
    """For a manner phrase ("ببطء", "with caution"): the verb phrase it modifies, and the phrases fronted
    before that verb phrase in its clause (between the subject and the verb, split by commas)."""
    n = v.sent.pre[pred.head]
    vp = next((a for a in n.ancestors() if a.cat == "VP"), None)
    if vp is None or vp.parent is None:
        return None, []
    fronted = []
    for k in vp.parent.kids:
        if k is vp:
            break
        fronted += _conjuncts(k)
    return vp, fronted


def _conjuncts(x) -> list[list]:
    """The phrases of a fronted constituent, a coordination ("على خلفية علاقاتها ... وحتى إسرائيل") as one group."""
    if x.is_pre:
        return []
    inner = [c for c in x.kids if not c.is_pre]
    if len(inner) == 1 and all(c.is_pre and c.cat in ("CC", "IN", "PUNC") for c in x.kids if c is not inner[0]) \
            and inner[0].cat in ("NAC", "PP"):
        return _conjuncts(inner[0])  # (PP (NAC (CC و) (PP ... و PP ...))): the wrapper of a coordination
    if x.cat == "NAC" or any(c.is_pre and c.cat == "CC" for c in x.kids):
        return [[n for c in x.kids for g in _conjuncts(c) for n in g]]
    return [[x]]


def _group_factors(pc: PassageCtx, dc: DocCtx, cc: dict, v, group: list) -> list[tuple[str, str, str, list[str]]]:
    """Factors of coordinated reason phrases, one conjunct at a time; a conjunct that only names a state
    ("وحتى إسرائيل") continues the relations of the conjunct before it."""
    out: list[tuple[str, str, str, list[str]]] = []
    for n in group:
        got = _factor_of(pc, dc, cc, v, n)
        if out and out[-1][1] == "relationship" and all(f[1] == "other" for f in got):
            third = sorted({dc.state_of(m.ref) for m in pc.mentions_in(v, n, pc.actors)} - set(PAIR))
            got = [(f"relations_{t}", "relationship", f"relations with {dc.name_of(t)}", [t]) for t in third] or got
        out += [f for f in got if f[1] != "other" or f[3]]
    return out


def _reason_phrase(v, cc: dict, node) -> bool:
    """A phrase whose first or second word says it is a reason ("على خلفية", "بسبب", "due to")."""
    pres = [d for d in node.walk() if d.is_pre and d.cat not in ("CC", "IN", "PUNC", "DT")][:1]
    return any(cc["reasons"].find(v.word(p.tok)) for p in pres)


def _inner_reasons(v, cc: dict, pred) -> list:
    """Reason phrases inside a noun's own phrase, after it ("(NP إلغاء (S ... (NP تطبيقا (PP لقرار ...))))")."""
    from irkg.loaders.parse.clauses import maximal_np

    top = maximal_np(v.sent.pre[pred.head])
    out = []
    for t in range(pred.head + 1, top.j):
        pre = v.sent.pre[t]
        if pre is None or any(n.i <= t < n.j for n in out) or not cc["reasons"].find(v.word(t)):
            continue
        n = pre.parent
        while n.parent is not None and n.parent.i == t and n.parent is not top:
            n = n.parent
        out.append(n)
    return out


def _is_reason(v, cc: dict, a) -> bool:
    """An argument that gives a reason: "بسبب العقوبات", "حرصاً على علاقاتها", "because of", "out of regard for"."""
    if a.rel not in ("pp", "obj", "gen"):
        return False
    if a.rel == "pp" and cc["reasons"].find(a.marker):
        return True
    first = next((d for d in a.node.walk() if d.is_pre), None)
    return first is not None and bool(cc["reasons"].find(v.word(first.tok)))


def _released(v, pred) -> bool:
    """Tell whether a limiting word stands in what someone withdrew from, cancelled or lifted, earlier in its
    sentence and with no clause break between ("withdrew from an accord that banned", «ألغت القرار الذي يحظر»)."""
    from irkg.loaders.parse.clauses import word_class

    words = v.words
    for t in range(pred.head - 1, max(-1, pred.head - 14), -1):
        if v.sent.tokens[t][2].startswith("PUNC") or v.word(t) in (",", "،", ";", "؛", ".", "and", "but"):
            return False
        if any(word_class(words[g], v.word(t)) for g in ("release_verbs", "status_change_verbs", "lifting_words")):
            return True
    return False


def _limits(pc: PassageCtx, dc: DocCtx, cc: dict, known: dict) -> list[ConstraintRecord]:
    """A limiting word with its factor (subject or reason) and what it limits (object, or the event it governs)."""
    out = []
    nxt_reason = known.get("next_reason")
    for h in cc["cue"].find(pc.key):
        nxt = pc.key[h.end:h.end + 25].split()[:2]
        if any(w.lstrip("وال") in cc["not_before"] or w in cc["not_before"] for w in nxt):
            continue  # "الحد من خطر": limiting a risk is no constraint on cooperation
        v, pred = pc.predicate_of(h.start, h.end)
        if pred is None or pred.conditional:
            continue
        args = list(pred.args)
        gov = _governing_clause(v, pred)
        if gov is not None and not pred.verbal:
            # a limiting noun ("عائق"، "بتحفظ"، "ببطء") reads its clause: the subject of "تشكل القيود المالية عائقا"
            # is the factor, the clause's other phrases say what is limited and why
            args += [a for a in gov.args if not (a.node.i <= pred.head < a.node.j)]
        subj = next((a for a in args if a.rel == "subj"), None)
        if subj is not None and _is_reason(v, cc, Arg("obj", subj.node)):
            # "يحد حرصُ الكرملين على روابطه مع إسرائيل من تزويد إيران": the reason is the subject, with its phrase
            k = args.index(subj)
            follow = next((a for a in args[k + 1:] if a.rel == "pp" and a.marker in ("علي", "on", "about")), None)
            reason = subj.node if follow is None else _joined(subj.node, follow.node)
            args = [Arg("pp", reason, "سبب")] + [a for a in args if a is not subj and a is not follow]
        factor_nodes = [a.node for a in args if a.rel in ("subj", "poss")]
        reason_nodes = [a.node for a in args if _is_reason(v, cc, a)]
        if h.cat == "regard":
            # "أي دعم عسكري لإيران سيؤثر على علاقاتها مع تل أبيب": the ties are the factor, the rest is what is limited
            ties = [a.node for a in args if friction_cues()["ties"].find(pc.key, *_key_span(pc, v, a.node))]
            reason_nodes += [n for n in ties if n not in reason_nodes]
            factor_nodes = []
        limited = [a.node for a in args if (a.rel in ("obj", "gen", "pp", "subj" if h.cat == "regard" else "-"))
                   and not _is_reason(v, cc, a) and a.node not in reason_nodes
                   and not any(r.i <= a.node.i and a.node.j <= r.j for r in reason_nodes)]
        if h.cat == "halt" and not reason_nodes and not pred.verbal:
            # «إلغاء تسليم الصواريخ إلى إيران تطبيقا لقرار»: the parser hung the reason inside the cancelled noun's phrase
            reason_nodes = _inner_reasons(v, cc, pred)
        if h.cat == "halt" and not reason_nodes:
            continue  # "Russia cancelled the deal": an event; a constraint needs the reason that made it
        holes = [_span_text(pc, v, r) for r in reason_nodes]
        topics: list[str] = []
        for n in limited:
            topics += _topics_in(pc, cc, *_span_text(pc, v, n), holes=holes)
        subject_actors = sorted({dc.state_of(m.ref) for n in factor_nodes for m in pc.mentions_in(v, n, pc.actors)})
        if not topics and h.cat in _INTRANSITIVE and (reason_nodes or not pred.verbal):
            # "التعاون يبقى محدوداً", "the initiatives made no progress because of X": the subject is what is limited
            for n in factor_nodes:
                topics += _topics_in(pc, cc, *_span_text(pc, v, n), holes=holes)
            factor_nodes, subject_actors = [], []
        reason_groups: list[list] = []
        if not reason_nodes and h.cat in _MANNER and not pred.verbal:
            # "روسيا، على خلفية علاقاتها مع ...، تقوم بتسليم المقاتلات ببطء": a manner phrase limits the verb
            # phrase it stands in; the clause's fronted phrases say why
            vp, fronted = _manner_clause(v, pred)
            if vp is not None and not topics:
                topics += _topics_in(pc, cc, *_span_text(pc, v, vp))
            if vp is not None:
                # "على خلفية علاقاتها مع الخليج وحتى إسرائيل، وكذلك حاجتها إلى الأسلحة": coordinated reasons
                reason_groups = [g for g in fronted if any(_reason_phrase(v, cc, n) for n in g)
                                 or any(cc["factors"].find(pc.key, *_key_span(pc, v, n)) for n in g)]
        for e in known.get("events", []):  # "تتحفظ في تسليم الأسلحة": the event the limiting word governs
            if e["type"] not in _EVENT_TOPIC:
                continue  # sanctions, strikes, statements: no field of cooperation a limit can bear on
            if e.get("tok") is not None and any(n.i <= e["tok"] < n.j for n in limited):
                topics.append(_EVENT_TOPIC[e["type"]])
            elif e.get("tok") == pred.head + 1 and not pred.verbal:
                topics.append(_EVENT_TOPIC[e["type"]])  # «إلغاء تسليم الصواريخ»: the event noun right after it
        topics = [t for t in dict.fromkeys(topics) if t]
        if not topics:
            continue
        if _released(v, pred):
            continue  # "Russia withdrew from an agreement that banned arms sales to Iran": that limit is gone
        cert = sourced(predicate_certainty(v, pred), pc.p.text, v.sent.start, v.sent.end)
        if cert == Certainty.EXPECTED and (pred.future or pred.modal) and not pred.conditional \
                and predicate_certainty(v, replace(pred, future=False, modal=False)) == Certainty.ASSERTED:
            # "any arms for Iran would hurt its ties with Israel", «سيؤثر على علاقاتها»: the limit is stated as
            # what would happen, which is how a standing constraint is put; the constraint itself is asserted
            cert = Certainty.ASSERTED
        agreed = next((g for g in pred.governors if g.verbal), None)
        if cert == Certainty.EXPECTED and agreed is not None and word_class(syntax_words()["agree_verbs"], agreed.word) \
                and v.sent.pre[agreed.tok] is not None and predicate_certainty(v, predicate_at(v, agreed.tok)) == Certainty.ASSERTED:
            cert = Certainty.ASSERTED  # «اتفقت مع واشنطن على تجميد التعاون»: an agreed limit binds from the agreement on
        if cert == Certainty.EXPECTED and agreed is not None and word_class(syntax_words()["demand_verbs"], agreed.word) \
                and v.sent.pre[agreed.tok] is not None:
            # «الضغوط الغربية التي طالبت طهران بتقييد برنامجها»: the pressure that demands the limit is what constrains,
            # and it is as sure as the demanding
            cert = predicate_certainty(v, predicate_at(v, agreed.tok))
        factors = [f for n in reason_nodes for f in _factor_of(pc, dc, cc, v, n)]
        factors += [f for g in reason_groups for f in _group_factors(pc, dc, cc, v, g)]
        measure = not pred.verbal and cc["measures"].find(v.word(pred.head))
        if not factors and measure:
            # "voted a ban on Iranian arms exports", «فرض حظرا على»: the measure itself is the factor, who votes or
            # imposes it stands behind it
            factors = _measure_factor(pc, dc, cc, v, pred, factor_nodes)
            if factors is None:
                continue
        if not factors:
            # no reason given: the subject is the factor when it is not the party whose cooperation is limited
            factors = [f for n in factor_nodes for f in _factor_of(pc, dc, cc, v, n) if not (f[3] and set(f[3]) <= set(PAIR))]
        if not factors:
            factors = _named_factors(pc, cc, v, pred, gov)  # "تخطو بتحفظ استراتيجي": the cue names its own factor
        if not factors and reason_nodes == [] and nxt_reason is not None:
            factors = nxt_reason  # "يبقى التعاون محدوداً. فروسيا تحرص على علاقاتها مع ...": the next sentence says why
        for slug, kind, desc, actors in factors:
            # whose cooperation is limited, when it is a third state's ("China hesitates to arm Iran")
            who = next((s for s in subject_actors if s not in actors and s not in PAIR), None) if reason_nodes else None
            out.append(_record(pc, dc, topics[0], slug, kind, desc, actors, who, cert, h.cat))
    return out


def _measure_factor(pc: PassageCtx, dc: DocCtx, cc: dict, v, pred, subjects) -> list[tuple[str, str, str, list[str]]] | None:
    """A ban or restriction named as a noun: its own phrase describes it, the third parties of the governing
    clause's subject impose it. None when it is no limit on the pair (nobody outside imposes it, nothing of the
    pair's is named in its sentence)."""
    np = v.sent.pre[pred.head].parent
    while np.parent is not None and np.parent.cat == "NP" and np.parent.kids[0] is np:
        np = np.parent  # "(NP (NP a ban) (PP on Iranian arms exports))"
    a, b = _span_text(pc, v, np)
    named = cc["factors"].find(pc.key, pc.kt.to_key(a), pc.kt.to_key(b))
    if named:  # "an arms embargo", «القيود المالية»: a factor the lexicon knows keeps its name (the clause's named factors)
        return []
    verb_after_and = next((v.sent.tokens[t][0] for t in range(np.i, np.j - 1)
                           if v.word(t) in ("و", "and") and v.is_verb(t + 1)), b)
    b = min(b, verb_after_and)  # «حظر وجود قوات أجنبية ويقتصر أي نشاط ...»: a clause the parser hung on the noun
    text = _ASIDE_BREAK.split(pc.p.text[a:b], 1)[0].strip(" ،,.؛;")  # the measure, not what an aside adds
    if len(text.split()) < 2:
        return []
    imposers = sorted({dc.state_of(m.ref) for n in subjects for m in pc.mentions_in(v, n, pc.actors)} - set(PAIR))
    imposers = [i for i in imposers if not dc.includes_pair_state(i)]  # the Caspian states include the pair
    if not imposers and not {m.ref for m in pc.actors if v.sent.start <= m.start < v.sent.end} & set(PAIR):
        return None  # «تشترط الدول الخمس حظر وجود قوات أجنبية»: a ban nobody outside imposes, on nothing of the pair's
    slug = "_".join(match_key(w) for w in _WORD.findall(text)[:6])
    return [(slug, "measure", _words(text), imposers)]


def _sanctions(pc: PassageCtx, dc: DocCtx, cc: dict, events: list) -> list[ConstraintRecord]:
    """Sanctions, embargoes and bans on Iran or Russia limit the field they bear on."""
    out = []
    for e in events:
        if e.type != "sanction" or e.certainty in (Certainty.DENIED, Certainty.EXPECTED):
            continue  # sanctions said not to exist, or only possible, limit nothing yet
        targets = {dc.state_of(r.actor) for r in e.roles if r.role == "target"}
        if not targets & set(PAIR):
            continue
        imposers = sorted({r.actor for r in e.roles if r.role == "imposer"})
        topic = _sanction_field(pc, cc, e)
        if topic is None:
            continue  # "Western sanctions on Russia" names no field: what they limit is not stated
        names = _listed([dc.name_of(i) for i in imposers])
        tnames = " and ".join(dc.name_of(t) for t in sorted(targets & set(PAIR)))
        desc = f"{names} sanctions on {tnames}" if names else f"sanctions on {tnames}"
        slug = f"sanctions_{'+'.join(imposers) or 'unspecified'}_on_{'+'.join(sorted(targets & set(PAIR)))}"
        cert = Certainty(e.certainty)
        out.append(_record(pc, dc, topic, slug, "sanctions", desc, imposers, None, cert, "sanction", e.date))
    return out


def _sanction_field(pc: PassageCtx, cc: dict, e) -> str | None:
    """The field a sanction bears on, from its own words ("sanctions on Iranian banks", "an arms embargo", "oil sanctions")."""
    trig = next((ev.claims.get("trigger") for ev in e.evidence if ev.passage == pc.p.idx), None)
    at = pc.p.text.find(trig) if trig else -1
    if at < 0:
        return None
    from irkg.loaders.parse.clauses import predicate_at

    v = pc.view_at(at)
    tok = pc.head_token(v, at, at + len(trig)) if v is not None else None
    pred = predicate_at(v, tok) if tok is not None else None
    if pred is None:
        return None
    fields = []
    for a in pred.args:
        if a.rel in ("obj", "pp", "adj", "gen"):
            got = _topics_in(pc, cc, *_span_text(pc, v, a.node))
            why = a.rel == "pp" and (a.marker in cc["sanction_reasons"] or _is_reason(v, cc, a))
            # the programme they answer counts only when named as their reason ("over its nuclear programme")
            fields += [f for f in got if f != "nuclear_programme" or why]
    g = next((g for g in pred.governors[:1] if g.verbal and g.how == "obj"), None)
    if g is not None and v.sent.pre[g.tok] is not None:
        # "have taken measures against Iran for transferring missiles to Russia": the reason hangs on the verb
        for a in predicate_at(v, g.tok).args:
            if a.rel == "pp" and (a.marker in cc["sanction_reasons"] or _is_reason(v, cc, a)) and not (a.node.i <= pred.head < a.node.j):
                fields += _topics_in(pc, cc, *_span_text(pc, v, a.node))
    lo, hi = v.sent.tokens[pred.head][0], v.sent.tokens[pred.head][1]
    fields += [f for f in _topics_in(pc, cc, max(0, lo - 12), hi + 1) if f != "nuclear_programme"]  # "arms embargo"
    end = max([v.sent.tokens[a.node.j - 1][1] for a in pred.args if a.node.i > pred.head] + [hi])
    listed = cc["including"].match(pc.p.text, end)
    if listed:  # "new sanctions on Iran, including a ban on its arms exports": what they consist of
        fields += _topics_in(pc, cc, listed.end(), _clause_end(pc, v, listed.end()))
    # a field named only elsewhere in the sentence is not what they limit: "after the new US sanctions, the two
    # agreed to expand military cooperation" names sanctions and arms, and no limit of one on the other.
    # The programme they answer ("sanctions over its nuclear programme") is what they bear on when nothing
    # narrower is named: no field of cooperation with it goes on as before.
    narrower = [f for f in fields if f != "nuclear_programme"]
    return narrower[0] if narrower else None


def _opposition(pc: PassageCtx, dc: DocCtx, cc: dict) -> list[ConstraintRecord]:
    """A third party opposing or pressing against the pair's cooperation ("US opposition to the deal",
    "Washington pressed Moscow to halt the sale")."""
    out = []
    for h in cc["opposition"].find(pc.key):
        v, pred = pc.predicate_of(h.start, h.end)
        if pred is None or pred.conditional:
            continue
        from irkg.loaders.parse.clauses import predicate_at

        args = list(pred.args)
        if pred.governors and not pred.governors[0].verbal and v.sent.pre[pred.governors[0].tok] is not None:
            # «سياسة الضغط القصوى من طرف الولايات المتحدة»: who presses is named on the noun the pressure qualifies
            args += [a for a in predicate_at(v, pred.governors[0].tok).args if a.rel == "pp"]
        content = [_span_text(pc, v, a.node) for a in pred.args if a.rel in ("obj", "pp", "gen")]
        copula = next((g for g in pred.governors[:1] if g.verbal and word_class(syntax_words()["copulas"], g.word)), None)
        if copula is not None and not pred.args and v.sent.pre[copula.tok] is not None:
            # "the West and the US are absolutely against the corridor": the copula's subject opposes what follows
            args = [a for a in predicate_at(v, copula.tok).args if a.rel == "subj"]
            x = pc.kt.to_text(h.start, h.end)[1]
            content = [(x, _clause_end(pc, v, x))]
        who_args = [a for a in args if a.rel in ("subj", "poss", "adj", "gen")
                    or (a.rel == "pp" and a.marker.split(" ")[0] in ("من", "from", "by"))]
        who = [m for a in who_args for m in pc.mentions_in(v, a.node, pc.actors)]
        third = sorted({dc.state_of(m.ref) for m in who} - set(PAIR)) or _leading_groups(pc, v, who_args)
        if not third:
            continue
        topics, opposed = [], set()
        cert = sourced(predicate_certainty(v, pred), pc.p.text, v.sent.start, v.sent.end)
        for a, b in content:
            topics += _topics_in(pc, cc, a, b)
            opposed |= {dc.state_of(m.ref) for m in pc.actors if a <= m.start < b}
        if not topics and cc["pressure"].find(h.cue):
            # "US pressure to take a tougher line on Tehran over its nuclear programme": what pressure is for follows
            # it to the end of its clause (not a relative clause on who presses: «معارضة واشنطن التي رأت ...»)
            x = pc.kt.to_text(h.start, h.end)[1]
            y = _clause_end(pc, v, x)
            rel = _REL_WORD.search(pc.p.text, x, y)
            topics = _topics_in(pc, cc, x, rel.start() if rel else y)
        if h.cat == "fear" and cert == Certainty.EXPECTED:
            continue  # «قد تثير مخاوف الغربيين», "could raise fears": no fear limits anything yet
        got = _meets(pc, dc, cc, v, pred)
        if got is not None and got[2] != Certainty.ASSERTED:
            cert = got[2]  # "Iran accused Russia of caving in to US pressure": as sure as the yielding
        if not (opposed & set(PAIR)) and got is not None:
            # "الاتفاق الذي يلقى معارضة من واشنطن", "Tehran faces maximum pressure from the US": what meets the
            # opposition is the subject of the verb it is the object of
            opposed, topics = got[0], topics or got[1]
        if not topics or not (opposed & set(PAIR)):
            continue  # the opposition must bear on what Iran or Russia do together, named in what is opposed
        names = _listed([dc.name_of(t) for t in third])
        desc = f"fears in {names}" if h.cat == "fear" else \
            f"{'pressure' if cc['pressure'].find(h.cue) else 'opposition'} from {names}"
        slug = f"{'fears' if h.cat == 'fear' else 'opposition'}_{'+'.join(third)}"
        out.append(_record(pc, dc, topics[0], slug, "pressure", desc, third, None, cert, "opposition"))
    return out


def _leading_groups(pc: PassageCtx, v, args) -> list[str]:
    """Groups of states named at the head of an argument ("مخاوف الغربيين الذين ...", "Western fears")."""
    fc = friction_cues()
    out = []
    for a in args:
        x, y = _span_text(pc, v, a.node)
        for h in fc["group_words"].find(pc.key, pc.kt.to_key(x), pc.kt.to_key(y)):
            if pc.kt.to_text(h.start, h.end)[0] - x <= 2 and h.cat not in out:
                out.append(h.cat)
    return out


def _clause_end(pc: PassageCtx, v, x: int) -> int:
    """Where the clause that goes on at x ends: the next «؛», ";" or "." of its sentence, or the sentence's end."""
    stop = _CLAUSE_END.search(pc.p.text, x, v.sent.tokens[-1][1])
    return stop.start() if stop else v.sent.tokens[-1][1]


def _listed(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"; beyond four, "A, B, C and 2 others" (never a list cut without saying so)."""
    if len(names) > 4:
        names = names[:3] + [f"{len(names) - 3} others"]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _meets(pc: PassageCtx, dc: DocCtx, cc: dict, v, pred):
    """For an opposition noun that is the object of a verb of meeting or facing ("يلقى معارضة", "تتعرض لضغوط",
    "faces pressure"): the states its subject names (or, for an agreement of a text about the pair, the pair) and
    the fields its subject or sentence names; None otherwise."""
    from irkg.loaders.parse.clauses import predicate_at, syntax_words, word_class

    g = next((g for g in pred.governors[:2] if g.verbal), None)
    if g is None or g.how not in ("obj", "pp") or not word_class(syntax_words()["facing_verbs"], g.word):
        return None
    gov = predicate_at(v, g.tok)
    subj = next((a for a in gov.args if a.rel in ("subj", "by")), None)
    s0, s1 = v.sent.tokens[0][0], v.sent.tokens[-1][1]
    span = _span_text(pc, v, subj.node) if subj is not None else None
    if span is None or match_key(pc.p.text[span[0]:span[1]]) in cc["anaphors"]:
        # «..., وهو ما قوبل بمعارضة واشنطن», ", which met US opposition": what meets it is the clause before
        span = (s0, v.sent.tokens[g.tok][0])
        if span[1] - span[0] < 3:
            return None
        states = {dc.state_of(m.ref) for m in pc.actors if span[0] <= m.start < span[1]}
    else:
        states = {dc.state_of(m.ref) for m in pc.mentions_in(v, subj.node, pc.actors, nested_ok=True)}
    if not states & set(PAIR) and dc.pair_doc and agreement_word(pc, *span):
        states |= set(PAIR)  # "the bilateral agreement that meets opposition": the pair's own deal
    topics = _topics_in(pc, cc, *span) or _topics_in(pc, cc, s0, s1)
    return states, [t for t in topics if t != "nuclear_programme"], predicate_certainty(v, gov)


def agreement_word(pc: PassageCtx, a: int, b: int) -> bool:
    """Tell whether a span names an agreement or deal ("الاتفاق الثنائي", "the deal")."""
    from irkg.loaders.extract_agreements import agreement_cues

    cues = agreement_cues()
    return any(lex.find(pc.key, pc.kt.to_key(a), pc.kt.to_key(b)) for lex in (cues["kinds"],))


def _record(pc, dc, topic, slug, kind, desc, actors, who, cert, cue, date=None) -> ConstraintRecord:
    whose = f"{dc.name_of(who)}'s " if who else ""
    return ConstraintRecord(
        id=f"constraint:{topic}:{slug}{':' + who if who else ''}",
        label=f"{desc} limits {whose}{topic.replace('_', ' ')}",
        factor=desc, factor_kind=kind, constrains=topic, actors=sorted({*actors, *([who] if who else [])}),
        summary=_words(pc.p.text, 200), certainty=cert,
        evidence=[pc.evidence(cert, {"cue": cue, "factor": slug, "date": date})],
    )


def extract_constraints(pcs: list[PassageCtx], dc: DocCtx, out: list) -> None:
    """Append constraint records: one per (constrained topic, factor) a passage states as a relation."""
    cc = constraint_cues()
    events_by_passage: dict[int, list] = {}
    for r in out:
        if r.kind == "event":
            for ev in r.evidence:
                events_by_passage.setdefault(ev.passage, []).append(r)
    for n, pc in enumerate(pcs):
        events = events_by_passage.get(pc.p.idx, [])
        known = {"events": _event_heads(pc, events), "next_reason": _next_reason(pcs, n, dc, cc)}
        recs = _limits(pc, dc, cc, known) + _sanctions(pc, dc, cc, events) + _opposition(pc, dc, cc)
        # a ban that is also a sanction event («تواجهان حظرا اقتصاديا») is said once, by the sanctions' constraint
        sanctioned = {r.constrains for r in recs if r.factor_kind == "sanctions"}
        seen = set()
        for r in recs:
            if r.factor_kind == "measure" and r.constrains in sanctioned:
                continue
            if r.id not in seen:
                seen.add(r.id)
                out.append(r)


def _next_reason(pcs: list[PassageCtx], n: int, dc: DocCtx, cc: dict):
    """The factors of the next sentence when it opens with a causal connective ("فروسيا تحرص على علاقاتها مع
    السعودية", "For Russia keeps close ties with ..."): one side's ties with the other's adversaries."""
    if n + 1 >= len(pcs):
        return None
    nxt = pcs[n + 1]
    s = nxt.parsed.sentences[0] if nxt.parsed is not None and nxt.parsed.sentences else None
    first = match_key(nxt.p.text[s.tokens[0][0]:s.tokens[0][1]]) if s is not None else ""
    glued = first.startswith("ف") and any(m.start <= s.tokens[0][0] + 1 < m.end for m in nxt.actors)  # "فروسيا"
    if not (cc["causal"].find(first) or glued):
        return None
    fc = friction_cues()
    out = []
    for h in fc["ties"].find(nxt.key):
        from irkg.loaders.extract_frictions import _ties_against

        third = _ties_against(nxt, fc, h)
        if third:
            groups: dict[str, list[str]] = {}
            for t in third:
                groups.setdefault(fc["group_of"].get(t, t), []).append(t)
            out += [(f"relations_{g}", "relationship", f"relations with {dc.name_of(g)}", m) for g, m in groups.items()]
    return out or None


def _event_heads(pc: PassageCtx, events: list) -> list[dict]:
    """The head token of each event's trigger in this passage, to tell which event a limiting word governs."""
    out = []
    for e in events:
        trig = next((ev.claims.get("trigger") for ev in e.evidence if ev.passage == pc.p.idx), None)
        if not trig:
            continue
        at = pc.p.text.find(trig)
        v = pc.view_at(at) if at >= 0 else None
        if v is None:
            continue
        out.append({"type": e.type, "tok": pc.head_token(v, at, at + len(trig))})
    return out
