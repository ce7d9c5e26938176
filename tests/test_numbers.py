"""Arabic quantities: digits, separators, number words, scales, percents and units."""

import pytest

from irkg.loaders.numbers import find_quantities, parse_digits


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("وصلت الصادرات إلى 2,5 مليون برميل يومياً", 2_500_000, "barrels per day"),
        ("بقيمة 3.75 مليار دولار", 3_750_000_000, "USD"),
        ("تجاوزت الخمسة مليارات دولار", 5_000_000_000, "USD"),
        ("استضافت مليون ونصف لاجئ", 1_500_000, "refugees"),
        ("ارتفعت بنسبة ١٢ في المئة", 12, "percent"),
        ("نحو 7٫5%", 7.5, "percent"),
        ("طوله 310 كيلومترات", 310, "km"),
        ("بتمويل 600 مليون يورو", 600_000_000, "EUR"),
        ("نقل 20 مليون طن من البضائع سنوياً", 20_000_000, "tonnes per year"),
        ("نحو مليارين دولار", 2_000_000_000, "USD"),
        ("نصف مليون برميل", 500_000, "barrels"),
    ],
)
def test_quantity_read(text, value, unit):
    qs = [q for q in find_quantities(text) if q.unit]
    assert qs, text
    assert qs[0].value == pytest.approx(value)
    assert qs[0].unit == unit
    assert text[qs[0].start:qs[0].end] == qs[0].surface


def test_digits_comma_thousands_vs_decimal():
    assert parse_digits("1,300") == 1300
    assert parse_digits("2,5") == 2.5
    assert parse_digits("1,300", before_scale=True) == 1.3


def test_bare_number_word_ignored():
    assert find_quantities("قال ثلاثة مسؤولين") == []


def test_year_is_number_not_quantity():
    (q,) = find_quantities("في عام 2019")
    assert q.kind == "number" and q.unit is None


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("Bilateral trade reached $4.8 billion in 2024", 4_800_000_000, "USD"),
        ("a loan of US$ 2 bn", 2_000_000_000, "USD"),
        ("worth €3 million", 3_000_000, "EUR"),
        ("two billion euros", 2_000_000_000, "EUR"),
        ("exports of 2.5 million barrels per day", 2_500_000, "barrels per day"),
        ("rose to 95 percent", 95, "percent"),
        ("a 1,300 km railway", 1300, "km"),
        ("a 20-year treaty", 20, "years"),
        ("the 47-article treaty", 47, "articles"),
    ],
)
def test_english_quantity_read(text, value, unit):
    qs = [q for q in find_quantities(text) if q.unit]
    assert qs, text
    assert qs[0].value == pytest.approx(value)
    assert qs[0].unit == unit
    assert text[qs[0].start:qs[0].end] == qs[0].surface
