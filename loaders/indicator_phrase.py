"""The words a figure belongs to, as the source puts them: the noun phrase around it in the parse tree.

An English label ("number of states", "capacity") says what kind of thing a figure measures; an
analyst also needs *whose* and *which*: «الدول الخمس المطلة على بحر قزوين», "Iran's non-oil
foreign trade", «قدرة محطة بوشهر». The phrase is the smallest noun phrase that holds the figure and
a content word of its own (widened over its genitive and prepositional modifiers); a figure that is
the predicate of its clause ("trade reached $4 bn", «بلغ حجم التبادل 4 مليارات») takes the clause's
subject. Nothing is guessed by character distance: without a tree there is no phrase.
"""

from __future__ import annotations

import re

from irkg.loaders.arabic import match_key
from irkg.loaders.extract import PassageCtx
from irkg.loaders.numbers import Quantity
from irkg.loaders.modality import predicate_certainty
from irkg.loaders.parse.clauses import blaming_phrase, in_aside, predicate_at, word_class
from irkg.schema.graph import Certainty
from irkg.loaders.parse.tree import Node

# how far a figure's certainty is from a plain statement (the more hedged of two readings wins)
HEDGE_RANK = {Certainty.ASSERTED: 0, Certainty.REPORTED: 1, Certainty.ALLEGED: 2, Certainty.EXPECTED: 3, Certainty.DENIED: 4}
_MAX_TOKENS = 12  # a phrase longer than this is a clause, not a name for a figure
_CONTENT = ("NN", "DTNN", "JJ", "DTJJ", "VN", "ADJ")  # a common word: a name alone ("Iran") says no more than actors
_NAME = ("NNP", "DTNNP")
# An Arabic figure follows its head only as a measure noun's complement or an adjective («مدة ثلاثة أيام»,
# «الدول الخمس»); words further back are another phrase («انهيار الاتحاد السوفيتي 50%»)
_AR_BEFORE = 2
_STOP = {"S", "SQ", "SINV", "SBAR", "SBARQ", "FRAG", "ROOT", "VP"}
_BREAK_TAGS = ("PUNC", ",", ":", "-LRB-", "-RRB-", "``", "''", ".", "VBD", "VBP", "VBZ", "MD")


def figure_phrase(pc: PassageCtx, q: Quantity) -> tuple[int, int] | None:
    """Return the passage span of the phrase a figure belongs to, or None without a tree or a phrase."""
    v = pc.view_at(q.start)
    got = pc.parsed.tokens_of(q.start, q.end) if v is not None else None
    if got is None or got[0] is not v.sent:
        return None
    s, i, j = got
    n: Node | None = s.pre[i]
    while n is not None and not (n.i <= i and n.j >= j):
        n = n.parent
    if n is None:
        return None

    def run(node: Node) -> tuple[int, int]:
        """The node's tokens around the figure, up to a punctuation mark or a finite verb on either side."""
        a, b = i, j
        floor = max(node.i, i - _AR_BEFORE) if v.lang == "ar" else node.i
        while a > floor and not s.tokens[a - 1][2].startswith(_BREAK_TAGS + ("CC",)):
            a -= 1
        while b < node.j and not s.tokens[b][2].startswith(_BREAK_TAGS) and not (
                s.tokens[b][2] == "CC" and not (b + 1 < node.j and b + 1 in v.starts)):
            b += 1  # "and" ends the phrase, except in a list of names ("between Iran and Russia")
        if a == floor > node.i and not s.tokens[a - 1][2].startswith(_BREAK_TAGS + ("CC",)):
            return j, j  # the phrase runs on before the figure: no phrase rather than half of one
        return a, b

    def content(a: int, b: int, skip: tuple[int, int]) -> bool:
        tags = [s.tokens[t][2] for t in range(a, b) if not (skip[0] <= t < skip[1])]
        return any(t.startswith(_CONTENT) and not t.startswith(_NAME) for t in tags)

    np = None
    while n is not None and n.cat not in _STOP:
        if n.cat == "NP" and content(*run(n), (i, j)):
            np = n
            break
        n = n.parent
    if np is not None:
        while (p := np.parent) is not None and p.cat == "NP" and p.j - p.i <= _MAX_TOKENS and \
                (p.kids[0] is np or v.lang == "en"):
            np = p  # its modifiers: «حصة روسيا (من تجارة إيران)», "4.5% (of Iran's trade)"
        a, b = run(np)
    else:
        subj = _subject_of(v, n)
        if subj is None or not content(subj.i, subj.j, (0, 0)):
            return None
        a, b = subj.i, subj.j
    while a < b and (s.tokens[a][2].startswith(_BREAK_TAGS) or pc.p.text[s.tokens[a][0]] in "([«"):
        a += 1  # a bracket the phrase does not close
    while b > a and (s.tokens[b - 1][2].startswith(_BREAK_TAGS) or pc.p.text[s.tokens[b - 1][1] - 1] in ")]»"):
        b -= 1
    if b - a < 2 or b - a > _MAX_TOKENS:  # one word («محطة») names nothing
        return None
    return s.tokens[a][0], s.tokens[b - 1][1]


