"""Repairs of extracted text, on small samples written for these tests."""

from __future__ import annotations

import pytest

from irkg.loaders.arabic import match_key, match_key_aligned
from irkg.loaders.normalize import normalize
from irkg.loaders.read import read_text

# Filler lines: a PDF-like document needs enough lines with wide gaps to be recognised.
_PDF_FILLER = [
    "الزراعيّة  المحاصيل  تطوير  في  كبيرة  جهود  الوزارة  بذلت",  # reversed runs
    "الجديدة.  المياه  شبكات  عن  فضلًا  الريفيّة  الطرق  تحسيّن  وشمل",
    "المقبل.  العام  في  المشروع  من  الثانية  المرحلة  تبدأ  أن  ويتوقع",
    "الزراعيّة  المحاصيل  لتطوير  مشتركة  لجنة  الإقليّم  في  المزارعون  وشكل",
    "السنوي.  التقرير  في  النتائج  وتنشر  التعاون  هذا  تعزيز  الوزارة  وتريد",
    "التصدير  وتعزيز  الزراعيّة  الصادرات  تنويع  إلى  الخطة  تهدف  كما",
]


def _pdf_doc(*lines: str):
    return read_text("report.txt", "\n".join(list(lines) + [""] + _PDF_FILLER) + "\n")


def _norm(text: str, file: str = "sample.txt"):
    return normalize(read_text(file, text))


def _check_offsets(nd):
    assert len(nd.offsets) == len(nd.text)
    for ch, off in zip(nd.text, nd.offsets):
        assert 0 <= off < len(nd.doc.text)


def test_reversed_word_runs_are_put_back_in_order():
    nd = normalize(_pdf_doc())
    key = match_key(nd.text)
    assert "بذلت الوزاره جهود كبيره في تطوير المحاصيل الزراعيه" in key
    assert nd.repairs["reversed_line"] >= 5
    _check_offsets(nd)


def test_reversed_run_with_number_is_reversed_inside():
    nd = normalize(_pdf_doc("مليون··12 نحو··الصادرات··بلغت··،2023".replace("··", "  ")))
    assert "بلغت الصادرات نحو 12 مليون" in nd.text
    assert "،2023" not in nd.text and "2023،" in nd.text


def test_reversed_two_word_run_is_judged_by_the_documents_word_pairs():
    nd = normalize(
        _pdf_doc(
            "الشاملة التنمية  خطة",
            "",
            "أقرت الحكومة خطة التنمية الشاملة للمناطق الريفية.",
            "وتشمل التنمية الشاملة بناء المدارس والطرق.",
        )
    )
    assert nd.text.startswith("خطة التنمية الشاملة")


def test_tatweel_is_removed_with_offsets_kept():
    nd = _norm("تعـــاون الــبلدين مســتمر.\n")
    assert "\u0640" not in nd.text
    assert "تعاون البلدين مستمر." in nd.text
    _check_offsets(nd)
    i = nd.text.index("مستمر")
    assert nd.doc.text[nd.offsets[i]] == "م"


def test_spurious_and_doubled_shadda_in_pdf_text():
    nd = normalize(_pdf_doc("أكد الرئيّس أن القيّود الدوليّّة لن تمنع التعاون الاقتصاديّ."))
    assert "الرئيس أن القيود الدوليّة" in nd.text
    assert "\u0651\u0651" not in nd.text
    assert "الاقتصاديّ" in nd.text  # legitimate final shadda is kept


def test_doubled_shadda_is_removed_in_any_text():
    nd = _norm("الشراكة الدوليّّة قائمة.\n")
    assert "الدوليّة" in nd.text


def test_glued_footnote_numbers_are_removed():
    nd = normalize(_pdf_doc("وقع الاتفاق في العام 7.2019 بين الطرفين في المدينة المقبلة.3"))
    assert "في العام 2019 بين" in nd.text
    assert "المقبلة." in nd.text and "المقبلة.3" not in nd.text
    assert nd.repairs["footnote"] >= 1 and nd.repairs["footnote_year"] == 1


def test_decimal_numbers_are_not_footnotes():
    nd = normalize(_pdf_doc("ارتفع النمو إلى 2.5 في المئة خلال الربع الأول."))
    assert "2.5 في المئة" in nd.text


def test_mirrored_parentheses_are_fixed_in_pdf_text():
    nd = normalize(_pdf_doc("وقعت الوزارة اتفاقًا مع الهيئة )الوطنية للمياه( الأسبوع الماضي.", "وأعلنت الهيئة )في بيان( عن خطتها."))
    assert "(الوطنية للمياه)" in nd.text and "(في بيان)" in nd.text


