"""Discover actors the dictionaries do not know, from their shape, as unlinked mentions for curation.

Persons: names after titles (الرئيس التركي X، وزير الخارجية الروسي X، "President X"), before an
appositive title («X Y، نائب رئيس ...», "X Y, an analyst at ORG"), quoted before a title, a known
given name and a capitalised surname ("Garrett Nada"); an office with its state and no holder
(الرئيس الروسي); a surname alias with another given name is a namesake. Bodies: a head noun and its
qualifiers closed by a state («وكالة الطاقة الذرية الفدرالية الروسية», "Russian Embassy in Tehran"),
a company head and its own name, quoted names after حركة/شركة/جماعة, qualified collectives
("Chinese state-owned refiners"). Each keeps its role and, when known, its state (`state=`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from irkg.loaders.dictionaries import TOKEN_RE, Dictionaries, Target, key_tokens
from irkg.loaders.matching import ARABIC_RE, Hit, Tok, match_at, span_of, peel
from irkg.schema.graph import ActorType
from irkg.schema.pipeline import Mention, MentionKind

def _gap(key: str, toks: list[Tok], k: int) -> str:
    """Return the key text between token k-1 and token k."""
    return key[toks[k - 1].b:toks[k].a] if k > 0 else ""


def _is_latin(tok: str) -> bool:
    return tok[:1].isascii() and tok[:1].isalpha()


def discover_titled(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
              at: dict[int, Hit], out: list[Mention]) -> None:
    """Add unlinked actors named after titles; set `role` on known persons after titles."""
    stop, quals = d.words_of("stop"), d.words_of("qualifiers")
    heads = d.words_of("org_heads")
    orgs = d.words_of("org_nouns") | heads
    by_start = {m.start: m for m in out if m.kind == MentionKind.ACTOR}
    by_end = {h.j: h for h in at.values()}
    i = 0
    while i < len(toks):
        th = match_at(toks, i, d.title_index, d.title_first) if toks[i].text in d.title_first or peel(toks[i].text, d.title_first) else None
        if not th or i in at and at[i].j > th.j:
            i += 1
            continue
        role = d.title_index[(th.form, *(t.text for t in toks[th.i + 1:th.j]))]
        k, state, hops = th.j, None, 0
        latin = _is_latin(toks[i].text)
        if latin:  # "Russian President X", "Iran's Foreign Minister X": the state comes first
            before = by_end.get(i) or (by_end.get(i - 1) if i > 0 and toks[i - 1].text == "s" else None)
            if before:
                state = next((t.ref for t in before.targets if t.how == "adjective" or _is_state(d, t)), None)
        # Skip what qualifies the title: adjectives, organizations, "in Moscow", commas.
        adj_end = 0  # الرئيس الروسي with no name after it: the office itself
        after_quote, in_org = -1, False
        while k < len(toks) and hops < 7:
            gap = _gap(key, toks, k)
            if k != after_quote and re.search(r"[«\"“]", gap) and k > 0 and (_org_noun(toks[k - 1].text, orgs) or in_org):
                # an outlet or body named in quotes after its noun: موقع "X" الإيراني، NAME
                close = re.search(r"[»\"”]", key[toks[k].a:toks[k].a + 60])
                nxt = next((n for n in range(k, min(k + 8, len(toks))) if close and toks[n].a > toks[k].a + close.start()), None)
                if nxt is None:
                    break
                k, hops, after_quote = nxt, hops + 1, nxt
                continue
            if re.search(r"[.:؛;!?؟\n()«»\"]", re.sub(r"[»\"”]", "", gap) if k == after_quote else gap):
                break
            h = at.get(k)
            if h and all(t.kind != "actor" or t.how in ("adjective", "metonym") or _is_org(d, t) for t in h.targets):
                state = state or next((t.ref for t in h.targets if t.how == "adjective" or _is_state(d, t)), None)
                if hops == 0 and any(t.how == "adjective" for t in h.targets):
                    adj_end = h.j
                k, hops = h.j, hops + 1
                continue
            tk = toks[k].text
            if tk in quals:
                k, hops = k + 1, hops + 1
                continue
            if latin and tk == "of" and (k + 1) in at and _is_state_hit(d, at[k + 1]) and at[k + 1].j < len(toks) \
                    and "," in _gap(key, toks, at[k + 1].j):
                state = state or _state_of_hit(d, at[k + 1])[0]  # "deputy prime minister of Russia, X"
                k, hops = at[k + 1].j, hops + 1
                continue
            if tk in d.words_of("place_preps") and k + 1 < len(toks) and not latin and _org_noun(toks[k + 1].text, orgs):
                k, hops = k + 1, hops + 1  # مدير قسم ... في وزارة الخارجية البولندية، NAME
                continue
            if tk in d.words_of("place_preps") and k + 1 < len(toks) and (k + 1) in at:
                k, hops = at[k + 1].j, hops + 1
                continue
            if not latin and (_org_noun(tk, orgs) or (tk.startswith("ال") and tk not in stop and k not in at) or tk.startswith("لل")):
                in_org = in_org or _org_noun(tk, orgs) or _org_head(tk, heads)[0] is not None
                k, hops = k + 1, hops + 1
                # an organization noun without article is followed by the organization's name:
                # المتحدث باسم حركة فتح X — فتح names the movement, X the spokesman
                nxt = toks[k].text if k < len(toks) else ""
                if tk in orgs and not tk.startswith("ال") and nxt and not nxt.startswith(("ال", "لل")) \
                        and nxt not in stop and k not in at and not re.search(r"[^\s]", _gap(key, toks, k)):
                    k += 1
                continue
            break
        if k < len(toks) and not re.search(r"[.:؛;!?؟\n()]", _gap(key, toks, k)):
            h = at.get(k)
            if h and any(t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in h.targets):
                m = by_start.get(span_of(toks, h.i, h.j, pos, text, h.peeled)[0])
                if m is not None and m.role is None:
                    m.role = role
                    if state:
                        m.flags.append(f"state={state}")
                i = h.j
                continue
            name = _name_tokens(d, text, key, pos, toks, k, at, stop, orgs, latin, bare=hops == 0)
            nxt = at.get(name if name else k + 1) if k + 1 < len(toks) else None
            if nxt and latin and not name and not text[pos[toks[k].a]].isupper():
                nxt = None  # "the Iranian leader during Khatami's visit": a lowercase word between, no title of his
            if nxt and any(t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in nxt.targets) \
                    and nxt.i - k <= 2 and not re.search(r"[^\s\-]", key[toks[k].b:toks[nxt.i].a]):
                m = by_start.get(span_of(toks, nxt.i, nxt.j, pos, text, nxt.peeled)[0])
                if m is not None and m.role is None:
                    m.role = role
                    m.flags += [f"state={state}"] if state else []
                    if nxt.i == k + 1 and nxt.j - nxt.i == 1 and not _own_given_name(d, m.ref, toks[k].text):
                        # another given name before a known surname: a namesake (ماريك نوفاك is not Alexander Novak)
                        a = pos[toks[k].a]
                        m.start, m.surface, m.ref, m.unlinked = a, text[a:m.end], None, True
                        m.flags = ["discovered", "namesake", *[f for f in m.flags if f.startswith("state=")]]
                i = nxt.j
                continue
            if name:
                flags = ["discovered"] + ([f"state={state}"] if state else [])
                while name:
                    a, b = span_of(toks, k, name, pos, text)
                    out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                                       role=role, flags=list(flags)))
                    i, name = name, None
                    # a coordinated second name with the same title: العقيدين "X Y" و"Z W"
                    if i + 2 < len(toks) and toks[i].text == "و" and not re.search(r"[.:؛;!?؟\n]", key[toks[i - 1].b:toks[i + 1].a]):
                        k = i + 1
                        name = _name_tokens(d, text, key, pos, toks, k, at, stop, orgs, latin, bare=hops == 0)
                        name = name if name and name - k >= 2 else None
                continue
            if state and adj_end and not latin and _is_office(role):
                a, b = span_of(toks, i, adj_end, pos, text, th.peeled)
                out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                                   role=role, flags=["discovered", "office", f"state={state}"]))
        i = max(th.j, i + 1)


def _org_noun(tk: str, orgs: frozenset[str]) -> bool:
    """Tell whether a word is an organization noun, possibly behind a clitic (لشركة، بوزارة)."""
    return tk in orgs or (len(tk) > 3 and tk[0] in "لبو" and tk[1:] in orgs)


_OFFICES = frozenset({"president", "vice_president", "prime_minister", "supreme_leader", "king", "crown_prince", "emir"})


def _is_office(role: str) -> bool:
    """Tell whether a title with a state and no name names an office holder (الرئيس الروسي)."""
    return role in _OFFICES or role.endswith("_minister")


def _is_stop(tk: str, text: str, pos: list[int], tok: Tok, stop: frozenset[str]) -> bool:
    """Tell whether a word is a stop word; the name علي written with yeh is not the preposition على."""
    if tk != "علي":
        return tk in stop
    return text[pos[tok.b - 1]] != "ي"


def _is_title_word(d: Dictionaries, tk: str) -> bool:
    """Tell whether a word is a one-word title, possibly behind a clitic (ووزير، والسفير)."""
    return (tk,) in d.title_index or any((r,) in d.title_index for r, _ in peel(tk, d.title_first))


def _own_given_name(d: Dictionaries, ref: str | None, tok: str) -> bool:
    """Tell whether a word is (a spelling of) the first word of one of a person's names."""
    firsts = {n.split()[0] for n in (" ".join(key_tokens(x)) for x in d.actors[ref].names()) if " " in n} if ref else set()
    return not firsts or tok in firsts or any(fuzz.ratio(tok, f) >= 70 for f in firsts)


