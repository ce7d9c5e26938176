"""The number grammar: digits, separators, number words, scales, ranges, qualifiers, units, counts."""

import time

import pytest

from irkg.loaders.numbers import find_quantities, parse_digits


def _first(text):
    qs = [q for q in find_quantities(text) if q.unit]
    assert qs, f"no figure with a unit in {text!r}"
    assert text[qs[0].start:qs[0].end] == qs[0].surface
    return qs[0]


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("وصلت الصادرات إلى 2,5 مليون برميل يومياً", 2_500_000, "barrels per day"),
        ("بقيمة 3.75 مليار دولار", 3_750_000_000, "USD"),
        ("تجاوزت الخمسة مليارات دولار", 5_000_000_000, "USD"),
        ("استضافت مليون ونصف لاجئ", 1_500_000, "refugees"),
        ("ارتفعت بنسبة ١٢ في المئة", 12, "percent"),
        ("نحو 7٫5%", 7.5, "percent"),
        ("تراجعت بنسبة %20 خلال العام", 20, "percent"),
        ("طوله 310 كيلومترات", 310, "km"),
        ("بتمويل 600 مليون يورو", 600_000_000, "EUR"),
        ("نقل 20 مليون طن من البضائع سنوياً", 20_000_000, "tonnes per year"),
        ("نحو مليارين دولار", 2_000_000_000, "USD"),
        ("نصف مليون برميل", 500_000, "barrels"),
        ("بلغت قيمة الصفقة مليارا و300 مليون دولار", 1_300_000_000, "USD"),
        ("بلغ الاستثمار ملياراً ونصف المليار يورو", 1_500_000_000, "EUR"),
        ("ارتفع الرقم إلى45.5 مليار روبل", 45_500_000_000, "RUB"),
        ("قدر الحجم بنحو ٣٫٥ مليار دولار", 3_500_000_000, "USD"),
        ("شحن ١٬٢٥٠ طنا من الأرز", 1250, "tonnes"),
        ("نقل 1 300 000 طن عبر الميناء", 1_300_000, "tonnes"),
        ("وصلت قبل ست وثلاثين ساعة من الافتتاح", 36, "hours"),
        ("استمر الاجتماع ثلاث ساعات", 3, "hours"),
        ("مساحة المشروع 250 هكتارا", 250, "hectares"),
        ("بطاقة 3 غيغاواط", 3, "GW"),
        ("يبلغ سعر البيع 200 دولار للطن", 200, "USD per tonne"),
        ("رفعت نسبة النقاء إلى 75ر19 بالمئة", 19.75, "percent"),  # a wire's decimal: fraction «ر» whole
        ("بلغت الصادرات 5ر2 مليار دولار", 2_500_000_000, "USD"),
        ("تسقط 10 مسيرات إيرانية يوميا", 10, "drones per day"),  # the rate after the counted noun's adjective
        ("زاد بأكثر من 3.5 مرات في العام ونصف العام الماضيين", 3.5, "times"),  # a span of time: no rate, no half
    ],
)
def test_arabic_amount(text, value, unit):
    q = _first(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


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
        ("a budget of €700m", 700_000_000, "EUR"),
        ("the plant cost $25bn", 25_000_000_000, "USD"),
        ("a credit of 1.3 billion euros", 1_300_000_000, "EUR"),
        ("paid 45 billion rubles", 45_000_000_000, "RUB"),
        ("eighty-five missiles were fired", 85, "missiles"),
        ("two hundred and fifty tanks", 250, "tanks"),
        ("2 million barrels a day", 2_000_000, "barrels per day"),
        ("imports at 370.000 barrels per day", 370_000, "barrels per day"),  # a thousands dot
        ("sold at $60 a barrel", 60, "USD per barrel"),
        ("exports of 35 bcm", 35, "bcm"),
        ("12 MiG-29 aircraft arrived", 12, "aircraft"),
        ("a dozen drones", 12, "drones"),
        ("exports of 1.2m tonnes", 1_200_000, "tonnes"),
        ("the gap widened by 2 percentage points", 2, "percentage points"),
        ("a debt of 5 آلاف ليرة سورية", 5000, "SYP"),
    ],
)
def test_english_amount(text, value, unit):
    q = _first(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    "text,low,high,unit",
    [
        ("صدّرت الشركة بين 10 و12 مليار دولار", 10e9, 12e9, "USD"),
        ("اشترت الحكومة ما بين 150 ألفا و 200 ألف طن من الشعير", 150_000, 200_000, "tonnes"),
        ("تتراوح الأسعار بين 70 و 75 دولارا للبرميل", 70, 75, "USD per barrel"),
        ("يتراوح المدى من 5 إلى 10 كيلومترات", 5, 10, "km"),
        ("costs between $2.1 and $2.4 billion", 2.1e9, 2.4e9, "USD"),
        ("missiles with a range of 300-700 km", 300, 700, "km"),
        ("a grant of $1.3-$1.5 million", 1.3e6, 1.5e6, "USD"),
        ("two or three days", 2, 3, "days"),
        ("from $8 to $9 in December", 8, 9, "USD"),
    ],
)
def test_range_gives_both_bounds(text, low, high, unit):
    q = _first(text)
    assert (q.value, q.value_max, q.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize("text,value", [("خلال الدورة التاسعة عشرة للجنة المشتركة", 19), ("الاجتماع الحادي عشر للجنة", 11),
                                        ("القمة الخامسة لدول بحر قزوين", 5)])
def test_arabic_teen_ordinals(text, value):
    (q,) = find_quantities(text)
    assert (q.value, q.kind) == (value, "ordinal")


def test_unilateral_is_no_count():
    assert find_quantities("هناك اقتراح بفرض عقوبات جديدة من طرف واحد على إيران") == []
    assert find_quantities("بفرض عقوبات إضافية من جانب واحد ضد إيران") == []


def test_definite_tens_after_a_definite_noun_is_its_ordinal():
    # «الجولة العشرون من المسار»: the twentieth round, no count of twenty paths
    assert find_quantities("عقدت الجولة العشرون من المسار في العاصمة") == []
    assert find_quantities("منذ مطلع القرن العشرين") == []
    assert [q.value for q in find_quantities("وصلت عشرون طائرة")] == [20]


def test_double_before_a_noun_is_no_multiple():
    assert find_quantities("cooperation without double standards") == []
    assert [q.kind for q in find_quantities("trade will double by 2030")][:1] == ["multiple"]


def test_change_from_to_is_two_figures():
    qs = find_quantities("ارتفع الإنتاج من 5 إلى 10 مليارات دولار")
    assert [(q.value, q.value_max, q.unit) for q in qs] == [(5e9, None, "USD"), (10e9, None, "USD")]


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("نحو 3 آلاف جندي", 3000, "about"),
        ("أكثر من 400 شاحنة", 400, "more than"),
        ("ما لا يقل عن 15 شخصا", 15, "at least"),
        ("لم تتجاوز 2 مليار دولار", 2e9, "up to"),
        ("حوالي 12 في المئة", 12, "about"),
        ("لمدة ساعتين تقريبا", 2, "about"),
        ("some 3,500 troops", 3500, "about"),
        ("at least 12 people", 12, "at least"),
        ("nearly 40%", 40, "about"),
        ("as much as $11 less", 11, "up to"),
        ("more than a decade", 1, "more than"),
        ("hundreds of drones", 100, "hundreds"),
        ("tens of thousands of fighters", 10_000, "tens of thousands"),
        ("مئات الجنود", 100, "hundreds"),
        ("عشرات الملايين من الدولارات", 10_000_000, "tens of millions"),
        ("tens of millions of dollars", 10_000_000, "tens of millions"),
        ("بلغت الكلفة 100 مليون دولار أو أكثر", 100e6, "at least"),
    ],
)
def test_qualifier_is_kept(text, value, qualifier):
    q = _first(text)
    assert q.value == pytest.approx(value) and q.qualifier == qualifier


