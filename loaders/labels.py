"""Give every record a readable label in English and Arabic, built from its structured fields.

A label names who did what, to whom, where and when ("Ali Larijani (Iran) visits Moscow,
2025-10" / "زيارة علي لاريجاني (إيران) إلى موسكو، 2025-10"), from the record's ids resolved
through the dictionaries and the document's own actor records; never from a cut of the
sentence, so a label never starts or ends inside a word. The words around the names
(event verbs, agreement kinds, factors, measures) are data: `dictionaries/labels.yaml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from irkg.loaders.extract_lexicon import read_yaml
from irkg.schema.graph import (
    ActorRecord,
    AgreementRecord,
    ConstraintRecord,
    DocumentRecord,
    EventRecord,
    FrictionRecord,
    IndicatorRecord,
    ItemRecord,
    Record,
    StanceRecord,
    TopicRecord,
)

LANGS = ("en", "ar")
_ARABIC = re.compile("[\u0600-\u06ff]")
_SEP = {"en": ", ", "ar": "، "}
_PAIR_DASH = "–"
MAX_NAMES = 3  # names listed in one slot before "and N others"

SEVERAL = "(several)"  # the name marking an agreement record that stands for several unnamed agreements


@functools.lru_cache(maxsize=1)
def label_words() -> dict[str, Any]:
    """Read the label vocabulary (event templates, kinds, factors, measures, units)."""
    return read_yaml("labels.yaml")


class Names:
    """Resolve ids (actors, items, topics, places, agreements) to names in one language."""

    def __init__(self, records: Iterable[Record], dicts: Any):
        self.dicts = dicts
        self.actors: dict[str, ActorRecord] = {}
        self.agreements: dict[str, AgreementRecord] = {}
        for r in records:
            if isinstance(r, ActorRecord):
                self.actors[r.id] = r
            elif isinstance(r, AgreementRecord):
                self.agreements[r.id] = r

    def actor(self, ref: str, lang: str, with_state: bool = False) -> str:
        entry = self.dicts.actors.get(ref) if self.dicts is not None else None
        rec = self.actors.get(ref)
        en = (entry.name_en if entry else None) or (rec.name_en if rec else None)
        ar = (entry.name_ar if entry else None) or (rec.name_ar if rec else None)
        if rec and not (en or ar):
            en = next((n for n in rec.names if n.isascii()), None)
            ar = next((n for n in rec.names if not n.isascii()), None)
        name = (ar or en) if lang == "ar" else (en or ar)
        name = name or _readable_id(ref)
        if with_state:
            state = self._state_of(ref, entry, rec)
            if state and state != ref:
                name += f" ({self.actor(state, lang)})"
        return name

    def _state_of(self, ref: str, entry: Any, rec: ActorRecord | None) -> str | None:
        kind = str(entry.type) if entry else (str(rec.type) if rec else "")
        if not kind.endswith("person"):
            return None
        if entry and entry.country:
            return entry.country
        roles = (entry.roles if entry else []) or []
        for role in roles:
            if role.state:
                return role.state
        for role in (rec.roles if rec else []) or []:
            if role.get("state"):
                return role["state"]
        return None

    def item(self, ref: str, lang: str) -> str:
        e = self.dicts.items.get(ref) if self.dicts is not None else None
        if e is None:
            return _readable_id(ref)
        return (e.name_ar or e.name_en) if lang == "ar" else e.name_en

    def topic(self, ref: str | None, lang: str) -> str:
        if not ref:
            return label_words()["words"]["cooperation"][_i(lang)]
        e = self.dicts.topics.get(ref) if self.dicts is not None else None
        if e is None:
            return _readable_id(ref)
        return (e.name_ar or e.name_en) if lang == "ar" else e.name_en

    def place(self, ref: str | None, lang: str) -> str | None:
        if not ref:
            return None
        e = self.dicts.places.get(ref) if self.dicts is not None else None
        if e is not None:
            return (e.name_ar or e.name_en) if lang == "ar" else e.name_en
        if self.dicts is not None and ref in self.dicts.actors:
            return self.actor(ref, lang)
        return _readable_id(ref)

    def agreement(self, ref: str | None, lang: str) -> str | None:
        if not ref:
            return None
        rec = self.agreements.get(ref)
        return agreement_name(rec, self, lang) if rec else _readable_id(ref.split(":")[-1])

    def join(self, names: list[str], lang: str) -> str:
        """Return names joined as a reader would write them: "A, B and C" / "A وB وC"."""
        names = [n for i, n in enumerate(names) if n and n not in names[:i]]
        if len(names) > MAX_NAMES:
            more = len(names) - MAX_NAMES + 1
            names = names[: MAX_NAMES - 1] + [f"{more} others" if lang == "en" else f"{more} أطراف أخرى"]
        if not names:
            return label_words()["words"]["unnamed_actors"][_i(lang)]
        if len(names) == 1:
            return names[0]
        if lang == "ar":
            return " و".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


def _is_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def _i(lang: str) -> int:
    return 1 if lang == "ar" else 0


def _readable_id(ref: str) -> str:
    """Return an id as words (`unlinked:نعمت_الله_ازادي` -> `نعمت الله ازادي`)."""
    return ref.split(":")[-1].replace("_", " ").strip()


def _date_suffix(date: str | None, lang: str) -> str:
    return f"{_SEP[lang]}{date}" if date else ""


def _drop_states_of_persons(ids: list[str], names: Names) -> list[str]:
    """Leave out a state when one of its officials is named beside it ("Putin (Russia)", not "Russia, Putin")."""
    states = {names._state_of(i, names.dicts.actors.get(i) if names.dicts is not None else None, names.actors.get(i)) for i in ids}
    return [i for i in ids if i not in states] or ids


def event_label(r: EventRecord, names: Names, lang: str) -> str:
    """Return "who does what to whom (where), when" for an event."""
    words = label_words()
    agents_roles, patient_roles = set(words["roles"]["agent"]), set(words["roles"]["patient"])
    roles = [(p.actor, p.role or "") for p in r.roles] or [(a, "") for a in r.participants]
    agents = [a for a, role in roles if role in agents_roles or (role not in patient_roles and role)]
    patients = [a for a, role in roles if role in patient_roles]
    if not agents and not patients:
        agents = [a for a, _ in roles]
    agents = _drop_states_of_persons(list(dict.fromkeys(agents)), names)
    patients = [p for p in dict.fromkeys(patients) if p not in agents]
    place = names.place(r.place, lang)
    b_names = [names.actor(x, lang, with_state=True) for x in patients]
    if r.type == "visit" and place:
        b_names = [place]
    elif place and not b_names and r.type in ("withdrawal", "intervention", "invasion", "annexation", "strike", "attack"):
        b_names = [place]
    kind = "phone_meeting" if r.type == "meeting" and r.channel == "phone" else r.type  # a call: who spoke by phone
    forms = words["events"].get(kind) or words["events"]["other"]
    noun = words["event_nouns"].get(kind, words["event_nouns"]["other"])[_i(lang)]
    x_parts = [names.item(i, lang) for i in r.items]
    agreement = names.agreement(r.agreement, lang)
    if agreement and r.type == "withdrawal" and not b_names:
        b_names = [agreement]  # "United States withdraws from Joint Comprehensive Plan of Action"
    elif agreement and r.type in ("signing", "ratification", "entry_into_force"):
        x_parts = [agreement]  # "sign the Iran–Russia agreement", not "sign oil and the agreement"
    elif agreement:
        x_parts.append(agreement)
    if not x_parts and r.topics and r.type in ("statement", "other"):
        x_parts = [names.topic(r.topics[0], lang)]
    a = names.join([names.actor(x, lang, with_state=True) for x in agents], lang) if agents else ""
    b = names.join(b_names, lang) if b_names else ""
    x = names.join(x_parts, lang) if x_parts else ""
    if lang == "ar":
        template = forms["ar"] if a else forms["ar0"]
    else:
        template = (forms["en2"] if len(agents) > 1 else forms["en"]) if a else forms["en0"]
    missing = ("{b}" in template and not b) or ("{x}" in template and not x)
    if missing:
        # a slot the sources leave empty: name the event by its noun and what is known
        head = f"{a}: {noun}" if a else (noun[:1].upper() + noun[1:] if lang == "en" else noun)
        extra = [v for v in (x, b) if v]
        text = head + (f" ({_SEP[lang].join(extra)})" if extra else "")
    else:
        text = template.format(a=a, b=b, x=x)
    if place and place not in text:
        text += (" in " if lang == "en" else " في ") + place
    return text + _date_suffix(r.date, lang)


def agreement_name(r: AgreementRecord, names: Names, lang: str) -> str:
    """Return the agreement's own name in the language, or its kind and parties."""
    words = label_words()
    own = [n for n in r.names if n and not n.endswith("=")]
    pick = next((n for n in own if _is_arabic(n) == (lang == "ar") and len(n.split()) >= 2), None)
    known = r.id.count(":") <= 1  # a well-known agreement (agreement:cspt), not one named by its kind
    if pick and known:
        return pick
    if lang == "en" and known and r.label and not _is_arabic(r.label) and "(" not in r.label:
        return r.label
    kind = words["agreement_kinds"].get(str(r.agreement_kind), words["agreement_kinds"]["agreement"])[_i(lang)]
    parties = [names.actor(p, lang) for p in r.parties]
    if str(r.agreement_kind) == "membership" and len(parties) >= 2:
        # a membership is the member's in the organization: the organization is the party that is no state
        org = next((p for p in r.parties if not _is_state(p, names)), r.parties[0])
        members = [names.actor(p, lang) for p in r.parties if p != org]
        member_of = words["words"]["membership_of"][_i(lang)]
        if lang == "ar":
            return f"{member_of} {names.join(members, lang)} في {names.actor(org, lang)}"
        return f"{names.join(members, lang)}'s {member_of} {names.actor(org, lang)}"
    if SEVERAL in r.names:
        kind = words["words"]["several"][_i(lang)].format(kind=kind)  # a group of unnamed agreements
    if not parties:
        return kind
    if lang == "ar":
        return f"{kind} بين {names.join(parties, lang)}" if len(parties) > 1 else f"{kind} {parties[0]}"
    return f"{_PAIR_DASH.join(parties[:MAX_NAMES])} {kind}"


