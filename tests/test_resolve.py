"""Cross-document resolution: same id merges, disagreements are kept and flagged."""

from irkg.loaders.resolve import resolve_records
from irkg.schema.graph import AgreementRecord, Evidence, EventRecord, IndicatorRecord


def _ev(doc, idx, **claims):
    return Evidence(doc=doc, passage=idx, start=0, end=10, text="نص", claims={k: str(v) for k, v in claims.items()})


def test_indicator_conflict_kept():
    a = IndicatorRecord(id="indicator:x:usd:2022", label="x", what="x", value=5e9, unit="USD", date="2022",
                        evidence=[_ev("a.txt", 1, value="5e+09")])
    b = IndicatorRecord(id="indicator:x:usd:2022", label="x", what="x", value=4e9, unit="USD", date="2022",
                        evidence=[_ev("b.txt", 3, value="4e+09")])
    (r,) = resolve_records([a, b])
    assert "value" in r.conflicts and len(r.evidence) == 2
    assert {v["doc"] for v in r.values} == {"a.txt", "b.txt"}


def test_agreement_date_conflict():
    a = AgreementRecord(id="agreement:t", label="T", date="2025-01-17", evidence=[_ev("a.txt", 1, date="2025-01-17")])
    b = AgreementRecord(id="agreement:t", label="T", date="2025-01-18", evidence=[_ev("b.txt", 2, date="2025-01-18")])
    (r,) = resolve_records([a, b])
    assert r.date == "2025-01-17" and r.conflicts == ["date"]
    assert [e.claims["date"] for e in r.evidence] == ["2025-01-17", "2025-01-18"]


def test_events_merge_on_compatible_dates_within_a_document():
    a = EventRecord(id="event:visit:2022-07:p", label="v", type="visit", date="2022-07", participants=["p", "iran"],
                    evidence=[_ev("a.txt", 1)])
    b = EventRecord(id="event:visit:nodate:p", label="v", type="visit", participants=["p"], evidence=[_ev("a.txt", 4)])
    (r,) = resolve_records([a, b])
    assert r.date == "2022-07" and len(r.evidence) == 2


def test_undated_event_of_another_document_stays_apart():
    # "Putin visited Tehran" recurs: without a date, another document's account may be another visit
    a = EventRecord(id="event:visit:2022-07:p", label="v", type="visit", date="2022-07", participants=["p", "iran"],
                    evidence=[_ev("a.txt", 1)])
    b = EventRecord(id="event:visit:nodate:p", label="v", type="visit", participants=["p"], evidence=[_ev("b.txt", 4)])
    assert len(resolve_records([a, b])) == 2


def test_events_of_opposite_direction_never_merge():
    from irkg.schema.graph import Participant

    a = EventRecord(id="event:delivery:2022:a", label="d", type="delivery", date="2022", participants=["iran", "russia"],
                    roles=[Participant(actor="russia", role="supplier"), Participant(actor="iran", role="recipient")],
                    evidence=[_ev("a.txt", 1)])
    b = EventRecord(id="event:delivery:2022:b", label="d", type="delivery", date="2022", participants=["iran", "russia"],
                    roles=[Participant(actor="iran", role="supplier"), Participant(actor="russia", role="recipient")],
                    evidence=[_ev("a.txt", 2)])
    assert len(resolve_records([a, b])) == 2


def test_events_with_different_dates_stay_apart():
    a = EventRecord(id="event:visit:2022-07:p", label="v", type="visit", date="2022-07", participants=["p"],
                    evidence=[_ev("a.txt", 1)])
    b = EventRecord(id="event:visit:2019-01:p", label="v", type="visit", date="2019-01", participants=["p"],
                    evidence=[_ev("b.txt", 4)])
    assert len(resolve_records([a, b])) == 2


def test_agreements_sharing_only_generic_words_stay_apart():
    # "the agreement between the two countries" is not the Caspian convention because both hold "the agreement"
    caspian = AgreementRecord(id="agreement:caspian_convention", label="C", agreement_kind="treaty",
                              names=["الاتفاقية بشأن الوضع القانوني لبحر قزوين"], parties=["iran", "russia"],
                              evidence=[_ev("a.txt", 1)])
    banks = AgreementRecord(id="agreement:agreement:iran+russia:abc", label="A", agreement_kind="agreement",
                            names=["الاتفاقية"], parties=["iran", "russia"], evidence=[_ev("b.txt", 2)])
    assert len(resolve_records([caspian, banks])) == 2
    same = AgreementRecord(id="agreement:agreement:iran+russia:def", label="A", agreement_kind="agreement",
                           names=["اتفاقية الوضع القانوني لبحر قزوين"], parties=["iran", "russia"], evidence=[_ev("c.txt", 3)])
    assert len(resolve_records([caspian, same])) == 1


def test_a_longer_phrase_holding_a_short_name_is_not_that_agreement_and_several_never_fold_into_one():
    jcpoa = AgreementRecord(id="agreement:jcpoa", label="JCPOA", agreement_kind="agreement",
                            names=["Iran nuclear deal"], parties=["iran"], evidence=[_ev("a.txt", 1)])
    other = AgreementRecord(id="agreement:agreement:iran+russia:abc", label="A", agreement_kind="agreement",
                            names=["agreement deepening military and nuclear cooperation with Iran"],
                            parties=["iran", "russia"], evidence=[_ev("b.txt", 2)])
    assert len(resolve_records([jcpoa, other])) == 2
    several = AgreementRecord(id="agreement:agreement:iran+russia:def:several", label="A", agreement_kind="agreement",
                              names=["Iran nuclear deal", "(several)"], parties=["iran", "russia"], evidence=[_ev("c.txt", 3)])
    assert len(resolve_records([jcpoa, several])) == 2


def test_events_of_different_agreements_or_items_never_merge():
    a = EventRecord(id="event:signing:2023:x", label="s", type="signing", date="2023", participants=["iran", "russia"],
                    agreement="agreement:agreement:iran+russia:rail", evidence=[_ev("a.txt", 1)])
    b = EventRecord(id="event:signing:2023:y", label="s", type="signing", date="2023", participants=["iran", "russia"],
                    agreement="agreement:agreement:iran+russia:trade", evidence=[_ev("b.txt", 2)])
    assert len(resolve_records([a, b])) == 2
    c = EventRecord(id="event:delivery:2022:x", label="d", type="delivery", date="2022", participants=["iran", "russia"],
                    items=["shahed_136"], evidence=[_ev("a.txt", 3)])
    d = EventRecord(id="event:delivery:2022:y", label="d", type="delivery", date="2022", participants=["iran", "russia"],
                    items=["fath_360"], evidence=[_ev("b.txt", 4)])
    assert len(resolve_records([c, d])) == 2
    e = d.model_copy(update={"id": "event:delivery:2022:z", "evidence": [_ev("c.txt", 5)]})
    assert len(resolve_records([d, e])) == 1