@pytest.mark.parametrize(
    "text,value,unit,kind",
    [
        ("ثلث الإنتاج", 33.33, "percent", "percent"),
        ("خمس العائدات", 20, "percent", "percent"),
        ("about two-thirds of the output", 66.67, "percent", "percent"),
        ("a quarter of the capacity", 25, "percent", "percent"),
        ("one-third of the imports", 33.33, "percent", "percent"),
        ("نقلت آلاف الأطنان من القمح", 1000, "tonnes", "quantity"),
        ("half of the payment", 50, "percent", "percent"),
        ("ثمانية أضعاف", 8, "times", "multiple"),
        ("grew fivefold", 5, "times", "multiple"),
        ("سبعة مفاعلات", 7, "reactors", "count"),
        ("غواصتين روسيتين", 2, "submarines", "count"),
        ("لمدة أسبوعين", 2, "weeks", "duration"),
        ("دبابة واحدة", 1, "tanks", "count"),
        ("لمدة شهر", 1, "months", "duration"),
        ("for an hour", 1, "hours", "duration"),
        ("منذ ثلاثة عقود", 3, "decades", "duration"),
        ("وقعت ثلاثة عقود", 3, "contracts", "count"),
        ("خمسة من ضباط البحرية", 5, "officers", "count"),
        ("الجولة الرابعة من المحادثات", 4, "round", "ordinal"),
        ("القمة السادسة لزعماء المنطقة", 6, "summit", "ordinal"),
        ("the fourth round of talks", 4, "round", "ordinal"),
        ("the 11th summit", 11, "summit", "ordinal"),
    ],
)
def test_forms_without_a_plain_amount(text, value, unit, kind):
    q = _first(text)
    assert (q.value, q.unit, q.kind) == (pytest.approx(value, abs=0.01), unit, kind)


