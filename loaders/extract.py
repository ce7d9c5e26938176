"""Turn recognized passages into facts: events, agreements, frictions, constraints, indicators, stances.

Entry point `extract_facts` runs the per-kind extractors over one document; each fact
carries the passage that states it as evidence (a sentence or less) and a certainty.
Ids are built from content, never from the document, so `resolve_records` can merge the
same fact found in several documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from irkg.loaders.evidence import passage_evidence
from irkg.loaders.extract_lexicon import Keyed
from irkg.loaders.numbers import Quantity, find_quantities
from irkg.loaders.parse.clauses import Predicate, SentenceView, nested_spans, predicate_at
from irkg.loaders.parse.tree import ParsedPassage
from irkg.schema.graph import Certainty, Evidence, Record
from irkg.schema.pipeline import Document, Mention, Passage

IRAN, RUSSIA = "iran", "russia"
PAIR = (IRAN, RUSSIA)
_SLUG = re.compile(r"[^a-z0-9]+")
_NEW_CLAUSE = re.compile(r"[،,؛;]\s*(?:و?لكن|بل|ثم|بينما|في حين|إلا أن|غير أن)")


def slug(text: str) -> str:
    """Return a lower-case ASCII slug (ids are ASCII)."""
    return _SLUG.sub("_", text.lower()).strip("_") or "x"


@dataclass
class DocCtx:
    """What an extractor may know about the whole document."""

    doc: Document
    dicts: object
    ref_year: int | None = None
    ref: str | None = None  # ISO partial date the text speaks from: its publication date, else the latest it states
    stated: str | None = None  # the date the text gives itself (publication or dateline)
    last_agreement: tuple[int, str] | None = None  # (passage idx, agreement id)
    unlinked: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # discovered id -> (type, state)
    pair_doc: bool = False  # the text is about Iran and Russia (each named in three passages or more)
    agreements_seen: dict[str, int] = field(default_factory=dict)

    def actor_type(self, ref: str) -> str | None:
        a = getattr(self.dicts, "actors", {}).get(ref)
        if a is None and ref in self.unlinked:
            return self.unlinked[ref][0]
        return str(a.type) if a is not None else None

    def includes_pair_state(self, ref: str) -> bool:
        """Tell whether an actor is a bloc Iran or Russia belongs to (the Caspian states)."""
        a = getattr(self.dicts, "actors", {}).get(ref)
        return a is not None and bool({"iran", "russia"} & set(getattr(a, "members", None) or []))

    def state_of(self, ref: str) -> str:
        """Return the state an actor belongs to (itself for states and unknowns)."""
        a = getattr(self.dicts, "actors", {}).get(ref)
        if a is not None and getattr(a, "country", None) and str(a.type) != "state":
            return a.country
        if a is None and ref in self.unlinked and self.unlinked[ref][1]:
            return self.unlinked[ref][1]
        return ref

    def discovered(self, m: Mention) -> Mention:
        """Give a name discovered in the text (not in the dictionaries) the id its actor record has."""
        from irkg.loaders.actors import _unlinked_type, unlinked_id

        rid = unlinked_id(m.surface)
        state = next((f[6:] for f in m.flags or [] if f.startswith("state=")), None)
        self.unlinked.setdefault(rid, (str(_unlinked_type(m)), state))
        return m.model_copy(update={"ref": rid})

    def name_of(self, ref: str) -> str:
        a = getattr(self.dicts, "actors", {}).get(ref)
        return a.name_en if a is not None else ref.replace("_", " ").title()


def _several_states_inside(m: Mention, actors: list[Mention], dc: "DocCtx") -> bool:
    """A body discovered from its shape that names two states ("القوات التركية والأذربيجانية") is those states acting."""
    inside = {dc.state_of(o.ref) for o in actors if o.ref and m.start <= o.start < m.end and dc.actor_type(o.ref) == "state"}
    return len(inside) >= 2


class PassageCtx:
    """One passage with its mentions split by kind, its match key, its quantities and its parse."""

    def __init__(self, passage: Passage, mentions: list[Mention], dc: DocCtx,
                 parsed: ParsedPassage | None = None, lang: str = "ar"):
        self.p = passage
        self.dc = dc
        self.parsed = parsed
        self.lang = lang
        self._views: dict[int, SentenceView] = {}
        self.kt = Keyed(passage.text)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        by: dict[str, list[Mention]] = {}
        for m in self.mentions:
            by.setdefault(str(m.kind), []).append(m)
        # an office named without its holder ("وزير الخارجية الروسي") acts as its state, which its adjective names
        actors = by.get("actor", [])
        self.actors = [m if m.ref else dc.discovered(m) for m in actors
                       if m.ref or (m.unlinked and "office" not in (m.flags or []) and not _several_states_inside(m, actors, dc))]
        self.raw_dates = by.get("date", [])
        self.dates = [m for m in self.raw_dates if m.value]
        self.items = [m for m in by.get("item", []) if m.ref]
        self.topics = [m for m in by.get("topic", []) if m.ref]
        self.places = [m for m in by.get("place", []) if m.ref]

    def resolve_dates(self, ref: tuple[int, int] | None) -> None:
        """Give month names without a year ("يوليو الماضي") the year they have from the document's date."""
        if ref is None:
            return
        out = []
        for m in self.raw_dates:
            if m.value:
                out.append(m)
                continue
            if "relative" in (m.flags or []):
                # "العام المقبل", "last month" in a text without a publication date: against the date it speaks from
                again = _relative_against(m, f"{ref[0]:04d}-{ref[1]:02d}")
                if again is not None:
                    out.append(again)
                continue
            month = next((f[6:] for f in m.flags or [] if f.startswith("month=")), None)
            if not (month and month.isdigit()):
                continue
            nxt = next((d for d in self.raw_dates if d.value and 0 <= d.start - m.end <= 25
                        and re.match(r"^\d{4}", str(d.value))), None)
            if nxt is not None and "relative" not in (m.flags or []):
                year = int(str(nxt.value)[:4])  # "أبريل وأكتوبر 2024": the year written just after
            else:  # "يوليو الماضي": the last such month before the reference date
                year = ref[0] if int(month) <= ref[1] else ref[0] - 1
            out.append(m.model_copy(update={"value": f"{year}-{int(month):02d}"}))
        self.dates = out

    @property
    def key(self) -> str:
        return self.kt.key

    @cached_property
    def quantities(self) -> list[Quantity]:
        return find_quantities(self.p.text, (self.kt.key, self.kt.pos))

    @cached_property
    def actor_ids(self) -> set[str]:
        return {m.ref for m in self.actors}

    @cached_property
    def states(self) -> set[str]:
        """Actor ids with persons mapped to their states."""
        return {self.dc.state_of(r) for r in self.actor_ids}

    def actors_between(self, ts: int, te: int) -> list[Mention]:
        """Actor mentions whose span starts inside display span [ts, te)."""
        return [m for m in self.actors if ts <= m.start < te]

    def span_of(self, ks: int, ke: int) -> tuple[int, int]:
        return self.kt.to_text(ks, ke)

    def nearest_date(self, ts: int, te: int, window: int = 10_000, skip=()) -> Mention | None:
        """Return the date mention closest to the display span, within `window` characters."""
        best, dist = None, window + 1
        for d in self.dates:
            if d.start in skip or "century" in (d.flags or []):
                continue
            if d.start < ts and d.start > 30 and any(c in self.p.text[d.end:ts] for c in "،,؛;"):
                continue  # a date before the trigger counts only within its clause or fronting the sentence
            if d.start >= te and _NEW_CLAUSE.search(self.p.text, te, d.start):
                continue  # "..., لكنها انضمت في 2015": the date belongs to the next clause
            gap = d.start - te if d.start >= te else ts - d.end
            gap = max(gap, 0) + (0 if d.start >= te else 20)  # dates usually follow the trigger
            if gap < dist:
                best, dist = d, gap
        return best

    def evidence(self, certainty: Certainty, claims: dict[str, str] | None = None) -> Evidence:
        """Return the evidence pointing at this passage."""
        return passage_evidence(self.p, certainty, claims)

    # --- the parse ------------------------------------------------------------------------

    def head_token(self, v: SentenceView, ts: int, te: int) -> int | None:
        """Return the token that heads a trigger span: its verb if it has one, else its first noun."""
        got = self.parsed.tokens_of(ts, te)
        if got is None:
            return None
        _, i, j = got
        toks = range(i, j)
        verb = next((k for k in toks if v.is_verb(k)), None)
        if verb is not None:
            return verb
        nouns = [k for k in toks if v.sent.tokens[k][2].startswith(("NN", "DTNN", "VBG", "JJ", "DTJJ"))]
        # "إعادة فرض العقوبات", "re-imposition of sanctions": the event is the noun the light nouns carry
        return next((k for k in nouns if not v.in_words(k, "light_nouns")), nouns[0] if nouns else i)

    def predicate_of(self, ks: int, ke: int) -> tuple[SentenceView | None, Predicate | None]:
        """Return (sentence view, predicate) of the cue at key span [ks, ke): the phrase or clause it heads."""
        ts, te = self.span_of(ks, ke)
        v = self.view_at(ts)
        if v is None:
            return None, None
        tok = self.head_token(v, ts, te)
        return v, (predicate_at(v, tok) if tok is not None else None)

    def view_at(self, offset: int) -> SentenceView | None:
        """Return the parsed sentence around a display offset (None when it has no tree)."""
        if self.parsed is None:
            return None
        s = self.parsed.sentence_at(offset)
        if s is None or s.root is None:
            return None
        v = self._views.get(id(s))
        if v is None:
            v = self._views[id(s)] = SentenceView(s, self.p.text, self.lang)
            v.kinds, v.starts = self._token_kinds(s)
            _repair_names(v)
        return v

    def _token_kinds(self, s) -> tuple[dict[int, str], dict[int, bool]]:
        """Map each token covered by a mention to the mention's kind of name (person, state, place ...), and
        mark the tokens that start a name."""
        out: dict[int, str] = {}
        starts: dict[int, bool] = {}
        for m in self.mentions:
            if m.kind not in ("actor", "place", "date") or not (s.start <= m.start < s.end):
                continue
            if m.kind != "date" and not m.ref:
                continue
            got = self.parsed.tokens_of(m.start, m.end)
            if got is None:
                continue
            kind = m.kind if m.kind != "actor" else (self.dc.actor_type(m.ref) or "actor")
            starts[got[1]] = True
            for t in range(got[1], got[2]):
                out.setdefault(t, kind)
        return out, starts

    def token_span(self, m: Mention) -> tuple[int, int] | None:
        """Return the token range [i, j) of a mention in its sentence."""
        if self.parsed is None:
            return None
        got = self.parsed.tokens_of(m.start, m.end)
        return (got[1], got[2]) if got else None

    def mentions_in(self, v: SentenceView, node, pool: list[Mention], nested_ok: bool = False) -> list[Mention]:
        """Return the mentions of `pool` inside a node's tokens, leaving out those in a nested clause or
        prepositional phrase ("السفير الإيراني لدى روسيا": Russia is where he serves, not who acts)."""
        lo, hi = v.sent.tokens[node.i][0], v.sent.tokens[node.j - 1][1]
        holes = [] if nested_ok else nested_spans(v, node)
        out = []
        for m in pool:
            cut = m.start < lo < m.end and m.kind == "actor" and self.dc.actor_type(m.ref) == "person"
            if not (lo <= m.start < hi) and not cut:
                continue  # a name the parser cut across phrases counts where it starts (and a person's name where
                # a phrase starts inside it: «عزيز نصير (زاده)» as the subject of a relative clause)
            if any(a <= m.start < b for a, b in holes):
                continue
            out.append(m)
        return out