def _is_state(ref: str, names: Names) -> bool:
    e = names.dicts.actors.get(ref) if names.dicts is not None else None
    return bool(e and str(e.type).endswith("state"))


def agreement_label(r: AgreementRecord, names: Names, lang: str) -> str:
    many = (" (multilateral)" if lang == "en" else " (متعددة الأطراف)") if r.multilateral else ""
    return agreement_name(r, names, lang) + many + _date_suffix(r.date, lang)


def friction_label(r: FrictionRecord, names: Names, lang: str) -> str:
    w = label_words()["words"]
    head = w["historical_friction" if r.historical else "friction"][_i(lang)]
    parties = [names.actor(p, lang) for p in r.parties]
    topic = names.topic(r.topic, lang) if r.topic else None
    third = [names.actor(p, lang) for p in r.third_parties]
    if lang == "ar":
        text = f"{head} بين {names.join(parties, lang)}" if parties else head
        if topic:
            text += f" بشأن {topic}"
        if third:
            text += f" (مع {names.join(third, lang)})"
        return text
    text = f"{_PAIR_DASH.join(parties)} {head}" if parties else head.capitalize()
    if topic:
        text += f" over {topic}"
    if third:
        text += f" (with {names.join(third, lang)})"
    return text


def _factor_slug(r: ConstraintRecord) -> str:
    for e in r.evidence:
        if e.claims.get("factor"):
            return e.claims["factor"]
    return r.id.split(":")[-1]


