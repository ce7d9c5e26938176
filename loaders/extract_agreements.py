"""Find agreements: known ones by name, others by kind word + parties; read status, dates, duration, articles, coverage and missing provisions."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty, quoted_report, source_named
from irkg.loaders.extract import PAIR, DocCtx, PassageCtx, date_value
from irkg.loaders.extract_events import conjunct_date
from irkg.loaders.extract_lexicon import Lexicon, lexicon_of, read_yaml
from irkg.loaders.labels import SEVERAL
from irkg.loaders.parse.clauses import context_spans, own_spans, syntax_words, word_class
from irkg.schema.graph import AgreementRecord, AgreementStatus

STATUS_ORDER = ["negotiated", "signed", "ratified", "in_force", "stalled", "frozen", "ended"]
_PARTY_REACH = 60
_CONTENT = re.compile(r"(?<!\w)(?:عل[ىي]|on)\s")  # "اتفقا على تجميد ...": what was agreed opens here
_CONTENT_REACH = 50  # key characters between the kind word and the opener of what was agreed
_OBJECT_BEFORE = re.compile(r"(?<!\w)(?:مع|ضد|with|against)\s+$")
_COMMERCIAL = {"contract", "mou", "deal"}
_BETWEEN = re.compile(r"\w*\s+(?:\w+\s+)?(?:بين\s+\w+\s+و\w+|between\s+\w+\s+and\s+\w+)(?:\s+\w+)?")  # display characters around a kind word where its parties are named
_EN_DEFINITE = re.compile(r"\b(?:the|this|that|its)\s+$")  # "the treaty" points back like "المعاهدة"
_ANAPHORA_SPAN = 12  # passages over which "المعاهدة" still points to the last agreement named
_NAME_STOP = re.compile(match_key(r"\s(?:في|على|مع|بين|من|الى|إلى|عن|التي|الذي|بقيمة|لمدة|تمتد|يمتد|بشان|بموجب|حول|يقضي|تقضي|ينص|تنص|يهدف|تهدف|يتيح|تتيح|يسمح|تسمح|يشمل|تشمل|و\w+)\s|[،,.:;؛()«»\"“”]"))
_KIND_EN = {"treaty": "Treaty", "mou": "Memorandum of understanding", "contract": "Contracts",
            "deal": "Deal", "roadmap": "Roadmap", "membership": "Membership", "agreement": "Agreement"}


@lru_cache(maxsize=1)
def agreement_cues() -> dict:
    """Load and compile cues_agreements.yaml."""
    data = read_yaml("cues_agreements.yaml")
    known = {k["id"]: k for k in data.get("known", [])}
    names = {}
    for k in known.values():
        for n in k.get("names", []):
            names[n] = k["id"]
    return {
        "kinds": lexicon_of(data["kinds"]),
        "status": lexicon_of(data["status"]),
        "not_after": {match_key(w) for w in data.get("not_after", [])},
        "other_than_named": {match_key(w) for w in data.get("other_than_named", [])},
        "plurals": {match_key(w) for w in data.get("plurals", [])},
        "generic_plural": {match_key(w) for w in data.get("generic_plural", [])},
        "verbs": lexicon_of({"verb": data.get("verbs", []), "apart": data.get("verbs_apart", [])}),
        "signing_nouns": lexicon_of({"s": data.get("signing_nouns", [])}),
        "member_verbs": lexicon_of({"m": data.get("member_verbs", [])}),
        "missing": lexicon_of({"missing": data.get("missing_cues", [])}),
        "provisions": lexicon_of(data.get("provisions", {})),
        "cover": lexicon_of({"cover": data.get("cover_cues", [])}),
        "duration": lexicon_of({"duration": data.get("duration_cues", [])}),
        "dur_unit": [match_key(w) for w in data.get("durations_after_unit", [])],
        "known": known,
        "names": Lexicon(names),
    }


def _parties(pc: PassageCtx, dc: DocCtx, ts: int = 0, te: int = 10**9) -> list[str]:
    out = []
    for m in pc.actors_between(ts, te):
        # a person or an institution (parliament, ministry) acts for its state; companies stay parties
        r = dc.state_of(m.ref) if dc.actor_type(m.ref) in ("person", "institution") else m.ref
        if r not in out:
            out.append(r)
    return out


_BETWEEN = frozenset({"بين", "between"})
_PARTY_PREPS = {"بين", "between", "مع", "with", "و", "and"}


def _tree_status(pc: PassageCtx, v, pred, cues) -> str | None:
    """The status the tree gives an agreement: a status word governing it ("وقعت الاتفاقية", "ratified the treaty",
    "توقيع الاتفاقية") or qualifying it ("الاتفاقية الموقعة"), never one that is negated ("has not ratified")."""
    found = []
    for g in pred.governors[:3]:
        for h in cues["status"].find(g.word):
            if h.start - len(h.prefix) == 0 and not g.negated:
                found.append(h.cat)
    for a in pred.args:
        if a.rel in ("adj",):
            for t in range(a.node.i, a.node.j):
                found += [h.cat for h in cues["status"].find(v.word(t)) if h.start - len(h.prefix) == 0]
    # "دخلت حيز التنفيذ", "entered into force": the status phrase around the agreement word's own clause
    for a, b in _own_key_spans(pc, v, pred):
        found += [h.cat for h in cues["status"].find(pc.key, a, b) if h.cat == "in_force"]
    if pred.negated:
        return None
    return max(found, key=STATUS_ORDER.index) if found else None


def _own_key_spans(pc: PassageCtx, v, pred) -> list[tuple[int, int]]:
    from irkg.loaders.parse.clauses import own_spans

    return [(pc.kt.to_key(a), pc.kt.to_key(b)) for a, b in own_spans(v, pred)]


def _tree_parties(pc: PassageCtx, dc: DocCtx, v, pred, kind: str = "", pair_fallback: bool = True) -> list[str]:
    """The parties of an agreement, from its own phrase ("المعاهدة الروسية الإيرانية", "اتفاق بين X وY",
    "agreement with Iran") and from the verb that makes it ("وقعت روسيا اتفاقا مع إيران"): never an actor that
    merely stands in the sentence."""
    from irkg.loaders.frames import without_shells
    from irkg.loaders.parse.clauses import predicate_at, syntax_words, word_class

    words = syntax_words()
    preps = _PARTY_PREPS | ({"of", "في", "in", "إلى", "الي", "to"} if kind == "membership" else set())  # "a member of the SCO", "accession to"
    # (a "between" phrase nested in the agreement's own, «اتفاقية للتعاون العسكري بين روسيا وإيران», names its parties)
    nodes = [a.node for a in pred.args if a.rel in ("adj", "gen", "poss", "subj")
             or (a.rel == "pp" and (a.via != "pp" or a.marker.split(" ")[0] in _BETWEEN) and a.marker.split(" ")[0] in preps)]
    govs = pred.governors
    if govs and not govs[0].verbal and any(dc.actor_type(m.ref) == "person" and m.start <= v.sent.tokens[govs[0].tok][0] < m.end
                                           for m in pc.actors):
        govs = govs[1:]  # «وقع ... أليكسي ليخاتشيف مذكرة تفاهم»: a name is no noun a memorandum can be "of" (a parse slip)
    g = next((g for g in govs[:1] if g.verbal and g.how in ("obj", "pp")), None)
    # "Russia backed Iran's accession (to the SCO)": the member is named; the verb's subject only backs it
    # («عضويتها»: a pronoun names nobody, the verb's subject is the member)
    bodies_only: list = []
    member_named = kind == "membership" and any(a.rel in ("gen", "poss") and pc.mentions_in(v, a.node, pc.actors)
                                                for a in pred.args)
    if g is not None and v.sent.pre[g.tok] is not None:
        gov = predicate_at(v, g.tok)
        if gov is not None:
            # a membership's body is never a "with" phrase of the verb ("secured membership ... with Russia's support")
            gov_preps = preps - _PARTY_PREPS if kind == "membership" else _PARTY_PREPS
            speaker = word_class(words["governors"], g.word) in ("reported", "alleged")
            nodes += [a.node for a in gov.args if (a.rel in ("subj", "by") and not member_named and not speaker)
                      or (a.rel == "pp" and a.via != "pp" and a.marker.split(" ")[0] in gov_preps)]
            if member_named:  # "SCO members approved Iran's membership": the body may still be the verb's subject
                bodies_only = [a.node for a in gov.args if a.rel in ("subj", "by")]
    for rel in _relative_clauses(v, pred):
        # "الاتفاق الذي وُقّع عام 2023 بين طهران وموسكو", "the deal Iran reached with the powers"
        nodes += [a.node for a in rel.args if (a.rel in ("subj", "by") and not rel.passive)
                  or (a.rel == "pp" and a.via != "pp" and a.marker.split(" ")[0] in _PARTY_PREPS)]
    out: list[str] = []
    for m in without_shells(dc, [m for n in nodes for m in pc.mentions_in(v, n, pc.actors)]):
        r = dc.state_of(m.ref) if dc.actor_type(m.ref) in ("person", "institution") else m.ref
        if r not in out:
            out.append(r)
    if not any(dc.actor_type(r) in ("organization", "bloc") for r in out):
        for n in bodies_only:
            out += [m.ref for m in pc.mentions_in(v, n, pc.actors)
                    if dc.actor_type(m.ref) in ("organization", "bloc") and m.ref not in out][:1]
    firms = {dc.state_of(r) for r in out if dc.actor_type(r) == "company" and dc.state_of(r) != r}
    out = [r for r in out if r not in firms]  # «غازبروم الروسية»: the company is the party, not Russia beside it
    after_else = any(not g.verbal and word_class(words["since_preps"], g.word) for g in pred.governors[:3])
    if len(out) < 2 and dc.pair_doc and kind != "membership" and not after_else and pair_fallback:
        # (not for a deal named in what the fact came after: "days after Total pulled out of a gas deal")
        # in a text about Iran and Russia, "its obligations under the partnership agreement" with one of them
        # acting, and no other state in the agreement's own phrase, is their agreement
        acting = out or _acting_states(pc, dc, v, pred)
        if acting and set(acting) <= set(PAIR):
            out = list(PAIR)
    return out


def _relative_clauses(v, pred) -> list:
    """The predicates of the relative clauses that modify an agreement word."""
    from irkg.loaders.parse.clauses import clause_verb, predicate_at

    out = []
    n = pred.node
    for _ in range(3):
        for c in n.kids:
            if c.cat != "SBAR" or c.i <= pred.head:
                continue
            head = clause_verb(v, c)
            if head is not None:
                got = predicate_at(v, head.tok)
                if got is not None:
                    out.append(got)
        if n.parent is None or n.parent.cat != "NP":
            break
        n = n.parent
    return out


def _acting_states(pc: PassageCtx, dc: DocCtx, v, pred) -> list[str]:
    """States in the subject of the clauses that govern an agreement word."""
    from irkg.loaders.parse.clauses import predicate_at, syntax_words, word_class

    words = syntax_words()
    out: list[str] = []
    for g in pred.governors[:3]:
        if not g.verbal or v.sent.pre[g.tok] is None:
            continue
        if word_class(words["governors"], g.word) in ("reported", "alleged"):
            continue  # "a Russian deputy minister said the agreement will ...": the speaker is no party
        gov = predicate_at(v, g.tok)
        for a in gov.args_of("subj") if gov is not None else []:
            for m in pc.mentions_in(v, a.node, pc.actors):
                st = dc.state_of(m.ref)
                if st not in out:
                    out.append(st)
    return out


def _clause_subject(pc: PassageCtx, dc: DocCtx, v, pred) -> list[str]:
    """The states of the subject of the verbless clause an agreement word stands in («إيران وروسيا عضوان في
    المعاهدة», "Iran and Russia are parties to the treaty"): the noun phrase before the predicate that holds it."""
    n = pred.node
    while n.parent is not None and n.cat != "S":
        n = n.parent
    if n.cat != "S":
        return []
    subj = next((k for k in n.kids if k.cat == "NP" and k.j <= pred.node.i), None)
    return list(dict.fromkeys(dc.state_of(m.ref) for m in pc.mentions_in(v, subj, pc.actors))) if subj is not None else []


def _content_span(pc: PassageCtx, ke: int) -> tuple[int, int] | None:
    """Return the key span of what an agreement is about ("على تجميد التعاون مع طهران"), if any."""
    m = _CONTENT.search(pc.key, ke, ke + _CONTENT_REACH)
    if not m or any(c in pc.key[ke:m.start()] for c in "،,؛;."):
        return None
    ends = [i for i in (pc.key.find(c, m.end()) for c in "،,؛;.") if i >= 0]
    return m.start(), min(ends, default=len(pc.key))


def _drop_objects(pc: PassageCtx, parties: list[str], dc: DocCtx, content) -> list[str]:
    """Drop actors named as the object inside what was agreed ("... على تجميد التعاون مع طهران")."""
    if not content:
        return parties
    cs, ce = pc.span_of(*content)
    objs = {m.ref for m in pc.actors_between(cs, ce) if _OBJECT_BEFORE.search(pc.p.text[max(cs, m.start - 12):m.start])}
    objs = {dc.state_of(r) if dc.actor_type(r) in ("person", "institution") else r for r in objs}
    kept = [p for p in parties if p not in objs]
    # "وقعت إيران اتفاقا على التعاون مع روسيا": with one party left, the partner after مع is the other one
    return kept if len(kept) >= 2 else parties


def _status(pc: PassageCtx, cues, skip: tuple[int, int] | None = None) -> str | None:
    # a status word inside what was agreed is the status of that thing ("اتفقا على تجميد التعاون")
    found = {h.cat for h in cues["status"].find(pc.key) if not (skip and skip[0] <= h.start < skip[1])}
    return max(found, key=STATUS_ORDER.index) if found else None


_TARGET_DATE = re.compile(r"(?:\bfor|\bby|\buntil|\bthrough|بحلول|حتى|لعام|للعام|ل)\s*(?:the\s+(?:year|end\s+of)\s*|(?:ال)?عام\s*|نهاية\s*)?$", re.I)


_CLAUSE_BREAK = re.compile(r"[،,؛;]\s*(?:و?لكن|بل|ثم|بينما|في حين|الا ان|إلا أن|غير ان|غير أن|بعد ان|بعد أن|قبل ان|قبل أن|but|while|after|before|whereas)(?!\w)")


def _target_dates(pc: PassageCtx) -> tuple[int, ...]:
    """Starts of the dates a target stands at ("the goal of two million tonnes for 2024", «بحلول عام 2030»): a
    target's year, never when something was agreed."""
    return tuple(d.start for d in pc.dates if _TARGET_DATE.search(pc.p.text[max(0, d.start - 16):d.start]))