def _is_state_hit(d: Dictionaries, h: Hit) -> bool:
    return any(_is_state(d, t) for t in h.targets)


def _is_state(d: Dictionaries, t: Target) -> bool:
    return t.kind == "actor" and t.how != "weak" and d.actors[t.ref].type == ActorType.STATE


def _is_org(d: Dictionaries, t: Target) -> bool:
    return t.kind == "actor" and d.actors[t.ref].type != ActorType.PERSON


# Verbal nouns that follow a title as its object, of the form تفعيل (تأجيل، تسليم، توقيع), in
# match-key form; إفعال is also a pattern of given names (إحسان، إيهاب) and is left to the ة test.
_VERBAL_NOUN = re.compile("ت..ي.")


def _has_tanween(text: str, pos: list[int], tok: Tok) -> bool:
    """Tell whether a word carries tanween in the display text: an indefinite noun, not a name."""
    end = pos[tok.b - 1] + 1
    return bool(re.search("[\u064b-\u064d]", text[pos[tok.a]:end + 2]))


def _blocks(h: Hit | None) -> bool:
    """Tell whether a dictionary hit ends a name (a common-word alias such as نجاد does not)."""
    return h is not None and any(t.how != "weak" for t in h.targets)


_PARTICLES = frozenset({"انه", "انها", "انهم", "ان", "بان", "بانه", "لانه", "الذي", "التي", "قد", "لقد", "كما", "حيث", "اذ", "اليوم", "امس"})
_FUTURE_VERB = re.compile(r"س[يتن][\u0621-\u064A]{3,}|[تي]ت[\u0621-\u064A]{3,}")