def test_words_split_across_lines_are_joined_when_attested():
    nd = normalize(
        _pdf_doc(
            "تسعى الحكومة إلى تعزيز الاستثمار في الموانئ وتعمل على تعز",
            "يز التعاون مع الشركات الخاصة في قطاع النقل البحري الحديث.",
        )
    )
    assert "وتعمل على تعزيز التعاون" in nd.text
    assert nd.repairs["split_word"] >= 1


def test_split_word_with_a_word_between_the_pieces():
    nd = normalize(_pdf_doc("أعلنت الشركة عن زيادة الإنتاج هذا العام ثم ز على يادة التصدير."))
    assert "على زيادة التصدير" in nd.text


def test_lone_tanween_line_is_not_kept():
    nd = normalize(_pdf_doc("بدأت المرحلة الأولى من المشروع في الربيع الماضي بنجاح كبير.", "", "\u064d", "وتلتها المرحلة الثانية."))
    assert "\u064d\n" not in nd.text
    assert not any(line.strip() == "\u064d" for line in nd.text.split("\n"))


def test_wrapped_pdf_lines_flow_into_one_paragraph():
    nd = normalize(
        _pdf_doc(
            "تواصل الحكومة تنفيذ برنامج طموح لتحديث شبكة القطارات في",
            "المدن الكبرى مع التركيز على خفض الانبعاثات وتحسين الخدمة.",
        )
    )
    assert "القطارات في المدن الكبرى" in nd.text


def test_pull_quote_repeat_is_dropped():
    sentence = "إن الاستثمار في التعليم هو الطريق الأقصر نحو اقتصاد قوي ومستدام"
    nd = normalize(
        _pdf_doc(
            "قال الوزير في كلمته أمام المؤتمر السنوي للمعلمين في العاصمة:",
            sentence + ". وأضاف أن الوزارة ستزيد عدد المدارس الجديدة.",
            "",
            sentence,
        )
    )
    assert nd.text.count("الطريق الأقصر") == 1
    assert nd.repairs["pull_quote"] == 1


def test_page_markers_are_dropped_and_prefix_marker_removed():
    nd = _norm("الفقرة الأولى من التقرير.\n\nيتبع:\n\nص 03\n\nص 04 والفقرة الثانية تكمل الحديث.\n")
    assert "يتبع" not in nd.text
    assert "ص 03" not in nd.text and "ص 04" not in nd.text
    assert "والفقرة الثانية تكمل الحديث." in nd.text
    assert nd.repairs["page_marker"] == 3


def test_web_navigation_teasers_and_copyright_are_dropped():
    text = "\n".join(
        [
            "آخر الأخبار",
            "الرئيسية » اقتصاد » تقارير",
            "افتتحت البلدية حديقة عامة جديدة في وسط المدينة.",
            "وحضر الافتتاح عدد كبير من السكان والزوار.",
            "وأكد رئيس البلدية أن الحديقة ستفتح أبوابها يوميًا.",
            "جميع الحقوق محفوظة © 2024",
            "قد يعجبك أيضاً",
            "عنوان مقال آخر لا علاقة له بالموضوع",
        ]
    )
    nd = _norm(text + "\n")
    assert nd.text.startswith("افتتحت البلدية")
    for gone in ("آخر الأخبار", "الرئيسية", "جميع الحقوق", "قد يعجبك", "عنوان مقال آخر"):
        assert gone not in nd.text
    assert nd.repairs["teaser_tail"] == 1


def test_publisher_disclaimer_and_cover_credit_are_dropped():
    nd = _norm(
        "المركز مؤسسة بحثية مستقلة غير ربحية تعنى بالدراسات.\n\n"
        "الآراء الواردة في هذه الورقة لا تعكس بالضرورة مواقف المركز.\n\n"
        "صورة الغلاف: مشهد عام للميناء عند الغروب.\n\n"
        "تتناول هذه الورقة تطور قطاع النقل البحري.\n"
    )
    assert nd.text.strip() == "تتناول هذه الورقة تطور قطاع النقل البحري."


def test_front_matter_is_not_part_of_the_text():
    nd = _norm("---\ntitle: عنوان\n---\nالنص الأول للمقال.\n", file="a.md")
    assert nd.text.strip() == "النص الأول للمقال."
    assert nd.doc.text[nd.offsets[0]] == "ا"


def test_plain_web_text_with_double_spaces_is_not_reversed():
    nd = _norm("  كتب المحرر   في ظل التطورات الأخيرة تحدث الخبراء عن الاقتصاد.\nسطر ثان من المقال.\n")
    assert "كتب المحرر في ظل" in " ".join(nd.text.split()) or "كتب المحرر   في ظل" in nd.text