def _clause_date(pc: PassageCtx, h, skip):
    """The date in the own clause of a status word («وقعت … في 2007»), read off the tree: the date mention, False when
    the clause has none, None without a tree."""
    v, pred = pc.predicate_of(h.start, h.end)
    if pred is None or not pred.verbal:
        return None  # a status noun or adjective («الموقعة»): its clause is the phrase around it
    spans = own_spans(v, pred) + context_spans(v, pred)
    ts, _ = pc.span_of(h.start, h.end)
    got = [d for d in pc.dates if d.start not in skip and date_value(d) and "century" not in (d.flags or [])
           and any(a <= d.start and d.end <= b for a, b in spans)]
    if got:
        return min(got, key=lambda d: abs(d.start - ts))
    # "defied the US on Monday and signed a series of agreements": the day of the first conjunct
    return conjunct_date(pc, v, pred) or False


def _dates(pc: PassageCtx, cues, ks: int | None = None) -> dict[str, str]:
    out = {}
    targets = _target_dates(pc)
    for h in cues["status"].find(pc.key):
        field = {"signed": "date", "ratified": "ratified", "in_force": "in_force"}.get(h.cat)
        if ks is not None and _CLAUSE_BREAK.search(pc.key, min(ks, h.start), max(ks, h.start)):
            continue  # «توصلتا إلى اتفاق ...، بعد أن وقعت جازبروم في 2024 مذكرة»: another clause's signing
        purpose = (h.prefix.endswith("ل") and not h.prefix.endswith("ال")) or h.cue.startswith("لل")
        if field and (pc.key[max(0, h.start - 5):h.start].rstrip().endswith("for") or purpose):
            continue  # "submitted for ratification in March", «للمصادقة عليها»: what it was sent for, not done then
        if field and field not in out:
            ts, te = pc.span_of(h.start, h.end)
            d = _clause_date(pc, h, targets)
            if d is False:
                continue  # the signing's own clause names no date: a date elsewhere in the sentence is another fact's
            if d is None:
                d = pc.nearest_date(ts, te, window=120, skip=targets)
            if d is not None and (d.start >= te or ts - d.end <= 25):
                out[field] = date_value(d)
    return out


