"""Turn query rows into answer rows: a direct one-line answer from the fact's fields, then quotes.

Rows from every query that ran (the intents, the subgraph of the named entities, the passage
search) are ranked together by how much of the question they carry: the full-text score of
the passages they quote, the named entities they mention, and whether they answer the kind
of question asked. Quotes are ranked the same way and trimmed to the clause that carries
the fact, with the span marked (`clause_quote`); JSON keeps them whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from irkg.loaders.arabic import match_key
from irkg.queries.understand import Understanding, text_stems

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
CLAUSE_MAX = 220  # characters of a trimmed quote
SHOW_QUOTES = 3  # quotes shown per row in a table
_CLAUSE_SPLIT = re.compile(r"(?<=[.،,؛;:!?؟])\s+|\s+(?=(?:و?(?:بينما|فيما|إلا أن|غير أن|لكن|حيث|إذ|مما|وهو ما|بل)|but|while|whereas|although|which)\s)")

CERTAINTY = {
    "asserted": ("stated as fact", "مؤكد في المصادر"),
    "reported": ("reported", "وفق تقارير"),
    "alleged": ("alleged, not confirmed", "مزعوم، غير مؤكد"),
    "expected": ("expected, not confirmed", "متوقع، غير مؤكد"),
    "denied": ("denied", "منفي"),
    "passage": ("passage, no extracted fact", "فقرة، دون واقعة مستخرجة"),
    "mention": ("mentioned", "مذكور"),
}
KIND_WORDS = {
    "Event": ("Event", "حدث"), "Agreement": ("Agreement", "اتفاق"), "Friction": ("Friction", "توتر"),
    "Constraint": ("Constraint", "قيد"), "Indicator": ("Figure", "رقم"), "Stance": ("Stance", "توصيف"),
}


@dataclass
class AnswerRow:
    """One row of an answer: the direct statement, where it came from, its fields and its quotes."""

    headline: str
    query: str
    fields: dict[str, Any]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    score: float = 0.0
    tier: str = "library"

    def as_json(self) -> dict[str, Any]:
        """Return the row for `--format json` (quotes whole, each with its trimmed clause)."""
        fields = {k: v for k, v in self.fields.items() if k != "quotes"}
        return {"answer": self.headline, "query": self.query, "tier": self.tier, "score": round(self.score, 3),
                **fields, "quotes": self.quotes}


def _sources(quotes: list[dict]) -> int:
    return len({q.get("doc") for q in quotes if q.get("doc")})


def _n_sources(n: int, lang: str) -> str:
    if lang == "ar":
        return "مصدر واحد" if n == 1 else f"{n} مصادر"
    return f"{n} source" + ("" if n == 1 else "s")


def certainty_words(cert: str | None, lang: str) -> str:
    """Return how the sources put a fact, in words."""
    pair = CERTAINTY.get(cert or "asserted", (cert or "", cert or ""))
    return pair[1] if lang == "ar" else pair[0]


def _label(row: dict[str, Any], lang: str, *cols: str) -> str:
    if lang == "ar" and row.get("_label_ar"):
        return str(row["_label_ar"])
    if row.get("_label"):
        return str(row["_label"])
    for c in cols:
        if row.get(c) not in (None, "", []):
            v = row[c]
            return ", ".join(map(str, v)) if isinstance(v, list) else str(v)
    return ""


def _verdict(row: dict[str, Any], lang: str) -> str:
    levels = row.get("by_certainty") or [row.get("certainty")]
    if "asserted" in levels:
        word = certainty_words("asserted", lang)
    elif "reported" in levels:
        word = certainty_words("reported", lang)
    else:
        word = certainty_words(next((c for c in levels if c), "asserted"), lang)
    return word


def headline(query: str, row: dict[str, Any], lang: str = "en") -> str:
    """Return the direct one-line answer a row gives, built from its fields."""
    quotes = row.get("quotes") or []
    n = _n_sources(_sources(quotes), lang)
    cert = row.get("certainty")
    if query == "did_happen":
        return f"{_label(row, lang, 'event')}: {_verdict(row, lang)} ({n})"
    if query == "constraints_on":
        return f"{_label(row, lang, 'factor')} ({certainty_words(cert, lang)}, {n})"
    if query == "scenario_factors":
        eff = row.get("effect") or ""
        head = {"strengthen": ("Strengthening factor", "عامل تعزيز"), "weaken": ("Weakening factor", "عامل إضعاف")}.get(eff, (eff, eff))
        return f"{head[1] if lang == 'ar' else head[0]}: {_label(row, lang, 'factor')} ({certainty_words(cert, lang)})"
    if query == "exchanges":
        what = ", ".join(map(str, row.get("what") or []))
        rel = {"gets": ("gets", "يحصل على"), "seeks": ("seeks, not received", "يسعى إليه ولم يتسلمه")}.get(row.get("relation"), ("", ""))
        return f"{row.get('receiver')} {rel[1] if lang == 'ar' else rel[0]} {what} ← {row.get('giver')} ({certainty_words(row.get('status'), lang)}, {n})"
    if query == "indicators":
        return f"{_label(row, lang, 'what')} ({n})" if row.get("_label") else f"{row.get('what')}, {row.get('date') or '?'}: {row.get('value')} {row.get('unit')} ({n})"
    if query == "third_parties":
        return f"{row.get('third_party')}: {row.get('role')} ({len(row.get('facts') or [])} facts, {n})"
    if query == "connection":
        return str(row.get("path") or "")
    if query == "disagreements":
        return f"{row.get('subject')}: the sources differ on {row.get('field')}" if lang == "en" else f"{row.get('subject')}: تختلف المصادر في {row.get('field')}"
    if query == "topics":
        return f"{row.get('topic')}: {row.get('facts')} facts"
    if query == "evidence_for":
        return f"{row.get('node')} ({row.get('kind')}): {len(quotes)} quotes, {n}"
    if query == "stances":
        return f"{_label(row, lang, 'characterization')} ({row.get('polarity')})"
    if query == "passages_search":
        q = quotes[0] if quotes else {}
        return (f"فقرة من {q.get('doc')} #{q.get('passage')} (دون واقعة مستخرجة)" if lang == "ar"
                else f"Passage of {q.get('doc')} #{q.get('passage')} (no extracted fact)")
    text = _label(row, lang, "fact", "event", "agreement", "friction", "factor", "what", "characterization")
    if query == "actor_profile" and row.get("role"):
        text += f" — {row['role']}"
    kind = row.get("kind")
    prefix = ""
    if query in ("entity_facts", "actor_profile") and kind in KIND_WORDS:
        prefix = KIND_WORDS[kind][1 if lang == "ar" else 0] + ": "
    return f"{prefix}{text} ({certainty_words(cert, lang)}, {n})"


def row_text(row: dict[str, Any]) -> str:
    """Return every word a row shows (fields and quotes), for matching names and terms."""
    parts: list[str] = []
    for k, v in row.items():
        if k == "quotes":
            parts += [str(q.get("quote") or "") for q in v or [] if isinstance(q, dict)]
        elif isinstance(v, list):
            parts += [str(x) for x in v if x is not None]
        elif v is not None and not isinstance(v, dict):
            parts.append(str(v))
    return "\n".join(parts)


def _field_values(row: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for k, v in row.items():
        if k == "quotes":
            continue
        for x in v if isinstance(v, list) else [v]:
            if isinstance(x, str):
                out.add(x)
    return out


def entity_coverage(u: Understanding, text: str, row: dict[str, Any] | None = None) -> float:
    """Return the share of the question's named things (not Iran and Russia) that the text names (or the row gives by id)."""
    focus = u.focus
    if not focus:
        return 0.0
    key = " " + " ".join(match_key(text).split()) + " "
    values = _field_values(row or {})
    hit = 0
    for e in focus:
        if e.ref in values or any(v.startswith(e.ref + "_") for v in values):
            hit += 1
            continue
        for n in e.names:
            k = " ".join(match_key(n).split())
            if len(k) >= 3 and (k in key if re.search("[\u0600-\u06ff]", k) else f" {k} " in key or f" {k}," in key):
                hit += 1
                break
    return hit / len(focus)


