"""Find a web capture's own dateline and its time-stamp lines.

A scraped article often prints its date near the top («الساعة 09:44 ص|19 يناير 2022»,
"11:13 GMT 18.02.2026 (updated ...)", "Published March 13th, 2001", `date 2025-09-19`,
«بوابة X – كييف–20 أكتوبر 2022 – ...»). That date is what relative dates (اليوم الجمعة,
"last month") mean when the metadata gives none; the lines that only carry it are page
furniture, not sentences. Dates are read on the match key (Arabic-Indic digits folded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from irkg.loaders.arabic import match_key_aligned
from irkg.loaders.dates import calendar, find_dates_in_key

HEAD_CHARS = 1200  # a dateline sits above or at the start of the article
HEAD_LINES = 14
SHORT_LINE = 110  # longer lines are paragraphs, not date or time-stamp lines


@dataclass(frozen=True)
class Dateline:
    """The date a document prints for itself, with its offsets in the text searched."""

    value: str  # ISO date, YYYY-MM-DD (or YYYY-MM)
    start: int
    end: int


_ISO = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d])")
_NUMERIC = re.compile(r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<s>[./-])(?P<b>[0-3]?\d)(?P=s)(?P<y>(?:19|20)\d\d)(?![\d])")
_TIME = re.compile(r"(?<!\d)[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d)?(?!\d)")
_PREFIX = re.compile(r"^\s*date\s+(?:19|20)\d\d-\d\d-\d\d\s+", re.I)
# A wire dateline or byline opening an English paragraph: "MOSCOW (AP) – ", "MOSCOW, July 30. /TASS/. ",
# "TEHRAN, Iran — ", "By Jane Doe (Bloomberg) – ". It needs an outlet in brackets or slashes, or a dash.
_WIRE = re.compile(
    r"^(?:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\([^()\n]{2,40}\)"
    r"|[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]{2,}){0,2}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})??"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\.?(?:\s*\([A-Za-z][\w .&-]{1,30}\))?(?:\s*/[A-Za-z][\w .-]{1,20}/\.?)?)"
    r"(?:\s*[–—-]+|(?<=[./)]))\s+(?=[A-Z“\"‘'])"
)
_SEPARATOR = re.compile(r"\s*[–—|-]+\s*")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")


@lru_cache(maxsize=1)
def _glued() -> re.Pattern:
    """2021September04: year, English month and day run together."""
    months = sorted((m for m in calendar().month_of if m.isascii()), key=len, reverse=True)
    return re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<mon>{'|'.join(months)})(?P<d>[0-3]?\d)(?!\d)")


# Words a time-stamp line may carry besides dates and times (match-key form).
_STAMP_WORDS = frozenset(
    """ص م صباحا مساء ظهرا الساعه الساعة بتوقيت توقيت غرينتش جرينتش مكه القدس بيروت طهران موسكو
    تاريخ تأريخ النشر نشر في اخر اخر تحديث تحديث التحديث محدث اليوم يوم منذ
    am pm a p m gmt utc msk irst est edt cet updated update published posted last on at
    date""".split()
)


def _glued_any(t: str) -> bool:
    """Tell whether a line holds a month or weekday name next to a digit, cheaply."""
    key, _ = match_key_aligned(t)
    return bool(calendar().words.search(key))


def _valid(y: int, m: int, d: int | None) -> bool:
    return 1 <= m <= 12 and (d is None or 1 <= d <= 31) and 1900 <= y <= 2100


def full_dates(line: str, day_first: bool = True) -> list[tuple[int, int, str]]:
    """Return (start, end, ISO value) of every date with day, month and year in a line."""
    key, pos = match_key_aligned(line)
    out: list[tuple[int, int, str]] = []
    if not _YEAR.search(key):  # every full date writes its year in four digits: most lines are done here
        return out

    def add(a: int, b: int, value: str) -> None:  # display offsets
        if not any(a < y and x < b for x, y, _ in out):
            out.append((a, b, value))

    def add_key(mt: re.Match, y: int, m: int, d: int) -> None:
        if _valid(y, m, d):
            add(pos[mt.start()], pos[mt.end() - 1] + 1, f"{y:04d}-{m:02d}-{d:02d}")

    for mt in _ISO.finditer(key):
        add_key(mt, int(mt["y"]), int(mt["m"]), int(mt["d"]))
    for mt in _NUMERIC.finditer(key):
        a, b, y = int(mt["a"]), int(mt["b"]), int(mt["y"])
        # 19/1/2022 is day first, 1/15/2022 month first; 5/6/2022 follows the habit of the
        # language with slashes, and is day first with dots or dashes (18.02.2026)
        first = day_first or mt["s"] != "/"
        d, m = (a, b) if (first and b <= 12) or a > 12 else (b, a)
        add_key(mt, y, m, d)
    if re.search(r"\d[a-z]", key):
        month_of = calendar().month_of
        for mt in _glued().finditer(key):
            add_key(mt, int(mt["y"]), month_of[mt["mon"]], int(mt["d"]))
    for men in find_dates_in_key(line, key, pos):
        v = str(men.value or "")
        if len(v) == 10 and not {"partial", "relative", "year_inferred"} & set(men.flags or []):
            add(men.start, men.end, v)
    out.sort()
    return out


def _remainder_words(line: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Return the words of a line outside its dates and times (match-key form)."""
    rest = []
    last = 0
    for a, b, _ in spans:
        rest.append(line[last:a])
        last = b
    rest.append(line[last:])
    text = _TIME.sub(" ", " ".join(rest))
    key, _ = match_key_aligned(text)
    return _LETTERS.findall(key)