def _duration(pc: PassageCtx, cues, ts: int) -> int | None:
    for q in pc.quantities:
        if q.kind == "duration" and q.unit == "years" and 1 <= q.value <= 99 and (
                q.start >= ts or (ts - q.end < 50 and "-" in q.surface)):  # "a 20-year treaty"
            kq = pc.kt.to_key(q.start)
            near = cues["duration"].find(pc.key, max(0, kq - 25), kq + 2)
            if near or q.start - ts < 90:
                return int(q.value)
    from irkg.loaders.numbers import load_number_lexicon

    words = load_number_lexicon().words
    for unit in cues["dur_unit"]:
        for m in re.finditer(rf"{unit}\s+(?:ال)?(\w+)", pc.key):
            v = words.get(m.group(1))
            if v and v >= 2:
                return int(v)
    return None


def _articles(pc: PassageCtx) -> int | None:
    for q in pc.quantities:
        if q.unit == "articles" and q.value.is_integer():
            return int(q.value)
    return None


def _name_after(key: str, ks: int) -> str:
    m = _NAME_STOP.search(key, ks + 1)
    end = m.start() if m else len(key)
    words = key[ks:end].split()
    return " ".join(words[:6])


_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_EN_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*|[,.;:()\"“”]")
# words that end an English agreement's name: a verb, a clause, a date or a value after it
_EN_NAME_END = frozenset("""that which who whose worth valued signed was were is are has had have will would
    could should may might at by from after since during under last this these those until as than being been just
    reached agreed concluded struck expires expired allows provides covers calls""".split())