def term_coverage(u: Understanding, stems: set[str]) -> float:
    """Return the weighted share of the question's search terms found among the text's stems."""
    total = hit = 0.0
    for t in u.terms:
        forms = t.forms or [t.text]
        total += t.weight
        for f in forms:
            fs = text_stems(f)
            if fs and fs <= stems:
                hit += t.weight
                break
    return hit / total if total else 0.0


def rank_quotes(quotes: list[dict], passage_scores: dict[tuple[str, int], float], sources: dict[str, float] | None = None) -> list[dict]:
    """Order a row's quotes: from the documents the question names first, then by the search score of their passage."""
    sources = sources or {}

    def score(q: dict) -> float:
        return sources.get(q.get("doc"), 0.0) + passage_scores.get((q.get("doc"), q.get("passage")), 0.0)

    return sorted(quotes, key=lambda q: -score(q))


def clause_quote(text: str, u: Understanding, extra_names: list[str] = (), limit: int = CLAUSE_MAX) -> str:
    """Return the quote trimmed to the clause that carries the question's names and terms, the clause marked ⟦…⟧.

    Cuts fall between clauses or words, never inside a word; a short quote stays whole.
    """
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    clauses = [c for c in _CLAUSE_SPLIT.split(text) if c]
    wanted = _wanted_stems(u, extra_names)

    def hits(c: str) -> float:
        return sum(wanted[x] for x in text_stems(c) if x in wanted)

    best = max(range(len(clauses)), key=lambda i: (hits(clauses[i]), -i))
    if hits(clauses[best]) <= 0:
        return _cut_words(text, limit) + " …"  # nothing of the question in it: its opening, unmarked
    lo = hi = best
    size = len(clauses[best])
    # widen to the neighbouring clause that carries more of the question, while it fits
    while True:
        left = hits(clauses[lo - 1]) if lo > 0 else -1
        right = hits(clauses[hi + 1]) if hi + 1 < len(clauses) else -1
        pick = lo - 1 if left > right else hi + 1 if right >= 0 else None
        if pick is None or max(left, right) <= 0 or size + len(clauses[pick]) + 1 > limit:
            break
        size += len(clauses[pick]) + 1
        lo, hi = min(lo, pick), max(hi, pick)
    # a short clause reads better with what follows it (then what precedes it), up to about half the room
    while size < limit // 2:
        pick = hi + 1 if hi + 1 < len(clauses) else lo - 1 if lo > 0 else None
        if pick is None or size + len(clauses[pick]) + 1 > limit:
            break
        size += len(clauses[pick]) + 1
        lo, hi = min(lo, pick), max(hi, pick)
    marked = clauses[best]
    if len(marked) > limit:
        marked = _cut_words(marked, limit)
    window = " ".join(clauses[lo:best] + [MARK_OPEN + marked + MARK_CLOSE] + clauses[best + 1 : hi + 1])
    return ("… " if lo > 0 else "") + window + (" …" if hi + 1 < len(clauses) or marked != clauses[best] else "")


