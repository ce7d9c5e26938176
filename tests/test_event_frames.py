"""Who did what to whom, read off the parse tree: one sentence of our own per error class of the precision issue.

Each row is (sentence, event type, expected roles, certainty, place); `None` for roles means "no such event".
The real parser runs (started on first use); nothing is mocked.
"""

from __future__ import annotations

import pytest

from irkg.loaders.pipeline import extract_document
from irkg.loaders.read import read_text


def _events(text: str, published: str | None = "2025-06-01"):
    doc = read_text("own.txt", text + "\n").model_copy(update={"published": published})
    return [r for r in extract_document(doc).records if r.kind == "event"]


def _roles(e) -> set[tuple[str, str]]:
    return {(p.actor, p.role) for p in e.roles}


ROWS = [
    # 1. only the trigger's own clause gives participants
    ("زار وزير الخارجية الروسي طهران في حين كانت الصين تعزز علاقاتها مع باكستان.", "visit",
     {("russia", "visitor"), ("iran", "host")}, "asserted", "tehran"),
    ("Lavrov met Araghchi in Tehran while China watched closely.", "meeting",
     {("sergey_lavrov", "participant"), ("abbas_araghchi", "participant")}, "asserted", "tehran"),
    # 2. roles: who acts and who is acted upon
    ("وتواصل إسرائيل غاراتها على المواقع الإيرانية في سوريا.", "strike",
     {("israel", "attacker"), ("iran", "target")}, "asserted", "syria"),
    ("زار المبعوث الإيراني موسكو الأسبوع الماضي.", "visit", {("iran", "visitor"), ("russia", "host")}, "asserted", "moscow"),
    ("فرضت واشنطن عقوبات جديدة على طهران.", "sanction", {("united_states", "imposer"), ("iran", "target")}, "asserted", None),
    ("New sanctions were imposed on Iran by the European Union.", "sanction",
     {("european_union", "imposer"), ("iran", "target")}, "asserted", None),
    ("تسلمت إيران منظومة إس-300 من روسيا.", "delivery", {("iran", "recipient"), ("russia", "supplier")}, "asserted", None),
    ("Iran supplied Shahed drones to Russia.", "delivery", {("iran", "supplier"), ("russia", "recipient")}, "asserted", None),
    # 3. plans, promises, aims and intentions are expected, not done
    ("وعدت روسيا بتسليم مقاتلات سوخوي-35 إلى إيران.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "expected", None),
    ("كانت موسكو تنوي تسليم منظومة إس-400 لطهران.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "expected", None),
    ("Russia is expected to deliver fighter jets to Iran next year.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "expected", None),
    ("سيزور الرئيس الإيراني موسكو الشهر المقبل.", "visit", {("iran", "visitor"), ("russia", "host")}, "expected", "moscow"),
    # 4. negation and hedges scoped to their own clause
    ("نفت الخارجية الروسية أن تكون موسكو قد زودت إيران بصواريخ.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "denied", None),
    ("The Kremlin denied that Moscow had sent drones to Tehran.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "denied", None),
    ("Iran reportedly supplied ballistic missiles to Russia.", "delivery",
     {("iran", "supplier"), ("russia", "recipient")}, "reported", None),
    ("رفضت روسيا بيع منظومة إس-400 لإيران.", "delivery", {("russia", "supplier"), ("iran", "recipient")}, "denied", None),
    # 5. a capital acting is its state, not the place
    ("قصفت تل أبيب مواقع إيرانية في سوريا.", "strike", {("israel", "attacker"), ("iran", "target")}, "asserted", "syria"),
    # 7. a trigger word outside its frame is no event
    ("وتصل قيمة التبادل التجاري بين البلدين إلى خمسة مليارات دولار.", "visit", None, None, None),
    # light verbs, relative clauses and possessives
    ("قام وزير الدفاع الروسي بزيارة إلى طهران.", "visit", {("russia", "visitor"), ("iran", "host")}, "asserted", "tehran"),
    ("جاء ذلك بعد زيارة أجراها وزير الخارجية الإيراني إلى موسكو.", "visit",
     {("iran", "visitor"), ("russia", "host")}, "asserted", "moscow"),
    ("Israel launched a wave of strikes on Iran in June.", "strike", {("israel", "attacker"), ("iran", "target")}, "asserted", None),
    # an adjective of plan governs its complement and passes on the copula's subject
    ("Araghchi is due to visit Moscow next week.", "visit",
     {("abbas_araghchi", "visitor"), ("russia", "host")}, "expected", "moscow"),
    # "no reason to believe/suspect that ...": the belief is negated, so is what it is about
    ("Peskov said there was no reason to believe that Moscow had supplied missiles to Tehran.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "denied", None),
    # an official speaks for the state: the state is no second speaker
    ("Russian Foreign Minister Sergei Lavrov said on Monday that the talks were useful.", "statement",
     {("sergey_lavrov", "speaker")}, "asserted", None),
    # a travel verb needs a traveller who can act, and somewhere it goes (not a cause's place)
    ("Moscow came under sanctions by Western countries because of the conflict in Ukraine.", "visit", None, None, None),
    ("Russian MiG-29 jets have arrived in Shiraz, a lawmaker said.", "visit", None, None, None),
    # the nationality of what is shipped is no recipient
    ("Iranian and Russian oil shipments to China are delivered to private refiners.", "delivery", None, None, None),
    # a ban denies what it bans
    ("The decree also prohibited exports of tanks and aircraft to Iran.", "delivery", {("iran", "recipient")}, "denied", None),
    # a cause under a denial is taken as given
    ("Tehran denied that its exports fell because of more Russian oil supplies to China.", "delivery",
     {("russia", "supplier"), ("china", "recipient")}, "asserted", None),
    # a meeting noun in the setting of a saying ("said at a joint press conference with"): the speaker takes part,
    # beside the counterpart, and where it was said is the author's statement, not the speaker's
    ("قال لافروف في مؤتمر صحفي مشترك مع نظيره الإيراني عباس عراقجي في موسكو إن البلدين سيعززان التعاون.", "meeting",
     {("sergey_lavrov", "participant"), ("abbas_araghchi", "participant")}, "asserted", "moscow"),
    # an official named with his title speaks; the body in his title is no second speaker
    ("وقال نائب محافظ البنك المركزي الإيراني محسن كريمي إن البلدين ربطا نظاميهما المصرفيين.", "statement",
     {("unlinked:محسن_كريمي", "speaker")}, "asserted", None),
    # "more of" counts the sanctions a light verb imposes: the target is the verb's
    ("وفرضت واشنطن المزيد من العقوبات على البنوك الإيرانية.", "sanction",
     {("united_states", "imposer"), ("iran", "target")}, "asserted", None),
    # what a council is to vote on is not imposed yet
    ("The Security Council will vote on Friday on new sanctions against Iran.", "sanction",
     {("unsc", "imposer"), ("iran", "target")}, "expected", None),
    # who votes against a measure takes none; the measure is only proposed
    ("Russia voted against new sanctions on Iran.", "sanction", {("iran", "target")}, "expected", None),
    ("صوتت روسيا ضد فرض عقوبات جديدة على إيران.", "sanction", {("iran", "target")}, "expected", None),
    # backing away from an act: it did not take place
    ("وتراجعت روسيا عن تزويد إيران بصواريخ إس-300.", "delivery", {("iran", "recipient"), ("russia", "supplier")}, "denied", None),
    ("Russia backed away from supplying S-300 missiles to Iran.", "delivery", {("iran", "recipient")}, "denied", None),
    # a sale under a ban, with a relative clause between the ban and the sale
    ("قال لافروف إن روسيا لا تنتهك الحظر الذي يفرضه مجلس الأمن على بيع الأسلحة إلى إيران.", "delivery",
     {("iran", "recipient")}, "denied", None),
    # the target of a measure whose phrase the parser closed before its «على» phrase
    ("أضرت العقوبات الأمريكية على إيران بالتجارة.", "sanction", {("united_states", "imposer"), ("iran", "target")}, "asserted", None),
    # "include" lists what was done unless an agreement includes it
    ("These measures include sanctions imposed by the EU on Iranian entities.", "sanction",
     {("european_union", "imposer"), ("iran", "target")}, "asserted", None),
    # an area of cooperation a treaty centres on is no exercise
    ("يتمحور جوهر الاتفاق حول التعاون العسكري، بما في ذلك التدريبات المشتركة بين القوات الروسية والإيرانية.",
     "exercise", None, None, None),
    # announcing the start of joint drills with a counterpart: the announcer takes part, and its own act is done
    ("Iran's navy on Monday announced the start of joint drills with Russian forces in the Caspian Sea.", "exercise",
     {("iran", "participant"), ("russia", "participant")}, "asserted", None),
    # whom a relative clause says a meeting brought together take part in it
    ("عقد في طهران اجتماع ضم وزير الخارجية الروسي سيرغي لافروف ونظيره الإيراني عباس عراقجي.", "meeting",
     {("sergey_lavrov", "participant"), ("abbas_araghchi", "participant")}, "asserted", "tehran"),
    # lifting a ban on a delivery allows it; nothing is delivered yet
    ("In April this year, President Vladimir Putin lifted a previous ban on the delivery of S-300 to Iran.", "delivery",
     {("iran", "recipient")}, "expected", None),
    # "prepared to sell": an offer
    ("No arms contracts were announced, but Russia said it was prepared to sell defensive weapons to Iran.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "expected", None),
    # a contract signed for one side to supply the other: the supply is provided for, and the side supplied
    # is no supplier because the signing verb's subject names it too
    ("Russia and Iran have signed a contract for Moscow to supply Tehran with S-300 missile systems.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "expected", None),
    # an aim to increase exports: the increase is what is sought
    ("روسيا تسعى لزيادة صادرات الحبوب إلى إيران هذا العام.", "trade", {("iran", "buyer")}, "expected", None),
    # «ستدخل المناوبة القتالية»: to enter combat duty takes an object; no intervention anywhere
    ("وأشار إلى أن منظومة الدفاع الجوي الروسية التي سلمت لإيران سابقا ستدخل المناوبة القتالية مع نهاية العام.",
     "intervention", None, None, None),
    # a forum where someone spoke names no counterpart: no meeting of one
    ("قال جلالي للصحفيين في منتدى الإعلام في أستراخان إن الهدف هو مليونا طن.", "meeting", None, None, None),
    # receiving a person is a reception (a meeting of the two), not goods acquired
    ("The Russian president received Iran's parliament speaker Mohammad Bagher Ghalibaf at the Kremlin.", "meeting",
     {("russia", "participant"), ("mohammad_bagher_ghalibaf", "participant")}, "asserted", "russia"),
    ("Iran received a second batch of Yak-130 trainers from Russia.", "meeting", None, None, None),
    # whom a meeting brought together "with" someone takes part; who met one of the host state on a visit is the visitor
    ("وذلك خلال لقاء جمع وزير الخارجية الإيراني منوتشهر متكي مع رئيس وكالة الطاقة الذرية الروسية سيرغي كيرينكو.", "meeting",
     {("manouchehr_mottaki", "participant"), ("sergei_kiriyenko", "participant")}, "asserted", None),
    ("جاء ذلك بعد زيارة علي لاريجاني إلى موسكو، حيث التقى الرئيس الروسي فلاديمير بوتين.", "meeting",
     {("ali_larijani", "participant"), ("vladimir_putin", "participant")}, "asserted", None),
    # what was annexed is where the annexation happened
    ("ضمت روسيا شبه جزيرة القرم عام 2014.", "annexation", {("russia", "annexer")}, "asserted", "crimea"),
    # who denies supplying someone would be the supplier; denying the truth of what reports say denies it
    ("نفت إيران تزويد روسيا بمسيرات.", "delivery", {("iran", "supplier"), ("russia", "recipient")}, "denied", None),
    ("نفت إيران صحة الكلام الذي ذكرته تقارير إعلامية ويفيد بتزويد طهران لروسيا بطائرات مسيرة.", "delivery",
     {("iran", "supplier"), ("russia", "recipient")}, "denied", None),
    # a relative clause the parser left without its noun takes no subject from the clause above
    ("أعلن نائب وزير الخارجية الروسي سيرغي ريابكوف أن أول محطة نووية بنتها روسيا في إيران والتي ستدشن السبت في بوشهر "
     "ستستخدم لأغراض مدنية.", "launch", None, None, None),
    # a participle fronted in an "after" phrase is done by the main clause's subject, and is not what he told
    ("After meeting with Alexey Likhachev, Director General of the state-owned Russian company Rosatom, Mohammad Eslami "
     "told the news conference that understandings were reached.", "meeting",
     {("alexei_likhachev", "participant"), ("mohammad_eslami", "participant")}, "asserted", None),
    # «تصدرت» (topped, led) is no export
    ("تصدرت روسيا وإيران وتركيا عملية أستانا كمسار مواز لوساطة الأمم المتحدة.", "trade", None, None, None),
    # the visit during which a treaty was signed happened then: no term of the treaty
    ("وقعت المعاهدة خلال زيارة الرئيس الإيراني مسعود بزشكيان إلى موسكو في يناير.", "visit",
     {("masoud_pezeshkian", "visitor"), ("russia", "host")}, "asserted", "moscow"),
    # «إلى جانب», "alongside": with
    ("تجري إيران مناورات بحرية إلى جانب روسيا في بحر قزوين.", "exercise",
     {("iran", "participant"), ("russia", "participant")}, "asserted", None),
    # the body of a title set off after a name is his office: no second speaker
    ("After meeting with Alexey Likhachev, Director General of the state-owned Russian company Rosatom, Mohammad Eslami "
     "told the news conference that understandings were reached.", "statement", {("mohammad_eslami", "speaker")}, "asserted", None),
    # what reports say, rejected, is denied
    ("He dismissed the media hype about Russian withdrawal from the railway project.", "withdrawal",
     {("russia", "withdrawing")}, "denied", None),
    ("He confirmed reports about the Russian withdrawal from the railway project.", "withdrawal",
     {("russia", "withdrawing")}, "reported", None),
    # who calls off a delivery would have made it (a leader stands for his state)
    ("وأعلن الرئيس الروسي ديمتري مدفيديف إلغاء تسليم صواريخ إس-300 إلى إيران.", "delivery",
     {("iran", "recipient"), ("russia", "supplier")}, "denied", None),
    # the accused would have supplied, whatever the supply noun's genitive names
    ("واتهمت الولايات المتحدة إيران بتزويد روسيا بطائرات مسيرة.", "delivery",
     {("iran", "supplier"), ("russia", "recipient")}, "alleged", None),
    # two names side by side with no «و» are the accuser and the accused: the accused would supply
    ("وهذه ليست المرة الأولى التي تتهم فيها واشنطن طهران بتوريد مسيرات إلى روسيا.", "delivery",
     {("iran", "supplier"), ("russia", "recipient")}, "alleged", None),
    ("وزودت إيران وروسيا سوريا بالأسلحة.", "delivery",
     {("iran", "supplier"), ("russia", "supplier"), ("syria", "recipient")}, "asserted", None),
    # a quotation right after «قوله» is the speaker's
    ('ونسبت الوكالة للسفير الإيراني قوله "وقعت إيران وروسيا عقدا جديدا لتزويد طهران بمنظومات إس-300".', "signing",
     {("iran", "signatory"), ("russia", "signatory")}, "reported", None),
    # a company speaks too
    ("Rostec, the Russian arms group, said it had signed a new contract with Iran.", "statement",
     {("rostec", "speaker")}, "asserted", None),
    # who is somewhere on a visit makes it, to where he is
    ("Iranian President Masoud Pezeshkian is in Moscow on an official visit.", "visit",
     {("masoud_pezeshkian", "visitor")}, "asserted", "moscow"),
    # the body in a title right before a name is his office, even when the parser cuts the title from the name
    ("استقبل وزير الخارجية الروسي سيرغي لافروف أمين المجلس الأعلى للأمن القومي الإيراني علي لاريجاني في موسكو.", "meeting",
     {("sergey_lavrov", "participant"), ("ali_larijani", "participant")}, "asserted", "moscow"),
    # talks that are the subject of a verb still to come, or of one someone expects, are to come
    ("The talks between Lavrov and Mohammad Javad Zarif will focus on Syria.", "meeting",
     {("sergey_lavrov", "participant"), ("mohammad_javad_zarif", "participant")}, "expected", None),
    ("وتتوقع الخارجية الروسية أن تتناول محادثات لافروف ومحمد جواد ظريف الملف السوري.", "meeting",
     {("sergey_lavrov", "participant"), ("mohammad_javad_zarif", "participant")}, "expected", None),
    ("The talks between Lavrov and Mohammad Javad Zarif focused on Syria.", "meeting",
     {("sergey_lavrov", "participant"), ("mohammad_javad_zarif", "participant")}, "asserted", None),
    # whom a contract obliges would act, and the contract's date is not the delivery's
    ("The contract signed in 2007 obliged Russia to deliver five S-300 battalions to Iran.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}, "expected", None),
    # a state sending weapons its own verb names is a delivery, the recipient said elsewhere; not in a clause
    # another verb governs
    ("Russia has already started transferring the necessary weapons, radars and air defence systems.", "delivery",
     {("russia", "supplier")}, "asserted", None),
    ("Kyiv says Tehran has never acknowledged that Russia provides these drones.", "delivery", None, None, None),
    # who backs further sanctions imposes none, and they are only proposed
    ("Russia backed further sanctions against Iran and would vote for them if there is consensus.", "sanction",
     {("iran", "target")}, "expected", None),
    ("وأيدت روسيا فرض عقوبات جديدة على إيران.", "sanction", {("iran", "target")}, "expected", None),
    ("ورفضت روسيا أن تدعم علنا دعوات واشنطن بالتهديد بفرض عقوبات على إيران.", "sanction", {("iran", "target")}, "expected", None),
    # an export to come
    ("Iran will export 40 gas turbines to Russia under the contract.", "trade",
     {("iran", "seller"), ("russia", "buyer")}, "expected", None),
    # an attack someone fears is neither done nor planned
    ("ويرى مراقبون أن روسيا عجلت في تنفيذ الصفقة خشية من هجوم إسرائيلي على المحطة.", "attack", None, None, None),
    ("Moscow sped up the work amid fears of an Israeli attack on the plant.", "attack", None, None, None),
    ("Israel attacked the plant, raising fears of a wider war.", "attack", {("israel", "attacker")}, "asserted", None),
    # a company of a state stands for it: the state is no second signatory
    ("ووقعت الشركة الوطنية الإيرانية للنفط مذكرة تفاهم مع غازبروم الروسية بقيمة 40 مليار دولار.", "signing",
     {("nioc", "signatory"), ("gazprom", "signatory")}, "asserted", None),
]


@pytest.mark.parametrize(("text", "etype", "roles", "certainty", "place"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_event_roles_certainty_and_place(text, etype, roles, certainty, place):
    found = [e for e in _events(text) if e.type == etype]
    if roles is None:
        assert not found
        return
    assert found, f"no {etype} event"
    e = found[0]
    assert _roles(e) == roles
    assert e.certainty == certainty
    assert e.place == place


def test_annexation_in_a_clause_that_is_not_recognised_is_still_asserted():
    # "Russia does not recognise Iran's annexation": the negation belongs to recognising, not to the annexation
    anne = [e for e in _events("لا تعترف روسيا بضم إيران للجزر الثلاث.") if e.type == "annexation"]
    assert all(e.certainty != "denied" for e in anne)


def test_concession_gives_no_friction_and_keeps_the_main_event():
    from irkg.loaders.pipeline import extract_document as run

    doc = read_text("own.txt", "رغم الخلافات بين البلدين، وقعت طهران وموسكو اتفاقية تعاون في عام 2023.\n")
    recs = run(doc).records
    assert not [r for r in recs if r.kind == "friction"]
    signing = [r for r in recs if r.kind == "event" and r.type == "signing"]
    assert signing and {"iran", "russia"} <= set(signing[0].participants) and signing[0].certainty == "asserted"


def _records(text: str, kind: str):
    doc = read_text("own.txt", text + "\n").model_copy(update={"published": "2025-06-01"})
    return [r for r in extract_document(doc).records if r.kind == kind]


def _certainties(text: str, etype: str) -> set[str] | None:
    """The certainties of the events of one type a text yields; None when it yields none."""
    return {e.certainty for e in _records(text, "event") if e.type == etype} or None


def test_manner_phrase_limits_its_verb_and_fronted_reasons_are_its_factors():
    # a manner word ("بحذر") limits the verb phrase it modifies; the coordinated reasons fronted before the verb
    # are one factor each, a bare state after "و" continuing the relations of the conjunct before it
    cons = _records("ويقول دبلوماسيون إن موسكو، بسبب روابطها مع دول الخليج العربية وكذلك إسرائيل، "
                    "تزود طهران بالمقاتلات بحذر شديد.", "constraint")
    assert {c.id for c in cons} >= {"constraint:arms:relations_gulf_states", "constraint:arms:relations_israel"}
    assert all(c.id != "constraint:arms:relations_arab_states" for c in cons)


@pytest.mark.parametrize(("text", "value", "about"), [
    ("وبلغ حجم التبادل التجاري بين إيران وروسيا 4 مليارات دولار في عام 2024.", 4e9, "حجم التبادل التجاري بين إيران وروسيا"),
    ("Russia's exports of wheat to Iran reached 2 million tonnes in 2024.", 2e6, "Russia's exports of wheat to Iran"),
])
def test_indicator_says_whose_figure_it_is(text, value, about):
    found = [r for r in _records(text, "indicator") if r.value == value]
    assert found and found[0].about == about


def test_series_ordinal_is_an_indicator_only_for_the_pairs_own_series():
    assert not _records("وافتتحت في موسكو الدورة التاسعة لمنتدى الإعلام الدولي.", "indicator")
    pair = _records("وعقدت الدورة السادسة للجنة الاقتصادية المشتركة بين إيران وروسيا في موسكو.", "indicator")
    assert [r.value for r in pair] == [6]


@pytest.mark.parametrize(("text", "published", "etype", "date"), [
    # a second coordinated verb phrase happened when the first did
    ("Russia defied the United States on Monday and signed a treaty with Iran in Moscow.", "2001-03-13", "signing", "2001-03-12"),
    # a meeting that is the setting of a saying is dated by the saying
    ("Russian President Vladimir Putin on Monday slammed the attacks in a meeting with Iranian Foreign Minister Abbas Araghchi.",
     "2025-06-24", "meeting", "2025-06-23"),
    # ... and so is a joint exercise whose start is announced; its day refines the year in its name
    ("أعلنت البحرية الإيرانية، اليوم الإثنين، انطلاق مناورات كاساركس 2025 المشتركة مع القوات الروسية في بحر قزوين.",
     "2025-07-22", "exercise", "2025-07-21"),
    # a date set off by commas right after the event noun is its date
    ("وفّر التدخل الروسي، في أيلول/ سبتمبر 2015، قوة جوية حاسمة للقوات البرية السورية.", "2020-09-19", "intervention", "2015-09"),
    # what a contract obliges has no date but a deadline
    ("The contract signed in 2007 obliged Russia to deliver five S-300 battalions to Iran.", "2013-12-10", "delivery", None),
    # a month alone after a preposition is a month of the text's year ("May" alone may be a verb or a name)
    ("Russia delivered the first Yak-130 trainers to Iran in March.", "2025-06-01", "delivery", "2025-03"),
    ("وصل وفد روسي إلى طهران في مارس لبحث التعاون النووي.", "2025-06-01", "visit", "2025-03"),
    # an event noun said to be going on now is dated by the text itself
    ("أكد الرئيس الإيراني إبراهيم رئيسي أن زيارته الحالية إلى موسكو ستكون نقطة تحول.", "2022-01-19", "visit", "2022-01-19"),
])
def test_event_dated_from_its_context(text, published, etype, date):
    """(None: the event has no date of its own.)"""
    found = [e for e in _events(text, published) if e.type == etype]
    assert found and found[0].date == date


def test_sanctions_that_name_no_field_limit_no_field_named_elsewhere():
    # the sanctions came first and the two expanded military cooperation: no limit of one on the other
    cons = _records("واتفقت روسيا وإيران على تعزيز التعاون العسكري والتقني في أعقاب العقوبات الأمريكية الجديدة المفروضة على الدولتين.",
                    "constraint")
    assert not [c for c in cons if c.factor_kind == "sanctions"]


def test_sanctions_said_not_to_exist_limit_nothing():
    assert not _records("وأكدت موسكو أن الحكومة الروسية لم تفرض أي عقوبات على إيران في قطاع النفط.", "constraint")


def test_a_count_named_only_by_its_noun_says_what_its_clause_says():
    # «فرقاطة روسية واحدة» names what is counted, not in what: the clause says it took part in the drills
    found = [r for r in _records("وفي عام 2023 شاركت فرقاطة روسية واحدة في المناورات البحرية.", "indicator") if r.value == 1]
    assert found and "المناورات" in (found[0].about or "")


def test_a_rank_in_the_narrative_is_no_indicator():
    assert not _records("وفي ثاني إجراء مماثل خلال الأشهر الأخيرة، استدعت وزارة الخارجية الإيرانية السفير الروسي في طهران.",
                        "indicator")


def test_a_figure_that_could_be_built_is_expected():
    # the figure is the subject the modal verb phrase after it speaks of
    found = [r for r in _records("وقالت روساتوم إن أربعة مفاعلات أخرى يمكن أن تبنى في موقع آخر في إيران.", "indicator")
             if r.value == 4]
    assert found and found[0].certainty == "expected"


def test_a_denial_in_one_clause_does_not_deny_the_accusation_beside_it():
    fr = _records("Iran angrily denied falling behind in payments and accused Russia of caving in to U.S. pressure.", "friction")
    assert fr and fr[0].certainty == "asserted"


def test_one_side_opposing_a_measure_against_the_other_is_no_friction():
    assert not _records("أعلن السفير الروسي لدى الأمم المتحدة فاسيلي نيبينزيا الثلاثاء أن بلاده تعارض فرض حظر على إيران "
                        "بسبب تجاربها الصاروخية.", "friction")
    assert _records("وتعارض مصالح روسيا وإيران في أسواق الغاز الآسيوية.", "friction")


def test_ties_with_both_sides_are_a_balance_not_a_friction():
    assert not _records("وأوضح بوتين أن بلاده تملك علاقات استراتيجية مع طهران، إلى جانب روابط وثيقة مع تل أبيب، "
                        "ما يسمح لها بالتدخل لخفض التوتر بين الطرفين.", "friction")


def test_an_agreement_only_aimed_at_is_no_agreement():
    assert not _records("ومن خلال تسهيل التوصل إلى اتفاق ثنائي بين طهران وواشنطن، قد تتمكن روسيا من تهميش القوى الأوروبية.",
                        "agreement")
    signed = _records("ووقعت إيران وروسيا اتفاقا لبناء محطة جديدة في عام 2024.", "agreement")
    assert signed and signed[0].status == "signed"


def test_a_limit_stated_as_what_would_happen_is_an_asserted_constraint():
    cons = _records("وأي دعم روسي بعتاد عسكري متطور لإيران سيؤثر على علاقاتها مع تل أبيب.", "constraint")
    assert [(c.id, c.certainty) for c in cons] == [("constraint:arms:relations_israel", "asserted")]


@pytest.mark.parametrize("text", [
    # the spokesman acts for the ministry's state
    "حذر المتحدث باسم وزارة الخارجية الإيرانية موسكو من مغبة الرضوخ للضغوط الأمريكية ضد بلاده.",
    # a complaint lodged: the light verb's subject (the relative clause's antecedent) is the side that complains
    "وبدأت مفاوضات لتحديث العقد مع إيران التي رفعت شكوى ضد روسيا في محكمة دولية.",
])
def test_one_side_acting_against_the_other_is_a_friction(text):
    fr = _records(text, "friction")
    assert fr and set(fr[0].parties) == {"iran", "russia"}


def test_pressure_a_side_faces_is_a_constraint_from_whoever_presses():
    # the pressure noun is the object of a verb of facing: its subject (Tehran) is what the pressure bears on
    cons = _records("وتتعرض طهران لسياسة الضغط القصوى من طرف الولايات المتحدة التي تستهدف صادرات النفط.", "constraint")
    assert [(c.factor, c.constrains, c.actors) for c in cons] == [("pressure from United States", "energy", ["united_states"])]


@pytest.mark.parametrize(("text", "aid"), [
    ("At the end of the war Persia signed the Gulistan Peace Treaty (1813) with the Russian Empire.", "agreement:golestan"),
    ("The five states signed the Convention on the Legal Status of the Caspian Sea in Aktau.", "agreement:caspian_convention"),
])
def test_named_treaties_in_english(text, aid):
    assert aid in {r.id for r in _records(text, "agreement")}


def test_a_dispute_the_two_leaders_failed_to_resolve_is_theirs():
    fr = _records("But President Vladimir Putin and his Iranian counterpart, Mohammad Khatami, failed to resolve a "
                  "long-standing dispute over rights to oil riches under the Caspian Sea.", "friction")
    assert fr and set(fr[0].parties) == {"iran", "russia"} and not fr[0].third_parties
    assert not _records("Putin and Khatami discussed the dispute between Armenia and Azerbaijan.", "friction")


def test_a_refusal_that_pressure_may_bring_is_only_expected():
    fr = _records("US pressure may see Russia refuse Iranian requests for more elaborate weapons.", "friction")
    assert fr and fr[0].certainty == "expected"


@pytest.mark.parametrize("text", [
    "Their joint projects include the operation of Bushehr's No. 1 power plant.",  # a name, not a count
    "وقال ريابكوف إن الطابع المدني للمحطة \"مضمون مئة بالمئة\".",  # an assurance, no share
    "وتشمل المشاريع تشغيل المفاعل رقم 1 في محطة بوشهر.",
    "Top of the list is an air-defence system, along with upgrades for ageing Mig 29 fighters.",
    "The agency reported that a potential deal between the two companies could be worth a great deal.",
])
def test_numbers_that_count_nothing_are_no_indicators(text):
    assert not [r for r in _records(text, "indicator") if r.value in (29, 2)]


def test_a_frozen_deal_existed():
    ag = _records("وكانت روسيا جمدت في يونيو الماضي اتفاقية بيع إيران أنظمة صواريخ من طراز إس-300.", "agreement")
    assert ag and ag[0].status == "frozen" and ag[0].certainty == "asserted"


def test_the_official_rhetoric_of_a_partnership_is_not_the_sources_stance():
    assert not _records("رغم الخطاب الرسمي المستمر منذ سنوات حول وجود شراكة استراتيجية بين طهران وموسكو، تظهر بيانات جديدة "
                        "أن روسيا خرجت من قائمة الشركاء التجاريين الرئيسيين لإيران.", "stance")
    assert _records("وتقيم إيران وروسيا شراكة استراتيجية منذ سنوات.", "stance")


def test_a_reception_names_whom_it_receives():
    met = [e for e in _records("كما وصلت أول سفينة روسية إلى مياه بحر قزوين للمشاركة في التمرين، حيث استقبلتها وحدات البحرية الإيرانية.",
                               "event") if e.type == "meeting"]
    assert not met


def test_what_an_embassy_wrote_is_reported():
    ev = [e for e in _records("وكتبت السفارة الروسية في طهران عبر حسابها على إنستغرام أن وفدا إيرانيا زار قاعدة بايكونور.", "event")
          if e.type == "visit"]
    assert ev and ev[0].certainty == "reported"


@pytest.mark.parametrize("text", [
    "ترعى الدول الثلاث عملية السلام في سوريا.",
    "The three states sponsor the peace process in Syria.",
    "Gazprom has signed a multi-billion deal with Iran.",
    "The route cuts thousands of kilometres from the journey between Europe and Asia.",
])
def test_definite_sets_and_vague_magnitudes_are_no_indicators(text):
    assert not _records(text, "indicator")


def test_the_value_of_a_cancelled_contract_stands_and_its_delivery_is_denied():
    text = "وبعد توقيعه عام 2007، ألغت روسيا عام 2010 عقد تسليم صواريخ إس-300 لإيران بقيمة تناهز 800 مليون دولار."
    value = [r for r in _records(text, "indicator") if r.value == 800e6]
    assert value and value[0].certainty == "asserted"
    delivery = [e for e in _records(text, "event") if e.type == "delivery"]
    assert delivery and delivery[0].certainty == "denied"


def test_turning_to_an_agency_is_no_visit():
    assert not [e for e in _records("وأضاف أن إيران توجهت إلى الوكالة الدولية للطاقة الذرية بهذا الشأن.", "event") if e.type == "visit"]


def test_sanctions_on_iran_by_a_third_state_are_no_iran_russia_friction():
    assert not _records("Blinken announced that the US will impose new sanctions on Iran in response to missile supplies to Moscow.",
                        "friction")


def test_a_sentence_opening_with_he_continues_the_person_before():
    text = ("Russian President Vladimir Putin arrived in Tehran on Tuesday for talks on Syria.\n\n"
            "He also met Supreme Leader Ayatollah Ali Khamenei, who said cooperation was beneficial.")
    met = [e for e in _records(text, "event") if e.type == "meeting"]
    assert met and {p.actor for p in met[0].roles} == {"vladimir_putin", "ali_khamenei"}


def test_a_summit_one_travels_to_attend_on_a_coming_day_is_expected_and_has_the_traveller():
    doc = read_text("own.txt", "موسكو, 3-9-2018 - يتوجه الرئيس فلاديمير بوتين في السابع من سبتمبر إلى إيران للمشاركة في قمة "
                               "حول سوريا مع نظيريه الإيراني حسن روحاني والتركي رجب طيب أردوغان.\n")
    recs = [r for r in extract_document(doc).records if r.kind == "event"]
    summit = [e for e in recs if e.type == "meeting"]
    visit = [e for e in recs if e.type == "visit"]
    assert summit and "vladimir_putin" in summit[0].participants and summit[0].certainty == "expected"
    assert summit[0].date == "2018-09-07"  # an ordinal day word, the year from the dateline «موسكو, 3-9-2018 -»
    assert visit and visit[0].certainty == "expected" and "vladimir_putin" in visit[0].participants


def test_the_visitors_own_state_is_no_host_and_a_deal_being_negotiated_says_so():
    visit = [e for e in _records("Khatami's Visit Heralds New Iran-Russia Ties", "event") if e.type == "visit"]
    assert visit and ("iran", "host") not in {(p.actor, p.role) for p in visit[0].roles}
    ag = _records("وقال مسؤول إيراني إن إيران تتفاوض على اتفاق مع روسيا لاستيراد القمح يسمح بزيادة صادرات الطحين.", "agreement")
    assert ag and ag[0].status == "negotiated"


@pytest.mark.parametrize(("text", "want"), [
    # one membership per body, the member named by the noun, never a supporter or a "with" phrase
    ("Iran's membership in BRICS and the SCO has deepened its ties with Russia.",
     {("brics", "iran"), ("iran", "sco")}),
    ("Iran secured membership in BRICS and the Shanghai Cooperation Organization, with Russia's support.",
     {("brics", "iran"), ("iran", "sco")}),
    ("وعززت إيران عضويتها في مجموعة بريكس ومنظمة شنغهاي للتعاون خلال العامين الماضيين.",
     {("brics", "iran"), ("iran", "sco")}),
    ("Russia backed Iran's accession to the SCO.", {("iran", "sco")}),
    ("أيدت روسيا انضمام إيران إلى منظمة شنغهاي للتعاون.", {("iran", "sco")}),
])
def test_a_membership_is_one_member_in_one_body(text, want):
    got = {tuple(sorted(a.parties)) for a in _records(text, "agreement") if a.agreement_kind == "membership"}
    assert got == want


@pytest.mark.parametrize(("text", "want"), [
    # an application or a bid for membership is no membership; a future membership is expected, not asserted
    ("وكانت إيران قد تقدمت بطلب للانضمام إلى منظمة شنغهاي للتعاون في عام 2008.", set()),
    ("Iran's bid for membership of the SCO was blocked for years.", set()),
    ("وافق أعضاء منظمة شنغهاي للتعاون على عضوية إيران المستقبلية ضمن هذا التحالف.", {(("iran", "sco"), "expected")}),
    ("Iran became a full member of the SCO in July 2023.", {(("iran", "sco"), "asserted")}),
])
def test_a_membership_applied_for_or_to_come_is_not_asserted(text, want):
    got = {(tuple(sorted(a.parties)), a.certainty) for a in _records(text, "agreement")
           if a.agreement_kind == "membership"}
    assert got == want


@pytest.mark.parametrize(("text", "name"), [
    # an English agreement is named up to its verb, clause, date or value, never cut inside a name
    ("Iran secured membership in BRICS and the Shanghai Cooperation Organization, with Russia's support.",
     "membership in BRICS and the Shanghai Cooperation Organization"),
    ("Iran became a full member of the SCO in July 2023.", "full member of the SCO"),
    ("In 2023 Russia and Iran signed an agreement to jointly build the Rasht-Astara railway, worth 1.6 billion euros.",
     "agreement to jointly build the Rasht-Astara railway"),
])
def test_an_english_agreement_name_is_a_whole_phrase(text, name):
    got = [a.names[0] for a in _records(text, "agreement") if not a.id.count(":") <= 1]
    assert got and all(n == name for n in got)


@pytest.mark.parametrize(("text", "want"), [
    # "لقاء X وY": the second name the parser coordinated with the event's phrase takes part as much as the first
    ("وعقد لقاء بوتين والرئيس الإيراني في طهران يوم الثلاثاء.", {"vladimir_putin", "iran"}),
    ("وتناول لقاء لافروف والاتفاق النووي مسائل عدة.", {"sergey_lavrov"}),
])
def test_a_second_genitive_coordinated_with_the_event_phrase_takes_part(text, want):
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert set(ev.participants) == want


@pytest.mark.parametrize(("text", "etype", "want"), [
    # a visit, a meeting or a signing is no span of time: "since 2002" dates the last one before it
    ("Putin became the first Kremlin leader to visit Tehran since 1943.", "visit", (None, "asserted")),
    # "no" before an event noun denies it
    ("There was no Russian military intervention in the war.", "intervention", (None, "denied")),
    # a headline's "to" infinitive is a plan
    ("Russia and Iran To Hold Naval Drill in Caspian Sea", "exercise", (None, "expected")),
    # what a future verb brings about is to come («ستساهم في زيادة التبادل»)
    ("وقال نائب الوزير الروسي إن الاتفاقية ستساهم في زيادة التبادل التجاري بين إيران وروسيا.", "trade", (None, "expected")),
    # a visit during which they signed is the setting of the signing, not what the agreement provides for
    ("وقعت إيران وروسيا خلال زيارة قام بها وزير الدفاع الروسي سيرغي شويغو إلى طهران بروتوكول تعاون عسكري.", "visit",
     (None, "asserted")),
])
def test_date_and_certainty_of_kinds_plans_and_settings(text, etype, want):
    evs = [e for e in _records(text, "event") if e.type == etype]
    assert evs and {(e.date, e.certainty) for e in evs} == {want}


def test_the_subject_after_a_light_verb_with_a_resumptive_preposition_is_the_visitor():
    (ev,) = [e for e in _records("وقعت إيران وروسيا خلال زيارة قام بها وزير الدفاع الروسي سيرغي شويغو إلى طهران "
                                 "بروتوكول تعاون عسكري.", "event") if e.type == "visit"]
    assert {(r.actor, r.role) for r in ev.roles} == {("sergei_shoigu", "visitor"), ("iran", "host")}


@pytest.mark.parametrize(("text", "want"), [
    # «توقع» with an agreement as its object signs it; expecting someone to conclude one is no signing
    ("غازبروم الروسية توقع اتفاق نفط وغاز مع إيران", ("signed", "asserted")),
    ("وتوقع الخبراء أن تبرم روسيا اتفاقا مع إيران.", ("negotiated", "expected")),
    ("Russia may sign a new agreement with Iran on energy worth 2 billion dollars.", (None, "expected")),
])
def test_whether_an_agreement_was_made_is_for_what_governs_the_making(text, want):
    ags = [a for a in _records(text, "agreement")]
    assert ags and {(a.status, a.certainty) for a in ags} == {want}


def test_a_dual_scale_word_in_construct_is_two_of_it():
    (ind,) = _records("وتعد روسيا لتزويد إيران بأسلحة قيمتها مليارا دولار.", "indicator")
    assert ind.value == 2e9
    (one,) = _records("وبلغت قيمة الصفقة ملياراً ونصف المليار دولار.", "indicator")
    assert one.value == 1.5e9


@pytest.mark.parametrize(("text", "want"), [
    # what someone wants the relationship to become is no characterization of it
    ("During his visit, Soleimani highlighted the need for an Iranian-Russian alliance in support of Assad.", set()),
    ("وقال بوتين إن الاتفاقية تهدف إلى تعزيز العلاقات الروسية الإيرانية إلى مستوى الشراكة الاستراتيجية.", set()),
    ("وتعد العلاقات بين روسيا وإيران شراكة استراتيجية.", {"strategic_partnership"}),
    ("Moscow and Tehran have built a close strategic partnership.", {"strategic_partnership"}),
])
def test_an_aimed_at_relationship_is_no_stance(text, want):
    assert {s.characterization for s in _records(text, "stance")} == want


@pytest.mark.parametrize(("text", "want"), [
    # a limit set by what someone withdrew from holds no more
    ("انسحبت روسيا امس من اتفاق مع الولايات المتحدة يحظر تصديرها التكنولوجيا العسكرية لإيران.", 0),
    ("Russia withdrew from a 1995 agreement with the United States that banned arms sales to Iran.", 0),
    ("ويحظر الاتفاق الموقع مع واشنطن على روسيا تصدير الأسلحة لإيران.", 1),
])
def test_a_limit_withdrawn_from_is_no_constraint(text, want):
    assert len(_records(text, "constraint")) == want


def test_an_interim_or_new_deal_is_not_the_named_agreement():
    text = "وقد يخالف ذلك حد التصدير المحدد في الاتفاق النووي المؤقت الذي توصلت إليه إيران والقوى الست العام الماضي."
    assert not [a for a in _records(text, "agreement") if a.id == "agreement:jcpoa"]
    assert [a for a in _records("خرجت الولايات المتحدة من الاتفاق النووي عام 2018.", "agreement") if a.id == "agreement:jcpoa"]


def test_an_awaited_signing_is_expected_and_undated_by_the_day_it_was_spoken_of():
    text = ("صرح الرئيس الروسي فلاديمير بوتين أنه ينتظر أن يقوم الرئيس الإيراني مسعود بزشكيان بزيارة دولة إلى روسيا، "
            "بما في ذلك التوقيع على اتفاق جديد بين البلدين، وذلك اليوم الخميس 12 سبتمبر 2024.")
    doc = read_text("own.txt", text + "\n").model_copy(update={"published": "2024-09-12"})
    recs = extract_document(doc).records
    (ag,) = [r for r in recs if r.kind == "agreement"]
    assert (ag.certainty, ag.date) == ("expected", None)
    assert {e.certainty for e in recs if e.kind == "event" and e.type in ("visit", "signing")} == {"expected"}


def test_an_agreement_under_negotiation_is_expected():
    (ag,) = _records("Negotiations on a swap agreement between Iran and Russia gained fresh momentum in early 2022.", "agreement")
    assert (ag.status, ag.certainty) == ("negotiated", "expected")


@pytest.mark.parametrize(("text", "kind", "want"), [
    # «لم ... إلا»: only so much, stated as done
    ("وأضاف أنه بحلول نهاية العام 2006 لم يدفع الإيرانيون إلا 60% من المبالغ المتفق عليها.", "indicator", "reported"),
    ("ولم تسلم روسيا إلى إيران إلا بطاريتين من منظومة إس-300.", "event", "asserted"),
])
def test_an_exceptive_negation_states_what_it_limits(text, kind, want):
    recs = _records(text, kind)
    assert recs and {r.certainty for r in recs} == {want}


def test_a_month_without_a_year_after_the_text_date_in_a_past_clause_is_last_years():
    for text, want in (("Russia and Iran signed a protocol in September.", ("2006-09", "asserted")),
                       ("Russia and Iran will sign a protocol in September.", ("2007-09", "expected"))):
        doc = read_text("own.txt", text + "\n").model_copy(update={"published": "2007-02"})
        assert {(e.date, e.certainty) for e in extract_document(doc).records if e.kind == "event"} == {want}


def test_a_year_written_after_a_relative_phrase_is_its_value():
    (ev,) = [e for e in _records("وفي نهاية العام الماضي 2023، وقع الاتحاد الاقتصادي الأوراسي اتفاقية للتجارة الحرة مع إيران.",
                                 "event") if e.type == "signing"]
    assert ev.date == "2023"


def test_a_longer_english_name_around_a_body_is_another_body():
    text = "The plant could be operational next year, National Security Council spokesman John Kirby said in June."
    assert all("unsc" not in e.participants for e in _records(text, "event"))


def test_a_decade_does_not_date_a_figure_and_a_compound_modifier_is_not_what_is_counted():
    (ind,) = _records("Two of the Kaman class ships were sunk during the 1980s.", "indicator")
    assert ind.date is None
    assert not [i for i in _records("Iran dispatched two indigenously-built missile-launching warships to Astrakhan.",
                                    "indicator") if i.unit == "missiles"]


def test_the_speakers_nationality_is_not_a_party_of_a_figure_between_others():
    text = ("وقال نائب وزير التنمية الاقتصادية الروسي فلاديمير إليتشيف إن الاتفاقية ستساهم في زيادة التبادل التجاري "
            "بين إيران ودول الاتحاد بواقع 1.1 مليار دولار بحلول العام 2025.")
    (ind,) = _records(text, "indicator")
    assert ind.actors == ["iran"]
    (own,) = [i for i in _records("Russian Deputy Prime Minister Alexander Novak said trade with Iran rose to 4 billion "
                                  "dollars in 2024.", "indicator") if i.unit == "USD"]
    assert set(own.actors) == {"iran", "russia"}


def test_the_speaker_of_an_agreement_is_no_party_to_it():
    text = ("تتعاون إيران وروسيا في مجالات عدة.\nوتتبادل إيران وروسيا السلع.\nوتجري إيران وروسيا محادثات دورية.\n"
            "وقال نائب وزير التنمية الاقتصادية الروسي إن الاتفاقية ستساهم في زيادة التبادل التجاري بين إيران ودول الاتحاد "
            "بواقع 1.1 مليار دولار بحلول العام 2025.")
    assert not [a for a in _records(text, "agreement") if set(a.parties) == {"iran", "russia"}]


def test_a_number_after_a_models_dash_is_its_name_not_a_count():
    text = "وترغب طهران في الحصول من روسيا على بطاريات صواريخ سام- 30 ومروحيات عسكرية ميج -17 مقابل ملياري دولار."
    assert {i.unit for i in _records(text, "indicator")} == {"USD"}
    assert {i.value for i in _records("ارتفع عدد الرحلات من 10 - 12 رحلة أسبوعيا.", "indicator")} == {10, 12}


def test_a_possessive_in_a_fronted_phrase_is_the_clauses_subject():
    (ev,) = _records("During his visit to Moscow, Soleimani mapped out the rebel advances in the region.", "event")
    assert {(r.actor, r.role) for r in ev.roles} == {("qasem_soleimani", "visitor"), ("russia", "host")}


@pytest.mark.parametrize(("text", "etype", "want"), [
    # what comes after the main event ("ahead of his visit", «عشية زيارته») has not happened yet
    ("Lavrov spoke to reporters ahead of his visit to Tehran.", "visit", "expected"),
    ("وقبل يومين أعلن مسؤول أن الرئيس إبراهيم رئيسي عقد اجتماعا عشية زيارته لروسيا مع لاريجاني.", "visit", "expected"),
    # what a trip is for shares the trip's fate
    ("ومن المتوقع ان يزور وزير الخارجية الايراني علي اكبر صالحي موسكو هذا الاسبوع لمواصلة المحادثات مع الطرف الروسي.",
     "meeting", "expected"),
    # what an agreement provides for («اتفاق يقضي بتوريد») is to happen
    ("وكانت موسكو وطهران قد توصلتا إلى اتفاق يقضي بتوريد 55 مليار متر مكعب من الغاز الروسي.", "delivery", "expected"),
])
def test_eves_purposes_and_provisions_are_to_come(text, etype, want):
    assert _certainties(text, etype) == {want}


def test_what_a_contract_provides_for_is_not_dated_by_its_signing():
    doc = read_text("own.txt", "ووقعت روسيا وإيران عقدا لتزويد طهران بنظام أس 300 للدفاع الجوي في التاسع من نوفمبر الجاري.\n")
    recs = extract_document(doc.model_copy(update={"published": "2015-11-15"})).records
    (dl,) = [e for e in recs if e.kind == "event" and e.type == "delivery"]
    assert (dl.certainty, dl.date) == ("expected", None)


def test_a_member_of_a_body_speaks_for_himself():
    assert not _records("وقال عضو لجنة الأمن القومي بالبرلمان الإيراني أيضا إن الروس يغدرون بنا.", "event")
    assert not _records("A member of the Russian Duma said Russia would help Iran.", "event")


def test_what_someone_is_blamed_for_is_alleged():
    (ind,) = _records("بعد أن ألقت الولايات المتحدة باللوم على إيران لشن هجمات على منشآت النفط السعودية و4 سفن.", "indicator")
    assert ind.certainty == "alleged"


def test_a_dollar_sign_after_us_is_no_actor():
    recs = _records("It signed a US$132 million deal with a Russian firm to build and launch another satellite.", "agreement")
    assert all("united_states" not in a.parties for a in recs)


@pytest.mark.parametrize(("text", "want"), [
    # a reporting window, an anniversary or the basis of a rate is no figure; a baseline year dates nothing
    ("The trade turnover between Russia and Iran in the first 8 months of 2016 grew by 50 percent.", {("percent", "2016")}),
    ("ستعقد القمة بمناسبة مرور 5 سنوات على قيامها.", set()),
    ("وأشارت النتائج إلى أن تكاليف النقل تقلصت بمقدار 2500 دولار مقابل كل 15 طنا.", {("USD", None)}),
    ("Russia and Iran bilateral trade increased by 50 percent in comparison with same period of 2015.", {("percent", None)}),
])
def test_windows_anniversaries_bases_and_baselines(text, want):
    assert {(i.unit, i.date) for i in _records(text, "indicator")} == want


def test_a_change_word_far_before_its_percent_still_makes_it_growth():
    (ind,) = _records("وارتفع التبادل التجاري خلال الأشهر الثمانية الأولى من العام بنسبة 70%.", "indicator")
    assert ind.what == "bilateral trade growth"


def test_a_figure_after_a_particle_taken_for_a_verb_reads_the_clause_after_it():
    (ind,) = _records("وبالإضافة إلى المفاعلات المخصصة لبوشهر، فإن أربعة مفاعلات أخرى بتكنولوجيا روسية يمكن أن تبنى "
                      "في موقع آخر.", "indicator")
    assert ind.certainty == "expected"


def test_an_agreement_is_dated_by_its_own_clause_and_named_before_what_it_provides():
    doc = read_text("own.txt", "وكانت موسكو وطهران قد توصلتا في أبريل إلى اتفاق يقضي بتوريد الغاز الروسي، بعد أن وقعت "
                               "جازبروم في عام 2024 مذكرة تفاهم مع الشركة الوطنية الإيرانية للغاز.\n")
    recs = extract_document(doc.model_copy(update={"published": "2025-06"})).records
    (ag,) = [r for r in recs if r.kind == "agreement" and set(r.parties) == {"iran", "russia"}]
    assert ag.date != "2024" and ag.names == ["اتفاق"]
    (verb,) = _records("Given the potential, we have agreed with the Russian side and determined the goal of two "
                       "million tonnes for 2024, Jalali told reporters.", "agreement")
    assert verb.date is None and not verb.names[0].endswith(("the", "determin"))


@pytest.mark.parametrize("text", [
    "وأعلنت إيران عن إطلاق القمر الصناعي خيام، بالتعاون مع روسيا من محطة بايكونور الفضائية.",
    "Iran launches first satellite, joint project with Russia",
])
def test_a_partner_in_cooperation_plays_the_subjects_part(text):
    (ev,) = [e for e in _records(text, "event") if e.type == "launch"]
    assert {(r.actor, r.role) for r in ev.roles} == {("iran", "launcher"), ("russia", "launcher")}


def test_a_discovered_name_stops_at_a_particle_or_a_future_verb():
    text = ("وقالت الصحيفة ان الرئيس الايراني محمد احمد نجاد سيلتقي مع الروسي فلاديمير بوتين في شنغهاي.\n"
            "وأكد وزير الطاقة الروسي سيرجي شماتكو انه لا شأن للسياسة بهذا القرار.\n")
    from irkg.loaders.pipeline import Stage

    out = extract_document(read_text("own.txt", text), Stage.MENTIONS)
    names = {m.surface for ms in out.mentions for m in ms if m.kind == "actor" and m.unlinked}
    assert names == {"محمد احمد نجاد", "سيرجي شماتكو"}


def test_the_two_countries_are_the_two_the_sentence_before_named():
    text = ("تتعاون إيران وروسيا في مجالات عدة.\nوتتبادل إيران وروسيا السلع.\n"
            "Putin met US President Trump in Helsinki in 2018.\n"
            "The two countries signed an agreement on arms control in Geneva in 2019.\n")
    (ag,) = _records(text, "agreement")
    assert set(ag.parties) == {"russia", "united_states"}


def test_a_name_the_parser_took_for_a_verb_stays_in_its_phrase():
    (ev,) = _records("والتقى بوتين بالرئيس الأمريكي ترامب في هلسنكي عام 2018.", "event")
    assert set(ev.participants) == {"vladimir_putin", "donald_trump"}


def test_a_headlines_subject_and_plan():
    (ev,) = _records("Russia & Iran To Hold Naval Drill in Caspian Sea", "event")
    assert (set(ev.participants), ev.certainty) == ({"iran", "russia"}, "expected")


def test_items_in_a_clause_inside_the_object_are_not_what_was_delivered():
    text = ("Iran did not supply Russia with the mobile launchers required to deploy the short-range Fath-360 "
            "ballistic missiles that Tehran is said to have provided to Moscow.")
    assert not [e for e in _records(text, "event") if e.type == "delivery" and e.items]


def test_a_corridors_name_is_its_agreement_only_with_an_agreement_word_its_parties_or_as_an_initiative():
    assert not _records("ويتكون مشروع ممر الشمال الجنوب من خطوط بحرية وبرية وسكك حديد.", "agreement")
    (ag,) = _records("وقعت إيران وروسيا والهند اتفاقية ممر النقل الدولي بين الشمال والجنوب عام 2000.", "agreement")
    assert ag.id == "agreement:instc"
    (ag,) = _records("ومثال ذلك ممر النقل الدولي الشمال الجنوب بين روسيا وإيران والهند.", "agreement")
    assert ag.id == "agreement:instc"


def test_what_a_quoted_statement_says_is_reported():
    text = ('وجاء في بيان الكرملين: "جدد بوتين تعازيه في الخسائر الفادحة جراء العدوان العسكري الإسرائيلي على إيران".')
    (ev,) = [e for e in _records(text, "event") if e.type == "attack"]
    assert ev.certainty == "reported"
    (own,) = [e for e in _records('شنت إسرائيل هجوما على إيران في يونيو. وقال: "نحن ندين ذلك".', "event") if e.type == "attack"]
    assert own.certainty == "asserted"


def test_a_share_is_of_the_noun_right_after_of():
    (ind,) = _records("وبموجب الاتفاق النووي فإن طهران ستتخلص من 98% من مخزونها من اليورانيوم المخصب.", "indicator")
    assert ind.what == "share"
    (oil,) = _records("وتمر عبر المضيق نحو 40% من إمدادات النفط العالمية.", "indicator")
    assert oil.what.startswith("share of") and "oil" in oil.what


def test_the_european_countries_are_not_the_two_countries():
    text = ("وتتعرض ايران بسبب برنامجها النووي وروسيا بسبب تدخلها في الازمة الأوكرانية، لعقوبات اقتصادية فرضتها "
            "الولايات المتحدة والبلدان الاوروبية.")
    (ev,) = [e for e in _records(text, "event") if e.type == "sanction"]
    assert "ukraine" not in ev.participants


def test_where_a_phrase_inside_the_meeting_was_is_no_participant_and_a_meeting_spoken_at_is_the_authors():
    text = ("قال وزير الخارجية الروسي، سيرغي لافروف، خلال لقائه مع نظيره الإيراني على هامش مشاركتهما في مؤتمر بالصين، "
            "إن موسكو تعمل مع إيران.")
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert "china" not in ev.participants and ev.certainty == "asserted"


def test_the_possessor_of_an_ally_is_not_the_target():
    (ev,) = [e for e in _records("Earlier Friday, Russia had condemned Israeli strikes on Moscow's ally Iran.", "event")
             if e.type == "strike"]
    assert {(r.actor, r.role) for r in ev.roles} == {("israel", "attacker"), ("iran", "target")}


def test_separate_calls_are_no_meeting_of_the_two_called():
    text = ("Russian President Vladimir Putin condemned the strikes, the Kremlin said Friday, following separate phone "
            "calls with Israeli Prime Minister Benjamin Netanyahu and Iranian President Masoud Pezeshkian.")
    assert not [e for e in _records(text, "event") if e.type == "meeting"]


def test_what_an_agreement_has_one_side_do_under_it_is_to_come():
    text = "وقع البلدان عام 2007 اتفاقا بقيمة ثماني مائة مليون دولار، تزود بموجبه روسيا طهران بمنظومة الدفاع الجوي."
    (ev,) = [e for e in _records(text, "event") if e.type == "delivery"]
    assert (ev.certainty, ev.date) == ("expected", None)


def test_the_body_in_a_persons_title_is_his_office_not_a_party():
    text = "وصل سكرتير مجلس الامن الروسي نيكولاي باتروشيف الى طهران لاجراء محادثات مع نظيره الايراني."
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert "russia_security_council" not in ev.participants and "nikolai_patrushev" in ev.participants


def test_an_aside_is_the_authors_and_informing_reports():
    text = "يذكر أنه خلال القمة الأخيرة بين الرئيس الأمريكي دونالد ترامب والروسي بوتين تمت الاشارة لاتفاق مع إسرائيل."
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert ev.certainty == "asserted"
    (st,) = [e for e in _records("Those on the ground informed media outlets that Russian jets bombed villages in Hama.",
                                 "event") if e.type == "strike"]
    assert st.certainty == "reported"


def test_a_new_contract_for_the_same_system_is_another_contract():
    ids = [a.id for t in ("Russia and Iran signed a new contract for S-300 systems.",
                          "Russia and Iran signed a contract for S-300 systems.") for a in _records(t, "agreement")]
    assert len(ids) == 2 and ids[0] != ids[1]


def test_ones_is_no_count_of_the_noun_after_it():
    assert not _records("The current port call follows two previous ones Russian warships made to Bandar Abbas.",
                        "indicator")


def test_a_rise_by_times_is_a_growth_multiple_and_during_the_months_is_a_window():
    text = ("Our statistics show that during the 8 months of this year, trade turnover between Russia and Iran has "
            "risen by 1.5 times, Lavrov said.")
    (ind,) = _records(text, "indicator")
    assert (ind.what, ind.value) == ("bilateral trade growth multiple", 1.5)


def test_a_blow_to_someone_is_no_strike():
    text = "موسكو: في ضربة للولايات المتحدة، أعلنت إيران وروسيا التوصل إلى اتفاق ينهي كل الخلافات بينهما حول محطة بوشهر."
    assert not [e for e in _records(text, "event") if e.type in ("strike", "attack")]
    (ag,) = _records(text, "agreement")
    assert ag.certainty == "asserted"  # the parties announce their own agreement


def test_two_states_side_by_side_after_a_delivery_are_giver_and_receiver():
    (ev,) = [e for e in _records("ومن المفترض أن تسلم روسيا إيران منظومات دفاعية من طراز اس-300.", "event") if e.type == "delivery"]
    assert {(r.actor, r.role) for r in ev.roles} == {("russia", "supplier"), ("iran", "recipient")}


def test_a_discovered_body_around_a_known_one_is_the_known_one_but_not_around_a_state():
    (ev,) = _records("وتأتي زيارة الفرقاطتين لإجراء تمرين بحري مشترك مع قوات البحرية الإيرانية في بحر قزوين.", "event")
    assert ev.participants == ["iran_navy"]


def test_the_newspaper_that_reveals_an_agreement_is_no_party_and_a_led_body_names_no_state():
    (ag,) = _records("وكانت صحيفة ديلي تلغراف البريطانية كشفت، أمس الجمعة، عن اتفاق سري بين إيران وروسيا.", "agreement")
    assert set(ag.parties) == {"iran", "russia"}
    (fta,) = _records("On December 25, 2023, the Russian-dominated Eurasian Economic Union (EAEU) and Iran inked an "
                      "extensive free-trade agreement (FTA).", "agreement")
    assert set(fta.parties) == {"eaeu", "iran"} and fta.status == "signed"


def test_not_more_than_is_at_most_and_one_of_is_no_count():
    (rng,) = [i for i in _records("لأن مدى هذه الصواريخ لا يزيد على 12 كلم.", "indicator")]
    assert "up to 12" in rng.label and rng.certainty == "asserted"
    assert not _records("وسارع احد اعضاء البرلمان البارزين في روسيا الى اعادة تأكيد ان المفاعلات سلمية.", "indicator")


@pytest.mark.parametrize(("text", "etype", "want"), [
    # «كان من المفروض أن», «اتفقنا على أن»: what was supposed or agreed to happen is to come
    ("وكان من المفروض أن توقع إيران صفقة صواريخ س 300 مع روسيا في مارس 2006، لكن الجانب الروسي أوقف المباحثات.",
     "signing", "expected"),
    ("اتفقنا مع وزير الطاقة الروسي على أن تشتري روسيا 500 ألف برميل يوميا من ايران.", "trade", "expected"),
])
def test_what_was_supposed_or_agreed_to_happen_is_to_come(text, etype, want):
    assert _certainties(text, etype) == {want}


@pytest.mark.parametrize(("text", "want"), [
    ("These developments facilitate Russian operations in Syria in support of Bashar Assad, an ally of both Moscow and "
     "Tehran.", set()),
    ("Tehran has been accused by Ukraine and many of its Western allies of providing Moscow with weapons.", set()),
    ("Iran is Russia's closest ally in the region.", {"alliance"}),
    ("وتعد إيران حليفا لروسيا في المنطقة.", {"alliance"}),
])
def test_someone_elses_ally_is_no_stance_on_the_pair(text, want):
    assert {s.characterization for s in _records(text, "stance")} == want


def test_half_a_month_is_no_share():
    assert not _records("وأعلنت أنه في حال عدم اتخاذ إجراءات ملموسة خلال شهر ونصف الشهر ستعيد فرض العقوبات.", "indicator")


def test_a_sentence_told_according_to_a_source_is_reported():
    text = ("وصل وزير الدفاع الروسي سيرغي شويغو اليوم إلى طهران في زيارة مفاجئة، وفق ما أفادت وسائل الإعلام الإيرانية.")
    (ev,) = [e for e in _records(text, "event") if e.type == "visit"]
    assert ev.certainty == "reported"
    (own,) = [e for e in _records("وصل بوتين إلى طهران.", "event") if e.type == "visit"]
    assert own.certainty == "asserted"
    # a source named after the sentence, with a vowel mark and no comma, or as "..., TASS reports"
    (ev,) = [e for e in _records("اجتمع لافروف بنظيره الإيراني عباس عراقجي في موسكو وفقًا لما نقلته وكالة مهر.", "event")
             if e.type == "meeting"]
    assert ev.certainty == "reported"
    text = "Iran and Russia have signed a memorandum of understanding on wheat storage, TASS reports."
    assert {r.certainty for r in _records(text, "agreement") + _records(text, "event")} == {"reported"}


@pytest.mark.parametrize(("text", "etype"), [
    # what a trip is for («وصل ... لإجراء محادثات») and what a proposal would do are still to come
    ("وصل سكرتير مجلس الامن الروسي نيكولاي باتروشيف الى طهران لاجراء محادثات مع نظيره الايراني.", "meeting"),
    ("Meanwhile, EU diplomacy chief Josep Borrell presented a proposal to member states to impose sanctions against "
     "Iran over the supply of ballistic missiles to Russia.", "sanction"),
    # what a mechanism allows or permits
    ("تسعى واشنطن إلى تفعيل آلية تتيح إعادة فرض العقوبات الأممية على إيران.", "sanction"),
    ("Russian grain stocks would permit the sale of three million tonnes of wheat to Iran.", "trade"),
    # planned without «أن»; a future support verb
    ("ومن المقرر عقد محادثات مع وزير الخارجية الروسي سيرغي لافروف في موسكو.", "meeting"),
    ("وقال الكرملين إن الرئيس الإيراني سيبدأ في 5 نيسان أبريل زيارة رسمية لروسيا.", "visit"),
    # a power to act; backing withheld
    ("The Security Council has the authority to impose sanctions on Iran.", "sanction"),
    ("أكدت موسكو أنها لن تؤيد فرض عقوبات جديدة على إيران.", "sanction"),
    # a volume or a growth forecast: what it measures is forecast with it
    ("وتوقع السفير ازدياد حجم التبادل التجاري بين إيران وروسيا.", "trade"),
    # planned, after the phrases of the noun («المزمع إجراؤها»)
    ("وتحدث القائد عن المناورة البحرية المشتركة بين إيران وروسيا المزمع إجراؤها في بحر قزوين.", "exercise"),
    # a danger warned of
    ("وحذرت موسكو من تدخل عسكري أميركي في الأزمة.", "intervention"),
    # a threat to use the tools of a measure
    ("Washington threatened to use the mechanisms of its sanctions against Tehran if it sells missiles to Moscow.",
     "sanction"),

    ("Moscow warned against an American military intervention in the crisis.", "intervention"),
])
def test_what_is_only_aimed_at_allowed_or_planned_is_to_come(text, etype):
    assert _certainties(text, etype) == {"expected"}


@pytest.mark.parametrize("text", [
    "The envoy denied reports that Moscow and Tehran had been discussing the possibility of Russia providing Iran with Su-35 fighters.",
    "نفى السفير التقارير عن مباحثات بشأن إمكانية تزويد روسيا إيران بطائرات حديثة.",
    # a plan called off
    "قررت موسكو إلغاء خططها لتزويد طهران بمنظومات إس-300.",
    "The president signed a decree cancelling the delivery of S-300 systems to Iran.",
])
def test_a_denied_report_or_a_called_off_plan_denies_the_act(text):
    assert _certainties(text, "delivery") == {"denied"}


@pytest.mark.parametrize(("text", "etype", "roles"), [
    ("The Russian president thanked his guest on Monday, while meeting with Iranian Foreign Minister Abbas Araghchi.",
     "meeting", {("russia", "participant"), ("abbas_araghchi", "participant")}),
    ("Lavrov spoke to reporters after meeting with Araghchi.", "meeting",
     {("sergey_lavrov", "participant"), ("abbas_araghchi", "participant")}),
    ("Moscow answered the sanctions by delivering S-300 systems to Tehran.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}),
    # «معاودة» is a light noun like «إعادة»: who announces the renewed sanctions imposes them
    ("بعدما أعلنت واشنطن معاودة فرض عقوبات على طهران، تراجعت التجارة.", "sanction",
     {("united_states", "imposer"), ("iran", "target")}),
])
def test_who_acts_in_a_participle_or_under_a_light_noun_is_named_above_it(text, etype, roles):
    (ev,) = [e for e in _records(text, "event") if e.type == etype]
    assert _roles(ev) == roles


def test_a_modal_before_coordinated_verbs_is_each_ones_and_so_is_the_subject():
    (ev,) = [e for e in _records("The White House said that Washington would leave the accord and reinstate sanctions "
                                 "on Iran.", "event") if e.type == "sanction"]
    assert ev.certainty == "expected" and _roles(ev) == {("united_states", "imposer"), ("iran", "target")}
    (done,) = [e for e in _records("Washington left the accord and reinstated sanctions on Iran.", "event")
               if e.type == "sanction"]
    assert done.certainty == "asserted" and _roles(done) == {("united_states", "imposer"), ("iran", "target")}


@pytest.mark.parametrize(("text", "certainty"), [
    ("Putin met Rouhani on the sidelines of the SCO summit in Bishkek.", "asserted"),
    # an event noun as the subject of a copula takes its mood and its place
    ("The envoy said that the talks between Putin and Rouhani would be on the sidelines of the SCO summit in Bishkek.",
     "expected"),
])
def test_the_forum_on_whose_sidelines_two_meet_is_no_participant(text, certainty):
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert set(ev.participants) == {"vladimir_putin", "hassan_rouhani"}
    assert ev.certainty == certainty and ev.place == "bishkek"


@pytest.mark.parametrize("text", [
    "The IAEA board expects that Iran will sign the additional protocol after talks in Tehran, the minister said.\n"
    "He called for concluding an additional protocol with Iran on returning spent fuel to Russia to prepare for running "
    "the Bushehr reactor in 2004.\nPutin also confirmed on Friday that Iran is ready to accept full IAEA control over "
    "its nuclear programmes.\nPutin told reporters in the Kremlin that he had assurances from Khatami in a phone call, "
    "who pledged that his country was ready to sign any protocols the IAEA requires.\nRussia would reportedly spend 1 "
    "billion US dollars on the construction of the Bushehr project, claiming that the plant is under IAEA control and "
    "has not violated \"any international agreements\".",
    "وأكدت موسكو أنها أنفقت مليار دولار على محطة بوشهر دون أن تنتهك الاتفاقيات الدولية.",
])
def test_a_class_of_agreements_is_no_agreement(text):
    assert _records(text, "agreement") == []


@pytest.mark.parametrize(("text", "want"), [
    # «مع» before the first of coordinated phrases governs them all
    ("أجرى بوتين محادثات مع نظيره الايراني محمود احمدي نجاد ومرشد الجمهورية علي خامنئي في طهران.",
     {"vladimir_putin", "mahmoud_ahmadinejad", "ali_khamenei"}),
    # a headline's "talks to"
    ("Putin talks to Pezeshkian ahead of Caspian summit", {"vladimir_putin", "masoud_pezeshkian"}),
    # "they" of a clause after "discussed X with Y" are both of them
    ("Lavrov discussed the corridor with Araghchi when they met in Baku on Monday.", {"sergey_lavrov", "abbas_araghchi"}),
    # a name that is also a common word, right after a verb of saying or meeting
    ("وقال ظريف خلال لقائه وزير الخارجية الروسي سيرغي لافروف إن التعاون مستمر.", {"mohammad_javad_zarif", "sergey_lavrov"}),
    # a light verb whose subject was dropped in a clause after «حيث»/«كما»: the main clause's subject
    ("ويصل الرئيس الإيراني إلى موسكو الأحد حيث سيزور معرضا للصناعة، كما سيجري مباحثات مع الرئيس فلاديمير بوتين.",
     {"iran", "vladimir_putin"}),
    # one side of a meeting in a subordinate clause: the other is the one the sentence is about
    ("أعلنت الخارجية أن الرئيس مسعود بزشكيان سيسافر إلى عشق آباد ويشارك في المنتدى حيث يتوقع أن يلتقي الرئيس "
     "الروسي فلاديمير بوتين.", {"masoud_pezeshkian", "vladimir_putin"}),
])
def test_both_sides_of_a_meeting_named_in_its_sentence(text, want):
    got = [set(e.participants) for e in _records(text, "event") if e.type == "meeting"]
    assert want in got


def test_a_relative_clause_keeps_its_tense_and_a_visit_after_ba_names_nobody_met():
    text = ("وسيتوجه لافروف الذي عقد أمس محادثات مع نظيره الإيراني عباس عراقجي والرئيس مسعود بزشكيان بزيارة "
            "إلى أذربيجان.")
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert ev.certainty == "asserted" and "azerbaijan" not in ev.participants
    assert {"abbas_araghchi", "masoud_pezeshkian"} <= set(ev.participants)


def test_a_sale_under_a_ban_is_denied_and_a_date_after_another_event_is_that_ones():
    assert _certainties("ويعزو الخبراء الصفقة إلى الحظر المفروض على بيع الطائرات الغربية لإيران.", "trade") == {"denied"}
    (ev,) = [e for e in _records("وبعد غزو فبراير، ضمت روسيا منطقتي دونيتسك ولوهانسك في سبتمبر الماضي.", "event")
             if e.type == "annexation"]
    assert ev.date == "2024-09"


def test_a_title_after_the_name_and_a_meeting_one_met_after_add_no_party():
    (ev,) = [e for e in _records("Sergei Shoigu, the secretary of the Security Council of Russia, met the Iranian "
                                 "president in Tehran following a meeting with Ali Larijani.", "event")
             if e.type == "meeting"]
    assert "russia_security_council" not in ev.participants and {"sergei_shoigu", "ali_larijani"} <= set(ev.participants)


def test_a_quoted_agreement_and_a_hope_are_reported_and_expected():
    recs = _records('"Iran has signed two more agreements with Gazprom on gas fields," the minister said.', "agreement")
    assert recs and {r.certainty for r in recs} == {"reported"}
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text

    doc = read_text("own.txt", "وقال مدير الشركة: نأمل في بيع 4 طائرات ركاب إلى إيران العام المقبل.\n")
    (ind,) = [r for r in extract_document(doc).records if r.kind == "indicator" and r.value == 4]
    assert ind.certainty == "expected"


def test_persian_letters_reach_the_parser_as_arabic():
    # «سیتجاوز» with a Persian yeh: the future prefix is read only once the letter is the Arabic one
    from irkg.loaders.pipeline import extract_document
    from irkg.loaders.read import read_text

    doc = read_text("own.txt", "وقال الوزير إن حجم التبادل التجاري بین البلدین سیتجاوز خمسة ملیارات دولار.\n")
    (ind,) = [r for r in extract_document(doc).records if r.kind == "indicator" and r.value == 5e9]
    assert ind.certainty == "expected"


def test_where_a_delivered_thing_was_used_is_not_where_it_was_delivered():
    (ev,) = [e for e in _records("وقال المصدر إن القوات الروسية سلمت إيران نماذج من الصواريخ الغربية المستخدمة في "
                                 "أوكرانيا.", "event") if e.type == "delivery"]
    assert ev.place is None and {"iran"} <= set(ev.participants)


@pytest.mark.parametrize("text", [
    "يلتقي وزيرا الخارجية الروسي سيرغي لافروف والإيراني عباس عراقجي في موسكو غدا.",
    "Lavrov meets Araghchi in Moscow tomorrow.",
])
def test_tomorrow_is_to_come_in_a_text_of_unknown_date(text):
    evs = [r for r in extract_document(read_text("own.txt", text + "\n")).records if r.kind == "event" and r.type == "meeting"]
    assert evs and {e.certainty for e in evs} == {"expected"}


def test_sources_named_at_the_end_report_the_sentence_and_say_nothing_of_their_own():
    text = "Lavrov and Araghchi held talks by phone late on Friday, Iranian state media and the Kremlin said."
    evs = _records(text, "event")
    assert {e.certainty for e in evs if e.type == "meeting"} == {"reported"}
    assert not [e for e in evs if e.type == "statement" and "sergey_lavrov" in e.participants]
    (ev,) = [e for e in _records("Iran has allegedly shipped drones to Russia under a deal signed with Moscow in 2022.",
                                 "event") if e.type == "signing"]
    assert ev.certainty == "alleged"


@pytest.mark.parametrize("text", [
    "Atomic Energy Minister Sergei Kiriyenko told reporters that Iran was ready to open its sites to inspectors.",
    "وقال وزير النفط الإيراني بيجن زنغنه إن بلاده تريد علاقات جيدة مع موسكو.",
])
def test_the_office_in_a_speakers_title_is_no_topic_of_what_he_says(text):
    (ev,) = [e for e in _records(text, "event") if e.type == "statement"]
    assert "energy" not in ev.topics


def test_a_relative_after_a_comma_has_its_antecedent_and_subjection_names_the_imposer():
    text = ("وكشف قائد البحرية الإيرانية الأميرال شهرام إيراني، الذي زار موسكو الأسبوع الماضي، عن اتفاق بين البلدين.")
    (ev,) = [e for e in _records(text, "event") if e.type == "visit"]
    assert ("russia", "visitor") not in _roles(ev) and ("russia", "host") in _roles(ev)
    # the two states right before the participle of subjection are its targets
    (sa,) = [e for e in _records("وقال إن إيران وروسيا تعمقان تعاونهما. ويعكس ذلك تعاونا أعمق بين البلدين الخاضعين "
                                 "لعقوبات الاتحاد الأوروبي.", "event") if e.type == "sanction"]
    assert _roles(sa) == {("european_union", "imposer"), ("iran", "target"), ("russia", "target")}


def test_an_actor_with_a_day_hung_on_it_is_still_the_subject():
    (ev,) = [e for e in _records("Iran on Tuesday signed a contract with Russian firm Gazprom to develop a gas field.",
                                 "event") if e.type == "signing"]
    assert {"iran", "gazprom"} <= set(ev.participants)


@pytest.mark.parametrize(("text", "want"), [
    # a setting fronted as a noun phrase («خلال» read as a noun), and «عقب» before a meeting noun
    ("وخلال مؤتمر صحفي مشترك في طهران مع نظيره الروسي سيرغي لافروف أضاف عراقجي أن التعاون مستمر.",
     {"abbas_araghchi", "sergey_lavrov"}),
    ("وقال وزير الخارجية عباس عراقجي عقب محادثات مع نظيره الروسي سيرغي لافروف إن التعاون مستمر.",
     {"abbas_araghchi", "sergey_lavrov"}),
])
def test_who_speaks_in_a_setting_named_before_or_after_takes_part(text, want):
    got = [set(e.participants) for e in _records(text, "event") if e.type == "meeting"]
    assert want in got


def test_a_lowercase_word_after_a_title_and_an_officials_possessor_name_no_one_else():
    (ev,) = [e for e in _records("Putin said he spoke with the Iranian leader during Khatami's recent visit to Moscow.",
                                 "event") if e.type == "visit"]
    assert ("mohammad_khatami", "visitor") in _roles(ev)
    (st,) = [e for e in _records("Raisi's foreign minister, Hossein Amir-Abdollahian, told reporters that Moscow was "
                                 "a partner.", "event") if e.type == "statement"]
    assert st.participants == ["hossein_amir_abdollahian"]


@pytest.mark.parametrize("text", [
    "Lukoil halted its projects in Iran for fear of US sanctions.",
    "ولم تعد موسكو تعترض على فرض عقوبات على طهران بسبب برنامجها النووي.",
])
def test_sanctions_feared_or_no_longer_opposed_are_not_imposed(text):
    # feared sanctions with no target named are no fact at all; with their target they are only expected
    assert _certainties(text, "sanction") in ({"expected"}, None)
    assert "asserted" not in (_certainties(text, "sanction") or set())


def test_a_name_the_segmenter_split_after_its_first_letter_is_read_whole():
    # «بزشكيان» read as the preposition ب + «زشكيان»: the passage is parsed again with the name kept whole
    got = [set(e.participants) for e in _records("كما أعلن بزشكيان، خلال لقائه مع بوتين في موسكو، خطة لتوسيع التجارة.",
                                                 "event") if e.type == "meeting"]
    assert {"masoud_pezeshkian", "vladimir_putin"} in got


@pytest.mark.parametrize(("text", "etype", "roles"), [
    ("وقد حصلت إيران على طائرات ياك-130 من روسيا لتدريب طياريها.", "delivery",
     {("iran", "recipient"), ("russia", "supplier")}),
    ("وقالت الوكالة إن مصر اشترت ما بين 100 ألف و150 ألف طن من القمح من روسيا الشهر الماضي.", "trade",
     {("egypt", "buyer"), ("russia", "seller")}),
])
def test_who_something_was_got_from_is_named_after_from_in_the_clause(text, etype, roles):
    (ev,) = [e for e in _records(text, "event") if e.type == etype]
    assert _roles(ev) == roles


@pytest.mark.parametrize(("text", "etype"), [
    ("ومن المنتظر أن تؤيد روسيا فرض عقوبات جديدة على إيران.", "sanction"),
    ("ورأى الوزير أن فرض عقوبات جديدة على إيران أمر يضر بجهود منع الانتشار.", "sanction"),
    ("وأكد الوفد نية بلاده شراء 15 طائرة من طراز سوخوي سوبرجيت الروسية قريبا.", "trade"),
])
def test_a_measure_backed_talked_of_or_intended_is_to_come(text, etype):
    assert _certainties(text, etype) == {"expected"}


@pytest.mark.parametrize("text", [
    "وحذر لافروف من أن شن هجوم عسكري على إيران سيكون له عواقب وخيمة على المنطقة.",
    "وقال الوزير في مؤتمر صحفي إن توجيه \"ضربة عسكرية على إيران سيكون لها نتائج خطيرة.\"",
])
def test_what_an_attack_would_do_is_no_attack(text):
    assert not [e for e in _records(text, "event") if e.type in ("attack", "strike")]


def test_what_one_says_another_said_is_reported():
    (ev,) = [e for e in _records("وبرر بوتين قراره قائلا إن الرئيس الإيراني حسن روحاني أكد له ذلك أكثر من مرة.", "event")
             if e.type == "statement" and "hassan_rouhani" in e.participants]
    assert ev.certainty == "reported"


def test_a_past_act_warned_of_is_told_not_expected():
    assert _certainties("Moscow warned that Israel had bombed an Iranian base.", "strike") == {"reported"}


def test_a_meeting_fronted_as_the_setting_of_a_saying_has_the_speaker():
    (ev,) = [e for e in _records("During recent talks with Iranian President Ebrahim Raisi in Moscow, Russian President "
                                 "Vladimir Putin declared that trade increased by 20 percent.", "event") if e.type == "meeting"]
    assert set(ev.participants) == {"ebrahim_raisi", "vladimir_putin"}


@pytest.mark.parametrize(("text", "etype", "want"), [
    # the possibility or the chances of a strike («امكانية توجيه ضربات», «احتمالات حصول هجوم») are no strike
    ("فيما تحدثت صحف اميركية اخيرا عن امكانية توجيه ضربات عسكرية اميركية الى الجمهورية الاسلامية.", "strike", "expected"),
    ("ورأت مصادر إيرانية أن بدء تسليم الصواريخ يشير إلى تقلص احتمالات حصول هجوم عسكري ضد إيران.", "attack", "expected"),
])
def test_the_possibility_of_an_attack_is_no_attack(text, etype, want):
    assert _certainties(text, etype) == {want}


def test_issuing_a_statement_exports_nothing_and_despite_names_no_party():
    assert not [e for e in _records("وصدر بيان الخارجية الروسية بعد التصويت في مجلس الأمن.", "event") if e.type == "trade"]
    (ev,) = [e for e in _records("Iran has delivered hundreds of its drones to Russia despite warnings from Washington.",
                                 "event") if e.type == "delivery"]
    assert "united_states" not in ev.participants


def test_a_visit_is_not_dated_by_a_since_phrase_nor_is_how_could_it_not_a_denial():
    text = ("Putin welcomed Pezeshkian, who was visiting the Kremlin for the first time since his election to the "
            "presidency last July.")
    assert all(e.date is None for e in _records(text, "event") if e.type == "visit")
    (ind,) = _records("قمة روسية إيرانية بامتياز، كيف لا واللغتان الروسية والفارسية كانتا اللغتين الرسميتين للقمة.", "indicator")
    assert ind.certainty == "asserted"


@pytest.mark.parametrize("text", [
    # a name the parser read as «على» + name right after the verb is its subject, the city after it the host
    "وزار علي لاريجاني موسكو.",
    # a bare title cut from its office, the name set off after it: the name is the subject
    "كما زار أمين المجلس الأعلى للأمن القومي، علي لاريجاني، قبل ذلك، العاصمة الروسية لتسليم بوتين رسالة.",
])
def test_a_name_read_as_a_preposition_after_the_verb_is_the_visitor(text):
    (ev,) = [e for e in _records(text, "event") if e.type == "visit"]
    assert {(r.actor, r.role) for r in ev.roles} == {("ali_larijani", "visitor"), ("russia", "host")}


@pytest.mark.parametrize("text, want", [
    # opposing an act that is "new" or "tougher": a proposal opposed, nothing imposed
    ("Russia opposes new sanctions on Iran over its nuclear programme.", "expected"),
    ("تعارض روسيا فرض عقوبات جديدة على إيران بسبب برنامجها النووي.", "expected"),
    ("Russia has opposed the tougher sanctions on Tehran that Washington is seeking.", "expected"),
    # imposing new ones, or criticising ones in force, leaves them facts
    ("The US imposed new sanctions on Iran.", "asserted"),
    ("Russia criticised the new US sanctions on Iran.", "asserted"),
    # re-imposing is the act itself, and opposing it says neither that the sanctions exist nor that they do not
    ("Moscow rejected the push by Britain, France and Germany to reimpose UN sanctions on Iran.", None),
    ("وقال المتحدث باسم الخارجية الروسية إن موسكو ترفض العقوبات على إيران.", None),
])
def test_sanctions_opposed_before_they_exist_are_not_imposed(text, want):
    assert _certainties(text, "sanction") == ({want} if want else None)


@pytest.mark.parametrize("text, roles", [
    ("Russia's invasion of Ukraine in 2022 changed the region.", {("russia", "invader"), ("ukraine", "invaded")}),
    ("بعد الغزو الروسي لأوكرانيا عام 2022 تغيرت المنطقة.", {("russia", "invader"), ("ukraine", "invaded")}),
    # prepositions the tagger took for nouns, coordinated: each names a participant
    ("وأجرى بوتين محادثات مع أحمدي نجاد ومع خامنئي.",
     {("vladimir_putin", "participant"), ("mahmoud_ahmadinejad", "participant"), ("ali_khamenei", "participant")}),
    ("عقد باتروشيف اجتماعا مع شمخاني في طهران.", {("nikolai_patrushev", "participant"), ("ali_shamkhani", "participant")}),
])
def test_the_counterpart_of_an_invasion_or_talks_is_a_participant(text, roles):
    (ev,) = [e for e in _records(text, "event") if e.type in ("invasion", "meeting")]
    assert _roles(ev) == roles


def test_an_invasion_label_says_who_invaded_whom():
    (ev,) = [e for e in _records("Russia's invasion of Ukraine in 2022 changed the region.", "event") if e.type == "invasion"]
    assert ev.label.startswith("Russia invades Ukraine")


@pytest.mark.parametrize("text", [
    "Two Russian companies, Rosneft and Gazprom, began talks with Iran on oil contracts.",
    "بدأت شركتان روسيتان هما روسنفت وغازبروم محادثات مع إيران.",
    # the reasons an opinion piece lists are no measure of the relationship
    "Here are 16 reasons why Russia will not abandon Iran.",
])
def test_the_count_of_a_list_or_of_reasons_is_no_indicator(text):
    assert not _records(text, "indicator")


def test_a_count_not_followed_by_its_list_stays_an_indicator():
    (ind,) = _records("Russia delivered two S-300 batteries to Iran, Russian officials said.", "indicator")
    assert ind.value == 2


def test_may_sign_is_a_plan_and_lifted_sanctions_are_no_sanctions():
    assert _certainties("نقلت الوكالة أن موسكو قد توقع اتفاقا للتعاون العسكري مع إيران هذا العام.", "signing") == {"expected"}
    for text in ("The US and EU began to ease sanctions on Tehran.", "رفعت الولايات المتحدة العقوبات عن إيران عام 2016.",
                 "The UN lifted sanctions on Iran in 2016."):
        assert not [e for e in _records(text, "event") if e.type == "sanction"], text
    assert _certainties("فرضت واشنطن عقوبات على طهران.", "sanction") == {"asserted"}


def test_a_state_sold_is_a_figure_of_speech_and_the_first_of_two_objects_buys():
    assert not [e for e in _records("اعتبر مسؤول إيراني أن روسيا باعت إيران لأمريكا تعليقا على التأخير.", "event")
                if e.type in ("trade", "delivery")]
    (ev,) = [e for e in _records("Kirby warned that Russia looked likely to sell Iran its fighter jets.", "event")
             if e.type == "delivery"]
    assert _roles(ev) == {("russia", "supplier"), ("iran", "recipient")}


@pytest.mark.parametrize("text, etype, roles", [
    # the subject of a verb of facing undergoes the event its object names
    ("بينما تتعرض إيران لحملة من الضربات الإسرائيلية، اكتفت روسيا بالتصريحات.", "strike",
     {("israel", "attacker"), ("iran", "target")}),
    # the object of "accuse ... of" acts in what it is accused of
    ("Kyiv has accused Tehran of supplying Moscow with drones since the start of the war.", "delivery",
     {("iran", "supplier"), ("russia", "recipient")}),
    # «مع» taken for a noun is no subject; a later conjunct shares the first one's subject
    ("يذكر أن جواد ظريف زار موسكو في سبتمبر الماضي، وأكد في مؤتمر صحافي مع لافروف أن البلدين متفقان.", "statement",
     {("mohammad_javad_zarif", "speaker")}),
    # a fronted «خلال لقائه» speaks of the subject after the main verb
    ("وخلال لقائه بالدبلوماسي الإيراني عباس عراقجي، اكتفى الرئيس الروسي فلاديمير بوتين بوصف الضربات بأنها غير مبررة.",
     "meeting", {("vladimir_putin", "participant"), ("abbas_araghchi", "participant")}),
    # the destination of exports hangs on the verb of change: still the buyer
    ("ارتفعت الصادرات الإيرانية إلى روسيا بنسبة 20 في المئة.", "trade", {("iran", "seller"), ("russia", "buyer")}),
    # a phrase that opens with a date names no target
    ("Since Israel launched its wave of strikes on June 13, Russia has not offered military help to Tehran.", "strike",
     {("israel", "attacker")}),
])
def test_who_undergoes_or_acts_when_the_tree_puts_them_elsewhere(text, etype, roles):
    (ev,) = [e for e in _records(text, "event") if e.type == etype]
    assert _roles(ev) == roles


def test_a_pronoun_after_the_agreement_is_the_agreement_not_who_signed_it():
    text = "وكان جواد ظريف قد قال إن روسيا عرقلت الاتفاق النووي، وسعت إلى تدميره بعد إبرامه."
    assert not [e for e in _records(text, "event") if e.type == "signing" and "mohammad_javad_zarif" in e.participants]


def test_a_since_phrase_dates_its_own_event_which_the_author_takes_as_given():
    text = ("Ukraine has accused Tehran of supplying Moscow with drones used in attacks on civilian targets since "
            "Russia's invasion in February last year.")
    doc = read_text("own.txt", text + "\n").model_copy(update={"published": "2023-03-12"})
    evs = {r.type: r for r in extract_document(doc).records if r.kind == "event"}
    assert evs["delivery"].date is None and evs["delivery"].certainty == "alleged"
    assert evs["invasion"].date == "2022-02" and evs["invasion"].certainty == "asserted"


@pytest.mark.parametrize("text, want", [
    # a sum counted from a starting point has no single date
    ("Russia had spent some $2.7 billion on oil projects in Iran since the new government came to power in August 2021.", None),
    # a period across two calendar years has none either; «حتى شهر مارس» is no span of one month
    ("وسحب المستثمرون الأجانب نحو 36 مليار دولار من روسيا في الفترة الممتدة من شهر مارس 2022 حتى شهر مارس 2023.", None),
])
def test_a_figure_over_a_period_is_not_dated_by_its_start(text, want):
    inds = _records(text, "indicator")
    assert [i for i in inds if i.unit == "USD"] and all(i.date == want for i in inds)
    assert not [i for i in inds if i.unit == "months"]


def test_figures_in_quoted_words_are_reported_bare_spans_none_and_a_jump_is_growth():
    (ind,) = _records("“Over the past two years, an average of 15 wagons per day have been loaded at the port,” he said.",
                      "indicator")
    assert ind.certainty == "reported"
    assert not _records("وقال إن روسيا يجب ألا تدعم الدول التي أظهرت عداء لنا لمدة 30 عاما.", "indicator")
    (ind,) = _records("عرفت الصادرات الإيرانية إلى روسيا قفزة بنسبة 30 بالمائة.", "indicator")
    assert ind.what == "exports growth"


def test_a_month_of_last_year_and_agreement_names_without_dictionary_marks():
    from irkg.loaders.dates import find_dates

    assert [m.value for m in find_dates("since the invasion in February last year", "2023-03-12")] == ["2022-02"]
    assert [m.value for m in find_dates("في فبراير من العام الماضي", "2023-03-12")] == ["2022-02"]
    (ag,) = [a for a in _records("وأكد الوزير أن البلدين ملتزمان بالاتفاق النووي.", "agreement")]
    assert not [n for n in ag.names if n.endswith("=")]


@pytest.mark.parametrize("text, roles", [
    # a wrapper the parser put around the verb ("has (VP (VP met ...) , the website reported)") keeps its subject
    ("Russia's President Dmitry Medvedev has met with Iran's President Mahmoud Ahmadinejad in Baku on Thursday, "
     "the Iranian president's official website reported.",
     {("dmitry_medvedev", "participant"), ("mahmoud_ahmadinejad", "participant")}),
    # who acts during a call, and whom a verb names it done with, take part in the setting
    ("دان وزير الخارجية الروسي سيرغي لافروف الهجوم على إيران خلال اتصال هاتفي مع نظيره الإيراني عباس عراقجي.",
     {("sergey_lavrov", "participant"), ("abbas_araghchi", "participant")}),
    ("ثم ناقش سكرتير الأمن القومي الروسي نيكولاي باتروشيف مع الأمين العام للمجلس الأعلى للأمن القومي الإيراني "
     "علي شمخاني خلال اجتماعهما في طهران الملف النووي.",
     {("nikolai_patrushev", "participant"), ("ali_shamkhani", "participant")}),
])
def test_the_setting_of_an_act_has_who_acts_in_it(text, roles):
    (ev,) = [e for e in _records(text, "event") if e.type == "meeting"]
    assert _roles(ev) == roles
    assert ev.certainty == ("reported" if text.endswith("website reported.") else "asserted")  # the site is the source


def test_who_speaks_after_a_visit_nobody_else_made_is_the_visitor():
    (ev,) = [e for e in _records("وقال الدبلوماسي الروسي المسؤول عن ملفات التسلح بعد اختتام زيارة لإيران إن المباحثات "
                                 "كانت إيجابية.", "event") if e.type == "visit"]
    assert _roles(ev) == {("russia", "visitor"), ("iran", "host")} and ev.certainty == "asserted"
    # never someone of the host's own state
    visits = [e for e in _records("وقال بوتين بعد زيارة لموسكو إن العلاقات جيدة.", "event") if e.type == "visit"]
    assert not any("vladimir_putin" in e.participants for e in visits)


def test_a_setting_told_in_the_past_is_no_plan_whatever_its_month():
    doc = read_text("own.txt", "ثم ناقش سكرتير الأمن القومي الروسي نيكولاي باتروشيف مع الأمين العام للمجلس الأعلى للأمن "
                    "القومي الإيراني علي شمخاني خلال اجتماعهما في طهران، في نوفمبر، الملف النووي.\n") \
        .model_copy(update={"published": "2025-06-01"})
    (ev,) = [r for r in extract_document(doc).records if r.kind == "event" and r.type == "meeting"]
    assert ev.date == "2024-11" and ev.certainty == "asserted"


def test_figures_of_a_range_an_advance_or_an_earlier_clause_and_quoted_sources():
    (ind,) = [i for i in _records("Trade turnover between Russia and Iran amounted to $1.589 bln in the period between "
                                  "January-September 2019.", "indicator")]
    assert ind.date == "2019"
    inds = _records("وبعد فرض مجلس الأمن عقوبات جديدة على طهران في 2010، ألغت موسكو العقد الذي كان يقدر بحوالي 800 "
                    "مليون دولار، وأعادت المبلغ المقدم البالغ 167 مليون دولار.", "indicator")
    assert {(i.value, i.what, i.date) for i in inds} == {(8e8, "contract value", None), (1.67e8, "advance payment", None)}
    (ind,) = _records("Interfax said that the deal, which would also include patrol boats, was worth more than $1 billion.",
                      "indicator")
    assert ind.certainty == "reported"


@pytest.mark.parametrize("text", [
    "Putin held a phone call with Pezeshkian on Monday.",
    "دان وزير الخارجية الروسي سيرغي لافروف الهجوم على إيران خلال اتصال هاتفي مع نظيره الإيراني عباس عراقجي.",
])
def test_a_phone_call_is_a_meeting_held_by_phone(text):
    # the data contract's type stays "meeting" (phone calls too); the channel and the label say it was a call
    evs = [e for e in _records(text, "event") if e.type == "meeting"]
    assert [e.channel for e in evs] == ["phone"] and "speak by phone" in evs[0].label


def test_a_meeting_noun_with_a_genitive_and_a_companion_has_both():
    (ev,) = [e for e in _records("جاء ذلك بعد يوم واحد من لقاء الرئيس الروسي فلاديمير بوتين بالمرشد الإيراني علي خامنئي.",
                                 "event") if e.type == "meeting"]
    assert _roles(ev) == {("vladimir_putin", "participant"), ("ali_khamenei", "participant")}


@pytest.mark.parametrize("text, want", [
    ("Russia pledged not to sell tanks to Iran.", {"denied"}),             # "(S (RB not) (VP to sell))"
    ("Russia has postponed the delivery of S-300 systems to Iran.", {"denied"}),
    ("وتشير مصادر إعلامية روسية إلى أن موسكو تؤجل تصدير منظومات س-300 لإيران.", {"denied"}),
    # a sale curbed did not go ahead
    ("The Democrats said the agreement effectively curbed Russia's sale of dangerous weapons to Iran.", {"denied"}),
])
def test_a_sale_pledged_against_postponed_or_curbed_did_not_happen(text, want):
    got = {e.certainty for e in _records(text, "event") if e.type in ("delivery", "trade")} or None
    assert got == want


def test_an_official_we_cannot_name_is_not_the_body_in_his_title():
    text = ("وقال نائب مدير الهيئة الفدرالية الروسية للتعاون العسكري التقني مع الدول الأجنبية ألكسندر فومين "
            "في تصريح لوكالة نوفوستي إن روسيا لا تصدر هذه المنظومات لإيران.")
    assert not [p for e in _records(text, "event") for p in e.participants if p.startswith("unlinked:")]


def test_the_rocket_that_launches_a_satellite_is_no_item_of_the_launch():
    for text in ("The remote Khayyam sensing satellite was launched by a Russian Soyuz rocket from Baikonur.",
                 "أطلقت روسيا القمر الصناعي خيام على متن صاروخ سويوز من قاعدة بايكونور."):
        (ev,) = [e for e in _records(text, "event") if e.type == "launch"]
        assert "soyuz" not in ev.items, text


@pytest.mark.parametrize("text, value, unit", [
    ("The new terminal, with a 1.5-million-tonne annual capacity, will open in 2028.", 1.5e6, "tonnes"),
    ("واستغرق بناء المحطة أكثر من ثلاثة عقود.", 3, "decades"),                    # decades, not contracts
    ("Initially, the agreement would have seen Russia import 500,000 barrels of Iranian oil per day.", 5e5, "barrels per day"),
    ("وتصدر إيران 100 ألف برميل من النفط يوميا إلى روسيا.", 1e5, "barrels per day"),
    ("Russia sold 2 million tonnes of wheat to Iran a year ago.", 2e6, "tonnes"),          # "a year ago" is when
])
def test_number_grammar_hyphenated_scales_decades_and_rates_after_the_goods(text, value, unit):
    assert [(i.value, i.unit) for i in _records(text, "indicator")] == [(value, unit)]


def test_a_figure_from_data_a_source_shows_is_reported():
    for text in ("LSEG data show Russia shipped 500,000 tonnes of grain to Iran in January.",
                 "وارتفعت الصادرات الروسية إلى إيران إلى 3 مليارات دولار، وفق ما أفادت الجمارك الروسية."):
        (ind,) = _records(text, "indicator")
        assert ind.certainty == "reported", text


@pytest.mark.parametrize("text, etype, roles", [
    # who intends a meeting named by its counterpart alone takes part in it
    ("قال السفير الروسي إن الرئيس الروسي فلاديمير بوتين يعتزم خلال زيارته إلى إيران لقاء المرشد الأعلى علي خامنئي.",
     "meeting", {("vladimir_putin", "participant"), ("ali_khamenei", "participant")}),
    # a headline's subjects listed with a comma
    ("Iran, Russia hold joint naval drills in Caspian Sea", "exercise", {("iran", "participant"), ("russia", "participant")}),
    # the forces of several states are those states, not one body discovered around the first
    ("تجري القوات البحرية لإيران وروسيا والصين مناورات عسكرية قبالة السواحل في جنوب غرب إيران.", "exercise",
     {("iran", "participant"), ("russia", "participant"), ("china", "participant")}),
])
def test_participants_named_around_the_event(text, etype, roles):
    (ev,) = [e for e in _records(text, "event") if e.type == etype]
    assert _roles(ev) == roles


def test_a_present_intention_says_nothing_of_the_visit_it_is_set_in():
    (ev,) = [e for e in _records("قال السفير الروسي إن الرئيس الروسي فلاديمير بوتين يعتزم خلال زيارته إلى إيران لقاء "
                                 "المرشد الأعلى علي خامنئي.", "event") if e.type == "visit"]
    assert ev.certainty != "asserted"


def test_any_form_of_agreement_is_no_agreement():
    for text in ("وتشير مصادر روسية إلى احتمال أن تستضيف موسكو أي صيغة اتفاق بين إيران والولايات المتحدة.",
                 "Russia's Urals grade sells at $12 below Brent, according to traders familiar with such deals "
                 "between Russia and Iran."):
        assert not _records(text, "agreement"), text


def test_a_characterization_in_analysts_words_is_reported():
    (st,) = _records("ويقول المحللون إن الدولتين وجدتا أرضية مشتركة أخرى، مؤكدين أن موسكو وطهران يتمتعان بتحالف عسكري "
                     "بحكم الأمر الواقع في المنطقة.", "stance")
    assert st.certainty == "reported"
    (st,) = _records("Relations between Iran and Russia have become a de facto military alliance.", "stance")
    assert st.certainty == "asserted"


@pytest.mark.parametrize("text, want", [
    ("They also calculated that Russian exporters have shipped 1.9 million tonnes of wheat to Iran.", "reported"),
    ("وتريد روسيا ألا تزيد حصة إيران على 11 في المئة من العائدات.", "expected"),   # a demand, bounded
    ("ولا تزيد حصة إيران على 11 في المئة من العائدات.", "asserted"),               # a bound, stated
])
def test_a_figure_someone_calculates_or_wants_is_not_the_authors(text, want):
    (ind,) = _records(text, "indicator")
    assert ind.certainty == want


def test_bilateral_talks_with_two_leaders_are_two_meetings():
    for text in ("أجرى الرئيس الروسي فلاديمير بوتين محادثات ثنائية مع زعماء إيران وقطر على هامش قمة منظمة شنغهاي للتعاون.",
                 "Putin held bilateral talks with Pezeshkian and Erdogan in Astana."):
        evs = [e for e in _records(text, "event") if e.type == "meeting"]
        assert len(evs) == 2 and all(len(e.participants) == 2 and "vladimir_putin" in e.participants for e in evs), text
    # a meeting of three stays one
    (ev,) = [e for e in _records("Putin met Pezeshkian and Erdogan in Tehran.", "event") if e.type == "meeting"]
    assert len(ev.participants) == 3


@pytest.mark.parametrize("text, etype, want", [
    # a verb the parser wrapped with a trailing "..., X reported" keeps the subject before it
    ("Iran's defence minister Aziz Nasirzadeh visited Moscow on Friday for arms talks, Russian media reported.", "visit",
     {("aziz_nasirzadeh", "visitor"), ("russia", "host")}),
    # «عندما كان وزيرا ...»: what the subject was is no subject; the name after the verb visits
    ("وحين كان سفيرا زار لافروف طهران في آذار 2019.", "visit", {("sergey_lavrov", "visitor"), ("iran", "host")}),
    # a «مع» phrase deep inside "on the sidelines of ..." is whom the subject met
    ("التقى وزير الخارجية الإيراني عباس عراقجي على هامش اجتماعات الجمعية العامة للأمم المتحدة في نيويورك مع نظيره "
     "الروسي سيرغي لافروف.", "meeting", {("abbas_araghchi", "participant"), ("sergey_lavrov", "participant")}),
    # "diplomats from the IAEA", «وفد من»: the body they come from is the visitor
    ("زار مفتشون من الوكالة الدولية للطاقة الذرية منشأة نطنز الإيرانية يوم الأحد.", "visit", {("iaea", "visitor"), ("iran", "host")}),
    # a state adjective on what is bought is who sells it
    ("كانت الهند تشتري النفط الإيراني قبل العقوبات.", "trade", {("india", "buyer"), ("iran", "seller")}),
    ("Egypt bought Russian wheat in March.", "trade", {("egypt", "buyer"), ("russia", "seller")}),
    # a person the tagger read as an adjective of «زيارة» is the visitor; «ل» of a purpose is no host
    ("ويبدو أن زيارة عراقجي فاتحة لمسار حوار روسي جديد.", "visit", {("abbas_araghchi", "visitor")}),
    ("وكانت زيارة لافروف مقدمة لمسار تفاوض إيراني جديد.", "visit", {("sergey_lavrov", "visitor")}),
])
def test_counterparts_the_tree_names_are_kept(text, etype, want):
    evs = [e for e in _records(text, "event") if e.type == etype]
    assert evs and _roles(evs[0]) == want, (text, [_roles(e) for e in evs])


@pytest.mark.parametrize("text, want", [
    ("قال رئيس شركة روستيخ سيرغي تشيميزوف إن بلاده قد تبيع طائرات لإيران، حسبما ذكرت وكالة تاس.", "reported"),
    ("وأكد لافروف أن موسكو تدعم طهران، بحسب المصدر ذاته.", "reported"),
    ("Lavrov said Moscow backed Tehran, the Interfax agency reported.", "reported"),
    ("Lavrov said Moscow backed Tehran.", "asserted"),
])
def test_a_statement_known_from_an_agency_is_reported(text, want):
    assert _certainties(text, "statement") == {want}


@pytest.mark.parametrize("text, etype, want", [
    ("Iran and Russia are preparing to trade with each other in their national currencies.", "trade", {"expected"}),
    ("اتفقت إيران وروسيا على توقيع اتفاقية لتوريد الغاز.", "signing", None),   # agreed to sign: not signed
])
def test_preparing_or_agreeing_to_act_is_a_plan(text, etype, want):
    assert _certainties(text, etype) == want


def test_an_unlinked_speaker_speaks_alone_not_the_state_in_his_title():
    (st,) = [e for e in _records("Trade between Iran and Russia will grow, said Pavel Sorokin, head of Russia's Grain Exporters Union.",
                                 "event") if e.type == "statement"]
    assert "russia" not in st.participants and len(st.participants) == 1


@pytest.mark.parametrize("text, etype, want", [
    # «بلاده», "his country": the country of the official named before it
    ("صرح وزير الدفاع الروسي أندريه بيلوسوف بأن بلاده سلمت إيران مقاتلات سوخوي.", "delivery",
     {("russia", "supplier"), ("iran", "recipient")}),
    ("Iran's foreign minister Abbas Araghchi said his country had received Su-35 jets from Russia.", "delivery",
     {("iran", "recipient"), ("russia", "supplier")}),
    ("وأعلن الرئيس الأمريكي جو بايدن أن بلاده فرضت عقوبات جديدة على إيران.", "sanction",
     {("united_states", "imposer"), ("iran", "target")}),
])
def test_his_country_is_the_country_of_the_official_before_it(text, etype, want):
    evs = [e for e in _records(text, "event") if e.type == etype]
    assert evs and _roles(evs[0]) == want, (text, [_roles(e) for e in evs])


def test_his_country_with_nobody_before_it_names_nobody():
    assert not [m for r in _records("وقالت إن بلاده ستواصل التعاون.", "event") for m in r.participants]


def test_a_withdrawal_from_a_named_deal_says_what_was_left():
    (ev,) = [e for e in _records("وأعلن الرئيس الأمريكي انسحاب بلاده من الاتفاق النووي مع إيران.", "event") if e.type == "withdrawal"]
    assert _roles(ev) == {("united_states", "withdrawing")} and ev.agreement and "Joint Comprehensive" in ev.label


def test_a_place_the_parser_fused_into_a_delegation_is_no_visitor():
    for text in ("زار وفد من شركة روساتوم طهران في أيار.", "زار وفد من مجموعة غازبروم إيران في أيار."):
        assert not any(("iran", "visitor") in _roles(e) for e in _records(text, "event")), text


def test_not_carrying_out_a_contract_does_not_deny_the_contract():
    text = ("وقعت روسيا وإيران عقدا لتوريد منظومات إس-300.\n\n"
            "وقال مصدر روسي يوم الأربعاء إن موسكو لم تبدأ تنفيذ العقد الذي وقع عام 2007 بقيمة 800 مليون دولار.")
    (ag,) = _records(text, "agreement")
    assert [str(e.certainty) for e in ag.evidence] == ["asserted", "asserted"]


def test_a_weak_name_after_a_title_and_its_nisba_is_the_person():
    (st,) = [e for e in _records("وقال الرئيس الإيراني رئيسي إن العلاقات مع روسيا تتطور.", "event") if e.type == "statement"]
    assert st.participants == ["ebrahim_raisi"]
    assert not any("ebrahim_raisi" in e.participants for e in _records("ويعد المحور الإيراني رئيسي في هذه الخطة.", "event"))


def test_a_signing_is_labelled_by_its_agreement_alone():
    (ev,) = [e for e in _records("وقع وزير النفط الإيراني بيجن زنكنه ونظيره الروسي ألكسندر نوفاك اتفاقا نفطيا بين البلدين.", "event")
             if e.type == "signing"]
    # a name the parser cut («زنكن» + «ه») keeps the counterpart coordinated after it among the signatories
    assert set(ev.participants) == {"bijan_zanganeh", "alexander_novak"}
    assert ev.label.endswith("agreement") and " oil" not in ev.label, ev.label


def test_the_talks_held_and_the_summit_to_come_stay_two_events():
    text = ("التقى بوتين بالمرشد الإيراني خامنئي في طهران يوم 19 تموز 2022 قبيل قمة مرتقبة مع الرئيسين الإيراني رئيسي "
            "والتركي أردوغان.")
    evs = [e for e in _records(text, "event") if e.type == "meeting"]
    held = [e for e in evs if e.certainty == "asserted"]
    assert held and all("recep_tayyip_erdogan" not in e.participants for e in held), [(e.participants, e.certainty) for e in evs]


def test_a_last_conjunct_the_parser_cut_off_still_meets():
    (ev,) = [e for e in _records("واجتمع في أنقرة الرئيس التركي رجب طيب أردوغان والرئيس الروسي، فلاديمير بوتين، "
                                 "والرئيس الإيراني إبراهيم رئيسي.", "event") if e.type == "meeting"]
    assert {"recep_tayyip_erdogan", "vladimir_putin", "ebrahim_raisi"} <= set(ev.participants), ev.participants


def test_threatening_to_use_sanctions_imposes_none():
    assert _certainties("The Treasury threatened to use sanctions against Iran if it sent missiles to Russia.", "sanction") == {"expected"}


def test_a_plan_governs_what_it_plans_in_arabic_too():
    assert _certainties("وأعلنت موسكو إلغاءها خططا لتزويد طهران بمقاتلات سوخوي.", "delivery") != {"reported"}


def test_a_month_named_in_both_calendars_without_brackets_is_one_date():
    from irkg.loaders.dates import find_dates_in_key
    from irkg.loaders.arabic import match_key_aligned
    text = "ستبدأ الزيارة في 12 آذار مارس المقبل."
    key, pos = match_key_aligned(text)
    got = find_dates_in_key(text, key, pos, "2001-02-17")
    assert [(m.surface, m.value) for m in got] == [("12 آذار مارس", "2001-03-12")]


@pytest.mark.parametrize("text, what", [
    ("The treaty was hailed at a three-day summit between Iran and Russia.", "duration of the talks"),
    ("The 20-year treaty between Iran and Russia was signed in January.", "term of the agreement"),
])
def test_a_length_written_onto_a_noun_is_that_nouns(text, what):
    (ind,) = _records(text, "indicator")
    assert ind.what == what


def test_a_dual_adjective_counts_nothing_more():
    inds = _records("أرسلت البحرية الروسية سفينتين حربيتين قاذفتين للصواريخ إلى ميناء بندر عباس الإيراني.", "indicator")
    assert [i.unit for i in inds] == ["ships"]


def test_a_figure_in_an_aside_between_dashes_is_the_authors():
    (ind,) = _records("Moscow denied claims that the reactor deal -- a contract worth about $1 billion -- would help Iran build "
                      "nuclear arms.", "indicator")
    assert ind.certainty == "asserted"


@pytest.mark.parametrize("text, want", [
    ("ستوقع إيران وروسيا اتفاقية للتعاون في مجال الطاقة الشهر المقبل.", "expected"),   # the signing verb is to come
    ("لم توقع إيران وروسيا اتفاقية للتعاون العسكري.", "denied"),
    ("وقعت إيران وروسيا اتفاقية للتعاون العسكري.", "asserted"),
])
def test_an_agreement_takes_the_mood_of_the_verb_that_makes_it(text, want):
    (ag,) = _records(text, "agreement")
    assert ag.certainty == want


@pytest.mark.parametrize("text, want", [
    ("Western officials have not seen signs that Russia bought Iranian drones.", {"denied"}),
    ("There is no evidence that Russia bought Iranian drones.", {"denied"}),
    ("Western officials have seen signs that Russia bought Iranian drones.", {"reported"}),
])
def test_no_signs_that_it_happened_deny_it(text, want):
    assert _certainties(text, "delivery") == want


def test_an_authors_aside_reports_nothing():
    assert _certainties("والجدير بالذكر أن روسيا سلمت إيران منظومة إس-300 عام 2016.", "delivery") == {"asserted"}


def test_the_issuer_of_a_statement_speaks_in_it():
    (st,) = [e for e in _records("وأصدر مجلس الشورى الإيراني بيانا أعلن فيه تأييد حسن روحاني، نجل رجل الدين الراحل، لمنصب "
                                 "الرئاسة.", "event") if e.type == "statement"]
    assert "hassan_rouhani" not in st.participants, st.participants


def test_who_signed_with_her_president_is_the_one_the_sentence_is_about():
    (ev,) = [e for e in _records("وأكد بوتين دعمه لمشاريع الطاقة في إيران التي وقع مع رئيسها حسن روحاني، أمس، اتفاقية للتعاون.",
                                 "event") if e.type == "signing"]
    assert {"vladimir_putin", "hassan_rouhani"} <= set(ev.participants), ev.participants


def test_his_visit_in_a_relative_clause_is_the_speakers():
    (ev,) = [e for e in _records("وقال الرئيس الإيراني إبراهيم رئيسي إن الطاقة من الملفات التي سيبحثها خلال زيارته لموسكو.",
                                 "event") if e.type == "visit"]
    assert ("ebrahim_raisi", "visitor") in _roles(ev)


def test_who_votes_to_impose_sanctions_imposes_them():
    (ev,) = [e for e in _records("وصوت مجلس الأمن الدولي بالإجماع على فرض عقوبات على إيران.", "event") if e.type == "sanction"]
    assert _roles(ev) == {("unsc", "imposer"), ("iran", "target")}


def test_a_connective_before_an_event_phrase_keeps_its_arguments():
    (ev,) = [e for e in _records("تدهورت الصلات بين موسكو والعواصم الأوروبية، الذي فاقمته أولا مسألة الحدود في العام 2014 ومن ثم "
                                 "الغزو الروسي لأوكرانيا في العام 2022، بالكرملين إلى البحث عن حلفاء.",
                                 "event") if e.type == "invasion"]
    assert _roles(ev) == {("russia", "invader"), ("ukraine", "invaded")} and ev.date == "2022"


def test_with_the_participation_of_names_participants():
    (ev,) = [e for e in _records("أعلنت روسيا استضافتها مناورات بحرية بمشاركة إيران والصين في بحر البلطيق.", "event")
             if e.type == "exercise"]
    assert {"russia", "iran", "china"} <= set(ev.participants), ev.participants


def test_a_visit_of_a_city_with_its_visitor_named_is_a_visit_to_it():
    (ev,) = [e for e in _records("يقوم وزير الخارجية الروسي سيرغي لافروف يوم غد الاثنين بزيارة طهران لإجراء محادثات.", "event")
             if e.type == "visit"]
    assert _roles(ev) == {("sergey_lavrov", "visitor"), ("iran", "host")} and ev.place == "tehran"
    # "tomorrow, Monday" in a text of Sunday 1 June: the next day, still to come (not the last Monday)
    assert ev.date == "2025-06-02" and ev.certainty == "expected"


def test_he_names_nobody_when_the_sentence_before_named_its_subject_late():
    text = ("Kozlov, the Russian envoy, held talks with his Iranian counterpart Ali Shamkhani in Tehran.\n\n"
            "He was due to meet President Mohammad Khatami later.")
    (ev,) = [e for e in _records(text, "event") if e.certainty == "expected" and e.type == "meeting"]
    assert "ali_shamkhani" not in ev.participants, ev.participants


def test_a_place_deep_inside_an_agreement_is_not_where_it_was_signed():
    (ev,) = [e for e in _records("وقعت روسيا وإيران مذكرة تفاهم للتعاون في إنشاء محطات كهرباء في إيران.", "event")
             if e.type == "signing"]
    assert ev.place is None


def test_a_statement_not_issued_is_no_export():
    assert not _records("لم تصدر وزارة الدفاع الروسية بيانًا رسميًا حول صفقة الطائرات.", "event")


def test_a_withdrawal_from_it_leaves_the_deal_named_before():
    (ev,) = [e for e in _records("تحاول أوروبا إنقاذ الاتفاق النووي الإيراني بعد انسحاب الولايات المتحدة منه.", "event")
             if e.type == "withdrawal"]
    assert ev.agreement and "Joint Comprehensive" in ev.label


def test_a_satellite_launched_for_a_state_is_that_states():
    (ev,) = [e for e in _records("A Russian Soyuz rocket launched an Iranian remote-sensing satellite into orbit.", "event")
             if e.type == "launch"]
    assert ("iran", "customer") in _roles(ev) and ("russia", "launcher") in _roles(ev)


@pytest.mark.parametrize("text, etype", [
    ("Experts estimate that Egypt purchased 3 mln tonnes of Russian grain last season.", "trade"),
    ("ونوه إلى أن واشنطن تفرض عقوبات غير قانونية على روسيا.", "sanction"),
])
def test_an_estimate_or_a_remark_reports(text, etype):
    assert _certainties(text, etype) == {"reported"}


def test_what_is_announced_is_its_object_not_a_purpose_after_it():
    evs = _records("أعلنت وزارة الخارجية الروسية، اليوم الاثنين، وصول الوزير سيرغي لافروف إلى طهران، لإجراء محادثات مع المسؤولين.",
                   "event")
    assert not any(e.type == "meeting" and "russia_foreign_ministry" in e.participants for e in evs)


def test_a_visit_of_a_president_named_by_title_is_his():
    (ev,) = [e for e in _records("وقال لافروف إن الزيارة المرتقبة للرئيس الإيراني إلى موسكو مهمة.", "event") if e.type == "visit"]
    assert _roles(ev) == {("iran", "visitor"), ("russia", "host")}


def test_a_weekday_of_a_future_act_is_the_coming_one():
    doc = read_text("own.txt", "On Tuesday, Lavrov will arrive in Tehran for talks.\n").model_copy(update={"published": "2011-01-17"})
    (ev,) = [r for r in extract_document(doc).records if r.kind == "event" and r.type == "visit"]
    assert ev.date == "2011-01-18" and ev.certainty == "expected"


@pytest.mark.parametrize("text, want", [
    ("Putin was going to visit Tehran in March, but the trip was postponed.", {"expected"}),
    ("بحث الرئيس الإيراني حسن روحاني في اتصال هاتفي أجراه مع نظيره الروسي فلاديمير بوتين التعاون الثنائي.", {"asserted"}),
])
def test_was_going_to_is_a_plan_and_a_call_discussed_in_was_held(text, want):
    evs = {e.certainty for e in _records(text, "event") if e.type in ("visit", "meeting")}
    assert evs == want



def test_a_name_the_parser_split_after_a_death_noun_is_who_died():
    (ev,) = [e for e in _records("وقيل إن ذلك بسبب وفاة الرئيس إبراهيم رئيسي في مايو 2024، إضافة إلى عوامل أخرى.", "event")
             if e.type == "death"]
    assert _roles(ev) == {("ebrahim_raisi", "victim")}


@pytest.mark.parametrize("text", ["Iran and Russia struck a deal on vaccine supplies.", "Moscow and Tehran struck a new oil deal."])
def test_striking_a_deal_is_no_strike(text):
    assert _certainties(text, "strike") is None


@pytest.mark.parametrize(("text", "want"), [
    # a participle or a copula and participle after the sanctions noun says on whom and by whom they are imposed
    ("تراجع التبادل بسبب العقوبات المفروضة على إيران من الأمم المتحدة.", {("iran", "target"), ("un", "imposer")}),
    ("ألغيت الصفقة في ظل العقوبات التي كانت مفروضة على إيران.", {("iran", "target")}),
    ("The sanctions imposed on Iran by the UN hurt its trade.", {("iran", "target"), ("un", "imposer")}),
    # a bare «من» on the noun is partitive: three of Iran's generals are targets, not imposers
    ("فرض الاتحاد الأوروبي عقوبات على شركة إيرانية وثلاثة من جنرالات القوات المسلحة الإيرانية.",
     {("european_union", "imposer")}),
])
def test_sanctions_take_their_parties_from_an_imposing_participle(text, want):
    roles = set().union(*({(r.actor, r.role) for r in e.roles} for e in _records(text, "event") if e.type == "sanction"))
    assert want <= roles and not any(role == "imposer" and actor not in {a for a, _ in want} for actor, role in roles)


@pytest.mark.parametrize(("text", "want"), [
    # economic sanctions limit trade; the programme they answer is their reason, not something they are said to limit
    ("وقعت طهران وموسكو اللتان تواجهان حظرا اقتصاديا من الولايات المتحدة اتفاقا.", "trade"),
    ("أعلن استئناف العمل بجميع العقوبات التي فرضت على طهران بسبب برنامجها النووي.", None),
    # what the sanctions include says what they limit
    ("The Council voted to impose new sanctions on Iran, including a ban on its arms exports and an asset freeze.", "arms"),
])
def test_the_field_sanctions_limit_comes_from_their_own_words(text, want):
    cons = [c for c in _records(text, "constraint") if c.factor_kind == "sanctions"]
    assert [c.constrains for c in cons] == ([want] if want else [])


def test_sanctions_whose_field_is_named_only_in_another_clause_limit_nothing():
    assert not _records("After the new US sanctions on Iran, the two sides agreed to expand military cooperation.", "constraint")


@pytest.mark.parametrize(("text", "factor", "field"), [
    ("Russia signed the contract despite restrictions on arms sales to Iran.", "restrictions on arms sales to Iran", "arms"),
    ("فرضت الولايات المتحدة حظرا على بيع الأسلحة إلى إيران.", "حظرا على بيع الأسلحة إلى إيران", "arms"),
])
def test_a_ban_named_as_a_noun_is_the_factor(text, factor, field):
    cons = _records(text, "constraint")
    assert [(c.factor, c.constrains) for c in cons if c.factor_kind == "measure"] == [(factor, field)]


def test_a_ban_on_proliferation_is_no_constraint_on_cooperation():
    assert not _records("وقال الرئيس الروسي إن بلاده تدعم جهود حظر انتشار الأسلحة النووية في المنطقة.", "constraint")


@pytest.mark.parametrize(("text", "factor", "field", "cert"), [
    # «وهو ما قوبل بمعارضة»: what meets the opposition is the clause before the relative pronoun
    ("وتحدثت الصحف عن اتفاق تصدر بموجبه إيران النفط إلى روسيا، وهو ما قوبل بمعارضة الولايات المتحدة.",
     "opposition from United States", "energy", "asserted"),
    # the copula's subject is against what follows the cue
    ("The West and the United States are absolutely against a Russian energy corridor through Iran.",
     "opposition from the West and United States", "energy", "asserted"),
    # yielding to pressure: the pressure bears on the one who yields, and is as sure as the accusation
    ("Iran accused Russia of caving in to US pressure over its nuclear program.",
     "pressure from United States", "nuclear_programme", "alleged"),
    # a group of states named by a noun («الغربيين») fears what its relative clause says
    ("لكن البروتوكول أثار مخاوف الغربيين الذين يشتبهون في أن طهران تسعى إلى امتلاك القنبلة الذرية.",
     "fears in the West", "nuclear_programme", "asserted"),
])
def test_opposition_pressure_and_fears_of_third_parties(text, factor, field, cert):
    cons = _records(text, "constraint")
    assert [(c.factor, c.constrains, c.certainty) for c in cons] == [(factor, field, cert)]


def test_fears_with_no_field_named_are_no_constraint():
    assert not _records("The meeting of the two presidents raised fears in the United States and Israel.", "constraint")


def test_talks_held_at_a_summit_are_an_event_of_their_own():
    # the summit word right before the talks names where they were held, not the same event twice
    meets = [e for e in _records("وأجرى بوتين على هامش القمة محادثات مهمة مع الرئيس الإيراني محمود أحمدي نجاد.", "event")
             if e.type == "meeting"]
    assert [set(e.participants) for e in meets] == [{"vladimir_putin", "mahmoud_ahmadinejad"}]


@pytest.mark.parametrize(("text", "parties"), [
    # the subject between the verb and «على»: what they agreed on is an agreement of the subject's parties
    ("واتفقت إيران وروسيا على تشكيل لجنة فنية مشتركة لدراسة المشاريع.", {"iran", "russia"}),
    ("اتفقت قطر وإيران وروسيا على إنشاء ترويكا للغاز.", {"qatar", "iran", "russia"}),
    # a memorandum with no "of understanding" is signed as one
    ("Russia and Iran signed a strategic memorandum on gas supplies.", {"iran", "russia"}),
    ("وقعت روسيا وإيران مذكرة استراتيجية بشأن إمدادات الغاز.", {"iran", "russia"}),
])
def test_agreements_from_an_agreeing_verb_apart_from_its_object_and_from_a_memorandum(text, parties):
    assert [set(a.parties) for a in _records(text, "agreement")] == [parties]


@pytest.mark.parametrize("text", [
    "لم تتفق إيران وروسيا على تقاسم ثروات بحر قزوين.",  # not agreed
    "وسلمت الخارجية الإيرانية السفير الروسي مذكرة احتجاج على البيان.",  # a protest note is no memorandum
])
def test_no_agreement_from_a_denied_agreeing_verb_or_a_protest_note(text):
    assert not _records(text, "agreement")


@pytest.mark.parametrize("text", [
    "The Russian embassy in Tehran publicly contradicted Iranian claims about the satellite.",
    "وهددت إيران بملاحقة روسيا قضائيا بسبب عدم تنفيذ الصفقة.",
    "Moscow is seeking to gradually limit Iran's footprint in Syria.",
])
def test_contradicting_threatening_or_containing_the_other_side_is_a_friction(text):
    fr = _records(text, "friction")
    assert fr and set(fr[0].parties) == {"iran", "russia"}


def test_a_threat_against_a_third_state_is_no_friction_of_the_pair():
    assert not _records("Iran threatened to attack Israel, and Russia called for restraint.", "friction")


def test_measures_taken_against_a_side_are_sanctions_by_who_takes_them_limiting_what_they_answer():
    text = "The United States and the European Union have taken measures against Iran for transferring ballistic missiles to Russia."
    sanctions = [e for e in _records(text, "event") if e.type == "sanction"]
    assert [{(r.actor, r.role) for r in e.roles} for e in sanctions] == [
        {("united_states", "imposer"), ("european_union", "imposer"), ("iran", "target")}]
    assert [c.constrains for c in _records(text, "constraint")] == ["arms"]


@pytest.mark.parametrize(("text", "factor", "field"), [
    # a cancellation with its reason: the reason limits what was cancelled (the reason inside the noun's phrase too)
    ("أعلن الرئيس الروسي إلغاء تسليم صواريخ إس-300 إلى إيران تطبيقا لقرار جديد صادر عن مجلس الأمن.",
     "قرار جديد صادر عن مجلس الأمن", "arms"),
    ("وتم توقيف بيع المنظومة الصاروخية إلى إيران في ظل العقوبات الدولية المفروضة عليها.",
     "العقوبات الدولية المفروضة عليها", "arms"),
])
def test_a_halt_with_its_reason_is_a_constraint_named_without_its_marker(text, factor, field):
    cons = _records(text, "constraint")
    assert (factor, field) in [(c.factor, c.constrains) for c in cons]


def test_a_halt_with_no_reason_is_no_constraint():
    assert not _records("ألغت روسيا صفقة الصواريخ مع إيران.", "constraint")


def test_a_ban_in_a_condition_names_the_measure_not_the_clause_after_it():
    cons = _records("وقالت واشنطن إنها تشترط حظر بيع الأسلحة إلى إيران ويقتصر التعاون مع روسيا على المجال المدني.", "constraint")
    assert [(c.factor, c.constrains) for c in cons] == [("حظر بيع الأسلحة إلى إيران", "arms")]
    # the pair's own bloc banning outsiders limits nothing of the pair's
    assert not _records("وقال الرئيس حسن روحاني إن الدول الخمس تشترط حظر وجود قوات مسلحة أجنبية ويقتصر أي نشاط بحري "
                        "على أعلامها.", "constraint")


@pytest.mark.parametrize("text", [
    "بعدما فعّلت ألمانيا وفرنسا وبريطانيا آلية الزناد المنصوص عليها في اتفاق 2015.",
    "Britain, France and Germany triggered the snapback mechanism against Iran.",
])
def test_whoever_triggers_the_snapback_imposes_nothing_yet(text):
    imposers = {r.actor for e in _records(text, "event") if e.type == "sanction" for r in e.roles if r.role == "imposer"}
    assert imposers == set()


def test_curly_quotes_around_an_event_noun_are_punctuation_to_the_arabic_parser():
    # the tagger read “ as a verb and made it the noun's governor, hiding the verb that carries it
    text = "بعدما فرضت ألمانيا وفرنسا وبريطانيا “عقوبات جديدة” على إيران في أكتوبر."
    imposers = {r.actor for e in _records(text, "event") if e.type == "sanction" for r in e.roles if r.role == "imposer"}
    assert imposers == {"united_kingdom", "france", "germany"}


def test_the_pronoun_after_a_definite_participle_is_the_thing_not_who_acts():
    # «الكمية المخطط تسليمها»: "the quantity planned for delivery" — «ها» is the quantity, so Iran supplies nothing
    recs = _records("أعلن روغوزين أن إيران تسلمت نصف الكمية المخطط تسليمها من منظومة أس-300.", "event")
    assert not [(r.actor, r.role) for e in recs if e.type == "delivery" for r in e.roles if r.role == "supplier"]


@pytest.mark.parametrize(("text", "etype", "roles"), [
    # UAVs are what a delivery hands over, as drones are
    ("Since 2022, Iran has provided hundreds of UAVs to Russia for its war against Ukraine.", "delivery",
     {("iran", "supplier"), ("russia", "recipient")}),
    # whose trade it is takes part in it
    ("Iran's trade with Russia has grown since 2022.", "trade", {("iran", "participant"), ("russia", "participant")}),
])
def test_uavs_are_deliverable_and_the_possessor_of_trade_takes_part(text, etype, roles):
    assert [{(r.actor, r.role) for r in e.roles} for e in _records(text, "event") if e.type == etype] == [roles]


def test_undated_agreements_of_one_pair_on_different_things_stay_apart():
    text = ("اتفقت موسكو وطهران على تسليم مفاعلين لمحطة بوشهر. "
            "وفي وقت لاحق اتفق البلدان على استخدام العملات الوطنية في التبادل التجاري.")
    assert len({a.id for a in _records(text, "agreement")}) == 2


@pytest.mark.parametrize(("text", "etype"), [
    # "any"/«أي» names a kind of event, none that took place or is planned (judged wrong as an expected event)
    ("Vladimir Putin issued a warning on Tuesday against any attack on Iran.", "attack"),
    ("The veto powers could block any new sanctions on Iran at the Security Council.", "sanction"),
    ("وحذر بوتين من أي هجوم عسكري على إيران.", "attack"),
])
def test_any_event_of_a_kind_is_no_event(text, etype):
    assert not [e for e in _records(text, "event") if e.type == etype]


@pytest.mark.parametrize(("text", "etype", "want"), [
    # what a purpose is "of" has the purpose and is taken as given, not planned
    ("وقال الرئيس خاتمي للصحفيين قبيل مغادرته طهران إن الهدف من زيارته لموسكو هو التأكيد على السلام.", "visit", {"asserted"}),
    # what someone is involved in is taken as done, whatever is sought against them
    ("وتسعى واشنطن إلى فرض عقوبات على جهات متورطة في نقل الأسلحة الإيرانية إلى روسيا.", "delivery", {"asserted"}),
    # efforts to buy are a plan, not a purchase
    ("وتحدثت تقارير عن مساعي روسية لشراء سلاح من كوريا الشمالية.", "delivery", {"expected"}),
])
def test_purpose_involvement_and_efforts_scope_certainty(text, etype, want):
    assert _certainties(text, etype) == want


@pytest.mark.parametrize(("text", "want"), [
    # sanctions a relative clause says someone is trying to push through are proposed, not in force
    ("انتقد الرئيس الإيراني روسيا لدعمها العقوبات على إيران والتي تحاول الولايات المتحدة طرحها على التصويت.", {"expected"}),
    # what one hopes to fend off has not happened
    ("Iran is seeking Russian help in fending off new UN sanctions on Iran.", {"expected"}),
    # a relative clause that reports them leaves them in force
    ("فرضت الولايات المتحدة العقوبات التي أعلنت عنها على إيران.", {"asserted"}),
])
def test_sanctions_tried_for_or_fended_off_are_proposals(text, want):
    assert _certainties(text, "sanction") == want


def test_an_agreement_reached_apart_from_its_verb_is_named_by_what_was_agreed():
    recs = _records("اتفقت قطر وإيران وروسيا، أمس، على إنشاء ترويكا هدفها تشجيع مشاريع الغاز.", "agreement")
    assert [r.names[0] for r in recs] == ["إنشاء ترويكا هدفها تشجيع مشاريع الغاز"]


@pytest.mark.parametrize(("text", "kind", "want"), [
    # a source named after the verb at the end of the sentence reports all of it
    ("But Putin and his Iranian counterpart Khatami failed to resolve a long-standing dispute over Caspian oil, said AFP.",
     "friction", "reported"),
    # pressure that demanded the limit stands as firmly as the demanding
    ("لكن روسيا انضمت في 2015 إلى الضغوط الغربية التي طالبت طهران بتقييد برنامجها النووي.", "constraint", "asserted"),
])
def test_sources_after_the_verb_and_demanded_limits(text, kind, want):
    assert [r.certainty for r in _records(text, kind)] == [want]


def test_what_a_relative_clause_on_the_opponent_says_is_not_what_it_opposes():
    cons = _records("وتحدثت الصحافة عن اتفاق تصدر بموجبه إيران النفط إلى موسكو، وهو ما قوبل بمعارضة الولايات المتحدة "
                    "التي رأت أنه يتعارض مع قرار الأمم المتحدة بسبب البرنامج النووي الإيراني.", "constraint")
    assert [c.constrains for c in cons if c.factor.startswith("opposition")] == ["energy"]


@pytest.mark.parametrize(("text", "unit"), [
    # a measure called annual counts its money per year
    ("وأشار الوزير إلى أن القيمة المالية السنوية لهذا العقد مع روسيا تبلغ 12 مليار دولار.", "USD per year"),
    ("The annual value of the Russian gas contract with Iran is $12 billion.", "USD per year"),
    ("The value of the Russian gas contract with Iran is $12 billion.", "USD"),
])
def test_an_annual_measure_is_money_per_year(text, unit):
    assert [i.unit for i in _records(text, "indicator") if i.value == 12e9] == [unit]


def test_a_demanded_share_stands_as_a_demand():
    inds = _records("فإيران تطالب بخمس العائدات النفطية في بحر قزوين، أي 20 في المئة من مجملها.", "indicator")
    assert inds and all(i.what.endswith("demanded") and i.certainty == "asserted" for i in inds if i.value == 20)


def test_what_an_agreement_centres_on_is_a_term_to_come_not_an_event_held():
    text = ("وتكشف الوثيقة التي نشرها الكرملين أن جوهر الاتفاق يتمحور حول تطوير التعاون العسكري، "
            "بما في ذلك التدريبات المشتركة بين القوات الروسية والإيرانية.")
    assert _certainties(text, "exercise") in (None, {"expected"})


@pytest.mark.parametrize(("text", "target"), [
    # sanctions that are the cause of what befell a state bear on that state
    ("كذلك تعرضت إيران للعزل منذ سنوات عن النظام المالي الدولي بسبب العقوبات الدولية والأمريكية.", {"iran"}),
    ("Iran was cut off from SWIFT because of US sanctions.", {"iran"}),
    # who acts because of them is not who is sanctioned
    ("Russia halted the deal with Iran because of US sanctions.", set()),
])
def test_sanctions_named_as_the_cause_of_what_befell_a_state_target_it(text, target):
    got = {r.actor for e in _records(text, "event") if e.type == "sanction" for r in e.roles if r.role == "target"}
    assert got == target


def test_a_share_keeps_the_whole_it_is_of_and_figures_credited_to_their_source_are_reported():
    text = ("لكن أرقام غرفة التجارة تشير إلى أن حجم التجارة الثنائية بين إيران وروسيا لم يتجاوز 1.1 مليار دولار، "
            "أي ما يعادل 4.5 في المائة فقط من إجمالي التجارة الخارجية غير النفطية لإيران.")
    inds = {i.value: i for i in _records(text, "indicator")}
    assert inds[4.5].about.endswith("من إجمالي التجارة الخارجية غير النفطية لإيران")
    assert {i.certainty for i in inds.values()} == {"reported"}


@pytest.mark.parametrize(("text", "roles"), [
    # a city right after a verb of visiting is where one goes, never the visitor
    ("بعد 18 عاما على رسالة الخميني إلى غورباتشوف: بوتين أول رئيس روسي يزور طهران", {("iran", "host")}),
    # a visit announced by an ambassador is the visit of whom the «ل» phrase names, not the announcer's
    ("أعلن السفير الإيراني لدى موسكو عن زيارة مرتقبة لديمتري روغوزين نائب رئيس الوزراء الروسي إلى طهران.",
     {("dmitry_rogozin", "visitor")}),
])
def test_no_reversed_visit_from_a_city_subject_or_an_announcer(text, roles):
    visits = [e for e in _records(text, "event") if e.type == "visit"]
    # (a visit whose visitor the tree does not give is no fact at all: none is fine, a reversed one is not)
    assert all({(r.actor, r.role) for r in e.roles} <= roles | {("iran", "host")} for e in visits)
    assert visits or not any(role == "visitor" for _, role in roles)
    assert not any(r.role == "visitor" and r.actor == "iran" for e in visits for r in e.roles)


@pytest.mark.parametrize("text", [
    "أعلن نائب رئيس الوزراء الروسي أن بلاده حصلت على دفعة مقدمة من إيران لتوريد أجزاء من منظومة إس-300.",
    "Russia received an advance payment from Iran for S-300 parts.",
])
def test_a_payment_received_for_a_supply_is_no_delivery(text):
    assert not [e for e in _records(text, "event") if e.type == "delivery"]



def test_next_year_makes_an_event_to_come_whatever_the_tense_the_tagger_read():
    # «قد تسلّم» read as a past verb, in a text with no date at all: "next year" in its clause still makes it a plan
    doc = read_text("own.txt", "وتشير تقارير إلى أن روسيا قد تسلّم إيران مقاتلات سوخوي-35 العام المقبل.\n")
    dl = [r for r in extract_document(doc).records if r.kind == "event" and r.type == "delivery"]
    assert [(d.certainty, d.date) for d in dl] == [("expected", None)]


@pytest.mark.parametrize(("text", "etype", "want"), [
    # "will not hesitate to impose": a threat, sanctions to come
    ("وأعلنت السلطات الأميركية أنها لن تتردد في فرض عقوبات على كل الضالعين في نقل المسيرات.", "sanction", {"expected"}),
    # reports of agreeing to supply: a supply to come
    ("Some media reports spoke about Russia agreeing to supply Iran with the S-300 missile batteries.", "delivery", {"expected"}),
    # a class of states under sanctions is a rule, no sanctions
    ("Russia said countries under U.N. sanctions could not join the Shanghai Cooperation Organisation.", "sanction", None),
    ("وقالت روسيا إن الدول الخاضعة للعقوبات الأممية لا يمكنها الانضمام إلى المنظمة.", "sanction", None),
])
def test_threats_agreements_to_supply_and_rules_about_sanctioned_states(text, etype, want):
    assert _certainties(text, etype) == want


@pytest.mark.parametrize(("text", "etype", "want"), [
    # "never" stands outside the verb phrase in the tree: still the verb's negation
    ("Russia never delivered the S-300 systems to Iran.", "delivery", {"denied"}),
    ("Iran and Russia never signed a formal agreement on the presence of Russian jets at the base, the minister said.",
     "signing", {"denied"}),
    # «توقع» with a rise as its object expects, it signs nothing
    ("توقع المجلس الروسي، أمس الخميس، ارتفاع حجم الصادرات إلى 12 مليار دولار.", "signing", None),
    ("وقعت روسيا وإيران عقدا لبناء محطتين للطاقة.", "signing", {"asserted"}),
    # the setting of a decision is part of what the newspaper reports
    ("وذكرت صحيفة \"الغارديان\" البريطانية أن هذا القرار تم التوصل إليه الشهر الماضي في اتفاق بين طهران وموسكو.",
     "signing", None),
])
def test_never_negates_and_expecting_a_rise_signs_nothing(text, etype, want):
    assert _certainties(text, etype) == want


def test_an_agreement_in_a_newspapers_account_is_reported_and_one_never_signed_is_denied():
    got = _records("وذكرت صحيفة \"الغارديان\" البريطانية أن هذا القرار تم التوصل إليه الشهر الماضي في اتفاق بين "
                   "طهران والدول الست الكبرى.", "agreement")
    assert [a.certainty for a in got] == ["reported"]
    got = _records("Iran and Russia never signed a formal agreement on the presence of Russian jets at the base, "
                   "the minister said.", "agreement")
    assert [a.certainty for a in got] == ["denied"]


@pytest.mark.parametrize(("text", "etype", "want"), [
    # a condition states no event
    ("There will be consequences if Moscow withdrew from the commitment.", "withdrawal", None),
    ("If Russia delivers the S-400 to Iran, Israel will respond.", "delivery", None),
    # a report "about" preparing a shipment, which Iran denies: the shipment is denied, not done
    ("إيران تنفي تقريرا بشأن التحضير لإرسال صواريخ باليستية إلى روسيا", "delivery", {"denied"}),
    ("نشرت الوكالة تقريرا بشأن إرسال صواريخ باليستية إلى روسيا", "delivery", {"reported"}),
])
def test_conditions_state_no_event_and_a_denied_report_denies_what_it_reports(text, etype, want):
    assert _certainties(text, etype) == want


def test_a_leaders_administration_is_the_state_not_the_leader():
    from irkg.loaders.dictionaries import load_dictionaries
    from irkg.loaders.recognize import recognize
    from irkg.loaders.arabic import match_key
    from irkg.schema.pipeline import Passage

    text = "The Biden administration said Iran was preparing to send drones to Russia."
    got = recognize(Passage(doc="own", file="t.txt", idx=0, start=0, end=len(text), text=text, key=match_key(text)),
                    load_dictionaries())
    actors = [(m.ref, m.surface) for m in got if m.kind == "actor"]
    assert ("united_states", "Biden administration") in actors and not any(r == "joe_biden" for r, _ in actors)


@pytest.mark.parametrize("text", [
    "وتم توقيع الاتفاق أمس في طهران بحضور وزير الطاقة الروسي ألكسندر نوفاك.",
    "The deal was signed in Tehran in the presence of Russian Energy Minister Alexander Novak.",
])
def test_who_attends_a_signing_does_not_sign(text):
    assert not any(r.actor == "alexander_novak" for e in _records(text, "event") for r in e.roles)


def test_one_who_attends_and_visits_still_visits():
    text = "وتم توقيع الاتفاق أمس في طهران بحضور وزير الطاقة الروسي ألكسندر نوفاك الذي يزور طهران على رأس وفد كبير."
    visits = [e for e in _records(text, "event") if e.type == "visit"]
    assert any(r.actor == "alexander_novak" and r.role == "visitor" for e in visits for r in e.roles)


@pytest.mark.parametrize(("text", "want"), [
    ("تخطط روسيا وإيران لتعزيز تعاونهما في إطار شراكة استراتيجية رسمية.", []),
    ("قد يؤدي تشديد العقوبات إلى تعميق التحالف الاستراتيجي بين طهران وموسكو.", []),
    ("Russia and Iran are strategic partners.", ["strategic_partnership"]),
])
def test_a_planned_or_possible_partnership_is_no_characterization(text, want):
    assert [s.characterization for s in _records(text, "stance")] == want


@pytest.mark.parametrize(("text", "want"), [
    # a ban the pair's own bloc sets on outsiders limits nothing of theirs
    ("تشترط الدول الخمس المطلة على بحر قزوين حظر وجود قوات مسلحة أجنبية في البحر.", False),
    ("صوت مجلس الأمن على حظر صادرات الأسلحة الإيرانية.", True),
    # fears that a deal could raise are no limit yet; fears it raised are
    ("لكن نقطة في الاتفاق قد تثير مخاوف الغربيين من البرنامج النووي الإيراني.", False),
    ("أثار الاتفاق مخاوف الغربيين من البرنامج النووي الإيراني.", True),
])
def test_a_bans_and_fears_constraint_needs_the_pair_and_a_fear_that_exists(text, want):
    assert bool(_records(text, "constraint")) is want


def test_triggering_the_snapback_imposes_nothing_yet():
    # the three states start a procedure; the sanctions come back by the Security Council, later
    got = [e for e in _records("France, Germany and Britain triggered the snapback mechanism on Thursday.", "event")
           if e.type == "sanction"]
    assert not any(r.role == "imposer" for e in got for r in e.roles)


def test_the_two_sides_are_the_two_just_named_after_between():
    # in a text about Iran and Russia, «بين الجانبين» after «بين إسرائيل وروسيا» is Israel and Russia
    from irkg.loaders.arabic import match_key
    from irkg.loaders.dictionaries import load_dictionaries
    from irkg.loaders.extract import DocCtx, PassageCtx, resolve_pair_words
    from irkg.loaders.recognize import recognize
    from irkg.schema.pipeline import Passage

    dicts = load_dictionaries()
    texts = ["بحثت إيران وروسيا التعاون في سوريا.", "وقالت روسيا إن إيران شريك مهم.", "وأكدت إيران أن روسيا حليف.",
             "وذكرت القناة أن لقاءات بين إسرائيل وروسيا أسفرت عن اتفاق بين الجانبين على إبعاد القوات عن الحدود."]
    doc = read_text("own.txt", "\n".join(texts) + "\n")
    dc = DocCtx(doc, dicts)
    dc.pair_doc = True
    pcs = []
    for i, t in enumerate(texts):
        p = Passage(doc="own", file="own.txt", idx=i, start=0, end=len(t), text=t, key=match_key(t))
        pcs.append(PassageCtx(p, recognize(p, dicts, None), dc))
    resolve_pair_words(pcs, dc)
    last = pcs[-1]
    words = {m.ref for m in last.actors if "pair_word" in (m.flags or [])}
    assert words == {"israel", "russia"}


@pytest.mark.parametrize(("text", "etype", "want"), [
    # the source named before a trailing aside still names it
    ("Russia delivered two S-400 batteries to Iran, officials said, speaking on condition of anonymity.", "delivery",
     {"reported"}),
    # a saying told in the past was done, whatever the parser hung it on
    ("Iran expects Russia to supply it with five million tons of grain, including some wheat, Iranian Oil Minister "
     "Javad Owji told the semi-official news agency ISNA on Thursday.", "statement", {"asserted"}),
])
def test_sources_before_an_aside_and_past_sayings(text, etype, want):
    assert _certainties(text, etype) == want


def test_the_year_of_a_comparison_baseline_dates_nothing():
    text = "ارتفع التبادل التجاري بين روسيا وإيران بنسبة 12% في الأشهر السبعة الأولى من العام مقارنة بالفترة نفسها من عام 2024."
    assert [e.date for e in _records(text, "event") if e.type == "trade"] == [None]


def test_a_visit_needs_its_visitor():
    # «خلال زيارة لكازاخستان»: whose visit is not said, so there is no visit to record
    text = "ونقلت الوكالات عن نائب رئيس الشركة قوله خلال زيارة لكازاخستان إن المشروع ممكن."
    assert not [e for e in _records(text, "event") if e.type == "visit"]
    assert [e for e in _records("زار الرئيس الإيراني حسن روحاني موسكو أمس.", "event") if e.type == "visit"]


@pytest.mark.parametrize(("text", "roles"), [
    # «تسلم» unvowelled delivers or receives: another state's system, nobody named to receive it, is received
    ("وكانت الوكالة الرسمية قد ذكرت أمس أن طهران بدأت تسلم منظومة صواريخ الدفاع الجوي الروسية إس-300، وهو ما قالت "
     "إنه سيمكنها من صد أي هجوم جوي إسرائيلي أو أميركي.", {("iran", "recipient"), ("russia", "supplier")}),
    ("وقالت الوكالة إن روسيا تسلم إيران منظومة إس-300.", {("russia", "supplier"), ("iran", "recipient")}),
])
def test_an_unvowelled_tasallama_receives_another_states_system(text, roles):
    got = [e for e in _records(text, "event") if e.type == "delivery"]
    assert got and all(_roles(e) == roles for e in got)


@pytest.mark.parametrize(("text", "field"), [
    # payments of trade are a matter of finance: the longer name wins over the word "trade" inside it
    ("Western sanctions cut Iranian and Russian banks off SWIFT, hampering trade payments between the two countries.",
     "finance"),
    ("Western sanctions hampered trade between the two countries.", "trade"),
])
def test_trade_payments_are_finance(text, field):
    assert {c.constrains for c in _records(text, "constraint")} == {field}


@pytest.mark.parametrize(("text", "roles", "cert"), [
    # discussing with someone is meeting them: the subject and whom «مع» / "with" names
    ("وبحث لافروف مع نظيره الإيراني عباس عراقجي الملف النووي خلال لقاء في موسكو أمس.",
     {("sergey_lavrov", "participant"), ("abbas_araghchi", "participant")}, "asserted"),
    ("Putin discussed the nuclear file with Pezeshkian in Moscow on Monday.",
     {("vladimir_putin", "participant"), ("masoud_pezeshkian", "participant")}, "asserted"),
    # discussing with nobody named, or relations "with Iran" inside what is discussed: no meeting
    ("وبحثت الحكومة الإيرانية سبل تعزيز التعاون مع روسيا.", None, None),
    ("وبحث بوتين العلاقات مع إيران في اجتماع لمجلس الأمن الروسي.", None, None),
])
def test_discussing_with_someone_is_a_meeting(text, roles, cert):
    got = [e for e in _records(text, "event") if e.type == "meeting"]
    if roles is None:
        assert not got
    else:
        assert [(_roles(e), e.certainty) for e in got] == [(roles, cert)]


def test_western_sanctions_are_imposed_by_the_west():
    # «الغربية» names the West only right after sanctions or pressure; elsewhere it is a direction
    (e,) = [e for e in _records("فرضت عقوبات غربية جديدة على إيران عام 2012.", "event") if e.type == "sanction"]
    assert _roles(e) == {("the_west", "imposer"), ("iran", "target")}
    (c,) = _records("وأدت الضغوط الغربية إلى تأخير تسليم منظومة إس-300 إلى إيران.", "constraint")
    assert c.actors == ["the_west"] and c.constrains == "arms"
    strikes = [e for e in _records("وقصفت إسرائيل مواقع في الضفة الغربية.", "event") if e.type == "strike"]
    assert strikes and all("the_west" not in e.participants for e in strikes)


@pytest.mark.parametrize(("text", "roles"), [
    # «فرض واشنطن عقوبات»: the actor between the noun of imposing and the sanctions imposes them
    ("وجاء ذلك بعد فرض واشنطن عقوبات اقتصادية على إيران.", {("united_states", "imposer"), ("iran", "target")}),
    # "U.N. Security Council" is the Council, not the UN beside it
    ("The U.N. Security Council voted to impose new sanctions on Iran.", {("unsc", "imposer"), ("iran", "target")}),
])
def test_sanction_imposers_named_by_a_light_noun_or_a_dotted_name(text, roles):
    (e,) = [e for e in _records(text, "event") if e.type == "sanction"]
    assert _roles(e) == roles


@pytest.mark.parametrize(("text", "want"), [
    # pulling forces out is a withdrawal, and the state pulled out of is where it happened
    ("سحبت روسيا بعض قواتها من سوريا العام الماضي.", ({("russia", "withdrawing"), ("syria", "withdrawn_from")}, "syria")),
    ("Russia withdrew some of its troops from Syria last year.", ({("russia", "withdrawing"), ("syria", "withdrawn_from")}, "syria")),
    # pulling credentials, not forces: no withdrawal
    ("ودفع ذلك كييف لسحب أوراق اعتماد السفير الإيراني.", None),
])
def test_forces_pulled_out_of_a_state(text, want):
    got = [(_roles(e), e.place) for e in _records(text, "event") if e.type == "withdrawal"]
    assert got == ([want] if want else [])


@pytest.mark.parametrize(("text", "place"), [
    # «ب» before a place is "in"; before anything else (the weapons used) it names no place
    ("قصفت إسرائيل مواقع إيرانية بسوريا.", "syria"),
    ("قصفت إسرائيل مواقع إيرانية بصواريخ بعيدة المدى.", None),
])
def test_bi_before_a_place_is_where_a_strike_fell(text, place):
    (e,) = [e for e in _records(text, "event") if e.type == "strike"]
    assert e.place == place


def test_a_third_partys_measure_is_theirs_not_its_targets():
    text = ("وأعلن الرئيس الروسي إلغاء تسليم صواريخ إس-300 إلى إيران تطبيقا لقرار جديد صادر عن الأمم المتحدة لمعاقبة "
            "إيران على برنامجها النووي.")
    cons = _records(text, "constraint")
    assert cons and all("iran" not in c.actors for c in cons)


@pytest.mark.parametrize(("text", "etype", "want"), [
    # «يبدو أن» / "seems": the author's own hedge on the clause it governs
    ("ويبدو أن روسيا سلمت إيران طائرات ياك-130 الشهر الماضي.", "delivery", {"alleged"}),
    ("Russia seems to have delivered Yak-130 jets to Iran last month.", "delivery", {"alleged"}),
    # «بدأ» (began) looks like «بدا» once its hamza is dropped: no hedge
    ("وقد بدأ المسؤولون الروس بتسليم إيران طائرات ياك-130 الشهر الماضي.", "delivery", {"asserted"}),
    # what someone condemns is reported by them
    ("يدين الاتحاد الأوروبي تسليم الطائرات الإيرانية بدون طيار إلى روسيا.", "delivery", {"reported"}),
    # «بموجبه» right after the agreement word: an exchange the agreement sets out, even when only reported
    ("وتوصل البلدان إلى اتفاق تقوم بموجبه إيران بتصدير النفط إلى موسكو مقابل استيراد منتجات روسية.", "trade", {"expected"}),
    ("وتحدثت الصحافة عن توصل البلدين إلى اتفاق تقوم بموجبه إيران بتصدير النفط إلى موسكو مقابل استيراد منتجات روسية.",
     "trade", {"expected"}),
    # a claim its speaker calls false is denied; the same claim told without that word stays reported
    ("وقال وزير الخارجية الإيراني إن الادعاءات بأن إيران أرسلت صواريخ إلى روسيا كاذبة تماما.", "delivery", {"denied"}),
    ("وقال المسؤول الأوكراني إن إيران أرسلت صواريخ إلى روسيا.", "delivery", {"reported"}),
    # what a contract obliges one to do, or what one pledges, is to come
    ("The 2007 contract obliged Russia to supply five S-300 batteries to Iran.", "delivery", {"expected"}),
    # sanctions a draft resolution would impose are proposed; an adopted one imposes them
    ("Russia backed a draft UN resolution imposing new sanctions on Iran.", "sanction", {"expected"}),
    ("The UN Security Council adopted a resolution imposing new sanctions on Iran.", "sanction", {"asserted"}),
    # "Western sanctions" with nobody named under them: a regime talked of, no event to record
    ("وقال إن العقوبات الغربية غير قانونية.", "sanction", None),
    # a flow whose level moved is a measure, no delivery; a flow that arrived or began is one
    ("Russian gas supplies to Europe fell sharply because of the sanctions.", "delivery", None),
    ("وتراجعت إمدادات الغاز الروسي إلى أوروبا بسبب العقوبات.", "delivery", None),
    ("Russian arms deliveries to Iran began in 2023.", "delivery", {"asserted"}),
    # rejecting reports of a plan, or denying that a plan exists, denies what was planned
    ("ورفض وزير الخارجية الإيراني التقارير الغربية عن خطة لإرسال صواريخ باليستية إلى روسيا.", "delivery", {"denied"}),
    ("وكشفت الصحيفة عن خطة لتسليم مقاتلات سوخوي-35 إلى إيران.", "delivery", {"expected"}),
    # a meeting "not on the agenda" of the one who would hold it is denied
    ("Peskov said a meeting between Putin and Soleimani was not on the president's agenda.", "meeting", {"denied"}),
])
def test_certainty_read_off_the_words_that_govern_the_clause(text, etype, want):
    assert _certainties(text, etype) == want


def test_an_open_treaty_lists_only_the_states_the_mention_concerns():
    npt = [r for r in _records("Iran remains committed to the Non-Proliferation Treaty, its foreign minister said.", "agreement")
           if r.id == "agreement:npt"]
    assert npt and npt[0].parties == ["iran"] and npt[0].multilateral


def test_a_memorandum_signed_by_two_named_officials_is_theirs():
    # the parser reads «ليخاتشيف مذكرة» as one noun phrase; a name is no noun a memorandum is "of"
    text = ("وقع رئيس منظمة الطاقة الذرية الإيرانية محمد إسلامي ورئيس شركة روساتوم الروسية أليكسي ليخاتشيف "
            "مذكرة تفاهم للتعاون النووي في طهران.")
    mou = [r for r in _records(text, "agreement") if r.agreement_kind == "mou"]
    assert mou and set(mou[0].parties) == {"iran", "rosatom"}
    signing = [e for e in _records(text, "event") if e.type == "signing"]
    assert signing and set(signing[0].participants) == {"mohammad_eslami", "alexei_likhachev"}


@pytest.mark.parametrize(("text", "certainty"), [
    # a limit a term or an obligation sets is to be kept, not a level reached
    ("ويلزم الاتفاق المؤقت إيران بعدم تخصيب اليورانيوم بنسبة تزيد على 5 في المئة.", "expected"),
    ("وينص الاتفاق على ألا تتجاوز نسبة التخصيب 3.67 في المئة.", "expected"),
    ("Under the interim deal, Iran must not enrich uranium above 5 percent.", "expected"),
    # a level passed is a level reached
    ("Iran has enriched uranium to above 60 percent.", "asserted"),
])
def test_a_limit_set_by_terms_is_expected(text, certainty):
    (level,) = [r for r in _records(text, "indicator") if r.what == "enrichment level"]
    assert level.certainty == certainty


@pytest.mark.parametrize(("text", "certainty"), [
    # what is set to be signed is to come; «تم» passes the question on to what governs it
    ("ومن المقرر أن يتم خلال الزيارة توقيع اتفاقية للتعاون العسكري بين روسيا وإيران.", "expected"),
    ("وتم خلال الزيارة توقيع اتفاقية للتعاون العسكري بين روسيا وإيران.", "asserted"),
    ("An agreement on military cooperation between Russia and Iran is due to be signed during the visit.", "expected"),
])
def test_an_agreement_set_to_be_signed_is_expected(text, certainty):
    # the parties named "between" inside the agreement's own phrase are its parties
    (agr,) = _records(text, "agreement")
    assert set(agr.parties) == {"iran", "russia"} and agr.certainty == certainty


def test_an_agreement_talks_are_held_to_reach_is_sought():
    text = "وقال السفير إن إيران وشركة غازبروم الروسية تتشاوران حاليا للتوصل لاتفاق خاص بتطوير حقول الغاز في إيران."
    (agr,) = _records(text, "agreement")
    assert agr.certainty == "expected" and set(agr.parties) == {"iran", "gazprom"}


@pytest.mark.parametrize("text", ["وبعد ذلك اتفقت إيران وروسيا على مواصلة المشاورات.",
                                  "Iran and Russia agreed to continue consultations."])
def test_agreeing_to_go_on_talking_is_no_agreement(text):
    assert not _records(text, "agreement")


@pytest.mark.parametrize(("text", "stance"), [
    # a partnership to be signed is a document, not how the text describes the relationship
    ("Moscow and Tehran plan to bolster their ties with a “comprehensive strategic partnership” to be signed during the visit.", False),
    ("وتجمع إيران وروسيا شراكة استراتيجية.", True),
])
def test_a_partnership_to_be_signed_is_no_stance(text, stance):
    assert bool(_records(text, "stance")) == stance


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin submitted the Comprehensive Strategic Partnership Treaty with Iran for ratification in March.",
    "وأحال بوتين معاهدة الشراكة الاستراتيجية الشاملة مع إيران إلى مجلس الدوما للمصادقة عليها في مارس.",
])
def test_a_treaty_sent_for_ratification_is_not_yet_ratified(text):
    events = [e for e in _records(text, "event") if e.type == "ratification"]
    assert events and all(e.certainty == "expected" and e.date is None for e in events)
    assert all(a.ratified is None for a in _records(text, "agreement"))


def test_the_members_of_a_summit_are_no_parties_to_a_meeting_on_its_margins():
    text = "التقى الرئيس ديمتري مدفيديف نظيره الإيراني محمود أحمدي نجاد على هامش قمة الدول المطلة على بحر قزوين في باكو."
    (met,) = [e for e in _events(text, "2010-11-20") if e.type == "meeting"]
    assert set(met.participants) == {"dmitry_medvedev", "mahmoud_ahmadinejad"}


def test_he_is_who_spoke_last_not_whom_he_met():
    text = ("After meeting with Alexey Likhachev, Mohammad Eslami told the news conference that understandings were reached.\n"
            "He said that the joint projects include the second unit of the Bushehr plant.")
    speakers = {p.actor for e in _events(text) if e.type == "statement" for p in e.roles}
    assert speakers == {"mohammad_eslami"}


def test_a_name_the_parser_cut_still_names_the_visitor_who_meets_the_host():
    text = ("قال السفير الإيراني في موسكو إن وزير الدفاع الإيراني عزيز نصير زاده، الذي يزور موسكو حاليا، أجرى اليوم "
            "مباحثات مع نظيره الروسي أندريه بيلوسوف.")
    events = _events(text, "2024-12-09")
    assert {"aziz_nasirzadeh"} <= {p.actor for e in events if e.type == "visit" for p in e.roles if p.role == "visitor"}
    assert {p for e in events if e.type == "meeting" for p in e.participants} == {"aziz_nasirzadeh", "andrei_belousov"}


@pytest.mark.parametrize(("text", "friction"), [
    # a warning to the other side is a friction; a warning of a danger to it is concern for it
    ("حذرت روسيا إيران من المضي في تخصيب اليورانيوم.", True),
    ("حذرت روسيا من تزايد الخطر على محطة بوشهر الإيرانية جراء الضربات الأمريكية.", False),
])
def test_only_the_warned_side_is_at_odds_with_who_warns(text, friction):
    assert bool(_records(text, "friction")) == friction


def test_b_and_a_state_is_where_strikes_fell_never_who_struck():
    text = "وقال البيت الأبيض إن روسيا تتلقى مئات المسيرات التي تستخدمها في شن ضربات بأوكرانيا."
    assert not [e for e in _events(text) if ("ukraine", "attacker") in _roles(e)]
