"""`irkg report`: the brief's data read back against the graph, its options and errors, and its pure shaping steps."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from irkg.cli import app
from irkg.queries.report.gather import Selection
from irkg.queries.report.shape import date_span, disagreements, lifecycle
from irkg.queries.report.words import Words, isolate_dates, script_lang

FIXTURE = Path(__file__).resolve().parent / "data" / "queries_fixture.cypher"
DATA_RE = re.compile(r'<script type="application/json" id="brief-data">(.*?)</script>', re.S)


@pytest.fixture
def graph(db, neo4j_settings):
    with db.session(database=neo4j_settings.database) as s:
        s.run(FIXTURE.read_text(encoding="utf-8")).consume()
    return db


def count(driver, settings, cypher: str) -> int:
    records, _, _ = driver.execute_query(cypher, database_=settings.database)
    return records[0][0]


def write_brief(tmp_path: Path, *args: str) -> tuple[str, dict]:
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["report", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out.resolve()} (")
    html = out.read_text(encoding="utf-8")
    return html, json.loads(DATA_RE.search(html).group(1).replace("<\\/", "</"))


# Counts read from the graph by our own Cypher, not through the library queries the brief uses.
DATED_EVENTS = "MATCH (e:Event) WHERE e.date IS NOT NULL RETURN count(e)"
UNDATED_EVENTS = "MATCH (e:Event) WHERE e.date IS NULL RETURN count(e)"
NETWORK_ACTORS = """
MATCH (a:Actor)-[r]-(f) WHERE (type(r) = 'PARTICIPATED_IN' AND f:Event) OR (type(r) = 'PARTY_TO' AND f:Agreement)
   OR (type(r) IN ['BETWEEN', 'INVOLVES_THIRD_PARTY'] AND f:Friction)
RETURN count(DISTINCT a)"""
NETWORK_LINKS = """
MATCH (a:Actor)-[r]-(f) WHERE (type(r) = 'PARTICIPATED_IN' AND f:Event) OR (type(r) = 'PARTY_TO' AND f:Agreement)
   OR (type(r) IN ['BETWEEN', 'INVOLVES_THIRD_PARTY'] AND f:Friction)
