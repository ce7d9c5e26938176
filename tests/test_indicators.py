"""Indicators on sentences of our own: value, unit, what is measured, actors, certainty, date."""

import time

import pytest

from irkg.loaders.dictionaries import load_dictionaries
from irkg.loaders.extract import DocCtx, PassageCtx
from irkg.loaders.extract_indicators import extract_indicators
from irkg.loaders.pipeline import extract_document
from irkg.loaders.read import read_text
from irkg.loaders.recognize import recognize
from irkg.schema.pipeline import Passage


def _indicators(text: str, published: str | None = None):
    # the whole pipeline, parser included: what a figure belongs to is read off its parse tree
    doc = read_text("t.txt", text, **({"published": published} if published else {}))
    return [r for r in extract_document(doc).records if r.kind == "indicator"]


def _one(text, value, published=None):
    got = [r for r in _indicators(text, published) if r.value == pytest.approx(value)]
    assert got, f"no indicator of {value} in {text!r}: {[r.label for r in _indicators(text, published)]}"
    return got[0]


AR_PAIR = "التقى وزيرا خارجية إيران وروسيا في موسكو. "
EN_PAIR = "The foreign ministers of Iran and Russia met in Moscow. "


@pytest.mark.parametrize(
    "text,value,unit,what,actors",
    [
        ("بلغ حجم التبادل التجاري بين إيران وروسيا 4.9 مليار دولار في عام 2024.",
         4.9e9, "USD", "bilateral trade", {"iran", "russia"}),
        ("وبلغت التجارة بين تركيا وروسيا 57 مليار دولار في عام 2023.",
         57e9, "USD", "bilateral trade", {"russia", "turkey"}),
        ("وقدمت روسيا لإيران قرضا بقيمة 5 مليارات دولار لتمويل مشاريع البنية التحتية.",
         5e9, "USD", "loan", {"iran", "russia"}),
        ("وتبلغ تكلفة شراء كل طن من الشعير 250 دولارا.", 250, "USD per tonne", "cost", set()),
        ("انخفض إنتاج القمح في إيران بنسبة 25 في المئة.", 25, "percent", "production decline", {"iran"}),
        ("وتم ربط 40 مصرفا إيرانيا بنظام الرسائل المالية الروسي.", 40, "banks", "number of banks", {"iran"}),
        ("وقعت روسيا وإيران اتفاقا لبناء مفاعلين جديدين.", 2, "reactors", "number of reactors to be built", {"iran", "russia"}),
        ("واستمرت المحادثات بين الوزيرين الإيراني والروسي لمدة ثلاث ساعات.",
         3, "hours", "duration of the talks", {"iran", "russia"}),
        ("وتمتد المعاهدة بين روسيا وإيران عشرين عاما.", 20, "years", "term of the agreement", {"iran", "russia"}),
        ("وتتجدد المعاهدة تلقائيا لخمس سنوات.", 5, "years", "renewal period", None),
        ("انطلقت النسخة الخامسة من المناورات البحرية بين إيران وروسيا.", 5, "edition", "edition number", None),
        ("ويقطع القطار مسافة 700 كيلومتر بين البلدين.", 700, "km", "distance", None),
        ("Trade between Russia and Iran grew by 15.5% in 2024.",
         15.5, "percent", "bilateral trade growth", {"iran", "russia"}),
        ("Turkey's trade with Russia reached $57 billion in 2023.", 57e9, "USD", "bilateral trade", {"russia", "turkey"}),
        ("Russia will extend a 1.2 billion euro loan to Iran for the railway.", 1.2e9, "EUR", "loan", {"iran", "russia"}),
        ("Iran has delivered more than 1,000 drones to Russia.", 1000, "drones", "number of drones", {"iran", "russia"}),
        ("Iran's central bank said inflation stood at 35 percent.", 35, "percent", "inflation", {"iran"}),
        ("The corridor is 7,200 km long.", 7200, "km", "length", set()),
        ("The 12th round of talks between Iran and Russia ended on Friday.", 12, "round", "round number", None),
        ("Tehran paid Moscow $300m for the fuel, a third of what it owed.", 300e6, "USD", "payment", {"iran", "russia"}),
        ("Iran deployed thousands of military advisers to Syria.", 1000, "military advisers", "number of military advisers", None),
        ("وفرضت بريطانيا عقوبات على خمسة من ضباط البحرية الإيرانية لدعمهم روسيا في أوكرانيا.",
         5, "officers", "number of officers", {"iran"}),
        ("ووقع البلدان اتفاقا في 2023 لرفع التجارة بين إيران وروسيا إلى 30 مليار دولار بعد الحرب في أوكرانيا.",
         30e9, "USD", "bilateral trade", {"iran", "russia"}),
        ("وتراجعت صادرات النفط الإيرانية إلى ما دون 300 ألف برميل يوميا وعلى الرغم من أن إدارة بايدن خففت الضغوط.",
         300_000, "barrels per day", "oil exports", {"iran"}),
        ("The rial lost 40% of its value against the dollar.", 40, "percent", "value decline", None),
        ("فقدت العملة الإيرانية أكثر من نصف قيمتها منذ عام 2018.", 50, "percent", "value decline", {"iran"}),
        ("فقد الريال الإيراني 30% من قيمته.", 30, "percent", "value decline", {"iran"}),
        ("ارتفع عدد الطلاب الإيرانيين في روسيا بنسبة 25 في المئة.", 25, "percent", "number of students growth", None),
        ("Iran owes Russia about $400 million for fuel deliveries.", 400e6, "USD", "debt", {"iran", "russia"}),
        ("The fine imposed on the bank amounted to $1.8 million.", 1.8e6, "USD", "fine", None),
        ("Russia has some 47 trillion cubic metres of gas reserves.", 47e12, "cubic metres", "reserves of gas", {"russia"}),
        ("وتريد موسكو ألا تزيد حصة طهران على 15 في المئة.", 15, "percent", "share", None),
        ("Iran has enriched uranium up to 60% purity, inspectors said.", 60, "percent", "enrichment level", {"iran"}),
        ("بلغ مخزون إيران من اليورانيوم المخصب نحو 180 كيلوغراما.", 180, "kg", "stockpile", {"iran"}),
        ("Gazprom holds a 30% stake in the venture.", 30, "percent", "share", None),
        ("Iran received $7 billion in frozen funds.", 7e9, "USD", "funds", {"iran"}),
        ("The drone has a range of 1,800 km and a warhead of 40 kg.", 40, "kg", "warhead", None),
        ("The pipeline has a capacity of 20 bcm and runs 900 km.", 900, "km", "quantity in km", None),
        ("Exports reached an average of 90,000 barrels per day.", 90_000, "barrels per day", "exports", None),
        ("Oil output fell by 150,000 barrels per day in May.", 150_000, "barrels per day", "production decline", None),
        ("وحصلت طهران على 3 مليارات دولار من أموالها المجمدة.", 3e9, "USD", "funds", {"iran"}),
        ("Russia will take 200 kg of Iran's enriched uranium.", 200, "kg", "uranium quantity", {"iran", "russia"}),
        ("The minister, aged 68, said unemployment stood at 9 percent.", 9, "percent", "unemployment", None),
        ("The 68-year-old minister arrived in Moscow.", 68, "years", "age", None),
        ("بلغت قيمة الصادرات الإيرانية إلى روسيا 1.2 مليار دولار مقابل 900 مليون دولار في العام السابق.",
         900e6, "USD", "exports", {"iran", "russia"}),
        ("Iran's non-oil exports to Russia totalled $1.1bn.", 1.1e9, "USD", "non-oil exports", {"iran", "russia"}),
        ("خصصت الحكومة الروسية 500 مليون يورو للمشروع.", 500e6, "EUR", "funds allocated", {"russia"}),
        ("ويستغرق بناء المحطة عشر سنوات.", 10, "years", "construction time", None),
        ("وأسفر الهجوم عن مقتل 12 شخصا وإصابة 30 آخرين.", 12, "people", "number of dead", None),
        ("Police arrested 40 people in Tehran.", 40, "people", "number of detained", {"iran"}),
        ("وتبلغ كلفة المشروع 300 مليون دولار، منها قرض روسي بقيمة 200 مليون دولار.", 300e6, "USD", "cost", set()),
        ("وتبلغ كلفة المشروع 300 مليون دولار، منها قرض روسي بقيمة 200 مليون دولار.", 200e6, "USD", "loan", {"russia"}),
        ("Russia will finance $1.3bn of the $1.6bn project.", 1.6e9, "USD", "value of the project", {"russia"}),
        ("وأسفر الهجوم عن مقتل 12 شخصا وإصابة 30 آخرين.", 30, "people", "number of wounded", None),
        ("وارتفعت الصادرات إلى الضعف.", 2, "times", "exports increase", None),
        ("About 60% of payments between Iran and Russia are made in national currencies.",
         60, "percent", "share of trade settled in national currencies", {"iran", "russia"}),
        ("Tehran said it had identified $35 bln worth of joint projects with Moscow.",
         35e9, "USD", "value of joint projects", {"iran", "russia"}),
    ],
)
def test_indicator(text, value, unit, what, actors):
    r = _one(text, value)
    assert (r.unit, r.what) == (unit, what)
    if actors is not None:
        assert set(r.actors) == actors


