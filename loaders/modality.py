"""How firmly the text states a predicate, read from its clause and the clauses that govern it.

A negation, a future particle or a modal counts only in the predicate's own clause; a
reporting verb, a hedge, a denial or a plan counts only for the clause it governs (its
complement, its object, its `to`-clause), never for a neighbouring clause. A condition
makes its clause hypothetical (expected); a concession stays what it is.
"""

from __future__ import annotations

from irkg.loaders.parse.clauses import (
    Predicate, SentenceView, in_aside, maximal_np, predicate_at, syntax_words, word_class,
)
from irkg.schema.graph import Certainty

_ASIDES = frozenset({"يذكر", "يشار", "يُذكر", "يُشار"})
_ORDER = (Certainty.DENIED, Certainty.ALLEGED, Certainty.EXPECTED, Certainty.REPORTED)


def predicate_certainty(v: SentenceView, pred: Predicate, clause_hedge: Certainty | None = None) -> Certainty:
    """Return the certainty of a predicate: own negation and mood, then what governs it, nearest first."""
    words = syntax_words()
    found: set[Certainty] = set()
    if pred.negated:
        found.add(Certainty.DENIED)
    if pred.future or pred.modal or pred.conditional or pred.purpose or _modal_qad(v, pred):
        found.add(Certainty.EXPECTED)
    if not pred.verbal and _banned(v, pred.head, words):
        found.add(Certainty.DENIED)  # «الحظر المفروض على بيع الطائرات», "the ban on the sale of": no sale
    if not pred.verbal and (_intended(v, pred.head, words) or _new_measure_talked_of(v, pred, words)
                            or _planned_in_relative(v, pred, words)):
        found.add(Certainty.EXPECTED)  # «أكد نية بلاده شراء 12 طائرة»; «أن فرض عقوبات جديدة ... أمر يتعارض»
    # above a governor that is no cue, only who says or claims it still counts; so above words of taking part
    # («جهات متورطة في نقل الأسلحة», "firms involved in the transfers"), which take the event as done
    attribution_only = _involved(v, pred, words)
    setting, opener = setting_of(pred, words) if not pred.verbal else (None, "")
    if setting is not None and opener.lower() in ("في", "in", "at") and word_class(words["governors"], setting.word) \
            and not (word_class(words["governors"], setting.word) == "expected" and v.sent.pos(setting.tok) == "VBD"):
        # «تتحفظ في تسليم الأسلحة», "hesitates in": the verb's complement, not where it happened («بحث في اتصال
        # هاتفي»: discussed, in the past, during a call that was held)
        setting = None
    governors = [] if not pred.verbal and in_aside(v, pred.head) else pred.governors  # an aside: the author's
    for k, g in enumerate(governors):
        if g.how == "relative":
            attribution_only = True  # a relative clause's own tense stands; above it only who tells it counts
            continue
        if k == 0 and not pred.verbal and g.how == "pp" and g.marker and word_class(words["since_preps"], g.marker):
            break  # "supplied drones since Russia's invasion", «منذ الغزو»: the backdrop the author takes as given
        scat = word_class(words["governors"], setting.word) if setting is not None else None
        if k == 0 and setting is not None and scat != "reported" and (
                _hypothetical(v, setting.tok) or scat is None or v.sent.pos(setting.tok) in ("VBD", "VBN")):
            # «ناقش باتروشيف مع شمخاني خلال اجتماعهما ...»: where something was done happened as it was done; what
            # was discussed may be a plan, the meeting is not (a verb that will be done makes its setting expected;
            # «يعتزم خلال زيارته لقاء»: a present intention says nothing of the visit it is set in)
            if _hypothetical(v, setting.tok):
                found.add(Certainty.EXPECTED)
            told = next((c for x in governors[k + 1:k + 2] if x.verbal and x.how == "comp" and x.word.lstrip("و") not in _ASIDES
                         and (c := word_class(words["governors"], x.word)) in ("reported", "alleged")), None)
            if told:
                found.add(Certainty(told))  # «ذكرت الصحيفة أن القرار تم في اتفاق»: the setting too is the paper's account
            break
        if g.verbal and word_class(words["modal"], g.word) and all(x.verbal and x.how == "xcomp" for x in pred.governors[:k]):
            found.add(Certainty.EXPECTED)  # "US pressure may see Russia refuse": a possibility, nothing refused yet
            break
        nxt_g = pred.governors[k + 1] if k + 1 < len(pred.governors) else None
        if k <= 1 and ((g.verbal and (g.marker or "").lower() in ("ضد", "against") and word_class(words["vote_verbs"], g.word))
                       or (not g.verbal and g.word == "ضد" and nxt_g is not None and nxt_g.verbal
                           and word_class(words["vote_verbs"], nxt_g.word))):
            found.add(Certainty.EXPECTED)  # "voted against new sanctions": a measure proposed, not one this vote took
            break
        if k == 0 and not pred.verbal and word_class(words["planning_verbs"], g.word) and _for_purpose(v, pred, g):
            found.add(Certainty.EXPECTED)  # «أنشأت مركزا لتوجيه الهجمات», "set up a centre to direct attacks": what it is for
            break
        if k == 0 and _retreated(v, words, pred.head) and not g.negated:
            found.add(Certainty.DENIED)  # «تراجعت روسيا عن تزويد إيران», "backed away from supplying": not done
            break
        if g.verbal and g.how == "pp" and not attribution_only and word_class(words["lifting_words"], g.word):
            found.add(Certainty.EXPECTED)  # "lifted the ban on the delivery of S-300": allowed now, not delivered
            break
        if not g.verbal and word_class(words["nominal_acts"], g.word) and not attribution_only:
            if k + 1 < len(pred.governors):
                continue  # "أعلنا التوصل إلى اتفاق": what governs the reaching decides
            found.add(Certainty.EXPECTED)  # "التوصل إلى اتفاق لن يقوض ...": an outcome talked of, not reached
            break
        if g.verbal and k == 0 and g.how in ("xcomp", "comp") and _plan_object(v, g.tok, words):
            found.add(Certainty.EXPECTED)  # "presented a proposal to impose sanctions": what the proposal would do
            break
        if g.verbal and k == 0 and word_class(words["agree_verbs"], g.word) and pred.verbal \
                and v.sent.pos(pred.head) in ("VBP", "VB") and not attribution_only:
            found.add(Certainty.EXPECTED)  # «اتفقنا على أن تشتري روسيا»: what they agreed someone will do
            break
        if g.verbal and g.how == "xcomp" and g.word.lower() == "going" and not attribution_only:
            found.add(Certainty.EXPECTED)  # "was going to visit Israel": the going-to future ("going for $11" is no such)
            break
        if g.verbal and g.how in ("obj", "pp", "xcomp") and not attribution_only and _hypothetical(v, g.tok) \
                and not word_class(words["governors"], g.word):
            found.add(Certainty.EXPECTED)  # «ستساهم في زيادة التبادل التجاري», "will boost trade": a rise to come
            break
        if g.verbal and k == 0 and g.how in ("obj", "pp") and not pred.verbal and word_class(words["opposition_verbs"], g.word) \
                and (any(word_class(words["additive_adjectives"], v.word(t)) for t in range(pred.node.i, pred.node.j))
                     or (pred.head > 0 and v.in_words(pred.head - 1, "light_nouns"))):
            # "Moscow opposes new sanctions on Iran", «لم تعد تعترض على فرض عقوبات»: a proposal opposed, none imposed
            found.add(Certainty.EXPECTED)
            break
        if g.verbal and k == 0 and g.how in ("obj", "pp") and not pred.verbal and word_class(words["backing_verbs"], g.word) \
                and (g.negated or _hypothetical(v, g.tok) or any(v.in_words(t, "negation") for t in range(max(0, g.tok - 2), g.tok))
                     or _under_possibility(v, words, pred.governors[k + 1:])
                     or any(word_class(words["additive_adjectives"], v.word(t)) for t in range(pred.node.i, pred.node.j))
                     or any(x.verbal and word_class(words["governors"], x.word) == "denied" for x in pred.governors[k + 1:k + 2])
                     or any(word_class(words["governing_nouns"], v.word(t)) == "expected" for t in range(g.tok + 1, pred.head))):
            # ("backed further sanctions": more measures proposed, none this backing imposed; «رفضت أن تدعم نداءات
            # واشنطن بالتهديد بفرض عقوبات»: refused to back calls to threaten sanctions)
            # «لن تؤيد فرض عقوبات جديدة», "would back sanctions", «من المتوقع أن تؤيد فرض عقوبات»: proposed, not imposed
            found.add(Certainty.EXPECTED)
            break
        # «غازبروم توقع اتفاق نفط» signs the agreement, expects nothing; the verb that makes the agreement leaves
        # to what governs it whether it was made
        if g.verbal and k == 0 and g.how == "obj" and word_class(words["signable_nouns"], pred.word) and (
                word_class(words["sign_or_expect"], g.word) or word_class(words["signing_verbs"], g.word)):
            gp = predicate_at(v, g.tok)
            if gp is not None and (gp.future or gp.modal or gp.negated or _modal_qad(v, gp)):
                # «ستوقع إيران وروسيا اتفاقية», "will sign a treaty": the verb that makes it is itself to come or denied
                found.add(Certainty.DENIED if gp.negated else Certainty.EXPECTED)
                break
            continue
        if k == 0 and word_class(words["warning_words"], g.word) and not attribution_only:
            told = pred.verbal and v.sent.pos(pred.head) in ("VBD", "VBN") and not _hypothetical(v, pred.head)
            found.add(Certainty.REPORTED if told else Certainty.EXPECTED)  # a danger warned of, or a past act told
            break
        if not g.verbal and any(v.in_words(t, "aside_heads") for t in range(max(0, g.tok - 2), g.tok)):
            continue  # «جدير بالذكر أن ...»: the author's aside, nobody's report
        if not g.verbal and word_class(words["purpose_nouns"], g.word) and (
                (g.marker or "").lower() in ("من", "of") or (k == 0 and pred.head > 0 and v.word(pred.head - 1).lower() in ("من", "of"))):
            break  # «الهدف من زيارته», "the aim of his visit": the visit has the aim, is none, and is taken as given
        cat = word_class(words["governors"], g.word) if g.verbal else (
            word_class(words["governing_nouns"], g.word) or word_class(words["governors"], g.word))
        nxt = pred.governors[k + 1] if k + 1 < len(pred.governors) else None
        if cat is None and not g.verbal and word_class(words["setting_preps"], g.word) and not attribution_only \
                and nxt is not None and nxt.verbal and word_class(words["governors"], nxt.word) == "reported" \
                and not _hypothetical(v, nxt.tok):
            break  # «قال لافروف خلال لقائه مع نظيره»: the meeting is where he spoke, told by the author
        if cat is None and g.verbal and not attribution_only and (gp := predicate_at(v, g.tok)) is not None:
            hedge = next((h for t in _clause_tokens(gp) if (h := word_class(words["adverb_hedges"], v.word(t)))), None)
            if hedge:
                found.add(Certainty(hedge))  # "has allegedly supplied drones as part of an agreement": the deal too
        if cat is None:
            if g.verbal and (word_class(words["transparent"], g.word) or word_class(words["light_verbs"], g.word)):
                continue  # "has", "كانت", "began", «يقوم بزيارة»: the clause goes on up
            if g.verbal and g.how == "pp" and g.marker in ("ل", "لل", "to") and not attribution_only:
                continue  # «من المتوقع أن يزور موسكو لمواصلة المحادثات»: what a trip is for shares the trip's fate
            if not g.verbal and word_class(words["transparent_nouns"], g.word):
                continue  # "بتوقيع اتفاق": whether it is signed is for what governs the signing
            # the object or complement of another word ("condemned the strikes", "linked with the signing of"): a
            # plan or a denial above scopes over that word, not this; who says it still says all of it
            attribution_only = True
            continue
        if cat == "reported" and g.verbal and g.word.lstrip("و") in _ASIDES and not (
                (gp := predicate_at(v, g.tok)) is not None and gp.args_of("subj")):
            continue  # «يذكر أن القمة الأخيرة ...», «يشار إلى أن»: the author's aside, not someone's report
        level = Certainty(cat)
        if not pred.verbal and g.how == "pp" and level in (Certainty.REPORTED, Certainty.ALLEGED) and word_class(words["setting_preps"], g.marker):
            continue  # "قال في مؤتمر صحفي": where it was said is the author's, not part of what was said
        if attribution_only and level not in (Certainty.REPORTED, Certainty.ALLEGED):
            continue
        if level == Certainty.DENIED and g.negated:
            if _hypothetical(v, g.tok) and not attribution_only:
                found.add(Certainty.EXPECTED)  # «لن تتردد في فرض عقوبات», "will not hesitate to impose": a threat
                break
            continue  # "لم تنف": not denied
        if level == Certainty.DENIED and k + 1 < len(pred.governors) and word_class(words["lifting_words"], pred.governors[k + 1].word):
            level = Certainty.EXPECTED  # «رفع الحظر عن تسليم»: the ban on it is lifted; allowed, not done
        if level == Certainty.DENIED and (g.verbal and _hypothetical(v, g.tok) or _under_possibility(v, words, pred.governors[k + 1:])):
            # "veto powers could block any new sanctions", «يمكن أن يستخدموا حق النقض لعرقلة فرض عقوبات»:
            # nothing blocked, nothing imposed
            level = Certainty.EXPECTED
        if level in (Certainty.ALLEGED, Certainty.REPORTED) and g.no_grounds:
            level = Certainty.DENIED  # "there is no reason to suspect / believe that ..."
        seen = next((x for x in pred.governors[k + 1:] if x.verbal), None)
        if level == Certainty.REPORTED and not g.verbal and seen is not None and (seen.negated or any(
                v.in_words(t, "negation") for t in range(max(0, seen.tok - 3), seen.tok))):
            level = Certainty.DENIED  # "have not seen signs that Russia bought drones": nothing shows it happened
        if level == Certainty.REPORTED and g.negated:
            continue  # "did not say that ...": says nothing either way
        if level == Certainty.EXPECTED and _denied_above(v, words, pred.governors[k + 1:]):
            level = Certainty.DENIED  # "denied reports that they had discussed the possibility of a sale"
        found.add(level)
        if level in (Certainty.DENIED, Certainty.EXPECTED):
            break  # a denial or a plan seals the clause: what reports it above does not make it a fact
    if clause_hedge is not None:
        found.add(clause_hedge)
    for t in _clause_tokens(pred):
        cat = word_class(words["adverb_hedges"], v.word(t))
        if cat:
            found.add(Certainty(cat))  # "Iran allegedly supplied drones"
    if any(a.rel == "adj" and any(word_class(words["expected_adjectives"], v.word(t)) for t in range(a.node.i, a.node.j))
           for a in pred.args):
        found.add(Certainty.EXPECTED)  # "صفقات وشيكة", "the planned summit", "a proposed deal"
    elif not pred.verbal and v.lang == "ar":
        top = maximal_np(pred.node)
        if any(v.word(t).startswith("ال") and word_class(words["expected_adjectives"], v.word(t)) for t in range(pred.head + 1, top.j)):
            found.add(Certainty.EXPECTED)  # «المناورة المشتركة بين إيران وروسيا المزمع إجراؤها»: after its phrases
    for level in _ORDER:
        if level in found:
            return level
    return Certainty.ASSERTED


