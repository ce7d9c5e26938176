"""Decide how firmly a sentence states a fact: asserted, reported, alleged, expected or denied.

Cues come from `dictionaries/cues_certainty.yaml`. A cue counts when it stands before the
fact's trigger in the same sentence (hedges govern what follows them); a negation counts
only right before the trigger; a future prefix on the trigger verb (سيزور) marks it expected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from irkg.loaders.extract_lexicon import Lexicon, lexicon_of, read_yaml
from irkg.schema.graph import Certainty

# a planned event stays planned when a source reports the plan: expected outranks reported
_ORDER = (Certainty.DENIED, Certainty.ALLEGED, Certainty.EXPECTED, Certainty.REPORTED)
_AFTER_WINDOW = 30  # key characters after the trigger where a parenthetical hedge may sit
_DIGIT_AFTER = re.compile(r"\s+\d")
_NEG_WINDOW = 14
_FACTUAL_REACH = 25  # key characters between "بعد أن/after" and the trigger it makes a past fact
_CLAUSE_REACH = 60  # key characters an expectation cue reaches across a comma ("من المتوقع، بحسب مصادر، أن")
_NEAR = 40  # key characters before a trigger where a threat word makes it expected  # key characters between a negation and the trigger it denies


@lru_cache(maxsize=1)
def certainty_lexicons() -> tuple[Lexicon, Lexicon]:
    """Return (hedge lexicon: level -> cues, negation lexicon)."""
    data = read_yaml("cues_certainty.yaml")
    hedges = lexicon_of({k: data.get(k, []) for k in ("reported", "alleged", "expected", "denied")}
                        | {"denied_after": data.get("denied_after", []), "expected_near": data.get("expected_near", []),
                           "aside": data.get("asides", [])})
    negation = lexicon_of({"negation": data.get("negation", []), "factual": data.get("factual_openers", [])})
    return hedges, negation


def assess_certainty(key: str, start: int = -1, end: int = -1, prefix: str = "") -> Certainty:
    """Return the certainty of a fact whose trigger spans key[start:end] (whole sentence if -1)."""
    hedges, negation = certainty_lexicons()
    still = _still_lexicon()
    limit = len(key) if start < 0 else start
    hits = hedges.find(key, 0, limit)
    asides = [h for h in hits if h.cat == "aside"]
    found = {Certainty(h.cat) for h in hits
             if not _is_month(key, h) and h.cat not in ("denied_after", "expected_near", "aside")
             and not any(a.start <= h.start < a.end for a in asides)
             and not (h.cat == "expected" and start >= 0 and _other_clause(key, h.end, start, negation))}
    if start >= 0 and any(h.cat == "expected_near" for h in hedges.find(key, max(0, start - _NEAR), start)):
        found.add(Certainty.EXPECTED)  # "التهديدات الإسرائيلية بضربة": a threatened strike
    if start >= 0:  # a parenthetical hedge just after the trigger: "وسّعت، حسبما يُزعم،"
        found |= {Certainty(h.cat) for h in hedges.find(key, end)
                  if h.cat in ("alleged", "reported") and (h.start < end + _AFTER_WINDOW or _trailing(key, h))}
        # "..., وهو ما نفته الخارجية": a denial reported right after the claim
        if any(h.cat == "denied_after" for h in hedges.find(key, end, end + 90)):
            found.add(Certainty.DENIED)
    if start >= 0:
        word = start - len(prefix)  # negations stand before the trigger's word, clitics included
        negs = [n for n in negation.find(key, max(0, word - _NEG_WINDOW), word)
                if n.cat == "negation" and not still.find(key, n.start - len(n.prefix), n.end + 6)]
        if negs:
            found.add(Certainty.DENIED)
        if "س" in prefix:
            found.add(Certainty.EXPECTED)
    for level in _ORDER:
        if level in found:
            return level
    return Certainty.ASSERTED


@lru_cache(maxsize=1)
def _still_lexicon() -> Lexicon:
    """Return the 'still' phrases whose negation particle negates nothing ("لا يزال محدودا")."""
    return lexicon_of({"still": read_yaml("cues_certainty.yaml").get("not_negation", [])})


def _other_clause(key: str, a: int, b: int, lex: Lexicon) -> bool:
    """Tell whether key[a:b] crosses into another clause: a far cue ("قد يعزز ...، بحيث ... الانسحاب") binds its own verb."""
    if any(h.cat == "factual" for h in lex.find(key, max(a, b - _FACTUAL_REACH), b)):
        return True  # "قد يزيد التوتر بعد أن انسحبت القوات": what came before is a fact
    return b - a > _CLAUSE_REACH and any(c in key[a:b] for c in "،,؛;")


def _trailing(key: str, h) -> bool:
    """Tell whether a hedge opens the sentence's last clause (", بحسب وسائل إعلام", ", according to X")."""
    at = h.start - len(h.prefix)
    comma = max(key.rfind("،", 0, at), key.rfind(",", 0, at))
    # the hedge may follow a short subject: ", Russian officials said."
    return comma >= 0 and len(key[comma + 1:at].split()) <= 3 and not any(c in key[h.end:] for c in "،,؛;")


def _is_month(key: str, h) -> bool:
    """Tell whether the modal "may" is the month ("on May 21", "in May 2024")."""
    return h.cue == "may" and (bool(_DIGIT_AFTER.match(key, h.end)) or key[max(0, h.start - 3):h.start] in ("in ", "of "))


