"""Graph statistics, provenance checks and the curation listing, through the library and the CLI."""

from __future__ import annotations

from typer.testing import CliRunner

from irkg.cli import app
from irkg.graph.stats import graph_stats, list_actors
from irkg.graph.write import load_extractions
from load_samples import corpus, doc_b

runner = CliRunner()


def test_stats_count_labels_and_relationship_types(schema_db):
    load_extractions(schema_db, corpus())
    stats = graph_stats(schema_db)
    assert stats.labels["Source"] == 3 and stats.labels["Passage"] == 8
    assert stats.labels["Actor"] == 6 and stats.labels["State"] == 3 and stats.labels["Person"] == 3
    assert stats.labels["Agreement"] == 1 and stats.labels["Event"] == 1
    assert stats.relationships["EVIDENCED_BY"] == 7 and stats.relationships["HAS_PASSAGE"] == 8
    assert stats.relationships["PARTICIPATED_IN"] == 2


def test_stats_report_no_fact_without_evidence_and_one_unlinked_actor(schema_db):
    load_extractions(schema_db, corpus())
    stats = graph_stats(schema_db)
    assert stats.facts_without_evidence == 0
    assert stats.links_without_documents == 0
    assert stats.entities_without_support == 0
    assert stats.incomplete_sources == 0
    assert stats.unlinked_actors == 1


def test_stats_notice_a_fact_without_evidence(schema_db):
    schema_db.execute_query("CREATE (:Event {id: 'orphan-event', type: 'visit'})")
    assert graph_stats(schema_db).facts_without_evidence == 1


def test_unlinked_actors_come_with_their_quotes(schema_db):
    load_extractions(schema_db, corpus())
    actors = list_actors(schema_db, unlinked_only=True)
    b = doc_b()
    assert [a["id"] for a in actors] == ["unlinked-talaei"]
    assert actors[0]["quotes"] == [{"quote": b.passages[2].text, "doc": b.document.id, "file": "b.txt", "passage": 2}]


def test_cli_stats_prints_counts_and_checks(schema_db, neo4j_settings):
    load_extractions(schema_db, corpus())
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0, result.output
    assert "facts without evidence          0" in result.output
    assert "Agreement" in result.output and "PARTICIPATED_IN" in result.output


def test_cli_actors_unlinked_lists_name_and_quote(schema_db, neo4j_settings):
    load_extractions(schema_db, corpus())
    result = runner.invoke(app, ["actors", "--unlinked"])
    assert result.exit_code == 0, result.output
    assert "unlinked-talaei  (person, 1 mentions, unlinked)  رضا طلائي" in result.output
    assert "b.txt#2: وحضر التوقيع العميد رضا طلائي ممثلا عن إيران." in result.output


def test_cli_unload_by_file_name(schema_db, neo4j_settings):
    load_extractions(schema_db, corpus())
    result = runner.invoke(app, ["unload", "c.txt"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"unloaded {corpus()[2].document.id}: -")
    assert graph_stats(schema_db).labels["Source"] == 2
