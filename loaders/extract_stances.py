"""Find stances: how a source characterizes the Iran–Russia relationship, with polarity."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from irkg.loaders.certainty import assess_certainty
from irkg.loaders.extract import IRAN, PAIR, DocCtx, PassageCtx
from irkg.loaders.extract_frictions import friction_cues, pair_in_view, third_parties
from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
from irkg.loaders.indicator_phrase import figure_certainty
from irkg.schema.graph import Certainty, StanceRecord

_NEG_WINDOW = 70  # key characters before a characterization where a negator flips it
_CONDITION = re.compile(r"(?<!\w)(?:في حال|حال حدوث\w*|اذا|لو|امكانيه|احتمال|هل|if|whether|should)(?!\w)")
_AGREEMENT_WORD = re.compile(r"معاهد|اتفاقي|اتفاق\s")
_SIGNED = re.compile(r"^\W*(?:to be signed|will be signed|was signed|were signed|signed|سيتم توقيعها|سيتم توقيعه|يتم توقيعها|تم توقيعها|الموقعة|الموقع)(?!\w)")
_SIGNING_OF = re.compile(r"(?:sign|signing|signed|توقيع|يوقعان|يوقع|توقع|وقعا|وقع)\W+(?:a|an|the|on|ال)?\W*$")
_NAME_AFTER = re.compile(r"\s*(?:treaty|agreement|accord)\b")  # "Strategic Partnership Treaty" is a name
_CONTRAST = re.compile(r"(?<!\w)(?:بل|وانما|انما|لكن|ولكن|but|instead)(?!\w)")
_ANAPHOR = re.compile(r"(?:هذا|هذه|ذلك|تلك|such an?|this|that)\s+$")
_FLIP = {"positive": "negative", "negative": "positive", "mixed": "positive", "neutral": "neutral"}


@lru_cache(maxsize=1)
def stance_cues() -> dict:
    """Load and compile cues_stances.yaml."""
    data = read_yaml("cues_stances.yaml")
    chars = data["characterizations"]
    return {
        "chars": lexicon_of({k: v["cues"] for k, v in chars.items()}),
        "polarity": {k: v["polarity"] for k, v in chars.items()},
        "neg": lexicon_of({"neg": data.get("negators", [])}),
        "relation": lexicon_of({"rel": data.get("relation", [])}),
        "classifying": lexicon_of({"cls": data.get("classifying", [])}),
        "post_neg": lexicon_of({"post": data.get("post_negators", [])}),
    }


def _tree_about(pc: PassageCtx, fc: dict, sc: dict, h) -> bool | None:
    """Tell from the tree whether a characterization is said of Iran and Russia: the pair stands in its own phrase
    ("التحالف الروسي الإيراني", "a strategic partnership between Moscow and Tehran") or in the clause it completes
    ("Russia and Iran are allies", "describes the relationship between the two as"). None without a tree;
    False in a concession or a condition ("رغم الخطاب حول وجود شراكة")."""
    from irkg.loaders.parse.clauses import predicate_at, word_class

    v, pred = pc.predicate_of(h.start, h.end)
    if pred is None:
        return None
    if pred.concessive or pred.conditional:
        return False
    words = v.words
    if any(not g.verbal and word_class(words["rhetoric_nouns"], g.word) for g in pred.governors[:4]):
        return False  # «الخطاب الرسمي حول وجود شراكة استراتيجية», "the rhetoric of partnership": said by others, not the source
    if any(word_class(words["aspiration_words"], g.word) for g in pred.governors[:3]):
        return False  # "the need for an Iranian-Russian alliance", «إلى مستوى الشراكة»: an aim, not what the relation is
    for t in range(pred.head - 1, max(-1, pred.head - 8), -1):
        if v.sent.tokens[t][2].startswith(("VB", "PUNC", ",", ".", ":")):
            break
        if word_class(words["aspiration_words"], v.word(t)):
            return False  # "the need for an Iranian-Russian alliance" however the parser hung the phrase
    before = range(max(0, pred.head - 8), pred.head)
    if any(v.in_words(t, "rhetoric_nouns") for t in before):
        return False  # «رغم الخطاب الرسمي ... حول وجود شراكة» however the parser hung the phrase
    comma = next((t for t, tok in enumerate(v.sent.tokens) if tok[2].startswith("PUNC") and v.word(t) in ("،", ",")), len(v.sent.tokens))
    if v.in_words(0, "concessive") and pred.head < comma:
        return False  # the sentence opens with "despite" and the characterization is in that opening phrase
    for n in v.sent.pre[pred.head].ancestors():
        first = next((d for d in n.walk() if d.is_pre), None)
        if n.cat in ("NP", "PP") and first is not None and first.tok < pred.head and v.in_words(first.tok, "concessive"):
            return False  # "despite the talk of a partnership": a concession, however deep the characterization sits
    nodes = [a.node for a in pred.args if a.rel != "pp" or a.marker.split(" ")[0] in ("بين", "between", "مع", "with", "of", "ل", "for")]
    for g in pred.governors[:2]:
        if g.verbal and v.sent.pre[g.tok] is not None:
            gov = predicate_at(v, g.tok)
            nodes += [a.node for a in gov.args if a.rel in ("subj", "obj", "by") or (a.rel == "pp" and a.marker.split(" ")[0] in ("بين", "between"))]
    up = pred.clause.parent
    if up is not None and up.cat == "S" and any(c.cat == "CC" for c in up.kids):
        # "العلاقة ... ليست شراكة بل تقارب تكتيكي": a contrasted clause keeps the first one's subject
        first = next((c for c in up.kids if c.cat == "S"), None)
        if first is not None and first is not pred.clause:
            nodes += [c for c in first.kids if c.cat == "NP"]
    found = set()
    relation = False
    for n in nodes:
        for m in pc.mentions_in(v, n, pc.actors, nested_ok=True):
            st = pc.dc.state_of(m.ref)
            found.add(fc["predecessors"].get(st, st))
        a, b = v.sent.tokens[n.i][0], v.sent.tokens[n.j - 1][1]
        relation = relation or bool(sc["relation"].find(pc.key, pc.kt.to_key(a), pc.kt.to_key(b)))
    if {IRAN, PAIR[1]} <= found:
        return True
    others = {s for s in found if pc.dc.actor_type(s) == "state"} - set(PAIR)
    # "describes the relationship as a marriage of convenience" in a text about the pair
    return relation and pc.dc.pair_doc and not others


_PAST = re.compile(r"(?<!\w)(?:في السابق|سابقا|في الماضي|تاريخيا|in the past|historically|formerly)(?!\w)")


def _in_the_past(pc: PassageCtx, h) -> bool:
    """Tell whether the clause of a characterization places it in the past ("في السابق", "historically")."""
    stop = min([i for i in (pc.key.find(c, h.end) for c in "؛;.") if i >= 0] or [len(pc.key)])
    start = max([pc.key.rfind(c, 0, h.start) for c in "؛;."] + [0])
    return bool(_PAST.search(pc.key, start, stop))


_ALLY_OF = re.compile(r"\s+(?:of|to)\s|\s*ل(?!ل)\S", re.I)
_ALLY_OWNED = re.compile(r"(?:\bits|\btheir|\bhis|\bher|\bWestern|\bEuropean|\bUS|\bAmerican)\s+(?:\w+\s+)?$", re.I)


def _ally_of_both(pc: PassageCtx, dc, te: int) -> bool:
    """"Assad, an ally of both Moscow and Tehran": an ally of the pair, so someone else."""
    return bool(_ALLY_OF.match(pc.p.text, te)) and {dc.state_of(m.ref) for m in pc.actors if te <= m.start < te + 45} >= set(PAIR)


def extract_stances(pcs: list[PassageCtx], dc: DocCtx, out: list) -> None:
    """Append one stance record per characterization a source uses (evidence per passage)."""
    sc, fc = stance_cues(), friction_cues()
    stem = Path(dc.doc.file).stem
    source = str(Path(dc.doc.file).with_suffix(""))  # the relative path: report.txt in two folders are two sources
    seen_states = [s for pc in pcs for s in pc.states]
    pair_doc = seen_states.count(PAIR[0]) >= 3 and seen_states.count(PAIR[1]) >= 3
    for pc in pcs:
        hits = sc["chars"].find(pc.key)
        if not hits or pc.p.text.rstrip().endswith(("؟", "?")):
            continue  # a question asks, it does not characterize
        one = bool(pc.states & set(PAIR) or "ايران" in pc.key)
        about = (pair_in_view(pc, fc) or (bool(sc["relation"].find(pc.key)) and one and (pair_doc or IRAN in pc.states))
                 or (pc.p.kind == "heading" and pair_doc))  # a heading in a text about the pair
        # "describes the relationship as ...": a relation word just before the cue, in a text about the pair
        named = pair_doc and any(r.end <= hits[0].start and hits[0].start - r.end <= 60 for r in sc["relation"].find(pc.key))
        about = about or named
        others = {s for s in pc.states - set(PAIR) if dc.actor_type(s) == "state"}
        if not about or (others and not pc.states >= set(PAIR) and not pair_in_view(pc, fc)):
            continue  # "Indian officials call ties with Moscow a strategic partnership": another pair
        done = set()
        hypothetical = False
        for h in hits:
            ts, te = pc.span_of(h.start, h.end)
            if h.cat == "alliance" and (_ally_of_both(pc, dc, te) or _ALLY_OWNED.search(pc.p.text[max(0, ts - 20):ts])):
                continue  # "Assad, an ally of both Moscow and Tehran", "Ukraine and its Western allies": someone else's ally
            tree = _tree_about(pc, fc, sc, h)
            if tree is False or (tree is None and pc.p.kind != "heading"):
                continue  # "the United States and our allies", "سمات تحدد وجود شراكة بين بلدين": not said of the pair
            if third_parties(pc, fc, te, te + 30) and "مع" in pc.key[h.end:h.end + 6]:
                continue  # an alliance with someone else
            if _CONDITION.search(pc.key, max(0, h.start - 80), h.start) or _CONDITION.search(pc.key, h.end, h.end + 45):
                hypothetical = True
                continue  # "التحالف ... إن قام": a hypothesis, not a characterization
            if hypothetical and _ANAPHOR.search(pc.key[max(0, h.start - 12):h.start]):
                continue  # "مثل هذا التحالف" points back to the hypothetical one
            if _AGREEMENT_WORD.search(pc.key[max(0, h.start - 28):h.start]) or _NAME_AFTER.match(pc.key, h.end):
                continue  # part of a treaty's name ("معاهدة الصداقة والتعاون")
            if _SIGNED.search(pc.key[h.end:h.end + 30]) or _SIGNING_OF.search(pc.key[max(0, h.start - 24):h.start]):
                continue  # 'a "comprehensive strategic partnership" to be signed', «توقيع الشراكة»: a document signed
            char, pol = h.cat, sc["polarity"][h.cat]
            prev = pc.key[max(0, h.start - 8):h.start].split()[-1:]
            negs = sc["neg"].find(pc.key, max(0, h.start - _NEG_WINDOW), h.start)
            post = sc["post_neg"].find(pc.key, h.end, h.end + 20)
            if post or (negs and not _CONTRAST.search(pc.key, negs[-1].end, h.start)) or prev in (["لا"], ["ليس"], ["ليست"], ["غير"]):
                char, pol = f"not_{char}", _FLIP[pol]
            if _in_the_past(pc, h):
                char = f"{char}_in_the_past"  # "لم تكونا حليفين طبيعيين في السابق": said of the past, not of now
            if char in done:
                continue
            done.add(char)
            # the cue's own clause sets its certainty: a planning verb a clause away does not
            cert = assess_certainty(pc.key, h.start, h.end)
            if cert == Certainty.DENIED:
                cert = Certainty.ASSERTED  # the negation is the stance, not a denial
            tree = figure_certainty(pc, SimpleNamespace(start=ts, end=te))
            if cert == Certainty.EXPECTED and not sc["classifying"].find(pc.key, max(0, h.start - 40), h.start):
                continue  # «تخطط لتعزيز تعاونهما في إطار شراكة», "may deepen the alliance": a plan or a possibility
            if cert == Certainty.ASSERTED and tree in (Certainty.REPORTED, Certainty.ALLEGED):
                cert = tree  # «يقول المحللون ... مؤكدين أن موسكو وطهران يتمتعان بتحالف»: the analysts' words
            out.append(StanceRecord(
                id=f"stance:{source}:{char}", label=f"{stem}: {char.replace('_', ' ')}",
                characterization=char, polarity=pol, source=dc.doc.file, subjects=list(PAIR),
                certainty=cert, evidence=[pc.evidence(cert, {"characterization": char, "cue": pc.p.text[ts:te]})],
            ))
