"""Predicates and their arguments, read off the constituency tree (Arabic ATB and English PTB trees alike).

For a trigger token, `predicate_at` returns who stands where: the subject of its clause,
its objects, its prepositional arguments (with the preposition), and for a noun (زيارة،
غارات، delivery) its genitive, possessive and adjective modifiers; whether its own clause
is negated, future or modal; and the chain of clauses that govern it (a reporting verb, a
denial, a plan, a condition, a concession), nearest first. Frames turn positions into roles;
`modality` turns the governors into a certainty. Nothing here guesses by distance in characters:
a word outside the trigger's own clause is never its argument.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from irkg.loaders.arabic import match_key
from irkg.loaders.extract_lexicon import Lexicon, lexicon_of, read_yaml
from irkg.loaders.parse.tree import Node, Sentence

_VERB_TAGS = ("VB", "MD")
_CLAUSE = {"S", "SQ", "SINV", "SBAR", "SBARQ", "FRAG", "ROOT"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting", "'s", "'re"}


@dataclass
class Arg:
    """One argument of a predicate: where it stands (`rel`) and the tokens [i, j) it covers."""

    rel: str  # subj | obj | pp | gen | poss | adj | by
    node: Node
    marker: str = ""  # the preposition of a pp argument, as a match key ("الى", "to")
    via: str = ""  # "obj" when a pp hangs on the object noun phrase, "light" when inherited from a light verb

    @property
    def span(self) -> tuple[int, int]:
        return self.node.i, self.node.j


@dataclass
class Governor:
    """A clause above the predicate: its head word and how the predicate hangs from it."""

    tok: int
    word: str  # match key of the head word (with a و the segmenter cut off put back: وعدت)
    how: str  # comp | obj | pp | xcomp | sibling
    negated: bool = False
    verbal: bool = True
    no_grounds: bool = False  # "no reason to believe/suspect that ...": the belief itself is negated
    marker: str = ""  # for how == "pp": the preposition's match key ("في مؤتمر صحفي" → في)


@dataclass
class Predicate:
    sent: Sentence
    head: int
    word: str  # match key of the head token
    verbal: bool
    node: Node  # the VP (verb) or NP (noun) the head heads
    clause: Node  # the smallest clause around it (its arguments live inside)
    args: list[Arg] = field(default_factory=list)
    passive: bool = False
    negated: bool = False
    future: bool = False
    modal: bool = False
    conditional: bool = False
    concessive: bool = False
    purpose: bool = False
    governors: list[Governor] = field(default_factory=list)
    light: Predicate | None = None  # the light verb a noun is the object of (قام بزيارة، شنت غارات)
    surface_subject: Node | None = None  # the subject position, active or passive ("Russia is expected to")

    def args_of(self, rel: str) -> list[Arg]:
        return [a for a in self.args if a.rel == rel]

    @property
    def span(self) -> tuple[int, int]:
        """Tokens of the predicate's own clause (with its light verb's clause)."""
        i, j = self.clause.i, self.clause.j
        if self.light is not None:
            i, j = min(i, self.light.clause.i), max(j, self.light.clause.j)
        return i, j


@lru_cache(maxsize=1)
def syntax_words() -> dict[str, Lexicon]:
    """Return the word groups of syntax.yaml as lexicons (one token is looked up at a time)."""
    data = read_yaml("syntax.yaml")
    out = {k: lexicon_of({k: v}) for k, v in data.items() if isinstance(v, list)}
    out["governors"] = lexicon_of(data.get("governors") or {})
    out["governing_nouns"] = lexicon_of(data.get("governing_nouns") or {})
    out["adverb_hedges"] = lexicon_of(data.get("adverb_hedges") or {})
    return out


def word_class(lex: Lexicon, key: str) -> str | None:
    """Return the category of the entry a whole token matches (clitics allowed before it), or None."""
    memo = lex.token_memo
    if key in memo:
        return memo[key]
    got = next((h.cat for h in lex.find(key) if h.start - len(h.prefix) == 0), None)
    if len(memo) < 200_000:  # tokens repeat across passages; the bound keeps a huge input from growing it
        memo[key] = got
    return got


def names_a_claim(key: str) -> bool:
    """Tell whether a token is a noun of claims or reports («الادعاءات», «التقارير», "allegations", "reports")."""
    words = syntax_words()
    return word_class(words["governing_nouns"], key) == "alleged" or word_class(words["report_nouns"], key) is not None


class _LazyKeys:
    """Match keys of a sentence's tokens, computed on first use (most tokens are never looked up)."""

    __slots__ = ("text", "tokens", "cache")

    def __init__(self, text: str, tokens: list):
        self.text, self.tokens, self.cache = text, tokens, {}

    def __getitem__(self, i: int) -> str:
        k = self.cache.get(i)
        if k is None:
            b, e, _ = self.tokens[i]
            k = self.cache[i] = match_key(self.text[b:e])
        return k

    def __len__(self) -> int:
        return len(self.tokens)


class SentenceView:
    """A parsed sentence with the passage text, for reading words and predicates."""

    def __init__(self, sent: Sentence, text: str, lang: str):
        self.sent = sent
        self.text = text
        self.lang = lang
        self.keys = _LazyKeys(text, sent.tokens)
        self.words = syntax_words()
        self.preds: dict[int, Predicate | None] = {}
        self._memo: dict[tuple[int, str], bool] = {}
        self.kinds: dict[int, str] = {}  # token -> kind of the name covering it (person, state, place ...)
        self.starts: dict[int, bool] = {}  # token -> it starts a name
        self.name_preps: set[int] = set()  # "prepositions" that are part of a name (ب of بزشكيان)

    def word(self, i: int) -> str:
        return self.keys[i]

    def whole_word(self, i: int) -> str:
        """The match key of token i, with a و the segmenter split off glued back when that makes a known word
        ("وعدت" cut into و + عدت)."""
        key = self.keys[i]
        if i > 0 and self.keys[i - 1] == "و" and self.sent.tokens[i - 1][1] == self.sent.tokens[i][0]:
            whole = "و" + key
            if any(word_class(self.words[g], whole) for g in ("governors", "control_verbs", "light_verbs")):
                return whole
        return key

    def is_verb(self, i: int) -> bool:
        return self.sent.tokens[i][2].startswith(_VERB_TAGS) and not (self.lang == "ar" and self.sent.tokens[i][2] == "VBG")

    def in_words(self, i: int, group: str) -> bool:
        """Tell whether token i is one of a word group of syntax.yaml (light verbs, negations...)."""
        got = self._memo.get((i, group))
        if got is None:
            lex = self.words.get(group)
            key = self.keys[i]
            got = lex is not None and (word_class(lex, key) is not None or (
                # أجرى + ها is written أجراها: the clitic split off leaves أجرا
                key.endswith("ا") and len(key) > 2 and word_class(lex, key[:-1] + "ي") is not None) or (
                # the accusative «خططا», «اتفاقا»: the noun without its tanween alef
                key.endswith("ا") and len(key) > 3 and word_class(lex, key[:-1]) is not None) or (
                # "وعدت" cut by the segmenter into و + عدت: try the word whole again
                i > 0 and self.keys[i - 1] == "و" and self.sent.tokens[i - 1][1] == self.sent.tokens[i][0]
                and word_class(lex, "و" + key) is not None))
            self._memo[(i, group)] = got
        return got


def _first_pre(n: Node) -> Node | None:
    for d in n.walk():
        if d.is_pre:
            return d
    return None


def _only_pronoun(n: Node) -> bool:
    pres = [d for d in n.walk() if d.is_pre]
    return bool(pres) and all(p.label.startswith("PRP") for p in pres)


def _is_temporal(v: SentenceView, n: Node) -> bool:
    """An NP that is a time expression ("أمس", "الثلاثاء", "next year", "22 أيلول") is no participant."""
    pres = [d for d in n.walk() if d.is_pre]
    if not pres:
        return False
    if all(v.kinds.get(p.tok) == "date" or p.label.startswith("PUNC") for p in pres):
        return True
    # "(NP (NP Iran) (PP on Wednesday))": a time phrase hung on an actor is still the actor
    return any(v.in_words(p.tok, "time_nouns") for p in pres) and len(pres) <= 4 \
        and not any(v.kinds.get(p.tok) not in (None, "date") for p in pres)


def predicate_at(v: SentenceView, tok: int) -> Predicate | None:
    """Return the predicate the token heads (a verb's clause or a noun's phrase), or None without a tree.
    Read once per token: every extractor asks the same sentence the same questions."""
    if tok in v.preds:
        return v.preds[tok]
    got = v.preds[tok] = _predicate_at(v, tok)
    return got


def _predicate_at(v: SentenceView, tok: int) -> Predicate | None:
    sent = v.sent
    if sent.root is None or tok >= len(sent.pre) or sent.pre[tok] is None:
        return None
    pre = sent.pre[tok]
    if v.is_verb(tok):
        return _verbal(v, pre)
    if pre.label.startswith(("JJ", "DTJJ")) and pre.parent is not None and pre.parent.cat == "ADJP":
        top = pre.parent
        while top.parent is not None and top.parent.cat == "ADJP":
            top = top.parent
        if top.parent is not None and top.parent.cat == "VP":
            return _adjectival(v, pre, top)
    return _nominal(v, pre)


def _adjectival(v: SentenceView, pre: Node, adjp: Node) -> Predicate:
    """"Moscow remains wary of deepening ties because of X", "is reluctant to", "مستعدة ل": the copula's clause,
    with the adjective's own phrases (its complement clause included) as prepositional arguments."""
    vp = adjp.parent
    cop = next((c for c in vp.kids if c.is_pre and v.is_verb(c.tok)), None)
    pred = _verbal(v, cop) if cop is not None else Predicate(v.sent, pre.tok, v.word(pre.tok), False, vp, vp)
    pred.head, pred.word, pred.verbal = pre.tok, v.word(pre.tok), False
    pred.args = [a for a in pred.args if not (adjp.i <= a.node.i < adjp.j)]
    stack = [c for c in adjp.kids if c is not pre]
    while stack:
        n = stack.pop()
        if n.is_pre or n.cat == "SBAR":
            continue
        if n.cat == "PP":
            _add_pp(v, pred, n, via="adj")
        stack.extend(n.kids)
    return pred


# --- verbs -------------------------------------------------------------------------------------


def _verb_chain(pre: Node) -> tuple[Node, list[Node], Node]:
    """Return (lowest VP, VPs up the auxiliary chain, highest VP of the verb): "has not (VP delivered)" climbs to
    "has"; a wrapper the parser put around the verb is climbed for the clause but adds no arguments."""
    vp = pre.parent if pre.parent is not None else pre
    chain = [vp]
    n = vp
    while n.parent is not None and n.parent.cat == "VP":
        p = n.parent
        k = p.kids.index(n)
        aux = [c for c in p.kids[:k] if c.is_pre and c.label.startswith(("VB", "MD", "TO"))]
        if aux and _phrase_between(p.kids[p.kids.index(aux[-1]) + 1:k]):
            break  # "held talks ... late on Friday, (NP the Kremlin) (VP said)": a verb of its own, no auxiliary
        if k == 0 and not any(c.is_pre and c.label.startswith(("VB", "MD")) for c in p.kids) \
                and sum(c.cat == "VP" for c in p.kids) == 1 and not any(c.cat == "CC" for c in p.kids):
            n = p  # "has (VP (VP met ...) , (NP the website reported))": a wrapper the parser put around the verb
            continue
        if not aux or any(c.cat == "CC" for c in p.kids) or sum(c.cat == "VP" for c in p.kids) > 1:
            break  # a coordination (VP and VP), not an auxiliary
        chain.append(p)
        n = p
    return vp, chain, n