def _subject_of(v, n: Node | None) -> Node | None:
    """The subject of the clause whose verb takes the figure as its object or predicate."""
    if n is None or n.cat != "VP":
        return None
    verb = next((k for k in n.kids if k.is_pre and v.is_verb(k.tok)), None)
    if verb is None or not v.in_words(verb.tok, "measure_verbs"):
        return None  # «فرض الاتحاد الأوروبي عقوبات على 3 جنرالات»: the subject is the actor, not the measure
    pred = predicate_at(v, verb.tok)
    subj = pred.args_of("subj") if pred is not None else []
    if not subj or all(t in v.kinds for t in range(subj[0].node.i, subj[0].node.j)):
        return None  # a name: the actors field already says it
    return subj[0].node


def speaker_spans(pc: PassageCtx, q: Quantity) -> list[tuple[int, int]]:
    """Return the text spans of who says a figure: the subjects of the reporting verbs whose clause holds it
    ("Ukraine's military said the drone has a range of ...", «وأوضح بوتين أنه سيتم مد سكة بطول 162 كيلومترا»)."""
    v = pc.view_at(q.start)
    got = pc.parsed.tokens_of(q.start, q.end) if v is not None else None
    if got is None or got[0] is not v.sent:
        return []
    s, i, _ = got
    out = []
    for t in range(i):
        if not v.is_verb(t) or word_class(v.words["governors"], v.word(t)) not in ("reported", "alleged"):
            continue
        pred = predicate_at(v, t)
        if pred is None or not (pred.clause.i <= i < pred.clause.j):
            continue
        for a in pred.args_of("subj"):
            if not (a.node.i <= i < a.node.j):
                out.append((s.tokens[a.node.i][0], s.tokens[a.node.j - 1][1]))
    return out