_EN_NAME_LINKS = frozenset({"in", "of", "and", "on"})
_EN_MONTHS = frozenset("january february march april may june july august september october november december".split())


def _english_name(text: str, ts: int, cap: int = 10) -> str:
    """The name of an English agreement from its kind word: "membership in BRICS and the Shanghai Cooperation
    Organization", "the North-South Transport Corridor agreement" — up to a verb, a clause, a punctuation mark or a
    date, and never ending on a linking word or inside a capitalized name."""
    words = [m for m in _EN_WORD.finditer(text, ts, min(len(text), ts + 200))]
    end = None
    for n, m in enumerate(words[:cap + 1]):
        w = m.group()
        low = w.lower()
        if n and (not w[0].isalnum() or low in _EN_NAME_END or low in _EN_MONTHS or re.fullmatch(r"\d{4}s?", w)):
            break
        if n >= cap:
            break
        end = m
    if end is None:
        return ""
    got = text[ts:end.end()].split()
    while got and got[-1].lower() in _EN_NAME_LINKS | {"the", "a", "an"}:
        got.pop()
    return " ".join(got)


_EN_TIME_PREPS = frozenset("in on at by after before during since until from within over".split())
_EN_DETERMINERS = frozenset("a an the its their his her our this that these those any another such".split())


def _english_tree_name(pc: PassageCtx, v, pred, cap: int = 14) -> str:
    """The name of an English agreement from its noun phrase: its modifiers ("a nuclear fuel supply deal") and the
    phrases naming what and whom it is about ("on oil and gas supplies between Iran and Russia"), never a verb or a
    clause after it ("long opposed by Washington", "gained fresh momentum") nor a phrase of time ("in July 2023")."""
    np = pred.node
    if np is None or np.cat not in ("NP", "NML"):
        return ""
    i, j = np.i, np.j
    while np.parent is not None and np.parent.cat == "NP" and np.parent.kids[0] is np:
        stop = False
        for c in np.parent.kids[1:]:
            first = next((d for d in c.walk() if d.is_pre), None)
            word = v.word(first.tok).lower() if first is not None else ""
            if c.cat != "PP" or word in _EN_TIME_PREPS and any(v.kinds.get(t) in ("date", "place") for t in range(c.i, min(c.j, c.i + 3))) \
                    or word in ("by", "after", "before", "during", "since", "until"):
                stop = True
                break
            j = c.j
        if stop:
            break
        np = np.parent
    head = pred.head
    cut = next((t for t in range(head + 1, j) if v.word(t) in (",", ";", ":", "(", "—", "–")
                or v.word(t).lower() in ("worth", "valued", "which", "that", "who")), None)
    if cut is not None:
        j = cut  # ", worth 1.6 billion euros", "that will cut transit times"
    if j - i > cap:
        j = i + cap
    if j - i == 1 and v.word(i).lower() == v.word(head).lower():
        return ""  # the kind word alone: the phrase after it hangs on the verb ("secured membership in BRICS")
    while i < j and v.word(i).lower() in _EN_DETERMINERS | {"'s", "’s"}:
        i += 1
    while j > i and v.word(j - 1).lower() in _EN_NAME_LINKS | _EN_DETERMINERS | {",", "and"}:
        j -= 1
    toks = v.sent.tokens
    if i >= j:
        return ""
    return pc.p.text[toks[i][0]:toks[j - 1][1]]


