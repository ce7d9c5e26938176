"""Certainty cues: reported, alleged, expected, denied, asserted."""

import pytest

from irkg.loaders.arabic import match_key
from irkg.loaders.certainty import assess_certainty, certainty_of


@pytest.mark.parametrize(
    "text,level",
    [
        ("أفادت وكالة أنباء بأن الوفد وصل إلى بكين", "reported"),
        ("بحسب مصادر دبلوماسية، جرى الاتفاق على الخطة", "reported"),
        ("يُزعم أن الشحنة عبرت بحر قزوين", "alleged"),
        ("من المقرر أن يزور الوزير أنقرة الشهر المقبل", "expected"),
        ("نفت الحكومة إرسال أي أسلحة", "denied"),
        ("افتتح الرئيس المصنع الجديد", "asserted"),
    ],
)
def test_sentence_certainty(text, level):
    assert certainty_of(text) == level


def test_negation_right_before_trigger_denies():
    key = match_key("لم تسلم روسيا المنظومة")
    start = key.index("تسلم")
    assert assess_certainty(key, start, start + 4) == "denied"


def test_future_prefix_marks_expected():
    key = match_key("سيزور الرئيس بكين")
    assert assess_certainty(key, 0, 5, prefix="س") == "expected"


def test_past_qad_is_not_a_hedge():
    assert certainty_of("وقد وقّع الطرفان الاتفاق") == "asserted"


@pytest.mark.parametrize(
    "text,level",
    [
        ("Russia has reportedly delayed the shipment", "reported"),
        ("Iran allegedly supplied drones to Russia", "alleged"),
        ("Moscow is expected to deliver the reactors by 2030", "expected"),
        ("The ministry denied that the jets had arrived", "denied"),
        ("The parliament ratified the treaty on May 21, 2025", "asserted"),
    ],
)
def test_english_sentence_certainty(text, level):
    assert certainty_of(text) == level


def test_still_is_no_negation():
    key = match_key("ولا يزال التعاون محدوداً")
    start = key.index("محدود")
    assert assess_certainty(key, start, start + 5) == "asserted"


@pytest.mark.parametrize(("text", "certainty"), [
    # what a set-up is for is no event that happened
    ("Iran set up a command centre in Syria to direct attacks on Israel.", "expected"),
    ("أنشأت إيران مركزا في سوريا لتوجيه الهجمات على إسرائيل.", "expected"),
    ("Russia used Iranian drones to carry out attacks on Kyiv.", "asserted"),
])
def test_an_event_a_purpose_would_direct_is_expected(text, certainty):
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text

    doc = read_text("own.txt", text + "\n").model_copy(update={"published": "2024-01-10"})
    (attack,) = [r for r in extract_document(doc).records if r.kind == "event" and r.type == "attack"]
    assert attack.certainty == certainty


def test_a_sentence_naming_the_source_of_the_paragraph_before_makes_it_a_report():
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text

    def certainties(text):
        doc = read_text("own.txt", text).model_copy(update={"published": "2024-08-06"})
        return {tuple(r.items): r.certainty for r in extract_document(doc).records if r.kind == "event" and r.type == "delivery"}

    before = "Russia has already delivered radars and air defence systems to Iran.\n\n"
    after = "Russia delivered Yak-130 trainers to Iran in 2023.\n"
    assert certainties(before + after) == {(): "asserted", ("yak130",): "asserted"}
    told = certainties(before + "This was reported by a major American newspaper citing Iranian officials.\n\n" + after)
    assert told == {(): "reported", ("yak130",): "asserted"}
