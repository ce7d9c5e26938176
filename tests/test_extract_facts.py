"""Fact extraction on our own short Arabic documents (other actors, new wording)."""

from pathlib import Path

import pytest

from irkg.loaders.dictionaries import load_dictionaries
from irkg.loaders.extract import extract_facts
from irkg.loaders.normalize import normalize
from irkg.loaders.pipeline import extract_document
from irkg.loaders.read import read_paths, read_text
from irkg.loaders.recognize import recognize
from irkg.loaders.segment import segment

DATA = Path(__file__).parent / "data" / "facts"


def _facts(name: str):
    dicts = load_dictionaries()
    docs, _ = read_paths([DATA / name])
    doc = docs[0]
    passages = segment(normalize(doc))
    mentions = [recognize(p, dicts, doc.published) for p in passages]
    return extract_facts(doc, passages, mentions, dicts)


@pytest.fixture(scope="module")
def gen1():
    return _facts("gen_01.txt")


@pytest.fixture(scope="module")
def gen2():
    return _facts("gen_02.txt")


def _kind(recs, kind):
    return [r for r in recs if r.kind == kind]


def test_visit_with_date_and_participant(gen1):
    visits = [e for e in _kind(gen1, "event") if e.type == "visit"]
    assert any(e.date == "2024-03-03" and "sergey_lavrov" in e.participants for e in visits)


def test_trade_indicator(gen1):
    ind = [i for i in _kind(gen1, "indicator") if i.what == "bilateral trade"]
    assert ind and ind[0].value == pytest.approx(4.8e9) and ind[0].unit == "USD" and ind[0].date == "2023"


def test_energy_friction(gen1):
    fr = _kind(gen1, "friction")
    assert any("تتنافس" in e.text for f in fr for e in f.evidence)


def test_negated_stance_and_tactical(gen1):
    chars = {s.characterization for s in _kind(gen1, "stance")}
    assert "not_strategic_partnership" in chars and "tactical_rapprochement" in chars


def test_reported_future_delivery_is_expected(gen1):
    # "reports say Russia may deliver Su-35s next year": a plan reported is still a plan
    dl = [e for e in _kind(gen1, "event") if e.type == "delivery" and "su35" in e.items]
    assert dl and dl[0].certainty == "expected" and dl[0].date == "2025"
    assert {(r.actor, r.role) for r in dl[0].roles} == {("russia", "supplier"), ("iran", "recipient")}


def test_arms_constraint_from_israel_ties(gen1):
    cons = _kind(gen1, "constraint")
    assert any(c.constrains == "arms" and "israel" in c.actors for c in cons)


def test_treaty_facts(gen2):
    (t,) = [a for a in _kind(gen2, "agreement") if a.id == "agreement:cspt"]
    assert t.duration_years == 20 and t.articles == 47
    assert "mutual_defence" in t.missing_provisions
    assert t.ratified == "2025-05-21"


def test_ratification_event(gen2):
    assert any(e.type == "ratification" and e.agreement == "agreement:cspt" for e in _kind(gen2, "event"))


def test_every_fact_has_evidence(gen1, gen2):
    for r in gen1 + gen2:
        assert r.evidence and all(e.text and e.end > e.start for e in r.evidence)


@pytest.fixture(scope="module")
def gen3():
    return _facts("gen_03.txt")


def test_arabic_indic_date_and_mou(gen3):
    mous = [a for a in _kind(gen3, "agreement") if a.agreement_kind == "mou"]
    assert mous and mous[0].date == "2023-09-14" and "gazprom" in mous[0].parties


def test_denied_delivery(gen3):
    dl = [e for e in _kind(gen3, "event") if e.type == "delivery"]
    assert dl and all(e.certainty == "denied" for e in dl)


def test_reported_gas_exports_dual_scale(gen3):
    # "agencies said exports will reach ...": a forecast, whoever reports it
    ind = [i for i in _kind(gen3, "indicator") if i.unit.startswith("cubic metres")]
    assert ind and ind[0].value == pytest.approx(2e9) and ind[0].certainty == "expected"


def test_percent_words_indicator(gen3):
    assert any(i.value == 85 and i.unit == "percent" for i in _kind(gen3, "indicator"))


def test_gas_rivalry_friction(gen3):
    assert any(f.topic == "energy" for f in _kind(gen3, "friction"))


