"""Discover actors the dictionaries do not know: names after titles (الرئيس التركي X،
وزير الخارجية الروسي X، "President X"), quoted names before a title, and organizations
quoted after حركة/شركة/جماعة. They are kept as unlinked mentions for curation.
"""

from __future__ import annotations

import re

from irkg.loaders.dictionaries import TOKEN_RE, Dictionaries, Target
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
    stop, orgs, quals = d.words_of("stop"), d.words_of("org_nouns"), d.words_of("qualifiers")
    by_start = {m.start: m for m in out if m.kind == MentionKind.ACTOR}
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
            if tk in d.words_of("place_preps") and k + 1 < len(toks) and (k + 1) in at:
                k, hops = at[k + 1].j, hops + 1
                continue
            if not latin and (tk in orgs or (tk.startswith("ال") and tk not in stop and k not in at) or tk.startswith("لل")):
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
            if nxt and any(t.kind == "actor" and d.actors[t.ref].type == ActorType.PERSON for t in nxt.targets) \
                    and nxt.i - k <= 2 and not re.search(r"[^\s\-]", key[toks[k].b:toks[nxt.i].a]):
                m = by_start.get(span_of(toks, nxt.i, nxt.j, pos, text, nxt.peeled)[0])
                if m is not None and m.role is None:
                    m.role = role
                    m.flags += [f"state={state}"] if state else []
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
        i = max(th.j, i + 1)


def _is_state(d: Dictionaries, t: Target) -> bool:
    return t.kind == "actor" and t.how != "weak" and d.actors[t.ref].type == ActorType.STATE


def _is_org(d: Dictionaries, t: Target) -> bool:
    return t.kind == "actor" and d.actors[t.ref].type != ActorType.PERSON


def _has_tanween(text: str, pos: list[int], tok: Tok) -> bool:
    """Tell whether a word carries tanween in the display text: an indefinite noun, not a name."""
    end = pos[tok.b - 1] + 1
    return bool(re.search("[\u064b-\u064d]", text[pos[tok.a]:end + 2]))


def _blocks(h: Hit | None) -> bool:
    """Tell whether a dictionary hit ends a name (a common-word alias such as نجاد does not)."""
    return h is not None and any(t.how != "weak" for t in h.targets)


def _name_tokens(d: Dictionaries, text: str, key: str, pos: list[int], toks: list[Tok], k: int,
                 at: dict[int, Hit], stop: frozenset[str], orgs: frozenset[str], latin: bool,
                 bare: bool = False) -> int | None:
    """Return one past the last token of a person's name starting at token k, or None.

    `bare`: the title stands alone (ويواجه الرئيس ضغوطا): what follows is as likely the verb's
    object, so words ending like indefinite accusatives or feminine nouns (ـا، ـة) end the name.
    """
    joiners, suffixes = d.words_of("name_joiners"), d.words_of("name_suffixes")
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
        elif not ARABIC_RE.fullmatch(tk) or len(tk) < 2 or _has_tanween(text, pos, toks[j]):
            break
        elif bare and tk.endswith(("ا", "ه")):
            break
        elif tk.startswith("ال") and not (j > k and (toks[j - 1].text in joiners or tk in suffixes)):
            # a family name with the article ends the name (منذر الحايك); a first word in ة is
            # a noun (طبيعة العلاقة), not a given name
            if j == k + 1 and len(tk) >= 5 and not toks[k].text.endswith("ه"):
                j += 1
            break
        j += 1
    n = j - k
    if n == 0 or toks[j - 1].text in joiners:
        return None
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