def _phrase_between(kids: list[Node]) -> bool:
    """Tell whether a prepositional or adverbial phrase besides an object stands between a verb and a later verb
    phrase under it ("held (NP talks) (ADVP late on Friday, the Kremlin) (VP said)"): that verb is no auxiliary,
    which has at most adverbs there ("has not recently (VP met)"; Arabic puts only the subject there: «تكون موسكو
    قد زودت»)."""
    return any(c.cat == "NP" for c in kids) and any(c.cat in ("PP", "ADVP", "S", "SBAR") for c in kids)


def _mark_mood(v: SentenceView, pred: Predicate, d: Node) -> None:
    """Note what a word before the verb says of its mood: a negation, a future particle or a modal."""
    if v.in_words(d.tok, "negation") and not (d.tok > 0 and v.word(d.tok - 1) in ("كيف", "وكيف")):
        pred.negated = True  # («كيف لا»: "how could it not": an emphasis, no negation)
    elif v.in_words(d.tok, "future"):
        pred.future = True
    elif v.in_words(d.tok, "modal") or d.label == "MD":
        pred.modal = True


def maximal_np(node: Node) -> Node:
    """The largest noun phrase a node heads up through ("(NP (NP ضربة) (PP على إيران))")."""
    while node.parent is not None and node.parent.cat == "NP":
        node = node.parent
    return node


def _verbal(v: SentenceView, pre: Node) -> Predicate:
    vp, chain, top = _verb_chain(pre)
    clause = top.parent if top.parent is not None else top
    pred = Predicate(v.sent, pre.tok, v.word(pre.tok), True, vp, clause)
    pred.passive = _passive(v, pre, chain)
    # negation, future and modals stand before the verb in its own VP or the chain ("has not", "لم", "س", "will")
    for n in chain:
        for c in n.kids:
            if c.i >= pre.tok and n is vp:
                break
            for d in c.walk():
                if d.is_pre and d.tok < pre.tok:
                    _mark_mood(v, pred, d)
    p = top.parent
    if p is not None and p.cat == "VP" and any(c.cat == "CC" for c in p.kids) and p.parent is not None and p.parent.cat == "VP":
        # "would (VP (VP pull out) and (VP reinstate sanctions))": a modal, a future or a negation before a
        # coordination is every conjunct's
        for c in p.parent.kids:
            if c is p:
                break
            if c.is_pre:
                _mark_mood(v, pred, c)
    if not pred.negated and v.lang == "en" and clause is not top and clause.cat == "S":
        before = [c for c in clause.kids if c.j <= top.i]
        if before and all(c.is_pre and c.label == "RB" for c in before) and any(v.in_words(c.tok, "negation") for c in before):
            pred.negated = True  # "(S (RB not) (VP to sell ...))": "pledged not to sell"
    if not pred.negated and v.lang == "en" and top.parent is not None:
        sibs = top.parent.kids
        k = next((x for x, c in enumerate(sibs) if c is top), 0)
        if k > 0 and sibs[k - 1].cat in ("ADVP", "RB") and any(d.is_pre and v.in_words(d.tok, "negation") for d in sibs[k - 1].walk()):
            pred.negated = True  # "Russia (ADVP never) (VP delivered ...)": the adverb stands outside the verb phrase
    if pred.negated and v.lang == "ar" and any(v.word(t) in ("الا", "إلا", "سوى", "سوي") for t in range(pre.tok + 1, clause.j)):
        pred.negated = False  # «لم يدفع الإيرانيون إلا 60%», «لا تملك إلا», «لا تتألف إلا/سوى من»: only so much
    if v.lang == "en" and _headline_infinitive(chain, top, clause):
        pred.future = True  # "Russia and Iran to hold naval drill", "Iran to buy Su-35 jets": a headline's plan
    subj = _subject(v, pre, vp, chain, top, clause)
    objs = [c for n in chain for c in n.kids if c.cat == "NP" and c.i > pre.tok and c is not subj
            and not (v.lang == "ar" and _only_pronoun(c)) and not _is_temporal(v, c)]
    # «وأكد في مؤتمر صحافي مع لافروف»: a preposition the tagger took for a noun heads no subject
    objs, preps = _noun_preps(v, objs)
    antecedent = _antecedent(clause) if subj is None else None
    if antecedent is not None and v.lang == "ar" and _resumptive_object(vp, pre):
        antecedent = None  # "الطائرات التي أرسلتها إيران": the pronoun is the object, the subject follows
    if antecedent is not None and not pred.passive:
        subj = antecedent  # "الدول التي فرضت عقوبات", "countries that imposed sanctions": the gap is the subject
        first = antecedent
        while first.kids and first.kids[0].cat == "NP":
            first = first.kids[0]
        head = _head_noun(v, first)
        if v.lang == "ar" and head is not None and head.tok not in v.kinds and any(a.marker == "مع" for a in preps) \
                and not any(v.in_words(head.tok, g) for g in ("titles", "agent_nouns", "member_nouns")):
            # «مشاريع في إيران التي وقع مع رئيسها خاتمي معاهدة»: projects sign nothing; who signed with her president
            # is the one the sentence is about
            subj = _enclosing_subject(v, clause) or antecedent
    elif v.lang == "ar" and subj is None and _said_in_it(v, vp, pre, clause):
        subj = _enclosing_subject(v, clause)  # «أصدر المجلس بيانا أعلن فيه تعيين X»: the issuer speaks in it
    elif v.lang == "ar" and subj is None and len(objs) == 1 and not pred.passive and v.in_words(pre.tok, "light_verbs") \
            and common_head(v, objs[0]) and clause.parent is not None and clause.parent.cat == "SBAR" \
            and _antecedent(clause) is None and (got := _enclosing_subject(v, clause)) is not None:
        subj = got  # «حيث ...، كما سيجري محادثات مع بوتين»: the light verb's event noun is its object, the subject dropped
    elif v.lang == "ar" and subj is None and objs and not pred.passive and not _has_clause_subject(v, top, clause) \
            and not _plural_verb_singular_noun(v, pre, objs[0]) and not _own_relative(v, objs[0], clause):
        subj = objs.pop(0)  # VSO: the first noun phrase after an active verb is its subject
    if subj is None and v.lang == "ar" and objs and _own_relative(v, objs[0], clause):
        subj = _first_conjunct_subject(v, clause)  # "زار بوتين طهران والتقى نظيره": he met his counterpart
    if subj is None and v.lang == "ar" and not objs and not pred.passive:
        # «زار ظريف موسكو، وأكد في مؤتمر صحافي ...»: a later conjunct with no noun after its verb shares the
        # first conjunct's subject
        for node in (vp, clause):
            if first_conjunct(node) is not None:
                subj = _first_conjunct_subject(v, node)
                break
    if subj is None and v.lang == "en" and clause.cat == "S" and clause.parent is not None and clause.parent.cat == "NP" \
            and clause.parent.kids[0].cat == "NP" and clause.parent.kids[0] is not clause \
            and (clause.parent.parent is None or clause.parent.parent.cat == "ROOT"):
        subj = clause.parent.kids[0]  # "(NP (NP Russia & Iran) (S to hold naval drill))": a headline's subject
    if subj is None and clause.cat == "SINV":
        subj = next((c for c in clause.kids if c.cat == "NP" and c.i > pre.tok), None)  # "..., said Lavrov"
    if v.lang == "en" and objs and pre.tok > 0 and v.sent.tokens[pre.tok - 1][2] in (",", "``", "''") \
            and _reporting(v, pre.tok) and not any(c.cat in ("S", "SBAR") for c in vp.kids if c.i > pre.tok):
        subj = objs.pop(0)  # "..., said AFP", "..., said the minister": the speaker follows the verb
    if subj is not None and objs and objs[0].i == subj.j and v.kinds.get(subj.j - 1) == "person" \
            and v.kinds.get(subj.j) == "person" and not v.starts.get(subj.j):
        # «وقع وزير النفط بيجن (زنكن ه ونظيره ...)»: a name the parser cut (its last letter read as "his") goes on
        # into the next phrase, which is still the subject
        subj = _sub(subj.parent, [subj, objs.pop(0)])
    subj, objs = _split_fused(v, subj, objs)
    if v.lang == "ar" and subj is not None and objs and subj.j - subj.i == 1 and v.in_words(subj.i, "titles") \
            and objs[0].i == subj.j:
        # «زار (أمين) (المجلس الأعلى للأمن القومي)، علي لاريجاني، العاصمة»: the parser cut the title from its
        # genitive; the title's phrase is the subject, its office no object
        objs.pop(0)
    partner = None
    if subj is not None and _only_pronoun(subj):
        if v.lang == "en" and v.word(subj.i).lower() == "they":
            partner = _with_partner(v, clause)  # "discussed X with Rouhani when they met": both of them met
        subj = _enclosing_subject(v, clause) or subj  # "as they compete", "وقال إنه": the subject of the clause above
    elif subj is None and v.lang == "ar" and clause.parent is not None and clause.parent.cat == "SBAR" \
            and _antecedent(clause) is None and not (clause.parent.kids and clause.parent.kids[0].cat == "WHNP"):
        # (a relative clause the parser left without its noun, «والتي ستدشن», takes no subject from the clause above)
        subj = _enclosing_subject(v, clause)  # "بعد أن عقدا جولة من المباحثات": the dropped subject is the main clause's
    elif v.lang == "ar" and subj is not None and subj.i > pre.tok and not objs and not preps and partner is None \
            and v.in_words(pre.tok, "reciprocal_verbs") and clause.parent is not None and clause.parent.cat == "SBAR":
        # «سيشارك في القمة حيث يتوقع أن يلتقي الرئيس الروسي»: one is met by the one the sentence is about (whose
        # subject was dropped); «التقى» needs two
        other = _enclosing_subject(v, clause)
        partner = other if other is not None and not (other.i <= subj.i < other.j) else None
    pred.surface_subject = subj
    pred.args.extend(preps)
    if subj is not None:
        pred.args.append(Arg("obj" if pred.passive else "subj", subj))
        if partner is not None:
            pred.args.append(Arg("subj", partner))
        # a conjunct cut off after the clause continues its subject only when the subject closes the clause
        gapped = _gapped_conjuncts(v, clause) if all(
            t.is_pre and t.label.startswith("PUNC") for t in clause.walk() if t.is_pre and t.tok >= subj.j) else []
        for other in _listed_before(v, subj, clause) + gapped:
            pred.args.append(Arg("obj" if pred.passive else "subj", other))
    for o in objs:
        pred.args.append(Arg("obj", o))
    for n in chain:
        for c in n.kids:
            if c.cat == "PP" and c.i > pre.tok:
                _add_pp(v, pred, c)
    for o in objs:  # "delivered (NP the systems (PP to Iran))": a PP on the object noun phrase, however deep
        for c in _object_pps(o):
            _add_pp(v, pred, c, via="obj")
    if pred.passive:
        for a in pred.args:
            if a.rel == "pp" and word_class(v.words["agent_markers"], a.marker) is not None:
                a.rel = "by"
    _governors(v, pred, clause)
    if subj is None and not pred.passive:
        _object_controller(v, pred)
    return pred