def _retreated(v: SentenceView, words: dict, head: int) -> bool:
    """Tell whether the act at `head` is what someone backs away from: «عن»/"from"/"on" right before it and a word
    of retreat just before that («تراجعها عن تزويد», "backed away from supplying"). Read off the tokens, as the
    parser hangs the «عن» phrase on the verb above as often as on the retreat noun."""
    if head < 2 or v.word(head - 1).lower() not in ("عن", "from", "on"):
        return False
    return any(word_class(words["retreat_words"], v.word(t)) for t in range(max(0, head - 4), head - 1))


def setting_of(pred: Predicate, words: dict):
    """The verb whose setting an event noun is, past the transparent nouns above it («بعد اختتام زيارة»), and the
    word that opens the setting: (governor, preposition) for "during their meeting", «قال في مؤتمر صحفي», or a
    preposition the tagger read as a noun ((NP (NN خلال) ...)); (None, "") when no setting governs it."""
    govs = pred.governors
    k = 0
    while k < len(govs) and not govs[k].verbal and word_class(words["transparent_nouns"], govs[k].word):
        k += 1
    if k < len(govs) and govs[k].verbal and govs[k].how == "pp" and word_class(words["setting_preps"], govs[k].marker):
        return govs[k], govs[k].marker
    if k + 1 < len(govs) and not govs[k].verbal and govs[k + 1].verbal and word_class(words["setting_preps"], govs[k].word) \
            and word_class(words["noun_preps"], govs[k].word):
        return govs[k + 1], govs[k].word
    return None, ""


