"""Find frictions between Iran and Russia: rivalry, disputes, distrust, clashing ties with third parties."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty, sourced
from irkg.loaders.extract import IRAN, PAIR, RUSSIA, DocCtx, PassageCtx, date_value
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.loaders.modality import predicate_certainty
from irkg.loaders.parse.clauses import names_a_claim, predicate_at, syntax_words, word_class
from irkg.schema.graph import Certainty, FrictionRecord



@lru_cache(maxsize=1)
def friction_cues() -> dict:
    """Load and compile cues_frictions.yaml (shared with constraints)."""
    data = read_yaml("cues_frictions.yaml")
    groups = data.get("groups") or {}
    return {
        "data": data,
        "friction": lexicon_of(data["friction"]),
        "ties": lexicon_of({"ties": data.get("ties", [])}),
        "pair": lexicon_of({"pair": data.get("pair", [])}),
        "pair_nouns": lexicon_of({"pair": data.get("pair_nouns", [])}),
        "outsiders": lexicon_of({"out": data.get("outsiders", [])}),
        "historical": lexicon_of({"h": data.get("historical", [])}),
        "topics": lexicon_of(data.get("topics", {})),
        "adversaries": set(data.get("adversaries", [])),
        "group_of": {i: g for g, v in groups.items() for i in v.get("ids", [])},
        "group_words": lexicon_of({g: v.get("words", []) for g, v in groups.items()}),
        "predecessors": data.get("predecessors") or {},
        "outsider_words": {match_key(w).removesuffix("=") for w in data.get("outsiders", [])},
        "noun_only": {match_key(w).removesuffix("=") for w in data.get("noun_only", [])},
    }


def pair_in_view(pc: PassageCtx, cues: dict, pair_doc: bool = False) -> bool:
    """Tell whether a passage speaks of Iran and Russia together ("the two countries" does in a text about them)."""
    s = {cues["predecessors"].get(x, x) for x in pc.states}
    both = IRAN in s and RUSSIA in s
    one = IRAN in s or RUSSIA in s
    dual = bool(cues["pair"].find(pc.key))
    named = pair_doc and bool(cues["pair_nouns"].find(pc.key))
    return both or (one and dual) or named or ("بين البلدين" in pc.key or "بين الدولتين" in pc.key)


def is_pair_doc(pcs: list[PassageCtx]) -> bool:
    """Tell whether a document is about Iran and Russia (each named in three passages or more)."""
    seen = [s for pc in pcs for s in pc.states]
    return seen.count(IRAN) >= 3 and seen.count(RUSSIA) >= 3


def third_parties(pc: PassageCtx, cues: dict, ts: int = 0, te: int = 10**9) -> list[str]:
    """Return third-party actor ids (not Iran or Russia), with group ids for group words."""
    out = []
    for m in pc.actors_between(ts, te):
        r = pc.dc.state_of(m.ref)
        if r not in PAIR and r not in cues["predecessors"] and r not in out:
            out.append(r)
    ks, ke = pc.kt.to_key(ts), pc.kt.to_key(min(te, len(pc.p.text)))
    for h in cues["group_words"].find(pc.key, ks, ke):
        if h.cat not in out and not any(cues["group_of"].get(r) == h.cat for r in out):
            out.append(h.cat)
    return out


_WORD = re.compile(r"\w+")
_PAIR_REACH = 100  # display characters around a cue within which both sides must be named
_LOOSE = {"tension", "clash", "rivalry", "dispute", "divergence", "distrust", "grievance"}


def both_sides_near(pc: PassageCtx, cues: dict, ks: int, ke: int) -> bool:
    """Tell whether Iran and Russia (or "the two countries") are named close to a cue."""
    ts, te = pc.span_of(ks, ke)
    near = {cues["predecessors"].get(x, x) for x in
            (pc.dc.state_of(m.ref) for m in pc.actors_between(ts - _PAIR_REACH, te + _PAIR_REACH))}
    if IRAN in near and RUSSIA in near:
        return True
    a, b = pc.kt.to_key(max(0, ts - _PAIR_REACH)), pc.kt.to_key(te + _PAIR_REACH)
    return bool(cues["pair"].find(pc.key, a, b))


def with_outsider(pc: PassageCtx, cues: dict, kend: int, family: str = "") -> bool:
    """Tell whether a cue is about the pair's friction with someone else ("مخاوف الغرب", "التوتر مع واشنطن")."""
    if family in ("expense", "against_iran", "leverage"):
        return False
    nxt = _WORD.findall(pc.key[kend:kend + 70])[:6]
    return any(w.endswith(o) for w in nxt for o in cues["outsider_words"])