def _object_controller(v: SentenceView, pred: Predicate) -> None:
    """A verb or event noun completing a verb of accusing or urging takes that verb's object as its actor
    ("accused Tehran of supplying Moscow", «اتهمت أوكرانيا إيران بتزويد روسيا»): the accused would act."""
    g = pred.governors[0] if pred.governors else None
    if g is None or not g.verbal or g.how not in ("pp", "xcomp") or not v.in_words(g.tok, "object_control_verbs") \
            or any(a.rel in ("subj", "poss") for a in pred.args):
        return
    _borrow_actor(v, pred, g, "obj")  # ("obliged Russia to deliver": the object of "obliged" would deliver)


def _borrow_actor(v: SentenceView, pred: Predicate, g, rel: str) -> None:
    """Give a controlled predicate the `rel` arguments (subject or object) of the verb `g` that controls it."""
    head = v.sent.pre[g.tok]
    if head is None:
        return
    for a in _verbal(v, head).args_of(rel):
        pred.args.append(Arg("subj", a.node, via="control"))


def _listed_before(v: SentenceView, subj: Node, clause: Node) -> list[Node]:
    """A headline's subjects listed with commas and no conjunction ("(S (NP Iran) , (NP Russia) (VP hold drills))"):
    the noun phrases before the last one, when the list opens the clause."""
    if v.lang != "en" or subj.parent is not clause:
        return []
    kids = clause.kids
    k = kids.index(subj)
    out = []
    while k >= 2 and kids[k - 1].is_pre and kids[k - 1].label == "," and kids[k - 2].cat == "NP":
        out.append(kids[k - 2])
        k -= 2
    if k != 0:
        return []
    up = clause.parent  # "(FRAG (NNP Iran) , (S (NP Russia) (VP hold ...)))": the list opens the fragment
    if up is not None and up.cat in ("FRAG", "S") and up.kids.index(clause) > 0:
        kids, k, more = up.kids, up.kids.index(clause), []
        while k >= 2 and kids[k - 1].is_pre and kids[k - 1].label == "," and (
                kids[k - 2].cat == "NP" or (kids[k - 2].is_pre and kids[k - 2].label.startswith("NNP"))):
            more.append(kids[k - 2])
            k -= 2
        if k == 0:
            out += more
    return out


def _gapped_conjuncts(v: SentenceView, clause: Node) -> list[Node]:
    """«اجتمع بوتين وأردوغان، والرئيس الإيراني روحاني»: a last conjunct the parser made a clause of its own, with
    no verb (only a noun phrase after «و»), is one more subject of the clause before it."""
    p = clause.parent
    if v.lang != "ar" or p is None or p.cat != "S" or clause not in p.kids:
        return []
    rest = p.kids[p.kids.index(clause) + 1:]
    out: list[Node] = []
    for k, c in enumerate(rest):
        if c.cat == "S" and k > 0 and rest[k - 1].cat == "CC":
            kids = [d for d in c.kids if not (d.is_pre and d.label.startswith("PUNC"))]
            if not kids or not all(d.cat == "NP" for d in kids):
                break
            out += kids
        elif not (c.cat == "CC" or (c.is_pre and c.label.startswith("PUNC"))):
            break
    return out


_DASHES = frozenset({"--", "—", "–", "---"})


def in_aside(v: SentenceView, tok: int) -> bool:
    """Tell whether a token stands between two dashes ("charges that the plant -- a contract worth $800 million --
    would help ..."): an aside of the author's, which the verbs around it do not govern."""
    words = [v.word(t) for t in range(len(v.sent.tokens))]
    before = sum(w in _DASHES for w in words[:tok])
    return before % 2 == 1 and any(w in _DASHES for w in words[tok + 1:])


def _headline_infinitive(chain: list[Node], verb_top: Node, clause: Node) -> bool:
    """A "to" infinitive that is the main verb of its sentence (no verb above it): the headline form of a plan."""
    if not any(c.is_pre and c.label == "TO" for n in chain for c in n.kids):
        return False
    top = clause
    while top.parent is not None and top.parent.cat in ("S", "FRAG", "NP"):
        top = top.parent
    return (top.parent is None or top.parent.cat == "ROOT") and not any(a.cat == "VP" for a in verb_top.ancestors())


def blaming_phrase(v: SentenceView, vp: Node, head: int, before: int) -> bool:
    """Tell whether a verb phrase blames («ألقى باللوم على»): a «باللوم» phrase after its verb, before `before`."""
    return any(c.cat == "PP" and head < c.i < before and any(v.in_words(t, "blame_phrases") for t in range(c.i, min(c.j, c.i + 2)))
               for c in vp.kids)


def _reporting(v: SentenceView, tok: int) -> bool:
    """A verb of saying (a `reported` governor: قال، أكد، said, told)."""
    return word_class(v.words["governors"], v.word(tok)) == "reported"


def _enclosing_subject(v: SentenceView, clause: Node) -> Node | None:
    """The subject of the nearest clause above that names one (for a pronoun subject)."""
    n = clause
    while n.parent is not None:
        n = n.parent
        if n.cat in ("S", "SINV"):
            before = [c for c in n.kids if c.cat == "NP" and not _only_pronoun(c) and _noun_prep(v, c) is None
                      and not _is_temporal(v, c)]
            vp = next((c for c in n.kids if c.cat == "VP"), None)
            if before and vp is not None and before[-1].j <= vp.i:
                return before[-1]
            if v.lang == "ar" and not before and first_conjunct(n) is not None \
                    and (got := _first_conjunct_subject(v, n)) is not None:
                return got  # «سيتوجه نجاد إلى باكو وسيشارك في القمة حيث ...»: the later conjunct shares the first's subject
        if n.cat == "VP" and v.lang == "ar":
            head = next((c for c in n.kids if c.is_pre and v.is_verb(c.tok)), None)
            nps = [c for c in n.kids if c.cat == "NP" and not _only_pronoun(c) and head is not None and c.i > head.tok
                   and not _is_temporal(v, c)]
            if nps and nps[0].j <= clause.i:
                if not any(v.kinds.get(t) not in (None, "date", "place") for t in range(nps[0].i, nps[0].j)):
                    continue  # «حيث سيلقي كلمة ... كما سيجري محادثات»: the object of a verb whose own subject was dropped
                return _split_fused(v, nps[0], [])[0]  # «يزور (الرئيس الإيراني موسكو)»: the subject, not the city
    return None


def common_head(v: SentenceView, np: Node) -> bool:
    """Tell whether a noun phrase opens with a common noun that names nobody («محادثات ثنائية مع بوتين», «زيارة
    طاجيكستان»), unlike a title, an office or a counterpart («الرئيس», «نظيره»)."""
    first = _first_pre(np)
    return first.label.startswith(("NN", "DTNN")) and not first.label.startswith(("NNP", "DTNNP")) \
        and v.kinds.get(first.tok) is None \
        and not any(v.in_words(first.tok, g) for g in ("titles", "agent_nouns", "member_nouns", "person_nouns"))


def _with_partner(v: SentenceView, clause: Node) -> Node | None:
    """The "with" phrase of the verb whose clause a "they" clause hangs on ("Putin discussed terrorism with Rouhani
    when they met"): they are the subject and this partner."""
    n = clause.parent
    while n is not None and n.cat != "VP":
        n = n.parent
    if n is None:
        return None
    pp = next((c for c in n.kids if c.cat == "PP" and c.kids and c.kids[0].is_pre and v.word(c.kids[0].tok).lower() == "with"
               and c.j <= clause.i), None)
    return next((c for c in pp.kids if c.cat == "NP"), None) if pp is not None else None


def _own_relative(v: SentenceView, np: Node, clause: Node) -> bool:
    """"والتقى نظيرَه الإيراني": a noun with a possessive pronoun after the verb of a second conjunct is the object
    (his counterpart), the subject being the first conjunct's."""
    head = next((c for c in np.walk() if c.is_pre), None)
    has_poss = any(c.is_pre and c.label == "PRP$" for c in np.walk())
    return head is not None and has_poss and head.label.startswith("NN") and _first_conjunct_subject(v, clause) is not None


def first_conjunct(node: Node) -> Node | None:
    """The first of the coordinated phrases a later conjunct belongs to ("(S (S زار ...) (CC و) (S التقى ...))"),
    or None when the node is not a later conjunct."""
    p = node.parent
    if p is None or not any(c.cat == "CC" for c in p.kids):
        return None
    first = next((c for c in p.kids if c.cat == node.cat), None)
    return None if first is None or first is node else first


def clause_verb(v: SentenceView, node: Node | None) -> Node | None:
    """The verb heading a clause, a verb phrase or a relative clause (SBAR → S → VP → verb), or None."""
    if node is not None and node.cat == "SBAR":
        node = next((k for k in node.kids if k.cat == "S"), None)
    vp = node if node is None or node.cat == "VP" else next((k for k in node.kids if k.cat == "VP"), None)
    return next((k for k in vp.kids if k.is_pre and v.is_verb(k.tok)), None) if vp is not None else None


def _first_conjunct_subject(v: SentenceView, clause: Node) -> Node | None:
    """The subject of the first of coordinated clauses ("(S (S (VP زار بوتين ...)) (CC و) (S (VP التقى ...)))")."""
    head = clause_verb(v, first_conjunct(clause))
    return _verbal(v, head).surface_subject if head is not None else None


def _plural_verb_singular_noun(v: SentenceView, verb: Node, np: Node) -> bool:
    """"عقدا جولة من المباحثات": a dual or plural verb (its subject dropped) cannot have a single noun as subject."""
    w = v.word(verb.tok)
    toks = v.sent.tokens
    glued_pronoun = verb.tok + 1 < len(toks) and toks[verb.tok + 1][0] == toks[verb.tok][1] \
        and toks[verb.tok + 1][2].startswith("PRP")  # "أجراها": the alef of أجرى before a pronoun, not a dual
    plural = (verb.label == "VBD" and (w.endswith("وا") or (w.endswith("ا") and len(w) > 3 and not glued_pronoun))) or \
        (verb.label == "VBP" and w.endswith(("ان", "ون")))
    if not plural:
        return False
    head = next((c for c in np.walk() if c.is_pre), None)
    return head is not None and head.label in ("NN", "DTNN") and not any(c.cat == "CC" or c.label == "CC" for c in np.walk())