def factor_text(r: ConstraintRecord, names: Names, lang: str) -> str:
    """Return the constraining factor in the language (from its slug), else its English description."""
    factors = label_words()["factors"]
    slug = _factor_slug(r)
    if slug in factors:
        return factors[slug][_i(lang)]
    for prefix in ("relations", "past_deal", "pressure"):
        if slug.startswith(prefix) and r.actors:
            return factors[prefix][_i(lang)].format(a=names.join([names.actor(a, lang) for a in r.actors], lang))
    if lang == "en" or not r.factor:
        return r.factor
    return r.factor


def constraint_label(r: ConstraintRecord, names: Names, lang: str) -> str:
    head = label_words()["words"]["constraint_on"][_i(lang)]
    return f"{head} {names.topic(r.constrains, lang)}: {factor_text(r, names, lang)}"


def format_number(value: float, lang: str) -> str:
    """Return a figure as a reader writes it: 5000000000 -> "5 billion" / "5 مليار"."""
    for size, en, ar in label_words()["scale"]:
        if abs(value) >= size:
            n = value / size
            return f"{_plain_number(n)} {ar if lang == 'ar' else en}"
    return _plain_number(value)


def _plain_number(n: float) -> str:
    if float(n).is_integer():
        return f"{int(n):,}" if abs(n) >= 10000 else str(int(n))
    return f"{n:.2f}".rstrip("0").rstrip(".")