def figure_certainty(pc: PassageCtx, q: Quantity) -> Certainty | None:
    """How the clause that states a figure puts it, read off the tree: the verb above it with what governs that
    verb ("The council expects trade to double to $12 bn", «توقع المجلس ارتفاع التبادل إلى 10 مليارات»,
    «ستبلغ طاقة كل محطة»); None without a tree or a verb."""
    v = pc.view_at(q.start)
    got = pc.parsed.tokens_of(q.start, q.end) if v is not None else None
    if got is None or got[0] is not v.sent:
        return None
    s, i, _ = got
    if in_aside(v, i):
        return Certainty.ASSERTED  # "-- a contract worth $800 million --": the author's aside, whatever is denied around it
    planned = getattr(q, "kind", None) == "count" and _to_be_built(v, s.pre[i]) or _intended(v, s.pre[i])
    bound: Certainty | None = None  # a figure given as a limit ("above 5%", «بنسبة تزيد على 5%»): the clause above says how
    for n in s.pre[i].ancestors():
        p, after = n.parent, False
        if n.cat == "NP" and p is not None and p.cat == "S" and p.kids and p.kids[0] is n:
            # «أربعة مفاعلات أخرى يمكن أن تبنى», "four more reactors could be built": the figure is the subject
            # the verb phrase after it speaks of
            vp = next((k for k in p.kids if k.cat == "VP" and k.i >= n.j), None)
            if vp is not None and any(k.is_pre and v.is_verb(k.tok) for k in vp.kids):
                n, after = vp, True
        if n.cat == "VP":
            verb = next((k for k in n.kids if k.is_pre and v.is_verb(k.tok)), None)
            if verb is not None and v.word(verb.tok) in ("ان", "إن", "أن", "فان", "فإن"):
                # «فإن (NP أربعة مفاعلات) (S يمكن أن تبنى)»: the particle the parser took for a verb; the clause
                # after the figure says what becomes of it
                after = next((k for k in n.kids if k.cat in ("S", "VP", "SBAR") and k.i > i), None)
                first = next((d for d in after.walk() if d.is_pre and v.is_verb(d.tok)), None) if after is not None else None
                verb = first
            if verb is None:
                continue
            if v.lang == "en":
                verb = _main_verb(v, n, verb)
            pred = predicate_at(v, verb.tok)
            if pred is None:
                return bound
            cert = predicate_certainty(v, pred)
            if pred.modal and v.lang == "en" and verb.tok < i and _sets_terms(v, pred):
                return Certainty.EXPECTED  # "Iran must not enrich uranium above 5 percent": a term to keep
            if bound is not None:
                # «يلزم الاتفاق إيران بعدم تخصيب اليورانيوم بنسبة تزيد على 5%», «ينص الاتفاق على ألا تتجاوز»: a limit a
                # term or an obligation sets is to be kept, not a level reached
                if _sets_terms(v, pred):
                    return Certainty.EXPECTED
                return cert if HEDGE_RANK[cert] > HEDGE_RANK[bound] else bound
            if _EXCEED.match(v.word(verb.tok)) and verb.tok < i and not planned:
                bound = cert if not pred.negated else Certainty.ASSERTED
                if _sets_terms(v, pred):
                    return Certainty.EXPECTED
                continue
            above = [g.word for g in pred.governors[:2] if g.verbal]
            if n.parent is not None and n.parent.cat == "VP":  # "(VP (VBP تريد) (NP روسيا) (VP ألا تزيد ...))"
                above += [v.word(k.tok) for k in n.parent.kids if k.is_pre and v.is_verb(k.tok)]
            if cert == Certainty.DENIED and pred.negated and _EXCEED.match(v.word(verb.tok)) and any(
                    word_class(v.words["governors"], w) == "expected" for w in above):
                return Certainty.EXPECTED  # «تريد روسيا ألا تزيد حصة طهران على 11%»: a bound wanted, not a share held
            if cert == Certainty.DENIED and not pred.negated:
                g = next((g for g in pred.governors if word_class(v.words["governors"], g.word) == "denied"), None)
                if g is not None and word_class(v.words["status_change_verbs"], g.word):
                    cert = Certainty.ASSERTED  # the value of a contract that was later cancelled is still its value
            own = word_class(v.words["governors"], v.whole_word(verb.tok)) if verb.tok < i or after else None
            if getattr(q, "unit", None) == "times":
                own = None  # "vetoed the resolution three times": how often the act was done, not what it blocks
            if own == "expected" and v.in_words(verb.tok, "ability_verbs") and any(
                    v.in_words(t, "current_adverbs") for t in range(verb.tok + 1, min(len(v.sent.tokens), verb.tok + 4))):
                own = None  # «يمكن حاليًا لعملاء 4 بنوك»: what can be done now, no plan
            if own is None and verb.tok < i and blaming_phrase(v, n, verb.tok, i):
                own = "alleged"  # «ألقت باللوم على إيران لشن هجمات على ... و4 سفن»
            if own == "denied" and word_class(v.words["status_change_verbs"], v.whole_word(verb.tok)):
                own = None  # «ألغت روسيا عقداً بقيمة 800 مليون دولار»: the cancelled contract was worth that
            if own in ("expected", "alleged", "denied") and not pred.negated:
                # «توقع المجلس ارتفاع التبادل إلى ...», "expects trade to double": the figure is what it governs
                return Certainty(own) if HEDGE_RANK[Certainty(own)] > HEDGE_RANK[cert] else cert
            if planned and cert in (Certainty.ASSERTED, Certainty.REPORTED):
                return Certainty.EXPECTED  # «وقعت عقودا لبناء مفاعلين»: two reactors to be built, none standing yet
            return cert
        if n.parent is None:
            break
    if bound is not None:
        return bound
    return Certainty.EXPECTED if planned else None  # «بناء 8 وحدات نووية في إيران»: a headline's plan


