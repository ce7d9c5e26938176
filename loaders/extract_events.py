"""Find events: a trigger word (cues_events.yaml), its clause on the parse tree, and a frame (frames.yaml).

The trigger's own clause gives the participants and their roles, the place, the date and the
items; the clauses that govern it give its certainty (irkg.loaders.modality). An actor that
stands elsewhere in the sentence stays a mention of the passage. Without a tree for its
sentence (a sentence longer than the parser's limit) a trigger yields no event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import certainty_lexicons, quoted_report, sourced
from irkg.loaders.dates import BASELINE_PHRASE, SINCE_PHRASE, calendar
from irkg.loaders.extract import DocCtx, PassageCtx, date_value
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.loaders.frames import event_frames, fill_frame
from irkg.loaders.modality import predicate_certainty, setting_of
from irkg.loaders.parse.clauses import (
    Predicate, SentenceView, context_spans, first_conjunct, maximal_np, names_a_claim, own_spans, predicate_at, syntax_words,
    trailing_adjuncts, word_class,
)
from irkg.schema.graph import Certainty, EventRecord, Participant

_SUPERSEDE_GAP = 40  # key characters between two triggers for one to absorb the other
_LIMITING = {"limit", "obstruct", "slow", "freeze"}  # "يحد من تزويد": a limit on deliveries, no delivery
_OBJECT_TOPICS = {"arms", "military_cooperation", "nuclear_energy", "space"}
_AGREEMENT_EVENTS = ("signing", "ratification", "entry_into_force")
_SUBJECT_REACH = 60  # characters from a sentence's start within which its subject is named


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
        "payments": lexicon_of({"p": data.get("payment_nouns", [])}),
        "framing": lexicon_of({"f": data.get("framing", [])}),
        "provision": lexicon_of({"p": data.get("provision", [])}),
        "provision_near": lexicon_of({"p": data.get("provision_near", [])}),
        "accords": lexicon_of({"a": data.get("accords", [])}),
        "provision_signing": lexicon_of({"p": data.get("provision_signing", [])}),
        "levels": lexicon_of({"lvl": data.get("levels", [])}),
        "relational": lexicon_of({"rel": data.get("relational_nouns", [])}),
        "arms": lexicon_of({"arms": data.get("arms_words", [])}),
    }


def _triggers(pc: PassageCtx, cues) -> list:
    """Return the trigger hits of a passage, with their group (visit_direct, acquire ...) kept in `cue`."""
    kept = [h for h in cues["types"].find(pc.key)]
    out = []
    last_end: dict[str, int] = {}
    last_hit: dict[str, object] = {}
    for h in kept:
        cat = cues["alias_of"].get(h.cat, h.cat)
        if h.start - last_end.get(cat, -100) <= 12 and _one_phrase(pc, last_hit[cat], h):
            last_end[cat] = h.end
            continue  # "الاشتباكات والمواجهات", "summit talks": one event named twice
        last_end[cat], last_hit[cat] = h.end, h
        beaten = any(
            o is not h and cat in cues["supersedes"].get(cues["alias_of"].get(o.cat, o.cat), [])
            and abs(o.start - h.start) <= _SUPERSEDE_GAP for o in kept
        )
        framed = bool(cues["framing"].find(pc.key, max(0, h.start - 9), h.start))
        if not beaten and not framed:
            out.append(h)
    return out


def _one_phrase(pc: PassageCtx, a, b) -> bool:
    """Tell whether two close trigger words stand in one noun phrase ("الاشتباكات والمواجهات", "summit talks"), not
    in two phrases of a clause («أجرى على هامش القمة محادثات»: talks held at a summit are an event of their own)."""
    sa, sb = pc.span_of(a.start, a.end), pc.span_of(b.start, b.end)
    v = pc.view_at(sb[0])
    if v is None or v is not pc.view_at(sa[0]):
        return True
    ta, tb = pc.head_token(v, *sa), pc.head_token(v, *sb)
    if ta is None or tb is None or v.sent.pre[tb] is None:
        return True
    np = maximal_np(v.sent.pre[tb])
    return np.cat != "NP" or np.i <= ta < np.j


def _in_own(m, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start < b for a, b in spans)


def _clause_hedge(pc: PassageCtx, key_spans) -> Certainty | None:
    """An adverbial hedge inside the clause itself ("reportedly", "بحسب تقارير", "حسبما يُزعم")."""
    hedges, _ = certainty_lexicons()
    for a, b in key_spans:
        for h in hedges.find(pc.key, a, b):
            if h.cat in ("alleged", "reported"):
                return Certainty(h.cat)
    return None


def _trigger_heads(pc: PassageCtx, hits) -> dict[int, set[int]]:
    """Return, per parsed sentence, the head tokens of the passage's triggers."""
    out: dict[int, set[int]] = {}
    for h in hits:
        ts, te = pc.span_of(h.start, h.end)
        v = pc.view_at(ts)
        if v is None:
            continue
        tok = pc.head_token(v, ts, te)
        if tok is not None:
            out.setdefault(id(v.sent), set()).add(tok)
    return out


def _needs_met(pc: PassageCtx, need, key_spans) -> bool:
    """A trigger that needs a word (a satellite to launch, إلى after a travel verb) has it in its own clause."""
    return need is None or any(need.find(pc.key, a, b) for a, b in key_spans)


def _reaches_level(pc: PassageCtx, v: SentenceView, pred: Predicate, cues) -> bool:
    """"وصل/تصل إلى" a figure or a level ("تصل إلى 8 ملايين طن") is no travel."""
    for a in pred.args_of("pp"):
        if a.marker not in ("الي", "الى", "to"):
            continue
        lo, hi = v.sent.tokens[a.node.i][0], v.sent.tokens[a.node.j - 1][1]
        dates = [(d.start, d.end) for d in pc.raw_dates]
        if any(lo <= q.start < lo + 8 and not any(a_ <= q.start < b_ for a_, b_ in dates) for q in pc.quantities):
            return True  # the figure stands right after the preposition ("إلى 8 ملايين طن"), not a date further on
        ka, kb = pc.kt.to_key(lo), pc.kt.to_key(hi)
        if pc.key[ka:kb].lstrip()[:1].isdigit() or cues["levels"].find(pc.key, ka, min(kb, ka + 12)):
            return True
    return False


def _arms(dc: DocCtx, pc: PassageCtx, items: list[str], spans, key_spans, cues) -> bool:
    """Tell whether what a clause trades is weapons (an item of type weapon/platform, or the arms topic)."""
    types = {str(getattr(getattr(dc.dicts, "items", {}).get(i), "type", "")) for i in items}
    return bool(types & {"weapon", "platform"}) or any(m.ref in ("arms", "military_cooperation") for m in pc.topics if _in_own(m, spans)) \
        or any(cues["arms"].find(pc.key, a, b) for a, b in key_spans)


_ITEM_PREPS = {"ب", "with", "of", "من", "from", "على", "الى", "to"}
_ITEM_EVENTS = {"delivery", "trade", "launch", "exercise", "strike", "attack", "signing"}


_MEANS_PREPS = frozenset({"by", "aboard", "atop", "بواسطه", "متن"})


def _items(pc: PassageCtx, v: SentenceView, pred: Predicate, dc: DocCtx, etype: str) -> list[str]:
    """Items in the predicate's own arguments (what is delivered, launched, struck), not in an adjunct
    ("sanctions ... on charges of buying oil" trade no oil)."""
    if etype not in _ITEM_EVENTS:
        return []
    nodes = [a.node for a in pred.args if a.rel in ("obj", "gen", "subj") or (a.rel == "pp" and a.marker.split(" ")[0] in _ITEM_PREPS)]
    found = set()
    # "launched by a Russian Soyuz rocket", «على متن صاروخ سويوز»: the means is no item of the event
    means = [(v.sent.tokens[a.node.i][0], v.sent.tokens[a.node.j - 1][1]) for a in pred.args
             if a.rel == "by" or (a.rel == "pp" and (a.marker.split(" ")[0] in _MEANS_PREPS or v.word(a.node.i) == "متن"))]
    for n in nodes + [pred.node]:
        # a clause inside the phrase speaks of other things ("the launchers required to deploy the Fath-360
        # missiles that Tehran provided": launchers are what was not supplied)
        holes = _clause_holes(v, n, deep=n is not pred.node) + means
        for m in pc.mentions_in(v, n, pc.items, nested_ok=True):
            if _is_object(dc, m.ref) and not any(a <= m.start < b for a, b in holes):
                found.add(m.ref)
    return sorted(found)


def _clause_holes(v: SentenceView, node, deep: bool = True) -> list[tuple[int, int]]:
    """Character spans of the clauses nested in a phrase (relative and reduced relative clauses); in a verb's own
    phrase (not `deep`) only those nested in its noun phrases, not its own verb chain."""
    out, stack = [], [(k, False) for k in node.kids]
    while stack:
        n, in_np = stack.pop()
        if n.is_pre:
            continue
        if n.cat in ("SBAR", "S", "VP", "RRC") and (deep or in_np):
            out.append((v.sent.tokens[n.i][0], v.sent.tokens[n.j - 1][1]))
        else:
            stack.extend((k, in_np or n.cat in ("NP", "PP")) for k in n.kids)
    return out


_BY_DATE = re.compile(r"(?:بحلول|قبل|حتى|by|before|until)\s+(?:\S+\s+)?$", re.I)
_POINT_EVENTS = frozenset({"visit", "meeting", "signing", "ratification", "entry_into_force"})


# «صدر بيان», «لم تصدر القيادة المركزية بيانا»: a statement issued (the subject may stand between)
_ISSUED = re.compile(r"\s?\S*صدر\S*\s+(?:\S+\s+){0,4}?(?:ال)?(?:بيان|قرار|تقرير|مرسوم|حكم|عدد|كتاب|امر|أمر|تصريح)")
_STRUCK_DEAL = re.compile(r"str(?:uck|ike|ikes|iking)\s+(?:a|an|the|another|its|their)?\s*(?:[\w-]+\s+){0,2}"
                          r"(?:deal|deals|agreement|accord|bargain|balance|chord|tone|compromise)\b", re.I)
