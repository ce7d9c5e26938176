"""The part of a year a figure covers: "in the first five months", «في النصف الأول من العام», "January-May".

A figure for five months dated to its year alone reads as the year's; the period keeps it apart. Only a period in
the figure's own sentence counts, and not one that a comparison names as its baseline ("compared with the first
half of 2024")."""

from __future__ import annotations

import re
from functools import lru_cache

from irkg.loaders.extract_lexicon import read_yaml

_MONTHS_EN = ("january|february|march|april|may|june|july|august|september|october|november|december")
_NUM = r"(\d{1,2}|[\w\u0600-\u06FF]+)"


@lru_cache(maxsize=1)
def _cues() -> tuple[dict, list[tuple[re.Pattern, str]], re.Pattern]:
    data = read_yaml("cues_indicators.yaml")["periods"]
    first = "|".join(map(re.escape, data["first_words"]))
    last = "|".join(map(re.escape, data["last_words"]))
    ords = "|".join(map(re.escape, data["ordinals"]))
    pats = [
        # «الأشهر الخمسة الأولى», «الأشهر الـ5 الأخيرة», "the first five months", "the past six months"
        (re.compile(rf"(?:ال)?(?:أشهر|اشهر|شهور)\s+(?:الـ\s*|ال)?{_NUM}\s+({first}|{last})(?!\w)"), "months_after"),
        (re.compile(rf"(?<!\w)({first}|{last})\s+{_NUM}\s+(?:أشهر|اشهر|شهور|months)(?!\w)", re.I), "months_before"),
        # «النصف الأول», «الربع الثالث», "the first half", "the third quarter"
        (re.compile(rf"(?<!\w)(?:ال)?(نصف|ربع)\s+({ords})(?!\w)"), "part_ar"),
        (re.compile(rf"(?<!\w)({ords})\s+(half|quarter)(?!\w)", re.I), "part_en"),
        # "January-May", "in the year to March", "the nine months to September"
        (re.compile(rf"(?<!\w)({_MONTHS_EN})\s*[-–]\s*({_MONTHS_EN})(?!\w)", re.I), "span_en"),
        (re.compile(rf"(?<!\w)(?:the\s+)?(year|{_NUM}\s+months)\s+to\s+({_MONTHS_EN})(?!\w)", re.I), "to_en"),
    ]
    baseline = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, data["baseline"])) + r")(?!\w)[^.،,؛;]{0,25}$", re.I)
    return {**data, "firsts": {w.lower() for w in data["first_words"]}}, pats, baseline


def period_in(text: str, lo: int, hi: int) -> str | None:
    """The period named in text[lo:hi] ("first 5 months", "first half", "January–May"), or None."""
    data, pats, baseline = _cues()
    nums, ords, firsts = data["numbers"], data["ordinals"], data["firsts"]
    found: list[tuple[int, str]] = []
    for pat, how in pats:
        for m in pat.finditer(text, lo, hi):
            if baseline.search(text, max(lo, m.start() - 30), m.start()):
                continue
            g = m.groups()
            if how in ("months_after", "months_before"):
                n, edge = g[:2] if how == "months_after" else g[1::-1]
                k = int(n) if n.isdigit() else nums.get(n.lower() if how == "months_before" else n)
                if not k or not 1 < k < 12:
                    continue
                found.append((m.start(), f"{'first' if edge.lower() in firsts else 'last'} {k} months"))
            elif how == "part_ar":
                found.append((m.start(), f"{ords[g[1]]} {'half' if g[0] == 'نصف' else 'quarter'}"))
            elif how == "part_en":
                found.append((m.start(), f"{ords[g[0].lower()]} {g[1].lower()}"))
            elif how == "span_en":
                found.append((m.start(), f"{g[0].capitalize()}–{g[1].capitalize()}"))
            elif how == "to_en":
                found.append((m.start(), f"{g[0].lower()} to {g[-1].capitalize()}"))
    return min(found)[1] if found else None
