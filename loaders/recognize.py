"""Recognise actors, items, places, topics and dates in a passage; discover unknown names.

Matching runs on match-key tokens: the longest dictionary alias wins; proclitics
(و ف ب ل ك ال لل) are peeled only when what remains is a known alias; single-token names
of five letters or more also match spelling variants (rapidfuzz, same first letter, high
score, never a listed common word; capitalised Latin names of persons and bodies of seven letters
or more likewise, one letter in eight). Actors the dictionaries lack are discovered from their
shape (discover.py) and kept as unlinked actors for curation. Relative dates resolve against the
publication date, else the document's dateline.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from irkg.loaders.arabic import match_key, match_key_aligned
from irkg.loaders.dates import find_dates_in_key
from irkg.loaders.dictionaries import TOKEN_RE, Dictionaries, Target
from irkg.loaders.discover import (
    attach_given_names, discover_before_titles, discover_english, discover_organizations, discover_quoted,
    discover_titled,
)
from irkg.loaders.matching import ARABIC_RE, PROCLITICS, Hit, Tok, peel, scan, span_of, surface_skip
from irkg.schema.pipeline import Mention, MentionKind, Passage

FUZZY_CUTOFF = 88.0
FUZZY_CUTOFF_SHORT = 90.0  # five or six letters: one substituted letter is not enough
FUZZY_MIN_LEN = 5
_ANCHORED = frozenset({"relative", "year_inferred", "weekday"})  # date flags that need a reference date
# token -> fuzzy result, per Dictionaries object: corpora repeat their words, rapidfuzz runs once per word
_FUZZY_CACHE: dict[int, dict] = {}


def _fuzzy(d: Dictionaries, tok: str, cache: dict) -> tuple[list[Target], int] | None:
    """Return the targets of a single-token name that `tok` misspells, with peeled length."""
    if tok in cache:
        return cache[tok]
    result = None
    common = d.words_of("common")
    if tok.isascii():
        return _fuzzy_latin(d, tok, cache)
    if tok not in common and ARABIC_RE.fullmatch(tok):
        cands = [(tok, 0)] + [(tok[len(p):], surface_skip(p)) for p in PROCLITICS if tok.startswith(p)]
        for form, plen in cands:
            # words with the article are nouns and adjectives (السياسي is not السيسي)
            if len(form) < FUZZY_MIN_LEN or form in common or form.startswith("ال"):
                continue
            bucket = d.fuzzy_buckets.get(form[0], [])
            cutoff = FUZZY_CUTOFF if len(form) > 6 else FUZZY_CUTOFF_SHORT
            got = process.extractOne(form, bucket, scorer=fuzz.ratio, score_cutoff=cutoff)
            if got and abs(len(got[0]) - len(form)) <= 2:
                result = (d.fuzzy_names[got[0]], plen)
                break
    cache[tok] = result
    return result


FUZZY_CUTOFF_LATIN = 87.0  # one letter of eight: Zanganeh/Zangeneh, Nebenzya/Nebenzia
FUZZY_MIN_LATIN = 7


def _fuzzy_latin(d: Dictionaries, tok: str, cache: dict) -> tuple[list[Target], int] | None:
    """Return the person or body a Latin name (match key, lower case) is a variant spelling of."""
    result = None
    if len(tok) >= FUZZY_MIN_LATIN and tok.isalpha():
        got = process.extractOne(tok, d.fuzzy_buckets.get(tok[0], []), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF_LATIN)
        if got and got[0].isascii() and abs(len(got[0]) - len(tok)) <= 1:
            result = (d.fuzzy_names[got[0]], 0)
    cache[tok] = result
    return result


def _weak_ok(d: Dictionaries, toks: list[Tok], i: int) -> bool:
    """Tell whether a common-word alias at token i follows a title or context word."""
    ctx = d.words_of("weak_context")
    if i == 0:
        return False  # nothing before it to give the context
    prev1 = toks[i - 1].text
    prev2 = " ".join(t.text for t in toks[max(0, i - 2):i])
    forms = {prev1, prev2} | {r for r, _ in peel(prev1, ctx)}
    if bool(forms & ctx) or any((prev1,) == k or tuple(prev2.split()) == k for k in d.title_index):
        return True
    # «الرئيس الإيراني رئيسي», «الرئيسين الإيراني رئيسي والتركي»: a title, a nisba adjective, then the name
    before = toks[i - 2].text if i >= 2 else ""
    return prev1.startswith("ال") and prev1.endswith("ي") and (before in ctx or (before,) in d.title_index)


def _article_peeled(toks: list[Tok], h: Hit) -> bool:
    """Tell whether an article was peeled off the first token (المالي is not مالي)."""
    tok = toks[h.i].text
    prefix = tok[:len(tok) - len(h.form)] if h.form and tok.endswith(h.form) else ""
    return prefix.endswith(("ال", "لل"))


_WEAK_ALIASES: dict[int, dict[str, tuple[str, ...]]] = {}


def weak_aliases(d: Dictionaries) -> dict[str, tuple[str, ...]]:
    """Actors with an alias that is also an ordinary word («ظريف», «رئيسي»): id -> those aliases (match key)."""
    got = _WEAK_ALIASES.get(id(d))
    if got is None:
        acc: dict[str, list[str]] = {}
        for toks, targets in d.entity_index.items():
            for t in targets:
                if t.how == "weak":
                    acc.setdefault(t.ref, []).append(" ".join(toks))
        got = _WEAK_ALIASES[id(d)] = {ref: tuple(v) for ref, v in acc.items()}
    return got


def _entity_mentions(d: Dictionaries, text: str, pos: list[int], toks: list[Tok], hits: list[Hit],
                     named: frozenset[str] = frozenset()) -> list[Mention]:
    """Turn hits into mentions: one per kind, acronyms only in capitals, weak aliases only in context or when the
    document names the person in full elsewhere (`named`)."""
    out: list[Mention] = []
    for h in hits:
        a, b = span_of(toks, h.i, h.j, pos, text, h.peeled)
        surface = text[a:b]
        seen_kinds: set[str] = set()
        for t in h.targets:
            if t.kind == "none" or t.kind in seen_kinds:
                continue
            if t.how == "acronym" and not re.sub(r"[^A-Za-z]", "", surface).isupper():
                continue
            if t.how == "weak" and (_article_peeled(toks, h) or not (t.ref in named or _weak_ok(d, toks, h.i))):
                continue
            seen_kinds.add(t.kind)
            flags = [t.how] if t.how in ("adjective", "metonym", "weak") else []
            if h.fuzzy:
                flags.append("fuzzy")
            out.append(Mention(kind=MentionKind(t.kind), start=a, end=b, surface=surface, ref=t.ref, flags=flags))
    return out


_WORD_AFTER = re.compile(r"[\s\-–]*([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


_LED_AFTER = re.compile(r"[-–](?:dominated|led|backed|brokered|owned|controlled|sponsored|allied|aligned|friendly|based)\b", re.I)
_EN_NAME_OPENERS = frozenset("the a an un u.n. its their his her our this that said told in on at by for from with and of to".split())


def _named_or_negated(d: Dictionaries, text: str, m: Mention) -> bool:
    """Tell whether an actor mention is no actor here: a capital inside a name ("Carnegie Moscow Center", «مسار
    أستانا»), or a name after a negating prefix ("non-NATO states")."""
    if m.kind != MentionKind.ACTOR:
        return False
    words = d.words
    before = _WORD_BEFORE.search(text[max(0, m.start - 20):m.start])
    prev = match_key(before.group(1)).strip("-") if before else ""
    if text[max(0, m.start - 4):m.start].lower() == "non-" or prev in words.get("name_negators", ()):
        return True
    if re.match(r"\s?\$", text[m.end:m.end + 2]) and m.surface.upper() in ("US", "U.S.", "USA"):
        return True  # "US$132 million": the dollar, not the United States
    if _LED_AFTER.match(text, m.end):
        return True  # "the Russian-dominated Eurasian Economic Union": a description of another body
    entry = d.actors.get(m.ref) if m.ref else None
    if entry is not None and entry.type in ("organization", "institution") and m.surface.isascii() and " " in m.surface \
            and before is not None and before.group(1).isalpha() and before.group(1)[:1].isupper() \
            and before.group(1).lower() not in _EN_NAME_OPENERS:
        lead = text[:max(0, m.start - 20) + before.start(1)].rstrip()
        if lead and not lead.endswith((".", "!", "?", ":", "\n")):
            return True  # "National Security Council spokesman": a longer name of another body ("Security Council")
    if "metonym" not in (m.flags or []):
        return False
    after = _WORD_AFTER.match(text, m.end)
    if after and after.group(1).lower() in words.get("metonym_name_after", ()):
        return True
    return any(prev == w or prev.endswith(w) and len(prev) - len(w) <= 2 for w in map(match_key, words.get("metonym_name_before", ())))


# «بلاده», «لبلادها», "his country": the country of the official named before it in the sentence
_OWN_COUNTRY_AR = re.compile(r"(?:و|ف|ب|ل|وب|ول|فب|فل)?بلاد(?:ه|ها|هم)")
_OWN_COUNTRY_EN = ("his", "her", "their")
_SENTENCE_END = re.compile(r"[.!?؟]\s")


def _state_of_mention(d: Dictionaries, m: Mention) -> str | None:
    if m.kind != MentionKind.ACTOR:
        return None
    if m.unlinked:
        return next((f[6:] for f in m.flags if f.startswith("state=")), None) if "type=person" in m.flags or m.role else None
    a = d.actors.get(m.ref or "")
    if a is None or str(a.type) not in ("person", "institution"):
        return None
    return getattr(a, "country", None)


def _own_country(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], found: list[Mention]) -> list[Mention]:
    """A country named by a pronoun («أعلن ترامب انسحاب بلاده», "Lavrov said his country ...") is the state of the
    nearest person or state body named before it in its sentence; with none, it names nobody."""
    out = []
    for k, t in enumerate(toks):
        if _OWN_COUNTRY_AR.fullmatch(t.text):
            a, b = span_of(toks, k, k + 1, pos, text)
        elif t.text in _OWN_COUNTRY_EN and k + 1 < len(toks) and toks[k + 1].text == "country":
            a, b = span_of(toks, k, k + 2, pos, text)
        else:
            continue
        if any(m.start <= a < m.end for m in found if m.kind == MentionKind.ACTOR):
            continue
        starts = [e.end() for e in _SENTENCE_END.finditer(text, 0, a)]
        lo = starts[-1] if starts else 0
        before = sorted((m for m in found if lo <= m.start and m.end <= a), key=lambda m: m.start)
        state = next((s for s in (_state_of_mention(d, m) for m in reversed(before)) if s), None)
        if state and state in d.actors:
            out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], ref=state, flags=["own_country"]))
    return out


_GOVERNMENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|government|cabinet)\b", re.I)


def _governments(dicts: Dictionaries, text: str, out: list[Mention]) -> None:
    """"The Biden administration", "Putin's government": a leader's government acts for the state, not the leader."""
    for m in out:
        if m.kind != MentionKind.ACTOR or not m.ref or m.unlinked:
            continue
        actor = dicts.actors.get(m.ref)
        g = _GOVERNMENT_AFTER.match(text, m.end)
        if g and actor is not None and actor.type == "person" and actor.country:
            m.ref, m.end = actor.country, g.end()
            m.surface = text[m.start:m.end]