_BLOW_TO = re.compile(r"(?:في|فى)\s+ضربة\s+(?:قوية\s+)?ل|\b(?:a|another|major|serious)\s+blow\s+to\b", re.I)
_UNDER_IT = frozenset({"بموجبه", "بموجبها", "موجب", "بمقتضاه", "بمقتضاها", "مقتضي", "whereby"})
_SEPARATE = frozenset({"separate", "separately", "منفصلة", "منفصلتين", "منفصلين", "منفصل", "منفصلتان"})
_ANY = frozenset({"any", "no", "أي", "اي", "أية", "اية", "أيّ"})


def _what_it_would_do(v: SentenceView, pred: Predicate) -> bool:
    """«توجيه ضربة عسكرية إلى إيران سيكون له آثار كارثية», "an attack on Iran would be a disaster": an event noun that
    is the subject of a future or modal "be"/"have": what it would do is talked of, it took place nowhere."""
    if v.word(pred.head).startswith("ال") or any(a.rel == "poss" for a in pred.args) or (
            pred.head > 0 and v.word(pred.head - 1).lower() in ("the", "this", "his", "her", "its", "their")):
        return False  # «زيارته الحالية إلى موسكو ستكون نقطة تحول»: a definite event, what it will mean
    n = maximal_np(pred.node)
    p = n.parent
    if p is None or p.cat != "S" or not all(k.cat in ("CC", "PUNC") for k in p.kids[:p.kids.index(n)]):
        return False
    vp = next((k for k in p.kids if k.cat == "VP" and k.i >= n.j), None)
    verbs = [d for d in vp.walk() if d.is_pre and v.is_verb(d.tok)][:3] if vp is not None else []
    if not verbs:
        return False
    gp = predicate_at(v, verbs[0].tok)
    return gp is not None and (gp.future or gp.modal) and any(v.in_words(d.tok, "would_be_verbs") for d in verbs)


def _any_of_a_kind(v: SentenceView, pred: Predicate) -> str:
    """An event noun after "any"/«أي» (or "no") names a kind of event, not one that took place: at most one to come."""
    before = [t for t in range(max(0, pred.head - 3), pred.head) if not v.sent.tokens[t][2].startswith(("JJ", "DTJJ"))]
    word = v.word(before[-1]).lower() if before else ""
    return word if word in _ANY else ""


_PARTNER = re.compile(r"(?:بالتعاون مع|بالاشتراك مع|بمساعدة|in cooperation with|jointly with|with the help of|in partnership with"
                      r"|joint (?:project|venture|effort) with|مشروع مشترك مع)\s+$", re.I)


def _partners(pc: PassageCtx, v: SentenceView, pred: Predicate, frame, have: list) -> list:
    """«أعلنت إيران إطلاق القمر الصناعي بالتعاون مع روسيا», "launched in cooperation with Russia": the partner
    plays the part the subject plays."""
    role = frame.roles.get("subj")
    if role is None or not any(p.role == role for p in have):
        return []
    lo, hi = v.sent.start, v.sent.end
    out = []
    taken = {p.actor for p in have}
    for m in pc.actors:
        if lo <= m.start < hi and m.ref not in taken and _PARTNER.search(pc.p.text[max(lo, m.start - 24):m.start]):
            out.append(Participant(actor=m.ref, role=role))
            taken.add(m.ref)
    return out


_AFTER_PHRASE = re.compile(r"(?:\bafter|\bfollowing|(?<!\w)و?بعد|(?<!\w)عقب|(?<!\w)إثر|(?<!\w)اثر)\s+[^,،.;؛()]*$", re.I)


def _since_event(pc: PassageCtx, d, trigger_starts: list[int], own: int, phrase: re.Pattern = SINCE_PHRASE) -> bool:
    """Tell whether a date closes a "since" phrase that names another event right before it ("since Russia's
    invasion in February"; with `phrase` _AFTER_PHRASE, «وبعد غزو فبراير»): the date is that event's."""
    lo = max(0, d.start - 60)
    m = phrase.search(pc.p.text[lo:d.start])
    inside = [t for t in trigger_starts if m is not None and lo + m.start() < t < d.start]
    return bool(inside) and max(inside) != own


def _new_participants(refs, have: list[Participant], role: str) -> list[Participant]:
    """Participants for actor ids not yet among `have`, each once, in order."""
    taken = {p.actor for p in have}
    out = []
    for ref in refs:
        if ref not in taken:
            taken.add(ref)
            out.append(Participant(actor=ref, role=role))
    return out


def _source_in_clause(pc: PassageCtx, v: SentenceView, pred: Predicate, frame, have: list) -> list:
    """«حصلت إيران على طائرات ياك-130 من روسيا», «اشترت ما بين 180 و240 ألف طن من القمح من روسيا»: the state a
    verb of getting or buying takes something from, named after «من»/"from" in its own clause though the parser hung
    it out of reach; only when the frame has that role and nobody fills it yet."""
    role = frame.pp.get("من") or frame.pp.get("from")
    if not pred.verbal or role is None or not have or role in {p.role for p in have}:
        return []
    markers = {m for m, r in frame.pp.items() if r == role}
    toks = v.sent.tokens
    for t in range(pred.head + 1, pred.clause.j):
        if v.is_verb(t) and not any(ch.isdigit() for ch in v.word(t)):
            return []  # another verb's clause («ياك-130» read as a verb is a name)
        if v.word(t).lower() not in markers or t + 1 >= pred.clause.j:
            continue
        m = next((m for m in pc.actors if m.start == toks[t + 1][0]), None)
        if m is not None and pc.dc.actor_type(m.ref) in ("state", "company") and "adjective" not in (m.flags or []):
            return _new_participants([m.ref], have, role)
    return []


def _undergoer(pc: PassageCtx, v: SentenceView, pred: Predicate, frame, have: list) -> list:
    """«تتعرض إيران لضربات إسرائيلية», "Iran faces Israeli strikes": the subject of a verb of facing undergoes
    the event its object names (the role of a direct object: target, victim)."""
    from irkg.loaders.frames import _actors_of

    role = frame.roles.get("obj")
    g = pred.governors[0] if pred.governors else None
    if pred.verbal or role is None or role == frame.roles.get("subj") or g is None or not g.verbal \
            or g.how not in ("obj", "pp") or (g.how == "pp" and g.marker not in ("ل", "لل", "ب", "with", "to")) \
            or not word_class(syntax_words()["facing_verbs"], g.word):
        return []  # "met ... following a meeting with Shamkhani": a setting, and a meeting has no undergoer
    gp = predicate_at(v, g.tok)
    subjects = gp.args_of("subj") if gp is not None else ()
    return _new_participants((m.ref for a in subjects for m in _actors_of(pc, v, a)), have, role)


def _payment_received(pc: PassageCtx, v: SentenceView, pred: Predicate, cues) -> bool:
    """What a verb of getting gets (its object, or «على»/"on") opens with a payment ("an advance payment")."""
    for a in pred.args:
        if a.via == "pp" or not (a.rel == "obj" or (a.rel == "pp" and a.marker in ("علي", "on"))):
            continue
        start, end = v.sent.tokens[a.node.i][0], v.sent.tokens[min(a.node.j, a.node.i + 3) - 1][1]
        if cues["payments"].find(pc.key, pc.kt.to_key(start), pc.kt.to_key(end)):
            return True
    return False


_MARGIN = re.compile(r"(?:على\s+هامش|علي\s+هامش|on\s+the\s+(?:sidelines|margins?)\s+of|at\s+the\s+sidelines\s+of)", re.I)
_FEAR_LINKS = frozenset({"من", "of", "about", "over", "a", "an", "the"})


def _feared(v: SentenceView, pred: Predicate) -> bool:
    """Tell whether an event noun is what a noun of fearing governs: its first governor, or the word before it
    across "of"/«من» (the parser often hangs «خشية من هجوم» on the verb, leaving «خشية» aside)."""
    fear = syntax_words()["fear_nouns"]
    if pred.governors and not pred.governors[0].verbal and word_class(fear, pred.governors[0].word):
        return True
    t = pred.head - 1
    while t >= 0 and t >= pred.head - 3 and v.word(t).lower() in _FEAR_LINKS:
        t -= 1
    return t >= 0 and v.in_words(t, "fear_nouns")


def subject_of_what_will_be(v: SentenceView, pred: Predicate) -> bool:
    """Tell whether an event noun is the subject of a verb still to come ("the talks will focus on Syria") or one
    someone expects («تتوقع الخارجية أن تتناول محادثات لافروف وظريف الملف السوري»): the event is to come too."""
    if pred.verbal:
        return False
    g = pred.governors[0] if pred.governors else None
    if g is not None and g.verbal and (g.how == "subj" or (g.how == "obj" and v.lang == "ar" and pred.node.i == g.tok + 1)):
        gov = predicate_at(v, g.tok)  # (the noun right after an Arabic verb is its subject, whatever the parser says)
    else:
        n = pred.node  # "(S (NP The talks between ...) (VP will focus ...))": the subject of the clause's verb phrase
        while n.parent is not None and n.parent.cat == "NP":
            n = n.parent
        p = n.parent
        if p is None or p.cat != "S" or n.cat != "NP" or next((k for k in p.kids if k.cat == "NP"), None) is not n:
            return False
        vp = next((k for k in p.kids if k.cat == "VP" and k.i >= n.j), None)
        verb = next((d for d in vp.walk() if d.is_pre and v.is_verb(d.tok) and v.sent.tokens[d.tok][2] != "MD"), None) \
            if vp is not None else None
        gov = predicate_at(v, verb.tok) if verb is not None else None
    if gov is None or gov.negated or gov.conditional:
        return False
    words = syntax_words()
    if word_class(words["copulas"], gov.word) and any(word_class(words["governors"], v.word(t)) == "expected"
                                                       for t in range(gov.head + 1, min(len(v.sent.tokens), gov.head + 3))):
        return True  # "the agreement is due to be signed", "the summit is expected to open"
    return gov.future or predicate_certainty(v, gov) == Certainty.EXPECTED