def test_torn_tanween_goes_on_an_indefinite_word():
    # The tanween torn off "بشكلٍ" cannot belong to a word with the article: the run is turned.
    nd = normalize(
        _pdf_doc(
            "وفي العام الماضي ارتفعت",
            "التصدير  تراجع  بسبب  السوق  وتأثر  ملحوظ،",
            "",
            "\u064d",
            "بشكل الزراعيّة  الصادرات",
        )
    )
    assert "الصادرات الزراعيّة بشكل\u064d ملحوظ، وتأثر السوق" in nd.text
    _check_offsets(nd)


def test_markdown_emphasis_markers_are_dropped_with_offsets_kept():
    nd = _norm("● وقد أعلنت الوزارة **خطة جديدة** لدعم *المزارعين* في الشمال.\n* بند في قائمة 5*3 لا يتغير.\n")
    assert "أعلنت الوزارة خطة جديدة لدعم المزارعين في الشمال." in nd.text
    assert "*" not in nd.text.split("\n")[0]
    assert "* بند في قائمة 5*3" in nd.text
    _check_offsets(nd)
    i = nd.text.index("خطة")
    assert nd.doc.text[nd.offsets[i] : nd.offsets[i] + 3] == "خطة"
    assert nd.repairs["markdown_emphasis"] == 2


def test_keyword_list_after_its_label_is_dropped_but_the_next_heading_stays():
    nd = _norm(
        "تتناول الورقة أثر التغير المناخي على الزراعة في حوض النهر.\n\n"
        "الكلمات المفتاحية:\nالمناخ\nالزراعة\nالمياه\n\n"
        "مقدمة\nيعتمد ملايين السكان في الحوض على الزراعة المروية مصدرًا رئيسيًا للدخل والغذاء.\n"
    )
    assert "الكلمات المفتاحية" not in nd.text and "المياه" not in nd.text
    assert "مقدمة\nيعتمد ملايين" in nd.text
    assert nd.repairs["keywords"] == 1


def test_keyword_list_before_its_label_and_inline_keywords_are_dropped():
    before = _norm(
        "تتناول الورقة أثر التغير المناخي على الزراعة في حوض النهر.\n\n"
        "المناخ\n\nالموارد المائية\n\nالكلمات المفتاح\n\n"
        "يعتمد ملايين السكان في الحوض على الزراعة المروية مصدرًا رئيسيًا للدخل والغذاء.\n"
    )
    assert "المناخ\n" not in before.text and "الموارد المائية" not in before.text and "المفتاح" not in before.text
    assert "تتناول الورقة" in before.text and "يعتمد ملايين" in before.text
    inline = _norm("الكلمات المفتاحية: المناخ، الزراعة، المياه\n\nيعتمد ملايين السكان على الزراعة.\n")
    assert inline.text.strip() == "يعتمد ملايين السكان على الزراعة."


def test_source_lines_and_closing_site_credit_of_a_web_capture_are_dropped():
    text = "\n".join(
        [
            "الرئيسية » محليات",
            "افتتحت البلدية مكتبة عامة جديدة في الحي الشرقي.",
            "وتضم المكتبة آلاف الكتب وقاعة للمطالعة.",
            "وقال مدير المكتبة إنها ستفتح أبوابها في الصباح.",
            "المصدر: وكالة الأنباء المحلية",
            "",
            "شبكة أخبار المدينة٢-الصحيفة اليومية",
            "قد يعجبك أيضاً",
            "عنوان مقال آخر",
        ]
    )
    nd = _norm(text + "\n")
    assert nd.text.rstrip().endswith("وقال مدير المكتبة إنها ستفتح أبوابها في الصباح.")
    assert nd.repairs["source_line"] == 1 and nd.repairs["source_credit"] == 1
    # A sentence that only starts like a credit stays.
    kept = _norm("نقلاً عن مصادر مطلعة، قالت الصحيفة إن المفاوضات ستستأنف قريبًا.\nسطر ثان للمقال.\n")
    assert "نقلاً عن مصادر مطلعة" in kept.text


def test_match_key_aligned_maps_every_key_character_back():
    for text in ["وزيرُ الخارجيةِ", "plain text", "İstanbul و أنقرة", "ﻃﻬﺮﺍﻥ ﻻ"]:
        key, pos = match_key_aligned(text)
        assert len(key) == len(pos) and list(pos) == sorted(pos)
    assert match_key_aligned("وزيرُ")[0] == "وزير" and list(match_key_aligned("وزيرُ")[1]) == [0, 1, 2, 3]
    key, pos = match_key_aligned("ﻃﻬﺮﺍﻥ")  # presentation forms unfold to the letters dictionaries use
    assert key == match_key("طهران") and list(pos) == [0, 1, 2, 3, 4]
    key, pos = match_key_aligned("İ-x")  # a lower case longer than its letter keeps one offset per key character
    assert key.endswith("-x") and pos[-1] == 2 and len(key) == len(pos)