def _antecedent(clause: Node) -> Node | None:
    """Return the noun phrase a relative clause modifies ("(NP (NP قادة ...) (SBAR (S (VP يوقعون ...))))")."""
    sbar = clause if clause.cat == "SBAR" else clause.parent
    inner = clause
    for _ in range(3):
        # "(SBAR (WHNP الذي) (S (VP (S (VP زار موسكو ...)) ، ...)))": wrappers the parser put around the relative's verb
        if sbar is None or sbar.cat not in ("S", "VP") or not sbar.kids or sbar.kids[0] is not inner:
            break
        inner, sbar = sbar, sbar.parent
    if sbar is None or sbar.cat != "SBAR" or sbar.parent is None or sbar.parent.cat != "NP":
        return None
    if inner is not clause and not (sbar.kids and sbar.kids[0].cat == "WHNP"):
        return None
    if clause.cat == "SBAR" or any(c.cat == "NP" for c in clause.kids if c.cat != "VP"):
        return None
    np = sbar.parent
    k = np.kids.index(sbar)
    before = [c for c in np.kids[:k] if c.cat == "NP"]
    return before[0] if before else None


def _resumptive_object(vp: Node, pre: Node) -> bool:
    """Tell whether an object pronoun is attached to the verb (أرسلتها): the relative gap is the object."""
    k = vp.kids.index(pre) if pre in vp.kids else -1
    nxt = vp.kids[k + 1] if 0 <= k < len(vp.kids) - 1 else None
    if nxt is not None and nxt.cat == "PP" and len(nxt.kids) == 2 and nxt.kids[1].cat == "NP" and _only_pronoun(nxt.kids[1]):
        # «زيارة قام بها وزير الدفاع»: the gap is the pronoun after the preposition; the subject follows
        return any(c.cat == "NP" and not _only_pronoun(c) for c in vp.kids[k + 2:])
    return nxt is not None and nxt.cat == "NP" and _only_pronoun(nxt)


def _passive(v: SentenceView, pre: Node, chain: list[Node]) -> bool:
    tag = pre.label
    if v.lang == "ar":
        return tag == "VBN"
    if tag != "VBN":
        return False
    return any(c.is_pre and v.word(c.tok) in _BE for n in chain[1:] for c in n.kids)


def _has_clause_subject(v: SentenceView, top: Node, clause: Node) -> bool:
    if clause is top:
        return False
    return any(_subject_before(v, c) and c.j <= top.i for c in clause.kids if c is not top)


def _subject_before(v: SentenceView, c: Node) -> bool:
    """Tell whether a phrase before a verb can be its subject: a noun phrase that is no date, no concession and
    no setting the tagger read as a noun («خلال زيارته لموسكو، أكد لافروف»: خلال heads a setting)."""
    return c.cat == "NP" and not _is_temporal(v, c) and not v.in_words(_first_pre(c).tok, "concessive") \
        and _noun_prep(v, c) is None


def _said_in_it(v: SentenceView, vp: Node, pre: Node, clause: Node) -> bool:
    """«بيانا أعلن فيه», «رسالة قال فيها»: a relative clause on a noun whose verb is followed by «في» + the pronoun of
    that noun (what was said in it); its speaker is not named after the verb."""
    after = [c for c in vp.kids if c.i > pre.tok]
    if not after or after[0].cat != "PP" or clause.parent is None or clause.parent.cat != "SBAR" \
            or clause.parent.parent is None or clause.parent.parent.cat != "NP":
        return False
    pres = [d for d in after[0].walk() if d.is_pre]
    return len(pres) == 2 and v.word(pres[0].tok) == "في" and pres[1].label.startswith("PRP")


def _copula_predicate(v: SentenceView, np: Node) -> bool:
    """«عندما كان وزيرا للدفاع زار شويغو طهران»: an indefinite accusative noun («وزيرا») naming no actor is what
    the subject was, not the subject; the subject follows the verb."""
    first = _first_pre(np)
    word = v.word(first.tok)
    return word.endswith("ا") and not word.startswith("ال") and not any(v.kinds.get(t) for t in range(np.i, np.j))


def _subject(v: SentenceView, pre: Node, vp: Node, chain: list[Node], top: Node, clause: Node) -> Node | None:
    # SVO (English; Arabic with the subject first): the last NP before the verb phrase in its clause
    if clause is not top:
        before = [c for c in clause.kids if c.j <= top.i and _subject_before(v, c)]
        if before:
            return before[-1]
    # Arabic auxiliary chain ("تكون موسكو قد زودت"): the subject sits after the auxiliary
    if v.lang == "ar":
        for n in chain[1:]:
            nps = [c for c in n.kids if c.cat == "NP" and not _only_pronoun(c) and c.j <= vp.i
                   and not _copula_predicate(v, c)]
            if nps:
                return nps[0]
    # a relative clause ("الطائرات التي أرسلتها", "the drones that Iran sent") leaves the subject to the text
    # (VSO/SVO inside it); a coordinated verb ("visited Moscow and met Lavrov") shares the first one's subject
    p = top.parent
    host = clause.parent
    if host is not None and host.cat == "ADJP" and host.parent is not None and host.parent.cat == "VP":
        host = host.parent  # "is due to visit", "is likely to sign": the subject of the copula
    while clause is not top and clause.cat == "S" and host is not None and host.cat == "VP" \
            and not any(c.is_pre and v.is_verb(c.tok) for c in host.kids) and host.parent is not None \
            and host.parent.cat == "S" and host.parent.parent is not None and host.parent.parent.cat == "VP":
        # "started (S (VP (S (VP transferring radars)) and (NP systems ...)))": a coordination the parser wrapped in a
        # verbless verb phrase; the verb it completes is further up
        clause, host = host.parent, host.parent.parent
    if clause is not top and clause.cat == "S" and host is not None and host.cat == "VP":
        # "started transferring", "is seeking to join": the subject of the verb this clause completes
        head = next((c for c in host.kids if c.is_pre and v.is_verb(c.tok) and c.tok < clause.i), None)
        if head is not None and v.in_words(head.tok, "object_control_verbs"):
            # "obliged Russia to deliver", "urged Moscow to stop": the object of the controlling verb would act
            obj = next((c for c in host.kids if c.cat == "NP" and head.tok < c.i and c.j <= clause.i), None)
            if obj is not None:
                return obj
        if head is not None:
            got = _verbal(v, head).surface_subject  # "Russia is expected to deliver": raising keeps the surface subject
            if got is not None:
                return got
    if v.lang == "en" and clause is not top and clause.cat == "S" and v.sent.pos(pre.tok) == "VBG" and host is not None \
            and host.cat in ("SBAR", "PP") and host.kids[0].is_pre and v.in_words(host.kids[0].tok, "adverbial_subordinators"):
        # "Putin spoke ..., while meeting with Volodin": who does the main clause's act does the participle's
        outer = host.parent
        while outer is not None and outer.cat != "S":
            outer = outer.parent
        nps = [c for c in outer.kids if c.j <= host.i and _subject_before(v, c)] if outer is not None else []
        if nps:
            return nps[-1]
        # "After meeting with Likhachev, Eslami told ...": the participle's phrase fronted, the subject after it
        vp = next((c for c in outer.kids if c.cat == "VP" and c.i >= host.j), None) if outer is not None else None
        after = [c for c in outer.kids if c.i >= host.j and (vp is None or c.j <= vp.i) and _subject_before(v, c)] \
            if outer is not None else []
        if after:
            return after[-1]  # (the last before the verb phrase: an apposition set off before it is not the subject)
    if p is not None and p.cat == "VP" and (any(c.cat == "CC" for c in p.kids) or sum(c.cat == "VP" for c in p.kids) > 1):
        first = next((c for c in p.kids if c.cat == "VP"), None)
        if first is not None and first is not top and first.kids:
            head = next((c for c in first.kids if c.is_pre and v.is_verb(c.tok)), None)
            if head is not None:
                other = _verbal(v, head)
                got = other.args_of("subj")
                if got:
                    return got[0].node
        q = p.parent
        while q is not None:
            before = [c for c in q.kids if c.cat == "NP" and c.j <= p.i]
            if before:
                return before[-1]
            if q.cat != "VP":
                break
            q = q.parent  # "Washington would (VP (VP pull out ...) and (VP reinstate ...))": past the modal's phrase
    return None


def _noun_prep(v: SentenceView, np: Node) -> Arg | None:
    """"(NP (NN مع) (NP نظيره))": a preposition the tagger took for a noun heads this phrase."""
    if v.lang != "ar" or np.cat != "NP" or not np.kids or not np.kids[0].is_pre:
        return None
    first = np.kids[0]
    if not v.in_words(first.tok, "noun_preps"):
        return None
    rest = next((c for c in np.kids[1:] if c.cat in ("NP", "SBAR", "S")), None)
    return Arg("pp", rest or np, v.word(first.tok)) if rest is not None else None


def _noun_preps(v: SentenceView, nps: list[Node]) -> tuple[list[Node], list[Arg]]:
    keep, preps = [], []
    for n in nps:
        a = _noun_prep(v, n)
        if a is None and any(c.cat == "CC" for c in n.kids):
            # "(NP (NP مع أحمدي نجاد) و (NP مع خامنئي))": prepositions coordinated, each its own argument;
            # "(NP (NP مع نظيره) و (NP المرشد))": the first one's preposition governs the conjuncts after it
            conj = [c for c in n.kids if c.cat == "NP"]
            parts = [_noun_prep(v, c) for c in conj]
            if len(parts) > 1 and parts[0] is not None:
                preps.extend(p or Arg("pp", c, parts[0].marker) for p, c in zip(parts, conj))
                continue
        (preps.append(a) if a is not None else keep.append(n))
    return keep, preps


def _split_fused(v: SentenceView, subj: Node | None, objs: list[Node]) -> tuple[Node | None, list[Node]]:
    """Split a noun phrase the parser fused from two arguments ("(NP (NP الرئيس الروسي) (NP طهران))",
    "(NP (NNP لافروف) (NNP طهران))").

    Apposition ("الرئيس الروسي فلاديمير بوتين") stays whole: a person's name after a title or a
    state adjective is the same actor. A place, a state or an organization after it is the next argument.
    """
    if subj is None or v.lang != "ar":
        return subj, objs
    kids = subj.kids
    if len(kids) >= 2 and kids[-1].cat == "NP" and len(kids[-1].kids) >= 2 and all(k.is_pre and k.label == "NNP" for k in kids[-1].kids):
        head, tail = _cut_names(v, kids[-1])
        if tail is not None:  # "(NP (NP الرئيس الروسي) (NP (NNP فلاديمير) (NNP بوتين) (NNP طهران)))"
            return _sub(subj, kids[:-1] + [head]), [tail, *objs]
    if len(kids) == 2 and kids[0].cat == "NP" and kids[1].is_pre and kids[1].label == "NNP":
        kids = [kids[0], _sub(subj, [kids[1]])]  # "(NP (NP المبعوث الإيراني) (NNP موسكو))"
    if len(kids) == 2 and kids[0].cat == "NP" and kids[1].cat == "NP" and all(
            d.label in ("NNP", "DTNNP") for d in kids[1].walk() if d.is_pre):
        second = {v.kinds.get(t) for t in range(kids[1].i, kids[1].j)} - {None}
        first = {v.kinds.get(t) for t in range(kids[0].i, kids[0].j)} - {None}
        if second and "person" not in second and (first or any(v.in_words(t, "titles") for t in range(kids[0].i, kids[0].j))):
            return kids[0], [kids[1], *objs]
    if kids and all(k.is_pre and k.label == "NNP" for k in kids) and len(kids) >= 2:
        head, tail = _cut_names(v, subj)
        if tail is not None:
            return head, [tail, *objs]
    return subj, objs