def _repair_names(v: SentenceView) -> None:
    """A name the parser read as a preposition and its object ("بزشكيان" cut into ب + زشكيان, "علي لاريجاني"
    taken for على): the "preposition" is part of a recognised name, so its phrase is read as a plain noun
    phrase (`SentenceView.name_preps`)."""
    for t, pre in enumerate(v.sent.pre):
        if pre is None or pre.label != "IN" or v.kinds.get(t) in (None, "date"):
            continue
        toks = v.sent.tokens
        glued = t + 1 < len(toks) and toks[t][1] == toks[t + 1][0] and v.kinds.get(t + 1) == v.kinds.get(t)
        if not (v.starts.get(t) or glued):
            continue
        v.name_preps.add(t)


def _relative_against(m: Mention, ref: str) -> Mention | None:
    """Resolve a relative date mention ("next year", "الشهر الماضي") against an ISO reference date."""
    from irkg.loaders.arabic import match_key_aligned
    from irkg.loaders.dates import find_dates_in_key

    key, pos = match_key_aligned(m.surface)
    got = [d for d in find_dates_in_key(m.surface, key, pos, ref) if d.value]
    if not got:
        return None
    return m.model_copy(update={"value": got[0].value, "flags": [*(m.flags or []), "from_text_date"]})