def topic_of(pc: PassageCtx, cues: dict, ks: int) -> str | None:
    """Return the topic named nearest to a key offset (own cue words first, then recognition)."""
    hits = cues["topics"].find(pc.key)
    if hits:
        return min(hits, key=lambda h: abs(h.start - ks)).cat
    return pc.topics[0].ref if pc.topics else None


def is_historical(pc: PassageCtx, cues: dict, family: str) -> bool:
    if family in ("occupation", "war"):
        return True
    if cues["historical"].find(pc.key):
        return True
    return any((date_value(d) or "9999")[:4] < "2000" for d in pc.dates)


def extract_frictions(pcs: list[PassageCtx], dc: DocCtx, out: list) -> None:
    """Append the friction records every passage states to `out`."""
    cues = friction_cues()
    for pc in pcs:
        hits, tps = [], []
        for h in cues["friction"].find(pc.key):
            if _settled(pc, h):
                continue  # "Iran and Russia settled their disputes over Bushehr": the friction ended
            if h.cat in ("refusal", "protest") and _rejects_reports(pc, h):
                continue  # «رفض التقارير الغربية عن خطة», "dismissed reports that": a denial of reports, no dispute
            got = _sides(pc, cues, h)
            if got is not None:
                hits.append(h)
                tps.extend(got)
        ties: list = []
        hostile = _iran_against(pc, cues) and not _ties_with_iran(pc, cues)
        if hostile:
            # "تقيم روسيا علاقات جيدة مع إسرائيل، في حين تناصبها إيران العداء": Russia's ties with a state Iran
            # opposes in the same sentence are a point of friction; ties alone are not
            for h in cues["ties"].find(pc.key):
                got = _ties_against(pc, cues, h)
                if got:
                    ties.append(h)
                    tps.extend(got)
        if not hits and not ties:
            continue
        first = (hits or ties)[0]
        family = first.cat if hits else "ties"
        tp = sorted(set(tps))
        topic = topic_of(pc, cues, first.start)
        hist = is_historical(pc, cues, family)
        cert = _cue_certainty(pc, first)
        fid = f"friction:{topic or 'general'}:{'+'.join(tp) or 'none'}{':historical' if hist else ''}"
        if topic is None and not tp:
            # nothing tells one such friction from another: it is this passage's own, never merged with another's
            fid += ":" + hashlib.sha1(pc.key.encode()).hexdigest()[:8]
        names = ", ".join(dc.name_of(t) for t in tp[:3])
        label = f"Iran–Russia friction over {topic or 'the relationship'}{' (' + names + ')' if names else ''}{' [historical]' if hist else ''}"
        out.append(FrictionRecord(
            id=fid, label=label, parties=list(PAIR), third_parties=tp, topic=topic, historical=hist,
            summary=f"{family}: {pc.p.text[:160]}", certainty=cert,
            evidence=[pc.evidence(cert, {"cue": family, "topic": topic})],
        ))


def _rejects_reports(pc: PassageCtx, h) -> bool:
    """A rejection whose object is reports or claims («رفض الوزير التقارير الغربية», "dismissed reports that"):
    read off the tree (the object's first word), else the words right after the cue."""
    v, pred = pc.predicate_of(h.start, h.end)
    if pred is None:
        return any(names_a_claim(w) for w in pc.key[h.end:].split()[:2])
    return any(names_a_claim(v.word(a.node.i)) for a in pred.args_of("obj"))