def test_conflicting_figures_across_documents(gen1, gen2):
    from irkg.loaders.resolve import resolve_records

    merged = resolve_records(gen1 + gen2)
    (trade,) = [r for r in merged if r.kind == "indicator" and r.what == "bilateral trade" and r.date == "2023"]
    assert "value" in trade.conflicts
    assert {v["doc"] for v in trade.values} == {"gen_01.txt", "gen_02.txt"}
    assert {e.doc for e in trade.evidence} == {"gen_01.txt", "gen_02.txt"}


def test_visit_verb_with_subject_between(gen3):
    visits = [e for e in _kind(gen3, "event") if e.type == "visit"]
    assert any(e.date == "2023-09-12" and e.place == "isfahan" for e in visits)


def test_reluctance_makes_delivery_denied(gen1):
    # "Moscow stays reluctant to deliver arms to Tehran, out of regard for its ties with Israel"
    dl = [e for e in _kind(gen1, "event") if e.type == "delivery" and any("تتحفظ" in ev.text for ev in e.evidence)]
    assert dl and dl[0].certainty == "denied"
    assert {(r.actor, r.role) for r in dl[0].roles} == {("russia", "supplier"), ("iran", "recipient")}  # Israel is no party


def test_acquire_verb_with_subject_between():
    recs = _facts("gen_04.txt")
    dl = [e for e in _kind(recs, "event") if e.type == "delivery"]
    assert any(e.date == "2021" and {"iran", "china"} <= set(e.participants) for e in dl)
    assert not any(e.date == "2019" for e in dl)  # the year of the next clause is not the delivery's


@pytest.fixture(scope="module")
def gen5():
    return _facts("gen_05.txt")


def test_constraint_reason_in_next_sentence(gen5):
    cons = {c.id for c in _kind(gen5, "constraint")}
    assert "constraint:arms:relations_gulf_states" in cons


def test_constraint_target_named_after_cue(gen5):
    cons = [c for c in _kind(gen5, "constraint") if c.id == "constraint:arms:relations_israel"]
    assert cons and any(e.passage == 3 for e in cons[0].evidence)


def test_limited_delivery_is_no_delivery(gen5):
    assert not [e for e in _kind(gen5, "event") if e.type == "delivery"]


@pytest.fixture(scope="module")
def en1():
    return _facts("en_01.txt")


@pytest.fixture(scope="module")
def en2():
    return _facts("en_02.txt")


def test_english_visit_signing_and_treaty(en1):
    events = _kind(en1, "event")
    assert any(e.type == "visit" and e.date == "2025-01-17" and "masoud_pezeshkian" in e.participants for e in events)
    assert any(e.type == "signing" and e.agreement == "agreement:cspt" for e in events)
    treaty = [a for a in _kind(en1, "agreement") if a.id == "agreement:cspt"][0]
    assert treaty.duration_years == 20 and treaty.articles == 47 and "mutual_defence" in treaty.missing_provisions


def test_english_anaphoric_treaty_is_the_named_one(en1):
    assert [a.id for a in _kind(en1, "agreement")] == ["agreement:cspt"]
    assert any(e.type == "ratification" and e.date == "2025-05-21" and e.agreement == "agreement:cspt"
               for e in _kind(en1, "event"))


def test_english_trade_figure_reported(en1):
    ind = [i for i in _kind(en1, "indicator") if i.what == "bilateral trade"]
    assert ind and ind[0].value == pytest.approx(4.8e9) and ind[0].date == "2024" and ind[0].certainty == "reported"


def test_english_constraint_friction_stance(en1):
    assert "constraint:arms:relations_israel" in {c.id for c in _kind(en1, "constraint")}
    assert any(f.topic == "energy" for f in _kind(en1, "friction"))
    chars = {s.characterization for s in _kind(en1, "stance")}
    assert {"marriage_of_convenience", "not_alliance"} <= chars


def test_english_event_types_and_certainty(en2):
    ev = {(e.type, e.date): e for e in _kind(en2, "event")}
    assert ("exercise", "2024-07") in ev and ("sanction", "2024-10") in ev
    assert ev[("delivery", "2022")].certainty == "alleged"
    assert ev[("delivery", "2030")].certainty == "expected"
    denied = [e for e in _kind(en2, "event") if e.type == "delivery" and "s400" in e.items]
    assert denied and denied[0].certainty == "denied"
    assert {(r.actor, r.role) for r in denied[0].roles} == {("russia", "supplier"), ("iran", "recipient")}


def test_english_sanction_by_a_third_party_is_no_friction(en2):
    assert not [f for f in _kind(en2, "friction") if "european_union" in f.third_parties]