def _plain_figure(value: Any) -> str:
    """Return the leading digits of a figure as a document writes them (5000000000 -> "5", 1.3e9 -> "1.3", 96 -> "96")."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    for size in (1e12, 1e9, 1e6):
        if abs(v) >= size:
            v /= size
            break
    return str(int(v)) if v.is_integer() else f"{v:g}"


def _cut_words(text: str, limit: int) -> str:
    cut = text[:limit]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def _wanted_stems(u: Understanding, extra_names: list[str]) -> dict[str, float]:
    """Stems that show where the fact is, weighted: the question's own words first, then the names and the fact's words.

    Iran and Russia are in nearly every clause: they would mark the first clause, not the one carrying the fact.
    """
    out: dict[str, float] = {}

    def add(texts: list[str], weight: float) -> None:
        for text in texts:
            for st in text_stems(text):
                if len(st) >= 2:
                    out[st] = max(out.get(st, 0.0), weight)

    for t in u.terms:
        add(t.forms or [t.text], 2.0)
    for e in u.focus:
        add(e.names[:6], 1.0)
    add(list(extra_names), 1.0)
    return out


# weights of the ranking: what the question is about outweighs what kind of answer it asked for
W_SEARCH, W_TERMS, W_ENTITIES, W_SOURCE = 1.0, 0.5, 0.4, 0.5
INTENT_BONUS = (0.45, 0.35, 0.3)
PASSAGE_FACTOR = 0.9  # a passage without an extracted fact is the last resort: it must carry more of the question
SUBGRAPH_BONUS = 0.1


def passage_scores(answer: Any) -> dict[tuple[str, int], float]:
    """Return the passage search's scores by (document, passage index), the best scaled to 1."""
    if answer is None or not answer.rows:
        return {}
    top = max(float(r.get("score") or 0.0) for r in answer.rows) or 1.0
    out = {}
    for r in answer.rows:
        q = (r.get("quotes") or [{}])[0]
        out[(q.get("doc"), q.get("passage"))] = float(r.get("score") or 0.0) / top
    return out