def _name_tokens(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], k: int,
                 at: dict[int, Hit], stop: frozenset[str], orgs: frozenset[str], latin: bool,
                 bare: bool = False) -> int | None:
    """Return one past the last token of a person's name starting at token k, or None.

    `bare`: the title stands alone (ويواجه الرئيس ضغوطا): what follows is as likely the verb's
    object, so words ending like indefinite accusatives or feminine nouns (ـا، ـة) end the name.
    """
    joiners, suffixes = d.words_of("name_joiners"), d.words_of("name_suffixes")
    given = d.words_of("given_names")
    j = k
    while j < len(toks) and j - k < 4:
        tk = toks[j].text
        if j > k and re.search(r"[^\s\-]", _gap(key, toks, j)):
            break
        h = at.get(j)
        if j > k and h and not tk.startswith("ال") and all(t.how == "adjective" for t in h.targets):
            j += 1  # a bare nisba after a name is a surname (شهرام إيراني): adjectives of names take ال
            continue
        if _is_stop(tk, text, pos, toks[j], stop) or tk.isdigit() or _blocks(h) or _is_title_word(d, tk) or tk in orgs:
            break
        if latin:
            if not (_is_latin(tk) and text[pos[toks[j].a]].isupper()):
                break
        elif not ARABIC_RE.fullmatch(tk) or len(tk) < 2 or _has_tanween(text, pos, toks[j]):
            break
        elif j > k and (toks[j - 1].text.endswith("ه") and text[pos[toks[j - 1].b - 1]] == "ة"
                        and toks[j - 1].text not in given):
            break  # a family name in ة ends the name (رضا آقازادة سيلتقي ...)
        elif j == k and _VERBAL_NOUN.fullmatch(tk) and tk not in given:
            break  # a verbal noun after a title is its object (الرئيس الفرنسي تأجيل الزيارة)
        elif bare and tk.endswith(("ا", "ه")) and not (toks[k].text in given or toks[k].text in joiners) \
                and tk not in suffixes:
            break
        elif tk.startswith(("لل", "بال", "وال", "فال", "كال")):
            break  # a prepositional phrase (للصحفيين، بالوزارة) follows the name
        elif tk in _PARTICLES or (j > k and _FUTURE_VERB.fullmatch(tk) and tk not in given):
            break  # «سيرجي شماتكو انه», «محمد احمد نجاد سيلتقي»: a particle or a future verb ends the name
        elif tk.startswith("و") and len(tk) >= 6 and tk not in d.words_of("given_names"):
            break  # و + a noun: a coordinated office (وزير الاتصالات وتكنولوجيا المعلومات)
        elif tk.startswith("ال") and not (j > k and (toks[j - 1].text in joiners or tk in suffixes)):
            # a family name with the article ends the name (منذر الحايك، عبد الله العطية); a first
            # word in ة is a noun (طبيعة العلاقة), not a given name
            first_done = j == k + 1 or (j == k + 2 and toks[k].text in joiners and toks[k + 1].text in suffixes)
            if first_done and len(tk) >= 5 and not toks[k].text.endswith("ه"):
                j += 1
            break
        j += 1
    n = j - k
    if n == 0 or toks[j - 1].text in joiners:
        return None
    if n >= 2 and not latin and toks[k].text not in given and text[pos[toks[j - 1].b - 1]] == "ة":
        return None  # a noun phrase ending in ة (إلغاء صفقة), not a name
    if n >= 2:
        return j
    # One word only: Arabic has no capitals to tell a surname from an adjective (مستشار عسكري),
    # so only a capitalised Latin name closed by punctuation, a stop word or the end is taken.
    closed = j == len(toks) or re.search(r"[^\s]", _gap(key, toks, j)) or toks[j].text in stop
    return j if latin and closed and len(toks[k].text) >= 3 else None


def discover_quoted(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], out: list[Mention]) -> None:
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
        typ = (ActorType.COMPANY if bare in d.words_of("quoted_company")
               else ActorType.ARMED_GROUP if bare in d.words_of("quoted_armed_group") else ActorType.ORGANIZATION)
        out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                           flags=["discovered", "quoted", f"type={typ.value}"]))


