"""The number grammar's vocabulary (dictionaries/cues_numbers.yaml) as lookup tables over grammar tokens.

Tokens are digit groups, letter runs and single signs of the match key; multi-word entries
("في المئة", "more than", "cubic metres") are indexed by their first token, longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from irkg.loaders.arabic import match_key

# «75ر19»: some Arabic wires (KUNA, SPA) write 19.75 as its fraction, «ر», then its whole part
TOKEN = re.compile(r"\d+ر\d+(?![^\W\d_])|\d+(?:[.,،\u066b\u066c]\d+)*|[^\W\d_]+|\S")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def parse_digits(s: str, before_scale: bool = False) -> float | None:
    """Read `1,300`, `2,5`, `2.5`, `1.300.000`, `75ر19` or Arabic separators as a float."""
    if "ر" in s:
        fraction, whole = s.split("ر")
        s = f"{whole}.{fraction}"
    s = s.replace("\u066b", ".").replace("\u066c", ",").replace("،", ",")
    if "," in s and "." in s:
        s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        thousands = all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3
        if thousands and not before_scale:
            s = s.replace(",", "")
        elif len(parts) == 2:
            s = s.replace(",", ".")  # "2,5" and "1,3 مليار": a decimal comma
        else:
            return None
    elif re.fullmatch(r"[1-9]\d{0,2}\.000", s) and not before_scale:
        s = s.replace(".", "")  # "370.000 barrels": a thousands dot (no one writes three zero decimals)
    elif s.count(".") > 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            s = s.replace(".", "")
        else:
            return None  # "18.02.2026": a date
    try:
        return float(s)
    except ValueError:
        return None


def tokens_of(text: str) -> tuple[str, ...]:
    """Split a (match-key) string into the grammar's tokens."""
    return tuple(m.group() for m in TOKEN.finditer(text))


Phrases = dict[str, list[tuple[tuple[str, ...], object]]]


def _phrases(entries: dict) -> Phrases:
    """Index multi-word entries by their first token, longest first."""
    out: Phrases = {}
    for raw, value in entries.items():
        toks = tokens_of(match_key(str(raw)))
        if toks:
            out.setdefault(toks[0], []).append((toks, value))
    for v in out.values():
        v.sort(key=lambda e: -len(e[0]))
    return out


def _keyed(d: dict) -> dict:
    return {match_key(str(k)): v for k, v in (d or {}).items()}


def _dual_forms(word: str) -> list[str]:
    """Return the dual forms of an Arabic singular noun (match key): مفاعل -> مفاعلين; مدمرة -> مدمرتان، مدمرتين.

    A masculine nominative in -ان is left out: it is as often a name (طالبان، عثمان) as a dual.
    """
    if not _ARABIC.match(word) or " " in word or len(word) < 3:
        return []
    if word.endswith("ه"):
        return [word[:-1] + "تان", word[:-1] + "تين"]
    return [word + "ين"]


@dataclass
class NumberLexicon:
    """The tables of cues_numbers.yaml, keyed by match key."""

    words: dict[str, float]
    article_one: set[str]
    hundreds: set[str]
    scales: dict[str, float]
    money_scales: dict[str, float]
    plural_scales: set[str]
    duals: dict[str, float]
    fractions: Phrases
    fraction_words: set[str]
    halves: Phrases
    halved: Phrases
    doubled: Phrases
    vague: Phrases
    ordinals: dict[str, int]
    ordinal_suffixes: set[str]
    teen_words: set[str]
    multiples: dict[str, float]
    percent: Phrases
    points: Phrases
    prefix_units: Phrases
    qualifiers: Phrases
    qualifiers_after: Phrases
    range_open: Phrases
    range_join: Phrases
    change_before: set[str]
    rates: Phrases
    units: Phrases
    unit_duals: dict[str, str]
    one_before: set[tuple[str, ...]]
    one_units: set[str]
    ambiguous_durations: dict[str, str]
    time_prepositions: set[tuple[str, ...]]
    currency_qualifiers: dict[str, str]
    counted: Phrases
    counted_words: dict[str, str]
    counted_duals: dict[str, str]
    pair_units: set[str]
    series_words: dict[str, str]
    modifier_stops: set[str]
    starters: set[str] = field(default_factory=set)

    def stems(self, w: str) -> list[tuple[str, bool]]:
        return _stems(w)