def test_range_gives_lower_and_upper_bound():
    recs = _indicators("واشترت إيران ما بين 100 ألف و150 ألف طن من الذرة الروسية.")
    bounds = {r.what: r.value for r in recs}
    assert bounds == {"purchases of maize (lower bound)": 100_000, "purchases of maize (upper bound)": 150_000} or \
        set(bounds.values()) == {100_000, 150_000}
    assert all(r.evidence[0].claims["range"] == "100000-150000" for r in recs)


def test_qualifier_kept_and_no_denial_in_did_not_exceed():
    r = _one("وبحسب وكالة الأنباء، لم تتجاوز صادرات روسيا إلى إيران 3 مليارات دولار.", 3e9)
    assert r.evidence[0].claims["qualifier"] == "up to" and r.certainty == "reported"
    assert r.what == "exports"


@pytest.mark.parametrize(
    "text,value",
    [
        (AR_PAIR + "وتسعى الدولتان إلى رفع التبادل التجاري إلى 10 مليارات دولار بحلول عام 2030.", 10e9),
        ("Gazprom plans to supply up to 55 bcm of gas a year to Iran.", 55),
        ("The railway will cost between $1.5 and $2 billion.", 1.5e9),
        ("Iran is planning to raise its exports to Russia, reaching four million tonnes in 2026.", 4e6),
        ("Three batches of wheat will be delivered to Iran next week.", 3),  # the modal of a passive
        # a figure below a noun of intending, whatever verb reports it
        ("أعلنت إيران عزمها على التزود بالوقود النووي من موسكو لمدة خمس سنوات.", 5),
        ("The ministers unveiled a plan to raise trade between Iran and Russia to $12 billion.", 12e9),
    ],
)
def test_target_or_forecast_is_expected(text, value):
    assert _one(text, value).certainty == "expected"