def intent_bonus(rank: int, route_score: float) -> float:
    """Return how much answering the kind of question asked is worth: by the intent's rank and how surely it was routed."""
    sure = min(1.0, max(0.2, (route_score - 45.0) / 45.0))
    return INTENT_BONUS[min(rank, len(INTENT_BONUS) - 1)] * sure


def build_rows(ran: list[tuple[Any, str, int, float]], u: Understanding, lang: str, generic: bool = False,
               sources: dict[str, float] | None = None) -> list[AnswerRow]:
    """Return the rows of every query that ran as answer rows, ranked by how much of the question each carries."""
    search = next((a for a, tier, *_ in ran if tier == "passages"), None)
    scores = passage_scores(search)
    sources = sources or {}
    rows: list[AnswerRow] = []
    for answer, tier, rank, route_score in ran:
        if generic and tier != "library":
            continue  # a list question ("timeline of the relations") is answered by its list alone
        for i, r in enumerate(answer.rows):
            quotes = [dict(q) for q in r.get("quotes") or [] if isinstance(q, dict) and q.get("quote")]
            if tier != "passages":  # a passage's own sentence stays first, its context after it
                quotes = rank_quotes(quotes, scores, sources)
            text = row_text({**r, "quotes": quotes[:SHOW_QUOTES]})
            stems = text_stems(text)
            found = max((scores.get((q.get("doc"), q.get("passage")), 0.0) for q in quotes[:SHOW_QUOTES]), default=0.0)
            named = max((sources.get(q.get("doc"), 0.0) for q in quotes[:SHOW_QUOTES]), default=0.0)
            relevance = (W_SEARCH * found ** 2 + W_TERMS * term_coverage(u, stems) + W_ENTITIES * entity_coverage(u, text, r)
                         + W_SOURCE * named)
            if tier == "library":
                bonus = intent_bonus(rank, route_score)
            elif tier == "entities":
                bonus = SUBGRAPH_BONUS + 0.05 * min(int(r.get("matched") or 1) - 1, 3)
            else:
                bonus = 0.0
            if tier == "passages":
                relevance *= PASSAGE_FACTOR
            score = bonus - i * 1e-4 if generic else relevance + bonus
            names = [str(v) for k, v in r.items() if k in ("fact", "event", "factor", "what", "agreement", "friction") and v]
            names += [_plain_figure(r.get("value"))] if r.get("value") is not None else []
            for q in quotes:
                q["clause"] = clause_quote(q["quote"], u, names)
            rows.append(AnswerRow(headline(answer.query or "", r, lang), answer.query or "", r, quotes, score, tier))
    rows.sort(key=lambda x: -x.score)
    return _dedupe(rows)


def _dedupe(rows: list[AnswerRow]) -> list[AnswerRow]:
    """Drop a row that repeats one above it: the same fact from two queries, a passage already quoted."""
    seen_facts: set[str] = set()
    shown: set[tuple[str, int]] = set()
    out = []
    for r in rows:
        ids = {str(i) for i in r.fields.get("_ids") or [] if i}
        if ids and ids <= seen_facts:
            continue
        if r.tier == "passages" and r.quotes and (r.quotes[0].get("doc"), r.quotes[0].get("passage")) in shown:
            continue
        seen_facts |= ids
        shown |= {(q.get("doc"), q.get("passage")) for q in r.quotes[:SHOW_QUOTES]}
        out.append(r)
    return out
