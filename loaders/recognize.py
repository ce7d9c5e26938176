"""Recognise actors, items, places, topics and dates in a passage; discover unknown names.

Matching runs on match-key tokens: the longest dictionary alias wins; proclitics
(و ف ب ل ك ال لل) are peeled only when what remains is a known alias; single-token names
of five letters or more also match spelling variants (rapidfuzz, same first letter, high
score, never a listed common word). Names introduced by a title (الرئيس التركي X,
وزير الخارجية الروسي X, "President X") or quoted after حركة/شركة... are kept as
unlinked actors for curation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from irkg.loaders.arabic import DIACRITICS
from irkg.loaders.dates import find_dates_in_key, key_aligned
from irkg.loaders.dictionaries import TOKEN_RE, Dictionaries, Target
from irkg.schema.graph import ActorType
from irkg.schema.pipeline import Mention, MentionKind, Passage

# Proclitic chains tried in this order; the ones ending in لل also try ال + remainder.
PROCLITICS = (
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "وب", "ول", "وك", "فب", "فل", "فك", "ال", "و", "ف", "ب", "ل", "ك",
)
ARABIC_RE = re.compile(r"[\u0621-\u064a]+")
FUZZY_CUTOFF = 88.0
FUZZY_CUTOFF_SHORT = 90.0  # five or six letters: one substituted letter is not enough
FUZZY_MIN_LEN = 5
NAME_JOINERS = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "اب", "al", "bin", "ibn", "abu", "abdul"})
# Second parts of compound given names (سراج الدين، عبد الله): an ال-word allowed inside a name.
NAME_SUFFIXES = frozenset({
    "الدين", "الله", "الرحمن", "الرحيم", "الكريم", "الحسين", "الزهراء", "الامين", "الهدي",
    "الاول", "الثاني", "الثالث", "الرابع",  # regnal ordinals: عبد الله الثاني
})
QUOTED_TYPE = {
    "شركه": ActorType.COMPANY, "حركه": ActorType.ARMED_GROUP, "جماعه": ActorType.ARMED_GROUP,
    "ميليشيا": ActorType.ARMED_GROUP, "ميليشيات": ActorType.ARMED_GROUP, "تنظيم": ActorType.ARMED_GROUP,
    "فصيل": ActorType.ARMED_GROUP, "كتائب": ActorType.ARMED_GROUP, "لواء": ActorType.ARMED_GROUP,
}


@dataclass
class Tok:
    text: str  # match key
    a: int  # key offsets
    b: int


@dataclass
class Hit:
    i: int  # first token
    j: int  # one past the last token
    targets: list[Target]
    peeled: int = 0  # key characters of conjunction/preposition left out of the surface
    fuzzy: bool = False
    form: str = ""  # the first token as matched (after peeling)


def _skip(prefix: str) -> int:
    """Return how much of a proclitic chain to leave out of a surface (keep ال and لل)."""
    return len(prefix) - 2 if prefix.endswith(("ال", "لل")) else len(prefix)


_PEEL_CACHE: dict[tuple[int, str], list[tuple[str, int]]] = {}


def peel(tok: str, known: dict[str, int] | frozenset[str]) -> list[tuple[str, int]]:
    """Return (remainder, surface skip) for each proclitic split whose remainder is known."""
    ck = (id(known), tok)
    got = _PEEL_CACHE.get(ck)
    if got is None:
        got = _PEEL_CACHE[ck] = _peel(tok, known)
    return got


def _peel(tok: str, known: dict[str, int] | frozenset[str]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    if tok[0] not in "وفبلكا" or not ARABIC_RE.fullmatch(tok):
        return out
    for n in range(min(4, len(tok) - 2), 0, -1):
        p = tok[:n]
        if p not in _PROCLITIC_SET:
            continue
        rest = tok[n:]
        if rest in known:
            out.append((rest, _skip(p)))
        if p.endswith("لل") and "ال" + rest in known:
            out.append(("ال" + rest, _skip(p)))
    return out


_PROCLITIC_SET = frozenset(PROCLITICS)


def _match_at(toks: list[Tok], i: int, index: dict, firsts: dict[str, int]) -> Hit | None:
    """Return the longest alias starting at token i (first token possibly peeled)."""
    first = toks[i].text
    forms = ([(first, 0)] if first in firsts else []) + peel(first, firsts)
    best: Hit | None = None
    for form, plen in forms:
        for n in range(min(firsts[form], len(toks) - i), 0, -1):
            if best and n <= best.j - best.i:
                break
            key = (form, *(t.text for t in toks[i + 1:i + n]))
            if key in index and _contiguous(toks, i, i + n):
                best = Hit(i, i + n, index[key], plen, form=form)
                break
    return best


def _contiguous(toks: list[Tok], i: int, j: int) -> bool:
    """Tell whether tokens i..j-1 are close enough to be one name (no sentence gap)."""
    return all(toks[k + 1].a - toks[k].b <= 3 for k in range(i, j - 1))


def _fuzzy(d: Dictionaries, tok: str, cache: dict) -> tuple[list[Target], int] | None:
    """Return the targets of a single-token name that `tok` misspells, with peeled length."""
    if tok in cache:
        return cache[tok]
    result = None
    common = d.words_of("common")
    if tok not in common and ARABIC_RE.fullmatch(tok):
        cands = [(tok, 0)] + [(tok[len(p):], _skip(p)) for p in PROCLITICS if tok.startswith(p)]
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


def _span(toks: list[Tok], i: int, j: int, pos: list[int], text: str, skip: int = 0) -> tuple[int, int]:
    """Return display-text offsets of tokens i..j-1, without `skip` proclitic characters."""
    a = pos[toks[i].a + skip]
    b = pos[toks[j - 1].b - 1] + 1
    while b < len(text) and DIACRITICS.match(text[b]):
        b += 1
    return a, b


def _scan(toks: list[Tok], index: dict, firsts: dict[str, int]) -> list[Hit]:
    """Return non-overlapping longest matches left to right."""
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        h = _match_at(toks, i, index, firsts)
        if h:
            hits.append(h)
            i = h.j
        else:
            i += 1
    return hits


def _weak_ok(d: Dictionaries, toks: list[Tok], i: int) -> bool:
    """Tell whether a common-word alias at token i follows a title or context word."""
    ctx = d.words_of("weak_context")
    prev1 = toks[i - 1].text if i >= 1 else ""
    prev2 = " ".join(t.text for t in toks[max(0, i - 2):i])
    forms = {prev1, prev2} | {r for r, _ in peel(prev1, ctx)}
    return bool(forms & ctx) or any((prev1,) == k or tuple(prev2.split()) == k for k in d.title_index)


def _article_peeled(toks: list[Tok], h: Hit) -> bool:
    """Tell whether an article was peeled off the first token (المالي is not مالي)."""
    tok = toks[h.i].text
    prefix = tok[:len(tok) - len(h.form)] if h.form and tok.endswith(h.form) else ""
    return prefix.endswith(("ال", "لل"))


def _entity_mentions(d: Dictionaries, text: str, pos: list[int], toks: list[Tok], hits: list[Hit]) -> list[Mention]:
    out: list[Mention] = []
    for h in hits:
        a, b = _span(toks, h.i, h.j, pos, text, h.peeled)
        surface = text[a:b]
        seen_kinds: set[str] = set()
        for t in h.targets:
            if t.kind == "none" or t.kind in seen_kinds:
                continue
            if t.how == "acronym" and not re.sub(r"[^A-Za-z]", "", surface).isupper():
                continue
            if t.how == "weak" and (_article_peeled(toks, h) or not _weak_ok(d, toks, h.i)):
                continue
            seen_kinds.add(t.kind)
            flags = [t.how] if t.how in ("adjective", "metonym", "weak") else []
            if h.fuzzy:
                flags.append("fuzzy")
            out.append(Mention(kind=MentionKind(t.kind), start=a, end=b, surface=surface, ref=t.ref, flags=flags))
    return out


# --- discovery -------------------------------------------------------------------------------


def _gap(key: str, toks: list[Tok], k: int) -> str:
    """Return the key text between token k-1 and token k."""
    return key[toks[k - 1].b:toks[k].a] if k > 0 else ""


def _is_latin(tok: str) -> bool:
    return tok[:1].isascii() and tok[:1].isalpha()


def _discover(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
              at: dict[int, Hit], out: list[Mention]) -> None:
    """Add unlinked actors named after titles; set `role` on known persons after titles."""
    stop, orgs, quals = d.words_of("stop"), d.words_of("org_nouns"), d.words_of("qualifiers")
    by_start = {m.start: m for m in out if m.kind == MentionKind.ACTOR}
    i = 0
    while i < len(toks):
        th = _match_at(toks, i, d.title_index, d.title_first) if toks[i].text in d.title_first or peel(toks[i].text, d.title_first) else None
        if not th or i in at and at[i].j > th.j:
            i += 1
            continue
        role = d.title_index[(th.form, *(t.text for t in toks[th.i + 1:th.j]))]
        k, state, hops = th.j, None, 0
        latin = _is_latin(toks[i].text)
        if latin:  # "Russian President X", "Iran's Foreign Minister X": the state comes first
            before = next((h for h in at.values() if h.j == i or (h.j == i - 1 and toks[i - 1].text == "s")), None)
            if before:
                state = next((t.ref for t in before.targets if t.how == "adjective" or _is_state(d, t)), None)
        # Skip what qualifies the title: adjectives, organizations, "in Moscow", commas.
        while k < len(toks) and hops < 7:
            gap = _gap(key, toks, k)
            if re.search(r"[.:؛;!?؟\n()«»\"]", gap):
                break
            h = at.get(k)
            if h and all(t.kind != "actor" or t.how in ("adjective", "metonym") or _is_org(d, t) for t in h.targets):
                state = state or next((t.ref for t in h.targets if t.how == "adjective" or _is_state(d, t)), None)
                k, hops = h.j, hops + 1
                continue
            tk = toks[k].text
            if tk in quals:
                k, hops = k + 1, hops + 1
                continue
            if tk in ("في", "لدي", "in", "to") and k + 1 < len(toks) and (k + 1) in at:
                k, hops = at[k + 1].j, hops + 1
                continue
            if not latin and (tk in orgs or (tk.startswith("ال") and tk not in stop and k not in at) or tk.startswith("لل")):
                k, hops = k + 1, hops + 1
                continue
            break
        if k < len(toks) and not re.search(r"[.:؛;!?؟\n()]", _gap(key, toks, k)):
            h = at.get(k)
            if h and any(t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in h.targets):
                m = by_start.get(_span(toks, h.i, h.j, pos, text, h.peeled)[0])
                if m is not None and m.role is None:
                    m.role = role
                    if state:
                        m.flags.append(f"state={state}")
                i = h.j
                continue
            name = _name_tokens(d, text, key, pos, toks, k, at, stop, orgs, latin)
            nxt = at.get(name if name else k + 1) if k + 1 < len(toks) else None
            if nxt and any(t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in nxt.targets) \
                    and nxt.i - k <= 2 and not re.search(r"[^\s\-]", key[toks[k].b:toks[nxt.i].a]):
                m = by_start.get(_span(toks, nxt.i, nxt.j, pos, text, nxt.peeled)[0])
                if m is not None and m.role is None:
                    m.role = role
                    m.flags += [f"state={state}"] if state else []
                i = nxt.j
                continue
            if name:
                flags = ["discovered"] + ([f"state={state}"] if state else [])
                while name:
                    a, b = _span(toks, k, name, pos, text)
                    out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                                       role=role, flags=list(flags)))
                    i, name = name, None
                    # a coordinated second name with the same title: العقيدين "X Y" و"Z W"
                    if i + 2 < len(toks) and toks[i].text == "و" and not re.search(r"[.:؛;!?؟\n]", key[toks[i - 1].b:toks[i + 1].a]):
                        k = i + 1
                        name = _name_tokens(d, text, key, pos, toks, k, at, stop, orgs, latin)
                        name = name if name and name - k >= 2 else None
                continue
        i = max(th.j, i + 1)


def _is_state(d: Dictionaries, t: Target) -> bool:
    return t.kind == "actor" and t.how != "weak" and d.actors[t.ref].type == ActorType.STATE


def _is_org(d: Dictionaries, t: Target) -> bool:
    return t.kind == "actor" and d.actors[t.ref].type != ActorType.PERSON


def _blocks(h: Hit | None) -> bool:
    """Tell whether a dictionary hit ends a name (a common-word alias such as نجاد does not)."""
    return h is not None and any(t.how != "weak" for t in h.targets)


def _name_tokens(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], k: int,
                 at: dict[int, Hit], stop: frozenset[str], orgs: frozenset[str], latin: bool) -> int | None:
    """Return one past the last token of a person's name starting at token k, or None."""
    j = k
    while j < len(toks) and j - k < 4:
        tk = toks[j].text
        if j > k and re.search(r"[^\s\-]", _gap(key, toks, j)):
            break
        h = at.get(j)
        if j > k and h and not tk.startswith("ال") and all(t.how == "adjective" for t in h.targets):
            j += 1  # a bare nisba after a name is a surname (شهرام إيراني): adjectives of names take ال
            continue
        if tk in stop or tk.isdigit() or _blocks(h) or (tk,) in d.title_index or tk in orgs:
            break
        if latin:
            if not (_is_latin(tk) and text[pos[toks[j].a]].isupper()):
                break
        elif not ARABIC_RE.fullmatch(tk) or len(tk) < 2:
            break
        elif tk.startswith("ال") and not (j > k and (toks[j - 1].text in NAME_JOINERS or tk in NAME_SUFFIXES)):
            break
        j += 1
    n = j - k
    if n == 0 or toks[j - 1].text in NAME_JOINERS:
        return None
    if n >= 2:
        return j
    # One word only: Arabic has no capitals to tell a surname from an adjective (مستشار عسكري),
    # so only a capitalised Latin name closed by punctuation, a stop word or the end is taken.
    closed = j == len(toks) or re.search(r"[^\s]", _gap(key, toks, j)) or toks[j].text in stop
    return j if latin and closed and len(toks[k].text) >= 3 else None


