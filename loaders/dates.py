"""Find dates in Arabic and English text: month names of both calendars, years, ranges,
decades, spans, weekdays and relative expressions, resolved against the publication date.

Patterns run on the match key (unified letters, ASCII digits), so spelling variants and
Arabic-Indic digits need no special cases; spans map back to the display text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from irkg.errors import InputError
from irkg.loaders.arabic import match_key, match_key_aligned
from irkg.loaders.extract_lexicon import read_yaml
from irkg.schema.pipeline import Mention, MentionKind

DATES_YAML = Path(__file__).resolve().parent / "dictionaries" / "dates.yaml"

YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
OLD_YEAR = r"(?:1[5-9]\d\d|20\d\d|2100)"
Words = list[str]


class CalendarFile(BaseModel):
    """The shape of dates.yaml."""

    months: dict[int, Words]
    ambiguous: Words
    weekdays: dict[int, Words]
    relative: dict[str, dict[int, Words]]
    decades: dict[int, Words]
    centuries: dict[int, Words]
    century_names: dict[int, Words]
    parts: dict[str, Words]
    grammar: dict[str, Words]
    numbers: dict[int, Words]
    quarters: dict[str, Words]
    ordinal_days: dict[int, Words] = {}
    month_preps: Words = []


def read_calendar_file(path: Path = DATES_YAML) -> CalendarFile:
    """Read and validate dates.yaml."""
    data = read_yaml(path)  # malformed YAML fails there, naming the file
    try:
        return CalendarFile.model_validate(data)
    except ValidationError as e:
        raise InputError(f"{path.name}: invalid calendar file ({str(e).splitlines()[0]}); fix the YAML") from e


@dataclass
class Calendar:
    """Month, weekday and relative-word tables, compiled into regexes over the match key."""

    month_of: dict[str, int] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    weekday_of: dict[str, int] = field(default_factory=dict)
    relative: dict[str, tuple[str, int]] = field(default_factory=dict)
    suffix_of: dict[str, int] = field(default_factory=dict)
    decade_of: dict[str, int] = field(default_factory=dict)
    century_of: dict[str, int] = field(default_factory=dict)
    century_name_of: dict[str, int] = field(default_factory=dict)
    part_of: dict[str, str] = field(default_factory=dict)
    number_of: dict[str, int] = field(default_factory=dict)
    quarter_of: dict[str, tuple[int, int]] = field(default_factory=dict)
    ordday_of: dict[str, int] = field(default_factory=dict)
    today_not_after: set[str] = field(default_factory=set)
    number_nouns: set[str] = field(default_factory=set)
    month_prep: re.Pattern = re.compile("(?!)")  # a word before a bare ambiguous month that makes it one ("in May")
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)
    words: re.Pattern = re.compile("(?!)")  # any calendar word: passages without one or a digit are skipped


def _alt(words) -> str:
    """Return a regex alternation of words, longest first, whitespace-tolerant."""
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ws) + ")"


def _norm(word: str) -> str:
    return " ".join(match_key(str(word)).split())


@functools.lru_cache(maxsize=1)
def calendar() -> Calendar:
    """Load dates.yaml and compile the date patterns (once per process)."""
    data = read_calendar_file().model_dump()
    c = Calendar()
    for m, names in data["months"].items():
        for n in names:
            c.month_of[_norm(n)] = int(m)
    c.ambiguous = {_norm(n) for n in data["ambiguous"]}
    if data["month_preps"]:
        c.month_prep = re.compile(r"(?:^|[\s(])[وف]?" + _alt(_norm(w) for w in data["month_preps"]) + r"(?:\s+|-)$")
    for d, names in data["weekdays"].items():
        for n in names:
            c.weekday_of[_norm(n)] = int(d)
    for unit in ("year", "month", "day"):
        for off, names in data["relative"][unit].items():
            for n in names:
                c.relative[_norm(n)] = (unit, int(off))
    for off, names in data["relative"]["month_suffix"].items():
        for n in names:
            c.suffix_of[_norm(n)] = int(off)
    for tens, names in data["decades"].items():
        for n in names:
            c.decade_of[_norm(n)] = int(tens)
    for base, names in data["centuries"].items():
        for n in names:
            c.century_of[_norm(n)] = int(base)
    for base, names in data["century_names"].items():
        for n in names:
            c.century_name_of[_norm(n)] = int(base)
    for part, names in data["parts"].items():
        for n in names:
            c.part_of[_norm(n)] = part
    for num, names in data["numbers"].items():
        for n in names:
            c.number_of[_norm(n)] = int(num)
    for num, names in (data.get("ordinal_days") or {}).items():
        for n in names:
            c.ordday_of[_norm(n)] = int(num)
    for rng, names in data["quarters"].items():
        a, b = (int(x) for x in str(rng).split("-"))
        for n in names:
            c.quarter_of[_norm(n)] = (a, b)

    w = {k: _alt(_norm(x) for x in v) for k, v in data["grammar"].items()}
    year_word = rf"(?:{w['year_words']}\s+)"
    # units and signs after a number that make it an amount, not a year
    amount = rf"\s*{w['amount_units']}(?![a-z\u0621-\u064a])"
    B = r"(?<![\w])"  # no letter or digit before
    E = r"(?![\w])"
    month = _alt(c.month_of)
    mon1 = rf"(?P<m1>{month})"
    month_en = _alt(m for m in c.month_of if m.isascii())  # "March 4, 2018" is English word order only
    # «أيلول (سبتمبر)», «آذار/مارس», «12 آذار مارس»: the month in both calendars
    dual = rf"(?:(?:\s*[/(]\s*|\s+(?=[\u0621-\u064a]))(?P<m2>{month})\s*\)?)?"
    clit = r"(?P<clit>[وفبل])?"
    of = rf"(?:{w['of_words']}\s+)"
    ce = rf"(?:\s*{w['ce_markers']}{E})?"
    year_tail = rf"(?:\s*[,،]?\s*{of}?{year_word}?(?P<y>{OLD_YEAR}){ce})"
    day_word = rf"(?:{w['day_words']}\s+)"
    wday = rf"(?:{day_word}?(?P<wd>{_alt(c.weekday_of)})\s*[,،]?\s*(?:{w['day_glue']}\s+)?)?"
    count = _alt(c.number_of)
    c.words = re.compile(_alt([*c.month_of, *c.weekday_of, *c.relative, *c.decade_of, "first",
                               *(_norm(x) for x in data["grammar"]["century_words"])]))
    p = c.patterns
    p.append(("range", re.compile(
        rf"{B}(?:{w['range_starts']}\s+)?{year_word}?\(?\s*(?P<y1>{OLD_YEAR})\s*(?:[-–—/]|{w['range_joins']})\s*"
        rf"{year_word}?(?P<y2>{OLD_YEAR})\s*\)?(?![\d])")))
    p.append(("span", re.compile(
        rf"{B}{w['months_plural']}\s+(?P<n>{count})\s+{w['first_plural']}\s+{of}?{year_word}?(?P<y>{YEAR}){E}"
        rf"|{B}{w['first_words']}\s+(?P<n2>{count})\s+{w['months_plural']}\s+{of}?{year_word}?(?P<y2>{YEAR}){E}"
        rf"|{B}(?:the\s+)?first\s+(?P<n3>{count})\s+months\s+of\s+(?P<y3>{YEAR}){E}")))
    p.append(("quarter", re.compile(
        rf"{B}(?:the\s+)?(?P<q>{_alt(c.quarter_of)})\s+{of}?{year_word}?(?P<y>{YEAR}){E}")))
    p.append(("day_month", re.compile(
        rf"{B}{wday}(?P<d>[0-3]?\d)(?:(?:st|nd|rd|th),?)?\s*{of}?{clit}{mon1}{dual}{year_tail}?{E}")))
    if c.ordday_of:
        p.append(("ordday_month", re.compile(
            rf"{B}{wday}(?P<od>{_alt(c.ordday_of)})\s+{of}?{clit}{mon1}{dual}{year_tail}?{E}")))
    p.append(("month_day", re.compile(
        rf"{B}(?P<m1>{month_en})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y>{OLD_YEAR}))?{E}")))
    p.append(("month_year", re.compile(rf"{B}{clit}{mon1}{dual}{year_tail}{E}")))
    # "February last year", «فبراير من العام الماضي»: the month of the year the relative phrase names
    year_rel = [r for r, (unit, _) in c.relative.items() if unit == "year"]
    p.append(("month_yrel", re.compile(rf"{B}{clit}{mon1}{dual}\s+(?:of\s+|من\s+)?(?P<yrel>{_alt(year_rel)}){E}")))
    p.append(("month_rel", re.compile(rf"{B}{clit}{mon1}{dual}\s+(?P<suf>{_alt(c.suffix_of)}){E}")))
    p.append(("month_rel_en", re.compile(rf"{B}(?P<suf>last|next)\s+{mon1}{E}")))
    p.append(("month", re.compile(rf"{B}{clit}{mon1}{dual}{E}")))
    p.append(("decade", re.compile(
        rf"{B}(?:ال)?(?P<dec>{_alt(c.decade_of)})(?:يات|ات){E}(?:\s+{of}?(?P<cent>{_alt(c.century_of)}){E})?"
        rf"|{B}(?:the\s+)?(?P<y4>(?:1[5-9]|20)\d0)['’]?s{E}")))
    p.append(("part", re.compile(
        rf"{B}(?P<part>{_alt(c.part_of)})[\s\-]+{of}?{year_word}?(?P<y>{YEAR}){E}(?!{amount})")))
    p.append(("century", re.compile(rf"{B}(?P<cn>{_alt(c.century_name_of)}){E}")))
    p.append(("hijri", re.compile(rf"{B}{year_word}?(?P<h>1[34]\d\d)\s*{w['hijri_markers']}{E}")))
    # «يتوجه لافروف اليوم إلى طهران»: «اليوم» as an adverb (before a preposition, «أن» or a stop) is today; elsewhere it
    # is "the day" («اليوم الوطني», «في اليوم التالي»)
    c.today_not_after = {_norm(x) for x in data["grammar"].get("today_not_after", [])}
    c.number_nouns = {_norm(x) for x in data["grammar"].get("number_nouns", [])}
    if data["grammar"].get("today_words"):
        p.append(("today", re.compile(rf"{B}(?P<clit>[و])?(?P<today>{w['today_words']})(?=\s*(?:[،,.؛:]|$|(?:{w['today_before']}){E}))")))
        c.words = re.compile(c.words.pattern[:-1] + "|" + w["today_words"] + ")")
    p.append(("relative", re.compile(rf"{B}(?P<clit>[وفبل])?(?P<rel>{_alt(c.relative)}){E}"
                                     rf"(?:\s*[,،]?\s*(?:{w['day_words']}\s+)?(?P<wd>{_alt(c.weekday_of)}){E})?")))
    # «يوم الاثنين المقبل», "next Monday": the first such weekday after the text was written
    p.append(("weekday", re.compile(rf"{B}(?:(?P<pre>next|last)\s+)?(?P<clit>[وفبل])?{day_word}?(?P<wd>{_alt(c.weekday_of)}){E}"
                                    rf"(?:\s+(?P<suf>{_alt([k for k in c.suffix_of if not k.isascii()])}){E})?")))
    p.append(("year", re.compile(
        rf"(?:{year_word}(?P<yo>{OLD_YEAR})|(?<![\d.,٫/$€])(?:\d{{1,2}}\.)?(?P<y>{YEAR}))"
        rf"{ce}(?![\d])(?!{amount})(?![.,]\d)")))
    return c


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """Split an ISO partial date into (year, month, day), None where unknown."""
    if not published:
        return None, None, None
    parts = [int(x) for x in re.findall(r"\d+", str(published))[:3]]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _shift_month(y: int, m: int, off: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + off
    return n // 12, n % 12 + 1


def resolve_relative(unit: str, off: int, pub: tuple) -> str | None:
    """Return the ISO partial date `off` units from the publication date, or None."""
    y, m, d = pub
    if unit == "year" and y:
        return _iso(y + off)
    if unit == "month" and y and m:
        return _iso(*_shift_month(y, m, off))
    if unit == "day" and y and m and d:
        day = dt.date(y, m, d) + dt.timedelta(days=off)
        return _iso(day.year, day.month, day.day)
    return None


def _month_with_suffix(month: int, off: int, pub: tuple) -> str | None:
    """Return 'March last' as the most recent March before the publication month."""
    y, m, _ = pub
    if not (y and m):
        return None
    if off < 0:
        return _iso(y if month < m else y - 1, month)
    if off > 0:
        return _iso(y if month > m else y + 1, month)
    return _iso(y, month)


def _weekday_date(wd: int, pub: tuple, off: int = 0) -> str | None:
    """Return the latest date with weekday `wd` on or before the publication date; with `off` 1 the first one after
    it ("next Monday"), with -1 the last one before it ("last Monday")."""
    y, m, d = pub
    if not (y and m and d):
        return None
    day = dt.date(y, m, d)
    if off > 0:
        day += dt.timedelta(days=(wd - day.weekday()) % 7 or 7)
    else:
        day -= dt.timedelta(days=(day.weekday() - wd) % 7 or (7 if off < 0 else 0))
    return _iso(day.year, day.month, day.day)


_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = frozenset({"range", "span", "quarter", "day_month", "month_day", "month_year", "hijri", "year", "part"})


def _month(c: Calendar, g: str | None) -> int | None:
    return c.month_of.get(" ".join(g.split())) if g else None


def _build(kind: str, mt: re.Match, c: Calendar, pub: tuple) -> tuple[str | None, list[str]] | None:
    """Return (value, flags) for one pattern match, or None to reject it."""
    g = mt.groupdict()
    flags: list[str] = []
    m1, m2 = _month(c, g.get("m1")), _month(c, g.get("m2"))
    if m1 and m2 and m1 != m2:
        flags.append("inconsistent")
    if kind == "range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 150:
            return None
        return _iso(y1), ["range", f"end={y2}"]
    if kind == "span":
        n = c.number_of[" ".join((g["n"] or g["n2"] or g["n3"]).split())]
        y = int(g["y"] or g["y2"] or g["y3"])
        return _iso(y, 1), ["span", f"end={_iso(y, n)}"]
    if kind == "quarter":
        a, b = c.quarter_of[" ".join(g["q"].split())]
        y = int(g["y"])
        return _iso(y, a), ["span", f"end={_iso(y, b)}"]
    if kind in ("day_month", "month_day", "ordday_month"):
        d = c.ordday_of[" ".join(g["od"].split())] if kind == "ordday_month" else int(g["d"])
        if not 1 <= d <= 31:
            return None
        if g.get("y"):
            return _iso(int(g["y"]), m1, d), flags
        if g.get("wd"):
            flags.append("weekday")
        y = pub[0]
        flags += ["partial", f"month={m1:02d}", f"day={d:02d}"] if not y else ["year_inferred"]
        return _iso(y, m1, d), flags
    if kind == "month_year":
        return _iso(int(g["y"]), m1), flags
    if kind == "month_yrel":
        _, off = c.relative[" ".join(g["yrel"].split())]
        flags.append("relative")
        if pub[0] is None:
            return None, flags + ["partial", f"month={m1:02d}"]
        return _iso(pub[0] + off, m1), flags
    if kind in ("month_rel", "month_rel_en"):
        off = c.suffix_of.get(" ".join(g["suf"].split()), -1 if g["suf"] == "last" else 1)
        value = _month_with_suffix(m1, off, pub)
        flags.append("relative")
        if value is None:
            flags += ["partial", f"month={m1:02d}"]
        return value, flags
    if kind == "month":
        key = " ".join(g["m1"].split())
        if key in c.ambiguous and not m2 and not c.month_prep.search(mt.string, max(0, mt.start("m1") - 16), mt.start("m1")):
            return None  # "may", «مارس» alone are ordinary words; "in May", «في مارس» are months
        if pub[0]:
            # the publication year; past or future is the sentence's business (flagged)
            return _iso(pub[0], m1), flags + ["year_inferred"]
        return None, flags + ["partial", f"month={m1:02d}"]
    if kind == "decade":
        if g.get("y4"):
            y = int(g["y4"])
            return _iso(y), ["decade", f"end={y + 9}"]
        base = c.century_of.get(" ".join((g.get("cent") or "").split()), 1900)
        y = base + 10 * c.decade_of[" ".join(g["dec"].split())]
        if not g.get("cent"):
            flags.append("century_assumed")
        return _iso(y), ["decade", f"end={y + 9}", *flags]
    if kind == "part":
        return _iso(int(g["y"])), [f"part={c.part_of[' '.join(g['part'].split())]}"]
    if kind == "century":
        y = c.century_name_of[" ".join(g["cn"].split())]
        return _iso(y), ["century", f"end={y + 99}"]
    if kind == "hijri":
        h = int(g["h"])
        return _iso(int(h * 0.970229 + 621.5643)), ["hijri", f"hijri={h}", "approximate"]
    if kind == "relative":
        unit, off = c.relative[" ".join(g["rel"].split())]
        value = resolve_relative(unit, off, pub)
        # "tomorrow", «الأسبوع المقبل»: still to come when the text was written, known even without its date
        return value, ["relative"] + ([] if value else ["partial"]) + (["future"] if off > 0 else [])
    if kind == "today":
        before = mt.string[max(0, mt.start() - 12):mt.start()].split()
        if before and (before[-1] in c.today_not_after or before[-1][:1] in "وف" and before[-1][1:] in c.today_not_after):
            return None  # «حتى اليوم», «منذ ذلك اليوم», «في اليوم»: a span or a day, not today's date
        value = resolve_relative("day", 0, pub)
        return value, ["relative"] + ([] if value else ["partial"])
    if kind == "weekday":
        wd = c.weekday_of[" ".join(g["wd"].split())]
        off = -1 if g["pre"] == "last" else 1 if g["pre"] else c.suffix_of.get(" ".join((g["suf"] or "").split()), 0)
        value = _weekday_date(wd, pub, off)
        return value, ["weekday", "relative"] + ([] if value else ["partial"]) + (["future"] if off > 0 else [])
    if kind == "year":
        before = mt.string[max(0, mt.start() - 16):mt.start()].split()
        w = before[-1].strip(".:#") if before else ""
        if g["y"] and w and any(w[k:] in c.number_nouns for k in range(3) if k == 0 or set(w[:k]) <= set("وفبل")):
            return None  # «القرار 1929», "Resolution 1929": a number, not a year
        if re.search(r"(?:pre|post)-\s*$", mt.string[max(0, mt.start() - 6):mt.start()]):
            return None  # "the pre-2015 sanctions": which sanctions, not when anything happened
        return _iso(int(g["y"] or g["yo"])), []
    return None


def _span_of(kind: str, mt: re.Match) -> tuple[int, int]:
    """Return the key span to report: the year alone for glued footnote years."""
    g = mt.groupdict()
    if kind == "year" and g.get("y"):
        return mt.span("y")
    if g.get("clit"):
        return mt.end("clit"), mt.end()
    return mt.span()


# a "since" phrase running up to a position with no punctuation between ("since Russia's invasion in February"):
# what it dates is where something starts, not when a fact happened (irkg.loaders.extract_events, extract_indicators)
SINCE_PHRASE = re.compile(r"(?:\bsince|منذ)\s+[^,،.;؛()]*$", re.I)
# "compared with the same period of 2024", «مقارنة بالفترة نفسها من عام 2024»: the baseline's date, not the fact's
BASELINE_PHRASE = re.compile(r"(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|(?:بال)?مقارنة\s*(?:ب|مع)|قياسا\s*(?:ب|إلى|الى))[^,،.;؛()]*$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|until|till|إلى|الى|حتى)\s*(?:شهر\s*)?", re.I)


def find_dates(text: str, published: str | None = None) -> list[Mention]:
    """Return date mentions in `text`, values resolved against `published` when known."""
    key, pos = match_key_aligned(text)
    return find_dates_in_key(text, key, pos, published)


def find_dates_in_key(text: str, key: str, pos, published: str | None = None) -> list[Mention]:
    """Return date mentions given the text's match key and key-to-text offsets."""
    c = calendar()
    has_digit = bool(_DIGIT.search(key))
    if not has_digit and not c.words.search(key):
        return []
    pub = parse_published(published)
    taken = bytearray(len(key))
    out: list[Mention] = []
    for kind, rx in c.patterns:
        if kind in _NEEDS_DIGIT and not has_digit:
            continue
        for mt in rx.finditer(key):
            a, b = _span_of(kind, mt)
            while a < b and key[a].isspace():
                a += 1
            while b > a and key[b - 1].isspace():
                b -= 1
            if a >= b or any(taken[a:b]):
                continue
            built = _build(kind, mt, c, pub)
            if built is None:
                continue
            value, flags = built
            taken[a:b] = b"\x01" * (b - a)
            start, end = pos[a], pos[b - 1] + 1
            out.append(
                Mention(kind=MentionKind.DATE, start=start, end=end, surface=text[start:end],
                        value=value, flags=flags, unit=next((f[4:] for f in flags if f.startswith("end=")), None))
            )
    out.sort(key=lambda m: m.start)
    for k in range(len(out) - 1):
        m, n = out[k], out[k + 1]
        if "year_inferred" in (m.flags or []) and len(str(m.value or "")) == 7 and n.value and "year_inferred" not in (n.flags or []) \
                and _RANGE_JOIN.fullmatch(text[m.end:n.start]):
            # "January-September 2019", «من يناير إلى سبتمبر 2019»: the opening month shares the closing one's year
            flags = [f for f in m.flags if f != "year_inferred"] + ["range_start"]
            out[k] = m.model_copy(update={"value": f"{str(n.value)[:4]}{str(m.value)[4:]}", "flags": flags})
    # «نهاية العام الماضي 2023», "last year (2023)": the year written right after a relative phrase is its value
    return [m for k, m in enumerate(out)
            if not ("relative" in (m.flags or []) and k + 1 < len(out) and out[k + 1].start - m.end <= 3
                    and re.fullmatch(r"\d{4}", str(out[k + 1].value or "")))]