@lru_cache(maxsize=1 << 16)
def _stems(w: str) -> list[tuple[str, bool]]:
    """Return the word and its forms without proclitics (و ف ب ل ك ال لل), each with whether it had ال."""
    out = [(w, False)]
    if not _ARABIC.match(w) or len(w) < 3:
        return out
    rest = [w]
    if w[0] in "وف" and len(w) > 3:
        rest.append(w[1:])
    for r in list(rest):
        if r[0] in "بلك" and len(r) > 3:
            rest.append(r[1:])
            if r.startswith("لل") and len(r) > 4:
                rest.append("ال" + r[2:])
    for r in rest[1:]:
        out.append((r, False))
    for r in rest:
        if r.startswith("ال") and len(r) > 3:
            out.append((r[2:], True))
    seen, uniq = set(), []
    for f in out:
        if f[0] not in seen:
            seen.add(f[0])
            uniq.append(f)
    return uniq


def compile_lexicon(data: dict) -> NumberLexicon:
    """Build the grammar's lookup tables from the parsed cues_numbers.yaml."""
    counted_entries, counted_duals = {}, {}
    for unit, spec in (data.get("counted") or {}).items():
        forms = [match_key(f) for f in spec["forms"]]
        for f in forms:
            counted_entries[f] = unit
        if spec.get("dual", True):
            for f in forms:
                for d in _dual_forms(f):
                    if d not in forms:
                        counted_duals[d] = unit
    series_entries = {match_key(f): noun for noun, forms in (data.get("series") or {}).items() for f in forms}
    fractions = _keyed(data["fractions"])
    lex = NumberLexicon(
        words=_keyed(data["words"]),
        article_one={match_key(w) for w in data.get("article_one", [])},
        hundreds={match_key(w) for w in data.get("hundreds", [])},
        scales=_keyed(data["scales"]),
        money_scales=_keyed(data.get("money_scales")),
        plural_scales={match_key(w) for w in data.get("plural_scales", [])},
        duals=_keyed(data["duals"]),
        fractions=_phrases(fractions),
        fraction_words={k for k in fractions if " " not in k and "-" not in k},
        halves=_phrases(data.get("halves") or {}),
        halved=_phrases({w: True for w in data.get("halved", [])}),
        doubled=_phrases({w: True for w in data.get("doubled", [])}),
        vague=_phrases({k: tuple(v) for k, v in (data.get("vague") or {}).items()}),
        ordinals=_keyed(data.get("ordinals")),
        ordinal_suffixes=set(data.get("ordinal_suffixes", [])),
        teen_words={match_key(w) for w in data.get("ordinal_teens", [])},
        multiples=_keyed(data.get("multiples")),
        percent=_phrases({p: True for p in data["percent"]}),
        points=_phrases({p: True for p in data.get("percentage_points", [])}),
        prefix_units=_phrases(data.get("prefix_units") or {}),
        qualifiers=_phrases(data.get("qualifiers") or {}),
        qualifiers_after=_phrases(data.get("qualifiers_after") or {}),
        range_open=_phrases({w: True for w in data.get("range_open", [])}),
        range_join=_phrases({w: True for w in data.get("range_join", [])}),
        change_before={match_key(w) for w in data.get("change_before", [])},
        rates=_phrases(data.get("rates") or {}),
        units=_phrases(data["units"]),
        unit_duals=_keyed(data.get("unit_duals")),
        one_before={tokens_of(match_key(w)) for w in data.get("one_before", [])},
        one_units={match_key(w) for w in data.get("one_units", [])},
        ambiguous_durations=_keyed(data.get("ambiguous_durations")),
        time_prepositions={tokens_of(match_key(w)) for w in data.get("time_prepositions", [])},
        currency_qualifiers=_keyed(data.get("currency_qualifiers")),
        counted=_phrases({k: v for k, v in counted_entries.items() if len(tokens_of(k)) > 1}),
        counted_words={k: v for k, v in counted_entries.items() if len(tokens_of(k)) == 1},
        counted_duals=counted_duals,
        pair_units={u for u, spec in (data.get("counted") or {}).items() if not spec.get("dual", True)},
        series_words=series_entries,
        modifier_stops={match_key(w) for w in data.get("modifier_stops", [])},
    )
    lex.starters = (set(lex.words) | set(lex.scales) | set(lex.duals) | lex.fraction_words | set(lex.ordinals)
                    | set(lex.multiples) | set(lex.unit_duals) | set(counted_duals) | lex.one_units
                    | lex.article_one | set(lex.fractions) | set(lex.halved) | set(lex.doubled) | set(lex.vague)
                    | set(lex.qualifiers) | set(lex.range_open) | set(lex.prefix_units) | {"من", "%", "٪"})
    return lex
