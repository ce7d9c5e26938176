"""Passages: sentences, bullets, headings, offsets; and the reference corpus end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from irkg.loaders.arabic import match_key, strip_diacritics
from irkg.loaders.normalize import normalize
from irkg.loaders.read import read_paths, read_text
from irkg.loaders.segment import segment
from irkg.schema.pipeline import PassageKind

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")


def _passages(text: str, file: str = "s.txt"):
    return segment(normalize(read_text(file, text)))


def test_sentences_split_on_arabic_punctuation():
    ps = _passages("وصل الوفد أمس. هل تنجح المفاوضات؟ نعم بالتأكيد! وانتهى الاجتماع بعد ساعتين كاملتين؛ ثم غادر الجميع.\n")
    assert [p.text for p in ps] == ["وصل الوفد أمس.", "هل تنجح المفاوضات؟", "نعم بالتأكيد!", "وانتهى الاجتماع بعد ساعتين كاملتين؛", "ثم غادر الجميع."]
    assert [p.idx for p in ps] == [0, 1, 2, 3, 4]


def test_short_discourse_marker_before_semicolon_stays_with_its_clause():
    ps = _passages("وفي المقابل؛ تبقى الخلافات قائمة بين الطرفين.\n")
    assert [p.text for p in ps] == ["وفي المقابل؛ تبقى الخلافات قائمة بين الطرفين."]


def test_no_split_on_decimals_dates_or_abbreviations():
    ps = _passages("بلغ النمو 2.5 في المئة و3,5 في الربع الثاني بتاريخ 12.3.2024 وقال د. أحمد إن الأرقام جيدة. وهذا يكفي.\n")
    assert len(ps) == 2
    assert "د. أحمد" in ps[0].text


def test_bullets_are_passages_without_their_marker():
    ps = _passages("الخلاصة:\n- يتوسع التبادل التجاري بين البلدين.\n- تبقى العقبات المالية قائمة.\n")
    bullets = [p for p in ps if p.kind == PassageKind.BULLET]
    assert [p.text for p in bullets] == ["يتوسع التبادل التجاري بين البلدين.", "تبقى العقبات المالية قائمة."]


def test_page_break_with_running_header_is_bridged():
    text = "يرى الباحثون أن التعاون بين المدينتين سيتوسع خلال السنوات المقبلة مع\n\nيتبع:\n\nآفاق التعاون\n\nص 07\n\nزيادة الاستثمارات في الموانئ.\n"
    ps = _passages(text)
    assert [p.text for p in ps] == ["يرى الباحثون أن التعاون بين المدينتين سيتوسع خلال السنوات المقبلة مع زيادة الاستثمارات في الموانئ."]


def test_heading_is_marked_and_separated_from_paragraph():
    ps = _passages("تاريخ العلاقات التجارية\nبدأت العلاقات التجارية بين المدينتين قبل قرون عديدة عبر طرق القوافل الطويلة.\n")
    assert ps[0].kind == PassageKind.HEADING and ps[0].text == "تاريخ العلاقات التجارية"
    assert ps[1].kind == PassageKind.SENTENCE


def test_markdown_heading_marker_is_not_part_of_the_heading():
    ps = _passages("## آفاق التعاون\nيتوسع التعاون بين البلدين في مجالات عديدة ومتنوعة.\n", file="n.md")
    assert ps[0].kind == PassageKind.HEADING and ps[0].text == "آفاق التعاون"
    assert ps[0].start == 3


def test_very_long_sentence_is_split_on_comma():
    clause = "وتحدث المشاركون عن تطوير الموانئ والطرق والسكك الحديدية في المنطقة الشمالية"
    ps = _passages("، ".join([clause] * 12) + ".\n")
    assert len(ps) >= 2
    assert all(len(p.text) <= 600 for p in ps)


def test_offsets_map_back_and_key_is_match_key():
    text = "مقدمة التقرير\nتعـــاون الــبلدين مســتمر منذ سنوات طويلة في مجالات كثيرة.\n"
    ps = _passages(text)
    doc_text = text
    for p in ps:
        assert p.key == match_key(p.text)
        original = strip_diacritics(doc_text[p.start : p.end])
        assert original.split()[0] == strip_diacritics(p.text).split()[0]
        assert "\u0640" not in p.text


def test_passage_ids_carry_document_id():
    doc = read_text("x.txt", "جملة أولى. جملة ثانية.\n")
    ps = segment(normalize(doc))
    assert all(p.doc == doc.id and p.file == "x.txt" for p in ps)
    assert ps[1].id == f"{doc.id}:1"


# --- the reference corpus -------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus():
    docs, problems = read_paths([CORPUS])
    assert problems == []
    return {d.file[:3]: (d, segment(normalize(d))) for d in docs}


def test_all_five_corpus_documents_yield_passages(corpus):
    assert sorted(corpus) == ["000", "001", "002", "003", "004"]
    for doc, ps in corpus.values():
        assert len(ps) >= 10, doc.file


def test_corpus_passages_have_no_tatweel_or_page_markers(corpus):
    marker = re.compile(r"^(ص\s*\d{1,3}|يتبع\s*:?)$|^ص\s*\d{1,3}\s")
    for doc, ps in corpus.values():
        for p in ps:
            assert "\u0640" not in p.text, (doc.file, p.text)
            assert not marker.search(p.text.strip()), (doc.file, p.text)


def test_corpus_offsets_map_back_to_the_original_words(corpus):
    for doc, ps in corpus.values():
        for p in ps:
            original = match_key(doc.text[p.start : p.end])
            words = [w for w in re.findall(r"[\u0621-\u064a]{4,}", p.key)]
            assert words, p.text
            # Reordered PDF lines spread a sentence's characters, but every word comes from the span.
            # (a rejoined split word is not contiguous in the original, hence a small allowance).
            missing = [w for w in words if w not in original]
            assert len(missing) <= max(2, len(words) // 8), (doc.file, p.idx, missing)


def _keys(ps):
    return [p.key for p in ps]


def _has(ps, phrase):
    k = match_key(phrase)
    return any(k in key for key in _keys(ps))


def test_pdf_document_passages_read_in_the_right_word_order(corpus):
    _, ps = corpus["000"]
    # Each phrase comes from a line whose runs were reversed in the extracted text.
    for phrase in (
        "تقوم العلاقات الايرانيه الروسيه على تعاون براغماتي",
        'الاستراتيجيه الشامله" في 17 يناير 2025',
        "العلاقات الثنائيه على مدى السنوات العشرين المقبله.",
        "الرئيس ابراهيم رئيسي، في مايو 2024",
        "بلغ حجم التجاره الثنائيه بين البلدين نحو 5 مليار دولار",
        "والمولف من 47 ماده",
        "وتعزيز التبادل التجاري",
    ):
        assert _has(ps, phrase), phrase


def test_pdf_document_boilerplate_and_artifacts_are_gone(corpus):
    _, ps = corpus["000"]
    assert not _has(ps, "صوره الغلاف")
    assert not _has(ps, "لا تعكس بالضروره")
    assert not any(re.search(r"[\u0621-\u064a]\.\d", p.text) for p in ps)  # glued footnotes
    assert not any("\u064a\u0651\u0633" in p.text for p in ps)  # spurious shadda as in رئيّس
    assert not any(")" in p.text.split("(")[0] for p in ps if "(" in p.text and ")" in p.text and p.text.index(")") < p.text.index("("))


def test_web_capture_navigation_and_teaser_are_dropped(corpus):
    _, ps = corpus["003"]
    assert not _has(ps, "الرئيسيه »")
    assert not _has(ps, "قد يعجبك")
    assert ps[0].text.startswith("ثالث زيارة لعراقجي إلى موسكو")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("اتفق الطرفان.فقد أعلن الوزير ذلك أمس.", ["اتفق الطرفان.", "فقد أعلن الوزير ذلك أمس."]),
        ("هل يتفق الطرفان؟وما الثمن؟", ["هل يتفق الطرفان؟", "وما الثمن؟"]),
        ("The sides agreed.The deal holds.", ["The sides agreed.", "The deal holds."]),
        ("قال د.سامي إن الاتفاق صامد.", ["قال د.سامي إن الاتفاق صامد."]),
        ("The site example.org and the U.S.Navy said so.", ["The site example.org and the U.S.Navy said so."]),
    ],
)
def test_sentences_run_together_in_web_text_are_split(text, sentences):
    assert [p.text for p in _passages(text + "\n")] == sentences