def date_value(m: Mention | None) -> str | None:
    """Return the ISO partial date of a date mention."""
    if m is None or m.value is None:
        return None
    v = str(m.value)
    return v if re.match(r"^\d{4}(-\d{2}){0,2}$", v) else None


def estimate_ref_date(doc: Document, passages: list[PassageCtx]) -> tuple[int, int] | None:
    """Return (year, month) the document speaks from: its publication date, else its own dateline,
    else the latest date it states."""
    from irkg.loaders.dateline import find_dateline

    published = doc.published
    if not published:
        dateline = find_dateline(doc.text, str(doc.lang))
        published = dateline.value if dateline else None
    if published and re.match(r"^\d{4}", published):
        return int(published[:4]), int(published[5:7]) if len(published) >= 7 else 12
    dates = []
    for pc in passages:
        for d in pc.dates:
            flags = d.flags or []
            if not date_value(d) or "relative" in flags or "century" in flags or "decade" in flags:
                continue
            end = next((f[4:] for f in flags if f.startswith("end=")), None)
            dates.append(end if end and re.match(r"^\d{4}", end) else str(d.value))
    dates = [d for d in dates if "1900" <= d[:4] <= "2100"]
    if not dates:
        return None
    year = max(d[:4] for d in dates)
    months = [int(d[5:7]) if len(d) >= 7 else 12 for d in dates if d[:4] == year]
    return int(year), max(months)