def _sets_terms(v, pred) -> bool:
    """Tell whether a verb, or one of the two above it, sets terms or obligations («ينص على», «يلزم», "requires",
    "under the deal ... must"): what it governs is to be kept, not a fact."""
    from irkg.loaders.extract_events import event_cues

    provision = event_cues()["provision"]
    words = [v.whole_word(pred.head)] + [g.word for g in pred.governors[:2] if g.verbal]
    if any(word_class(v.words["obligation_verbs"], w) or provision.find(match_key(w)) for w in words):
        return True
    # "Iran must not enrich ...": an obligation among the verb's own auxiliaries
    return pred.modal and any(v.in_words(t, "obligation_verbs") for t in range(max(0, pred.head - 3), pred.head))



_EXCEED = re.compile(r"(?:يزيد|تزيد|يتجاوز|تتجاوز|يتعدى|تتعدى|exceed)", re.I)


def to_be_built(pc: PassageCtx, q: Quantity) -> bool:
    """Tell whether a count is of things a noun of building or planning governs (see _to_be_built)."""
    v = pc.view_at(q.start)
    got = pc.parsed.tokens_of(q.start, q.end) if v is not None else None
    return got is not None and got[0] is v.sent and q.kind == "count" and _to_be_built(v, got[0].pre[got[1]])


def _to_be_built(v, pre: Node) -> bool:
    """Tell whether a count is what a noun of building or planning governs, below any verb («عقودا لبناء مفاعلين»,
    «خطط إنشاء ثمانية مفاعلات»): things to be built, not things that stand."""
    for n in pre.ancestors():
        if n.cat in ("VP", "S", "SBAR"):
            return False
        first = n.kids[0] if n.kids else None
        if n.cat == "NP" and first is not None and first.is_pre and first.tok < pre.tok and (
                v.in_words(first.tok, "construction_nouns") or word_class(v.words["governing_nouns"], v.word(first.tok)) == "expected"):
            return True
    return False


def _intended(v, pre: Node) -> bool:
    """Tell whether a figure is what a noun of intending or proposing governs, below any verb («عزمها على التزود
    ... لمدة عشر سنوات», "a plan to raise trade to $10bn")."""
    for n in pre.ancestors():
        first = n.kids[0] if n.kids else None
        # the tagger often takes the noun for a verbal noun heading a VP: "(VP (VBG عزم) ...)"
        if n.cat in ("NP", "VP") and first is not None and first.is_pre and first.tok < pre.tok and v.in_words(first.tok, "intent_nouns"):
            return True
        if n.cat in ("VP", "S", "SBAR"):
            return False
    return False


def _main_verb(v, vp: Node, verb: Node) -> Node:
    """"(VP (MD will) (VP (VB be) (VP (VBN supplied))))": the lowest verb of the auxiliary chain, whose predicate
    carries the modal and the tense of the whole chain."""
    while True:
        inner = next((k for k in vp.kids if k.cat == "VP" and k.i > verb.tok), None)
        low = next((k for k in inner.kids if k.is_pre and v.is_verb(k.tok)), None) if inner is not None else None
        if low is None:
            return verb
        vp, verb = inner, low


