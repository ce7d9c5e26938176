"""Understand a question: what it names (actors, items, topics, places, agreements, years) and its words.

Names are linked through the dictionaries' aliases in both languages; the words that are
no names become search terms: Arabic words as written, English words bridged to the
Arabic a document would use (`ask_glossary.yaml`, and the dictionaries' topic cues).
The terms make one Lucene query for the passage index and rank the rows of an answer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from irkg.loaders.arabic import match_key
from irkg.loaders.dictionaries import key_tokens
from irkg.loaders.extract_lexicon import read_yaml
from irkg.queries.ask import longest_names, usable_name

GLOSSARY_FILE = Path(__file__).resolve().parent / "ask_glossary.yaml"
PAIR = ("iran", "russia")
ENTITY_KINDS = ("actor", "item", "topic", "place", "agreement")
_ARABIC = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)?%?|[A-Za-z][A-Za-z'\-]*|[\u0621-\u064a\u0660-\u0669\u06a9\u06cc\u067e\u0686\u06af\u0640\u064b-\u0652]+")
_LUCENE_SPECIAL = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/]')
_YEAR_RE = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
_DECADE_RE = re.compile(r"(?<![0-9])(1[89][0-9]0)s\b")
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")

EN_STOP = frozenset("""
a an the of to in on at by for from with about as into onto over under between among and or but nor not no yes
is are was were be been being do does did done has have had having will would shall should can could may might must
what which who whom whose when where why how whether that this these those there here it its it's they them their theirs
he she his her we our you your i me my mine us one ones any some each every both either neither all more most other
such same than then so too very just also only own again further once s t
tell give list show describe explain name according say says said does sources source documents document paper
""".split())


@dataclass
class Entity:
    """A thing the question names, linked to a dictionary id, with every name it goes by."""

    kind: str
    ref: str
    text: str
    names: list[str] = field(default_factory=list)

    @property
    def frame(self) -> bool:
        """Iran and Russia frame every question of this graph: they carry almost no weight."""
        return self.ref in PAIR


@dataclass
class Term:
    """A question word that is no name: its written form and the Arabic forms to search for."""

    text: str
    forms: list[str]
    weight: float = 1.0


@dataclass
class Understanding:
    """What a question names and asks for; `explain` says it in lines."""

    question: str
    lang: str
    entities: list[Entity] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    sources: dict[str, float] = field(default_factory=dict)

    def refs(self, *kinds: str, frame: bool = True) -> list[str]:
        """Return the ids of the named entities of these kinds (all kinds when none given)."""
        return [e.ref for e in self.entities if (not kinds or e.kind in kinds) and (frame or not e.frame)]

    @property
    def focus(self) -> list[Entity]:
        """The named entities that are not the frame (Iran, Russia)."""
        return [e for e in self.entities if not e.frame]


@functools.lru_cache(maxsize=1)
def arabic_forms(path: Path = GLOSSARY_FILE) -> dict[str, list[str]]:
    """Read the Arabic word -> other forms section of the glossary, keyed by match key."""
    data = read_yaml(path)
    return {match_key(str(k)): [str(v) for v in vs or []] for k, vs in (data.get("arabic") or {}).items()}


@functools.lru_cache(maxsize=1)
def load_glossary(path: Path = GLOSSARY_FILE) -> dict[tuple[str, ...], list[str]]:
    """Read the English -> Arabic glossary, keyed by the English words' lower-case tokens."""
    data = read_yaml(path)
    out: dict[tuple[str, ...], list[str]] = {}
    for en, ars in (data.get("glossary") or {}).items():
        key = tuple(_en_tokens(str(en)))
        if key:
            out.setdefault(key, []).extend(str(a) for a in ars or [])
    return out