def _settled(pc: PassageCtx, h) -> bool:
    """A friction word that is what a settling word settled, as a done thing («تمكن الجانبان من تسوية الخلافات»,
    "settled their disputes"); not when settling is sought, failed or denied ("failed to resolve the dispute")."""
    v, pred = pc.predicate_of(h.start, h.end)
    if pred is None or not pred.governors:
        return False
    words = syntax_words()
    g = pred.governors[0]
    if not word_class(words["settle_words"], g.word) or g.negated:
        return False
    gp = predicate_at(v, g.tok)
    if gp is None or predicate_certainty(v, gp) != Certainty.ASSERTED:
        return False
    return not any(word_class(words["failure_words"], x.word) or x.negated for x in gp.governors[:2])


def _cue_certainty(pc: PassageCtx, h) -> Certainty:
    """How the clause of a friction cue puts it, read off the tree ("Iran denied falling behind in payments and
    accused Russia of ...": the denial is of the payments, the accusation stands); by its words without a tree."""
    v, pred = pc.predicate_of(h.start, h.end)
    near = assess_certainty(pc.key, h.start, h.end)
    if pred is None:
        return near
    cert = predicate_certainty(v, pred)
    if cert == Certainty.ASSERTED and near in (Certainty.REPORTED, Certainty.ALLEGED):
        return near  # "وبحسب هذا التقرير، ...": a source named beside the clause, not above it
    return sourced(cert, pc.p.text, v.sent.start, v.sent.end)  # "... failed to resolve a dispute, said AFP"


def _ties_with_iran(pc: PassageCtx, cues: dict) -> bool:
    """Tell whether Russia's ties with Iran are named in the passage beside its ties with others ("strategic
    relations with Tehran alongside close links with Tel Aviv"): a balance, not ties against Iran."""
    for h in cues["ties"].find(pc.key):
        v, pred = pc.predicate_of(h.start, h.end)
        if pred is None:
            continue
        partners = set().union(*_arg_states(pc, cues, v, pred, {"pp"}).values() or [set()])
        if IRAN in partners:
            return True
    return False


def _arg_states(pc: PassageCtx, cues: dict, v, pred, rels=None) -> dict[str, set[str]]:
    """States (predecessors folded in) standing in a predicate's argument positions, by position."""
    out: dict[str, set[str]] = {}
    args = list(pred.args)
    if pred.light is not None:
        args += [a for a in pred.light.args if a.rel in ("subj", "obj")]
    for a in args:
        if rels is not None and a.rel not in rels:
            continue
        key = a.rel if a.rel != "pp" else f"pp:{a.marker.split(' ')[0]}"
        found = pc.mentions_in(v, a.node, pc.actors)
        if not found and a.rel == "subj":
            # "المتحدث باسم وزارة الخارجية الإيرانية حذر موسكو": who the subject speaks for is the side that acts
            found = pc.mentions_in(v, a.node, pc.actors, nested_ok=True)[:1]
        for m in found:
            st = pc.dc.state_of(m.ref)
            out.setdefault(key, set()).add(cues["predecessors"].get(st, st))
    return out


_OTHER_SIDE = {"subj", "obj", "pp:مع", "pp:with", "pp:ضد", "pp:against", "pp:على", "pp:on"}


