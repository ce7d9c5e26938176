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