def _clause_tokens(pred: Predicate) -> list[int]:
    """Tokens of the predicate's clause outside the clauses nested in it."""
    from irkg.loaders.parse.clauses import _NESTED

    out, stack = [], [pred.clause]
    while stack:
        n = stack.pop()
        if n.is_pre:
            out.append(n.tok)
        elif n is pred.clause or n.cat not in _NESTED or n.i <= pred.head < n.j:
            stack.extend(n.kids)
    return out


def _modal_qad(v: SentenceView, pred: Predicate) -> bool:
    """قد before a present-tense verb means "may" (قد يزور); before a past verb it only stresses it."""
    if not pred.verbal or pred.head == 0:
        return False
    words = syntax_words()
    tag = v.sent.tokens[pred.head][2]
    if tag == "VBD" and word_class(words["sign_or_expect"], pred.word) and not any(
            word_class(words["transparent"], v.word(k)) for k in range(max(0, pred.head - 3), pred.head)) \
            and any(word_class(words["signable_nouns"], v.word(a.node.i)) for a in pred.args_of("obj")):
        tag = "VBP"  # «قد توقع اتفاقا»: "may sign" (tuwaqqi'), which the tagger read as the past "expected"
    return tag in ("VBP",) and any(word_class(words["modal_ar"], v.word(k)) for k in range(max(0, pred.head - 2), pred.head))