def test_goal_takes_the_date_after_it_not_the_signing_date():
    r = _one(AR_PAIR + "وفي اتفاق وقع عام 2023 تعهد البلدان بزيادة التبادل التجاري إلى 40 مليار دولار.", 40e9)
    assert r.date != "2023"


def test_pair_noun_names_the_pair_of_the_document():
    r = _one(AR_PAIR + "وبلغ حجم التجارة بين البلدين 3 مليارات دولار.", 3e9)
    assert set(r.actors) == {"iran", "russia"}


def test_another_pair_is_kept_apart():
    recs = _indicators("بلغ حجم التبادل التجاري بين إيران وروسيا 4 مليارات دولار في عام 2023. "
                       "وبلغت التجارة بين تركيا وروسيا 57 مليار دولار في عام 2023.")
    ids = {r.id for r in recs if r.what == "bilateral trade"}
    assert len(ids) == 2


@pytest.mark.parametrize(
    "text",
    [
        "وقبل يومين، أعلنت طهران عن الصفقة.",  # a date, not a length of time
        "The two leaders met two days ago.",
        "نشر منذ 25 دقيقة",
        "The two countries signed the memorandum.",
        "قال ثلاثة مسؤولين إن الصفقة تأجلت.",
        "Russia delivered S-400 systems to Turkey in 2019.",
    ],
)
def test_no_indicator(text):
    assert _indicators(text) == []


def test_a_baseline_year_does_not_date_a_figure():
    r = _one("Iran's crude output rose to 3.4 million bpd, its highest since 2018.", 3.4e6)
    assert r.date is None and r.what == "production"


def test_inferred_year_is_not_after_publication():
    r = _one("Russian exporters cut prices, and discounts widened to $9 a barrel in December.", 9, published="2026-02-20")
    assert r.date == "2025-12"


