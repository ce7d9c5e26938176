"""Amounts: the tokens of a match key and the numbers written in them (digits or words, with a scale).

`AmountReader` holds the tokens of one key and the lookups the grammar needs (a word in a table
with its proclitics peeled, the longest phrase at a token, model names and written dates); its
`amount` reads "1.3 bln", "$25m", «مليارا و200 مليون», «اربع وعشرين», "forty-eight", "a dozen".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from irkg.loaders.number_lexicon import TOKEN, NumberLexicon, Phrases, parse_digits

ARABIC = re.compile(r"[\u0600-\u06ff]")
DASHES = {"-", "\u2010", "\u2011", "\u2013", "\u2014"}
LATIN = re.compile(r"[a-z]")
_SPACE_GROUP = re.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")
_DATE_SEPS = {"-", "/", "\u2013"}


@dataclass
class Amount:
    """A number read at tokens [i, j): its value with the scale applied."""

    value: float
    i: int  # first token
    j: int  # token after it
    scale: float = 1.0
    word: bool = False
    cur: str | None = None


class AmountReader:
    """The tokens of one match key, the lookups over them and the amounts written in them."""

    def __init__(self, key: str, lex: NumberLexicon):
        self.key = key
        self.lex = lex
        self.t, self.s, self.e = [], [], []
        for m in TOKEN.finditer(key):
            self.t.append(m.group())
            self.s.append(m.start())
            self.e.append(m.end())
        self.n = len(self.t)

    # --- lookups ----------------------------------------------------------------------------

    def glued(self, j: int) -> bool:
        """Tell whether token j touches the token before it."""
        return 0 < j < self.n and self.s[j] == self.e[j - 1]

    def digits(self, j: int) -> bool:
        return j < self.n and self.t[j][0].isdigit()

    def phrase(self, j: int, table: Phrases, clitics: bool = False):
        """Return (value, next token) for the longest entry of `table` at token j, or None."""
        if j >= self.n:
            return None
        firsts = [self.t[j]]
        if clitics:
            firsts += [f for f, _ in self.lex.stems(self.t[j])[1:]]
        for first in firsts:
            for words, value in table.get(first, ()):
                k = len(words)
                if j + k <= self.n and all(self.t[j + x] == words[x] for x in range(1, k)):
                    return value, j + k
        return None

    def word(self, j: int, table: dict | set, definite: bool = True, tanween: bool = False):
        """Return (value, had ال) for token j in a one-word table, proclitics peeled; None when absent."""
        if j >= self.n:
            return None
        for form, is_def in self.lex.stems(self.t[j]):
            if is_def and not definite:
                continue
            if form in table:
                return (True if isinstance(table, set) else table[form]), is_def
            if tanween and form.endswith("ا") and len(form) > 3 and form[:-1] in table:
                return table[form[:-1]], is_def  # «مصرفا»: the accusative of a counted noun
        return None

    def ends_with(self, j: int, entries: set[tuple[str, ...]]) -> bool:
        """Tell whether the tokens just before j are one of `entries` (clitics on the first peeled)."""
        for k in (1, 2, 3):
            if j - k < 0:
                break
            tail = tuple(self.t[j - k:j])
            if tail in entries or any((f, *tail[1:]) in entries for f, _ in self.lex.stems(tail[0])[1:]):
                return True
        return False

    def _date_chain(self, j: int) -> bool:
        """Tell whether digits at j are one part of a written date ("2025-06-23", "16-6-2025", "1/15/2022")."""
        parts, k = 1, j
        while k >= 2 and self.t[k - 1] in _DATE_SEPS and self.glued(k) and self.glued(k - 1) and self.digits(k - 2):
            parts, k = parts + 1, k - 2
        k = j
        while k + 2 < self.n and self.t[k + 1] in _DATE_SEPS and self.glued(k + 1) and self.glued(k + 2) and self.digits(k + 2):
            parts, k = parts + 1, k + 2
        return parts >= 3

    def model_name(self, j: int) -> bool:
        """Tell whether digits at j belong to a name, a clock time or a written date ("S-300", "SB738", «إس-300»,
        "06:29", "2025-06-23")."""
        if self._date_chain(j):
            return True
        if self.glued(j) and LATIN.match(self.t[j - 1][-1]):
            return True
        if j >= 2 and self.t[j - 1] in DASHES and self.glued(j) and self.glued(j - 1) and self.t[j - 2][-1].isalpha():
            return True
        return (j + 1 < self.n and self.t[j + 1] == ":" and self.glued(j + 1)) or \
            (j >= 1 and self.t[j - 1] == ":" and self.glued(j))

    # --- amounts ----------------------------------------------------------------------------

    def amount(self, j: int) -> Amount | None:
        """Read one amount at token j: a currency sign, digits or number words, a scale, «و» parts."""
        lex = self.lex
        i, cur = j, None
        got = self.phrase(j, lex.prefix_units)
        if got is not None and self.digits(got[1]):
            cur, j = got
        a = self._digits(j) if self.digits(j) else (None if cur else self._words(j))
        if a is None:
            return None
        a.i, a.cur = i, cur
        if cur and a.scale == 1 and a.j < self.n and self.t[a.j] in lex.money_scales and self.glued(a.j):
            a.scale = lex.money_scales[self.t[a.j]]  # "$25m", "€300k"
            a.value *= a.scale
            a.j += 1
        self._compound(a)
        return a

    def _digits(self, j: int) -> Amount | None:
        if self.model_name(j):
            return None
        raw, k = self.t[j], j + 1
        if len(raw) <= 3 and raw.isdigit():  # "1 300 000": thousands set off by single spaces
            while self.digits(k) and len(self.t[k]) == 3 and self.t[k].isdigit() and self.s[k] == self.e[k - 1] + 1 \
                    and _SPACE_GROUP.match(self.key, self.e[k - 1]):
                raw, k = raw + self.t[k], k + 1
        got = self.word(k, self.lex.scales)
        if got is None and k + 1 < self.n and self.t[k] in ("-", "–") and self.glued(k) and self.glued(k + 1) \
                and self.word(k + 1, self.lex.scales) is not None:
            k += 1  # "a 1.5-million-tonne terminal": the scale hyphenated to its figure
            got = self.word(k, self.lex.scales)
        if got is None and self.glued(k) and k + 1 < self.n and self.t[k] in self.lex.money_scales \
                and self.phrase(k + 1, self.lex.units) is not None:
            got = (self.lex.money_scales[self.t[k]], False)  # "1.2m tonnes", "300k barrels"
        scale = got[0] if got else 1.0
        value = parse_digits(raw, scale > 1)
        if value is None:
            return None
        return Amount(value * scale, j, k + (1 if got else 0), scale)

    def _words(self, j: int) -> Amount | None:
        """Read spelled numbers: «اربع وعشرين», «ثلاثة آلاف», «مليارا», "forty-eight", "two hundred", "a dozen"."""
        lex = self.lex
        i, total, cur, seen, scale = j, 0.0, 0.0, False, 1.0
        while j < self.n:
            t = self.t[j]
            if not seen and t in lex.article_one and j + 1 < self.n and (
                    self.t[j + 1] in lex.hundreds or self.t[j + 1] == "dozen"
                    or (self.t[j + 1] in lex.scales and self.t[j + 1] not in lex.plural_scales)):
                cur, seen, j = 1.0, True, j + 1
                continue
            if seen and t in ("and", *DASHES) and j + 1 < self.n and self.t[j + 1] in lex.words:
                if t != "and" and not (self.glued(j) and self.glued(j + 1)):
                    break
                j += 1
                continue
            got = self.word(j, lex.words) if not seen else self._continuation(j)
            if got is not None:
                v, bare = got[0], self.t[j].removeprefix("و") if seen else self.t[j]
                if bare in lex.hundreds and v == 100:
                    cur = (cur or 1) * 100 if cur < 10 else cur + 100
                elif bare == "dozen":
                    cur = (cur or 1) * 12
                elif v == 10 and 0 < cur < 10 and not self.t[j].startswith("و"):
                    cur += 10  # «ثلاثة عشر»
                else:
                    cur += v
                seen, j = True, j + 1
                continue
            got = self.word(j, lex.scales)
            if got is not None and (seen or not self._plural_scale(j)):
                scale = got[0]
                if not seen and self._construct_dual(j):
                    total, seen, j = 2 * scale, True, j + 1
                    break  # «أسلحة قيمتها مليارا دولار»: two billion
                total, cur, seen, j = total + (cur or 1) * scale, 0.0, True, j + 1
                break  # smaller parts after a scale come as «و» parts
            if not seen:
                got = self.word(j, lex.duals)
                if got is not None:
                    total, seen, scale, j = got[0], True, got[0] / 2, j + 1
            break
        if not seen:
            return None
        return Amount(total + cur, i, j, scale, word=True)

    def _construct_dual(self, j: int) -> bool:
        """«مليارا دولار», «مليونا طن»: with no number before it and a noun right after (no «و», no «من»), the
        form in -ا is the dual in construct (two of the scale), not the accusative of one."""
        t = self.t[j]
        if not ARABIC.match(t) or not t.endswith("ا"):
            return False
        if j + 1 >= self.n:
            return False
        nxt = self.t[j + 1]
        return bool(ARABIC.match(nxt)) and not nxt.startswith("و") and nxt not in ("من", "ونصف")

    def _plural_scale(self, j: int) -> bool:
        return any(f in self.lex.plural_scales for f, _ in self.lex.stems(self.t[j]))

    def _continuation(self, j: int):
        """A word that goes on a spelled number: English number words, «و» + a number word, مئة, «عشر»."""
        t = self.t[j]
        if not ARABIC.match(t):
            return (self.lex.words[t], False) if t in self.lex.words else None
        if t.startswith("و") and t[1:] in self.lex.words and self.lex.words[t[1:]] >= 1:
            return self.lex.words[t[1:]], False
        if t in self.lex.hundreds or t in ("عشر", "عشره"):
            return self.lex.words[t], False
        return None

    def _compound(self, a: Amount) -> None:
        """Add the «و» parts smaller than the scale before them: «مليارا و200 مليون», «مليون ونصف»."""
        while a.scale > 1 and a.j < self.n:
            got = self.phrase(a.j, self.lex.halves)
            if got is not None:
                a.value += got[0] * a.scale
                a.j = got[1]
                sc = self.word(a.j, self.lex.scales)
                if sc is not None and sc[1]:
                    a.j += 1  # «ونصف المليار»
                return
            j = a.j
            if self.t[j] == "و":
                j += 1
            elif not (self.t[j].startswith("و") and len(self.t[j]) > 1):
                return
            nxt = self._digits(j) if self.digits(j) else self._after_wa(j)
            if nxt is None or not (1 < nxt.scale < a.scale or (nxt.scale == 1 and nxt.word and nxt.value < a.scale)):
                return
            a.value += nxt.value
            a.j, a.scale = nxt.j, nxt.scale

    def _after_wa(self, j: int) -> Amount | None:
        """Read the amount in «وعشرين», «وخمسمئة مليون» (the conjunction glued to the number word)."""
        t = self.t[j]
        if not (ARABIC.match(t) and t.startswith("و") and len(t) > 2):
            return None
        self.t[j] = t[1:]
        try:
            return self._words(j)
        finally:
            self.t[j] = t