_PLURAL_QUALIFIED = re.compile(r"\s+(?:ال\w+ي(?:ه|ة)|ال\w+يين|الاخري|الأخرى|الكبري|الكبرى)(?!\w)")


_BETWEEN_BEFORE = re.compile(r"(?:(?<!\w)بين|\bbetween)\s+(?:\S+\s+){0,2}\W?$", re.I)


def resolve_pair_words(pcs: list[PassageCtx], dc: DocCtx) -> None:
    """Give "البلدين", "the two countries", "الجانبين" the two states they stand for: the two named last
    (Iran and Russia when the text is about them and both were named recently)."""
    from irkg.loaders.extract_frictions import friction_cues
    from irkg.schema.pipeline import MentionKind

    lex = friction_cues()["pair"]
    seen: list[str] = []  # states in order of mention, across passages
    counts: dict[str, int] = {}
    last: list[str] = []
    for pc in pcs:
        for h in lex.find(pc.key):
            if pc.key[h.start:h.end].endswith("البلدان") and _PLURAL_QUALIFIED.match(pc.key, h.end):
                continue  # «البلدان الأوروبية», "the European countries": many countries, not the two
            ts, te = pc.span_of(h.start, h.end)
            recent = [st for m in pc.actors if m.start < ts and "pair_word" not in (m.flags or [])
                      for st in [dc.state_of(m.ref)] if dc.actor_type(st) == "state"]
            here = list(dict.fromkeys(reversed(recent)))
            order = list(dict.fromkeys(reversed(seen + recent)))
            between = [st for m in pc.actors if max(0, ts - 120) <= m.start < ts and "pair_word" not in (m.flags or [])
                       and _BETWEEN_BEFORE.search(pc.p.text[max(0, m.start - 40):m.start])
                       for st in [dc.state_of(m.ref)] if dc.actor_type(st) == "state"]
            if len(here) >= 2 and len(set(between)) == 1 and here[1] in between and here[0] != here[1] \
                    and _BETWEEN_BEFORE.search(pc.p.text[max(0, ts - 160):ts]):
                pair = here[:2]  # «لقاءات بين إسرائيل وروسيا أسفرت عن اتفاق بين الجانبين»: the two just named "between"
            elif len(here) >= 2 and not (dc.pair_doc and len(set(here) & set(PAIR)) == 1):
                pair = here[:2]  # "علاقات مع طهران وروابط مع تل أبيب ... بين الطرفين": the two this sentence names
            elif not here and len(last) >= 2 and not set(last[:2]) <= set(PAIR) and len(set(last) & set(PAIR)) < 2:
                # "Putin met Trump in Helsinki. The two countries agreed ...": the two the sentence before named
                pair = last[:2]
            elif len(here) >= 2 or len(order) >= 2:
                pair = order[:2]
                if PAIR[0] in order[:4] and PAIR[1] in order[:4] and counts.get(PAIR[0], 0) >= 2 and counts.get(PAIR[1], 0) >= 2:
                    pair = list(PAIR)
            else:
                continue
            for ref in pair:
                m = Mention(kind=MentionKind.ACTOR, start=ts, end=te, surface=pc.p.text[ts:te], ref=ref, flags=["pair_word"])
                pc.actors.append(m)
                pc.mentions.append(m)
        named_here: list[str] = []
        for m in pc.actors:
            if "pair_word" in (m.flags or []):
                continue
            st = dc.state_of(m.ref)
            if dc.actor_type(st) == "state":
                seen.append(st)
                counts[st] = counts.get(st, 0) + 1
                named_here.append(st)
        # the states the sentence before the next one names (a list's fragments name no counterparts)
        last = list(dict.fromkeys(named_here)) if pc.p.text.rstrip().endswith((".", "!", "؟", "?")) else []
        pc.actors.sort(key=lambda m: m.start)
        pc.mentions.sort(key=lambda m: m.start)