def certainty_of(text: str) -> Certainty:
    """Return the certainty a whole sentence carries (display text)."""
    from irkg.loaders.arabic import match_key

    return assess_certainty(match_key(text))


# attribution of the whole sentence: "..., according to Interfax", «وفق ما أفادت», "LSEG data show"; «وفقًا لما
# نقلته وكالة تسنيم» anywhere («وفقا للاتفاق», "in line with the deal", needs the comma)
_VOWELS = "[\u064b-\u0652]*"
ATTRIBUTED = re.compile(r"(?:(?:[،,]\s*|^\s*)(?:و?وفق" + _VOWELS + r"(?:ا)?" + _VOWELS + r"\s+(?:ما|ل)|و?بحسب|و?حسب\s*ما|"
                        r"كما\s+(?:ذكرت|أفادت|افادت|نقلت)|نقلا\s+عن|according\s+to|citing)\s"
                        r"|(?:و?وفق" + _VOWELS + r"ا?" + _VOWELS + r"\s+لما|و?حسبما|و?بحسب\s+ما)\s+(?:نقل|ذكر|أفاد|افاد|أورد|اورد|أعلن|اعلن|أوردت|اوردت)"
                        r"|\b(?:data|figures|statistics)\s+(?:show|shows|showed)\b"
                        # "..., they said, asking not to be named ...": the source named before a trailing aside
                        r"|[,،]\s*(?:[^\s,،]+\s+){1,4}?(?:said|say|says|told\s+\w+)\s*,\s*(?:asking|adding|speaking|declining|requesting|citing|who)\b"
                        r"|(?:أظهرت|تظهر|تشير|وتشير|وأظهرت)\s+(?:بيانات|أرقام|إحصاءات|الأرقام|البيانات)"
                        r"|(?:بيانات|أرقام|إحصاءات|الأرقام|البيانات)(?:\s+\S+){1,3}?\s+(?:تشير|تظهر|أظهرت|أشارت)\s)", re.I)


@lru_cache(maxsize=1)
def _reported_after() -> re.Pattern:
    """A source named after the whole sentence: "..., Iranian state media and the Kremlin said.", "..., TASS
    reports.", "..., the minister told reporters on Friday." (cues_certainty.yaml `sources_after`)."""
    data = read_yaml("cues_certainty.yaml")["sources_after"]
    verbs = "|".join(re.escape(w) for w in data["verbs"])
    after = "|".join(re.escape(w) for w in data["after_verb"])
    # "..., the agency reported." and, the verb first, "..., said AFP."
    return re.compile(r"[,،]\s*(?:(?:[^\s,،]+\s+){1,6}?(?:" + verbs + r")(?:\s+(?:" + after + r"))*"
                      r"|(?:" + verbs + r")\s+(?:[^\s,،]+\s*){1,4}?)\W*$", re.I)


def reported_after(text: str) -> bool:
    """Tell whether a sentence (or its rest after a trigger) ends by naming the source that reports it."""
    return bool(_reported_after().search(text.rstrip()))


def source_named(text: str, start: int, end: int) -> bool:
    """Tell whether the sentence text[start:end] names a source for all it says: "according to", «وفق ما أفادت», or
    "..., the agency reported" at its end."""
    return bool(ATTRIBUTED.search(text, start, end)) or reported_after(text[start:end])


def sourced(cert: Certainty, text: str, start: int, end: int) -> Certainty:
    """An asserted clause whose sentence text[start:end] names its source ("..., said AFP", «وفق ما أفادت») is reported."""
    return Certainty.REPORTED if cert == Certainty.ASSERTED and source_named(text, start, end) else cert


_QUOTE_OPEN = "\"«“"
_QUOTE_CLOSE = "\"»”"
_REPORT_BEFORE = re.compile(r"(?:قال|قالت|أضاف|اضاف|أكد|اكد|أعلن|اعلن|جاء في|ورد في|بيان|تصريح|said|says|added|stated|statement|told)", re.I)


def quoted_report(text: str, at: int) -> bool:
    """Tell whether a position lies inside a quotation that a statement introduces ("X said: «...»",
    «وجاء في بيان الكرملين: "..."»): the words are the speaker's, reported by the text."""
    opens = [i for i in range(max(0, at - 600), at) if text[i] in _QUOTE_OPEN]
    for i in reversed(opens):
        if text[i] == '"' and text.count('"', i + 1, at) % 2:
            continue  # a closing straight quote
        if any(c in _QUOTE_CLOSE and c != '"' for c in text[i + 1:at]):
            return False  # «...» closed before the position
        lead = text[max(0, i - 60):i].rstrip()
        if not text[:i].strip():
            return True  # a paragraph that opens with a quotation is someone's words ("“Over the past two years ...”")
        return (lead.endswith(":") and bool(_REPORT_BEFORE.search(lead))) or bool(_SAYING_END.search(lead))
    return False


# «ونسبت الوكالة للسفير قوله "..."», "quoted him as saying, "..."": a quotation right after a word of saying
_SAYING_END = re.compile(r"(?:قوله|قولها|قولهم|قولهما|قائلا|قائلة|قائلين|مضيفا|مضيفة|saying|said|says|added|stated)\s*[:,،]?$", re.I)