def test_a_later_sentence_takes_a_measure_up_only_through_an_anaphor():
    recs = _indicators("Iran's GDP grew 3.5 percent in 2023.\n\nThe fine amounted to $2 million.\n\n"
                       "Iranian oil sold at a $12 discount.\n\nThat widened to $15 in March.")
    assert {r.value: r.what for r in recs} == {3.5: "GDP growth", 2e6: "fine", 12: "discount", 15: "discount"}


def test_a_figure_without_a_measure_takes_the_previous_one():
    recs = _indicators("وحددت الحكومة سعر شراء القمح عند 5000 تومان، أي ما يعادل 200 دولار للطن.")
    assert {r.what for r in recs} == {"price"}


def test_a_long_run_on_passage_stays_linear():
    unit = "وبلغ حجم التجارة بين إيران وروسيا 4 مليارات دولار، وارتفع عدد الرحلات إلى 60 رحلة أسبوعيا، "
    text = unit * 1500  # ~150 kB in one passage, no sentence end
    dicts = load_dictionaries()
    doc = read_text("long.txt", text)
    p = Passage(doc=doc.id, file="long.txt", idx=0, start=0, end=len(text), text=text)
    dc = DocCtx(doc, dicts)
    pc = PassageCtx(p, recognize(p, dicts, None), dc)
    t = time.process_time()
    out = []
    extract_indicators([pc], dc, out)
    assert len(out) >= 2000
    assert time.process_time() - t < 60


def test_a_vague_count_says_so_in_its_label():
    r = _one("Iran has sent hundreds of drones to Russia.", 100)
    assert r.label.endswith(": hundreds (at least 100) drones") and "مئات" in r.label_ar
    assert r.evidence[0].claims["qualifier"] == "hundreds"


@pytest.mark.parametrize("text", [
    "ويصل الوفد الروسي إلى طهران قبل 48 ساعة من انطلاق المفاوضات.",
    "وتعهد الطرفان بالتوصل إلى اتفاق نهائي خلال عامين.",
    "ووصل الوفد إلى طهران بعد ثلاثة أيام من زيارة لافروف إلى أنقرة.",
    "The talks resumed two weeks after the summit.",
])
def test_a_time_relation_is_no_indicator(text):
    # "a day after", "within two years" say when something happened; they measure nothing an analyst tracks
    assert not [r for r in _indicators(text) if r.unit in ("hours", "days", "weeks", "years")]


def test_two_undated_counts_in_two_sentences_stay_two_facts():
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text
    text = ("أرسلت إيران سفينتين حربيتين إلى ميناء أستراخان الروسي.\n\n"
            "ووصلت سفينتان روسيتان إلى ميناء بندر عباس الإيراني في زيارة أخرى.\n")
    ships = [r for r in extract_document(read_text("own.txt", text)).records
             if r.kind == "indicator" and r.unit == "ships"]
    assert len(ships) == 2 and all(len(r.evidence) == 1 for r in ships)


def test_a_figure_after_a_ba_phrase_is_not_bounded_by_the_verb_before():
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text
    (ind,) = [r for r in extract_document(read_text("own.txt", "وستتجاوز المحطة مرحلة التشغيل الأولى بطاقة 40 في المئة.\n")).records
              if r.kind == "indicator"]
    assert "more than" not in ind.label, ind.label


def test_the_goods_of_a_figure_end_at_the_comma():
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text
    text = "Russia shipped 2.5 mln tonnes of grain to Iran, including 410,000 tonnes of barley, 120,000 tonnes of corn.\n"
    whats = {r.value: r.what for r in extract_document(read_text("own.txt", text)).records if r.kind == "indicator"}
    assert "barley" in whats[410000.0] and "of of" not in whats[2500000.0], whats


def test_rising_to_reach_a_level_is_no_ceiling():
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text
    recs = [r for r in extract_document(read_text("own.txt", "ارتفعت الصادرات الروسية إلى إيران بنسبة 10% لتصل إلى 3 مليارات دولار.\n")).records
            if r.kind == "indicator" and r.unit == "USD"]
    assert recs and "up to" not in recs[0].label, [r.label for r in recs]


@pytest.mark.parametrize("text,value", [
    ("وقعت روسيا مع إيران عقودا لبناء مفاعلين نوويين جديدين في بوشهر.", 2),
    ("تم الاتفاق بين موسكو وطهران على خطط إنشاء ستة مفاعلات نووية أخرى.", 6),
])
def test_a_count_of_things_to_be_built_is_expected_and_says_so(text, value):
    r = _one(text, value)
    assert r.certainty == "expected" and r.what.endswith("to be built")
    built = _one("بنت روسيا مفاعلين نوويين في بوشهر.", 2)
    assert built.certainty == "asserted" and not built.what.endswith("to be built")