def _discover_quoted_persons(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                             out: list[Mention], taken: list[tuple[int, int]]) -> None:
    """Add a quoted two-to-four-word name followed by a title: "X Y" آخر سفير لإيران ..."""
    stop = d.words_of("stop")
    starts = {t.a: n for n, t in enumerate(toks)}
    for mt in re.finditer(r"[\"«“]([\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,3})[\"»”]\s*", key):
        words = mt.group(1).split()
        suffixes = d.words_of("name_suffixes")
        if any(w in stop or w.startswith("ال") and w not in suffixes for w in words):
            continue
        k = starts.get(mt.end())
        if k is None:
            continue
        if toks[k].text in d.words_of("title_openers"):  # "the last/first/former ambassador"
            k += 1
        th = match_at(toks, k, d.title_index, d.title_first) if k < len(toks) else None
        a, b = pos[mt.start(1)], pos[mt.end(1) - 1] + 1
        if th is None or any(s < b and a < e for s, e in taken):
            continue
        role = d.title_index[(th.form, *(t.text for t in toks[th.i + 1:th.j]))]
        out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True, role=role,
                           flags=["discovered", "quoted"]))
        taken.append((a, b))




def _title_at(d: Dictionaries, toks: list[Tok], i: int) -> Hit | None:
    """Return the title starting at token i (proclitics peeled), or None."""
    if toks[i].text in d.title_first or peel(toks[i].text, d.title_first):
        return match_at(toks, i, d.title_index, d.title_first)
    return None


_ARTICLES_EN = frozenset({"a", "an", "the", "senior", "former", "chief", "lead", "leading", "top"})


def discover_before_titles(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                           at: dict[int, Hit], out: list[Mention]) -> None:
    """Add unlinked persons named before their title: «X Y، نائب رئيس ...», "X Y, an analyst at ..."."""
    taken = [(m.start, m.end) for m in out if m.kind == MentionKind.ACTOR]
    covered = {k for h in at.values() for k in range(h.i, h.j) if _blocks(h)}
    starts = {m.start for m in out if m.kind == MentionKind.ACTOR and (m.unlinked or m.role)
              and not any(f.startswith("type=") and f != "type=person" for f in m.flags)}
    stop = d.words_of("stop")
    for i in range(2, len(toks)):
        if (i - 1) in covered or (toks[i - 1].text in stop and toks[i - 1].text not in _ARTICLES_EN):
            continue
        th = _title_at(d, toks, i)
        if th is None:
            continue
        role = d.title_index[(th.form, *(t.text for t in toks[th.i + 1:th.j]))]
        if role == "counterpart":
            continue
        latin = _is_latin(toks[i].text)
        end = i  # one past the name
        if latin:  # "Jane Roe, an analyst": the comma, then a few lower-case words
            while end > 0 and toks[end - 1].text in _ARTICLES_EN and i - end < 3:
                end -= 1
            if end == i or "," not in _gap(key, toks, end):
                continue
        elif re.search(r"[^\s،,]", _gap(key, toks, i)):
            continue
        name = _name_before(d, text, key, pos, toks, end, covered, latin)
        if name is None or _person_after(d, toks, th.j, at, starts, pos):
            continue
        a, b = span_of(toks, name, end, pos, text)
        if any(s < b and a < e for s, e in taken):
            continue
        out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                           role=role, flags=["discovered", "before_title"]))
        taken.append((a, b))


def _person_after(d: Dictionaries, toks: list[Tok], k: int, at: dict[int, Hit], starts: set[int],
                  pos: list[int]) -> bool:
    """Tell whether a title ending at token k is followed by its own name (الرئيس الروسي X); `starts`:
    where named or discovered persons start."""
    hops = 0
    while k < len(toks) and hops < 4:
        h = at.get(k)
        if h and any(t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in h.targets):
            return True
        if pos[toks[k].a] in starts:
            return True
        k, hops = (h.j if h else k + 1), hops + 1
    return False


def _name_before(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], end: int,
                 covered: set[int], latin: bool) -> int | None:
    """Return the first token of a two-to-four-word name ending at token `end`, or None.

    Arabic has no capitals: the name starts at a known given name, or is two words after a
    sentence start, punctuation or a stop word (وأعلن X Y، نائب ...).
    """
    stop, given = d.words_of("stop"), d.words_of("given_names")
    joiners, suffixes = d.words_of("name_joiners"), d.words_of("name_suffixes")
    orgs = d.words_of("org_heads")
    words: list[int] = []
    j = end - 1
    while j >= 0 and len(words) < 4:
        tk = toks[j].text
        if j in covered or _is_stop(tk, text, pos, toks[j], stop) or _is_title_word(d, tk) or tk.isdigit():
            break
        if latin:
            if not (_is_latin(tk) and text[pos[toks[j].a]].isupper() and len(tk) >= 2):
                break
        else:
            last = j == end - 1
            if not ARABIC_RE.fullmatch(tk) or len(tk) < 2 or _has_tanween(text, pos, toks[j]) or tk in orgs \
                    or tk.startswith(("لل", "بال", "وال")) \
                    or (tk.startswith("ال") and not last and tk not in suffixes) \
                    or (tk.endswith("ه") and tk not in given and not last and toks[j - 1].text not in joiners):
                break
        words.append(j)
        if j < end - 1 and re.search(r"[^\s\-]", _gap(key, toks, j + 1)):
            words.pop()
            break
        j -= 1
    words.reverse()  # token indices, left to right
    if latin:
        return words[0] if len(words) >= 2 and (j < 0 or not text[pos[toks[j].a]].isupper()) else None
    starts = [w for w in words if toks[w].text in given or (toks[w].text in joiners and w + 1 < end)]
    if starts:
        first = starts[0]
        return first if end - first >= 2 else None
    # no given name: exactly two words, set off by a comma, bounded on the left by the start,
    # punctuation or a stop word
    if len(words) < 2 or any(toks[w].text.startswith("ال") for w in words[:-1]) or "،" not in _gap(key, toks, end):
        return None
    first = words[-2]
    left = first - 1
    bounded = left < 0 or re.search(r"[^\s]", _gap(key, toks, first)) or toks[left].text in stop \
        or any(r in stop for r, _ in peel(toks[left].text, stop))
    return first if bounded else None