def _cut_names(v: SentenceView, np: Node) -> tuple[Node, Node | None]:
    """Flat proper nouns without a conjunction ("(NP (NNP روسيا) (NNP إيران))", "(NP (NNP لافروف) (NNP طهران))"):
    cut where a second name begins; a person's name continued ("فلاديمير بوتين") stays whole."""
    kids = np.kids
    for a, b in zip(kids, kids[1:]):
        ka, kb = v.kinds.get(a.tok), v.kinds.get(b.tok)
        if ka and kb and v.starts.get(b.tok) and not (ka == kb == "person"):
            cut = kids.index(b)
            return _sub(np, kids[:cut]), _sub(np, kids[cut:])
    return np, None


def _sub(parent: Node, kids: list[Node]) -> Node:
    """Return a synthetic NP over some of a node's children (for a split fused phrase)."""
    n = Node("NP", parent.parent)
    n.kids = kids
    n.i, n.j = kids[0].i, kids[-1].j
    return n


def _object_pps(np: Node) -> list[Node]:
    """PPs hanging inside a noun phrase (through nested noun and prepositional phrases, not clauses)."""
    out, stack = [], list(np.kids)
    while stack:
        n = stack.pop()
        if n.is_pre or n.cat in _NESTED:
            continue
        if n.cat == "PP":
            out.append(n)
        stack.extend(n.kids)
    return sorted(out, key=lambda n: n.i)


def _noun_prep_phrases(v: SentenceView, np: Node) -> list[Node]:
    """Noun phrases headed by a preposition the tagger took for a noun, inside a noun phrase (not its clauses)."""
    out, stack = [], list(np.kids)
    while stack:
        n = stack.pop()
        if n.is_pre or n.cat in _NESTED or n.cat == "PP":
            continue
        if n.cat == "NP" and _noun_prep(v, n) is not None:
            out.append(n)
            continue
        stack.extend(n.kids)
    return out


def _add_pp(v: SentenceView, pred: Predicate, pp: Node, via: str = "") -> None:
    marker = _first_pre(pp)
    if marker is None:
        return
    obj = next((c for c in pp.kids if c.cat in ("NP", "SBAR", "S") and c.i > marker.tok), None)
    words = [v.word(d.tok) for d in pp.kids if d.is_pre]
    key = " ".join(words) if words else v.word(marker.tok)
    first = _first_pre(obj) if obj is not None and obj.cat == "NP" else None
    if key in ("ب", "with") and first is not None and v.in_words(first.tok, "participation_nouns"):
        key = "مع" if v.lang == "ar" else "with"  # «مناورات بمشاركة روسيا وعمان», "with the participation of": with them
    elif key in ("إلى", "الى", "الي", "إلي") and first is not None and v.word(first.tok) == "جانب":
        key = "مع"  # «إلى جانب القوات الروسية»: alongside them, with them
    elif key.lower() in ("alongside", "along with"):
        key = "with"  # "drills alongside Russian forces"
    pred.args.append(Arg("pp", obj or pp, key, via))
    if obj is not None and obj.cat == "NP" and not via:
        # "حصلت على مقاتلات (من فرنسا)", "على علاقات (مع السعودية)": a preposition inside the object of a preposition
        nps = [obj]
        for inner in _object_pps(obj):
            _add_pp(v, pred, inner, via="pp")
            # «على هامش قمة (ل التعاون ... (مع الرئيس الروسي))»: a noun-headed «مع» deep in the phrase
            nps += [c for c in inner.kids if c.cat == "NP"]
        for inner in (n for np in nps for n in _noun_prep_phrases(v, np)):
            a = _noun_prep(v, inner)
            pred.args.append(Arg("pp", a.node, a.marker, "pp"))


# --- nouns -------------------------------------------------------------------------------------


def _only_connectives_before(np: Node) -> bool:
    """«(NP (PP من (ADVP ثم)) (NP الغزو الروسي) (PP لأوكرانيا))»: only a connective the parser made a phrase stands
    before the event's noun phrase in its parent, so the phrases after it are still the event's."""
    before = np.parent.kids[:np.parent.kids.index(np)]
    return bool(before) and all(c.cat in ("PP", "ADVP") and not any(d.cat == "NP" for d in c.kids) for c in before)


def _nominal(v: SentenceView, pre: Node) -> Predicate:
    if pre.parent is not None and pre.parent.cat == "VP":
        return _nominal_in_vp(v, pre)  # "(VP (NN تسليم) (NP صواريخ) (PP الى ايران))": a noun the parser made a verb head
    np = pre.parent if pre.parent is not None and pre.parent.cat in ("NP", "NML") else pre
    outer = np
    while outer.parent is not None and outer.parent.cat in ("NP", "NML") and outer.parent.kids and (
            outer.parent.kids[0] is outer or _only_connectives_before(outer)):
        outer = outer.parent  # "(NP (NP (NN زيارة)) (PP إلى طهران))": the PP hangs one level up
    carrier = outer
    while carrier.parent is not None and carrier.parent.cat == "NP" and carrier.parent.kids[0] is not carrier:
        head = carrier.parent.kids[0]
        if not (head.is_pre and v.in_words(head.tok, "light_nouns")):
            break
        carrier = carrier.parent  # "(NP (NN فرض) (NP العقوبات الأممية)) (PP على طهران)": the carrier's phrase is the event's
        while carrier.parent is not None and carrier.parent.cat == "NP" and carrier.parent.kids[0] is carrier:
            carrier = carrier.parent
    carrier = _container(v, carrier)  # "a wave of strikes (on Iran)": the container's phrases are the event's
    pred = Predicate(v.sent, pre.tok, v.word(pre.tok), False, np, carrier)
    k = np.kids.index(pre) if pre in np.kids else 0
    for c in np.kids[k + 1:]:
        prep = _noun_prep(v, c) if c.cat == "NP" else None
        if prep is not None:
            pred.args.append(prep)
        elif c.cat == "NP" and not pred.args_of("gen") and not _is_temporal(v, c):
            rel = "poss" if _only_pronoun(c) else "gen"
            pred.args.append(Arg(rel, c))
            if rel == "gen":  # "بيع منظومة إس-400 (لإيران)", "اتفاقية التعاون (مع تركيا)": on the genitive phrase
                for inner in _object_pps(c):
                    _add_pp(v, pred, inner, via="obj")
                for inner in _noun_prep_phrases(v, c):
                    a = _noun_prep(v, inner)
                    pred.args.append(Arg("pp", a.node, a.marker, "obj"))
        elif c.cat == "ADJP" or (c.is_pre and c.label.endswith("JJ")):
            _add_adjective(v, pred, c)
        elif c.is_pre and c.label.startswith("PRP"):
            pred.args.append(Arg("poss", c))
    gen = pred.args_of("gen")
    up = np.parent
    if gen and gen[0].node.j == np.j and up is not None and up.cat == "NP" and up.kids[0] is np:
        # "(NP (NP لقاء بوتين) (CC و) (NP الرئيس الإيراني))": the parser coordinated the second genitive with the
        # event noun's phrase; a name or a title there is the event's as much as the first
        rest = up.kids[1:]
        for cc, c in zip(rest, rest[1:]):
            if cc.is_pre and cc.label == "CC" and v.word(cc.tok) in ("و", "and") and c.cat == "NP" and _names_someone(v, c):
                pred.args.append(Arg("gen", c, via="coord"))
    for c in np.kids[:k]:  # English pre-modifiers: "Israeli strikes", "Russia's delivery", "their visit"
        if c.is_pre and c.label.startswith("PRP"):
            pred.args.append(Arg("poss", c))
        elif c.cat == "NP" and any(d.is_pre and d.label == "POS" for d in c.kids):
            pred.args.append(Arg("poss", c))
        elif c.is_pre and c.label in ("JJ", "NNP", "NNPS") or c.cat in ("ADJP", "NML"):
            pred.args.append(Arg("adj", c))
    n = np
    while True:
        for c in n.kids:
            if c.i <= pre.tok:
                continue
            if c.cat == "PP":
                _add_pp(v, pred, c)
            elif c.cat == "NP" and n is not np:
                prep = _noun_prep(v, c)
                if prep is not None:
                    pred.args.append(prep)
            elif c.cat in ("ADJP", "VP") and _light_participle_phrase(v, c):
                # «العقوبات المفروضة على إيران من الأمم المتحدة», "sanctions imposed on Iran by the UN"
                for pp in _outer_pps(c):
                    _add_agent_pp(v, pred, pp)
            elif c.cat == "ADJP" and n is not np:
                _add_adjective(v, pred, c)
        if n is carrier or n.parent is None:
            break
        n = n.parent
    _phrases_after(v, pred, carrier)
    _light_verb(v, pred, carrier)
    _relative_gathering(v, pred, np, carrier)
    if pred.light is None:
        _relative_light_verb(v, pred, np, carrier)
    if pred.light is None:
        _support_verb(v, pred, carrier)
    _governors(v, pred, carrier)
    if pred.light is None:
        _controller(v, pred, carrier)
    if pred.light is not None:
        lv = pred.light
        pred.negated = pred.negated or lv.negated or _negated_noun(v, pre)
        pred.future, pred.modal = lv.future, lv.modal
        pred.governors = lv.governors
        pred.conditional, pred.concessive, pred.purpose = lv.conditional, lv.concessive, lv.purpose
    else:
        pred.negated = pred.negated or _negated_noun(v, pre)
    return pred


def _phrases_after(v: SentenceView, pred: Predicate, top: Node) -> None:
    """A measure or a blow («العقوبات الأمريكية», «حظرا اقتصاديا») whose phrase the parser closed before its «على»,
    «ضد» or «من قبل» phrase, hanging that on the verb: the phrases right after it are still its target and agent."""
    if v.lang != "ar" or not v.in_words(pred.head, "against_nouns") or top.parent is None or top.parent.cat != "VP":
        return
    kids = top.parent.kids
    at = kids.index(top) if top in kids else -1
    for c in kids[at + 1:at + 3] if at >= 0 else []:
        marker = _first_pre(c) if c.cat == "PP" else None
        if marker is None or marker.parent is not c:
            break
        w = v.word(marker.tok)
        obj = next((d for d in c.kids if d.cat == "NP" and d.i > marker.tok), None)
        if obj is None:
            break
        if w in ("على", "علي", "ضد") and not any(a.rel == "pp" and a.marker in ("على", "علي", "ضد") for a in pred.args):
            pred.args.append(Arg("pp", obj, w, "after"))
        elif w == "من" and obj.kids and obj.kids[0].is_pre and v.word(obj.kids[0].tok) == "قبل":
            rest = next((d for d in obj.kids[1:] if d.cat == "NP"), None)
            if rest is not None:
                pred.args.append(Arg("pp", rest, "من قبل", "after"))
        else:
            break