_CARRYING_OUT = frozenset({"تنفيذ", "تطبيق", "implementation", "implementing", "execution", "fulfilment", "fulfillment"})


def _make(pc, dc, cues, aid, kind, names, parties, ks, ke, label, known=False) -> AgreementRecord:
    from irkg.loaders.extract_events import subject_of_what_will_be
    from irkg.loaders.modality import predicate_certainty
    from irkg.schema.graph import Certainty

    ts, te = pc.span_of(ks, ke)
    content = _content_span(pc, ke)
    # only a status word heading what was agreed ("على تجميد") is that thing's status
    status = _status(pc, cues, (content[0], pc.key.find(" ", content[0]) + 3) if content else None)
    v, pred = pc.predicate_of(ks, ke)
    cert = predicate_certainty(v, pred) if pred is not None else assess_certainty(pc.key, ks, ke)
    if pred is not None:
        status = _tree_status(pc, v, pred, cues)
    if cert in (Certainty.ASSERTED, Certainty.REPORTED) and pred is not None and pred.governors \
            and pred.governors[0].verbal and pred.governors[0].how == "pp" and pred.governors[0].marker in ("ل", "لل", "to", "toward", "towards") \
            and word_class(syntax_words()["talk_verbs"], pred.governors[0].word):
        cert = Certainty.EXPECTED  # «تتشاوران للتوصل لاتفاق», "negotiating toward a deal": an agreement sought
    if cert in (Certainty.ASSERTED, Certainty.REPORTED) and pred is not None and subject_of_what_will_be(v, pred):
        cert = Certainty.EXPECTED  # "an agreement ... is due to be signed during the visit": not yet made
    if cert in (Certainty.EXPECTED, Certainty.DENIED) and status in ("signed", "ratified", "in_force"):
        status = "negotiated" if cert == Certainty.EXPECTED else None  # "سيتم توقيعها": to be signed, not signed
    if cert == Certainty.REPORTED and pred is not None and _announced_by_parties(pc, dc, v, pred, parties):
        cert = Certainty.ASSERTED  # «أعلنت إيران وروسيا التوصل إلى اتفاق»: the parties announce their own act
    if cert in (Certainty.ASSERTED, Certainty.REPORTED) and pred is not None and not pred.verbal and pred.governors \
            and pred.governors[0].verbal and pred.governors[0].how in ("obj", "subj") and pred.governors[0].negated:
        cert = Certainty.DENIED  # «قال إنه لم يُكتب اتفاق رسمي بين البلدين»: the report is that there is none
    if cert == Certainty.DENIED and pc.key[max(0, ks - 24):ks].split()[-1:] and pc.key[max(0, ks - 24):ks].split()[-1] in _CARRYING_OUT:
        cert = Certainty.ASSERTED  # «لم تبدأ تنفيذ العقد»: the contract stands; carrying it out is what is denied
    if cert == Certainty.DENIED and status in ("frozen", "ended", "stalled"):
        cert = Certainty.ASSERTED  # "froze the S-300 deal": the deal existed; being frozen is its status, not a denial
    if cert == Certainty.ASSERTED and (v is not None and source_named(pc.p.text, v.sent.start, v.sent.end)
                                       or quoted_report(pc.p.text, ts)):
        cert = Certainty.REPORTED  # "Iran and Russia have reached an agreement ..., TASS reports", someone's quoted words
    dates = _dates(pc, cues, ks)
    if cert == Certainty.EXPECTED and dates.get("date") and dc.stated and dates["date"][:len(dc.stated)] <= dc.stated[:len(dates["date"])]:
        dates = {**dates, "date": None}  # "Putin said on 12 September he awaits the signing": when it was spoken of
    duration = _duration(pc, cues, ts)
    articles = _articles(pc)
    covers = sorted({m.ref for m in pc.topics}) if cues["cover"].find(pc.key) else []
    missing = _missing(pc, cues)
    claims = {**dates, "status": status, "duration_years": duration, "articles": articles}
    return AgreementRecord(
        id=aid, label=label, agreement_kind=kind, names=names,
        date=dates.get("date"), ratified=dates.get("ratified"), in_force=dates.get("in_force"),
        duration_years=duration, articles=articles, status=AgreementStatus(status) if status else None,
        parties=parties, multilateral=len(parties) > 2, covers=covers, missing_provisions=missing, certainty=cert,
        evidence=[pc.evidence(cert, claims)],
    )


def _only_aimed_at(v, pred) -> bool:
    """Tell whether an unnamed agreement is only what an effort aims at: a purpose word or an effort noun above it
    before any verb ("من أجل التوصل إلى اتفاق", "تسهيل التوصل إلى اتفاق", "efforts to broker a deal")."""
    from irkg.loaders.parse.clauses import syntax_words, word_class

    words = syntax_words()
    for g in pred.governors:
        if g.verbal:
            return False
        if word_class(words["purpose"], g.word) or word_class(words["aim_nouns"], g.word):
            return True
    return pred.purpose