def test_english_share_and_negated_stance(en2):
    share = [i for i in _kind(en2, "indicator") if i.unit == "percent"]
    assert share and share[0].what == "share of national currencies in trade"
    chars = {s.characterization for s in _kind(en2, "stance")}
    assert "not_strategic_partnership" in chars and "strategic_partnership" not in chars
    assert "constraint:arms:domestic_need" in {c.id for c in _kind(en2, "constraint")}


def test_participants_stop_at_the_next_clause(en1):
    visit = [e for e in _kind(en1, "event") if e.type == "visit"][0]
    assert "vladimir_putin" not in visit.participants  # ", where he and Putin signed": the signing's clause


@pytest.fixture(scope="module")
def gen6():
    return _facts("gen_06.txt")


def test_transitive_visit_verb_needs_no_preposition(gen6):
    visits = [e for e in _kind(gen6, "event") if e.type == "visit"]
    assert visits and visits[0].date == "2024-05-05" and set(visits[0].participants) == {"turkey", "azerbaijan"}


def test_clause_after_bainama_has_its_own_event(gen6):
    meeting = [e for e in _kind(gen6, "event") if e.type == "meeting"]
    assert meeting and "turkey" not in meeting[0].participants


def test_statement_by_a_ministry_stops_before_consequence(gen6):
    st = [e for e in _kind(gen6, "event") if e.type == "statement"]
    assert st and st[0].participants == ["iran_foreign_ministry"]


@pytest.fixture(scope="module")
def gen7():
    return _facts("gen_07.txt")


@pytest.fixture(scope="module")
def gen8():
    return _facts("gen_08.txt")


@pytest.fixture(scope="module")
def gen9():
    return _facts("gen_09.txt")


def test_exercise_ratification_entry_into_force_other_pair(gen7):
    ev = {e.type: e for e in _kind(gen7, "event")}
    assert ev["exercise"].date == "2023-09" and set(ev["exercise"].participants) == {"turkey", "azerbaijan"}
    assert ev["ratification"].date == "2022-02-14"  # its own date, not the one of the next clause
    assert ev["entry_into_force"].date and ev["entry_into_force"].date.startswith("2022-03")
    assert ev["delivery"].certainty == "reported"


def test_thousands_word_with_alef_madda(gen7):
    troops = [i for i in _kind(gen7, "indicator") if i.unit == "troops"]
    assert troops and troops[0].value == 3000


def test_sanction_launch_and_denied_claim(gen8):
    ev = {e.type: e for e in _kind(gen8, "event")}
    assert ev["sanction"].date == "2024-06-10" and "us_treasury" in ev["sanction"].participants
    assert ev["launch"].date == "2024-01" and ev["launch"].certainty == "reported"  # trailing attribution
    assert ev["delivery"].certainty == "denied"  # "..., وهو ما نفته الخارجية"
    assert "visit" not in ev  # "وزارة" is no visit


def test_hesitant_supplier_is_a_constraint_on_its_own_supplies(gen8):
    assert not [e for e in _kind(gen8, "event") if e.type == "delivery" and e.certainty != "denied"]
    assert "constraint:arms:relations_gulf_states:china" in {c.id for c in _kind(gen8, "constraint")}
    assert not _kind(gen8, "friction")  # China's ties with Riyadh are no Iran–Russia friction


def test_figures_about_other_states_stay_apart(gen8, gen9):
    imp = [i for i in _kind(gen8, "indicator") if i.unit == "barrels per day"]
    assert imp and imp[0].value == 1_500_000 and set(imp[0].actors) == {"china", "iran"}
    trade = [i for i in _kind(gen9, "indicator") if i.what == "bilateral trade"]
    assert trade and trade[0].id.endswith(":india+russia") and trade[0].value == pytest.approx(65e9)


def test_strike_death_and_delivery_with_adjunct(gen9):
    ev = _kind(gen9, "event")
    strike = [e for e in ev if e.type == "strike"][0]
    assert strike.date == "2024-04-02" and strike.participants == ["israel"]
    assert any(e.type == "death" and e.date == "2024-04-02" and "irgc" in e.participants for e in ev)
    assert any(e.type == "death" and e.date == "2024-12-26" for e in ev)
    deliv = [e for e in ev if e.type == "delivery"][0]
    assert set(deliv.participants) == {"india", "russia"} and "s400" in deliv.items  # not Ukraine (a circumstance)


def test_stance_about_another_pair_is_not_kept(gen9):
    assert not _kind(gen9, "stance")


def test_receiver_verb_reverses_supply_roles(gen9):
    deliv = [e for e in _kind(gen9, "event") if e.type == "delivery"][0]
    assert {(r.actor, r.role) for r in deliv.roles} == {("india", "recipient"), ("russia", "supplier")}