def _plan_object(v: SentenceView, tok: int, words: dict) -> bool:
    """Tell whether a verb's object is a plan or a proposal ("presented a proposal", «قدم مقترحا»)."""
    gp = predicate_at(v, tok)
    if gp is None:
        return False
    for a in gp.args_of("obj"):
        heads = [d for d in a.node.walk() if d.is_pre and d.label.startswith(("NN", "DTNN"))]
        if heads and word_class(words["governing_nouns"], v.word(heads[0].tok)) == "expected":
            return True
    return False


def _for_purpose(v: SentenceView, pred: Predicate, g) -> bool:
    """Tell whether the word governing an event is itself a purpose: a verb in a purpose clause ("to direct"), or
    a verbal noun after «لـ» or hung on the verb above by «لـ» («لتوجيه الهجمات»)."""
    if g.verbal:
        gp = predicate_at(v, g.tok)
        return gp is not None and (gp.purpose or (g.tok > 0 and v.word(g.tok - 1).lower() == "to"))
    nxt = pred.governors[1] if len(pred.governors) > 1 else None
    return v.whole_word(g.tok).startswith("ل") or (nxt is not None and nxt.how == "pp" and nxt.marker in ("ل", "لل", "to"))


def _hypothetical(v: SentenceView, tok: int) -> bool:
    """Tell whether a verb is itself only possible, future or conditional ("could block", «قد تلغي», "if it refuses")."""
    gp = predicate_at(v, tok)
    # «لن» is a negation and a future at once ("will not"): «لن تتردد» is a stance to come
    return gp is not None and (gp.modal or gp.future or gp.conditional or _modal_qad(v, gp)
                               or any(v.word(t) == "لن" for t in range(max(0, tok - 2), tok)))