def _discover_quoted(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], out: list[Mention]) -> None:
    """Add unlinked organizations quoted after حركة/شركة/جماعة («...»), and quoted persons before a title."""
    nouns = d.words_of("quoted_org")
    taken = [(m.start, m.end) for m in out if m.kind == MentionKind.ACTOR]
    _discover_quoted_persons(d, text, key, pos, toks, out, taken)
    for mt in re.finditer(r"([\u0621-\u064a]+)\s*([«\"“])([^«»\"“”\n]{2,40})([»\"”])", key):
        noun = mt.group(1)
        bare = next((r for r, _ in peel(noun, nouns)), noun)
        if bare not in nouns:
            continue
        a, b = pos[mt.start(3)], pos[mt.end(3) - 1] + 1
        inner = [t for t in TOKEN_RE.findall(mt.group(3))]
        if not inner or len(inner) > 4 or any(s < b and a < e for s, e in taken):
            continue
        typ = QUOTED_TYPE.get(bare, ActorType.ORGANIZATION)
        out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                           flags=["discovered", "quoted", f"type={typ.value}"]))


def _discover_quoted_persons(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                             out: list[Mention], taken: list[tuple[int, int]]) -> None:
    """Add a quoted two-to-four-word name followed by a title: "X Y" آخر سفير لإيران ..."""
    stop = d.words_of("stop")
    starts = {t.a: n for n, t in enumerate(toks)}
    for mt in re.finditer(r"[\"«“]([\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,3})[\"»”]\s*", key):
        words = mt.group(1).split()
        if any(w in stop or w.startswith("ال") and w not in NAME_SUFFIXES for w in words):
            continue
        k = starts.get(mt.end())
        if k is None:
            continue
        if toks[k].text in ("اخر", "اول", "سابق", "السابق"):  # "the last/first/former ambassador"
            k += 1
        th = _match_at(toks, k, d.title_index, d.title_first) if k < len(toks) else None
        a, b = pos[mt.start(1)], pos[mt.end(1) - 1] + 1
        if th is None or any(s < b and a < e for s, e in taken):
            continue
        role = d.title_index[(th.form, *(t.text for t in toks[th.i + 1:th.j]))]
        out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True, role=role,
                           flags=["discovered", "quoted"]))
        taken.append((a, b))