def test_death_victim_follows_the_trigger(gen9):
    death = [e for e in _kind(gen9, "event") if e.type == "death" and e.date == "2024-04-02"][0]
    assert any(r.actor == "irgc" and r.role == "victim" for r in death.roles)


@pytest.fixture(scope="module")
def en3():
    return _facts("en_03.txt")


def test_english_mou_membership_and_trailing_attribution(en3):
    ag = {a.agreement_kind: a for a in _kind(en3, "agreement")}
    assert ag["mou"].date == "2023-09-12" and {"gazprom", "nigc"} <= set(ag["mou"].parties)
    assert set(ag["membership"].parties) == {"iran", "sco"} and ag["membership"].date == "2023-07"
    growth = [i for i in _kind(en3, "indicator") if i.unit == "percent"]
    assert growth and growth[0].certainty == "reported"  # ", Russian officials said."


def test_english_denial_plan_and_wary_constraint(en3):
    ev = {e.type: e for e in _kind(en3, "event")}
    assert ev["delivery"].certainty == "denied" and ev["exercise"].certainty == "expected"
    assert "constraint:arms:relations_israel" in {c.id for c in _kind(en3, "constraint")}


@pytest.fixture(scope="module")
def gen10():
    return _facts("gen_10.txt")


def test_contract_value_plan_and_navy_exercise(gen10):
    contract = [a for a in _kind(gen10, "agreement") if a.agreement_kind == "contract"][0]
    assert contract.date == "2024-09-24" and contract.status == "signed"  # the later treaty is another agreement
    ev = {e.type: e for e in _kind(gen10, "event")}
    assert ev["visit"].certainty == "expected"  # planned, and reported: still a plan
    assert {"china", "russia"} <= set(ev["exercise"].participants) and ev["exercise"].date == "2024-03"
    assert ev["ratification"].date == "2025-04-08" and ev["ratification"].agreement != contract.id
    value = [i for i in _kind(gen10, "indicator") if i.what == "contract value"][0]
    assert value.value == pytest.approx(8e9)
    wheat = [i for i in _kind(gen10, "indicator") if i.unit == "tonnes"][0]
    assert wheat.value == 3e6
    assert {s.characterization for s in _kind(gen10, "stance")} == {"marriage_of_convenience"}


def test_pressure_from_third_parties_is_a_factor(gen5):
    assert any(c.id.endswith(":pressure_european_states") for c in _kind(gen5, "constraint"))


@pytest.fixture(scope="module")
def gen11():
    return _facts("gen_11.txt")


def test_acquiring_verb_with_subject_between_makes_a_recipient(gen11):
    d = [e for e in _kind(gen11, "event") if e.type == "delivery"][0]
    assert {(r.actor, r.role) for r in d.roles} == {("egypt", "recipient"), ("france", "supplier")}


def test_person_named_through_a_relational_noun_is_no_participant(gen11):
    death = [e for e in _kind(gen11, "event") if e.type == "death"][0]
    assert "ebrahim_raisi" in death.participants and "masoud_pezeshkian" not in death.participants


def test_adjective_of_another_noun_is_not_the_imposer(gen11):
    un = [e for e in _kind(gen11, "event") if e.type == "sanction" and "un" in e.participants][0]
    assert any(r.actor == "un" and r.role == "imposer" for r in un.roles)
    assert not any(r.actor == "united_states" and r.role == "imposer" for r in un.roles)


def test_kama_opens_a_new_clause(gen11):
    canada = [e for e in _kind(gen11, "event") if e.type == "sanction" and "canada" in e.participants][0]
    assert canada.date == "2022-03" and set(canada.participants) == {"canada", "russia"}


@pytest.fixture(scope="module")
def gen12():
    return _facts("gen_12.txt")


def test_percent_change_of_a_measure_is_its_growth(gen12):
    ind = [i for i in _kind(gen12, "indicator") if i.unit == "percent"]
    assert ind and all(i.what.endswith("growth") for i in ind)


def test_reaching_a_quantity_is_no_visit(gen12):
    assert not [e for e in _kind(gen12, "event") if e.type == "visit"]


def test_drills_an_agreement_provides_for_are_no_exercise(gen12):
    # clauses on joint drills name an area of cooperation, not one exercise held or planned
    assert not [e for e in _kind(gen12, "event") if e.type == "exercise"]


def test_one_party_withdrawing_does_not_end_the_agreement(gen12):
    ags = _kind(gen12, "agreement")
    assert ags and not any(a.status == "ended" for a in ags)