def is_timestamp_line(line: str) -> bool:
    """Tell whether a short line only gives a date and time (with labels such as "updated", «الساعة»)."""
    t = line.strip()
    if not t or len(t) > SHORT_LINE or not _DIGIT.search(t) or len(_LETTERS.findall(t)) > 10:
        return False
    if not (_TIME.search(t) or _ISO.search(t) or _NUMERIC.search(t) or _glued_any(t)):
        return False
    spans = full_dates(t)
    if not spans and not _TIME.search(t):
        return False
    cal = calendar()
    words = _remainder_words(t, spans)
    if not spans:  # a time alone: only with a clock word, so that "12.5" stays a number
        return bool(words) and all(w in _STAMP_WORDS or w in cal.weekday_of for w in words) \
            and any(w in _STAMP_WORDS for w in words)
    return all(w in _STAMP_WORDS or w in cal.weekday_of or w in cal.month_of for w in words)


def dateline_prefix(line: str) -> int:
    """Return how many leading characters of a line are datelines before its text (0 if none)."""
    total = 0
    for _ in range(3):  # `date 2024-07-30 MOSCOW, July 30. /TASS/. Text`: one after the other
        cut = _one_prefix(line[total:])
        if not cut:
            break
        total += cut
    return total


def _one_prefix(line: str) -> int:
    """Return how many leading characters of a line are a dateline before its text (0 if none).

    `date 2025-09-19 Text...`, a wire dateline or byline ("MOSCOW (AP) – ") and «مكان – مدينة–20
    أكتوبر 2022 – النص...»: a date within the first words of a paragraph, closed by a dash or bar,
    with the article running on after it.
    """
    m = _PREFIX.match(line) or _WIRE.match(line)
    if m:
        return m.end()
    head = line[:80]
    if not _DIGIT.search(head):
        return 0
    for a, b, _ in full_dates(head):
        # nothing before the date, or a site or place name closed by a dash (بوابة X – كييف–)
        before = line[:a].rstrip()
        city = re.fullmatch(r"[^\W\d]+(?: [^\W\d]+)?\s*[,،]", before)  # "موسكو, 3-9-2018 - ": a city and a comma
        if before and not city and (before[-1] not in "–—-|:/" or len(before.split()) > 6 or re.search(r"[.!?؟،,؛]", before)):
            return 0
        sep = _SEPARATOR.match(line, b)
        if sep and sep.end() > b and len(line) - sep.end() >= 20:
            return sep.end()
        return 0
    return 0


def find_dateline(text: str, lang: str | None = None) -> Dateline | None:
    """Return the date printed at the top of a document: a `date` prefix, a time-stamp line,
    a date line, or a dateline opening the first paragraph; None when there is none."""
    day_first = lang != "en"
    m = _PREFIX.match(text)
    if m:
        iso = re.search(r"\d{4}-\d\d-\d\d", m.group())
        return Dateline(iso.group(), iso.start(), iso.end())
    pos = 0
    seen = 0
    head = text[:HEAD_CHARS]
    for raw in head.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if not any(ch.isdigit() for ch in line):
            continue
        off = start + raw.index(line[0])
        if len(line) <= SHORT_LINE:
            spans = full_dates(line, day_first)
            if spans and (is_timestamp_line(line) or len(_remainder_words(line, spans)) <= 4):
                a, b, v = spans[0]
                return Dateline(v, off + a, off + b)
        cut = dateline_prefix(line)
        spans = full_dates(line[:cut], day_first) if cut else []
        if spans:  # "MOSCOW (AP) — Russian President ... Wednesday": a place and agency, no full date
            a, b, v = spans[0]
            return Dateline(v, off + a, off + b)
    return None