def _someone_received(pc: PassageCtx, v: SentenceView, pred: Predicate, dc: DocCtx) -> bool:
    """Tell whether a verb of receiving that also receives guests ("received", «تسلم» does not) has a person for
    its object: a reception of that person, not goods acquired."""
    if not pred.verbal or word_class(syntax_words()["reception_verbs"], pred.word) is None:
        return False
    return any(dc.actor_type(m.ref) == "person" or (m.unlinked and "type=person" in (m.flags or []))
               for a in pred.args_of("obj") for m in pc.mentions_in(v, a.node, pc.actors))


def _class_under(v: SentenceView, pred: Predicate) -> bool:
    """Sanctions a class of states is under ("countries under U.N. sanctions", «الدول الخاضعة للعقوبات»), not one."""
    words = syntax_words()
    for t in range(pred.head - 1, max(0, pred.head - 4), -1):
        if word_class(words["undergoing_words"], v.word(t).lower()):
            return t > 0 and bool(word_class(words["class_nouns"], v.word(t - 1).lower()))
    return False


def _suffered_by(pc: PassageCtx, v: SentenceView, pred: Predicate, etype: str, have: list) -> list:
    """«تعرضت إيران للعزل ... بسبب العقوبات», "Iran was cut off from SWIFT because of US sanctions": sanctions named
    as the cause of what befell a state's clause bear on that state, when nothing else names their target."""
    from irkg.loaders.frames import _actors_of

    if etype != "sanction" or pred.verbal or any(p.role == "target" for p in have):
        return []
    words = syntax_words()
    if not any(word_class(words["causal"], v.word(t).lower()) for t in range(max(0, pred.head - 4), pred.head)):
        return []
    for t in range(pred.head - 1, -1, -1):  # the clause the cause belongs to: the nearest verb before it that spans it
        if not v.is_verb(t) or v.sent.pre[t] is None:
            continue
        gp = predicate_at(v, t)
        if gp is None or not (gp.clause.i <= pred.head < gp.clause.j):
            continue
        if not (gp.passive or word_class(words["facing_verbs"], gp.word)):
            return []  # "Russia halted the deal because of sanctions": who acts is not who is sanctioned
        imposers = {p.actor for p in have}
        found = [m.ref for a in gp.args if a.rel in ("subj", "by", "obj") and a.node.j <= pred.head
                 for m in _actors_of(pc, v, a) if pc.dc.actor_type(m.ref) == "state" and m.ref not in imposers]
        return _new_participants(found, have, "target")
    return []


def _past_tense(v: SentenceView, pred: Predicate) -> bool:
    """A verb in the past (or a noun whose light verb is): «وقع», "signed", «قام بزيارة»."""
    head = pred if pred.verbal else pred.light
    if head is None:
        return False
    return v.sent.tokens[head.head][2] in ("VBD", "VBN") and not (head.future or head.modal or head.conditional)


def _in_title(v: SentenceView, pred: Predicate, m) -> bool:
    """Tell whether a topic word lies in the subject that names who acts ("Atomic Energy Minister Rumyantsev said",
    «وزير النفط بيجن زنغنه»): his office, not what the act is about."""
    toks = v.sent.tokens
    for a in pred.args:
        if a.rel != "subj":
            continue
        i = a.node.i
        # "(NP Atomic Energy) (NP Minister Rumyantsev) (VP told ...)": a title the parser cut off before the subject
        before = [c for c in pred.clause.kids if c.cat == "NP" and c.j <= a.node.i]
        while before and before[-1].j == i:
            i = before.pop().i
        if toks[i][0] <= m.start and m.end <= toks[a.node.j - 1][1]:
            return True
    return False


def _told_as_past(v: SentenceView, pred: Predicate) -> bool:
    """A verb in the past carries the event, itself or as the setting of a noun («ناقش ... خلال اجتماعهما في
    نوفمبر»): a date after the (inferred) writing date does not make it a plan."""
    if _past_tense(v, pred):
        return True
    g = _setting_governor(pred, v)
    gp = predicate_at(v, g.tok) if g is not None and g.verbal else None
    return gp is not None and _past_tense(v, gp)


def _point_date(d) -> bool:
    """A date an event can have: not a century, not a range ("during his 2017-2021 term")."""
    flags = d.flags or []
    return "century" not in flags and not any(f.startswith("end=") for f in flags)


def _current(v: SentenceView, pred: Predicate) -> bool:
    """An event noun said to be going on now ("زيارته الحالية", "the current visit", "ongoing talks")."""
    return not pred.verbal and any(a.rel == "adj" and v.in_words(t, "current_adjectives")
                                   for a in pred.args for t in range(a.node.i, a.node.j))


def conjunct_date(pc: PassageCtx, v: SentenceView, pred: Predicate):
    """"زار بوتين طهران أمس والتقى نظيره": a second coordinated clause happened when the first did."""
    if not pred.verbal:
        return None
    own = pred.clause
    vp = next((a for a in [pred.node, *pred.node.ancestors()] if a.cat == "VP" and a.parent is not None
               and a.parent.cat == "VP" and any(c.cat == "CC" for c in a.parent.kids)), None)
    if vp is not None and vp.i >= pred.clause.i:
        own = vp  # "defied the United States on Monday and signed agreements": coordinated verb phrases
    first = first_conjunct(own)
    if first is None:
        return None
    a, b = v.sent.tokens[first.i][0], v.sent.tokens[first.j - 1][1]
    return next((d for d in pc.dates if a <= d.start < b and _point_date(d)), None)


def _cause_date(pc: PassageCtx, v: SentenceView, pred: Predicate):
    """"غارة ... في 2 أبريل، ما أدى إلى مقتل قائد": what a consequence verb brings about shares its cause's date."""
    g = next((g for g in pred.governors[:2] if g.verbal and v.in_words(g.tok, "consequence_verbs")), None)
    if g is None:
        return None
    at = v.sent.tokens[g.tok][0]
    return next((d for d in reversed(pc.dates) if v.sent.start <= d.start < at and "century" not in (d.flags or [])), None)


_RECEIVE_OR_DELIVER = frozenset({"تسلم", "يسلم"})  # tusallim "delivers" or tasallama "received", unvowelled


def _signable(v: SentenceView, node) -> bool:
    """Tell whether a signing verb's object can be signed: an agreement word, a name or a pronoun («وقعها»)."""
    first = v.word(node.i)
    if node.j - node.i < 2 or any(ch.isdigit() for ch in first) or first in calendar().weekday_of or first in calendar().month_of:
        return True  # one word («قريبا») or a date («الثلاثاء 11/11/2014») read as an object does not settle it
    return any(v.in_words(t, "signable_nouns") or v.sent.pos(t).startswith(("NNP", "DTNNP", "PRP")) or v.word(t)[:1].isupper()
               for t in range(node.i, node.j))


def _after_writing(date: str | None, dc: DocCtx) -> bool:
    """Tell whether a date lies after the document's own date (at the precision both have)."""
    ref = dc.ref
    if not date or not ref:
        return False
    n = min(len(date), len(ref))
    return date[:n] > ref[:n]


def _denied_after(pc: PassageCtx, v: SentenceView, spans) -> bool:
    """", وهو ما نفته الخارجية", ", which Moscow denied": a denial of the whole claim right after it."""
    end = max(b for _, b in spans)
    toks = [i for i, (b, _, _) in enumerate(v.sent.tokens) if b >= end]
    for k, i in enumerate(toks[:-1]):
        w = v.word(i)
        if (w in ("هو", "هي") and v.word(toks[k + 1]) == "ما") or w in ("which", "something"):
            if any(v.in_words(j, "denial_verbs") for j in toks[k + 1:k + 5]):
                return True
    return False


def _without_represented_states(dc: DocCtx, roles: list[Participant]) -> list[Participant]:
    """Drop a state that one of its own officials or institutions already stands for in the same role ("the
    Iranian foreign ministry spokesman said": the spokesman speaks, Iran is not a second speaker)."""
    by_role: dict[str | None, set[str]] = {}
    for p in roles:
        if dc.actor_type(p.actor) in ("person", "institution", "company", "armed_group") and dc.state_of(p.actor) != p.actor:
            by_role.setdefault(p.role, set()).add(dc.state_of(p.actor))
    # "نائب محافظ البنك المركزي الإيراني محسن كريمي قال": the official speaks or travels, not also the body he serves
    # (a person found only by his title has no state of his own: the body in that title is his)
    people = {(p.role, dc.state_of(p.actor)) for p in roles if p.role in _ONE_VOICE and dc.actor_type(p.actor) == "person"}
    nameless = {p.role for p in roles if p.role in _ONE_VOICE and p.actor.startswith("unlinked:")
                and dc.actor_type(p.actor) in ("person", None)}
    # "said Alexander Korbut, vice president of Russia's Grain Union": a person we cannot link speaks, not the state
    # named in his title
    named_person = {p.role for p in roles if p.role in _ONE_VOICE and p.actor.startswith("unlinked:")
                    and dc.actor_type(p.actor) == "person"}
    return [p for p in roles if p.actor not in by_role.get(p.role, ())
            and not (dc.actor_type(p.actor) in ("institution", "company")
                     and ((p.role, dc.state_of(p.actor)) in people or p.role in nameless))
            and not (dc.actor_type(p.actor) == "state" and p.role in named_person)]


_TITLE_AFTER = re.compile(r"^\s*[,،]\s*(?:the\s+)?((?:[\w-]+\s+){1,3})(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", re.I)
_TITLE_OF = re.compile(r"(?:\s+of(?:\s+the)?)?\s*$", re.I)


