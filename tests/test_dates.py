"""Date recognition: every form in both calendars, relative dates, and what is not a date."""

from __future__ import annotations

import pytest

from irkg.loaders.dates import find_dates, parse_published


def one(text: str, published: str | None = None):
    found = find_dates(text, published)
    assert len(found) == 1, [(m.surface, m.value) for m in found]
    m = found[0]
    assert text[m.start:m.end] == m.surface
    return m


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("اجتمع الوفدان في 3 مارس 2019 بالعاصمة", "2019-03-03"),
        ("وصل الوفد في 21 حزيران 2016 إلى المدينة", "2016-06-21"),
        ("في الخامس من القمة، أي في 9 من ديسمبر من العام 2021", "2021-12-09"),
        ("أعلن ذلك يوم الخميس 14 تشرين الثاني 2019", "2019-11-14"),
        ("The memorandum was signed on March 4, 2018 in the capital.", "2018-03-04"),
        ("It was signed on 4 March 2018.", "2018-03-04"),
    ],
)
def test_day_month_year(text, value):
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("بدأت المحادثات في أبريل 2017", "2017-04"),
        ("تعثرت الخطة في شباط 2020", "2020-02"),
        ("وُقّع الاتفاق في أكتوبر/تشرين الأول 2015", "2015-10"),
        ("جرت الزيارة في أغسطس (آب) 2018", "2018-08"),
        ("في كانون الأول من عام 2011", "2011-12"),
        ("بحلول سبتمبر 2014", "2014-09"),
    ],
)
def test_month_year_and_dual_forms(text, value):
    m = one(text)
    assert m.value == value and "inconsistent" not in m.flags


def test_inconsistent_dual_month_is_flagged_not_fatal():
    m = one("في أكتوبر/تشرين الثاني 2016")
    assert m.value == "2016-10" and "inconsistent" in m.flags


def test_month_without_year_is_partial_without_publication_date():
    m = one("في شهر حزيران سيعقد المؤتمر")
    assert m.value is None and "partial" in m.flags and "month=06" in m.flags


def test_month_without_year_takes_the_publication_year():
    m = one("في شهر حزيران سيعقد المؤتمر", "2019-02-01")
    assert m.value == "2019-06" and "year_inferred" in m.flags


@pytest.mark.parametrize(
    "text",
    ["بلغت الصادرات 2025 دولار", "ارتفع المؤشر بنسبة 2025%", "نحو 1990 مليون برميل", "في الصفحة 12", "رقم 12.5"],
)
def test_amounts_percentages_and_pages_are_not_years(text):
    assert find_dates(text) == []


def test_bare_year_and_year_word():
    assert [m.value for m in find_dates("منذ 1997 وحتى اليوم، وفي عام 1813 وقعت معاهدة")] == ["1997", "1813"]


def test_footnote_digit_glued_to_year_is_not_a_month():
    m = one("بدأ ذلك في العام 7.2018 كما يذكر التقرير")
    assert m.value == "2018" and m.surface == "2018"


@pytest.mark.parametrize("text", ["خلال الفترة (1992-1996) توسع التعاون", "خلال الفترة 1992–1996 توسع التعاون"])
def test_year_ranges(text):
    m = one(text)
    assert m.value == "1992" and "range" in m.flags and "end=1996" in m.flags


def test_range_with_words():
    m = one("بين عامي 2001 و2005 تراجعت العلاقات")
    assert m.value == "2001" and "end=2005" in m.flags


@pytest.mark.parametrize(
    ("text", "value", "assumed"),
    [
        ("في خمسينات القرن الماضي", "1950", False),
        ("في ستينيات القرن المنصرم", "1960", False),
        ("منذ الثمانينيات", "1980", True),
        ("since the 1970s", "1970", False),
    ],
)
def test_decades(text, value, assumed):
    m = one(text)
    assert m.value == value and "decade" in m.flags
    assert ("century_assumed" in m.flags) == assumed


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("خلال الأشهر الستة الأولى من 2023", "2023-01", "end=2023-06"),
        ("في الأشهر التسعة الأولى من العام 2019", "2019-01", "end=2019-09"),
        ("خلال الربع الأول من 2024", "2024-01", "end=2024-03"),
        ("in the first eight months of 2020", "2020-01", "end=2020-08"),
    ],
)
def test_spans(text, start, end):
    m = one(text)
    assert m.value == start and "span" in m.flags and end in m.flags