def _governing_word(v: SentenceView, tok: int) -> bool:
    """A noun or adjective of the governors' lexicons («المفروض», «المقرر», "likely")."""
    w = v.word(tok)
    return bool(word_class(v.words["governors"], w) or word_class(v.words["governing_nouns"], w))


def _noun_before_in_vp(v: SentenceView, sbar: Node) -> bool:
    """«كان من المفروض أن توقع»: a complement inside a verb phrase whose governing noun stands right before it."""
    k = sbar.i - 1
    while k > 0 and v.sent.tokens[k][2] in ("IN", "TO"):
        k -= 1
    pre = v.sent.pre[k] if k >= 0 else None
    return pre is not None and not v.is_verb(pre.tok) and _governing_word(v, pre.tok)


def _names_someone(v: SentenceView, np: Node) -> bool:
    """Tell whether a noun phrase opens with an actor's name or a title ("الرئيس الإيراني", "بزشكيان")."""
    first = next((d for d in np.walk() if d.is_pre), None)
    return first is not None and (v.kinds.get(first.tok) not in (None, "date", "place") or v.in_words(first.tok, "titles"))


def _add_adjective(v: SentenceView, pred: Predicate, c: Node) -> None:
    """An adjective of the event noun, and the phrases inside it ("(ADJP (DTJJ المشتركة) (NP (NN بين) (NP البلدين)))")."""
    pred.args.append(Arg("adj", c))
    for d in c.kids:
        if d.cat == "PP":
            _add_pp(v, pred, d)
        elif d.cat == "NP" and _noun_prep(v, d) is not None:
            pred.args.append(_noun_prep(v, d))


def _nominal_in_vp(v: SentenceView, pre: Node) -> Predicate:
    vp = pre.parent
    pred = Predicate(v.sent, pre.tok, v.word(pre.tok), False, vp, vp)
    nps = [c for c in vp.kids if c.i > pre.tok and c.cat == "NP" and not _is_temporal(v, c)]
    if len(nps) >= 2 and nps[1].i == nps[0].j and all(_names_someone(v, c) for c in nps[:2]) \
            and not (v.kinds.get(nps[0].j - 1) == "person" and v.kinds.get(nps[1].i) == "person" and not v.starts.get(nps[1].i)):
        # (one name the parser split in two, «الرئيس إبراهيم» + «رئيسي», is one genitive)
        # «تسليم روسيا إيران منظومات»: the verbal noun's agent, then whom it reaches
        pred.args.append(Arg("subj", nps[0], via="gen"))
    for c in vp.kids:
        if c.i <= pre.tok:
            continue
        if c.cat == "NP" and not any(a.node is c for a in pred.args) and not pred.args_of("gen") and not _is_temporal(v, c):
            pred.args.append(Arg("poss" if _only_pronoun(c) else "gen", c))
        elif c.cat == "PP":
            _add_pp(v, pred, c)
    _governors(v, pred, vp)
    pred.negated = _negated_noun(v, pre)
    return pred


def _relative_gathering(v: SentenceView, pred: Predicate, np: Node, outer: Node) -> None:
    """"اجتماع ضم وزير النفط الإيراني ووزير الطاقة القطري", "a meeting that brought together X and Y": whom the
    relative clause of the event noun gathers takes part, as if named after "between"."""
    n = np
    while True:
        for c in n.kids:
            if c.cat != "SBAR" or c.i <= pred.head:
                continue
            head = clause_verb(v, c)
            if head is None or not v.in_words(head.tok, "gathering_verbs"):
                continue
            args = _verbal(v, head).args
            gathered = [a for a in args if a.rel == "obj"]
            if not gathered:  # «اجتماع ضم X وY» without a relative pronoun: the noun after the verb was read as its subject
                gathered = [a for a in args if a.rel == "subj" and a.node.i > head.tok]
            # «لقاء جمع متكي مع كيريينكو», "a meeting that brought X together with Y": the one "with" takes part too
            gathered += [a for a in args if a.rel == "pp" and a.marker in ("مع", "with")]
            for a in gathered:
                pred.args.append(Arg("pp", a.node, "بين" if v.lang == "ar" else "between", via="gather"))
            return
        if n is outer or n.parent is None or n.parent.cat != "NP":
            return
        n = n.parent


def _relative_light_verb(v: SentenceView, pred: Predicate, np: Node, outer: Node) -> None:
    """"زيارة أجراها ظريف إلى موسكو", "the visit Zarif made to Moscow": a relative clause whose light verb
    takes the event noun as its object gives the noun its actor and prepositions."""
    n = np
    while True:
        for c in n.kids:
            if c.cat != "SBAR" or c.i <= pred.head:
                continue
            head = clause_verb(v, c)
            if head is not None and v.in_words(head.tok, "transparent"):
                part = _light_participle(v, head)
                if part is not None:
                    # «العقوبات التي كانت مفروضة على إيران»: a copula and an imposing participle are its light verb
                    for pp in [k for k in part.kids if k.cat == "PP"] + [k for k in head.parent.kids if k.cat == "PP"]:
                        _add_agent_pp(v, pred, pp)
                    return
            if head is None or not v.in_words(head.tok, "light_verbs"):
                continue
            lv = _verbal(v, head)
            pred.light = lv
            for a in lv.args:
                if a.rel in ("subj", "by"):
                    pred.args.append(Arg("subj", a.node, via="light"))
                elif a.rel == "pp":
                    pred.args.append(Arg("pp", a.node, a.marker, via="light"))
            return
        if n is outer or n.parent is None:
            return
        n = n.parent


def _light_participle(v: SentenceView, head: Node) -> Node | None:
    """The phrase of a participle of a light verb after a copula ("كانت (ADJP مفروضة على إيران)"), or None."""
    return next((k for k in head.parent.kids if k.cat == "ADJP" and _light_participle_phrase(v, k)), None)


def _add_agent_pp(v: SentenceView, pred: Predicate, pp: Node) -> None:
    """A prepositional phrase of a passive participle: its «من» is the agent's («مفروضة ... من الأمم المتحدة»)."""
    _add_pp(v, pred, pp, via="light")
    a = pred.args[-1]
    if a.rel == "pp" and a.marker == "من":
        pred.args[-1] = Arg("pp", a.node, "من قبل", "light")


def _light_participle_phrase(v: SentenceView, node: Node) -> bool:
    """A phrase opened by a participle of a light verb ("(VP (VBN imposed) ...)", "(ADJP (SBAR ... المفروضة ...))")."""
    first = next((d for d in node.walk() if d.is_pre), None)
    return first is not None and v.in_words(first.tok, "light_participles")


def _outer_pps(node: Node) -> list[Node]:
    """The prepositional phrases of a phrase that are not inside another prepositional phrase or noun phrase."""
    out, stack = [], list(reversed(node.kids))
    while stack:
        n = stack.pop()
        if n.cat == "PP":
            out.append(n)
        elif not n.is_pre and n.cat != "NP":
            stack.extend(reversed(n.kids))
    return out


def _head_tokens(node: Node) -> list[int]:
    """Tokens of a phrase outside the prepositional phrases and clauses nested in it."""
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.is_pre:
            out.append(n.tok)
        elif n is node or n.cat not in _NESTED | {"PP"}:
            stack.extend(n.kids)
    return out


def _controller(v: SentenceView, pred: Predicate, outer: Node) -> None:
    """An event noun completing a verb of will or refusal takes its subject as the actor ("رفضت روسيا بيع",
    "قررت إيران شراء", "تسعى إيران للانضمام"): the one who refuses or seeks is the one who would act."""
    if not pred.governors or any(a.rel in ("subj", "poss") for a in pred.args):
        return
    g = pred.governors[0]
    if g.verbal and g.how in ("pp", "xcomp") and v.in_words(g.tok, "object_control_verbs"):
        # «اتهمت واشنطن إيران بتزويد روسيا بمسيرات»: the accused would act, whatever the noun's genitive (whom it
        # supplies) names
        _object_controller(v, pred)
        return
    if any(a.rel in ("gen", "adj") and any(v.kinds.get(t) not in (None, "date", "place") for t in _head_tokens(a.node))
           for a in pred.args):
        return
    if not g.verbal or g.how not in ("obj", "pp") or not v.in_words(g.tok, "control_verbs"):
        return
    if g.marker in ("ضد", "against") and v.in_words(g.tok, "vote_verbs"):
        return  # "Russia voted against new sanctions": it imposes nothing
    if g.how == "pp" and v.in_words(g.tok, "announce_verbs") and g.marker not in ("عن", "about", "on"):
        return  # «أعلنت الوزارة وصول الوزير، لإجراء محادثات»: what is announced is its object; a purpose is the arrival's
    if v.in_words(g.tok, "announce_verbs") and any(a.rel == "pp" and a.marker in ("ل", "by", "of") for a in pred.args):
        return  # «أعلن السفير عن زيارة مرتقبة لروغوزين»: the visit is Rogozin's, not the announcer's
    _borrow_actor(v, pred, g, "subj")


def _support_verb(v: SentenceView, pred: Predicate, outer: Node) -> None:
    """An event noun that is the subject of "arrive", "be held", "begin" ("وصلت الشحنة إلى إيران",
    "the talks were held in Muscat") takes that verb's prepositions, time and mood."""
    n = _container(v, outer)
    p = n.parent
    head = None
    if p is not None and p.cat == "VP":  # Arabic VSO: (VP (VBD وصلت) (NP الشحنة) (PP إلى إيران))
        head = next((c for c in p.kids if c.is_pre and v.is_verb(c.tok) and c.i < n.i), None)
        first_np = next((c for c in p.kids if c.cat == "NP"), None)
        if first_np is not n:
            head = None
    elif p is not None and p.cat in ("S", "SINV"):  # SVO: (S (NP the talks) (VP were held ...))
        k = p.kids.index(n)
        vp = next((c for c in p.kids[k + 1:] if c.cat == "VP"), None)
        if vp is not None:
            pre = vp
            while True:
                verbs = [c for c in pre.kids if c.is_pre and v.is_verb(c.tok)]
                inner = next((c for c in pre.kids if c.cat == "VP"), None)
                if inner is not None and (not verbs or v.in_words(verbs[-1].tok, "transparent")):
                    pre = inner
                    continue
                head = verbs[-1] if verbs else None
                break
    if head is None:
        return
    sv = _verbal(v, head)
    # "the talks would be on the sidelines of the summit": a copula with a place or a time says where and when
    copula = v.in_words(head.tok, "copulas") and any(a.rel == "pp" for a in sv.args) and not sv.args_of("obj") \
        and not any(c.cat in ("NP", "ADJP") for c in head.parent.kids if c.i > head.tok)
    if not (v.in_words(head.tok, "support_verbs") or copula or (sv.passive and v.in_words(head.tok, "light_verbs"))):
        return
    pred.light = sv
    for a in sv.args:
        if a.rel == "pp" and not (a.node.i <= n.i < a.node.j):
            pred.args.append(Arg("pp", a.node, a.marker, via="support"))
        elif a.rel == "by":  # "sanctions were imposed on Iran by the EU": the agent of the passive light verb
            pred.args.append(Arg("subj", a.node, via="light"))


