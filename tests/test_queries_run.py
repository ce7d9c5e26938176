"""Every library query against the real server: EXPLAIN, run on a small graph, read-only, injection-proof."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from irkg.cli import app
from irkg.errors import InputError
from irkg.queries.execute import WriteRefused, explain_query, run_cypher, run_named
from irkg.queries.library import load_library

FIXTURE = Path(__file__).resolve().parent / "data" / "queries_fixture.cypher"
LIBRARY = load_library()
NAMES = sorted(q.name for q in LIBRARY)
INJECTIONS = [
    "x'}) DETACH DELETE n //",
    "iran' OR 1=1 WITH n MATCH (m) DETACH DELETE m //",
    "\"}) MATCH (n) DETACH DELETE n RETURN 1 AS x //",
    "$topic",
    "إيران'}) DETACH DELETE n //",
]


def load_fixture(driver, database=None) -> None:
    """Write the hand-made test graph (the only write these tests do)."""
    with driver.session(database=database) as s:
        s.run(FIXTURE.read_text(encoding="utf-8")).consume()


def graph_size(driver, database=None) -> tuple[int, int]:
    with driver.session(database=database) as s:
        rec = s.run("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r").single()
        return rec["n"], rec["r"]


@pytest.fixture
def graph(db, neo4j_settings):
    load_fixture(db, neo4j_settings.database)
    return db


def run(graph, neo4j_settings, name, **params):
    return run_named(graph, LIBRARY.get(name), params, neo4j_settings.database)


def by(rows, key):
    return {r[key]: r for r in rows}


def all_quotes(rows):
    return [q for r in rows for q in r.get("quotes") or []]


@pytest.mark.parametrize("name", NAMES)
def test_query_explains_as_read_only(driver, neo4j_settings, name):
    summary = explain_query(driver, LIBRARY.get(name), neo4j_settings.database)
    assert summary["plan"] is not None
    assert summary["query_type"] == "r"


@pytest.mark.parametrize("name", NAMES)
def test_query_runs_on_empty_graph(db, neo4j_settings, name):
    answer = run_named(db, LIBRARY.get(name), None, neo4j_settings.database)
    assert answer.rows == []
    assert answer.columns == list(LIBRARY.get(name).returns)


# Queries that answer only when given something to look for (an actor, an item, entities, search terms).
NEEDS_INPUT = ("evidence_for", "topics", "actor_profile", "did_happen", "entity_facts", "passages_search", "passage_context", "sources",
               "brief_scope", "brief_sources")


@pytest.mark.parametrize("name", [n for n in NAMES if n not in NEEDS_INPUT])
def test_query_answers_with_quotes_and_documents(graph, neo4j_settings, name):
    answer = run(graph, neo4j_settings, name)
    assert answer.rows, f"{name} found nothing in the fixture graph"
    for row in answer.rows:
        assert row["quotes"], f"{name}: a row without quotes: {row}"
        for q in row["quotes"]:
            assert q["quote"] and q["doc"] in ("doc_a.txt", "doc_b.txt"), q


def test_constraints_one_row_per_factor_with_actors(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "constraints_on", topic="arms_deliveries").rows
    factors = by(rows, "factor")
    assert set(factors) == {"Russia's ties with Israel", "Relations with the Gulf states"}
    assert sorted(factors["Russia's ties with Israel"]["actors"]) == ["Israel", "Russia"]
    assert factors["Relations with the Gulf states"]["quotes"][0]["quote"].startswith("كما تخشى روسيا")
    assert factors["Relations with the Gulf states"]["quotes"][0]["passage"] == 3


def test_constraints_topic_family_prefix(graph, neo4j_settings):
    assert len(run(graph, neo4j_settings, "constraints_on", topic="arms").rows) == 2
    assert len(run(graph, neo4j_settings, "constraints_on").rows) == 3


def test_timeline_filters(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "timeline").rows
    # Undated events come last.
    assert [r["date"] for r in rows] == ["2022", "2025-01", "2025-01-17", "2025-04", None]
    assert [r["type"] for r in run(graph, neo4j_settings, "timeline", year_from=2025, year_to=2025).rows] == [
        "visit", "signing", "meeting"]
    assert [r["type"] for r in run(graph, neo4j_settings, "timeline", actor="vladimir_putin").rows] == ["visit"]
    assert [r["type"] for r in run(graph, neo4j_settings, "timeline", actor="بوتين").rows] == ["visit"]
    assert [r["type"] for r in run(graph, neo4j_settings, "timeline", event_type="delivery").rows] == ["delivery"] * 2
    assert [r["date"] for r in run(graph, neo4j_settings, "timeline", topic="nuclear").rows] == ["2025-04"]


def test_visits_meetings_officials_first(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "visits_meetings").rows
    assert rows[0]["type"] == "visit"
    assert sorted(rows[0]["officials"]) == ["Masoud Pezeshkian", "Vladimir Putin"]
    assert "Oman (mediator)" in rows[1]["participants"]


def test_agreements_dates_coverage_and_gaps(graph, neo4j_settings):
    (row,) = run(graph, neo4j_settings, "agreements", actor="iran").rows
    assert (row["signed"], row["ratified"], row["duration_years"], row["articles"]) == ("2025-01-17", "2025", 20, 47)
    assert sorted(row["covers"]) == ["energy", "trade"]
    assert row["missing_provisions"] == ["mutual defence clause"]
    assert row["events"] == ["signing 2025-01-17"]
    assert {q["doc"] for q in row["quotes"]} == {"doc_a.txt", "doc_b.txt"}


def test_frictions_historical_and_current(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "frictions").rows
    assert [r["period"] for r in rows] == ["current", "historical"]
    (hist,) = run(graph, neo4j_settings, "frictions", period="historical").rows
    assert hist["third_parties"] == ["United Kingdom"]
    (cur,) = run(graph, neo4j_settings, "frictions", period="current").rows
    assert cur["topic"] == "energy"


def test_exchanges_gets_and_seeks(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "exchanges").rows
    gets = [r for r in rows if r["relation"] == "gets"]
    seeks = [r for r in rows if r["relation"] == "seeks"]
    assert {(r["giver"], r["receiver"]) for r in gets} == {("Iran", "Russia")}
    assert seeks[0]["receiver"] == "Iran" and seeks[0]["what"] == ["Su-35"]
    assert seeks[0]["quotes"][0]["quote"].startswith("تسعى إيران")
    assert run(graph, neo4j_settings, "exchanges", actor="israel").rows == []


def test_stances_per_source(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "stances").rows
    assert [(r["source"], r["polarity"]) for r in rows] == [("doc_a.txt", "positive"), ("doc_b.txt", "negative")]
    assert [r["characterization"] for r in run(graph, neo4j_settings, "stances", source="doc_b.txt").rows] == [
        "marriage of convenience"]


def test_disagreements_polarity_dates_and_figures(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "disagreements").rows
    found = {(r["kind"], r["field"]): r for r in rows}
    assert set(found) == {("Agreement", "date"), ("Indicator", "value"), ("stance", "polarity")}
    assert found[("Agreement", "date")]["claims"] == ["2025-01-17 — doc_a.txt", "2025-01-18 — doc_b.txt"]
    assert found[("Indicator", "value")]["claims"] == ["4 — doc_b.txt", "4.8 — doc_a.txt"]
    assert found[("stance", "polarity")]["claims"] == [
        "strategic partnership (positive) — doc_a.txt", "marriage of convenience (negative) — doc_b.txt"]
    assert [q["doc"] for q in found[("stance", "polarity")]["quotes"]] == ["doc_a.txt", "doc_b.txt"]


def test_indicators_with_sources(graph, neo4j_settings):
    (row,) = run(graph, neo4j_settings, "indicators", topic="trade").rows
    assert (row["what"], row["value"], row["unit"], row["date"]) == ("trade volume", 4.8, "billion USD", "2024")
    assert row["sources"] == ["doc_a.txt", "doc_b.txt"]
    assert run(graph, neo4j_settings, "indicators", year_from=2025).rows == []


def test_third_parties_and_roles(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "third_parties").rows
    roles = {(r["third_party"], r["role"]) for r in rows}
    assert {("Israel", "constraint"), ("Oman", "mediator"), ("United Kingdom", "adversary"),
            ("Gulf Cooperation Council", "constraint"), ("United States", "constraint")} <= roles
    assert not any(r["third_party"] in ("Iran", "Russia", "Vladimir Putin", "Masoud Pezeshkian") for r in rows)


def test_evidence_for_node_by_id_name_and_arabic(graph, neo4j_settings):
    by_id = run(graph, neo4j_settings, "evidence_for", node="ag_csp_2025").rows
    by_ar = run(graph, neo4j_settings, "evidence_for", node="معاهدة الشراكة الاستراتيجية الشاملة").rows
    by_part = run(graph, neo4j_settings, "evidence_for", node="strategic partnership treaty").rows
    for rows in (by_id, by_ar, by_part):
        assert rows[0]["kind"] == "Agreement"
        assert [(q["doc"], q["certainty"]) for q in rows[0]["quotes"]] == [("doc_a.txt", "asserted"), ("doc_b.txt", "reported")]
    israel = run(graph, neo4j_settings, "evidence_for", node="Israel").rows[0]
    assert (israel["kind"], israel["quotes"][0]["certainty"]) == ("State", "mention")


def test_connection_through_facts(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "connection", actor="israel", actor2="iran").rows
    assert rows and all(r["hops"] == 4 for r in rows)
    assert any("Constraint: Russia's ties with Israel" in r["facts"] for r in rows)
    direct = run(graph, neo4j_settings, "connection", actor="oman", actor2="united_states").rows
    assert {r["hops"] for r in direct} == {2}
    assert "Oman -[PARTICIPATED_IN]- Oman mediates Iran-US nuclear talks -[PARTICIPATED_IN]- United States" in [r["path"] for r in direct]


def test_scenario_factors_strengthen_and_weaken(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "scenario_factors").rows
    effects = {(r["effect"], r["factor"]) for r in rows}
    assert ("weaken", "US sanctions") in effects
    assert ("weaken", "Competition for Asian energy markets") in effects


def test_unconfirmed_levels(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "unconfirmed").rows
    assert {(r["certainty"], r["kind"]) for r in rows} == {
        ("alleged", "Event"), ("denied", "Event"), ("reported", "Agreement"), ("reported", "Indicator")}
    drone = next(r for r in rows if r["kind"] == "Event" and r["certainty"] == "alleged")
    assert drone["quotes"][0]["certainty"] == "alleged"
    assert [r["kind"] for r in run(graph, neo4j_settings, "unconfirmed", levels=["expected"]).rows] == ["Constraint"]


@pytest.mark.parametrize("name", NAMES)
def test_injection_strings_in_every_param_change_nothing(graph, neo4j_settings, name):
    q = LIBRARY.get(name)
    before = graph_size(graph, neo4j_settings.database)
    for bad in INJECTIONS:
        params = {p.name: ([bad] if p.type == "list" else bad) for p in q.params if p.type in ("string", "list")}
        run_named(graph, q, params, neo4j_settings.database)
    assert graph_size(graph, neo4j_settings.database) == before


@pytest.mark.parametrize("statement", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Actor {id: 'x'})",
    "MATCH (a:Actor {id: 'iran'}) SET a.name_en = 'changed'",
    "MERGE (t:Topic {id: 'new'})",
    "MATCH (a:Actor {id: 'iran'}) REMOVE a:State",
    "CREATE INDEX irkg_test_refused IF NOT EXISTS FOR (n:Actor) ON (n.zzz)",
])
def test_adhoc_write_is_refused(graph, neo4j_settings, statement):
    before = graph_size(graph, neo4j_settings.database)
    with pytest.raises(WriteRefused, match=r"^refused: `irkg cypher` runs read-only; this statement writes to the graph"):
        run_cypher(graph, statement, {}, neo4j_settings.database)
    assert graph_size(graph, neo4j_settings.database) == before
    with graph.session(database=neo4j_settings.database) as s:
        assert s.run("MATCH (a:Actor {id: 'iran'}) RETURN a.name_en AS n").single()["n"] == "Iran"


def test_adhoc_read_with_params_returns_plain_values(graph, neo4j_settings):
    answer = run_cypher(graph, "MATCH (a:Actor) WHERE a.id = $id RETURN a, a.name_ar AS ar", {"id": "iran"}, neo4j_settings.database)
    assert answer.columns == ["a", "ar"]
    (row,) = answer.rows
    assert row["ar"] == "إيران" and row["a"]["_labels"] == ["Actor", "State"]
    assert run_cypher(graph, "MATCH (a:Actor) WHERE a.id = $id RETURN a", {"id": INJECTIONS[0]}, neo4j_settings.database).rows == []


def test_adhoc_syntax_error_is_one_line(graph, neo4j_settings):
    with pytest.raises(InputError, match=r"^Cypher syntax error: Invalid input"):
        run_cypher(graph, "MATCH (n RETURN n", {}, neo4j_settings.database)


def test_cli_query_run_with_params(graph, neo4j_settings):
    result = CliRunner().invoke(app, ["query", "run", "timeline", "--param", "event_type=visit", "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert row["date"] == "2025-01" and row["quotes"][0]["doc"] == "doc_a.txt"


def test_cli_cypher_refuses_write(graph, neo4j_settings):
    before = graph_size(graph, neo4j_settings.database)
    result = CliRunner().invoke(app, ["cypher", "MATCH (n) DETACH DELETE n"])
    assert result.exit_code == 1
    assert str(result.exception).startswith("refused: `irkg cypher` runs read-only")
    assert graph_size(graph, neo4j_settings.database) == before


def test_cli_cypher_reads_with_param(graph, neo4j_settings):
    result = CliRunner().invoke(app, ["cypher", "MATCH (e:Event) WHERE toInteger(left(e.date, 4)) >= $y RETURN e.type AS type ORDER BY e.date",
                                      "--param", "y=2025", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["type", "visit", "signing", "meeting"]


@pytest.fixture
def indexed_graph(schema_db, neo4j_settings):
    """The fixture graph with the schema applied (the full-text passage index among it)."""
    load_fixture(schema_db, neo4j_settings.database)
    with schema_db.session(database=neo4j_settings.database) as s:
        s.run("CALL db.awaitIndexes(60)").consume()
    return schema_db


def test_passages_search_finds_arabic_passages(indexed_graph, neo4j_settings):
    rows = run(indexed_graph, neo4j_settings, "passages_search", terms=["سوخوي", "مقاتلات"], boosts=["2", "1"]).rows
    assert rows and rows[0]["doc"] == "doc_a.txt"
    hit = rows[0]["quotes"][0]
    assert hit["passage"] == 7 and hit["certainty"] == "passage" and (hit["start"], hit["end"]) == (601, 700)
    assert [q["passage"] for q in rows[0]["quotes"][1:]] == [6], "the sentence before as context (7 is the last)"


@pytest.mark.parametrize("terms", [[], [""], ["\"(("], ["x'}) DETACH DELETE n //", "$topic", "a OR b^3 NOT c"]])
def test_passages_search_takes_any_text(indexed_graph, neo4j_settings, terms):
    before = graph_size(indexed_graph, neo4j_settings.database)
    run(indexed_graph, neo4j_settings, "passages_search", terms=terms)
    assert graph_size(indexed_graph, neo4j_settings.database) == before


def test_entity_facts_ranks_facts_touching_more_entities(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "entity_facts", entities=["oman", "united_states"]).rows
    assert rows[0]["_ids"] == ["ev_oman_talks"] and rows[0]["matched"] == 2
    assert all(r["quotes"] for r in rows)


def test_actor_profile_lists_what_an_actor_took_part_in(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "actor_profile", actor="Oman").rows
    assert [(r["kind"], r["role"]) for r in rows] == [("Event", "mediator, third party")]
    assert rows[0]["quotes"][0]["doc"] == "doc_b.txt"


def test_did_happen_counts_sources_and_how_they_put_it(graph, neo4j_settings):
    rows = run(graph, neo4j_settings, "did_happen", item="su_35").rows
    assert [r["_ids"] for r in rows] == [["ev_su35"]] and rows[0]["certainty"] == "denied"
    assert rows[0]["sources"] == len({q["doc"] for q in rows[0]["quotes"]})
    assert set(rows[0]["by_certainty"]) <= {"asserted", "reported", "alleged", "expected", "denied"}
    assert run(graph, neo4j_settings, "did_happen").rows == [], "nothing asked, nothing answered"


def test_sources_and_passage_context(graph, neo4j_settings):
    assert [r["doc"] for r in run(graph, neo4j_settings, "sources").rows] == ["doc_a.txt", "doc_b.txt"]
    rows = run(graph, neo4j_settings, "passage_context", at=["doc_a.txt#3"]).rows
    assert [(q["passage"], q["certainty"]) for q in rows[0]["quotes"]] == [(4, "context after"), (2, "context before")]