def recognize(passage: Passage, dicts: Dictionaries, published: str | None = None,
              dateline: str | None = None, named: frozenset[str] = frozenset()) -> list[Mention]:
    """Return the actor, item, place, topic and date mentions of a passage, ordered by position.

    Relative dates resolve against `published`, else against the document's own `dateline`
    (those resolved so are flagged `dateline`). `named`: persons the document names in full, whose
    common-word aliases («ظريف») count without a title around them.
    """
    text = passage.text
    key, pos = match_key_aligned(text)
    toks = [Tok(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(key)]
    hits = scan(toks, dicts.entity_index, dicts.entity_first)
    covered = {k for h in hits for k in range(h.i, h.j)}
    cache = _FUZZY_CACHE.setdefault(id(dicts), {})
    for k, t in enumerate(toks):
        if k in covered or len(t.text) < FUZZY_MIN_LEN:
            continue
        if t.text.isascii() and not text[pos[t.a]].isupper():
            continue  # only a capitalised Latin word can be a name
        got = _fuzzy(dicts, t.text, cache)
        if got:
            hits.append(Hit(k, k + 1, got[0], got[1], fuzzy=True, form=t.text[got[1]:]))
    hits.sort(key=lambda h: h.i)
    out = _entity_mentions(dicts, text, pos, toks, hits, named)
    at = {h.i: h for h in hits}
    discover_titled(dicts, text, key, pos, toks, at, out)
    discover_quoted(dicts, text, key, pos, toks, out)
    discover_before_titles(dicts, text, key, pos, toks, at, out)
    attach_given_names(dicts, text, key, pos, toks, at, out)
    names = [(m.start, m.end) for m in out if m.unlinked and "office" not in m.flags]
    discover_organizations(dicts, text, key, pos, toks, at, out)
    discover_english(dicts, text, key, pos, toks, at, out)
    if names:  # an adjective inside a discovered name is a surname, not a state
        in_name = bytearray(len(text) + 1)
        for a, b in names:
            in_name[a:b] = b"\x01" * (b - a)
        out = [m for m in out if m.unlinked or not all(in_name[m.start:m.end]) or m.end <= m.start]
    out = [m for m in out if not _named_or_negated(dicts, text, m)]
    _governments(dicts, text, out)
    out += _own_country(dicts, text, key, pos, toks, out)
    cover: dict[int, Hit] = {k: h for h in hits if h.j - h.i > 1 for k in range(h.i, h.j)}
    for h in scan(toks, dicts.topic_index, dicts.topic_first):
        c = cover.get(h.i)
        if c is not None and h.j <= c.j and c.j - c.i > h.j - h.i:
            continue  # الأمن in مجلس الأمن names a body, not the security topic
        a, b = span_of(toks, h.i, h.j, pos, text, h.peeled)
        for t in h.targets[:1]:
            out.append(Mention(kind=MentionKind.TOPIC, start=a, end=b, surface=text[a:b], ref=t.ref))
    dates = find_dates_in_key(text, key, pos, published or dateline)
    if dateline and not published:
        for m in dates:
            if m.value and _ANCHORED & set(m.flags):
                m.flags.append("dateline")
    out += dates
    out.sort(key=lambda m: (m.start, -m.end, m.kind))
    return out

