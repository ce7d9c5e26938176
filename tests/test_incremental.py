"""Reloading after an edit: only the edited document's contribution changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from irkg.cli import app
from irkg.graph.load import load_paths
from irkg.graph.stats import graph_stats
from irkg.graph.write import load_extractions, plan_load
from load_samples import corpus, doc_a, doc_a_edited, doc_b, doc_c, graph_snapshot


def _rows(db, query, **params):
    records, _, _ = db.execute_query(query, params)
    return [r.data() for r in records]


def test_plan_load_skips_unchanged_documents_before_extraction(schema_db):
    load_extractions(schema_db, corpus(), fingerprint="dicts-1")
    docs = [doc_a_edited().document, doc_b().document, doc_c().document]
    to_load, unchanged = plan_load(schema_db, docs, fingerprint="dicts-1")
    assert [d.file for d in to_load] == ["a.txt"]
    assert [d.file for d in unchanged] == ["b.txt", "c.txt"]


def test_plan_load_reloads_everything_when_the_dictionaries_change(schema_db):
    load_extractions(schema_db, corpus(), fingerprint="dicts-1")
    to_load, unchanged = plan_load(schema_db, [x.document for x in corpus()], fingerprint="dicts-2")
    assert len(to_load) == 3 and unchanged == []


def test_edited_document_replaces_its_old_version_found_by_file_name(schema_db):
    load_extractions(schema_db, corpus())
    report = load_extractions(schema_db, [doc_a_edited(), doc_b(), doc_c()])
    assert report.loaded == [doc_a_edited().document.id]
    assert report.replaced == [doc_a().document.id]
    assert sorted(report.skipped) == sorted([doc_b().document.id, doc_c().document.id])
    sources = _rows(schema_db, "MATCH (s:Source {file: 'a.txt'}) RETURN s.id AS id")
    assert sources == [{"id": doc_a_edited().document.id}]


def test_edit_removes_facts_only_the_old_version_stated(schema_db):
    load_extractions(schema_db, corpus())
    load_extractions(schema_db, [doc_a_edited()])
    gone = _rows(schema_db, "MATCH (n) WHERE n.id IN ['constraint-russian-war-needs', 'su-35', 'arms_deliveries'] RETURN n.id AS id")
    assert gone == []
    new = _rows(schema_db, "MATCH (s:Stance {id: 'stance-a-trade-doubles'})-[:EVIDENCED_BY]->(p:Passage) RETURN p.doc AS doc")
    assert new == [{"doc": doc_a_edited().document.id}]
    assert graph_stats(schema_db).facts_without_evidence == 0


def test_fact_shared_with_another_document_keeps_that_documents_evidence(schema_db):
    load_extractions(schema_db, corpus())
    load_extractions(schema_db, [doc_a_edited()])
    ev = _rows(schema_db, "MATCH (:Agreement {id: 'treaty-2025'})-[e:EVIDENCED_BY]->(p:Passage) RETURN p.file AS file, e.doc AS doc")
    assert ev == [{"file": "b.txt", "doc": doc_b().document.id}]
    docs = _rows(schema_db, "MATCH (:Actor)-[r:PARTY_TO]->(:Agreement {id: 'treaty-2025'}) RETURN r.docs AS docs")
    assert docs == [{"docs": [doc_b().document.id]}] * 2
    # The visit no longer concerns the treaty: only the old version of a.txt said so.
    assert _rows(schema_db, "MATCH (:Event)-[r:CONCERNS]->(:Agreement) RETURN r") == []


def test_other_documents_contribution_is_untouched_by_an_edit(schema_db):
    load_extractions(schema_db, corpus())
    query = ("MATCH (p:Passage {file: $file})-[r]-(n) RETURN p.id AS p, type(r) AS t, n.id AS n, properties(r) AS props "
             "ORDER BY p, t, n")
    before = _rows(schema_db, query, file="c.txt")
    load_extractions(schema_db, [doc_a_edited()])
    assert _rows(schema_db, query, file="c.txt") == before


def test_incremental_reload_converges_to_a_clean_load(schema_db):
    load_extractions(schema_db, corpus())
    load_extractions(schema_db, [doc_a_edited(), doc_b(), doc_c()])
    incremental = graph_snapshot(schema_db)
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(schema_db, [doc_a_edited(), doc_b(), doc_c()])
    assert graph_snapshot(schema_db) == incremental


def test_source_left_incomplete_is_reloaded(schema_db):
    a = doc_a()
    schema_db.execute_query("CREATE (:Source {id: $id, file: 'a.txt', sha256: $sha, complete: false})",
                            id=a.document.id, sha=a.document.sha256)
    to_load, _ = plan_load(schema_db, [a.document])
    assert to_load == [a.document]
    report = load_extractions(schema_db, [a])
    assert report.loaded == [a.document.id]
    clean = graph_snapshot(schema_db)
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(schema_db, [a])
    assert graph_snapshot(schema_db) == clean


CORPUS = Path("/work/shared/corpus")


def _copy_corpus(tmp_path: Path) -> Path:
    out = tmp_path / "corpus"
    shutil.copytree(CORPUS, out)
    return out


def test_real_corpus_loads_and_a_second_load_skips_everything(schema_db, tmp_path):
    corpus_dir = _copy_corpus(tmp_path)
    first = load_paths(schema_db, [corpus_dir])
    assert len(first.loaded) == 5 and not first.failed and first.facts > 0
    before = graph_snapshot(schema_db)
    second = load_paths(schema_db, [corpus_dir])
    assert len(second.skipped) == 5 and not second.loaded
    assert graph_snapshot(schema_db) == before
    assert graph_stats(schema_db).facts_without_evidence == 0


def test_real_corpus_edit_of_one_file_changes_only_its_contribution(schema_db, tmp_path):
    corpus_dir = _copy_corpus(tmp_path)
    load_paths(schema_db, [corpus_dir])
    files = sorted(p.name for p in corpus_dir.glob("*.txt"))
    edited, others = files[-1], files[:-1]
    query = ("MATCH (p:Passage)<-[e:EVIDENCED_BY]-(f) WHERE p.file IN $files "
             "RETURN p.id AS p, f.id AS f, e.start AS start, e.quote AS quote ORDER BY p, f, start")
    before = _rows(schema_db, query, files=others)
    path = corpus_dir / edited
    path.write_text(path.read_text(encoding="utf-8") + "\n\nووقعت إيران وروسيا اتفاقية جديدة للتعاون في مجال الطاقة في مارس 2026.\n",
                    encoding="utf-8")
    report = load_paths(schema_db, [corpus_dir])
    assert len(report.loaded) == 1 and len(report.replaced) == 1 and len(report.skipped) == 4
    assert _rows(schema_db, query, files=others) == before
    assert _rows(schema_db, "MATCH (s:Source {file: $file}) RETURN count(s) AS n", file=edited) == [{"n": 1}]
    assert graph_stats(schema_db).facts_without_evidence == 0


def test_cli_load_prints_a_summary_and_skips_unchanged_files_the_second_time(schema_db, neo4j_settings, tmp_path):
    corpus_dir = _copy_corpus(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["load", str(corpus_dir)])
    assert first.exit_code == 0, first.output
    assert "documents: 5 loaded, 0 unchanged (skipped), 0 failed" in first.output
    second = runner.invoke(app, ["load", str(corpus_dir)])
    assert "documents: 0 loaded, 5 unchanged (skipped), 0 failed" in second.output
    assert "graph: +0 / -0 nodes, +0 / -0 relationships" in second.output
