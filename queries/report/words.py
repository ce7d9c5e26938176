"""The brief's words in English or Arabic: its own (`words.yaml`) and the graph's vocabulary (`labels.yaml`)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from irkg.loaders.labels import format_number, label_words

WORDS_FILE = Path(__file__).resolve().parent / "words.yaml"
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")
# An ISO date inside Arabic text would be reordered by the bidi algorithm ("2022-01" shown as "01-2022");
# isolated left-to-right (LRI ... PDI) it reads as written.
_ISO_DATE = re.compile(r"(?<![\d\u2066])(\d{4}-\d{2}(?:-\d{2})?)(?![\d\u2069])")


@lru_cache(maxsize=1)
def brief_words() -> dict[str, Any]:
    """Return the brief's own words (section titles, legends, column heads) as [en, ar] pairs."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


def script_lang(text: str | None) -> str:
    """Return 'ar' when a text is mostly in Arabic script, else 'en'."""
    text = text or ""
    return "ar" if len(_ARABIC.findall(text)) >= len(_LATIN.findall(text)) and _ARABIC.search(text) else "en"


def isolate_dates(text: str) -> str:
    """Return Arabic text with its ISO dates isolated left-to-right, so they keep their order."""
    return _ISO_DATE.sub("\u2066\\1\u2069", text) if _ARABIC.search(text or "") else text


class Words:
    """Words and names in one language, from the brief's words and the graph's own fields."""

    def __init__(self, lang: str):
        self.lang = lang
        self.i = 1 if lang == "ar" else 0
        self.own = brief_words()
        self.vocab = label_words()

    def __call__(self, key: str, **fields: Any) -> str:
        text = self.own[key][self.i]
        return text.format(**fields) if fields else text

    def _pair(self, table: str, key: str | None, fallback: str) -> str:
        pair = self.vocab.get(table, {}).get(key or "")
        return pair[self.i] if pair else fallback

    def label(self, row: dict[str, Any], en: str = "label", ar: str = "label_ar") -> str:
        """Return a record's label (or name) in the brief's language, English when Arabic is missing."""
        if self.lang == "ar" and row.get(ar):
            return isolate_dates(row[ar])
        return row.get(en) or isolate_dates(row.get(ar) or "") or row.get("id") or ""

    def name(self, actor: dict[str, Any]) -> str:
        """Return an actor's name in the brief's language."""
        return self.label(actor, "name_en", "name_ar")

    def event_type(self, kind: str | None) -> str:
        return self._pair("event_nouns", kind, (kind or "").replace("_", " "))

    def certainty(self, cert: str | None) -> str:
        return self._pair("certainty", cert or "asserted", cert or "")

    def agreement_kind(self, kind: str | None) -> str:
        return self._pair("agreement_kinds", kind, (kind or "").replace("_", " "))

    def status(self, status: str | None) -> str:
        pair = self.own["statuses"].get(status or "")
        return pair[self.i] if pair else (status or "").replace("_", " ")

    def polarity(self, polarity: str | None) -> str:
        key = f"polarity_{polarity or 'neutral'}"
        return self(key) if key in self.own else (polarity or "")

    def measure(self, what: str | None) -> str:
        if self.lang == "ar":
            return self.vocab.get("measures", {}).get(what or "", what or "")
        return what or ""

    def unit(self, unit: str | None) -> str:
        return self._pair("units", unit, unit or "")

    def characterization(self, char: str | None) -> str:
        """Return a stance's characterization as a column head: 'cautious partnership', 'not an alliance'."""
        char = char or ""
        negated = char.startswith("not_")
        base = char[4:] if negated else char
        text = self._pair("characterizations", base, base.replace("_", " "))
        if self.lang == "en":
            text = re.sub(r"^(a|an) ", "", text)
        return f"{self('not')} {text}" if negated else text

    def number(self, value: float | None, unit: str | None = None) -> str:
        """Return a figure with its unit as a reader writes it: '5 billion USD', '15%'."""
        if value is None:
            return ""
        text = format_number(value, self.lang)
        u = self.unit(unit)
        if not u:
            return text
        return f"{text}{u}" if u == "%" else f"{text} {u}"

    def scale(self) -> list[list[Any]]:
        """Return the number words (billion, million...) as [value, word] for the charts' axes."""
        return [[size, ar if self.lang == "ar" else en] for size, en, ar in self.vocab.get("scale", [])]