_RELATIVES = ("الذي", "التي", "الذى", "that", "which")


def _banned(v: SentenceView, head: int, words: dict) -> bool:
    """Tell whether an event noun is what a ban right before it is on («الحظر المفروض على بيع», "a ban on sales of"),
    however the parser hung it."""
    if head < 2 or v.word(head - 1).lower() not in ("على", "علي", "on"):
        return False
    ban = next((t for t in range(head - 2, max(-1, head - 5), -1) if word_class(words["governing_nouns"], v.word(t)) == "denied"), None)
    if ban is None:
        # «الحظر الذي تفرضه الأمم على بيع», "the embargo that the UN imposes on sales": a relative clause between
        far = next((t for t in range(head - 5, max(-1, head - 9), -1) if word_class(words["governing_nouns"], v.word(t)) == "denied"), None)
        if far is not None and any(v.word(t).lower() in _RELATIVES for t in range(far + 1, head - 1)):
            ban = far
    # «رفعت روسيا الحظر على تسليم», "lifted the ban on": allowed now (the lifting rule above the ban says so)
    return ban is not None and not any(word_class(words["lifting_words"], v.word(t)) for t in range(max(0, ban - 3), ban))


def _planned_in_relative(v: SentenceView, pred: Predicate, words: dict) -> bool:
    """An event noun whose own relative clause tries, plans or seeks it («العقوبات التي تحاول واشنطن طرحها على
    التصويت», "the sanctions Washington is trying to push through"): proposed, not in force."""
    from irkg.loaders.parse.clauses import clause_verb

    top = maximal_np(v.sent.pre[pred.head])
    for n in top.walk():
        if n.cat != "SBAR" or n.i <= pred.head or not word_class(words["relative_pronouns"], v.word(n.i).lower()):
            continue  # a relative clause, not "since Russia decided ..."
        head = clause_verb(v, n)
        if head is not None and word_class(words["governors"], v.word(head.tok)) == "expected":
            return True
    # the parser may hang the relative clause higher («العقوبات على إيران والتي تحاول ...»): read the words after it
    t, n = top.j, len(v.sent.tokens)
    while t < n and v.word(t) in ("و", ",", "،", "and"):
        t += 1
    if t < n and word_class(words["relative_pronouns"], v.word(t).lower()):
        for u in range(t + 1, min(n, t + 3)):
            if v.is_verb(u):
                return word_class(words["governors"], v.word(u)) == "expected"
    return False