def discover_organizations(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                           at: dict[int, Hit], out: list[Mention]) -> None:
    """Add unlinked institutions, companies and organizations discovered from their shape.

    A head noun (وزارة، وكالة، القوات، السفارة ...) and the nouns that qualify it, closed by a
    state adjective, a state, an institution of a state, or في + a state or city
    («لوكالة الطاقة الذرية الفدرالية الروسية», «وزارة الاقتصاد في كازاخستان»,
    «لجنة الأمن القومي بالبرلمان الإيراني», «السفارة الروسية في طهران»); a company head and the
    company's own name («شركة X لصناعة الطيران»); a ruler's government («إدارة X»). Each is linked
    to its state (flag `state=`).
    """
    heads = d.words_of("org_heads")
    if not heads:
        return
    inside = {k: h for h in at.values() for k in range(h.i + 1, h.j)}
    taken = [(m.start, m.end) for m in out if m.kind == MentionKind.ACTOR and m.unlinked]
    i = 0
    while i < len(toks):
        head, skip = _org_head(toks[i].text, heads)
        known = at.get(i) if i in at and any(t.kind == "actor" for t in at[i].targets) else None
        if head == "قياده" and not toks[i].text.startswith(("ال", "لل")):
            head = None  # بقيادة روسيا: led by Russia; القيادة المركزية الأميركية: a command
        if head is None or i in inside or (known and not _international(d, known)) \
                or (i in at and any(t.kind == "none" for t in at[i].targets)):
            i += 1
            continue
        found = _org_body(d, text, key, pos, toks, at, i, head, known.j if known else i + 1)
        if found is None or (known and (found[0] <= known.j or found[3] != "adjective"
                                        or any(k in at and not _adjective_only(at, k) for k in range(known.j, found[0])))):
            # (the IAEA, then «منشأة نطنز الإيرانية»: a site of Iran's after the agency, not an Iranian agency)
            i += 1
            continue
        end, typ, state, _ = found
        a, b = span_of(toks, i, end, pos, text, skip)
        if known:  # وكالة الطاقة الذرية الفدرالية الروسية is a Russian agency, not the IAEA
            ka, kb = span_of(toks, known.i, known.j, pos, text, known.peeled)
            out[:] = [m for m in out if not (m.kind == MentionKind.ACTOR and m.start == ka and m.end == kb)]
        if not any(s < b and a < e for s, e in taken):
            flags = ["discovered", "shape", f"type={typ.value}"] + ([f"state={state}"] if state else [])
            out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                               role=typ.value if state else None, flags=flags))
            taken.append((a, b))
        i = end


def _international(d: Dictionaries, h: Hit) -> bool:
    """Tell whether a dictionary hit names only international bodies (no state of their own)."""
    return all(t.kind != "actor" or (d.actors[t.ref].type in (ActorType.ORGANIZATION, ActorType.BLOC)
                                     and not d.actors[t.ref].country) for t in h.targets)


_HEAD_FORMS: dict[frozenset[str], dict[str, tuple[str, int]]] = {}


def _org_head(tok: str, heads: frozenset[str]) -> tuple[str | None, int]:
    """Return the bare head noun of a token (وكالة، الوكالة، لوكالة، للوكالة) and the clitic to leave out."""
    forms = _HEAD_FORMS.get(heads)
    if forms is None:
        forms = _HEAD_FORMS[heads] = {}
        for h in heads:
            for p, skip in (("بال", 1), ("وال", 1), ("لل", 0), ("و", 1), ("ل", 1), ("ب", 1), ("ال", 0), ("", 0)):
                forms[p + h] = (h, skip)
    return forms.get(tok, (None, 0))


def _state_of_hit(d: Dictionaries, h: Hit) -> tuple[str | None, str]:
    """Return (state, how) a dictionary hit gives an organization: adjective, state, metonym, org, person."""
    for t in h.targets:
        if t.kind != "actor" or t.how == "weak":
            continue
        a = d.actors[t.ref]
        if t.how in ("adjective", "metonym") or a.type == ActorType.STATE:
            return d.state_of(t.ref), t.how if t.how != "name" else "state"
        if a.type == ActorType.PERSON:
            return a.country, "person"
        if a.country:
            return a.country, "org"
    for t in h.targets:
        if t.kind == "place" and t.ref in d.places and d.places[t.ref].state:
            return d.places[t.ref].state, "place"
    return None, ""