_BOUNDS = {"about", "more than", "at least", "less than", "up to"}


_MEASURE_TAILS = (" (lower bound)", " (upper bound)", " to be built", " growth", " increase", " decline", " demanded")


def _measure_ar(what: str, words: dict) -> str:
    """Return an indicator's measure in Arabic, built from its parts: a sector, the measure itself ("number of X",
    "amount in U" or a named measure), growth, what is still to be built and bounds; an unknown part stays English."""
    tails = []
    base = what
    for t in _MEASURE_TAILS:
        if base.endswith(t):
            tails.insert(0, t.strip(" ()"))
            base = base[: -len(t)]
    sector = next((k for k in words.get("sectors", {}) if base.startswith(k + " ")), None)
    if sector:
        base = base[len(sector) + 1:]  # "agricultural bilateral trade": the measure, then its sector after it
    counted = words.get("counted", {})
    if base in words["measures"]:
        text = words["measures"][base]
    elif base.startswith("number of ") and base[len("number of "):] in counted:
        text = f"{words['measures']['number of']} {counted[base[len('number of '):]]}"
    elif base.startswith(("amount in ", "quantity in ")):
        kind, _, unit = base.partition(" in ")
        text = f"{words['measures'][kind]} {_unit_words(unit, 'ar', words)}"
    else:
        text = base
    if sector:
        text += f" {words['sectors'][sector]}"
    for t in tails:
        text = f"{words['units']['growth'][1]} {text}" if t == "growth" else f"{text} {words['measure_tails'][t]}"
    return text


def indicator_label(r: IndicatorRecord, names: Names, lang: str) -> str:
    words = label_words()
    what = _measure_ar(r.what, words) if lang == "ar" else r.what
    unit_text = _unit_words(r.unit, lang, words, r.value)
    figure = format_number(r.value, lang)
    qual = next((e.claims.get("qualifier") for e in r.evidence if e.claims.get("qualifier")), None)
    said = words.get("qualifiers", {})
    if qual in said and qual not in _BOUNDS:  # "hundreds of drones": the count is vague, its number a lower bound
        figure = said["vague"][_i(lang)].format(q=said[qual][_i(lang)], n=figure)
    elif qual in said:
        figure = f"{said[qual][_i(lang)]} {figure}"
    value = f"{figure}{unit_text}" if unit_text == "%" else f"{figure} {unit_text}"
    who = [names.actor(a, lang) for a in r.actors]
    head = what[:1].upper() + what[1:] if lang == "en" else what
    if who and len(who) <= 2:
        head += f" ({_PAIR_DASH.join(who)})"
    when = _date_suffix(r.date, lang)
    if r.period:
        when += f"{_SEP[lang]}{_period_words(r.period, lang)}"
    return f"{head}{when}: {value}"