def measure_phrase(pc: PassageCtx, start: int, end: int, q: Quantity) -> tuple[int, int] | None:
    """Return the passage span of the noun phrase a figure's measure word heads, up to the figure
    («سعر طن القمح من روسيا ... 300 دولار», "the price of Russian wheat"), when the figure's own phrase says
    nothing; None without a tree or when the phrase is the measure word alone."""
    v = pc.view_at(start)
    got = pc.parsed.tokens_of(start, end) if v is not None else None
    if got is None or got[0] is not v.sent:
        return None
    s, i, _ = got
    fig = pc.parsed.tokens_of(q.start, q.end)
    stop = fig[1] if fig is not None and fig[0] is s and fig[1] > i else len(s.tokens)
    np = next((a for a in s.pre[i].ancestors() if a.cat == "NP"), None)
    if np is None:
        return None
    while (p := np.parent) is not None and p.cat == "NP" and p.j - p.i <= _MAX_TOKENS and p.kids[0] is np:
        np = p  # «سعر (طن القمح) (من روسيا)»: the measure with its genitives and prepositional phrases
    a, b = i, i + 1
    if v.lang == "en":
        while a > np.i and not s.tokens[a - 1][2].startswith(_BREAK_TAGS):
            a -= 1  # "the guaranteed purchase price"
    while b < min(np.j, stop) and not s.tokens[b][2].startswith(_BREAK_TAGS):
        b += 1
    while b > i + 1 and s.tokens[b - 1][2] in ("IN", "CC", "DT", "TO"):
        b -= 1  # «حصة طهران على»: not a dangling preposition
    if not any(s.tokens[t][2].startswith(_CONTENT + _NAME) for t in range(a, b) if t != i) or b - a > _MAX_TOKENS:
        return None  # «قوتها»: the measure word and a pronoun say nothing more
    return s.tokens[a][0], s.tokens[b - 1][1]


_CLAUSE_REACH = 14  # tokens each side of a figure that its clause context may take
_CLAUSE_WORDS = 5  # words besides the figure a context needs before it stops at a comma


def bare_phrase(text: str | None, surface: str) -> bool:
    """Tell whether a figure's phrase says no more than the figure and its counted noun («52 مصرفاً إيرانياً»,
    «200 دولار للطن», "3 generals"): what the figure is of is then in its clause, not in its phrase."""
    if not text:
        return True
    rest = text.replace(surface, " ", 1) if surface and surface in text else text
    return len([w for w in rest.split() if not any(ch.isdigit() for ch in w)]) <= 2


def clause_phrase(pc: PassageCtx, q: Quantity) -> tuple[int, int] | None:
    """Return the span of the figure's clause around it, between the punctuation marks that bound it and at most
    _CLAUSE_REACH tokens each side («تم ربط 52 مصرفاً إيرانياً و106 مصارف روسية من خلال نظام ...», "in 2023 one
    Russian frigate took part in the drills"); a chunk that says little more than the figure reaches back over one
    comma («حددت الحكومة سعر شراء مضمون للقمح ...، أي ما يعادل 200 دولار للطن»). None without a tree."""
    v = pc.view_at(q.start)
    got = pc.parsed.tokens_of(q.start, q.end) if v is not None else None
    if got is None or got[0] is not v.sent:
        return None
    s, i, j = got
    toks = s.tokens

    def stop(t: int) -> bool:
        return toks[t][2].startswith(("PUNC", ",", ":", ".", "-LRB-", "-RRB-", "``", "''")) \
            or any(ch in pc.p.text[toks[t][0]:toks[t][1]] for ch in "()[]«»\"“”")

    a, b = i, j
    while a > max(0, i - _CLAUSE_REACH) and not stop(a - 1):
        a -= 1
    right = j
    while right < min(len(toks), j + _CLAUSE_REACH) and not stop(right):
        right += 1
    words = (i - a) + (right - j)
    if words < _CLAUSE_WORDS and a > 0 and stop(a - 1):
        a -= 1
        while a > max(0, i - 2 * _CLAUSE_REACH) and not stop(a - 1):
            a -= 1
    while b < min(len(toks), j + _CLAUSE_REACH) and not stop(b):
        b += 1
    while a < i and (stop(a) or toks[a][2] == "CC"):
        a += 1
    while b > j and toks[b - 1][2] in ("CC", "IN", "DT", "TO"):
        b -= 1
    if b - a <= j - i:
        return None
    lo, hi = toks[a][0], toks[b - 1][1]
    for m in pc.mentions:  # never half a name ("الولايات المتحدة", "the European Union") at either end
        if m.start < lo < m.end:
            lo = m.start
        if m.start < hi < m.end:
            hi = m.end
    return lo, hi
