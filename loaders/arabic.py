"""Character-level Arabic forms: the match key used for dictionary lookup."""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, tatweel.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
TATWEEL = "\u0640"

_KEY_TABLE = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ی": "ي", "ي": "ي", "ئ": "ي",
        "ة": "ه", "ؤ": "و",
        "پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك", "ک": "ك", "ڤ": "ف",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    }
)


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, tanween and tatweel, keeping letters."""
    return DIACRITICS.sub("", text)


def match_key(text: str) -> str:
    """Return the lookup form: no diacritics/tatweel, unified alef/yeh/teh marbuta, Persian letters mapped, lower-case Latin."""
    return fold_letters(strip_diacritics(text)).lower()


_KEPT_RUNS = re.compile("[^\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def match_key_aligned(text: str) -> tuple[str, list[int] | range]:
    """Return match_key(text) and, per key character, its index in `text` (diacritics dropped)."""
    if _PRESENTATION.search(text):
        return _match_key_aligned_slow(text)
    if not DIACRITICS.search(text):
        key = match_key(text)
        if len(key) == len(text):
            return key, range(len(text))
    else:
        key = match_key(strip_diacritics(text))
        pos = [i for m in _KEPT_RUNS.finditer(text) for i in range(*m.span())]
        if len(key) == len(pos):
            return key, pos
    return _match_key_aligned_slow(text)


def _match_key_aligned_slow(text: str) -> tuple[str, list[int]]:
    """Character by character: Arabic presentation forms (ﻃﻬﺮﺍﻥ) and ligatures (ﻻ) unfold to
    letters, and characters whose lower case is longer (İ) keep one offset per key character."""
    out: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        if _PRESENTATION.match(ch):
            ch = unicodedata.normalize("NFKC", ch)
        k = match_key(ch)
        out.append(k)
        pos.extend([i] * len(k))
    return "".join(out), pos


# str.translate with a dict is ~10x slower than a few str.replace passes on Arabic text.
_KEY_PAIRS = [(chr(src), dst) for src, dst in _KEY_TABLE.items() if chr(src) != dst]


def fold_letters(text: str) -> str:
    """Unify letter forms as match_key does, but keep case and diacritics (for regex cue lists)."""
    if len(text) < 48:
        return text.translate(_KEY_TABLE)  # per-call overhead dominates on short strings
    for src, dst in _KEY_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    return text


def match_keys(texts: list[str]) -> list[str]:
    """Return match_key of each text, in one pass over their concatenation (texts without line breaks)."""
    if any("\n" in t for t in texts):
        return [match_key(t) for t in texts]
    # Every step of match_key works character by character, so keys split at the line breaks.
    keys = match_key("\n".join(texts)).split("\n")
    return keys if len(keys) == len(texts) else [match_key(t) for t in texts]