def test_halved_is_a_decline_of_half():
    q = _first("تقلص الدعم إلى النصف")
    assert (q.value, q.unit, q.change) == (50, "percent", "down")


@pytest.mark.parametrize(
    "text",
    [
        "قال ثلاثة مسؤولين",  # a bare number word
        "حركة طالبان",  # a name, not a dual
        "the two countries agreed",  # the pair named before
        "at 06:45 GMT",
        "delivered the S-400 systems",
        "the Fath-360 missiles",
        "قادة الدول الخمس",  # points back to states already named
        "the first summit",
        "date 2025-06-23 Putin slams attack",  # a written date
        "بتاريخ 16-6-2025 هجمات جديدة",
    ],
)
def test_no_figure(text):
    assert [q for q in find_quantities(text) if q.unit] == []


def test_years_are_no_range():
    qs = find_quantities("the 1980-1988 war")
    assert [(q.value, q.value_max, q.unit) for q in qs] == [(1980, None, None), (1988, None, None)]


def test_bare_number_word_ignored():
    assert find_quantities("قال ثلاثة مسؤولين") == []


def test_year_is_number_not_quantity():
    (q,) = find_quantities("في عام 2019")
    assert q.kind == "number" and q.unit is None


@pytest.mark.parametrize("text,value", [("$4.1 billion", 4_100_000_000), ("بين 1.1 و4.1 مليار دولار", 1_100_000_000),
                                        ("0.7 مليون طن", 700_000), ("3.3 trillion", 3_300_000_000_000)])
def test_scaled_values_are_exact(text, value):
    assert find_quantities(text)[0].value == value  # compared with ==, as scorers and merges do


def test_digits_comma_thousands_vs_decimal():
    assert parse_digits("1,300") == 1300
    assert parse_digits("2,5") == 2.5
    assert parse_digits("1,300", before_scale=True) == 1.3
    assert parse_digits("1.300.000") == 1_300_000
    assert parse_digits("18.02.2026") is None


def test_one_megabyte_line_is_read_in_linear_time():
    unit = "بلغ حجم التجارة بين 10 و12 مليار دولار، ونحو 300-700 km أو $1.3-$1.5 million و٢٤ مقاتلة. "
    line = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    t = time.process_time()
    qs = find_quantities(line)
    spent = time.process_time() - t
    assert len(qs) > 40_000
    assert spent < 30, f"{spent:.1f} s for 1 MB"


@pytest.mark.parametrize(("text", "unit"), [
    # one count of two coordinated nouns counts both, not the first alone
    ("freezing the assets of 28 people and organizations involved", "people and entities"),
    ("تجميد أصول 28 شخصا وكيانا", "people and entities"),
    ("sent 40 drones to Russia", "drones"),
])
def test_a_count_of_two_coordinated_nouns(text, unit):
    assert [q.unit for q in find_quantities(text)] == [unit]


@pytest.mark.parametrize("text", ["زاد بأكثر من 3.5 مرات في العام ونصف العام الماضيين", "half a year ago"])
def test_half_a_span_of_time_is_no_share(text):
    assert all(q.unit != "percent" for q in find_quantities(text))


@pytest.mark.parametrize("text", ["Russia launched one-way attack drones at Kyiv overnight.", "a one-sided deal"])
def test_a_hyphenated_one_of_a_kind_is_no_count(text):
    assert find_quantities(text) == []