def test_relative_dates_resolve_against_publication():
    got = {m.surface: m.value for m in find_dates("قال أمس إن زيارة العام الماضي والشهر المقبل ويوم السبت", "2021-06-16")}
    assert got == {"أمس": "2021-06-15", "العام الماضي": "2020", "الشهر المقبل": "2021-07", "يوم السبت": "2021-06-12"}


@pytest.mark.parametrize("text,value", [
    ("وصل الوفد أمس الأول", "2021-06-14"),
    ("وصل الوفد أول من أمس", "2021-06-14"),
    ("the delegation arrived the day before yesterday", "2021-06-14"),
    ("يصل الوفد بعد غد", "2021-06-18"),
])
def test_day_before_yesterday_is_two_days_back(text, value):
    assert one(text, "2021-06-16").value == value


def test_relative_dates_without_publication_stay_partial():
    for m in find_dates("أمس وفي العام الماضي ويوم الثلاثاء وهذا العام"):
        assert m.value is None and "relative" in m.flags and "partial" in m.flags


def test_named_month_with_last_is_the_previous_occurrence():
    assert one("في نيسان الماضي", "2021-02-10").value == "2020-04"
    assert one("في نيسان الماضي", "2021-09-10").value == "2021-04"
    assert one("في مارس الماضي").value is None


def test_ambiguous_month_word_needs_context():
    assert find_dates("مارس الوزير ضغوطاً كبيرة") == []
    assert one("في مارس 2012").value == "2012-03"


@pytest.mark.parametrize(("text", "value"), [
    ("The talks resumed in May.", "2024-05"), ("Trade has grown since March.", "2024-03"),
    ("زار الوفد موسكو في مارس.", "2024-03"), ("The drills were held in mid-March.", "2024-03"),
])
def test_ambiguous_month_after_a_preposition_is_the_month(text, value):
    assert one(text, "2024-06-01").value == value


@pytest.mark.parametrize("text", ["Iran may buy more jets.", "Theresa May said so.", "وكان يمارس الضغط على طهران."])
def test_ambiguous_month_word_alone_is_no_date(text):
    assert find_dates(text, "2024-06-01") == []


def test_hijri_year_is_converted_approximately():
    m = one("في عام 1440 هـ")
    assert m.value == "2018" and "hijri" in m.flags


def test_arabic_indic_digits():
    assert one("في ١٢ يناير ٢٠٢٠").value == "2020-01-12"


def test_weekday_alone():
    m = one("وصل الوفد يوم الاثنين")
    assert "weekday" in m.flags and m.value is None


def test_parse_published():
    assert parse_published("2025-01") == (2025, 1, None)
    assert parse_published(None) == (None, None, None)


def test_century_alone():
    m = one("تعود العلاقات إلى القرن التاسع عشر")
    assert m.value == "1800" and "century" in m.flags and "end=1899" in m.flags


def test_decade_with_century_is_one_mention():
    m = one("في تسعينيات القرن العشرين")
    assert m.value == "1990" and "decade" in m.flags



@pytest.mark.parametrize(
    ("text", "part"),
    [("في مطلع عام 2023", "early"), ("منتصف 2025", "mid"), ("في أواخر العام 2021", "late"), ("by mid-2024", "mid")],
)
def test_part_of_year(text, part):
    m = one(text)
    assert m.value == text.split()[-1][-4:] and f"part={part}" in m.flags