def _negated_noun(v: SentenceView, pre: Node) -> bool:
    """"عدم تسليم", "no delivery", "without signing": a negation word right before the noun."""
    return pre.tok > 0 and v.in_words(pre.tok - 1, "noun_negation")


def _head_noun(v: SentenceView, np: Node) -> Node | None:
    """The head noun of a noun phrase: the first noun in Arabic, the last one in English."""
    nouns = [c for c in np.kids if c.is_pre and c.label.startswith(("NN", "DTNN"))]
    if not nouns:
        return None
    return nouns[0] if v.lang == "ar" else nouns[-1]


def _container(v: SentenceView, outer: Node) -> Node:
    """Climb from an event noun to the noun that counts it ("موجة (من) غارات", "a wave of strikes")."""
    n = outer
    while True:
        p = n.parent
        if p is not None and p.cat == "PP" and p.parent is not None:
            p = p.parent  # "wave (PP of (NP strikes))"
        if p is None or p.cat != "NP" or not p.kids or p.kids[0] is n:
            return n
        head = _head_noun(v, p.kids[0] if p.kids[0].cat == "NP" else p)
        if head is None or not v.in_words(head.tok, "container_nouns"):
            return n
        n = p
        while n.parent is not None and n.parent.cat == "NP" and n.parent.kids[0] is n:
            n = n.parent


def _light_verb(v: SentenceView, pred: Predicate, outer: Node) -> None:
    """A noun that is the object of a light verb ("شنت إسرائيل غارات", "قام الوزير بزيارة") takes its subject."""
    n = _container(v, outer)
    if n.parent is not None and n.parent.cat == "PP":
        marker = _first_pre(n.parent)
        if marker is None or v.word(marker.tok) not in ("ب", "في", "in"):
            return  # "أدى إلى مقتل": only "قام بزيارة", "شارك في مناورات", "engaged in talks" carry the event
        n = n.parent
    vp = n.parent
    if vp is None or vp.cat != "VP":
        return
    head = next((c for c in vp.kids if c.is_pre and v.is_verb(c.tok) and c.i < n.i), None)
    if head is None or not (v.in_words(head.tok, "light_verbs") or (
            v.in_words(head.tok, "taking_verbs") and v.in_words(pred.head, "taken_nouns"))):
        return
    lv = _verbal(v, head)
    pred.light = lv
    for a in lv.args_of("subj"):
        if a.node is not n and not (a.node.i <= n.i and n.j <= a.node.j):
            pred.args.append(Arg("subj", a.node, via="light"))
    for a in lv.args_of("by"):
        pred.args.append(Arg("subj", a.node, via="light"))
    for a in lv.args_of("pp"):  # "شنت غارات على مواقع": the target hangs on the light verb
        if a.marker == "ب" and v.in_words(head.tok, "ba_light_verbs"):
            continue  # «سيقوم ... بزيارة طاجيكستان»: the light verb's own event, no argument of this one
        if a.node.i > n.j - 1 or a.node.j <= n.i:
            pred.args.append(Arg("pp", a.node, a.marker, via="light"))


# --- governing clauses -------------------------------------------------------------------------


def _reports_before(v: SentenceView, vp: Node, clause: Node) -> Node | None:
    """The head of "reports of X", "claims that" right before a participle clause in the same verb phrase ("there
    have been reports of Iran supplying drones"), when it is a noun of report, claim or plan; else None."""
    k = vp.kids.index(clause)
    if k == 0 or vp.kids[k - 1].cat != "NP" or v.lang != "en":
        return None
    np = vp.kids[k - 1]
    head = next((d for d in (np.kids[0].kids if np.kids and np.kids[0].cat == "NP" else np.kids)
                 if d.is_pre and d.label.startswith("NN")), None)
    if head is None or not word_class(v.words["governing_nouns"], v.word(head.tok)):
        return None
    return head


def _governors(v: SentenceView, pred: Predicate, start: Node) -> None:
    """Walk up from the predicate: note conditions, concessions, purposes, and each clause that governs it."""
    n = start
    first_clause = True
    while n.parent is not None:
        p = n.parent
        if p.cat == "SBAR" and p.kids and p.kids[0].cat == "WHNP" and p.parent is not None and p.parent.cat == "NP" \
                and p.kids[0].kids and p.kids[0].kids[0].is_pre:
            # «سيقوم إيفانوف، الذي أجرى الثلاثاء مباحثات ...»: a relative clause keeps its own tense and mood; what
            # governs the noun it describes only says who tells it
            w = p.kids[0].kids[0]
            pred.governors.append(Governor(w.tok, v.word(w.tok), "relative", verbal=False))
            first_clause = False
        if p.cat == "SBAR":
            sub = _first_pre(p)
            if sub is not None and sub.tok < n.i and sub.label in ("IN", "WRB", "RB"):
                if v.in_words(sub.tok, "conditional"):
                    pred.conditional = pred.conditional or first_clause
                elif v.in_words(sub.tok, "concessive"):
                    pred.concessive = pred.concessive or first_clause
                elif v.in_words(sub.tok, "purpose"):
                    pred.purpose = pred.purpose or first_clause
                elif not v.in_words(sub.tok, "complementizers"):
                    return  # "as", "after", "while", "بعد أن": an adverbial clause; the words above do not govern it
                elif p.i > 0 and (p.parent is None or p.parent.cat != "VP" or _noun_before_in_vp(v, p)):
                    # "من المقرر أن يزور", "تقارير إلى أن", "it is likely that": the noun or adjective before the
                    # complement (past its preposition) governs it
                    k = p.i - 1
                    while k > 0 and v.sent.tokens[k][2] in ("IN", "TO"):
                        k -= 1
                    before = v.sent.pre[k]
                    if before is not None and v.in_words(before.tok, "noun_preps"):
                        return  # "بعد أن", "قبل أن", "منذ أن": an adverbial clause, nothing above governs it
                    if before is not None and not v.is_verb(before.tok) and not before.label.startswith(("PUNC", "CC")) \
                            and not v.in_words(before.tok, "connectives") and (
                                p.parent is None or p.parent.cat not in ("VP", "PP") or _governing_word(v, before.tok)):
                        pred.governors.append(Governor(before.tok, v.word(before.tok), "comp", verbal=False))
                        first_clause = False
        if p.cat == "PP":
            sub = _first_pre(p)
            if sub is not None and sub.tok < n.i and (v.in_words(sub.tok, "causal") or (
                    sub.tok + 1 < n.i + 1 and sub.tok + 1 < len(v.sent.tokens) and v.in_words(sub.tok + 1, "causal"))):
                return  # "denied exports fell because of (Russian supply)": a cause is taken as given, not denied
            if sub is not None and sub.tok < n.i and p.parent is not None and p.parent.cat == "NP" \
                    and v.in_words(sub.tok, "since_preps"):
                return  # «زيادة التبادل بعد الغزو الروسي»: what a noun is dated after is taken as given
        if p.cat == "PP":
            sub = _first_pre(p)
            if sub is not None and sub.tok < n.i and first_clause:
                second = sub.tok + 1 if sub.tok + 1 < n.i else None  # "من أجل", "in order to"
                if v.in_words(sub.tok, "concessive"):
                    pred.concessive = True
                elif (v.in_words(sub.tok, "purpose") and not pred.verbal) or (second is not None and v.in_words(second, "purpose")):
                    pred.purpose = True  # "لتسليم", "من أجل التوصل", "in order to deliver": aimed at
                elif v.in_words(sub.tok, "eve_words") and not pred.verbal:
                    pred.future = True  # "ahead of his visit", «قبيل القمة»: still to come
                elif v.word(sub.tok) in ("ل", "لل") and not pred.verbal and p.parent is not None and p.parent.cat == "VP" \
                        and any(k.is_pre and v.is_verb(k.tok) and v.in_words(k.tok, "motion_verbs") for k in p.parent.kids):
                    pred.purpose = True  # «وصل إلى طهران لإجراء محادثات», «تأتي الزيارة لإجراء تمرين»: what the trip is for
        if p.cat == "ADVP" and first_clause and not pred.verbal and p.kids and p.kids[0].is_pre and p.kids[0] is not n \
                and v.in_words(p.kids[0].tok, "eve_words"):
            pred.future = True  # "(ADVP ahead (PP of his visit))"
        if p.cat == "NP" and first_clause and p.kids and p.kids[0].is_pre and p.kids[0] is not n \
                and v.in_words(p.kids[0].tok, "concessive"):
            pred.concessive = True  # "(NP (NN رغم) (NP الخلافات ...))"
        report = _reports_before(v, p, n) if p.cat == "VP" and n.cat == "S" else None
        if report is not None:
            # "there have been (NP reports of Iran) (S supplying drones)": the reports govern the clause after them
            pred.governors.append(Governor(report.tok, v.word(report.tok), "noun", verbal=False))
            first_clause = False
        if p.cat == "VP":
            head = next((c for c in p.kids if c.is_pre and v.is_verb(c.tok) and c.tok != pred.head
                         and v.kinds.get(c.tok) != "date"), None)  # «12 آذار مارس»: a month read as a verb
            if head is not None and head.tok < n.i and not (pred.light is not None and head.tok == pred.light.head):
                how = {"SBAR": "comp", "S": "xcomp", "PP": "pp", "NP": "obj"}.get(n.cat, "comp")
                g = Governor(head.tok, v.whole_word(head.tok), how, _verb_negated(v, p, head))
                if blaming_phrase(v, p, head.tok, n.i):
                    g.word = "باللوم"  # «ألقت باللوم على إيران لشن هجمات»: the blaming governs, not the throwing
                if how == "pp":
                    prep = _first_pre(n)
                    g.marker = v.word(prep.tok) if prep is not None and prep.tok < pred.head else ""
                pred.governors.append(g)
                first_clause = False
        elif p.cat in ("NP",) and p.kids and p.kids[0].is_pre and p.kids[0].label.startswith(("NN", "DTNN", "VBG")) \
                and p.kids[0].tok != pred.head and n is not p.kids[0] and n.cat in ("PP", "SBAR", "S", "NP") \
                and v.kinds.get(p.kids[0].tok) != "date" \
                and not (n.cat == "NP" and v.lang != "ar"):
            # "خطة لتسليم", "خطة تسليم", "plans to deliver": the noun this clause or phrase completes
            how = "gen" if n.cat == "NP" else "noun"
            pred.governors.append(Governor(p.kids[0].tok, v.word(p.kids[0].tok), how, verbal=False))
        elif v.lang == "en" and p.cat == "NP" and n.cat in ("S", "SBAR") and n in p.kids and any(
                d.is_pre and d.label.startswith("NN") for d in p.kids[:p.kids.index(n)]):
            # "(NP the authority (S to impose sanctions))": a power to act, not the act
            last = [d for d in p.kids[:p.kids.index(n)] if d.is_pre and d.label.startswith("NN")][-1]
            if last.tok != pred.head and v.in_words(last.tok, "ability_nouns"):
                pred.governors.append(Governor(last.tok, v.word(last.tok), "noun", verbal=False))
        elif p.cat == "NP" and n.cat == "PP" and p.kids and p.kids[0].cat == "NP" and n is not p.kids[0]:
            # "(NP (NP negotiations) (PP on (NP a swap agreement)))", «(NP (NP خططا) (PP ل تزويد))»: the head noun
            # of the phrase the PP completes (in Arabic only a noun that puts what it governs some way: a plan)
            last = [d for d in p.kids[0].kids if d.is_pre]
            if last and last[-1].label.startswith(("NN", "DTNN")) and last[-1].tok != pred.head and (
                    v.lang == "en" or v.in_words(last[-1].tok, "governing_nouns")):
                pred.governors.append(Governor(last[-1].tok, v.word(last[-1].tok), "noun", verbal=False))
        first = _first_pre(p) if p.cat == "NP" and pred.governors and p.kids and p.kids[0] is not n else None
        if first is not None and first.tok < n.i and v.in_words(first.tok, "noun_negation") \
                and pred.governors[-1].tok > first.tok:
            pred.governors[-1].no_grounds = True  # "no reason to suspect that ...": the suspicion is denied
        if p.cat == "ADJP" and n.cat in ("S", "SBAR"):
            head = next((c for c in p.kids if c.is_pre and c.label.startswith(("JJ", "VBN")) and c.tok < n.i), None)
            if head is not None:  # "is due to visit", "likely to sign", "was prepared to sell": it governs its complement
                pred.governors.append(Governor(head.tok, v.word(head.tok), "xcomp", verbal=False))
                first_clause = False
        if p.cat == "S" and n.cat == "NP" and first_clause and v.lang == "ar":
            # «(S (PP من (NP المقرر)) (NP عقد مباحثات ...))»: "it is planned: holding talks", no «أن» between
            k = p.kids.index(n)
            pp = p.kids[k - 1] if k else None
            pres = [d for d in pp.walk() if d.is_pre] if pp is not None and pp.cat == "PP" else []
            if len(pres) == 2 and v.word(pres[0].tok) == "من" and (
                    v.in_words(pres[1].tok, "governors") or v.in_words(pres[1].tok, "governing_nouns")):
                pred.governors.append(Governor(pres[1].tok, v.word(pres[1].tok), "comp", verbal=False))
                first_clause = False
        framing = n.cat in ("PP", "SBAR") and (f := _first_pre(n)) is not None and v.in_words(f.tok, "adverbial_subordinators")
        if p.cat in ("S", "SINV") and p.parent is not None and not framing:
            # "Iran will receive jets, officials said": a reporting clause beside the claim ("After meeting X, he told
            # reporters": the fronted phrase sets the scene, it is not what he told)
            for c in p.kids:
                if c.cat == "VP" and c.i > n.j and c is not n:
                    head = next((d for d in c.kids if d.is_pre and v.is_verb(d.tok)), None)
                    if head is not None and _reporting(v, head.tok):
                        pred.governors.append(Governor(head.tok, v.word(head.tok), "sibling"))
        n = p