_INITIATIVE = re.compile(r"مبادر|initiative", re.I)


def _announced_by_parties(pc: PassageCtx, dc: DocCtx, v, pred, parties: list[str]) -> bool:
    """Tell whether the first verb above an agreement is an announcement by its own parties («أعلنت إيران وروسيا
    التوصل إلى اتفاق», and a that-clause they announce about it); unlike an event's own announcement
    (`extract_events._own_announcement`), the agreement need not be the verb's object."""
    from irkg.loaders.parse.clauses import predicate_at, syntax_words, word_class

    words = syntax_words()
    for g in pred.governors[:3]:
        if not g.verbal:
            continue
        if not word_class(words["announce_verbs"], g.word):
            return False
        gov = predicate_at(v, g.tok)
        said = {dc.state_of(m.ref) for a in (gov.args_of("subj") if gov else []) for m in pc.mentions_in(v, a.node, pc.actors)}
        return bool(said) and said <= {dc.state_of(p) for p in parties}
    return False


def _applied_for(key: str, start: int) -> bool:
    """Tell whether a membership word is what an application or a bid asks for ("تقدمت بطلب للانضمام",
    "an application for membership", "its bid for membership"): the parser often hangs it on the verb instead."""
    from irkg.loaders.parse.clauses import syntax_words, word_class

    aims = syntax_words()["aim_nouns"]
    words = [w for w in key[max(0, start - 40):start].split() if w not in ("for", "of", "to")][-1:]
    return any(word_class(aims, w) for w in words)


def _missing(pc: PassageCtx, cues) -> list[str]:
    out = []
    for h in cues["missing"].find(pc.key):
        for p in cues["provisions"].find(pc.key, h.end, h.end + 60):
            if p.cat not in out:
                out.append(p.cat)
    return out


_ANY_KIND = frozenset({match_key(w) for w in ("أي", "أية", "any", "such", "no")})


def _generic_id(kind: str, parties: list[str], anchor: str) -> str:
    h = hashlib.sha1(anchor.encode()).hexdigest()[:8]
    return f"agreement:{kind}:{'+'.join(sorted(parties)) or 'unknown'}:{h}"