# --- web captures: words and sentences run together, datelines, time stamps, widgets ----------


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("وقعت فرنساوألمانيا اتفاقا جديدا.", "وقعت فرنسا وألمانيا اتفاقا جديدا."),
        ("اتفقت أنقرةوبغداد على خطة.", "اتفقت أنقرة وبغداد على خطة."),
        ("تحدث عن المملكةالمتحدة أمس.", "تحدث عن المملكة المتحدة أمس."),
        ("أعلنت الحكومةالتركية موقفها.", "أعلنت الحكومة التركية موقفها."),
        ("وعلىالرغم من ذلك استمر الحوار.", "وعلى الرغم من ذلك استمر الحوار."),
    ],
)
def test_words_run_together_are_split(glued, split):
    nd = _norm(glued + "\n")
    assert nd.text == split
    _check_offsets(nd)
    # every character but the inserted spaces keeps its own offset
    assert "".join(nd.doc.text[o] for o, ch in zip(nd.offsets, nd.text) if ch != " ") == glued.replace(" ", "")


def test_name_glued_to_a_word_the_document_writes_alone_is_split():
    nd = _norm("حضر الوزير الافتتاح.\nوشكر الجميع على الحضور وعلى الافتتاحأردوغان.\n")
    assert "الافتتاح أردوغان" in nd.text


@pytest.mark.parametrize(
    "text",
    [
        "زار الوفد بايكونور ثم عاد.",  # not ب + a name + a name
        "ارتفع سعر الدولارات في السوق.",
        "استقبل المستشارة الألمانية في برلين.",
        "The YouTube channel and PetroChina shares rose.",  # camel case without the parts written alone
    ],
)
def test_words_are_not_split_without_evidence(text):
    assert _norm(text + "\n").text == text


def test_latin_names_run_together_are_split_when_written_alone_elsewhere():
    nd = _norm("Anna KarlssonAnna Karlsson\n\nAnna Karlsson wrote the report.\n")
    assert nd.text.splitlines()[0] == "Anna Karlsson Anna Karlsson"


def test_time_stamp_lines_and_date_prefix_are_not_text():
    text = "date 2021-03-07 افتتح الوزير المعرض السنوي في المدينة.\n\nالساعة 10:15 ص|7 مارس 2021\n\nوحضر الافتتاح عدد كبير من الزوار.\n"
    nd = _norm(text)
    assert nd.text == "افتتح الوزير المعرض السنوي في المدينة.\n\nوحضر الافتتاح عدد كبير من الزوار."
    assert nd.repairs["dateline"] == 1 and nd.repairs["timestamp"] == 1
    assert text[nd.offsets[0]:nd.offsets[0] + 5] == "افتتح"
    _check_offsets(nd)


def test_wire_dateline_and_byline_prefixes_are_cut():
    nd = _norm("BERLIN, March 5. /DPA/. The minister opened the fair.\n\nBy Jane Roe (Agency) – Visitors came.\n",
               file="wire.txt")
    assert nd.text == "The minister opened the fair.\n\nVisitors came."
    _check_offsets(nd)


def test_glued_note_markers_font_widgets_and_photo_credits_are_dropped():
    text = ("The ministers met in Berlin.Footnote 4 They agreed on a plan.\n\n+ الخط -\n\n"
            "photo: example.org\n\nرمز الخبر: 12345\n\nThe plan starts in May.\n")
    nd = _norm(text, file="web.txt")
    assert nd.text == "The ministers met in Berlin. They agreed on a plan.\n\nThe plan starts in May."
    _check_offsets(nd)


def test_backticks_become_apostrophes_and_quotes_one_for_one():
    from irkg.loaders.normalize import normalize
    from irkg.loaders.read import read_text

    text = "Tehran signed a contract with Russia`s energy giant Gazprom.\n`We will sign more,` the minister said.\n"
    out = normalize(read_text("own.txt", text))
    assert "Russia’s" in out.text and '"We will sign more,"' in out.text
    i = out.text.index("Russia’s") + len("Russia")
    assert text[out.offsets[i]] == "`"  # the apostrophe still points at the character written


def test_html_entities_left_by_web_copy_become_their_characters_at_their_offsets():
    raw = "قال المتحدث إن الرئيس quot;سيصل غداquot; إلى باكو، Tom &amp; Jerry; a;b\n"
    norm = normalize(read_text("x.txt", raw))
    assert norm.text.startswith('قال المتحدث إن الرئيس "سيصل غدا" إلى باكو، Tom & Jerry; a;b')
    q = norm.text.index('"')
    assert raw[norm.offsets[q]:norm.offsets[q] + 5] == "quot;"
    assert norm.repairs["html_entity"] == 3
