"""Read figures in Arabic and English text: a small grammar over the tokens of the match key.

A figure is an amount (digits with their separators, number words, a scale: "1.3 bln",
«مليارا و200 مليون», "forty-eight", «اربع وعشرين») with what stands around it: a qualifier
("more than", «نحو», «تقريبا»), a currency sign ("$", "€"), a second amount that makes a
range («بين 10 و12 مليار», "300-700 km", "$1.3-$1.5 million"), then a percent sign, a unit,
a currency, a multiple («أضعاف», "threefold") or the noun it counts («52 مصرفا», "2,000 Russian
specialists"), and a rate («يوميا», "a barrel"). Forms without digits are read too: a share of
a definite noun («خمس العائدات», "a quarter of"), «إلى النصف», vague plurals («مئات الطائرات»,
"thousands of UAVs"), duals («مفاعلين», «أسبوعين»), a count after its noun («الدول الخمس»),
ordinals of a series («القمة الخامسة», "the 9th forum") and one unit of time after «لمدة» /
"for an". The vocabulary is dictionaries/cues_numbers.yaml (number_lexicon.py).

Every rule looks at a bounded number of tokens, so a scan is linear in the text. Spans are
offsets into the text given (display text, diacritics kept).
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache

from irkg.loaders.arabic import match_key_aligned
from irkg.loaders.extract_lexicon import read_yaml
from irkg.loaders.number_amounts import ARABIC as _ARABIC
from irkg.loaders.number_amounts import LATIN as _LATIN
from irkg.loaders.number_amounts import DASHES as _DASHES
from irkg.loaders.number_amounts import AmountReader, Amount
from irkg.loaders.number_lexicon import NumberLexicon, compile_lexicon, parse_digits

__all__ = ["Quantity", "find_quantities", "is_year", "load_number_lexicon", "parse_digits"]

_ADJECTIVE_END = re.compile(r"[\u0621-\u064a](?:ية|يه|ي|يين|يون)$")
_HYPHEN_NUMBERS = frozenset({"one", "two", "single", "1", "2"})
_HYPHEN_KINDS = frozenset({"way", "sided", "off", "time", "man", "party", "stop", "on", "shot", "track"})
_TIME_NOUNS = frozenset({"العام", "عام", "السنة", "سنة", "الشهر", "شهر", "الساعة", "ساعة", "القرن", "year", "month",
                         "hour", "century", "decade", "a", "an"})
_LABEL_NOUNS = frozenset({"no", "number", "unit", "رقم", "الرقم", "برقم", "الوحدة", "وحدة"})
_STOPS = set(".,،;؛:!?()[]{}«»\"“”")
_MODIFIERS = 4  # English tokens between a number and the noun it counts ("2,000 Russian specialists")
_ORDINAL_REACH = 4  # tokens between a series noun and its Arabic ordinal («قمة دول بحر قزوين الخامسة»)
_POSTPOSED_REACH = 3  # tokens between a noun and a count after it («فرقاطة روسية واحدة»)
_MULTIPLE_NEXT = {"the", "its", "their", "his", "her", "that", "this", "in", "to", "from", "by", "over", "since", "within",
                  "again", "and", "or", "on", "at", "last", "next", "compared", "what"}
_SHARE_NEXT = {"of", "the", "its", "their", "his", "her", "our", "a", "an"}


@dataclass(frozen=True)
class Quantity:
    """A figure found in text: its value (a range's lower bound), unit, kind and how it is qualified."""

    start: int
    end: int
    surface: str
    value: float
    unit: str | None
    kind: str  # money | percent | quantity | duration | count | multiple | ordinal | number
    value_max: float | None = None  # a range's upper bound
    qualifier: str | None = None  # about | more than | at least | less than | up to | hundreds ...
    noun: str | None = None  # the counted or numbered noun as written (match key)
    change: str | None = None  # "down": a share a figure was cut by ("halved", «إلى النصف»)
    scaled: bool = False  # an amount with a scale word ("1.5 billion"), unit or not

    @property
    def has_unit(self) -> bool:
        return self.unit is not None


@lru_cache(maxsize=1)
def load_number_lexicon() -> NumberLexicon:
    """Load cues_numbers.yaml into the grammar's lookup tables."""
    return compile_lexicon(read_yaml("cues_numbers.yaml"))


@dataclass
class _Figure:
    i: int
    j: int
    value: float
    unit: str | None = None
    kind: str = "number"
    value_max: float | None = None
    qualifier: str | None = None
    noun: str | None = None
    change: str | None = None
    scaled: bool = False
    word: bool = False


class _Scanner(AmountReader):
    """The rules that read figures off the tokens: qualifiers, ranges, what follows an amount, forms without one."""

    # --- figures ----------------------------------------------------------------------------

    def could_start(self, j: int) -> bool:
        t = self.t[j]
        if t[0].isdigit() or t in self.lex.starters:
            return True
        return bool(_ARABIC.match(t)) and any(f in self.lex.starters for f, _ in self.lex.stems(t)[1:])

    def figure_at(self, j: int) -> list[_Figure]:
        """Return the figures that start at token j (two for a change "from X to Y"), or []."""
        lex = self.lex
        start, qual = j, None
        got = self.phrase(j, lex.qualifiers, clitics=True)
        if got is not None:
            qual, j = got
        if j >= len(self.t):
            return []  # a qualifier that ends the text («أكثر من»)
        if self.t[j] in ("%", "٪") and self.digits(j + 1) and self.glued(j + 1):  # «بنسبة %20»: the sign written first
            a = self.amount(j + 1)
            if a is not None and not a.word:
                return [_Figure(start, a.j, a.value, "percent", "percent", qualifier=qual)]
        opener, k = None, j
        got = self.phrase(j, lex.range_open, clitics=True)
        if got is not None:
            opener, k = ("from" if self.t[j] == "from" else "between"), got[1]
        elif self.t[j] in ("من", "ومن"):
            opener, k = "from", j + 1
        share = self._share(k)
        if share is not None:
            share.i, share.qualifier = start, qual
            return [self._tail(share, start, qual)] if share.unit is None else [share]
        a = self.amount(k)
        if a is None:
            return [] if opener else self._wordless(start, j, qual)
        label = [w.lower().rstrip(".") for w in self.t[max(0, k - 2):k] if w != "."]
        if not a.word and label and label[-1] in _LABEL_NOUNS:
            return []  # "Bushehr's No. 1 power plant", «المفاعل رقم 1», "unit 2": a name, not a count
        if a.j < self.n and self.t[a.j] in lex.ordinal_suffixes and self.glued(a.j) and not a.word:
            return self._ordinal_before(start, a.value, a.j + 1)
        if a.word and a.value >= 20 and a.j == a.i + 1 and k > 0 and self.t[a.i].startswith("ال") \
                and self.t[k - 1].startswith("ال") and _ARABIC.match(self.t[k - 1]):
            return []  # «الجولة العشرون», «القرن العشرين»: a definite tens word after a definite noun is its ordinal
        b, change = self._range_end(a, opener)
        if opener == "from" and b is None:
            return []
        if b is not None and change:
            first = _Figure(start, a.j, a.value, scaled=a.scale > 1, word=a.word)
            second = self._tail(_Figure(b.i, b.j, b.value, scaled=b.scale > 1, word=b.word), b.i, None, b)
            first.unit, first.kind = second.unit, second.kind
            return [first, second]
        f = _Figure(start, (b or a).j, a.value, scaled=a.scale > 1, word=a.word)
        if b is not None:
            f.value_max = b.value
        f = self._tail(f, start, qual, b or a)
        if f.kind == "number" and a.word and not f.scaled and a.j == a.i + 1:
            return self._count_after_noun(a.i)  # «الدول الخمس»: the number word follows its noun
        return [f]

    def _range_end(self, a: Amount, opener: str | None) -> tuple[Amount | None, bool]:
        """Read the upper bound of a range after amount `a`; say whether it is a change "from X to Y"."""
        lex = self.lex
        got = self.phrase(a.j, lex.range_join)
        b = None
        if got is not None:
            joiner = self.t[a.j]
            if joiner in ("و", "and") and opener != "between":
                return None, False
            if joiner in ("or",) and a.word is False:
                return None, False
            if joiner in _DASHES and (a.word or opener is None and not self.digits(got[1]) and self.t[got[1]] not in lex.starters):
                return None, False
            if joiner in _DASHES and not self.digits(got[1]) and self.t[got[1]].lower() in lex.scales:
                return None, False  # "a 1.5-million-tonne terminal": the scale of one figure, hyphenated
            b = self.amount(got[1])
        elif opener == "between" and a.j < self.n and self.t[a.j].startswith("و"):
            b = self._after_wa(a.j)
        if b is None:
            return None, False
        if not a.word and not b.word and a.scale == b.scale == 1 and _yearish(a.value) and (
                _yearish(b.value) or b.value < 100):
            return None, False  # "1980-1988", "(1804-13)": years
        if a.scale == 1 and b.scale > 1 and a.value * b.scale <= b.value:
            a.value *= b.scale  # «بين 10 و12 مليار», "$1.3-$1.5 million": the scale is said once
            a.scale = b.scale
        a.cur = a.cur or b.cur
        change = opener == "from" and self._change_before(a.i)
        if not change and b.value < a.value:
            return None, False
        return b, change

    def _change_before(self, i: int) -> bool:
        """Tell whether a change word stands just before token i ("rose from 5 to 10", «ارتفع من»)."""
        for k in range(max(0, i - 4), i):
            if any(f in self.lex.change_before for f, _ in self.lex.stems(self.t[k])):
                return True
        return False

    def _tail(self, f: _Figure, start: int, qual: str | None, a: Amount | None = None) -> _Figure:
        """Read what follows an amount: percent, unit, currency, counted noun, multiple, rate, qualifier."""
        lex = self.lex
        j = f.j
        f.qualifier = f.qualifier or qual
        if j + 1 < self.n and self.t[j] in _DASHES and self.glued(j) and self.glued(j + 1) and _LATIN.match(self.t[j + 1]):
            j += 1  # "a 20-year treaty", "a 300-km range"
        got = self.phrase(j, lex.percent, clitics=True)
        if f.unit is not None:
            pass  # a dual or a counted noun already says what the figure is («أسبوعين من زيارة»)
        elif got is not None:
            f.unit, f.kind, j = "percent", "percent", got[1]
        elif (got := self.phrase(j, lex.points)) is not None:
            f.unit, f.kind, j = "percentage points", "percent", got[1]
        elif (got := self.phrase(j, lex.units)) is not None:
            spec, j2 = got
            f.unit, f.kind = spec["unit"], spec["kind"]
            if self.t[j] in lex.ambiguous_durations and not self.ends_with(start, lex.time_prepositions) \
                    and not (a is not None and self.ends_with(a.i, lex.time_prepositions)):
                f.unit, f.kind = lex.ambiguous_durations[self.t[j]], "count"  # «ثلاثة عقود»: contracts
            j = j2
            if f.unit == "times" and j < self.n and self.t[j] in ("the", "as", "more", "higher", "larger", "bigger", "faster"):
                f.unit, f.kind = None, "number"  # "three times the speed of sound": a comparison, no count of times
            if f.kind == "money":
                cq = self.word(j, lex.currency_qualifiers)
                if cq is not None:
                    f.unit, j = cq[0], j + 1
        elif a is not None and a.cur:
            f.unit, f.kind = a.cur, "money"
        elif (got := self._counted(j, definite=False, one=f.value == 1)) is not None:
            if f.word and f.value == 2 and got[0] in lex.pair_units:
                return f  # "the two countries": the pair already named, no figure
            f.unit, f.noun, j = got
            f.kind = "count"
            both = self._and_counted(j)
            if both is not None and both[0] != f.unit:
                f.unit, j = f"{f.unit} and {both[0]}", both[1]  # "28 people and organizations": one count of both
        elif (got := self._multiple(j)) is not None:
            mult, j = got
            f.value *= mult
            f.value_max = f.value_max * mult if f.value_max is not None else None
            f.unit, f.kind = "times", "multiple"
        if f.unit is not None and f.kind in ("money", "quantity", "count"):
            got = self.phrase(j, lex.rates)
            if got is None and j < self.n and self.t[j] in ("من", "of"):
                # «20 مليون طن من البضائع سنويا», "500,000 barrels of Iranian oil per day": the goods between
                for k in range(j + 2, min(self.n, j + 4)):
                    if self.t[k - 1] in _STOPS or self.t[k - 1] in lex.modifier_stops or self.t[k - 1][0].isdigit():
                        break
                    got = self.phrase(k, lex.rates)
                    if got is not None:
                        break
            if got is None and f.kind == "count":
                # «10 مسيرات إيرانية يوميا»: a rate after the counted noun's adjectives
                for k in range(j + 1, min(self.n, j + 3)):
                    if not _ADJECTIVE_END.search(self.t[k - 1]) or self.t[k - 1] in _STOPS:
                        break
                    got = self.phrase(k, lex.rates)
                    if got is not None:
                        break
            rate_at = got[1] - 1 if got is not None else None
            while rate_at is not None and rate_at > 0 and self.phrase(rate_at - 1, lex.rates) is not None \
                    and self.phrase(rate_at - 1, lex.rates)[1] == got[1]:
                rate_at -= 1  # the rate phrase's first token
            if got is not None and got[1] < self.n and self.t[rate_at] in ("في", "كل") and (
                    self.t[got[1]].startswith(("ال", "و")) or self.t[got[1]][0].isdigit()):
                got = None  # «في العام السابق», «في العام 2023», «في العام ونصف العام الماضيين»: a time, not a rate
            if got is not None and got[1] < self.n and self.t[got[1]].lower() in ("ago", "earlier", "later", "before"):
                got = None  # "a year ago": when, not how often
            if got is not None:
                f.unit, j = f"{f.unit} {got[0]}", got[1]
        got = self.phrase(j, lex.qualifiers_after)
        if got is not None and f.unit is not None:
            f.qualifier, j = f.qualifier or got[0], got[1]
        if f.qualifier == "more than" and f.kind == "duration" and self.t[start] == "over":
            f.qualifier = None  # "over 10 years": across them, not more than them
        f.i, f.j = start, max(j, f.j)
        return f

    def _and_counted(self, j: int):
        """A second counted noun coordinated right after the first ("people and organizations", «شخصا وكيانا»):
        (unit, next token), or None."""
        if j + 1 < self.n and self.t[j] in ("and", "و") and self.t[j + 1] in self.lex.counted_words:
            return self.lex.counted_words[self.t[j + 1]], j + 2
        if j < self.n and len(self.t[j]) > 2 and self.t[j][0] == "و" and _ARABIC.match(self.t[j]):
            got = self.word(j, self.lex.counted_words, definite=False, tanween=True)  # «وكيانا»: the clitic peeled
            return (got[0], j + 1) if got else None
        return None

    def _counted(self, j: int, definite: bool, one: bool = False):
        """Return (unit, noun, next token) for the noun a number counts at j, or None."""
        lex = self.lex
        if j >= self.n:
            return None
        t = self.t[j]
        if one and t in ("من", "of"):
            return None  # "one of the meetings", «واحد من»: a member, not a count
        if j >= 2 and self.t[j - 1] == "-" and self.t[j - 2].lower() in _HYPHEN_NUMBERS and t.lower() in _HYPHEN_KINDS:
            return None  # "one-way attack drones", "one-sided", "two-way trade": a kind, not a count
        if one and j > 0 and self.t[j - 1] in ("احد", "أحد", "احدي", "احدى", "إحدى", "اِحدى"):
            return None  # «أحد أعضاء البرلمان»: one of the members, not a count of one
        if _ARABIC.match(t):
            if t == "من" and j + 1 < self.n:  # «ثلاثة من جنرالات القوات»
                got = self.word(j + 1, lex.counted_words)
                return (got[0], self.t[j + 1], j + 2) if got else None
            got = self.phrase(j, lex.counted)
            if got is not None:
                return got[0], t, got[1]
            got = self.word(j, lex.counted_words, definite=definite, tanween=True)
            return (got[0], t, j + 1) if got else None
        k = j
        if t == "of" and j + 1 < self.n:  # "two of the reactors", "thousands of UAVs"
            k = j + 1 + (self.t[j + 1] in ("the", "its", "their", "our"))
        for _ in range(_MODIFIERS + 1):
            if k >= self.n:
                return None
            got = self.phrase(k, lex.counted)
            if got is not None:
                return got[0], self.t[k], got[1]
            w = self.t[k]
            if w in lex.counted_words and not (k + 1 < self.n and self.t[k + 1] in _DASHES and self.glued(k + 1)):
                return lex.counted_words[w], w, k + 1  # ("missile-launching warships": the missiles only describe them)
            if w in _DASHES:
                if not (self.glued(k) and k + 1 < self.n and self.glued(k + 1)):
                    return None
                if k == j and k + 1 < self.n and self.t[k + 1] not in lex.counted_words:
                    return None  # "a 12-transponder satellite": twelve transponders, not twelve satellites
            elif w[0].isdigit():
                if not (self.glued(k) and self.t[k - 1] in _DASHES):
                    return None  # "24 Su-35 fighter jets": a model name between number and noun
            elif not w[0].isalpha() or w in lex.modifier_stops or w in lex.words or _ARABIC.match(w):
                return None
            k += 1
        return None

    def _multiple(self, j: int):
        """Return (factor, next token) for «أضعاف», "fold", "-fold" after a number, or None."""
        if j < self.n and self.t[j] in _DASHES and j + 1 < self.n and self.t[j + 1] == "fold":
            return 1.0, j + 2
        got = self.word(j, self.lex.multiples)
        return (got[0], j + 1) if got else None

    def _share(self, j: int) -> _Figure | None:
        """Read a fraction of something: «خمس العائدات», "a quarter of", "half the", "two-thirds of", «نصف مليون»."""
        lex = self.lex
        if j >= self.n:
            return None
        k = j
        got = self.phrase(j, lex.fractions, clitics=True)  # "one-third", "two thirds"
        if got is None and (self.t[j] in lex.article_one or self.t[j] == "one"):
            k = j + 1
            got = self.phrase(k, lex.fractions, clitics=True)
        if got is None:
            return None
        frac, nxt = got
        sc = self.word(nxt, lex.scales) if nxt < self.n else None
        if sc is not None and not self._plural_scale(nxt):
            return _Figure(j, nxt + 1, frac * sc[0], scaled=True, word=True)  # «نصف مليون», "half a million"
        if nxt >= self.n:
            return None
        w = self.t[nxt]
        if w.lower() in _TIME_NOUNS:
            return None  # «ونصف العام», "half a year", "half an hour": a span of time, not a share
        if _ARABIC.match(self.t[k]):
            owned = len(w) > 4 and w.endswith(("ها", "هم", "هما", "نا"))  # «نصف قيمتها»
            if not (w.startswith("ال") and len(w) > 3 or owned) or self.t[k].startswith("ال"):
                return None
        elif not (w in _SHARE_NEXT and (k > j or self.t[k] == "half" or "-" in self.t[k] or nxt - k > 1)):
            return None
        end = nxt + 1 if w == "of" else nxt
        noun = end + (end < self.n and self.t[end] in _SHARE_NEXT)
        return _Figure(j, end, round(frac * 100, 2), "percent", "percent", noun=self.t[noun] if noun < self.n else None)


    def _agrees_with_dual(self, j: int) -> bool:
        """Tell whether the dual at j follows a counted dual with only dual words between (no «و»)."""
        for k in range(j - 1, max(-1, j - 3), -1):
            if not (self.t[k].endswith(("ين", "ان")) and not self.t[k].startswith("و")) or self.t[j].startswith("و"):
                return False
            if self.word(k, self.lex.counted_duals) is not None:
                return True
        return False
    def _wordless(self, start: int, j: int, qual: str | None) -> list[_Figure]:
        """Forms without an amount: «إلى النصف», vague plurals, duals, multiples, ordinals, counts after a noun, one hour."""
        lex = self.lex
        got = self.phrase(j, lex.halved, clitics=True)
        if got is not None:
            return [_Figure(start, got[1], 50.0, "percent", "percent", qualifier=qual, change="down")]
        got = self.phrase(j, lex.doubled, clitics=True)
        if got is not None:
            return [_Figure(start, got[1], 2.0, "times", "multiple", qualifier=qual)]
        got = self.phrase(j, lex.vague, clitics=True)
        if got is not None:
            (value, label), k = got
            c = self._counted(k, definite=True)
            if c is not None:
                return [_Figure(start, c[2], float(value), c[0], "count", qualifier=label, noun=c[1])]
            k += k < self.n and self.t[k] in ("of", "من")  # «ملايين الدولارات», «عشرات الملايين من الدولارات»
            u = self.phrase(k, lex.units) or (self.phrase(k, lex.units, clitics=True)
                                              if k < self.n and _ARABIC.match(self.t[k]) else None)
            if u is not None:
                return [_Figure(start, u[1], float(value), u[0]["unit"], u[0]["kind"], qualifier=label)]
            return []
        got = self.word(j, lex.counted_duals)
        if got is not None and self._agrees_with_dual(j):
            return []  # «سفينتين حربيتين قاذفتين»: a dual describing the dual before it counts nothing more
        if got is not None:
            return [self._tail(_Figure(start, j + 1, 2.0, got[0], "count", qualifier=qual, noun=self.t[j]), start, qual)]
        got = self.word(j, lex.unit_duals, definite=False)
        if got is not None:  # «في الأسبوعين الماضيين» (definite) is a period, not a figure
            kind = "count" if got[0] == "times" else "duration"
            return [self._tail(_Figure(start, j + 1, 2.0, got[0], kind), start, qual)]
        got = self.word(j, lex.multiples, definite=False)
        if got is not None and got[0] > 1 and not _ARABIC.match(self.t[j]) and not self._modifies_noun(j):
            return [_Figure(start, j + 1, got[0], "times", "multiple", qualifier=qual)]
        one = self._one_unit(start, j, qual)
        if one is not None:
            return [one]
        got = self.word(j, lex.ordinals)
        if got is not None:
            if not _ARABIC.match(self.t[j]):
                return self._ordinal_before(start, float(got[0]), j + 1)
            return self._ordinal_arabic(j, float(got[0]), got[1])
        return self._count_after_noun(j)

    def _modifies_noun(self, j: int) -> bool:
        """"double standards", "a triple alliance": an adjective before a noun, no multiple of anything."""
        w = self.t[j].lower()
        nxt = self.t[j + 1].lower() if j + 1 < self.n else ""
        return w in ("double", "triple") and nxt.isalpha() and nxt not in _MULTIPLE_NEXT

    def _one_unit(self, start: int, j: int, qual: str | None) -> _Figure | None:
        """«لمدة ساعة», «أكثر من عام», "for an hour", "more than a decade": one unit of time."""
        lex = self.lex
        k = j + 1 if self.t[j] in lex.article_one or self.t[j] == "one" else j
        got = self.word(k, lex.one_units, definite=False)
        if got is None or (k == j and not _ARABIC.match(self.t[j])) or self.digits(k + 1):
            return None
        if k + 1 < self.n and self.t[k + 1].lower() in _month_words():
            return None  # «حتى شهر مارس 2023»: the month of a date, not one month
        if qual is None and not self.ends_with(j, lex.one_before):
            return None
        unit = self.phrase(k, lex.units)
        if unit is None or unit[0]["kind"] != "duration":
            return None
        return self._tail(_Figure(start, k + 1, 1.0, unit[0]["unit"], "duration", qualifier=qual), start, qual)

    def _ordinal_before(self, start: int, value: float, j: int) -> list[_Figure]:
        """"the 9th Caspian Media Forum", "the seventh round": an English ordinal before its series noun."""
        for k in range(j, min(self.n, j + _MODIFIERS)):
            w = self.t[k]
            if w in self.lex.series_words:
                return [_Figure(start, k + 1, value, self.lex.series_words[w], "ordinal", noun=w)]
            if w in _STOPS or w in self.lex.modifier_stops or w[0].isdigit():
                break
        return []

    def _ordinal_arabic(self, j: int, value: float, definite: bool) -> list[_Figure]:
        """«القمة الخامسة», «قمة دول بحر قزوين الخامسة», «ثاني إجراء», «الدورة التاسعة عشرة»: an Arabic ordinal of a
        series noun."""
        end = j + 1
        if end < self.n and self.t[end] in self.lex.teen_words:
            value, end = value + 10, end + 1  # «التاسعة عشرة»: the nineteenth, not the ninth
        elif value == 1:
            return []  # «الحادي» alone: "the first" is seldom a figure
        if not definite:  # the construct ordinal comes first: «ثاني إجراء مماثل»
            got = self.word(j + 1, self.lex.series_words, definite=False)
            return [_Figure(j, j + 2, value, got[0], "ordinal", noun=self.t[j + 1])] if got else []
        for k in range(j - 1, max(-1, j - 1 - _ORDINAL_REACH), -1):
            if self.t[k] in _STOPS or self.t[k][0].isdigit():
                break
            got = self.word(k, self.lex.series_words)
            if got is not None:
                return [_Figure(k, end, value, got[0], "ordinal", noun=self.t[k])]
        return []

    def _count_after_noun(self, j: int) -> list[_Figure]:
        """«فرقاطة روسية واحدة», «يوم واحد»: one, after the noun it counts.

        A definite number after a definite noun («الدول الخمس», «الضباط الثلاثة») points back to
        things already named; it is no figure of its own.
        """
        if self.t[j] not in ("واحد", "واحده"):
            return []
        one_of = j + 1 < self.n and self.t[j + 1] == "من"  # «واحد من»: one of them, unless a time unit
        for k in range(j - 1, max(-1, j - 1 - _POSTPOSED_REACH), -1):
            if self.t[k] in _STOPS or self.t[k][0].isdigit():
                break
            c = self._counted(k, definite=False)
            if c is not None and not one_of:
                if k > 0 and self.t[k - 1] == "من" and c[0] in ("parties", "sides"):
                    return []  # «من طرف واحد», «من جانب واحد»: unilateral, no count of parties
                return [_Figure(k, j + 1, 1.0, c[0], "count", noun=self.t[k])]
            u = self.phrase(k, self.lex.units)
            if u is not None and u[0]["kind"] == "duration" and u[1] == k + 1:
                return [_Figure(k, j + 1, 1.0, u[0]["unit"], "duration")]
        return []


def _yearish(v: float) -> bool:
    return v.is_integer() and 1800 <= v <= 2100


_MODEL_BEFORE = re.compile(r"[A-Za-z\u0621-\u064A]{2,}\s?[-–]\s?$")


def find_quantities(text: str, aligned: tuple | None = None) -> list[Quantity]:
    """Return every figure in `text`, ordered by start, with offsets into `text` (`aligned`: its key and positions)."""
    if aligned is None:
        aligned = match_key_aligned(text)
    key, pos = aligned
    sc = _Scanner(key, load_number_lexicon())
    out: list[Quantity] = []
    last = 0  # token after the last figure: figures do not overlap
    j = 0
    while j < sc.n:
        figs = sc.figure_at(j) if sc.could_start(j) else []
        figs = [f for f in figs if f.i >= last and f.j > f.i]
        if not figs:
            j += 1
            continue
        for f in figs:
            if f.kind == "number" and f.word and not f.scaled:
                continue  # a bare number word ("ثلاثة مسؤولين") is no figure
            s, e = pos[sc.s[f.i]], pos[sc.e[f.j - 1] - 1] + 1
            if f.kind in ("count", "number") and _MODEL_BEFORE.search(text, max(0, s - 12), s):
                continue  # «ميج -17», «سام- 30», "MiG -29": the number of a model's name, not how many
            out.append(Quantity(s, e, text[s:e], _exact(f.value), f.unit, f.kind,
                                _exact(f.value_max) if f.value_max is not None else None, f.qualifier,
                                f.noun, f.change, f.scaled))
        last = max(f.j for f in figs)
        j = max(j + 1, last)
    out.sort(key=lambda q: q.start)
    return out


def _exact(v: float) -> float:
    """Undo binary rounding of a scaled amount: 4.1 × 10⁹ is 4,100,000,000, not 4,099,999,999.9999995."""
    return float(f"{v:.12g}")


def is_year(q: Quantity) -> bool:
    """Tell whether a bare number looks like a year (1800-2100)."""
    return q.kind == "number" and not q.scaled and q.value.is_integer() and 1800 <= q.value <= 2100


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Single-word month names of the calendar (match keys, lower case)."""
    from irkg.loaders.dates import calendar

    return frozenset(k.lower() for k in calendar().month_of if " " not in k)