# --- entry point ---------------------------------------------------------------------------------


def recognize(passage: Passage, dicts: Dictionaries, published: str | None = None) -> list[Mention]:
    """Return the actor, item, place, topic and date mentions of a passage, ordered by position."""
    text = passage.text
    key, pos = key_aligned(text)
    toks = [Tok(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(key)]
    hits = _scan(toks, dicts.entity_index, dicts.entity_first)
    covered = {k for h in hits for k in range(h.i, h.j)}
    cache = _FUZZY_CACHE.setdefault(id(dicts), {})
    for k, t in enumerate(toks):
        if k in covered or len(t.text) < FUZZY_MIN_LEN:
            continue
        got = _fuzzy(dicts, t.text, cache)
        if got:
            hits.append(Hit(k, k + 1, got[0], got[1], fuzzy=True, form=t.text[got[1]:]))
    hits.sort(key=lambda h: h.i)
    out = _entity_mentions(dicts, text, pos, toks, hits)
    at = {h.i: h for h in hits}
    _discover(dicts, text, key, pos, toks, at, out)
    _discover_quoted(dicts, text, key, pos, toks, out)
    names = [(m.start, m.end) for m in out if m.unlinked]
    if names:  # an adjective inside a discovered name is a surname, not a state
        out = [m for m in out if m.unlinked or not any(a <= m.start and m.end <= b for a, b in names)]
    inside = [(h.i, h.j) for h in hits if h.j - h.i > 1]
    for h in _scan(toks, dicts.topic_index, dicts.topic_first):
        if any(i <= h.i and h.j <= j and j - i > h.j - h.i for i, j in inside):
            continue  # الأمن in مجلس الأمن names a body, not the security topic
        a, b = _span(toks, h.i, h.j, pos, text, h.peeled)
        for t in h.targets[:1]:
            out.append(Mention(kind=MentionKind.TOPIC, start=a, end=b, surface=text[a:b], ref=t.ref))
    out += find_dates_in_key(text, key, pos, published)
    out.sort(key=lambda m: (m.start, -m.end, m.kind))
    return out


_FUZZY_CACHE: dict[int, dict] = {}