def _org_body(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], at: dict[int, Hit],
              i: int, head: str, k: int) -> tuple[int, ActorType, str | None, str] | None:
    """Return (end token, type, state, what closed it) of an organization headed at token i, its name going on at k."""
    stop, preps = d.words_of("stop"), d.words_of("place_preps")
    company = head in d.words_of("company_heads")
    typ = ActorType.ORGANIZATION if head in d.words_of("group_heads") else ActorType.INSTITUTION
    nouns, proper = k - i - 1, 0
    while k < len(toks) and k - i <= 8:
        if re.search(r"[^\s\-]", _gap(key, toks, k)):
            break  # commas, quotes and sentence punctuation end a name
        tk, h = toks[k].text, at.get(k)
        if len(tk) > 3 and tk[0] in "وف" and tk not in stop and (h is None or h.peeled):
            break  # و + a noun: another body coordinated with this one
        if h is not None:
            state, how = _state_of_hit(d, h)
            if how == "person":
                ruler = head in d.words_of("ruler_heads") and k == i + 1
                return (h.j, ActorType.INSTITUTION, state, how) if ruler else None
            if head == "نظام" and nouns:
                return None  # النظام المصرفي الإيراني is a system, not a body
            if state and how in ("adjective", "state", "metonym", "org"):
                if toks[k - 1].text in d.words_of("backing_words"):
                    return h.j, ActorType.ARMED_GROUP, None, "backed"  # القوات المدعومة إيرانيا: backed, not of Iran
                if how == "adjective" and not toks[k].text.startswith(("ال", "لل")):
                    return None  # an indefinite noun: شركة روسية is a Russian company, not one
                if how == "adjective" and nouns == 0 and not _stands_alone(d, toks[i].text, head):
                    return None  # الشركة الروسية: a company, not a named one
                end = h.j
                nxt = at.get(end)
                if nxt is not None and toks[end].text.startswith("و") and _state_of_hit(d, nxt)[1] in ("state", "metonym") \
                        and not re.search(r"[^\s]", _gap(key, toks, end)):
                    return None  # «القوات البحرية لإيران وروسيا والصين»: the navies of several states, no one body
                if nxt is not None and _state_of_hit(d, nxt)[1] == "adjective":
                    state, end = None, nxt.j  # منتدى التعاون العربي الروسي: of two states, of neither
                while end < len(toks) and end not in at and toks[end].text.startswith("ال") and toks[end].text.endswith("يه") \
                        and end - h.j < 2 and not re.search(r"[^\s]", _gap(key, toks, end)):
                    end += 1  # more adjectives of the body: الوكالة الاتحادية الروسية النووية
                if end + 1 < len(toks) and toks[end].text in preps and (end + 1) in at \
                        and _state_of_hit(d, at[end + 1])[0] and not re.search(r"[^\s]", _gap(key, toks, end + 1)):
                    end = at[end + 1].j  # السفارة الروسية في طهران
                return end, typ, state, how
            k, nouns = h.j, nouns + 1  # an item or place inside the name (وزارة النفط)
            continue
        if tk in preps and (k + 1) in at and not re.search(r"[^\s]", _gap(key, toks, k + 1)):
            state, how = _state_of_hit(d, at[k + 1])
            if state and how in ("state", "metonym", "place") and (nouns or proper):
                return at[k + 1].j if not proper else k, (ActorType.COMPANY if proper else typ), state, how
            break
        if _is_stop(tk, text, pos, toks[k], stop) or tk.isdigit() or not ARABIC_RE.fullmatch(tk):
            break
        if tk.startswith(("ال", "لل", "بال")) or (tk.startswith("ل") and len(tk) >= 5 and nouns + proper):
            k, nouns = k + 1, nouns + 1  # a definite genitive or adjective, or ل + a noun (لمزارعي)
            continue
        if company and k == i + 1 + proper and proper < 3 and len(tk) >= 3 and not _has_tanween(text, pos, toks[k]) \
                and not tk.endswith(("يه", "ي")):  # a nisba adjective (مجموعة دولية) is no company's name
            k, proper = k + 1, proper + 1  # the company's own name
            continue
        if k == i + 1 and len(tk) >= 4:
            k, nouns = k + 1, nouns + 1  # a construct noun (وزارة خارجية إيران)
            continue
        break
    if proper and company and nouns <= 2:
        return k, ActorType.COMPANY, None, "name"
    return None


def _stands_alone(d: Dictionaries, tok: str, head: str) -> bool:
    """Tell whether a definite head and a state adjective name one body (الحكومة الإيرانية, السفارة الروسية)."""
    return head in d.words_of("ruler_heads") or head in ("سفاره", "قنصليه", "بحريه", "برلمان", "رئاسه", "قوات", "جيش",
                                                         "اسطول", "قياده")


def attach_given_names(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                       at: dict[int, Hit], out: list[Mention]) -> None:
    """Widen a person named by surname alone to the given name before it (بيجن زنكنه), or, when
    that given name is another one (حسين سليماني is not قاسم سليماني), make it a namesake to curate."""
    given, given_en = d.words_of("given_names"), d.words_of("given_names_en")
    by_span = {(m.start, m.end): m for m in out if m.kind == MentionKind.ACTOR and m.ref}
    for h in at.values():
        if h.j - h.i != 1 or h.i == 0 or re.search(r"[^\s]", _gap(key, toks, h.i)):
            continue
        people = [t.ref for t in h.targets if t.kind == "actor" and t.how == "name"
                  and d.actors[t.ref].type == ActorType.PERSON]
        prev = toks[h.i - 1].text
        if len(people) != 1 or (h.i - 1) in at or len(prev) < 3 or _is_latin(prev) != _is_latin(toks[h.i].text):
            continue
        m = by_span.get(span_of(toks, h.i, h.j, pos, text, h.peeled))
        a = pos[toks[h.i - 1].a]
        if m is None or (_is_latin(prev) and not text[a].isupper()):
            continue
        firsts = {n.split()[0] for n in (" ".join(key_tokens(x)) for x in d.actors[people[0]].names()) if " " in n}
        if prev in firsts or any(fuzz.ratio(prev, f) >= 70 for f in firsts):  # سيرجي/سيرغي
            m.start, m.surface = a, text[a:m.end]
        elif (prev in given or prev in given_en) and firsts and not h.fuzzy:
            m.start, m.surface, m.ref, m.unlinked = a, text[a:m.end], None, True
            m.flags = ["discovered", "namesake", *[f for f in m.flags if f.startswith("state=")]]