def _verb_negated(v: SentenceView, vp: Node, head: Node) -> bool:
    return any(d.is_pre and d.tok < head.tok and v.in_words(d.tok, "negation") for c in vp.kids if c.i < head.tok for d in c.walk())


_NESTED = {"SBAR", "S", "VP", "PRN", "SQ", "SINV", "FRAG"}


def _whose_members(v: SentenceView, pp: Node, marker: Node) -> bool:
    """«وفد من الوكالة», "diplomats from the IAEA": a «من»/from phrase after a delegation or member noun naming no
    actor says whom they are."""
    if v.word(marker.tok) not in ("من", "from") or pp.parent is None:
        return False
    k = pp.parent.kids.index(pp)
    head = pp.parent.kids[k - 1] if k else None
    while head is not None and head.cat == "NP" and head.kids:
        head = head.kids[-1]
    obj = next((c for c in pp.kids if c.cat == "NP"), None)
    last = obj
    while last is not None and len(last.kids) > 1 and last.kids[-1].cat == "NP":
        last = last.kids[-1]
    # a bare place or state closing the phrase is an argument the parser fused in («وفد من (مجموعة غازبروم (إيران))»)
    fused = last is not None and last is not obj and all(d.label == "NNP" for d in last.walk() if d.is_pre) \
        and v.kinds.get(last.j - 1) in ("state", "place", "city")
    return head is not None and head.is_pre and head.tok not in v.kinds and not fused \
        and any(v.in_words(head.tok, g) for g in ("agent_nouns", "member_nouns"))


def nested_spans(v: SentenceView, node: Node) -> list[tuple[int, int]]:
    """Return the character spans inside `node` that belong to another clause or a prepositional phrase
    hanging on it (an English "of" phrase stays: "the President of Iran")."""
    out = []
    stack = list(node.kids)
    while stack:
        n = stack.pop()
        if n.is_pre:
            continue
        skip = n.cat in _NESTED or _noun_prep(v, n) is not None  # "(NP (NN بين) ...)" is a prepositional phrase
        if n.cat == "PP":
            m = _first_pre(n)
            skip = m is None or (v.word(m.tok) != "of" and m.tok not in v.name_preps and not _whose_members(v, n, m))
        if skip:
            first = _first_pre(n)
            lo = n.i
            while first is not None and lo < n.j and v.kinds.get(lo) == "person" and v.sent.pos(lo).startswith("VB"):
                lo += 1  # «الرئيس الأمريكي ترامب»: a name the parser took for the verb of a clause is the phrase's
            if lo < n.j:
                out.append((v.sent.tokens[lo][0], v.sent.tokens[n.j - 1][1]))
        else:
            stack.extend(n.kids)
    return out


def own_spans(v: SentenceView, pred: Predicate) -> list[tuple[int, int]]:
    """Return the character spans of a predicate's own clause: its clause (and its light verb's), less the
    clauses nested in it that belong to other predicates (a relative clause, a complement, a coordinated verb)."""
    roots = [pred.clause] + ([pred.light.clause] if pred.light is not None else [])
    keep_heads = {pred.head} | ({pred.light.head} if pred.light is not None else set())
    spans: list[tuple[int, int]] = []
    for root in roots:
        holes = []
        stack = list(root.kids)
        while stack:
            n = stack.pop()
            if n.is_pre:
                continue
            if n.cat in _NESTED and not any(n.i <= h < n.j for h in keep_heads):
                holes.append((n.i, n.j))
            else:
                stack.extend(n.kids)
        at = root.i
        for a, b in sorted(holes):
            if a > at:
                spans.append((at, a))
            at = max(at, b)
        if at < root.j:
            spans.append((at, root.j))
    toks = v.sent.tokens
    return sorted({(toks[a][0], toks[b - 1][1]) for a, b in spans})


def context_spans(v: SentenceView, pred: Predicate) -> list[tuple[int, int]]:
    """Character spans of the adverbials that frame the predicate's clause from above ("Since 2022, Iran has
    provided", "في عام 2023، وقعت"): prepositional and noun phrases hung directly on an enclosing clause."""
    out = []
    n = pred.clause
    while n.parent is not None:
        p = n.parent
        if p.cat in ("S", "SINV", "ROOT", "VP") and p is not n:
            for c in p.kids:
                if c is n or c.is_pre or c.cat not in ("PP", "NP", "ADVP"):
                    continue
                out.append((v.sent.tokens[c.i][0], v.sent.tokens[c.j - 1][1]))
        if p.cat == "SBAR":
            break  # an enclosing complement belongs to another predicate
        n = p
    return out


_MASC = {"ه", "his", "him"}
_FEM_OR_THING = {"ها", "its", "her", "their", "هم", "هما"}


def pronoun_antecedent(v: SentenceView, pred: Predicate, node: Node) -> Node | None:
    """Resolve a possessive pronoun on an event noun ("غاراتها", "زيارته", "its strikes", "his visit") to the
    subject of the clause that governs the noun: the light verb's, else the nearest governing verb's."""
    pres = [d for d in node.walk() if d.is_pre]
    if not pres:
        return None
    word = v.word(pres[-1].tok)
    candidates: list[Node] = [a.node for a in pred.args if a.rel == "subj"]
    for g in pred.governors:
        if not g.verbal:
            continue
        head = v.sent.pre[g.tok]
        if head is not None:
            # the nearest verb's subject first; the verbs above it follow («قال رئيسي إن ... الموضوعات التي
            # سيتناولها خلال زيارته»: the topics visit nothing, the one who speaks of them does)
            candidates += [a.node for a in _verbal(v, head).args_of("subj")]
    if not candidates:
        # "During his visit to Moscow, Soleimani ...", «خلال زيارته لموسكو، أكد لافروف»: a phrase fronted before the
        # clause speaks of the clause's subject
        n = pred.node
        while n.parent is not None and n.parent.cat not in ("S", "SINV"):
            n = n.parent
        fronted = n.cat == "PP" or (n.cat == "NP" and _noun_prep(v, n) is not None)  # (NP (NN خلال) ...)
        if n.parent is not None and fronted \
                and all(k.cat in ("CC", "PP") or k.is_pre for k in n.parent.kids[:n.parent.kids.index(n)]):
            after = [k for k in n.parent.kids if k.cat in ("NP", "VP") and k.i >= n.j][:1]
            if after and after[0].cat == "VP":
                # VSO: «خلال لقائه بعراقجي، اكتفى الرئيس الروسي بوتين»: the subject after the main verb
                verb = clause_verb(v, after[0])
                after = [a.node for a in _verbal(v, verb).args_of("subj")] if verb is not None else []
            candidates += after
    for c in candidates:
        kinds = {v.kinds.get(t) for t in range(c.i, c.j)} - {None, "date"}
        if not kinds:
            continue
        if word in _MASC and "person" not in kinds:
            continue
        if word in _FEM_OR_THING and kinds == {"person"} and word != "her":
            continue
        return c
    return None


def trailing_adjuncts(v: SentenceView, pred: Predicate) -> list[tuple[int, int]]:
    """Character spans of the prepositional phrases right after an event noun that the parser hung on the verb
    instead ("(VP عزز (NP الانسحاب الأمريكي) (PP في عهد ترامب) (PP خلال عام 2018) ...)")."""
    n = pred.clause
    p = n.parent
    if pred.verbal or p is None or p.cat != "VP":
        return []
    out = []
    rest = p.kids[p.kids.index(n) + 1:]
    k = 0
    while k < len(rest):
        c = rest[k]
        if c.is_pre and c.cat == "PUNC" and v.word(c.tok) in ("،", ",") and k + 2 < len(rest) and rest[k + 1].cat == "PP" \
                and rest[k + 2].is_pre and v.word(rest[k + 2].tok) in ("،", ","):
            c = rest[k + 1]  # "التدخل الروسي، في أيلول 2015، ...": a phrase set off by commas right after the noun
            k += 2
        elif c.cat != "PP" and _noun_prep(v, c) is None:
            break
        out.append((v.sent.tokens[c.i][0], v.sent.tokens[c.j - 1][1]))
        k += 1
    return out
