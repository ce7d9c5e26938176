"""Read Arabic quantities: digits, Arabic-Indic digits, number words, scales, percents and units.

Spans are offsets into the text given (display text, diacritics kept); matching runs on
the match key, so spurious shadda or tatweel inside a number word do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from irkg.loaders.arabic import match_key, match_key_aligned
from irkg.loaders.extract_lexicon import read_yaml

CUES_FILE = Path(__file__).parent / "dictionaries" / "cues_numbers.yaml"
_CLITIC = r"(?:[وف]?(?:ب|ل|ك)?(?:ال)?)"
_DIGIT = re.compile(r"\d")
_PLURAL_SCALES = ("ملايين", "مليارات", "الاف", "الوف")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its unit when one follows."""

    start: int
    end: int
    surface: str
    value: float
    unit: str | None
    kind: str  # money | percent | quantity | duration | count | number

    @property
    def has_unit(self) -> bool:
        return self.unit is not None


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern
    words: dict[str, float]
    scales: dict[str, float]
    duals: dict[str, float]
    units: dict[str, dict]
    qualifiers: dict[str, str]
    currencies: dict[str, str]
    prefixes: dict[str, str]
    wordish: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_number_lexicon(path: Path = CUES_FILE) -> _Lexicon:
    """Load number words, scales and units from YAML and compile the quantity pattern."""
    data = read_yaml(path)
    words = {match_key(k): float(v) for k, v in data["words"].items()}
    scales = {match_key(k): float(v) for k, v in data["scales"].items()}
    duals = {match_key(k): float(v) for k, v in data["duals"].items()}
    units = {match_key(k): v for k, v in data["units"].items()}
    quals = {match_key(k): v for k, v in data["unit_qualifiers"].items()}
    currencies = {match_key(k): v for k, v in data["currency_qualifiers"].items()}
    halves = [match_key(h) for h in data["halves"]] + [match_key(q) for q in data["quarters"]]
    pct = [match_key(p) for p in data["percent"]]
    prefixes = {match_key(k): v for k, v in (data.get("prefix_units") or {}).items()}
    wordish = re.compile(_alternation(list(words) + list(scales) + list(duals)))
    word = rf"(?:[وف]?[بل]?(?:ال)?)(?:{_alternation(words)})(?!\w)"
    number = rf"(?:\d+(?:[.,\u066b\u066c]\d+)*|{word}(?:\s+و{word})?)"
    pattern = re.compile(
        rf"(?<![\w.,])(?:"
        rf"(?:(?P<pre>{_alternation(prefixes)})\s?)?(?P<num>{number})"
        rf"(?:\s*(?P<scale>(?:ال)?(?:{_alternation(scales)}))(?!\w))?"
        rf"|(?P<dual>{_CLITIC}(?:{_alternation(duals)}))(?!\w)"
        rf"|(?P<bare>{_CLITIC}(?:{_alternation(scales)}))(?!\w)"
        rf")"
        rf"(?:\s+(?P<half>{_alternation(halves)})(?!\w))?"
        rf"(?:\s*(?P<pct>{_alternation(pct)}))?"
        rf"(?:(?:\s+|-)(?P<unit>(?:ال)?(?:{_alternation(units)}))(?!\w))?"
        rf"(?:\s+(?P<cur>{_alternation(currencies)})(?!\w))?"
        rf"(?:(?:\s+من\s+\w+)?\s+(?P<qual>{_alternation(quals)})(?!\w))?"
    )
    return _Lexicon(pattern, words, scales, duals, units, quals, currencies, prefixes, wordish)


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _entry(table: dict, w: str):
    """Look a scale or unit up as written, then without the article ("آلاف" keeps its alef)."""
    return table[w] if w in table else table[_strip_al(w)]


def parse_digits(s: str, before_scale: bool = False) -> float | None:
    """Read `1,300`, `2,5`, `2.5`, `1.300.000` or Arabic separators as a float."""
    s = s.replace("\u066b", ".").replace("\u066c", "")
    if "," in s and "." in s:
        s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        thousands = all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3
        s = s.replace(",", "" if thousands and not before_scale else ".", 1 if not thousands else -1)
        if s.count(".") > 1:
            return None
    elif s.count(".") > 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            s = s.replace(".", "")
        else:
            return None
    try:
        return float(s)
    except ValueError:
        return None


def _word_value(s: str, lex: _Lexicon) -> float | None:
    total = 0.0
    for part in re.split(r"\s+و", s):
        part = part.strip()
        v = lex.words.get(_strip_al(part))
        while v is None and part[:1] and part[0] in "وفبل":
            part = part[1:]
            v = lex.words.get(_strip_al(part))
        if v is None:
            return None
        total += v
    return total


def find_quantities(text: str, aligned: tuple | None = None) -> list[Quantity]:
    """Return every quantity in `text`, left to right, with offsets into `text` (`aligned`: its key and positions)."""
    lex = load_number_lexicon()
    if aligned is None:
        aligned = match_key_aligned(text)
    key, pos = aligned
    if not _DIGIT.search(key) and not lex.wordish.search(key):
        return []
    out: list[Quantity] = []
    for m in lex.pattern.finditer(key):
        scale = m.group("scale")
        if m.group("bare"):
            if not (m.group("half") or m.group("unit")) or m.group("bare").endswith(_PLURAL_SCALES):
                continue  # "ملايين" alone is no figure
            scale = re.sub(r"^[وف]?[بلك]?", "", m.group("bare"))
            scale = scale if scale in lex.scales else _strip_al(scale)
            if scale not in lex.scales:
                continue
            value = lex.scales[scale]
        elif m.group("dual"):
            d = m.group("dual")
            base = next((v for w, v in lex.duals.items() if d.endswith(w)), None)
            if base is None:
                continue
            value = base
        else:
            raw = m.group("num")
            is_word = not raw[0].isdigit()
            value = _word_value(raw, lex) if is_word else parse_digits(raw, bool(scale))
            if value is None:
                continue
            if scale:
                value *= _entry(lex.scales, scale)
            elif is_word and not (m.group("unit") or m.group("pct")):
                continue  # a bare number word is rarely a quantity
        if m.group("half"):
            frac = 0.25 if m.group("half").endswith("ربع") else 0.5
            value += frac * (_entry(lex.scales, scale) if scale else (value if m.group("dual") else 1))
        unit, kind = None, "number"
        if m.group("pct"):
            unit, kind = "percent", "percent"
        elif m.group("pre") and m.group("num"):
            unit, kind = lex.prefixes[m.group("pre")], "money"
        elif m.group("unit"):
            u = _entry(lex.units, m.group("unit"))
            unit, kind = u["unit"], u["kind"]
            if m.group("cur") and kind == "money":
                unit = lex.currencies[m.group("cur")]
            if m.group("qual"):
                unit = f"{unit} {lex.qualifiers[m.group('qual')]}"
        end = m.end()
        if not (m.group("qual") and m.group("unit")):
            end = max(e for e in (m.end("num"), m.end("dual"), m.end("bare"), m.end("scale"), m.end("half"),
                                  m.end("pct"), m.end("unit"), m.end("cur")) if e != -1)
        s, e = pos[m.start()], pos[end - 1] + 1
        if m.group("pre") and m.group("num"):
            s = pos[m.start("pre")]
        out.append(Quantity(s, e, text[s:e], value, unit, kind))
    return out


def is_year(q: Quantity) -> bool:
    """Tell whether a bare number looks like a year (1800-2100)."""
    return q.kind == "number" and q.value.is_integer() and 1800 <= q.value <= 2100