def _en_tokens(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[A-Za-z][A-Za-z'\-]*|[0-9]+", text)]


def question_lang(text: str) -> str:
    """Return 'ar' when the question is written mostly in Arabic letters, else 'en'."""
    ar = len(_ARABIC.findall(text))
    latin = len(re.findall("[A-Za-z]", text))
    return "ar" if ar >= latin else "en"


@functools.lru_cache(maxsize=65536)
def arabic_stem(token: str) -> str:
    """Return a light stem of an Arabic word (match key, one proclitic and one suffix off), as Lucene's arabic analyzer does."""
    t = match_key(token)
    for p in _PREFIXES:
        if t.startswith(p) and len(t) - len(p) >= 2:
            t = t[len(p):]
            break
    for s in _SUFFIXES:
        if t.endswith(s) and len(t) - len(s) >= 2:
            t = t[: -len(s)]
            break
    return t


@functools.lru_cache(maxsize=8192)
def text_stems(text: str) -> frozenset[str]:
    """Return the stems of every word of a text (Arabic stemmed, English lower-cased, numbers as written)."""
    out = set()
    for w in _WORD.findall(text or ""):
        out.add(arabic_stem(w) if _ARABIC.search(w) else w.lower())
    return frozenset(out)


def entity_names(kind: str, ref: str, dicts: Any, agreements: dict[str, Any]) -> list[str]:
    """Return every name of a dictionary entry (canonical names first)."""
    if kind == "actor":
        e = dicts.actors.get(ref)
        return [n for n in ([e.name_en, e.name_ar, *e.aliases, *e.metonyms] if e else []) if n]
    if kind == "item":
        e = dicts.items.get(ref)
        return [n for n in ([e.name_en, e.name_ar, *e.aliases] if e else []) if n]
    if kind == "place":
        e = dicts.places.get(ref)
        return [n for n in ([e.name_en, e.name_ar, *e.aliases] if e else []) if n]
    if kind == "topic":
        e = dicts.topics.get(ref)
        return [n for n in ([e.name_en, e.name_ar, *e.cues] if e else []) if n]
    if kind == "agreement":
        a = agreements.get(ref) or {}
        return [n.rstrip("=") for n in [a.get("name_en"), *(a.get("names") or [])] if n]
    return []


@functools.lru_cache(maxsize=1)
def known_agreements() -> dict[str, dict]:
    """Return the well-known agreements of the cue file by graph id (`agreement:<id>`)."""
    data = read_yaml("cues_agreements.yaml")
    return {f"agreement:{a['id']}": a for a in data.get("known") or []}


@functools.lru_cache(maxsize=4)
def _agreement_index(_: int = 0) -> dict[tuple[str, ...], str]:
    """Names of well-known agreements, and their shortenings that keep the kind word ("معاهدة الشراكة")."""
    data = read_yaml("cues_agreements.yaml")
    kind_words = {tuple(key_tokens(w)) for ws in (data.get("kinds") or {}).values() for w in ws if not w.endswith("=")}
    index: dict[tuple[str, ...], str] = {}
    short: dict[tuple[str, ...], set[str]] = {}
    for ref, a in known_agreements().items():
        for n in [a.get("name_en"), *(a.get("names") or [])]:
            if n and not n.endswith("="):
                toks = tuple(key_tokens(n))
                if len(toks) >= 2 or (toks and toks[0].isupper()):
                    index.setdefault(toks, ref)
                if len(toks) >= 3 and (toks[:1] in kind_words or toks[-1:] in kind_words):
                    for k in range(2, len(toks)):
                        short.setdefault(toks[:k] if toks[:1] in kind_words else toks[-k:], set()).add(ref)
    for toks, refs in short.items():
        if len(refs) == 1 and toks not in index and toks not in kind_words and not any(t in EN_STOP for t in toks):
            index[toks] = next(iter(refs))
    return index


_CLITICS = ("وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def _variants(token: str) -> list[str]:
    out = [token]
    if _ARABIC.match(token):
        for c in _CLITICS:
            if token.startswith(c) and len(token) - len(c) >= 2:
                rest = token[len(c):]
                out.append(rest)
                if c in ("لل", "ولل"):
                    out.append("ال" + rest)
    return out


def link_entities(question: str, dicts: Any) -> tuple[list[Entity], list[bool], list[str]]:
    """Return the entities named in the question, which key tokens they took, and the key tokens."""
    tokens = list(key_tokens(question))
    taken = [False] * len(tokens)
    found: list[Entity] = []
    agreements = known_agreements()
    ag_index = _agreement_index()
    max_len = max(getattr(dicts, "max_len", 1) or 1, 8)

    def lookup(key: tuple[str, ...]) -> list[tuple[str, str, str]]:
        targets = [("agreement", ag_index[key], "name")] if key in ag_index else []
        return targets + [(t.kind, t.ref, t.how) for t in [*dicts.entity_index.get(key, []), *dicts.topic_index.get(key, [])]
                          if t.kind in ENTITY_KINDS and usable_name(t, question, key)]

    for i, n, targets in longest_names(tokens, max_len, lookup, _variants):
        text = " ".join(tokens[i : i + n])
        for kind, ref, _how in targets:
            if not any(e.kind == kind and e.ref == ref for e in found):
                found.append(Entity(kind, ref, text, entity_names(kind, ref, dicts, agreements)))
        for j in range(i, i + n):
            taken[j] = True
    return found, taken, tokens


def bridge_terms(words: list[str], dicts: Any) -> list[Term]:
    """Return search terms for the words no name took: Arabic as written, English through the glossary."""
    glossary = load_glossary()
    forms_ar = arabic_forms()
    topic_cues = _topic_cues_en(dicts)
    terms: list[Term] = []
    i = 0
    while i < len(words):
        w = words[i]
        if _ARABIC.search(w):
            key = match_key(w)
            if key not in _arabic_stop() and len(arabic_stem(w)) >= 2:
                more = forms_ar.get(key) or next((forms_ar[v] for v in _variants(key)[1:] if v in forms_ar), [])
                terms.append(Term(w, [w, *more]))
            i += 1
            continue
        low = w.lower()
        if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?%?", w):
            terms.append(Term(w, [w.rstrip("%")], 0.8))
            i += 1
            continue
        # the longest English phrase the glossary knows, then a topic cue, then the word alone
        for n in (3, 2, 1):
            phrase = tuple(x.lower() for x in words[i : i + n])
            if len(phrase) < n or any(_ARABIC.search(x) for x in phrase):
                continue
            forms = glossary.get(phrase) or glossary.get(tuple(_singular(x) for x in phrase))
            if not forms and n == 1:
                forms = topic_cues.get(low) or topic_cues.get(_singular(low))
            if forms:
                terms.append(Term(" ".join(words[i : i + n]), list(dict.fromkeys(forms)), 1.0))
                i += n
                break
        else:
            if low not in EN_STOP and len(low) > 2:
                terms.append(Term(w, [], 0.5))
            i += 1
    return terms


def _singular(w: str) -> str:
    for suf, rep in (("ally", "al"), ("ly", ""), ("ies", "y"), ("ses", "s"), ("es", "e"), ("s", ""), ("ed", ""), ("ing", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)] + rep
    return w


_TOPIC_CUES: dict[int, dict[str, list[str]]] = {}


def _topic_cues_en(dicts: Any) -> dict[str, list[str]]:
    """English topic cue -> the topic's Arabic name (a one-word English cue bridged through its topic)."""
    if id(dicts) in _TOPIC_CUES:
        return _TOPIC_CUES[id(dicts)]
    out: dict[str, list[str]] = _TOPIC_CUES.setdefault(id(dicts), {})
    for t in dicts.topics.values():
        ar = [c for c in t.cues if _ARABIC.search(c)][:3]
        for c in t.cues:
            if not _ARABIC.search(c) and " " not in c:
                out.setdefault(c.lower(), ar)
    return out


@functools.lru_cache(maxsize=1)
def _arabic_stop() -> frozenset[str]:
    from irkg.queries.ask import load_cues

    words = """ما ماذا من متى أين كيف لماذا هل هي هو في على إلى الى عن بين و أو التي الذي الذين ذلك هذه هذا هذان
    مع كل ان أن إن قد لا لم لن كان كانت يكون تكون وفق بحسب حسب عند بعد قبل منذ حتى ثم أي أيضا أم بل إذ كما
    لدى ضد خلال نحو فيما بما مما عما فيها فيه منها منه عليها عليه بها به لها له وما وهل وكيف ولماذا ومن ومتى""".split()
    return frozenset({match_key(w) for w in words} | set(load_cues()["stopwords"]))


def split_parts(question: str) -> list[str]:
    """Split a two-part question at "and what/how/why..." (English) or "، وما/وكيف/ولماذا..." (Arabic)."""
    parts = re.split(r"(?:,|;)?\s+and\s+(?=(?:what|how|why|when|where|who|which|whom|did|does|is|are|was)\b)"
                     r"|[،,؛]\s*(?=و(?:ما|ماذا|كيف|لماذا|متى|أين|من|هل|لم)\b)|\?\s+(?=\S)|؟\s*(?=\S)", question, flags=re.I)
    return [p.strip(" ?؟") for p in parts if p and p.strip(" ?؟")]


def understand(question: str, dicts: Any) -> Understanding:
    """Return what the question names (linked entities, years), its search terms and its parts."""
    u = Understanding(question=question, lang=question_lang(question))
    entities, taken, tokens = link_entities(question, dicts)
    u.entities = entities
    u.years = [int(y) for y in _YEAR_RE.findall(match_key(question))]
    u.years += [int(d) for d in _DECADE_RE.findall(question) if int(d) not in u.years]
    # words the names did not take, in their written form (key tokens lose case and punctuation)
    name_keys = {tokens[j] for j in range(len(tokens)) if taken[j]}
    words = []
    for w in _WORD.findall(question):
        if not _ARABIC.search(w):
            w = re.sub(r"['’]s$", "", w).strip("'-")
            # "high-level" is looked up whole; "Iran-Russia" and "Rasht-Astara" are their parts
            parts = [w] if tuple(_en_tokens(w)) in load_glossary() else [p for p in w.split("-") if p]
        else:
            parts = [w]
        words += [p for p in parts if not (match_key(p) in name_keys or p.lower() in name_keys)]
    u.terms = bridge_terms(words, dicts)
    u.parts = split_parts(question)
    return u


def search_terms(u: Understanding, max_names: int = 4) -> tuple[list[str], list[float]]:
    """Return the phrases to search the passage index for, with a weight each: names, then terms; the frame faint."""
    weighted: dict[str, float] = {}
    for e in u.entities:
        ar = [n for n in e.names if _ARABIC.search(n)][:max_names] or e.names[:1]
        boost = 0.2 if e.frame else (1.2 if e.kind in ("item", "place", "agreement") else 1.0)
        if e.kind == "topic":
            boost = 0.5
        for n in ar:
            weighted.setdefault(n, boost)
    for t in u.terms:
        for f in t.forms[:3]:
            weighted.setdefault(f, t.weight)
    for y in u.years:
        weighted.setdefault(str(y), 1.0)
    phrases = [p for p in weighted if _LUCENE_SPECIAL.sub(" ", p).strip()]
    return phrases, [weighted[p] for p in phrases]


def explain_lines(u: Understanding, intents: list[str]) -> list[str]:
    """Return what was understood, one line per kind of thing."""
    lines = [f"language: {u.lang}"]
    for kind in ENTITY_KINDS:
        es = [e for e in u.entities if e.kind == kind]
        if es:
            lines.append(f"{kind}s: " + ", ".join(f"{e.ref} ({e.text})" for e in es))
    if u.years:
        lines.append("years: " + ", ".join(map(str, u.years)))
    if u.terms:
        lines.append("terms: " + "; ".join(t.text + (f" → {', '.join(t.forms[:3])}" if t.forms and t.forms != [t.text] else "") for t in u.terms))
    if len(u.parts) > 1:
        lines.append("parts: " + " | ".join(u.parts))
    if u.sources:
        lines.append("sources named: " + ", ".join(u.sources))
    lines.append("intents: " + (", ".join(intents) or "none (the named entities, then the passages)"))
    return lines


_FRAME_WORDS = frozenset("iran russia iranian russian iran-russia russia-iran relations relationship between".split())


def _source_tokens(text: str) -> set[str]:
    """Return a text's distinctive tokens: English words (and their singular), Arabic stems, and Arabic forms of its English words."""
    glossary = load_glossary()
    out: set[str] = set()
    words = [x for w in _WORD.findall(text or "") for x in (w.split("-") if not _ARABIC.search(w) else [w]) if x]
    for i, w in enumerate(words):
        if _ARABIC.search(w):
            st = arabic_stem(w)
            if len(st) >= 3 and match_key(w) not in _arabic_stop():
                out.add(st)
            continue
        low = w.lower().strip("'-")
        if len(low) < 3 or low in EN_STOP or low in _FRAME_WORDS:
            continue
        out |= {low, _singular(low)}
        for key in ((low,), (_singular(low),), tuple(x.lower() for x in words[i : i + 2])):
            for form in glossary.get(key, []):
                out |= {s for s in text_stems(form) if len(s) >= 3}
    frame_ar = {arabic_stem(w) for w in ("إيران", "روسيا", "الإيرانية", "الروسية", "العلاقات", "الإيراني", "الروسي")}
    return out - frame_ar


_SOURCE_CUES = re.compile(r"\b(according|paper|brief|analysis|article|report|study|author|writes|wrote|argues)\b|"
                          r"(وفق|بحسب|حسب|تقرير|موجز|ورقة|تحليل|مقال|دراسة|الكاتب|يرى الكاتب)", re.I)


def match_sources(question: str, sources: list[dict], names: str = "") -> dict[str, float]:
    """Return the documents a question names ("according to the Al-Akhbar analysis") with how strongly (0..1).

    Only a question that points at a source (according to, paper, brief, وفق, بحسب...) names one;
    the words of the things it asks about (`names`) do not count as a title's words.
    """
    if not sources or not _SOURCE_CUES.search(question):
        return {}
    metas = {s["doc"]: _source_tokens(" ".join(str(s.get(k) or "") for k in ("title", "title_ar", "publisher", "author", "kind")))
             for s in sources}
    df: dict[str, int] = {}
    for toks in metas.values():
        for t in toks:
            df[t] = df.get(t, 0) + 1
    asked = _source_tokens(question) - _source_tokens(names)
    n = len(metas)
    scores = {doc: sum(1.0 - (df[t] - 1) / n for t in toks & asked) for doc, toks in metas.items()}
    best = max(scores.values(), default=0.0)
    if best < 1.5:
        return {}
    return {doc: round(sc / best, 3) for doc, sc in scores.items() if sc >= 0.7 * best}