def test_past_withdrawal_after_a_far_expectation_is_asserted(gen12):
    wd = [e for e in _kind(gen12, "event") if e.type == "withdrawal"]
    assert wd and all(e.certainty == "asserted" for e in wd)


@pytest.fixture(scope="module")
def gen13():
    return _facts("gen_13.txt")


def test_doubt_that_a_state_is_an_ally_is_no_alliance_stance(gen13):
    stances = {s.characterization: s for s in _kind(gen13, "stance")}
    assert "alliance" not in stances
    assert stances["not_alliance"].polarity == "negative"


def test_stance_does_not_inherit_a_neighbouring_plan(gen13):
    cond = [s for s in _kind(gen13, "stance") if s.characterization == "conditional"]
    assert cond and cond[0].certainty == "asserted"


def test_target_figure_is_expected_and_measured_one_asserted(gen13):
    ind = {i.value: i for i in _kind(gen13, "indicator") if i.what == "bilateral trade"}
    assert ind[1e10].certainty == "expected" and ind[4e9].certainty == "asserted"


def test_share_passing_through_a_strait_belongs_to_the_strait(gen13):
    ind = [i for i in _kind(gen13, "indicator") if i.unit == "percent"]
    assert ind and "Hormuz" in ind[0].what and ind[0].actors == []


def test_object_of_what_was_agreed_is_no_party_and_sets_no_status():
    ags = _kind(_facts("gen_14.txt"), "agreement")
    assert ags and set(ags[0].parties) == {"turkey", "france"} and ags[0].status != "frozen"


def test_who_is_forced_into_a_barter_is_never_its_agent():
    # "Indian and Turkish firms use the sanctions to force Venezuela to accept barter": the tree does not
    # settle the barter's roles, so none is guessed; Venezuela is never the one who forces
    trade = [e for e in _kind(_facts("gen_15.txt"), "event") if e.type == "trade"]
    assert not any(r.actor == "venezuela" and r.role in ("agent", "buyer", "seller") for e in trade for r in e.roles)


def _own(text: str, kind: str, published: str | None = None):
    """The records of one kind that a sentence of our own yields (the whole pipeline, parser included)."""
    doc = read_text("own.txt", text + "\n")
    if published:
        doc = doc.model_copy(update={"published": published})
    return [r for r in extract_document(doc).records if r.kind == kind]


def test_a_multilateral_treaty_says_so():
    # the NPT has 191 parties: the record names the two the text concerns and says the treaty is multilateral
    (a,) = _own("وإيران وروسيا عضوان في معاهدة عدم انتشار الأسلحة النووية.", "agreement")
    assert a.multilateral and set(a.parties) == {"iran", "russia"} and "multilateral" in a.label


def test_an_agreement_of_more_than_two_is_multilateral():
    got = _own("وقعت الدول الخمس المطلة على بحر قزوين اتفاقية الوضع القانوني لبحر قزوين.", "agreement")
    assert got and all(r.multilateral == (len(r.parties) > 2) for r in got)
    (a,) = _own("Iran, Russia and India signed the International North-South Transport Corridor agreement.", "agreement")
    assert a.multilateral and len(a.parties) >= 3


@pytest.mark.parametrize(("text", "friction"), [
    # a dispute settled is a friction ended; one they failed to settle still stands
    ("Iran and Russia settled their disputes over the Bushehr plant.", False),
    ("Iran and Russia failed to resolve their dispute over the Caspian Sea.", True),
    ("وتصاعدت الخلافات بين إيران وروسيا حول محطة بوشهر.", True),
    # rejecting reports or claims denies them; it is no dispute with a state the reports name
    ("ورفض وزير الخارجية الإيراني التقارير الغربية عن خطة لإرسال صواريخ باليستية إلى روسيا.", False),
    ("Iran rejected Russia's proposal on the Caspian Sea.", True),
])
def test_settled_disputes_and_rejected_reports_are_no_friction(text, friction):
    assert bool(_own(text, "friction")) == friction


@pytest.mark.parametrize(("text", "date"), [
    # an agreement's signing date comes from the signing verb's own clause, not from another event's nearby
    ("Russia and Iran signed a nuclear cooperation agreement two years after Moscow froze an earlier deal in 2010.", None),
    ("Russia defied the United States on Monday and signed a series of agreements with Iran.", "2015-06-01"),
])
def test_an_agreements_date_is_its_signings(text, date):
    got = _own(text, "agreement", published="2015-06-01")
    assert got and all(r.date == date for r in got)