def extract_facts(doc: Document, passages: list[Passage], mentions: list[list[Mention]], dicts) -> list[Record]:
    """Return the fact records one document states, each with evidence and certainty."""
    from irkg.loaders.extract_agreements import extract_agreements
    from irkg.loaders.extract_constraints import extract_constraints
    from irkg.loaders.extract_events import extract_events
    from irkg.loaders.extract_frictions import extract_frictions
    from irkg.loaders.extract_indicators import extract_indicators
    from irkg.loaders.extract_stances import extract_stances

    from irkg.loaders.parse.client import parse_passages

    dc = DocCtx(doc, dicts)
    parsed = parse_passages(passages, str(doc.lang), mentions)
    pcs = [PassageCtx(p, ms, dc, pp, lang) for p, ms, (pp, lang) in
           zip(passages, list(mentions) + [[]] * (len(passages) - len(mentions)), parsed)]
    from irkg.loaders.dateline import find_dateline

    dateline = None if doc.published else find_dateline(doc.text, str(doc.lang))
    stated = doc.published or (dateline.value if dateline else None)  # the date the text gives itself
    ref = estimate_ref_date(doc, pcs)
    dc.ref_year = ref[0] if ref else None
    dc.ref = stated or (f"{ref[0]:04d}-{ref[1]:02d}" if ref else None)
    dc.stated = stated  # the date the text gives itself (publication or dateline), or None
    if ref and not stated:
        ref = (ref[0], 12)  # the latest date stated is only a lower bound on when the text was written
    for pc in pcs:
        pc.resolve_dates(ref)
    from irkg.loaders.extract_frictions import is_pair_doc

    dc.pair_doc = is_pair_doc(pcs)
    resolve_pair_words(pcs, dc)
    records: list[Record] = []
    agreement_by_passage = extract_agreements(pcs, dc, records)
    extract_events(pcs, dc, records, agreement_by_passage)
    extract_frictions(pcs, dc, records)
    extract_constraints(pcs, dc, records)
    extract_indicators(pcs, dc, records)
    extract_stances(pcs, dc, records)
    _reported_after(doc, pcs, records)
    from irkg.loaders.resolve import resolve_records

    return resolve_records(records)


def _reported_after(doc: Document, pcs: list[PassageCtx], records: list[Record]) -> None:
    """"This is reported by The New York Times", «أفادت بذلك وكالة تسنيم»: a sentence that opens by naming the source
    of what came before makes the facts of the paragraph before it (or of the sentences before it in its own
    paragraph) that source's report."""
    from irkg.loaders.extract_lexicon import lexicon_of, read_yaml
    from irkg.schema.graph import Certainty

    lex = lexicon_of({"back": read_yaml("cues_certainty.yaml").get("back_reports", [])})
    scope: set[int] = set()
    for k, pc in enumerate(pcs):
        if k == 0 or not any(h.start - len(h.prefix) <= 2 for h in lex.find(pc.key[:60])):
            continue
        j = k - 1
        while j >= 0:  # back to the start of the paragraph before it (or of its own, when it does not open one)
            scope.add(pcs[j].p.idx)
            if j == 0 or "\n" in doc.text[pcs[j - 1].p.end:pcs[j].p.start]:
                break
            j -= 1
    if not scope:
        return
    for r in records:
        ev = getattr(r, "evidence", None) or []
        if getattr(r, "certainty", None) == Certainty.ASSERTED and getattr(r, "type", None) != "statement" \
                and ev and all(e.passage in scope for e in ev):
            r.certainty = Certainty.REPORTED
            for e in ev:
                e.certainty = Certainty.REPORTED