_EN_ORG_TYPES = {"forum": ActorType.ORGANIZATION, "initiative": ActorType.ORGANIZATION, "institute": ActorType.ORGANIZATION,
                 "organization": ActorType.ORGANIZATION, "organisation": ActorType.ORGANIZATION,
                 "association": ActorType.ORGANIZATION, "fund": ActorType.ORGANIZATION}
_EN_STATE_BODIES = frozenset({"ministry", "embassy", "consulate", "navy", "army", "force", "forces", "bank", "parliament",
                              "government", "customs", "administration", "guard", "corps", "department"})
_EN_LINKS = frozenset({"of", "for", "the", "and", "in"})
_EN_NEWS = frozenset({"news", "press", "information"})  # news agencies cite, they are not actors


def discover_english(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                     at: dict[int, Hit], out: list[Mention]) -> None:
    """Add unlinked English persons and bodies found by shape: a known given name and a capitalised
    surname ("Garrett Nada"), capitalised words closed by an organization head ("Proliferation
    Security Initiative", "Russian Embassy in Tehran"), an acronym before an expert's title ("CISS expert")."""
    if not any(_is_latin(t.text) for t in toks):
        return
    # a body may hold a state's adjective or city (Russian Embassy in Tehran), not another name
    taken = [(m.start, m.end) for m in out if m.kind == MentionKind.ACTOR and not {"adjective", "metonym"} & set(m.flags)]
    covered = {k for h in at.values() for k in range(h.i, h.j) if _blocks(h)}

    def cap(k: int) -> bool:
        return _is_latin(toks[k].text) and text[pos[toks[k].a]].isupper()

    unlinked = [(m.start, m.end) for m in out if m.kind == MentionKind.ACTOR and m.unlinked]

    def add(i: int, j: int, typ: ActorType, state: str | None = None, role: str | None = None, group: bool = False) -> None:
        a, b = span_of(toks, i, j, pos, text)
        if any(s < b and a < e for s, e in (unlinked if group else taken)):
            return
        flags = ["discovered", "shape", f"type={typ.value}"] + ([f"state={state}"] if state else [])
        out.append(Mention(kind=MentionKind.ACTOR, start=a, end=b, surface=text[a:b], unlinked=True,
                           role=role or (typ.value if state and typ != ActorType.PERSON else None), flags=flags))
        taken.append((a, b))
        unlinked.append((a, b))

    given, stop = d.words_of("given_names_en"), d.words_of("stop")
    companies, heads = _english_heads(d)
    longest = max((len(h) for h in heads), default=1)
    head_firsts = {h[0] for h in heads}
    by_end = {h.j: h for h in at.values()}
    for i, t in enumerate(toks):
        if not _is_latin(t.text):
            continue
        if t.text in given and cap(i) and i not in covered:
            j = i + 1
            while j < len(toks) and j - i <= 3 and cap(j) and j not in covered and toks[j].text not in stop \
                    and toks[j].text not in given and not _is_title_word(d, toks[j].text) \
                    and (not re.search(r"[^\s\-]", _gap(key, toks, j)) or _initial(toks, j - 1, key)):
                j += 1
            while j > i + 1 and _initial(toks, j - 1, key):
                j -= 1  # a name does not end at a middle initial (Brian E. Nelson)
            if j > i + 1 and not (j < len(toks) and toks[j].text in head_firsts and cap(j)):
                add(i, j, ActorType.PERSON)
        head = next((n for n in range(min(longest, len(toks) - i), 0, -1) if tuple(x.text for x in toks[i:i + n]) in heads), 0) \
            if t.text in head_firsts else 0
        if not head or not cap(i) or (i in covered and not _adjective_only(at, i)) or (i > 0 and toks[i - 1].text in _EN_NEWS):
            continue
        start, state = i, None
        while start > 0 and i - start < 4 and not re.search(r"[^\s\-]", _gap(key, toks, start)):
            h = by_end.get(start)
            if h is None and start >= 2 and toks[start - 1].text == "s" and _gap(key, toks, start - 1) in ("'", "’"):
                h = by_end.get(start - 1)  # Iran's Atomic Energy Organization
            if h is not None:
                st, how = _state_of_hit(d, h)
                if st and how in ("adjective", "state"):
                    # Iran-Russia Chamber of Commerce: of two states, of neither
                    other = by_end.get(h.i) if "-" in _gap(key, toks, h.i) else None
                    state, start = (None, other.i) if other and _state_of_hit(d, other)[0] else (st, h.i)
                elif cap(h.i) and how in ("org", "place", "") and not any(
                        t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in h.targets):
                    start, state = h.i, state or (st if how == "org" else None)
                    continue  # a place, item or body in the name: Caspian Media Forum, Majlis Research Center
                break
            if not cap(start - 1) or toks[start - 1].text in stop or (start - 1) in covered or toks[start - 1].text in _EN_NEWS:
                break
            start -= 1
        end = i + head
        run_on = end < len(toks) and cap(end) and not re.search(r"[^\s\-]", _gap(key, toks, end))
        if start == i or (toks[i:end] and tuple(x.text for x in toks[i:end]) in companies and (state or run_on)):
            continue  # a company: its own name first ("Rystad Energy"), never "Iranian Energy Minister"
        if end + 1 < len(toks) and toks[end].text in ("of", "in") and not re.search(r"[^\s]", _gap(key, toks, end + 1)):
            nxt = end + 1 + (toks[end + 1].text == "the" and end + 2 < len(toks))
            posted = toks[end - 1].text in ("embassy", "consulate", "mission", "office")  # Embassy in Tehran
            if nxt < len(toks) and cap(nxt) and ((nxt in at and posted) or toks[end].text == "of"):
                end = at[nxt].j if nxt in at else nxt + 1
        if not state and toks[i + head - 1].text in _EN_STATE_BODIES:
            continue  # "Foreign Ministry", "Navy" of no state named: not one body
        typ = ActorType.COMPANY if tuple(x.text for x in toks[i:end]) in companies else ActorType.INSTITUTION if state \
            else _EN_ORG_TYPES.get(toks[i + head - 1].text, ActorType.ORGANIZATION)
        add(start, end, typ, state, group=True)
    _discover_groups(d, text, key, pos, toks, at, add)
    for i, t in enumerate(toks):  # "CISS expert", "an analyst at Energy Aspects"
        th = _title_at(d, toks, i) if t.text in d.title_first and _is_latin(t.text) else None
        if th is None or d.title_index.get((th.form, *(x.text for x in toks[th.i + 1:th.j]))) not in _ORG_STAFF:
            continue
        if i > 0 and (i - 1) not in covered and re.fullmatch(r"[A-Z]{2,6}", text[pos[toks[i - 1].a]:pos[toks[i - 1].b - 1] + 1]):
            add(i - 1, i, ActorType.ORGANIZATION)
        k = th.j
        if k + 1 < len(toks) and toks[k].text in ("at", "with") and cap(k + 1) and (k + 1) not in covered:
            j = k + 1
            while j < len(toks) and j - k <= 4 and cap(j) and j not in covered and not re.search(r"[^\s\-]", _gap(key, toks, j)):
                j += 1
            add(k + 1, j, ActorType.ORGANIZATION)