def _without_title_bodies(pc: PassageCtx, v: SentenceView, roles: list[Participant]) -> list[Participant]:
    """Drop a body named in the title just before a participant's name («أمين المجلس الأعلى للأمن القومي الإيراني علي
    لاريجاني», "Secretary of the Security Council Nikolai Patrushev"): it is his office, not a second party (for when
    the parser cut the title from the name)."""
    people = {p.actor for p in roles if pc.dc.actor_type(p.actor) == "person"}
    if not people:
        return roles
    text, titles, agents = pc.p.text, syntax_words()["titles"], syntax_words()["agent_nouns"]
    drop = set()
    for m in pc.actors:
        if not (v.sent.start <= m.start < v.sent.end) or pc.dc.actor_type(m.ref) not in ("institution", "organization", "company"):
            continue
        adjectives = [(o.start, o.end) for o in pc.actors if "adjective" in (o.flags or []) and o.start >= m.end]
        named_next = any(o.ref in people and 0 < o.start - m.end <= 40 and not _without_spans(text, m.end, o.start, adjectives).strip()
                         for o in pc.actors)
        before = _TITLE_OF.split(text[max(v.sent.start, m.start - 30):m.start], maxsplit=1)[0].split()
        if named_next and before and word_class(titles, match_key(before[-1])) is not None:
            drop.add(m.ref)
        # "Alexey Likhachev, Director General of the state-owned Russian company Rosatom": the body in a title set
        # off after a name (anyone's: the body is his office, not a party)
        if any(pc.dc.actor_type(o.ref) == "person" and o.end <= m.start and (t := _TITLE_AFTER.match(text[o.end:m.start]))
               and any(word_class(agents, match_key(w)) or word_class(titles, match_key(w)) for w in t.group(1).split())
               for o in pc.actors):
            drop.add(m.ref)
    return [p for p in roles if p.actor not in drop]