def test_calendar_file_is_validated(tmp_path):
    from irkg.errors import InputError
    from irkg.loaders.dates import read_calendar_file

    assert read_calendar_file().months[7][0] == "يوليو"
    bad = tmp_path / "dates.yaml"
    bad.write_text("months: {1: [يناير]}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"dates\.yaml"):
        read_calendar_file(bad)


# --- the document's own dateline (loaders/dateline.py) ------------------------------------------

from irkg.loaders.dateline import dateline_prefix, find_dateline, full_dates, is_timestamp_line  # noqa: E402


@pytest.mark.parametrize(
    ("text", "lang", "value", "surface"),
    [
        ("date 2024-03-05 افتتح الوزير المعرض السنوي.\n", "ar", "2024-03-05", "2024-03-05"),
        ("عنوان الخبر عن المعرض\n\nالساعة 10:15 ص|7 مارس 2021\n\nافتتح الوزير المعرض.\n", "ar", "2021-03-07", "7 مارس 2021"),
        ("Exhibition opens\n09:05 GMT 03.11.2023 (updated 09:40 GMT 03.11.2023)\nThe minister opened it.\n", "en", "2023-11-03", "03.11.2023"),
        ("عنوان\n\n٢٣ أيار ٢٠١٩\n\nافتتح الوزير المعرض.\n", "ar", "2019-05-23", "٢٣ أيار ٢٠١٩"),
        ("Headline here\n\nPublished Feb 7th, 2016 - 11:00 GMT\n\nText.\n", "en", "2016-02-07", "Feb 7th, 2016"),
        ("Headline here\n\nJan 19, 2022\n\nText follows here.\n", "en", "2022-01-19", "Jan 19, 2022"),
        ("عنوان\n\n4/23/2020\n\nافتتح الوزير المعرض.\n", "ar", "2020-04-23", "4/23/2020"),
        ("عنوان\n\n23/4/2020\n\nافتتح الوزير المعرض.\n", "ar", "2020-04-23", "23/4/2020"),
        ("عنوان\n8-9-2020 | 13:05\nافتتح الوزير المعرض.\n", "ar", "2020-09-08", "8-9-2020"),
        ("موقع\nتاريخ النشر : 2019March07 - 10:20\nالنص.\n", "ar", "2019-03-07", "2019March07"),
        ("عنوان\nتاريخ النشر: 3rd, May 2018 GMT\nالنص.\n", "ar", "2018-05-03", "3rd, May 2018"),
        ("نشرة المدينة – حلب–14 شباط 2017 – افتتح الوزير المعرض السنوي في المدينة.\n", "ar", "2017-02-14", "14 شباط 2017"),
    ],
)
def test_dateline_formats(text, lang, value, surface):
    d = find_dateline(text, lang)
    assert d is not None and d.value == value and text[d.start:d.end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "افتتح الوزير المعرض في 7 مارس 2021 بحضور السفراء وعدد كبير من الزوار والمسؤولين.\n",  # a sentence
        "In 2015, the two sides agreed on a plan.\n",  # a year only
        "بلغت الصادرات 12.50 مليار دولار.\n",
        # a wire dateline without a date, and a number later on the line (it crashed the reader)
        "Title\n\nMOSCOW (AP) — The president signed a decree banning sales of S-300 systems on Wednesday, 22 of them.\n",
    ],
)
def test_dates_in_sentences_are_no_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("الساعة 10:15 ص|7 مارس 2021", True),
        ("09:05 GMT 03.11.2023 (updated 09:40 GMT 03.11.2023)", True),
        ("الأحد 12 يونيو 2022 | 06:29 مساءً", True),
        ("Published Feb 7th, 2016 - 11:00 GMT", True),
        ("آخر تحديث: 14:20", True),
        ("افتتح الوزير المعرض في 7 مارس 2021.", False),
        ("بلغ النمو 12.50 في المئة", False),
        ("2020", False),
    ],
)
def test_timestamp_lines(line, stamp):
    assert is_timestamp_line(line) is stamp


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("date 2024-03-05 The minister opened the fair.", "The minister opened the fair."),
        ("BERLIN (AP) – The minister opened the fair.", "The minister opened the fair."),
        ("BERLIN, March 5. /DPA/. The minister opened the fair.", "The minister opened the fair."),
        ("date 2024-03-05 BERLIN, March 5. /DPA/. The minister opened it.", "The minister opened it."),
        ("By Jane Roe (Agency) – The minister opened the fair.", "The minister opened the fair."),
        ("نشرة المدينة – حلب–14 شباط 2017 – افتتح الوزير المعرض السنوي.", "افتتح الوزير المعرض السنوي."),
        ("NATO and Russia met on Monday.", "NATO and Russia met on Monday."),
        ("افتتح الوزير في 14 شباط 2017 – وهو يوم عطلة – المعرض.", "افتتح الوزير في 14 شباط 2017 – وهو يوم عطلة – المعرض."),
    ],
)
def test_dateline_prefixes_are_cut(line, rest):
    assert line[dateline_prefix(line):] == rest