def test_a_date_in_an_earlier_conjunct_is_not_the_figures_but_a_fronted_one_is():
    r = _one("واجتاحت روسيا أوكرانيا في فبراير 2022 وتسيطر على 18% من أراضيها.", 18, published="2024-05-01")
    assert r.date is None
    r = _one("في عام 2023 تراجعت الواردات الروسية من إيران وبلغت 3 مليارات دولار.", 3e9, published="2024-05-01")
    assert r.date == "2023"


def test_a_headline_count_to_be_built_is_expected():
    r = _one("بناء 6 مفاعلات نووية في إيران بخبرة روسية", 6)
    assert r.certainty == "expected" and r.what.endswith("to be built")


def test_only_so_many_is_no_denial_and_a_starting_level_is_no_plan():
    assert _one("ولا يتألف الأسطول الإيراني سوى من خمس فرقاطات روسية الصنع.", 5).certainty == "asserted"
    assert _one("The firms plan to boost output from 20,000 to 30,000 barrels per day.", 20_000).certainty == "asserted"
    assert _one("The firms plan to boost output from 20,000 to 30,000 barrels per day.", 30_000).certainty == "expected"


def test_put_up_is_no_growth_and_times_the_speed_is_no_count():
    r = _one("The Russian firm will put up 70 percent of the capital of the joint venture with Iran.", 70)
    assert r.what != "growth"
    assert not [r for r in _indicators("The Iranian drones fly at nearly twice the speed of sound.") if r.unit == "times"]


def test_a_material_ends_at_a_dash_or_a_conjunction():
    r = _one("They have a small warhead — about 12 kilograms of explosive — but are cheap to make.", 12)
    assert r.what == "explosive quantity"


def test_reported_supplies_a_present_ability_and_a_demand_say_so():
    assert _one("There have been reports of Iran supplying hundreds of drones to Russia.", 100).certainty == "reported"
    assert _one("وقال المحافظ إنه يمكن حاليا لعملاء 5 بنوك روسية السحب من أجهزة الصراف في إيران.", 5).certainty != "expected"
    assert _one("Moscow demands a 30 percent share of the Caspian oil revenue.", 30).what.endswith("demanded")


def test_a_figure_said_to_stand_now_has_no_later_date_and_a_later_one_is_expected():
    ar = "توقع رجال أعمال روس وإيرانيون أمس ارتفاع حجم التبادل التجاري بين البلدين من 4.8 مليار دولار حاليا إلى 12 مليار دولار حتى عام 2021."
    now, later = _one(ar, 4.8e9, "2015-07-02"), _one(ar, 12e9, "2015-07-02")
    assert (now.date, now.certainty) == (None, "asserted")
    assert (later.date, later.certainty) == ("2021", "expected")
    en = "Trade between Iran and Russia currently stands at $2 billion and should reach $10 billion by 2022."
    assert (_one(en, 2e9).date, _one(en, 2e9).certainty) == (None, "asserted")
    # a duration for a visit that starts after the text was written: still to come
    visit = _one("يبدأ الرئيس الإيراني حسن روحاني يوم الاثنين المقبل زيارة إلى موسكو تستغرق ثلاثة أيام.", 3, "2021-03-10")
    assert (visit.date, visit.certainty) == ("2021-03-15", "expected")


def test_a_third_state_that_tells_a_figure_is_not_what_it_measures():
    got = _one("Ukraine's military said Iran's Shahed-136 drone has a range of about 2,000 km.", 2000)
    assert got.actors == ["iran"]
    # Iran or Russia telling its own figure stays one of its actors
    got = _one("وأضاف الوزير الإيراني أن بلاده تنوي شراء 12 طائرة مدنية روسية.", 12)
    assert "iran" in got.actors


def test_years_are_the_term_of_an_agreement_not_of_a_visit():
    got = _one("أعلن المتحدث أن الرئيس الروسي سيقوم قريبا بزيارة طهران لوضع اللمسات النهائية لاتفاق التعاون "
               "الثنائي مع إيران لمدة عشر سنوات.", 10)
    assert got.what == "term of the agreement"
    assert _one("يقوم الرئيس الإيراني بزيارة إلى موسكو تستغرق ثلاثة أيام.", 3).what == "duration of the visit"