def _unit_words(unit: str | None, lang: str, words: dict, value: float | None = None) -> str | None:
    """Return a unit in the label's language: "USD per year" is «دولار سنويا», "3 years" «3 سنوات» (Arabic counts 3
    to 10 in the plural, a third form where labels.yaml gives one); a unit not in labels.yaml stays as is."""
    if unit is None:
        return None
    base, _, per = unit.partition(" per ")
    got = words["units"].get(unit) or words["units"].get(base)
    if got is None:
        return unit
    plural = lang == "ar" and len(got) > 2 and value is not None and float(value).is_integer() and 3 <= value <= 10
    text = got[2] if plural else got[_i(lang)]
    if lang == "en" and value == 1 and not per and base in words.get("counted", {}):
        text = _singular(text)  # "1 power plant", not "1 power plants
    if per and not words["units"].get(unit):
        rate = words.get("per", {}).get(per)
        text += f" {rate[_i(lang)]}" if rate else f" per {per}"
    return text


def _singular(noun: str) -> str:
    """Return the singular of an English plural unit ("power plants", "batches", "countries"; "aircraft" stays)."""
    for plural, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", "")):
        if noun.endswith(plural) and not noun.endswith("ss"):
            return noun[: -len(plural)] + single
    return noun


_PERIOD = re.compile(r"^(first|last) (\d+) months$|^(first|second|third|fourth) (half|quarter)$")


def _period_words(period: str, lang: str) -> str:
    """"first 5 months" → «أول 5 أشهر», "second half" → «النصف الثاني»; a span of month names stays as written."""
    m = _PERIOD.match(period)
    if lang != "ar" or m is None:
        return period
    w = label_words()["periods"]
    if m.group(1):
        return f"{w[m.group(1)]} {m.group(2)} {w['months']}"
    return f"{w[m.group(4)]} {w['ordinals'][m.group(3)]}"


def stance_label(r: StanceRecord, names: Names, lang: str, source: str) -> str:
    words = label_words()
    c = r.characterization
    negated = c.startswith("not_")
    char = words["characterizations"].get(c[4:] if negated else c)
    text = char[_i(lang)] if char else _readable_id(c[4:] if negated else c)
    if negated:
        text = f"ليست {text}" if lang == "ar" else f"not {text}"
    return f"{source}: {words['words']['stance'][_i(lang)]} {text}"


def _source_name(doc: DocumentRecord | None, file: str, lang: str) -> str:
    if doc is None:
        return file
    if lang == "ar":
        return doc.title_ar or doc.title or doc.title_en or file
    return doc.title_en or doc.title or doc.title_ar or file


def record_labels(r: Record, names: Names, docs: dict[str, DocumentRecord]) -> tuple[str, str] | None:
    """Return (English, Arabic) labels for a record, or None to keep what it has."""
    out = []
    for lang in LANGS:
        if isinstance(r, EventRecord):
            out.append(event_label(r, names, lang))
        elif isinstance(r, AgreementRecord):
            out.append(agreement_label(r, names, lang))
        elif isinstance(r, FrictionRecord):
            out.append(friction_label(r, names, lang))
        elif isinstance(r, ConstraintRecord):
            out.append(constraint_label(r, names, lang))
        elif isinstance(r, IndicatorRecord):
            out.append(indicator_label(r, names, lang))
        elif isinstance(r, StanceRecord):
            out.append(stance_label(r, names, lang, _source_name(docs.get(r.source), r.source, lang)))
        elif isinstance(r, ActorRecord):
            out.append(names.actor(r.id, lang))
        elif isinstance(r, ItemRecord):
            out.append((r.name_ar or r.label) if lang == "ar" else (names.item(r.id, "en") if r.id in names.dicts.items else r.label))
        elif isinstance(r, TopicRecord):
            out.append(names.topic(r.id, lang) if r.id in names.dicts.topics else ((r.name_ar or r.label) if lang == "ar" else r.label))
        elif isinstance(r, DocumentRecord):
            out.append(_source_name(r, r.file, lang))
        else:
            return None
    return out[0], out[1]


def label_records(records: list[Record], dicts: Any, documents: Iterable[DocumentRecord] = ()) -> list[Record]:
    """Set `label` (English) and `label_ar` on every record from its fields; return the records."""
    names = Names(records, dicts)
    docs = {d.file: d for d in (*documents, *(r for r in records if isinstance(r, DocumentRecord)))}
    for r in records:
        labels = record_labels(r, names, docs)
        if labels:
            r.label, r.label_ar = (" ".join(x.split()) for x in labels)
    return records