def test_ambiguous_numeric_date_follows_the_language_habit():
    assert full_dates("5/6/2022")[0][2] == "2022-06-05"
    assert full_dates("5/6/2022", day_first=False)[0][2] == "2022-05-06"


def test_today_with_a_weekday_is_that_weekday():
    # «اليوم الإثنين» in a text published on Tuesday: written on Monday, not on the publication day
    from irkg.loaders.dates import find_dates

    got = find_dates("أعلنت البحرية، اليوم الإثنين، انطلاق المناورات", "2025-07-22")
    assert [m.value for m in got] == ["2025-07-21"]


def test_an_ordinal_day_word_before_its_month():
    from irkg.loaders.arabic import match_key_aligned
    from irkg.loaders.dates import find_dates_in_key

    text = "وقعت الاتفاقية في الحادي والعشرين من مارس 2019 ويتوجه الوفد في السابع من سبتمبر."
    key, pos = match_key_aligned(text)
    assert [m.value for m in find_dates_in_key(text, key, pos, "2018-09-03")] == ["2019-03-21", "2018-09-07"]


def test_a_city_and_a_numeric_date_open_a_wire_text():
    from irkg.loaders.dateline import dateline_prefix, find_dateline

    line = "موسكو, 3-9-2018 - يتوجه الرئيس الروسي إلى إيران للمشاركة في قمة ثلاثية حول سوريا."
    assert dateline_prefix(line) == len("موسكو, 3-9-2018 - ")
    assert find_dateline(line, "ar").value == "2018-09-03"


@pytest.mark.parametrize(("text", "want"), [
    ("يصل الوفد إلى طهران يوم الاثنين المقبل", ("2021-03-15", True)),  # written on Wednesday 10 March
    ("The delegation arrives next Monday", ("2021-03-15", True)),
    ("وصل الوفد يوم الاثنين الماضي", ("2021-03-08", False)),
    ("The talks ended last Wednesday", ("2021-03-03", False)),  # not the day of writing itself
    ("The delegation arrived on Monday", ("2021-03-08", False)),
])
def test_next_and_last_weekday_count_from_the_day_of_writing(text, want):
    from irkg.loaders.dates import find_dates

    got = find_dates(text, "2021-03-10")
    assert [(m.value, "future" in (m.flags or [])) for m in got] == [want]


@pytest.mark.parametrize(("text", "value"), [
    ("يتوجه وزير الخارجية اليوم إلى طهران.", "2013-12-10"), ("وأعلنت الوزارة اليوم أن الوفد وصل.", "2013-12-10"),
    ("لم يتغير الموقف حتى اليوم.", None), ("احتفلت إيران باليوم الوطني.", None), ("وفي اليوم التالي وصل الوفد.", None),
])
def test_today_is_the_adverb_not_the_day(text, value):
    found = [m.value for m in find_dates(text, "2013-12-10")]
    assert found == ([value] if value else [])



@pytest.mark.parametrize("text", ["بموجب القرار 1929 الصادر عن مجلس الأمن", "under Resolution 1929 of the Security Council",
                                  "وبالقرار 1929", "resolution No. 1929"])
def test_a_number_after_its_label_noun_is_no_year(text):
    assert find_dates(text, "2016-01-01") == []


def test_a_year_in_a_pre_or_post_adjective_is_no_date():
    assert find_dates("the pre-2015 UN sanctions and the post-2015 order", "2025-10-01") == []