def _involved(v: SentenceView, pred: Predicate, words: dict) -> bool:
    """An event noun right after a word of taking part in it, a preposition between («متورطة في نقل», "involved in")."""
    if pred.verbal:
        return False
    for t in range(pred.head - 1, max(-1, pred.head - 3), -1):
        if word_class(words["involvement_words"], v.word(t)):
            return True
        if v.word(t).lower() not in ("في", "in", "ب", "with"):
            return False
    return False


def _intended(v: SentenceView, head: int, words: dict) -> bool:
    """Tell whether a plan noun stands right before an event noun, with only its possessor between («نية بلاده
    شراء», «خطة روسيا لبيع»), however the parser hung them."""
    for t in range(head - 1, max(-1, head - 4), -1):
        if v.is_verb(t):
            return False
        if word_class(words["intention_nouns"], v.word(t)):
            return True
    return False


def _new_measure_talked_of(v: SentenceView, pred: Predicate, words: dict) -> bool:
    """«فرض عقوبات جديدة» as a noun no past verb carries ("imposing new sanctions is against ..."): a measure talked
    of, none imposed."""
    if pred.head == 0 or not v.in_words(pred.head - 1, "light_nouns") or v.lang != "ar":
        return False
    if not any(word_class(words["additive_adjectives"], v.word(t)) for t in range(pred.head + 1, min(len(v.sent.tokens), pred.head + 3))):
        return False
    g = next((g for g in pred.governors if g.verbal), None)
    if pred.light is not None or (g is not None and (word_class(words["light_verbs"], g.word)
                                                     or word_class(words["ba_light_verbs"], g.word))):
        return False  # «ما تقوم به الدول الغربية بفرض عقوبات إضافية»: being done
    return g is None or v.sent.pos(g.tok) not in ("VBD", "VBN") or word_class(words["governors"], g.word) is not None


def _denied_above(v: SentenceView, words: dict, above: list) -> bool:
    """Tell whether a denial governs a plan or a possibility through reports of it only ("denied reports that Tehran
    and Moscow had discussed the possibility of ...", «نفى الأنباء عن مباحثات بشأن ...»), before anyone else speaks."""
    for g in above:
        if g.verbal and word_class(words["denial_verbs"], g.word):
            return not g.negated
        if (word_class(words["status_change_verbs"], g.word) or (not g.verbal and word_class(words["cancel_nouns"], g.word))) \
                and g.how in ("obj", "gen", "noun", "comp"):
            # «قررت إلغاء خططها لتسليم», "scrapped plans to deliver": the plan is off ("halted ... for fear of
            # sanctions" calls off no sanctions)
            return not g.negated
        cat = word_class(words["governors"], g.word) if g.verbal else None
        if g.verbal and (cat in ("reported", "alleged", "denied") or cat is None and not (
                word_class(words["transparent"], g.word) or word_class(words["light_verbs"], g.word))):
            return False
    return False


def _under_possibility(v: SentenceView, words: dict, above: list) -> bool:
    """Tell whether a plan or possibility governs the clause above a denial word (before any reporting verb)."""
    for g in above:
        cat = word_class(words["governors"], g.word) if g.verbal else (
            word_class(words["governing_nouns"], g.word) or word_class(words["governors"], g.word))
        if cat in ("expected",) or (g.verbal and _hypothetical(v, g.tok)):
            return True
        if cat in ("reported", "alleged", "denied"):
            return False
    return False