WITH f, head(labels(f)) AS kind, collect(DISTINCT a.id) AS ids
UNWIND ids AS x UNWIND ids AS y
WITH kind, x, y WHERE x < y
RETURN count(DISTINCT [x, y, kind])"""
CHARTED_MEASURES = """
MATCH (i:Indicator)-[e:EVIDENCED_BY]->()
WITH i.what AS what, i.unit AS unit, collect(coalesce(e.claim_date, i.date)) AS dates
WHERE size(dates) > 0 RETURN count(*)"""
CLAIMS = "MATCH (i:Indicator)-[e:EVIDENCED_BY]->() WHERE coalesce(e.claim_value, toString(i.value)) IS NOT NULL RETURN count(e)"


def test_brief_holds_what_the_graph_holds(graph, neo4j_settings, tmp_path):
    html, data = write_brief(tmp_path)
    c = lambda q: count(graph, neo4j_settings, q)  # noqa: E731
    assert len(data["timeline"]["events"]) == c(DATED_EVENTS) == 4
    assert len(data["timeline"]["undated"]) == c(UNDATED_EVENTS) == 1
    assert len(data["network"]["nodes"]) == c(NETWORK_ACTORS)
    assert len(data["network"]["links"]) == c(NETWORK_LINKS)
    assert len(data["indicators"]["charts"]) == c(CHARTED_MEASURES) == 1
    assert sum(len(m["claims"]) for m in data["indicators"]["charts"]) == c(CLAIMS) == 2
    # every fact in the graph with evidence is in the brief with all its quotes
    facts, _, _ = graph.execute_query(
        "MATCH (f)-[e:EVIDENCED_BY]->() RETURN f.id AS id, collect(e.quote) AS quotes", database_=neo4j_settings.database)
    for rec in facts:
        assert sorted(q["text"] for q in data["facts"][rec["id"]]["quotes"]) == sorted(rec["quotes"])
    assert '<html lang="en" dir="ltr">' in html
    assert {q["lang"] for f in data["facts"].values() for q in f["quotes"]} == {"ar"}, "the fixture's sentences are Arabic"


def test_brief_is_self_contained(graph, tmp_path):
    html, _ = write_brief(tmp_path)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html), "nothing is loaded from elsewhere"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "https://d3js.org v7.9.2" in html and "Permission to use, copy, modify" in html, "D3 inlined with its license"


def test_brief_marks_hedged_facts_lifecycle_and_disagreements(graph, tmp_path):
    html, data = write_brief(tmp_path)
    certainty = {e["id"]: e["certainty"] for e in data["timeline"]["events"] + data["timeline"]["undated"]}
    assert certainty["ev_drones"] == "alleged" and certainty["ev_su35"] == "denied"
    assert [e["id"] for e in data["timeline"]["undated"]] == ["ev_su35"]
    drones = next(e for e in data["timeline"]["events"] if e["id"] == "ev_drones")
    assert (drones["start"], drones["end"], drones["precision"]) == ("2022-01-01", "2022-12-31", "year")
    (chart,) = data["indicators"]["charts"]
    assert {(c["doc"], c["value"]) for c in chart["claims"]} == {("doc_a.txt", 4.8), ("doc_b.txt", 4.0)}
    assert [(d["date"], d["lo"], d["hi"]) for d in chart["disagreements"]] == [("2024", 4.0, 4.8)]
    assert 'class="stage reached disagree"' in html, "the treaty's signing date differs between the two sources"
    assert "2025-01-17 / 2025-01-18" in html and "mutual defence clause" in html


def test_brief_on_a_topic_and_an_actor(graph, neo4j_settings, tmp_path):
    _, data = write_brief(tmp_path, "--topic", "arms")
    assert {e["id"] for e in data["timeline"]["events"] + data["timeline"]["undated"]} == {"ev_drones"}
    assert {n["id"] for n in data["network"]["nodes"]} == {"iran", "russia"}
    html, data = write_brief(tmp_path, "--actor", "بوتين")
    assert {e["id"] for e in data["timeline"]["events"]} == {"ev_visit_2025"}
    assert "Vladimir Putin" in html.split("</header>")[0]


def test_brief_period_leaves_out_undated_events(graph, tmp_path):
    html, data = write_brief(tmp_path, "--from", "2025", "--to", "2025")
    assert sorted(e["date"] for e in data["timeline"]["events"]) == ["2025-01", "2025-01-17", "2025-04"]
    assert data["timeline"]["undated"] == []
    assert data["indicators"]["charts"] == [], "the 2024 figure is outside the period"
    assert "Frictions, constraints and stances carry no date" in html


def test_brief_in_arabic(graph, neo4j_settings, tmp_path):
    graph.execute_query("MATCH (e:Event {id: 'ev_visit_2025'}) SET e.label_ar = 'زيارة مسعود بزشكيان إلى موسكو'",
                        database_=neo4j_settings.database)
    html, data = write_brief(tmp_path, "--lang", "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h2>الخط الزمني</h2>" in html and "<h2>الشبكة</h2>" in html
    visit = next(e for e in data["timeline"]["events"] if e["id"] == "ev_visit_2025")
    assert visit["label"] == "زيارة مسعود بزشكيان إلى موسكو"
    assert visit["type_label"] == "زيارة"
    assert data["facts"]["ev_drones"]["certainty_label"] == "مزعوم"
    # a label the graph has only in English keeps its own direction and font in the Arabic page
    assert '<bdi lang="en" dir="auto">Energy market competition</bdi>' in html


@pytest.mark.parametrize("args, message", [
    (["--topic", "armz"], "error: --topic 'armz': no topic of that id or name in the graph (topics: "),
    (["--actor", "Nobody"], "error: --actor 'Nobody': no actor of that id, name or alias in the graph; list them with `irkg actors`"),
    (["--from", "2025", "--to", "2020"], "error: --from 2025 is after --to 2020; give the earlier year first"),
    (["--lang", "fr"], "error: --lang 'fr': use en or ar"),
])
def test_report_errors(graph, neo4j_env, tmp_path, args, message):
    proc = subprocess.run([sys.executable, "-m", "irkg", "report", "-o", str(tmp_path / "b.html"), *args],
                          capture_output=True, text=True, timeout=120, env=neo4j_env)
    assert proc.returncode == 1
    assert proc.stderr.startswith(message), proc.stderr
    assert not (tmp_path / "b.html").exists()


def test_empty_graph_gives_an_empty_brief(db, tmp_path):
    html, data = write_brief(tmp_path)
    assert data["timeline"]["events"] == [] and data["network"]["nodes"] == []
    assert "Nothing in the graph matches this selection." in html


@pytest.mark.parametrize("date, span", [
    ("2025", ("2025-01-01", "2025-12-31", "year")),
    ("2024-02", ("2024-02-01", "2024-02-29", "month")),
    ("2025-01-17", ("2025-01-17", "2025-01-17", "day")),
    ("2025-13", None), ("1990s", None), (None, None), ("", None),
])
def test_date_span(date, span):
    got = date_span(date)
    assert (got and (got["start"], got["end"], got["precision"])) == span or (got is None and span is None)


def test_lifecycle_keeps_each_date_with_how_it_is_put():
    row = {"signed": None, "ratified": "2025", "in_force": None, "status": "ratified", "certainty": "asserted",
           "quotes": [{"date": "2025-01-17", "certainty": "asserted"}, {"date": "2025-01", "certainty": "asserted"}],
           "lifecycle": [{"type": "signing", "date": "2024-05", "certainty": "alleged"},
                         {"type": "entry_into_force", "date": None, "certainty": "expected"}]}
    signed, ratified, in_force = lifecycle(row, Words("en"))
    assert signed["state"] == "reached" and signed["disagree"]
    assert signed["dates"] == [{"date": "2024-05", "certainty": "alleged"}, {"date": "2025-01-17", "certainty": "asserted"}]
    assert (ratified["state"], ratified["dates"], ratified["disagree"]) == ("reached", [{"date": "2025", "certainty": "asserted"}], False)
    assert (in_force["state"], in_force["dates"]) == ("hedged", [])


def test_disagreements_per_date():
    claims = [{"date": "2024", "start": "x", "value": 4.8, "value_label": "4.8", "doc": "a", "fact": "i1"},
              {"date": "2024", "start": "x", "value": 4.0, "value_label": "4", "doc": "b", "fact": "i1"},
              {"date": "2023", "start": "x", "value": 3.0, "value_label": "3", "doc": "a", "fact": "i2"},
              {"date": None, "value": 20.0, "value_label": "20", "doc": "a", "fact": "i3"},
              {"date": None, "value": 3.0, "value_label": "3", "doc": "c", "fact": "i4"}]
    got = disagreements(claims, Words("en"))
    assert [(d["date"], d["lo"], d["hi"], d["facts"]) for d in got] == [("2024", 4.0, 4.8, ["i1"]), (None, 3.0, 20.0, ["i3", "i4"])]
    assert got[0]["text"] == "4.8 (a); 4 (b)"


@pytest.mark.parametrize("lang, char, words", [
    ("en", "not_alliance", "not alliance"), ("en", "cautious_partnership", "cautious partnership"),
    ("ar", "cautious_partnership", "شراكة حذرة"), ("ar", "not_alliance", "ليست تحالف"), ("en", "new_kind", "new kind"),
])
def test_characterization_words(lang, char, words):
    assert Words(lang).characterization(char) == words


def test_words_numbers_and_scripts():
    assert Words("en").number(5e9, "USD") == "5 billion USD"
    assert Words("ar").number(5e9, "USD") == "5 مليار دولار"
    assert Words("en").number(15, "percent") == "15%"
    assert (script_lang("روسيا وإيران"), script_lang("Masoud Pezeshkian (إيران)"), script_lang("2025")) == ("ar", "en", "en")
    assert Selection(lang="ar").lang == "ar"


def test_iso_dates_in_arabic_keep_their_order():
    assert isolate_dates("زيارة إيران إلى موسكو، 2022-01") == "زيارة إيران إلى موسكو، \u20662022-01\u2069"
    assert isolate_dates(isolate_dates("توقيع 2025-01-17")) == "توقيع \u20662025-01-17\u2069"
    assert isolate_dates("Iran visits Moscow, 2022-01") == "Iran visits Moscow, 2022-01"
    assert Words("ar").label({"label": "x", "label_ar": "لقاء، 2010"}) == "لقاء، 2010"