def _without_spans(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """Return text[a:b] with the given spans blanked («شركة روساتوم الروسية أليكسي»: the adjective between body and name)."""
    chars = list(text[a:b])
    for s, e in spans:
        for i in range(max(s, a), min(e, b)):
            chars[i - a] = " "
    return "".join(chars)


_ONE_VOICE = {"speaker", "visitor"}  # roles one person fills for the institution named in his title


def _is_object(dc: DocCtx, ref: str) -> bool:
    """Tell whether an item can be delivered (a weapon, platform or commodity, not a place)."""
    it = getattr(dc.dicts, "items", {}).get(ref)
    return it is None or str(it.type) in ("weapon", "platform", "commodity", "project")


def _label(dc: DocCtx, etype: str, parts: list[str], date: str | None, what: str | None) -> str:
    names = "–".join(dc.name_of(p) for p in parts[:3]) or "unspecified actors"
    tail = f" of {what}" if what else ""
    return f"{names} {etype.replace('_', ' ')}{tail}{', ' + date if date else ''}"


_HE_SHE = {"he", "she"}


def _lifted(v, pred) -> bool:
    """Tell whether a noun is what a lifting word governs, through verbs that pass their clause on ("began to ease
    sanctions", «رفعت العقوبات», «رفع العقوبات»)."""
    words = syntax_words()
    if pred.light is not None and word_class(words["lifting_words"], pred.light.word):
        return True  # «رفعت واشنطن العقوبات»: رفع is a light verb for lawsuits («رفع دعوى»), here the lifting
    for g in pred.governors:
        if word_class(words["lifting_words"], g.word):
            return g.how in ("obj", "gen", "noun")
        if not (g.verbal and word_class(words["transparent"], g.word)):
            return False
    return False


def _pronoun_subject(pc: PassageCtx, v: SentenceView, pred: Predicate, frame, have: list[Participant],
                     last_person: str | None) -> list[Participant]:
    """"He also met Supreme Leader Khamenei": an English subject pronoun opening its sentence is the person the text
    spoke of just before (the first person named earlier in the passage, else in the passage before)."""
    role = frame.roles.get("subj")
    if not pred.verbal or role is None:
        return []
    subj = next((a for a in pred.args if a.rel == "subj"), None)
    if subj is None or subj.node.j - subj.node.i != 1 or v.word(subj.node.i) not in _HE_SHE or subj.node.i > 1:
        return []
    start = v.sent.tokens[0][0]
    earlier = [m.ref for m in pc.actors if m.end <= start and pc.dc.actor_type(m.ref) == "person"]
    who = earlier[0] if earlier else last_person
    if who is None or any(p.actor == who for p in have):
        return []
    return [Participant(actor=who, role=role)]


def _level_moved(v: SentenceView, pred: Predicate) -> bool:
    """A flow noun that is the subject of a verb of a level changing: the verb right before it in Arabic («تراجعت
    إمدادات الغاز»), the first verb after its phrase in English ("gas supplies to Europe fell")."""
    if pred.governors:
        return False  # an object or a complement: what the verb does to it is said elsewhere
    toks = v.sent.tokens
    if v.lang == "ar":
        return pred.head > 0 and toks[pred.head - 1][2].startswith("VB") and v.in_words(pred.head - 1, "level_change_verbs")
    verb = next((t for t in range(pred.head + 1, min(len(toks), pred.head + 6)) if toks[t][2].startswith("VB")), None)
    return verb is not None and v.in_words(verb, "level_change_verbs")


_NOT_ON_AGENDA = re.compile(r"(?:ليس|ليست|غير مدرج|غير مدرجة|لم يكن|لم تكن|لا يوجد)\s+(?:\S+\s+){0,2}?(?:على|في|ضمن)\s+(?:\S+\s+)?(?:جدول|برنامج)"
                            r"|\bnot\s+(?:\S+\s+){0,2}?(?:on|in)\s+(?:\S+\s+){0,2}?(?:agenda|schedule)\b", re.I)


def _plan_rejected(pred: Predicate) -> bool:
    """A plan or report noun over the event and a verb of denying or rejecting over that («رفض التقارير عن خطة لإرسال
    صواريخ», «نفى وجود خطة لتسليم», "dismissed the media hype about Russian withdrawal"): what was planned or
    reported is denied."""
    words = syntax_words()
    govs = pred.governors[:4]
    plan = next((i for i, g in enumerate(govs) if not g.verbal and (
        word_class(words["governing_nouns"], g.word) == "expected" or names_a_claim(g.word))), None)
    verb = next((g for g in govs[plan + 1:] if g.verbal), None) if plan is not None else None
    return verb is not None and word_class(words["governors"], verb.word) == "denied"


def _claim_called_false(pc: PassageCtx, v: SentenceView, pred: Predicate) -> bool:
    """A claim noun above the event («الادعاءات بأن …», "claims that …") and a word after the event that calls it
    false («كاذبة», "baseless", "untrue"): the speaker denies what the claim says."""
    if not any(not g.verbal and names_a_claim(g.word) for g in pred.governors[:4]):
        return False
    lo = pc.kt.to_key(v.sent.tokens[pred.head][1])
    hi = pc.kt.to_key(v.sent.end)
    return bool(syntax_words()["falsity_words"].find(pc.key, lo, hi))




def _light_noun_imposer(pc: PassageCtx, v: SentenceView, pred: Predicate, have: list[Participant]) -> list[Participant]:
    """«بعد فرض واشنطن مجددا عقوبات على إيران»: the actor right after a noun of imposing, before the sanction noun,
    imposes (the parser often hangs the sanctions elsewhere than under «فرض»)."""
    if v.lang != "ar":
        return []
    for k in range(pred.head - 1, max(-1, pred.head - 5), -1):
        if v.in_words(k, "imposing_nouns"):
            lo, hi = v.sent.tokens[k][1], v.sent.tokens[pred.head][0]
            got = [m for m in pc.actors if lo <= m.start and m.end <= hi and pc.dc.actor_type(m.ref) in ("state", "bloc", "organization")]
            roles = {p.actor for p in have}
            out = [Participant(actor=m.ref, role="imposer") for m in got[:1] if m.ref not in roles]
            if out and not any(p.role == "target" for p in have):
                # «... عقوبات اقتصادية على إيران»: «على» right after the noun and its adjectives names the target
                for j in range(pred.head + 1, min(len(v.sent.tokens), pred.head + 4)):
                    if v.word(j) in ("على", "علي"):
                        a = v.sent.tokens[j][1]
                        nxt = [m for m in pc.actors if a < m.start <= a + 2 and pc.dc.actor_type(m.ref) == "state"]
                        out += [Participant(actor=m.ref, role="target") for m in nxt[:1] if m.ref != got[0].ref]
                        break
                    if v.sent.tokens[j][2] not in ("JJ", "DTJJ", "ADJ_NUM"):
                        break
            return out
    return []


def _subjected(pc: PassageCtx, v: SentenceView, pred: Predicate, have: list[Participant]) -> list[Participant]:
    """«بين إيران وروسيا الخاضعتين لعقوبات الاتحاد الأوروبي», "Iran and Russia, both under EU sanctions": the states
    right before the participle of subjection are the targets."""
    t = next((t for t in (pred.head - 1, pred.head - 2) if t >= 1 and v.in_words(t, "undergoing_words")), None)
    if t is None:
        return []
    hi = v.sent.tokens[t][0]
    lo = v.sent.tokens[max(0, t - 4)][0]
    roles = {p.actor for p in have}
    got = [m for m in pc.actors if lo <= m.start and m.end <= hi and pc.dc.actor_type(m.ref) == "state"]
    return [Participant(actor=r, role="target") for r in dict.fromkeys(m.ref for m in got) if r not in roles]


def _fronted_setting(v: SentenceView, pred: Predicate, words: dict):
    """"During talks with Raisi in Moscow, Putin declared ...": a setting phrase fronted before the clause; a
    pseudo-governor for the clause's verb, or None."""
    from irkg.loaders.parse.clauses import Governor

    n = pred.node
    while n.parent is not None and n.parent.cat not in ("S", "SINV"):
        n = n.parent
    if n.parent is None or n.cat not in ("PP", "NP"):
        return None  # (an NP: «خلال» the tagger read as a noun)
    first = next((d for d in n.walk() if d.is_pre), None)
    if first is None or not word_class(words["setting_preps"], v.word(first.tok)):
        return None
    vp = next((k for k in n.parent.kids if k.cat == "VP" and k.i >= n.j), None)
    verb = next((d for d in vp.kids if d.is_pre and v.is_verb(d.tok)), None) if vp is not None else None
    if verb is None:
        return None
    return Governor(verb.tok, v.whole_word(verb.tok), "pp", marker=v.word(first.tok))


def _setting_governor(pred: Predicate, v: SentenceView | None = None):
    """The verb that carries an event noun, or None: the saying it is the setting of ("said at a press conference",
    «قال في مؤتمر صحفي»), or the announcing or holding verb it is the object of, through a noun that starts it
    («أعلنت البحرية انطلاق مناورات مشتركة مع», "Iran held joint drills with", "announced the start of talks with")."""
    words = syntax_words()
    g, _ = setting_of(pred, words)  # «دان لافروف الهجوم خلال اتصال مع عراقجي», «بعد اختتام زيارة»
    if g is not None:
        return g
    if not pred.verbal and v is not None and all(not g.verbal and (word_class(words["transparent_nouns"], g.word)
                                                                   or word_class(words["setting_markers"], g.word))
                                                 for g in pred.governors):
        # «وخلال مؤتمر صحفي مع نظيره ... أضاف لافروف»: a setting fronted as a noun phrase before the verb it sets
        return _fronted_setting(v, pred, words)
    for g in pred.governors[:2]:
        if not g.verbal:
            if word_class(words["start_nouns"], g.word):
                continue  # «انطلاق مناورات»: the start of the drills
            return None
        if g.how == "obj" and (word_class(words["governors"], g.word) == "reported"
                               or word_class(words["support_verbs"], g.word) or word_class(words["light_verbs"], g.word)):
            return g
        if g.how == "pp" and word_class(words["motion_verbs"], g.word):
            return g  # «يتوجه بوتين إلى إيران للمشاركة في قمة»: he goes to the summit he takes part in
        return None
    return None


def _own_announcement(pc: PassageCtx, v: SentenceView, pred: Predicate, parts: list[Participant]) -> bool:
    """Tell whether the reporting verb above an event is its own participant announcing it ("Trump announced the
    US withdrawal", «أعلنت البحرية انطلاق المناورات»): an announced act of one's own is done, not reported."""
    from irkg.loaders.frames import _actors_of

    words = syntax_words()
    g = next((g for g in pred.governors if g.verbal), None)
    if g is None or g.negated or g.how not in ("obj", "pp") or not word_class(words["announce_verbs"], g.word):
        return False  # "announced that the fuel had arrived": a clause it reports, not an act it performs
    gov = predicate_at(v, g.tok)
    mine = {pc.dc.state_of(p.actor) for p in parts} | {p.actor for p in parts}
    who = {m.ref for a in gov.args if a.rel == "subj" for m in _actors_of(pc, v, a)}
    return bool(who) and all(r in mine or pc.dc.state_of(r) in mine for r in who)


def _setting_subjects(pc: PassageCtx, v: SentenceView, pred: Predicate, have: list[Participant],
                      role: str = "participant") -> list[Participant]:
    """The subject of the verb a meeting noun is the setting of ("قال لافروف في مؤتمر صحفي مع نظيره", "Lavrov spoke
    at talks with ..."): who speaks there takes part in it, beside the counterpart the noun names."""
    from irkg.loaders.frames import _actors_of

    g = _setting_governor(pred, v)
    if not have or g is None or g.negated:
        return []  # only beside a counterpart the noun names ("with his counterpart"), never under "did not attend"
    gov = predicate_at(v, g.tok)
    # the subject, and (for a meeting) whom the verb names it done with: «ناقش باتروشيف مع شمخاني خلال اجتماعهما»
    args = [a for a in gov.args if a.rel == "subj" or (role == "participant" and a.rel == "pp" and a.marker in ("مع", "with"))]
    return _new_participants((m.ref for a in args for m in _actors_of(pc, v, a)), have, role)


def _on_a_visit(pc: PassageCtx, v: SentenceView, pred: Predicate, have: list[Participant], place):
    """"Pezeshkian is in Moscow on an official visit": who is somewhere on a visit makes it, to the place where he
    is (the copula's "in"), unless the visit names its own destination."""
    from irkg.loaders.frames import _actors_of

    g = pred.governors[0] if pred.governors else None
    if g is None or not g.verbal or g.negated or g.how != "pp" or g.marker != "on" \
            or word_class(syntax_words()["copulas"], g.word) is None:
        return have, place
    gov = predicate_at(v, g.tok)
    visitors = [m.ref for a in gov.args if a.rel == "subj" for m in _actors_of(pc, v, a)]
    if not visitors:
        return have, place
    if place is None and not any(p.role == "host" for p in have):
        where = [m for a in gov.args if a.rel == "pp" and a.marker == "in" for m in pc.mentions_in(v, a.node, pc.places)]
        if not where:
            return have, place
        place = where[0].ref
    return have + _new_participants(visitors, have, "visitor"), place


def _intending_subjects(pc: PassageCtx, v: SentenceView, pred: Predicate, have: list[Participant],
                        role: str = "participant") -> list[Participant]:
    """«يعتزم بوتين لقاء خامنئي», "Putin plans to meet Khamenei": who intends, seeks or refuses a meeting named by
    its counterpart alone takes part in it (a role everyone shares: the counterpart does not replace him); «نفت إيران
    تزويد روسيا بمسيرات»: who denies supplying someone would be the supplier (`role`)."""
    from irkg.loaders.frames import _actors_of

    g = pred.governors[0] if pred.governors else None
    called_off = role == "supplier" and g is not None and not g.verbal and len(pred.governors) > 1 \
        and pred.governors[1].verbal and word_class(syntax_words()["cancel_nouns"], g.word)
    if called_off:
        g = pred.governors[1]  # «أعلن مدفيديف إلغاء تسليم صواريخ إس-300 إلى إيران»: who calls off a delivery would make it
    if not have or g is None or not g.verbal or g.how not in ("obj", "pp") or any(a.rel == "subj" for a in pred.args) \
            or not (called_off or word_class(syntax_words()["control_verbs"], g.word)):
        return []
    gov = predicate_at(v, g.tok)
    subjects = gov.args_of("subj") if gov is not None else ()
    return _new_participants((m.ref for a in subjects for m in _actors_of(pc, v, a)), have, role)


_BILATERAL = frozenset(match_key(w) for w in ("bilateral", "separate", "ثنائية", "ثنائي", "الثنائية", "منفصلة", "منفصل"))


def _bilateral_split(dc: DocCtx, v: SentenceView, pred: Predicate, etype: str,
                     parts: list[Participant]) -> list[list[Participant]]:
    """"Putin held bilateral talks with the leaders of Iran and Qatar", «محادثات ثنائية مع زعماء إيران وقطر»: one
    meeting with each counterpart, not one of three; any other event is one event."""
    if etype != "meeting":
        return [parts]
    near = {v.word(t).lower() for t in range(max(0, pred.head - 2), min(len(v.sent.tokens), pred.head + 3))}
    if not near & _BILATERAL:
        return [parts]
    sides: dict[str, list[Participant]] = {}
    for p in parts:
        sides.setdefault(dc.state_of(p.actor) or p.actor, []).append(p)
    if len(sides) < 3:
        return [parts]
    first, *others = list(sides.values())
    return [first + o for o in others]


def _limited(pred: Predicate, limit_cues) -> bool:
    """"يحد من تزويد", "blocked the delivery": a clause that limits the event governs it."""
    return any(word_class(limit_cues, g.word) in _LIMITING for g in pred.governors[:1])


def _provision_ended(pred: Predicate, cues) -> bool:
    """Tell whether the agreement that provides for an event is itself cancelled or frozen ("cancelled the contract
    to deliver S-300", «ألغت روسيا عقد تسليم صواريخ»)."""
    words = syntax_words()
    for k, g in enumerate(pred.governors[:3]):
        if word_class(cues["provision_signing"], g.word) or word_class(cues["provision"], g.word) \
                or word_class(cues["provision_near"], g.word):
            return any(x.verbal and word_class(words["status_change_verbs"], x.word) for x in pred.governors[k + 1:k + 3])
    return False


_TERMS_NOT_EVENTS = ("exercise", "meeting", "trade")


def _provided_for(pred: Predicate, cues, v: SentenceView | None = None) -> bool:
    """"المعاهدة تنص على تدريبات مشتركة", "the accord covers joint drills": a term agreed on, not an event held."""
    if any(word_class(cues["provision"], g.word) for g in pred.governors[:4]):
        return True
    if v is not None and any(word_class(cues["provision_near"], g.word) and any(
            word_class(cues["accords"], v.word(t)) for t in range(max(0, g.tok - 8), min(len(v.sent.tokens), g.tok + 4)))
            for g in pred.governors[:4]):
        return True  # «جوهر الاتفاق يتمحور حول تطوير ... التدريبات المشتركة»: a term of the agreement
    if v is not None and pred.verbal and any(v.word(t) in _UNDER_IT for t in range(pred.head + 1, min(pred.head + 4, pred.clause.j))):
        return True  # «اتفاقا ... تزود بموجبه روسيا طهران»: what the agreement has Russia do
    if v is not None and not pred.verbal and any(
            v.word(t) in _UNDER_IT and any(word_class(cues["accords"], v.word(k)) for k in range(max(0, t - 4), t))
            for t in range(max(0, pred.head - 6), pred.head)):
        # «اتفاق تقوم بموجبه إيران بتصدير النفط»: an exchange the agreement sets out (the parser may hang the noun on
        # the verb above the relative clause; «بموجبه» right after the agreement word says whose terms these are)
        return True
    words = syntax_words()
    g0 = pred.governors[0] if pred.governors else None
    if v is not None and g0 is not None and g0.verbal and word_class(words["obligation_verbs"], g0.word) \
            and (gp := predicate_at(v, g0.tok)) is not None and any(
                word_class(cues["accords"], v.word(t)) or v.in_words(t, "signable_nouns")
                for a in gp.args_of("subj") for t in range(a.node.i, a.node.j)):
        return True  # "the contract obliged Russia to deliver", «يلزم الاتفاق إيران بتسليم»: a term of the contract
    for g in pred.governors[:2]:
        if word_class(cues["provision_signing"], g.word):
            if g.how == "pp" and g.marker and word_class(words["setting_preps"], g.marker):
                return False  # "signed during Pezeshkian's visit": the visit is when it was signed, not a term
            return g.how in ("xcomp", "pp", "gen", "noun", "obj") and not g.negated
        if word_class(words["since_preps"], g.word) or word_class(words["causal"], g.word) or g.verbal \
                or (not g.verbal and word_class(words["setting_preps"], g.word)):
            # «بعد الغزو» under «الاتفاق الذي وقع»: what the signing came after, not what it provides; «وقعتا
            # خلال زيارة»: the visit during which they signed
            return False
    return False


def extract_events(pcs: list[PassageCtx], dc: DocCtx, out: list, agreements: dict[int, list[str]]) -> None:
    """Append the event records every passage states to `out`."""
    from irkg.loaders.extract_constraints import constraint_cues

    cues = event_cues()
    frames = event_frames()
    limit_cues = constraint_cues()["cue"]
    known_names = {r.id: r.label for r in out if r.kind == "agreement"}
    parties_of = {r.id: list(r.parties) for r in out if r.kind == "agreement"}
    last_person: str | None = None  # the person the previous sentences spoke of: "He also met ..."
    prev: PassageCtx | None = None
    for pc in pcs:
        if prev is not None:
            # the first person the sentence names, known or not: "Sergeyev ... talks with Shamkhani" speaks of
            # Sergeyev, whom we cannot link, so "he" after it names nobody rather than Shamkhani
            persons = [m for m in prev.actors if dc.actor_type(m.ref) == "person" or (m.unlinked and "type=person" in (m.flags or []))]
            if persons:  # a person named only late in the sentence is not whom it spoke of (its subject went unnamed)
                last_person = None if persons[0].unlinked or persons[0].start > _SUBJECT_REACH else persons[0].ref
            # "After meeting with Likhachev, Eslami told the news conference ... He said ...": who spoke last is "he"
            speakers = [p.actor for r in out if r.kind == "event" and r.type == "statement" and r.evidence[0].passage == prev.p.idx
                        for p in r.roles if p.role == "speaker" and dc.actor_type(p.actor) == "person"]
            if speakers:
                last_person = speakers[-1]
        prev = pc
        seen: set[tuple] = set()
        hits = _triggers(pc, cues)
        heads = _trigger_heads(pc, hits)
        trigger_starts = [pc.span_of(h.start, h.end)[0] for h in hits]
        for h in hits:
            etype = cues["alias_of"].get(h.cat, h.cat)
            ts, te = pc.span_of(h.start, h.end)
            v = pc.view_at(ts)
            if v is None:
                continue
            tok = pc.head_token(v, ts, te)
            pred = predicate_at(v, tok) if tok is not None else None
            if pred is None:
                continue
            if pred.governors and pred.governors[0].tok in heads.get(id(v.sent), ()) and not pred.governors[0].verbal \
                    and pred.governors[0].how in ("obj", "gen", "noun", "pp") and not pred.verbal:
                continue  # "بيع شحنة من S-400": the shipment is what the sale is of, not an event of its own
            if etype in ("strike", "attack") and _BLOW_TO.search(pc.p.text, max(0, ts - 6), min(len(pc.p.text), te + 8)):
                continue  # «في ضربة للولايات المتحدة», "in a blow to Washington": a setback, no strike
            if etype == "strike" and _STRUCK_DEAL.match(pc.p.text, ts):
                continue  # "struck a deal", "strike a balance": an agreement or a compromise, no strike
            if etype in ("trade", "delivery") and _ISSUED.match(pc.p.text, max(0, ts - 1), min(len(pc.p.text), te + 60)):
                continue  # «صدر بيان الخارجية الروسية»: a statement was issued, nothing exported
            if etype == "sanction" and not pred.verbal and _lifted(v, pred):
                continue  # "the US lifted sanctions on Iran", «تخفيف العقوبات»: their end, not their imposition
            if etype == "sanction" and not pred.verbal and _class_under(v, pred):
                continue  # "countries under UN sanctions cannot join": a class of states, no sanctions imposed on anyone
            kind_only = "" if pred.verbal else _any_of_a_kind(v, pred)
            if not pred.verbal and _feared(v, pred):
                continue  # «خشية هجوم إسرائيلي على المحطة», "fears of an attack": dreaded, not done nor planned
            if not pred.verbal and _what_it_would_do(v, pred):
                continue  # «ضربة عسكرية على إيران سيكون لها آثار كارثية»: a strike talked of, none that happened
            if etype == "meeting" and not pred.verbal and any(v.word(t).lower() in _SEPARATE for t in
                                                              range(max(0, pred.head - 3), min(len(v.sent.tokens), pred.head + 3))):
                continue  # "separate phone calls with Netanyahu and Pezeshkian": no meeting of the two
            spans = own_spans(v, pred)
            key_spans = [(pc.kt.to_key(a), pc.kt.to_key(b)) for a, b in spans]
            cat = h.cat
            if cat == "acquire" and _someone_received(pc, v, pred, dc):
                cat = etype = "meeting"  # "Putin received Larijani in the Kremlin": a reception, nothing acquired
            if not _needs_met(pc, cues["needs"].get(cat), key_spans):
                continue
            if h.cat == "travel" and (_reaches_level(pc, v, pred, cues) or not pred.args_of("pp")):
                continue
            if etype == "delivery" and not pred.verbal and _level_moved(v, pred):
                continue  # «تراجعت إمدادات الغاز الروسي إلى أوروبا», "gas supplies fell": a level that moved, no delivery
            if etype == "delivery" and _limited(pred, limit_cues):
                continue
            if etype == "intervention" and pred.verbal and pred.args_of("obj") \
                    and not any(a.marker.split(" ")[0] in ("في", "in", "into") for a in pred.args_of("pp")):
                continue  # «ستدخل المناوبة القتالية»: "will enter combat duty" takes an object; intervening is in a place
            frame = frames.get(cat) or frames.get(etype)
            if frame is None:
                continue
            if h.cat == "discuss" and not any(a.marker in ("مع", "with") and pc.mentions_in(v, a.node, pc.actors, nested_ok=True)
                                              for a in pred.args_of("pp")):
                continue  # «بحثت الحكومة سبل التعاون»: discussing with nobody named is no meeting
            if cat == "acquire" and _payment_received(pc, v, pred, cues):
                continue  # «حصلت على دفعة مقدمة من إيران لتوريد ...»: money received for a supply, no supply received
            # «موسكو ترفض العقوبات», "Russia opposes sanctions": who opposes them imposes nothing
            opposed = etype == "sanction" and bool(pred.governors) \
                and word_class(syntax_words()["opposition_verbs"], pred.governors[0].word) is not None
            backed = etype == "sanction" and bool(pred.governors) and pred.governors[0].verbal \
                and word_class(syntax_words()["backing_verbs"], pred.governors[0].word) is not None
            if opposed or backed:
                # "Russia backed further sanctions", «موسكو ترفض العقوبات»: who backs or opposes a measure imposes nothing
                pred.args = [a for a in pred.args if a.via != "control"]
            filled = fill_frame(pc, v, pred, frame)
            if filled.figurative:
                continue
            filled.participants += _pronoun_subject(pc, v, pred, frame, filled.participants, last_person)
            filled.participants += _partners(pc, v, pred, frame, filled.participants)
            filled.participants += _undergoer(pc, v, pred, frame, filled.participants)
            filled.participants += _suffered_by(pc, v, pred, etype, filled.participants)
            filled.participants += _source_in_clause(pc, v, pred, frame, filled.participants)
            if etype in ("meeting", "exercise") and not pred.verbal:
                filled.participants += _setting_subjects(pc, v, pred, filled.participants)
                filled.participants += _intending_subjects(pc, v, pred, filled.participants)
            elif etype == "visit" and not pred.verbal and not any(a.rel in ("gen", "poss") for a in pred.args) \
                    and not any(p.role == "visitor" for p in filled.participants):
                # «قال الدبلوماسي الروسي بعد اختتام زيارة لإيران»: who speaks at the end of a visit nobody else is
                # named to make made it (never someone of the host's own state)
                hosts = {dc.state_of(p.actor) for p in filled.participants if p.role == "host"}
                filled.participants += [p for p in _setting_subjects(pc, v, pred, filled.participants, role="visitor")
                                        if dc.state_of(p.actor) not in hosts]
                if not any(p.role == "visitor" for p in filled.participants):
                    filled.participants, filled.place = _on_a_visit(pc, v, pred, filled.participants, filled.place)
            if etype == "delivery" and not pred.verbal and not any(p.role == "supplier" for p in filled.participants) \
                    and any(p.role == "recipient" for p in filled.participants):
                have = {dc.state_of(p.actor) for p in filled.participants}
                # (a leader who calls a delivery off stands for his state: the state is the supplier)
                suppliers = dict.fromkeys(dc.state_of(p.actor) if dc.actor_type(p.actor) == "person" else p.actor
                                          for p in _intending_subjects(pc, v, pred, filled.participants, role="supplier")
                                          if dc.state_of(p.actor) not in have)
                filled.participants += [Participant(actor=a, role="supplier") for a in suppliers]
            sup = [p.actor for p in filled.participants if p.role == "supplier" and dc.actor_type(p.actor) == "state"]
            if etype == "delivery" and len(sup) == 2:
                # «التي تتهم فيها واشنطن طهران بتوريد مسيرات»: two names side by side with no «و» between are the
                # accuser (the verb's subject, read into its object) and the accused; the accused would supply
                ms = sorted((m for m in pc.actors if m.ref in sup and v.sent.start <= m.start < v.sent.end), key=lambda m: m.start)
                if len(ms) == 2 and ms[0].ref != ms[1].ref and not pc.p.text[ms[0].end:ms[1].start].strip():
                    filled.participants = [p for p in filled.participants if not (p.role == "supplier" and p.actor == ms[0].ref)]
            if etype == "sanction" and not pred.verbal and not any(p.role == "imposer" for p in filled.participants):
                filled.participants += _light_noun_imposer(pc, v, pred, filled.participants)
            if etype == "sanction" and not pred.verbal and not any(p.role == "target" for p in filled.participants):
                filled.participants += _subjected(pc, v, pred, filled.participants)
                if not any(p.role == "target" for p in filled.participants) and pred.light is None and not any(
                        frame.pp.get(a.marker.split(" ")[0]) == "target" for a in pred.args_of("pp")):
                    # "Western sanctions", «العقوبات الأمريكية» with nobody under them: a regime talked of (a target the
                    # text names and we cannot resolve, «المفروضة على البلاد», keeps the sanction)
                    continue
            if etype == "withdrawal" and filled.place is None:
                # «سحب قواتها من سوريا», "withdrew troops from Syria": the state pulled out of is where it happened
                left = [p.actor for p in filled.participants if p.role == "withdrawn_from" and dc.actor_type(p.actor) == "state"]
                filled.place = left[0] if left else None
            filled.participants = _without_title_bodies(pc, v, _without_represented_states(dc, filled.participants))
            if etype in ("meeting", "visit", "signing") and filled.participants:
                # «لقاء مدفيديف ونجاد على هامش قمة الدول المطلة على بحر قزوين», "met on the sidelines of the SCO summit":
                # the gathering's members are not parties to what happened on its margins
                margin = _MARGIN.search(pc.p.text, te, v.sent.end)
                if margin is not None:
                    late = {m.ref for m in pc.actors if m.start >= margin.end() and m.start < v.sent.end
                            and dc.actor_type(m.ref) in ("organization", "bloc", "group")}
                    early = {m.ref for m in pc.actors if v.sent.start <= m.start < margin.start()}
                    filled.participants = [p for p in filled.participants if p.actor not in late - early]
            if etype == "meeting" and len(filled.participants) == 1:
                # «بعد زيارة لاريجاني إلى موسكو، حيث التقى بوتين», "on his visit to Moscow, where he met Putin": one
                # of the host state met, unnamed, is met by the visitor the sentence named before
                met = dc.state_of(filled.participants[0].actor)
                filled.participants += _new_participants(
                    [p.actor for r in out if r.kind == "event" and r.type == "visit" and r.evidence[0].passage == pc.p.idx
                     and any(h.role == "host" and dc.state_of(h.actor) == met for h in r.roles)
                     for p in r.roles if p.role == "visitor" and dc.actor_type(p.actor) == "person"][:1],
                    filled.participants, "participant")
            if etype == "visit":
                # "Khatami's visit heralds new Iran–Russia ties": the visitor's own state hosts nobody
                home = {dc.state_of(p.actor) for p in filled.participants if p.role == "visitor"}
                filled.participants = [p for p in filled.participants if not (p.role == "host" and dc.state_of(p.actor) in home)]
            parts = [p.actor for p in filled.participants]
            if h.cat == "discuss" and (len(set(parts)) < 2 or any(
                    o is not h and cues["alias_of"].get(o.cat, o.cat) == "meeting" and o.cat != "discuss"
                    and any(a <= o.start < b for a, b in key_spans) and pc.key[o.start:o.end].endswith(("هما", "هم"))
                    for o in hits)):
                # the one discussed with went unnamed or the parser lost them: no meeting of one; "their meeting" in
                # its clause («ناقش ... مع شمخاني خلال اجتماعهما») is the same meeting, read from its own noun
                continue
            if etype in _POINT_EVENTS:
                # "the highest official to visit Iran since 2002", "since his election last July": a visit, a meeting
                # or a signing is no span of time; what "since" dates is something before it
                dated = [d for d in pc.dates if not SINCE_PHRASE.search(pc.p.text[max(0, d.start - 60):d.start])]
            else:
                # "supplying drones since Russia's invasion in February last year": a date after another event
                # in a "since" phrase is that event's
                dated = [d for d in pc.dates if not _since_event(pc, d, trigger_starts, ts)]
            # «وبعد غزو فبراير، ضمت روسيا ... في سبتمبر»: a date in an "after" phrase naming another event is that one's
            dated = [d for d in dated if not _since_event(pc, d, trigger_starts, ts, _AFTER_PHRASE)
                     and not BASELINE_PHRASE.search(pc.p.text[max(0, d.start - 60):d.start])]
            dm = next((d for d in dated if _in_own(d, spans) and _point_date(d)), None)
            if dm is None and (pred.verbal or pred.light is not None):
                # "Since 2022, Iran has provided": an adverbial framing the clause; not for a noun in an adjunct
                # ("بعد الغزو الروسي" is not dated by the clause it stands in)
                ctx = context_spans(v, pred)
                dm = next((d for d in dated if _in_own(d, ctx) and _point_date(d)), None)
            if dm is None:
                tail_spans = trailing_adjuncts(v, pred)
                dm = next((d for d in dated if _in_own(d, tail_spans) and _point_date(d)), None)
            if etype in ("meeting", "exercise") and not pred.verbal and _setting_governor(pred) is not None \
                    and (dm is None or len(date_value(dm) or "") == 4):
                # "Putin on Monday slammed the attacks in a meeting with Araghchi": the saying dates its setting;
                # its day refines a year the event's own words give («مناورات كاساركس 2025»)
                gov = predicate_at(v, _setting_governor(pred).tok)
                ctx = own_spans(v, gov) + context_spans(v, gov)
                carried = next((d for d in pc.dates if _in_own(d, ctx) and _point_date(d)), None)
                if carried is not None and (dm is None or (date_value(carried) or "").startswith(date_value(dm) or "-")):
                    dm = carried
            if dm is None:
                dm = _cause_date(pc, v, pred)
            if dm is None:
                dm = conjunct_date(pc, v, pred)
            date = date_value(dm)
            if date and dm is not None and "weekday" in (dm.flags or []) and pred.future and dc.stated \
                    and len(date) == 10 and date < dc.stated[:10]:
                # "On Tuesday, Medvedev will arrive" in a Monday text: the coming Tuesday, not the last one
                date = (dt.date.fromisoformat(date) + dt.timedelta(days=7)).isoformat()
            if date and dm is not None and "year_inferred" in (dm.flags or []) and _after_writing(date, dc) \
                    and _told_as_past(v, pred):
                # "the protocol signed in September" in a February text: last September, not next
                date = f"{int(date[:4]) - 1:04d}{date[4:]}"
            if date is None and _current(v, pred) and dc.stated:
                date = dc.stated  # "زيارته الحالية", "the ongoing talks": happening as the text is written
            agreement = agreements.get(pc.p.idx, [None])[0] if etype in _AGREEMENT_EVENTS else None
            if etype == "withdrawal" and len(agreements.get(pc.p.idx, [])) == 1 and any(
                    a.rel == "pp" and frame.pp.get(a.marker.split(" ")[0]) == "withdrawn_from"
                    and (any(v.in_words(t, "signable_nouns") for t in range(a.node.i, a.node.j))
                         or all(d.label.startswith("PRP") for d in a.node.walk() if d.is_pre)) for a in pred.args):
                # «انسحاب واشنطن من الاتفاق النووي», «... الاتفاق النووي ... بعد انسحاب واشنطن منه»: what was left is that deal
                agreement = agreements[pc.p.idx][0]
            if etype == "signing" and pred.verbal and any(not _signable(v, a.node) for a in pred.args_of("obj")):
                continue  # «توقع المجلس ارتفاع الصادرات»: what is expected, not signed; one signs an agreement
            if etype == "signing" and agreement and set(parts) <= set(parties_of.get(agreement, [])):
                # "وُقّعت الاتفاقية بين روسيا وأذربيجان", "Russia signed agreements ... with Iran": its parties signed it
                have = {p.actor for p in filled.participants}
                filled.participants += [Participant(actor=a, role="signatory") for a in parties_of.get(agreement, []) if a not in have]
                parts = [p.actor for p in filled.participants]
            items = _items(pc, v, pred, dc, etype)
            speakers = ("person", "institution", "company") if etype == "statement" else ("person", "institution")
            if etype in cues["needs_person"] and not any(dc.actor_type(p) in speakers for p in parts):
                # (a company speaks too: "Rostec said", «أعلنت غازبروم»)
                continue
            if etype == "annexation" and not any(_in_own(m, spans) for m in pc.places):
                continue  # annexing needs a territory ("ضم القرم"), not members ("ضم أوكرانيا لصفوفه")
            if etype == "annexation" and filled.place is None:
                filled.place = next(m.ref for m in pc.places if _in_own(m, spans))  # what was annexed: "annexes Crimea"
            if etype == "delivery" and v.lang == "ar" and v.word(pred.head) in _RECEIVE_OR_DELIVER:
                # «طهران بدأت تسلم منظومة الدفاع الجوي الروسية»: «تسلم» delivers or receives; a system another state
                # makes, with no one named to receive it, is received by the subject from that state
                sup = [p for p in filled.participants if p.role == "supplier"]
                origin = {dc.state_of(m.ref) for a in pred.args if a.rel in ("obj", "gen")
                          for m in pc.mentions_in(v, a.node, pc.actors)
                          if "adjective" in (m.flags or [])} - {dc.state_of(p.actor) for p in sup}
                if len(sup) == 1 and len(origin) == 1 and not any(p.role == "recipient" for p in filled.participants):
                    filled.participants = [Participant(actor=sup[0].actor, role="recipient"),
                                           Participant(actor=origin.pop(), role="supplier")]
                    parts = [p.actor for p in filled.participants]
            named_object = any(m.ref in _OBJECT_TOPICS for m in pc.topics if _in_own(m, spans)) \
                or any(cues["objects"].find(pc.key, a, b) for a, b in key_spans)
            lone_supplier = pred.verbal and [p.role for p in filled.participants] == ["supplier"] \
                and all(g.verbal and word_class(syntax_words()["transparent"], g.word) for g in pred.governors) \
                and dc.actor_type(parts[0]) == "state" and any(
                    cues["objects"].find(pc.key, pc.kt.to_key(v.sent.tokens[a.node.i][0]), pc.kt.to_key(v.sent.tokens[a.node.j - 1][1]))
                    for a in pred.args_of("obj"))
            if etype == "delivery" and not items and not (named_object and (len(parts) >= 2 or lone_supplier)):
                # a delivery names what is delivered, or a supplier and a recipient of arms ("Russia has started
                # transferring radars": a state sending weapons its verb names, to whom the text said before)
                continue
            if etype == "trade" and _arms(dc, pc, items, spans, key_spans, cues):
                # buying or selling weapons is their delivery: the seller supplies, the buyer receives
                etype = "delivery"
                filled.participants = [Participant(actor=p.actor, role={"seller": "supplier", "buyer": "recipient"}.get(p.role, p.role))
                                       for p in filled.participants]
            if not parts and not agreement:
                continue  # an event nobody takes part in is no fact an analyst can use
            if etype == "meeting" and pred.verbal and len(parts) < 2 and word_class(syntax_words()["reception_verbs"], pred.word):
                continue  # «استقبلتها وحدات البحرية»: who or what was received is not named (a ship): no meeting
            if frame.requires and not {p.role for p in filled.participants} & frame.requires:
                continue  # a withdrawal with nobody withdrawing names no fact
            missing = frame.requires_all - {p.role for p in filled.participants} - ({"host"} if filled.place else set())
            if missing:
                continue  # "came under sanctions": a traveller and where to (a state or a city), or no visit
            if etype in _AGREEMENT_EVENTS and not agreement and not date:
                continue
            if etype != "statement" and (pred.conditional or (not pred.verbal and (g0 := next(
                    (g for g in pred.governors if g.verbal), None)) is not None and g0.how in ("obj", "subj", "pp")
                    and (gp0 := predicate_at(v, g0.tok)) is not None and gp0.conditional)):
                continue  # "if Moscow withdrew", «إذا أفضت الاتصالات إلى تخفيض العقوبات»: a condition states no event
            # a statement is the act of saying: the author states it; a hedge word there is the statement itself
            cert = predicate_certainty(v, pred, None if etype == "statement" else _clause_hedge(pc, key_spans))
            if cert != Certainty.DENIED and _denied_after(pc, v, spans):
                cert = Certainty.DENIED
            if opposed and cert == Certainty.DENIED:
                continue  # «موسكو ترفض العقوبات على إيران»: opposing sanctions says neither that they exist nor not
            if kind_only and kind_only != "no" and cert != Certainty.DENIED:
                continue  # "a warning against any attack on Iran", «رفض أي تدخل»: a kind of event, no event at all
            if kind_only and cert in (Certainty.ASSERTED, Certainty.REPORTED):
                cert = Certainty.DENIED  # "no attack took place"
            # «..، وفق ما أفادت وسائل الإعلام الإيرانية», "..., TASS reports"; "X said ..., according to Interfax": the
            # saying is known from the agency
            cert = sourced(cert, pc.p.text, te if etype == "statement" else v.sent.start, v.sent.end)
            if cert == Certainty.ASSERTED and etype != "statement" and quoted_report(pc.p.text, ts):
                cert = Certainty.REPORTED  # «وجاء في بيان الكرملين: "... العدوان الإسرائيلي ..."»: the statement's words
            past = _told_as_past(v, pred)
            if cert in (Certainty.ASSERTED, Certainty.REPORTED) and any(
                    "future" in (d.flags or []) and (not past or "relative" in (d.flags or [])) and (
                        any(_in_own(d, sp) for sp in (spans, context_spans(v, pred), trailing_adjuncts(v, pred)))
                        or (pred.verbal and v.sent.tokens[pred.head][2] == "VBP" and v.sent.start <= d.start < v.sent.end))
                    for d in pc.raw_dates):  # (unresolved too: "tomorrow", "next year" in a text whose date is unknown;
                # a verb the tagger read as past is still to come with "next year" in its own clause)
                # «يلتقي الرئيسان في باكو غدا»: tomorrow, whatever the text's date (a present verb: anywhere in its
                # sentence, however the parser cut it)
                cert = Certainty.EXPECTED
            if cert in (Certainty.ASSERTED, Certainty.REPORTED) and _after_writing(date, dc) and not (
                    dm is not None and "relative" not in (dm.flags or []) and past):
                cert = Certainty.EXPECTED  # "next year", a date after the text was written: not yet happened
            if etype == "statement" and cert == Certainty.EXPECTED and pred.verbal and v.sent.tokens[pred.head][2] == "VBD" \
                    and not (pred.future or pred.modal or pred.conditional) and not _after_writing(date, dc):
                cert = Certainty.ASSERTED  # "Iran expects grain, the minister told YJC on Thursday": the saying was done
            if cert in (Certainty.ASSERTED, Certainty.REPORTED) and subject_of_what_will_be(v, pred) \
                    and not (date and dc.stated and date[:10] < dc.stated[:len(date[:10])]):
                cert = Certainty.EXPECTED  # "the talks will focus on Syria", «تتوقع أن تتناول محادثات لافروف وظريف»: to come
            if cert == Certainty.REPORTED and _own_announcement(pc, v, pred, filled.participants):
                cert = Certainty.ASSERTED
            if cert in (Certainty.ASSERTED, Certainty.REPORTED) and pred.governors and any(
                    v.in_words(t, "draft_words") for t in range(pred.governors[0].tok + 1, pred.head)):
                cert = Certainty.EXPECTED  # "a draft resolution imposing new sanctions": proposed, not in force
            if etype in ("meeting", "visit") and not pred.verbal and _NOT_ON_AGENDA.search(
                    pc.p.text, v.sent.tokens[pred.head][1], v.sent.end):
                cert = Certainty.DENIED  # "a meeting with Soleimani is not on Putin's agenda": denied by who keeps it
            if etype in ("ratification", "signing", "entry_into_force") and not pred.verbal and pred.governors \
                    and pred.governors[0].verbal and pred.governors[0].how == "pp" \
                    and pred.governors[0].marker in ("for", "ل", "لل") and cert in (Certainty.ASSERTED, Certainty.REPORTED):
                # "submitted the treaty for ratification in March", «أحال المعاهدة للمصادقة عليها»: what it was sent for is
                # to come; the date is the sending's
                cert, date = Certainty.EXPECTED, None
            if cert in (Certainty.EXPECTED, Certainty.ASSERTED, Certainty.REPORTED, Certainty.ALLEGED) and _plan_rejected(pred):
                cert = Certainty.DENIED  # «رفض … التقارير عن خطة لإرسال صواريخ»: the plan itself is denied
            if cert == Certainty.ALLEGED and _claim_called_false(pc, v, pred):
                cert = Certainty.DENIED  # «الادعاءات بأن إيران أرسلت صواريخ كاذبة», "claims that … are baseless"
            provided = _provided_for(pred, cues, v)
            if provided and not pred.verbal and date is None and not items and etype in _TERMS_NOT_EVENTS \
                    and not any(word_class(cues["provision_signing"], g.word) for g in pred.governors[:2]):
                # «جوهر الاتفاق يتمحور حول ... التدريبات المشتركة», "the treaty provides for joint drills": an area
                # of cooperation the agreement names, not one exercise held or to be held
                continue
            if cert in (Certainty.ASSERTED, Certainty.REPORTED) and provided:
                # (reported terms are still terms: "the press said they agreed on a deal under which Iran would export")
                # what an agreement provides for is to happen, unless the agreement is cancelled or frozen
                cert = Certainty.DENIED if _provision_ended(pred, cues) else Certainty.EXPECTED
            if provided and cert == Certainty.EXPECTED and dm is not None \
                    and not _BY_DATE.search(pc.p.text[max(0, dm.start - 20):dm.start]):
                date = None  # the day the agreement was signed is not the day of what it provides for ("by 2026" is)
            for roles in _bilateral_split(dc, v, pred, etype, filled.participants):
                key = (etype, date, tuple(sorted((p.role or "", p.actor) for p in roles)), agreement, tuple(items))
                if key in seen:
                    continue
                seen.add(key)
                tail = f":{agreement.split(':', 1)[1]}" if agreement else (f":{'+'.join(items)}" if items else "")
                who = "+".join(f"{p.role or 'x'}={p.actor}" for p in sorted(roles, key=lambda p: (p.role or "", p.actor)))
                eid = f"event:{etype}:{date or 'nodate'}:{who or 'none'}{tail}"
                if not date and not tail:
                    # too little to tell one such event from another: keep it to its own clause's words
                    clause_key = " ".join(pc.key[a:b] for a, b in key_spans)
                    eid += ":" + hashlib.sha1(clause_key.encode()).hexdigest()[:8]
                what = known_names.get(agreement) if agreement else (items[0] if items else None)
                lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
                out.append(EventRecord(
                    id=eid, label=_label(dc, etype, [p.actor for p in roles], date, what), type=etype, date=date,
                    date_precision={4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None,
                    participants=sorted({p.actor for p in roles}), roles=roles, place=filled.place, agreement=agreement,
                    items=items, topics=sorted({m.ref for m in pc.topics if _in_own(m, spans) and not _in_title(v, pred, m)}),
                    summary=pc.p.text[lo:hi].strip()[:200], certainty=cert, channel="phone" if h.cat == "call" else None,
                    evidence=[pc.evidence(cert, {"date": date, "trigger": pc.p.text[ts:te]})],
                ))