def _sides(pc: PassageCtx, cues: dict, h) -> list[str] | None:
    """Return the third parties of a friction cue whose own phrase or clause names both Iran and Russia
    ("الخلافات بين البلدين", "Iran accused Russia", "تنافس روسيا وإيران"), else None: a friction word beside
    the pair, or in a concession ("despite their differences"), is no friction between them."""
    v, pred = pc.predicate_of(h.start, h.end)
    if pred is None or pred.concessive or pred.conditional:
        return None
    states = _arg_states(pc, cues, v, pred)
    if pred.verbal and match_key(v.word(pred.head)) in cues["noun_only"] \
            and len({IRAN, RUSSIA} & states.get("subj", set())) == 1:
        # «بلاده تعارض فرض حظر على إيران»: one side "opposes" a measure against the other (support), unlike
        # «تعارض مصالح روسيا وإيران», where the pair's interests conflict
        return None
    if not states and h.cat in _NOUN_DISPUTES and not pred.verbal:
        states = _disputants(pc, cues, v, pred)
    found = set().union(*states.values()) if states else set()
    if not {IRAN, RUSSIA} <= found:
        return None
    for key, sts in states.items():
        if {IRAN, RUSSIA} <= sts:
            # the other side stands with the pair, or as the verb's object or counterpart ("ترفض موسكو وطهران
            # توسع الناتو"); a state after "لـ"/"over" is what they differ about ("رؤيتهما لمستقبل سوريا")
            opposite = set(sts).union(*(x for k, x in states.items() if k in _OTHER_SIDE and k != key))
            third = {s for s in opposite - set(PAIR) if pc.dc.actor_type(s) in ("state", "bloc", "organization")}
            third |= {s for s in sts - set(PAIR) if not pc.dc.actor_type(s)}  # groups such as "the West"
            if third or (key.startswith("pp:") and _group_in(pc, cues, v, pred, key)):
                # "ترفض موسكو وطهران توسع الناتو", "التوترات بين الدولتين والغرب": the two on one side, someone else on the other
                return None
    if h.cat == "against_iran" and RUSSIA not in set().union(*(states.get(k, set()) for k in ("subj", "adj", "poss"))):
        return None  # "US sanctions on Iran over its missiles for Moscow": the measure against Iran is not Russia's
    if h.cat in ("protest", "refusal"):
        # "Iran accused Russia", "رفضت روسيا طلب إيران": the two sides stand on both sides of the verb
        subj = states.get("subj", set())
        rest = set().union(*(sts for k, sts in states.items() if k != "subj")) if len(states) > 1 else set()
        if pred.verbal and word_class(syntax_words()["warning_words"], v.word(pred.head)):
            # «حذرت روسيا إيران من ...»: the warned side is the verb's object; «حذرت روسيا من تزايد الخطر على محطة
            # بوشهر الإيرانية» warns of a danger to Iran, no dispute with it
            rest = states.get("obj", set())
        if not ((IRAN in subj and RUSSIA in rest) or (RUSSIA in subj and IRAN in rest)):
            return None
    return sorted(s for s in found if s not in PAIR and pc.dc.actor_type(s) == "state")


_NOUN_DISPUTES = {"dispute", "divergence", "tension", "distrust"}


def _disputants(pc: PassageCtx, cues: dict, v, pred) -> dict[str, set[str]]:
    """For a dispute noun that names no side, the subject of the verb whose object it is ("Putin and Khatami failed
    to resolve a long-standing dispute", «بحث الرئيسان الخلافات»): the two who have it, when that verb's subject
    names both."""
    g = next((g for g in pred.governors[:3] if g.verbal), None)
    if g is None or g.how != "obj" or v.sent.pre[g.tok] is None:
        return {}
    gov = predicate_at(v, g.tok)
    subj = _arg_states(pc, cues, v, gov, {"subj"})
    if gov.args_of("subj") == [] and gov.governors:
        # "failed to resolve": the subject of the verb above the infinitive
        up = next((x for x in gov.governors[:2] if x.verbal and x.how == "xcomp"), None)
        if up is not None and v.sent.pre[up.tok] is not None:
            subj = _arg_states(pc, cues, v, predicate_at(v, up.tok), {"subj"})
    return subj if {IRAN, RUSSIA} <= subj.get("subj", set()) else {}


_HOSTILE = {"clash", "grievance", "tension", "dispute", "rivalry", "protest", "against_iran"}