def extract_agreements(pcs: list[PassageCtx], dc: DocCtx, out: list) -> dict[int, list[str]]:
    """Append agreement records to `out`; return agreement ids per passage index."""
    cues = agreement_cues()
    by_passage: dict[int, list[str]] = {}
    last: tuple[int, str] | None = None
    recent: dict[str, tuple[int, str]] = {}  # agreement kind -> (passage, id) last named
    named: dict[str, int] = {}  # agreement id -> times named by its name
    for pc in pcs:
        ids: list[str] = []
        taken: list[tuple[int, int]] = []
        for h in cues["names"].find(pc.key):
            k = cues["known"][h.cat]
            beside = pc.key[h.end:h.end + 20].split()[:1] + pc.key[max(0, h.start - 20):h.start].split()[-1:]
            if any(w in cues["other_than_named"] for w in beside):
                continue  # «الاتفاق النووي المؤقت», "the interim nuclear deal": another agreement than the named one
            if k.get("needs_agreement_word") and not cues["kinds"].find(pc.key, max(0, h.start - 40), h.end + 40) \
                    and len(pc.states & set(k.get("parties", []))) < 2 and not _INITIATIVE.search(pc.key):
                # «مشروع ممر الشمال-الجنوب يتكون من خطوط بحرية»: the route, not the agreement on it (the parties
                # named with it, or "initiatives such as", make it the undertaking)
                continue
            ts, te = pc.span_of(h.start, h.end)
            rec = _make(pc, dc, cues, f"agreement:{k['id']}", k.get("kind", "agreement"),
                        list(dict.fromkeys([k["name_en"], *(n.rstrip("=") for n in k.get("names", [])), pc.p.text[ts:te]])),
                        list(k.get("parties", [])), h.start, h.end, k["name_en"], known=True)
            if k.get("multilateral"):
                # a treaty open to many states: its parties here are the states this mention concerns («إيران
                # ملتزمة بمعاهدة عدم الانتشار»: Iran), not every state of the dictionary entry
                v, pred = pc.predicate_of(h.start, h.end)
                concerned = (_tree_parties(pc, dc, v, pred, pair_fallback=False) or _acting_states(pc, dc, v, pred)
                             or _clause_subject(pc, dc, v, pred)) if pred else []
                rec.parties = [r for r in concerned if dc.actor_type(r) == "state"]
                rec.multilateral = True
            out.append(rec)
            ids.append(rec.id)
            taken.append((h.start, h.end))
            recent[rec.agreement_kind] = last = (pc.p.idx, rec.id)
            named[rec.id] = named.get(rec.id, 0) + 1
        kinds = cues["kinds"].find(pc.key)
        for n, h in enumerate(kinds):
            if any(a <= h.start < b for a, b in taken):
                continue
            nxt = pc.key[h.end:h.end + 30].split()
            plural = match_key(h.cue.rstrip("=")) in cues["plurals"]  # "agreements", «العقود الثنائية والثلاثية»
            if nxt and (nxt[0] in cues["not_after"] or " ".join(nxt[:2]) in cues["not_after"]):
                continue
            if h.cat == "contract" and "ل" in h.prefix:
                continue  # لعقود = for decades
            if h.cat == "membership" and _applied_for(pc.key, h.start - len(h.prefix)):
                continue  # "تقدمت بطلب للانضمام": an application, no membership
            if n + 1 < len(kinds) and kinds[n + 1].start - h.end < 14:
                continue  # "اتفاق حول خريطة طريق": the second word names the kind
            definite = (h.prefix.endswith(("ال", "لل")) or h.cue.startswith(("ال", "لل"))
                        or bool(_EN_DEFINITE.search(pc.key, max(0, h.start - 8), h.start)))
            name = _name_after(pc.key, h.start)
            follows_name = bool(nxt) and nxt[0][0] in "\"«“"
            new_party = "مع" in nxt[:3] or "with" in nxt[:3]
            # "المعاهدة" points back to the last treaty; only a generic "الاتفاق" may point to any kind
            ref = recent.get(h.cat) or (last if h.cat == "agreement" else None)
            if h.cat == "agreement" and last and (ref is None or last[0] > ref[0]):
                ref = last  # "الاتفاق" right after "المعاهدة" was named: that treaty
            if h.cat == "agreement" and named and not (ref and pc.p.idx - ref[0] <= 1):
                # "الاتفاق" points to the agreement the text keeps naming, not one cited once as an example
                # (unless one was named in this passage or the one before: then it is that one)
                top = max(named.items(), key=lambda kv: kv[1])
                if top[1] >= 2 and top[0] != (ref or (0, ""))[1] and named.get((ref or (0, ""))[1], 0) < top[1]:
                    ref = (pc.p.idx, top[0])
            if definite and not follows_name and not new_party and ref and pc.p.idx - ref[0] <= _ANAPHORA_SPAN:
                ids.append(ref[1])
                _enrich_anaphor(pc, dc, cues, ref[1], h, out)
                continue
            ts, te = pc.span_of(h.start, h.end)
            v, pred = pc.predicate_of(h.start, h.end)
            if pred is None:
                continue  # without a tree the parties cannot be told from the actors around
            if _only_aimed_at(v, pred):
                continue  # "mediation to reach a deal between Iran and the US": an aim, no agreement
            parties = _tree_parties(pc, dc, v, pred, h.cat)
            strong = (_status(pc, cues) or pc.dates or pc.items
                      or any(q.kind == "money" for q in pc.quantities) or h.cat in ("roadmap", "membership"))
            if not parties or not strong:
                continue
            if len(parties) < 2:
                continue  # an agreement needs two parties (a membership: a member and an organization)
            if any(i.count(":") > 2 and (set(i.split(":")[2].split("+")) & set(parties)
                                         or {i.split(":")[1], h.cat} <= _COMMERCIAL) for i in ids):
                continue  # one unnamed agreement per sentence and party set (an MoU and the contract it became)
            items = sorted({m.ref for m in pc.items if m.start >= ts})
            anchor = "" if h.cat == "membership" else (" ".join(items) if items else name)
            prev_word = pc.key[max(0, h.start - 16):h.start].split()[-1:]
            if items and ((nxt and nxt[0] in cues["other_than_named"]) or (prev_word and prev_word[0] in cues["other_than_named"])):
                anchor += " new"  # «عقدا جديدا» for the S-300: not the contract of 2007
            around = [w.strip("\"«“'") for w in pc.key[max(0, h.start - 20):h.start].split()[-2:]]
            if set(around) & _ANY_KIND:
                continue  # «أي صيغة اتفاق», "any such deal", "such deals": a kind of agreement, none concluded
            if plural and (set(around[-1:]) | set(nxt[:1])) & cues["generic_plural"]:
                continue  # "has not violated international agreements", «الاتفاقيات الدولية»: a class, none concluded
            party_sets = [parties]
            if h.cat == "membership":
                # "Iran's membership in BRICS and the SCO": one membership per body, never one body joining another
                bodies = [p for p in parties if dc.actor_type(p) in ("organization", "bloc")]
                members = [p for p in parties if p not in bodies]
                if not bodies or not members:
                    continue  # a membership is a member in a body: two states, or two bodies, are none
                if len(bodies) > 1 and members:
                    party_sets = [members + [b] for b in bodies]
            for parties in party_sets:
                aid = _generic_id(h.cat, parties, anchor) + (":several" if plural else "")
                label = f"{_KIND_EN.get(h.cat, 'Agreement')} ({', '.join(dc.name_of(p) for p in parties[:4])})"
                nm = _display(pc, h.start, h.start + len(name))
                if not _ARABIC_LETTER.search(nm):
                    nm = (_english_tree_name(pc, v, pred) if pred is not None else "") \
                        or _english_name(pc.p.text, pc.span_of(h.start, h.end)[0]) or nm
                # several unnamed agreements are recorded as one group, and say so
                rec = _make(pc, dc, cues, aid, h.cat, [nm] + ([SEVERAL] if plural else []), parties, h.start, h.end, label)
                if h.cat == "membership" and not rec.date:
                    d = pc.nearest_date(ts, te, window=80)  # "a full member ... in July 2023": when it joined
                    rec.date = date_value(d) if d is not None and d.start >= te else None
                out.append(rec)
                ids.append(aid)
            taken.append((h.start, h.start + len(name)))
            recent[h.cat] = last = (pc.p.idx, aid)
        for h in cues["verbs"].find(pc.key):
            if any(h.start <= a < h.end + 40 for a, _ in taken):
                continue  # the agreement reached is named right after the verb
            ts, te = pc.span_of(h.start, h.end)
            v, pred = pc.predicate_of(h.start, h.end)
            on = [a for a in pred.args if a.rel == "pp" and a.marker.split(" ")[0] == "علي"] if pred is not None else []
            if pred is None or (h.cat == "apart" and (pred.negated or not on or any(_signs(v, a) for a in on))):
                continue  # «اتفقتا على توقيع اتفاقية»: what is agreed is a signing to come, the agreement's own record
            # "اتفقت روسيا وإيران على", "Russia agreed with Iran to": the subject and the partner after مع/with
            parties = []
            for a in pred.args:
                if a.rel in ("subj", "by") or (a.rel == "pp" and a.via != "pp" and a.marker.split(" ")[0] in _PARTY_PREPS):
                    for m in pc.mentions_in(v, a.node, pc.actors):
                        r = dc.state_of(m.ref) if dc.actor_type(m.ref) in ("person", "institution") else m.ref
                        if r not in parties:
                            parties.append(r)
            if len(parties) < 2:
                continue
            if _goes_on_talking(v, pred):
                continue  # «اتفق الطرفان على مواصلة المشاورات», "agreed to continue consultations": no agreement of its own
            d = date_value(pc.nearest_date(ts, te, window=80, skip=_target_dates(pc)))
            # «اتفقت قطر وإيران وروسيا، أمس، على إنشاء ترويكا»: what they agreed on names the agreement, not who agreed
            said = _whole_words(pc.p.text, v.sent.tokens[on[0].node.i][0], 8) if h.cat == "apart" else _whole_words(pc.p.text, ts, 8)
            # undated, what was agreed tells one agreement from another («اتفقتا على تسليم مفاعلين» is not the
            # national-currency deal the same two reached): never one record for every undated deal of a pair
            aid = _generic_id("agreement", parties, d or said)
            rec = _make(pc, dc, cues, aid, "agreement", [said], parties,
                        h.start, h.end, f"Agreement ({', '.join(dc.name_of(p) for p in parties[:4])}{', ' + d if d else ''})")
            rec.date = rec.date or d
            out.append(rec)
            ids.append(aid)
        if not ids and last and pc.p.idx - last[0] <= 4 and _missing(pc, cues):
            ids.append(last[1])
            h = cues["missing"].find(pc.key)[0]
            _enrich_anaphor(pc, dc, cues, last[1], h, out)
        if ids:
            by_passage[pc.p.idx] = list(dict.fromkeys(ids))
    return by_passage