@pytest.mark.parametrize(("text", "period", "label_ar"), [
    # a figure for part of a year keeps the part: it is no figure for the whole year
    ("ارتفع التبادل التجاري بين إيران وروسيا إلى 2.5 مليار دولار في الأشهر الخمسة الأولى من عام 2024.",
     "first 5 months", "أول 5 أشهر"),
    ("Trade between Iran and Russia reached $2.5 billion in the first half of 2024.", "first half", "النصف الأول"),
    ("Iran's exports to Russia stood at $900 million in January-May 2024.", "January–May", "January–May"),
    ("Trade between Iran and Russia reached $4 billion in 2023.", None, None),
])
def test_a_figure_keeps_the_part_of_the_year_it_covers(text, period, label_ar):
    (r,) = [r for r in _indicators(text) if r.unit == "USD"]
    assert r.period == period
    if period:
        assert period in r.label and label_ar in r.label_ar


def test_a_baseline_period_is_not_the_figures():
    text = "Trade between Iran and Russia reached $4 billion in 2024, compared with the first half of 2023."
    assert [r.period for r in _indicators(text) if r.unit.startswith("USD")] == [None]


@pytest.mark.parametrize(("text", "what_end", "cert"), [
    # a level one side wants not passed is its demand; wanting to raise a figure to a level stays a target
    ("فإيران تطالب بخمس العائدات النفطية في البحر، بينما تريد روسيا ألا تزيد حصة طهران على 11 في المئة.", " demanded", "asserted"),
    ("وقال إن روسيا تريد رفع التبادل التجاري مع إيران إلى 10 مليارات دولار.", "trade", "expected"),
])
def test_what_one_side_wants(text, what_end, cert):
    got = [r for r in _indicators(text) if r.value in (11, 10_000_000_000)]
    assert got and all(r.what.endswith(what_end) and r.certainty == cert for r in got)


def test_who_imposes_a_sides_ban_is_no_party_to_its_deal():
    text = ("وقعت كل من طهران وموسكو اللتان تواجهان حظرا اقتصاديا من قبل الولايات المتحدة وأوروبا اتفاقا ضخما للتعاون "
            "الاقتصادي يبلغ قيمته نحو 70 مليار يورو.")
    (r,) = [r for r in _indicators(text) if r.unit == "EUR"]
    assert r.actors == ["iran", "russia"]


def test_a_period_in_another_clause_is_not_the_figures():
    text = ("ونما التبادل التجاري بين إيران وروسيا في الأشهر العشرة الأولى من العام بنحو 15%، ومن المتوقع أن يتجاوز "
            "5 مليارات دولار في العام كله.")
    assert [r.period for r in _indicators(text) if r.unit.startswith("USD")] == [None]


def test_a_fronted_period_is_the_figures():
    text = "In the first five months of 2024, trade between Iran and Russia reached $2.5 billion."
    assert [r.period for r in _indicators(text) if r.unit == "USD"] == ["first 5 months"]


@pytest.mark.parametrize(("text", "what", "label_ar"), [
    # a trade figure limited to a sector says so, in both languages
    ("وبلغ حجم التبادل التجاري الزراعي بين إيران وروسيا 1.2 مليار دولار.", "agricultural bilateral trade", "التبادل التجاري الزراعي"),
    ("Non-oil trade between Iran and Russia reached $3 billion.", "non-oil bilateral trade", "التبادل التجاري غير النفطي"),
    ("Trade between Iran and Russia reached $4 billion in 2023.", "bilateral trade", "التبادل التجاري"),
])
def test_a_trade_figure_keeps_its_sector(text, what, label_ar):
    (r,) = [r for r in _indicators(text) if r.unit.startswith("USD")]
    assert r.what == what and r.label_ar.startswith(label_ar)


def test_a_yearly_rate_stays_in_its_own_sentence():
    # "last year trade was $2.5 bn" after "a deal to raise annual trade to $40 bn" is a total, not a rate
    text = ("ووقع البلدان اتفاقا لزيادة حجم التبادل التجاري السنوي بين إيران وروسيا إلى 40 مليار دولار.\n"
            "وفي العام الماضي، بلغ حجم التجارة بين إيران وروسيا 2.5 مليار دولار فقط.")
    units = {r.value: r.unit for r in _indicators(text, "2025-05-01")}
    assert units == {4e10: "USD per year", 2.5e9: "USD"}
