"""Readable labels in English and Arabic, built from a record's fields (never a cut of its sentence)."""

from __future__ import annotations

import re

import pytest

from irkg.loaders.dictionaries import load_dictionaries
from irkg.loaders.labels import format_number, label_records
from irkg.schema.graph import (
    ActorRecord,
    AgreementRecord,
    ConstraintRecord,
    DocumentRecord,
    EventRecord,
    Evidence,
    FrictionRecord,
    IndicatorRecord,
    Participant,
    StanceRecord,
)

SENTENCE = "زار الأمين العام للمجلس موسكو في أكتوبر لتسليم رسالة إلى الرئيس، وفق مصادر مطلعة."


def ev(**claims) -> Evidence:
    return Evidence(doc="d.txt", passage=0, start=0, end=len(SENTENCE), text=SENTENCE, claims=claims)


@pytest.fixture(scope="module")
def dicts():
    return load_dictionaries()


# (record, English label, Arabic label)
CASES = [
    (EventRecord(id="e1", label=SENTENCE[3:40], type="visit", date="2025-10", place="moscow",
                 participants=["ali_larijani", "russia"],
                 roles=[Participant(actor="ali_larijani", role="visitor"), Participant(actor="russia", role="host")],
                 summary=SENTENCE[5:60], evidence=[ev()]),
     "Ali Larijani (Iran) visits Moscow, 2025-10", "زيارة علي لاريجاني (إيران) إلى موسكو، 2025-10"),
    (EventRecord(id="e2", label="x", type="delivery", items=["su35"], participants=["russia", "iran"],
                 roles=[Participant(actor="russia", role="supplier"), Participant(actor="iran", role="recipient")],
                 certainty="expected", evidence=[ev()]),
     "Russia delivers Su-35 to Iran", "تسليم سو-35 من روسيا إلى إيران"),
    (EventRecord(id="e3", label="x", type="sanction", participants=["iran"],
                 roles=[Participant(actor="iran", role="target")], evidence=[ev()]),
     "Sanctions on Iran", "عقوبات على إيران"),
    (AgreementRecord(id="agreement:membership:brics+iran:1", label="x", agreement_kind="membership",
                     parties=["brics", "iran"], date="2025", evidence=[ev()]),
     "Iran's membership of BRICS, 2025", "عضوية إيران في بريكس، 2025"),
    (ConstraintRecord(id="constraint:arms:relations_israel", label="x", factor="relations with Israel",
                      constrains="arms", actors=["israel"], evidence=[ev(factor="relations_israel")]),
     "Constraint on arms deliveries: relations with Israel", "قيد على صفقات الأسلحة: العلاقات مع إسرائيل"),
    (FrictionRecord(id="f1", label="x", parties=["iran", "russia"], topic="caspian", historical=True, evidence=[ev()]),
     "Iran–Russia historical friction over Caspian", "توتر تاريخي بين إيران وروسيا بشأن بحر قزوين"),
    (IndicatorRecord(id="i1", label="x", what="bilateral trade", value=4.8e9, unit="USD", date="2024", evidence=[ev()]),
     "Bilateral trade, 2024: 4.8 billion USD", "التبادل التجاري، 2024: 4.8 مليار دولار"),
    # a rate unit in the label's language: the base unit, then its "per"
    (IndicatorRecord(id="i2", label="x", what="bilateral trade", value=5e9, unit="USD per year", evidence=[ev()]),
     "Bilateral trade: 5 billion USD per year", "التبادل التجاري: 5 مليار دولار سنويا"),
    (IndicatorRecord(id="i3", label="x", what="number of reactors", value=2, unit="reactors", evidence=[ev()]),
     "Number of reactors: 2 reactors", "عدد المفاعلات: 2 مفاعل"),
    (IndicatorRecord(id="i5", label="x", what="number of power plants", value=1, unit="power plants", evidence=[ev()]),
     "Number of power plants: 1 power plant", "عدد محطات الطاقة: 1 محطة طاقة"),
    (IndicatorRecord(id="i4", label="x", what="number of reactors to be built (lower bound)", value=2, unit="reactors", evidence=[ev()]),
     "Number of reactors to be built (lower bound): 2 reactors", "عدد المفاعلات المقرر بناؤها (حد أدنى): 2 مفاعل"),
]


@pytest.mark.parametrize("record,en,ar", CASES, ids=[c[0].id for c in CASES])
def test_label_from_fields(dicts, record, en, ar):
    (out,) = label_records([record], dicts)
    assert (out.label, out.label_ar) == (en, ar)


def test_stance_label_names_its_source(dicts):
    doc = DocumentRecord(id="d", label="d.txt", file="d.txt", sha256="0", lang="ar", title_en="A sample brief", title_ar="موجز تجريبي")
    st = StanceRecord(id="s", label="x", characterization="not_alliance", source="d.txt", evidence=[ev()])
    _, out = label_records([doc, st], dicts)
    assert out.label == "A sample brief: describes the relationship as not an alliance"
    assert out.label_ar == "موجز تجريبي: تصف العلاقة بأنها ليست تحالف"


def test_unlinked_actor_named_from_its_record(dicts):
    person = ActorRecord(id="unlinked:سامي_الفلاني", label="سامي الفلاني", type="person", names=["سامي الفلاني"], linked=False)
    event = EventRecord(id="e", label="x", type="statement", participants=[person.id],
                        roles=[Participant(actor=person.id, role="speaker")], topics=["trade"], evidence=[ev()])
    out = label_records([person, event], dicts)[1]
    assert out.label == "سامي الفلاني states a position on trade"
    assert out.label_ar == "تصريح سامي الفلاني بشأن التجارة"


@pytest.mark.parametrize("record,en,ar", CASES, ids=[c[0].id + "-words" for c in CASES])
def test_label_never_cuts_the_sentence(dicts, record, en, ar):
    (out,) = label_records([record.model_copy(deep=True)], dicts)
    for label in (out.label, out.label_ar):
        assert label == " ".join(label.split())
        # every word of the label is a whole word of a name or of the label vocabulary, never a piece of the quote
        assert not any(w in SENTENCE.split() for w in re.findall(r"[\u0600-\u06ff]+", label) if w not in ("إلى", "في", "على", "من"))


@pytest.mark.parametrize("value,en,ar", [(5e9, "5 billion", "5 مليار"), (1.3e9, "1.3 billion", "1.3 مليار"), (400000, "400,000", "400,000"), (96, "96", "96")])
def test_format_number(value, en, ar):
    assert (format_number(value, "en"), format_number(value, "ar")) == (en, ar)


def test_writer_stores_both_labels(dicts):
    from irkg.graph.rows import record_props

    (out,) = label_records([CASES[0][0].model_copy(deep=True)], dicts)
    props = record_props(out)
    assert props["label"] == CASES[0][1] and props["label_ar"] == CASES[0][2]