_HEADS_EN: dict[int, tuple[frozenset, frozenset]] = {}


def _english_heads(d: Dictionaries) -> tuple[frozenset, frozenset]:
    """Return the key-token tuples of English company heads and of all English organization heads."""
    got = _HEADS_EN.get(id(d))
    if got is None:
        companies = frozenset(tuple(key_tokens(h)) for h in d.words.get("company_heads_en", []))
        got = _HEADS_EN[id(d)] = (companies, companies | {tuple(key_tokens(h)) for h in d.words.get("org_heads_en", [])})
    return got


def _discover_groups(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok],
                     at: dict[int, Hit], add) -> None:
    """Add collective actors: firms qualified by a state and an ownership ("Chinese state-owned
    refiners") and fighters qualified by origin or backing ("foreign Shiite fighters")."""
    firms, fighters = d.words_of("group_firms_en"), d.words_of("group_fighters_en")
    by_end = {h.j: h for h in at.values() if h.j - h.i == 1}
    own, quals = d.words_of("group_ownership_en"), d.words_of("group_qualifiers_en")
    for k, t in enumerate(toks):
        if t.text not in firms and t.text not in fighters:
            continue
        start, has_own, has_qual, state = k, False, False, None
        while start > 0 and k - start < 4 and not re.search(r"[^\s\-]", _gap(key, toks, start)):
            pair = " ".join(x.text for x in toks[start - 2:start]) if start >= 2 and "-" in _gap(key, toks, start - 1) else ""
            h = by_end.get(start)
            adj = h is not None and any(x.how == "adjective" for x in h.targets)
            if pair and (pair in own or pair in quals):
                has_own, has_qual, start = has_own or pair in own, has_qual or pair in quals, start - 2
            elif toks[start - 1].text in own or toks[start - 1].text in quals:
                has_own = has_own or toks[start - 1].text in own
                has_qual, start = has_qual or toks[start - 1].text in quals, start - 1
            elif adj:
                state, has_qual, start = _state_of_hit(d, h)[0], True, start - 1
            else:
                break
        if t.text in firms and has_own and state:
            add(start, k + 1, ActorType.COMPANY, group=True)
        elif t.text in fighters and has_qual:
            add(start, k + 1, ActorType.ARMED_GROUP, group=True)


def _initial(toks: list[Tok], k: int, key: str) -> bool:
    """Tell whether token k is a middle initial: one letter followed by a period (E.)."""
    return len(toks[k].text) == 1 and key[toks[k].b:toks[k].b + 1] == "."


def _adjective_only(at: dict[int, Hit], i: int) -> bool:
    """Tell whether token i is only covered by a state adjective (Armed Forces is not Russian)."""
    h = at.get(i)
    return h is not None and all(t.how == "adjective" for t in h.targets)


_ORG_STAFF = frozenset({"analyst", "researcher", "expert", "spokesperson", "professor", "director"})