def _goes_on_talking(v, pred) -> bool:
    """Tell whether what a verb of agreeing is about is going on talking («على مواصلة المشاورات», "to continue
    consultations", «على الحوار»): the first words of its «على»/"to" phrase or complement."""
    from irkg.loaders.parse.clauses import syntax_words, word_class

    words = syntax_words()
    for a in pred.args:
        if a.rel in ("pp", "obj") or a.via == "xcomp":
            toks = [d.tok for d in a.node.walk() if d.is_pre][:3]
            if a.rel == "pp" and a.marker.split(" ")[0] not in ("على", "علي", "to", "on"):
                continue
            if any(word_class(words["continuation_nouns"], v.word(t)) or word_class(words["talk_nouns"], v.word(t)) for t in toks[:2]):
                return True
    nxt = [t for t in range(pred.head + 1, min(len(v.sent.tokens), pred.head + 4))]
    return any(v.word(t).lower() == "to" for t in nxt[:1]) and any(word_class(words["continuation_nouns"], v.word(t)) for t in nxt[1:2])


def _signs(v, a) -> bool:
    """An argument that opens with a noun of signing or concluding («توقيع اتفاقية», «إبرام عقد»)."""
    first = next((d for d in a.node.walk() if d.is_pre), None)
    return first is not None and bool(agreement_cues()["signing_nouns"].find(match_key(v.word(first.tok))))


def _whole_words(text: str, ts: int, n: int) -> str:
    """Up to n whole words from ts, stopping at a punctuation mark ("agreed with the Russian side", never "determin")."""
    out = []
    for w in text[ts:ts + 200].split():
        stop = w[-1] in ",.;:،؛" or w[0] in "(«\"“"
        out.append(w.rstrip(",.;:،؛"))
        if stop or len(out) >= n:
            break
    while out and (not out[-1] or out[-1].lower() in _TRAILING):
        out.pop()  # "... and determined the": never end on a word that opens what follows
    return " ".join(x for x in out if x)


_TRAILING = frozenset("the a an of and to with for on in at by from that which و في على من إلى الى مع عن أن ان بين".split())


def _display(pc: PassageCtx, ks: int, ke: int) -> str:
    ts, te = pc.span_of(ks, min(ke, len(pc.key)))
    return pc.p.text[ts:te].strip()


def _enrich_anaphor(pc, dc, cues, aid, h, out) -> None:
    """Record what a passage says about an agreement it refers to as "the treaty"."""
    base = next((r for r in reversed(out) if r.id == aid), None)
    if base is None:
        return
    rec = _make(pc, dc, cues, aid, base.agreement_kind, [], list(base.parties), h.start, h.end, base.label)
    if rec.date or rec.ratified or rec.in_force or rec.duration_years or rec.articles or rec.missing_provisions or rec.covers or rec.status:
        out.append(rec)