def _iran_against(pc: PassageCtx, cues: dict) -> bool:
    """Tell whether the passage has Iran in an argument of a hostility or clash word ("إيران تناصبها العداء",
    "تتصادم المصالح الإيرانية مع المصالح الخليجية")."""
    for h in cues["friction"].find(pc.key):
        if h.cat not in _HOSTILE:
            continue
        v, pred = pc.predicate_of(h.start, h.end)
        if pred is None or pred.concessive or pred.purpose:
            continue  # "to reduce the tension between Iran and Israel": an aim, no hostility stated
        states = _arg_states(pc, cues, v, pred)
        if IRAN in set().union(*states.values() or [set()]):
            return True
    return False


def _group_in(pc: PassageCtx, cues: dict, v, pred, key: str) -> bool:
    """Tell whether a group word ("الغرب", "the West", "دول الخليج") stands in the argument `key` of a predicate."""
    for a in pred.args:
        if a.rel == "pp" and f"pp:{a.marker.split(' ')[0]}" == key:
            lo, hi = v.sent.tokens[a.node.i][0], v.sent.tokens[a.node.j - 1][1]
            if cues["group_words"].find(pc.key, pc.kt.to_key(lo), pc.kt.to_key(hi)):
                return True
    return False


def _ties_against(pc: PassageCtx, cues: dict, h) -> list[str] | None:
    """"علاقات موسكو الوثيقة مع إسرائيل", "Russia's close ties with Israel": one side's ties with the other's
    adversary, the owner in the phrase (its genitive, possessive, adjective or subject) and the partner after with/مع."""
    v, pred = pc.predicate_of(h.start, h.end)
    if pred is None or pred.concessive:
        return None
    owners = set().union(*_arg_states(pc, cues, v, pred, {"gen", "poss", "adj", "subj"}).values() or [set()])
    if not owners:
        # "روسيا تحرص على الحفاظ على علاقات وثيقة مع ...": the one who keeps the ties is the subject above
        for g in pred.governors[:3]:
            if g.verbal and v.sent.pre[g.tok] is not None:
                gov = predicate_at(v, g.tok)
                owners |= set().union(*_arg_states(pc, cues, v, gov, {"subj"}).values() or [set()])
                if owners:
                    break
    partners = set()
    for key, sts in _arg_states(pc, cues, v, pred, {"pp"}).items():
        if key in ("pp:مع", "pp:with"):
            partners |= sts
    advers = {t for t in partners if t in cues["adversaries"] or cues["group_of"].get(t) == "gulf_states"}
    if RUSSIA in owners and advers:
        return sorted(advers)
    return None


def other_subject(pc: PassageCtx, cues: dict, ts: int, reach: int = 120) -> str | None:
    """Return the third state that stands as subject before display offset `ts` ("الصين تتردد ... علاقاتها"), if any."""
    before = [pc.dc.state_of(m.ref) for m in pc.actors_between(max(0, ts - reach), ts)]
    before = [cues["predecessors"].get(s, s) for s in before]
    if not before or RUSSIA in before:
        return None
    first = before[0]
    return first if first not in PAIR and first not in cues["adversaries"] and first not in cues["group_of"] else None


def _other_owner(pc: PassageCtx, cues: dict, ts: int) -> bool:
    """Tell whether the ties named at `ts` belong to a third state, not to Russia or Iran."""
    return other_subject(pc, cues, ts) is not None


def _russia_acts(pc: PassageCtx, cues: dict, ks: int) -> bool:
    """Tell whether Russia (or its predecessor) stands before a measure against Iran, as the one who takes it."""
    ts, _ = pc.span_of(ks, ks + 1)
    return any(cues["predecessors"].get(pc.dc.state_of(m.ref), pc.dc.state_of(m.ref)) == RUSSIA
               for m in pc.actors_between(max(0, ts - 160), ts))


def _iran_words(pc: PassageCtx) -> set[str]:
    return {IRAN} if ("ايران" in pc.key or "طهران" in pc.key or "iran" in pc.key or "tehran" in pc.key) else set()
