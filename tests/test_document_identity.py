"""Documents are known by their path relative to the folder loaded plus their content; metadata counts as a change."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from irkg.cli import app
from irkg.errors import InputError
from irkg.graph.load import load_paths
from irkg.graph.unload import unload_document

VISIT = "زار الرئيس الروسي فلاديمير بوتين طهران أمس والتقى نظيره الإيراني مسعود بزشكيان.\n"
TREATY = "ووقعت إيران وروسيا معاهدة شراكة استراتيجية شاملة لمدة عشرين عاما في 17 يناير 2025.\n"


def _rows(db, query, **params):
    records, _, _ = db.execute_query(query, params)
    return [r.data() for r in records]


def _two_reports(tmp_path):
    root = tmp_path / "s"
    for year, text in (("2024", VISIT), ("2025", TREATY)):
        (root / year).mkdir(parents=True)
        (root / year / "report.txt").write_text(text, encoding="utf-8")
    return root


def test_same_file_name_in_two_folders_both_load_and_stay(schema_db, tmp_path):
    root = _two_reports(tmp_path)
    first = load_paths(schema_db, [root])
    assert len(first.loaded) == 2 and not first.replaced
    second = load_paths(schema_db, [root])
    assert len(second.skipped) == 2 and not second.loaded and not second.replaced
    assert _rows(schema_db, "MATCH (s:Source) RETURN s.file AS file ORDER BY file") == [
        {"file": "2024/report.txt"}, {"file": "2025/report.txt"}]


def test_evidence_names_the_document_by_its_relative_path(schema_db, tmp_path):
    load_paths(schema_db, [_two_reports(tmp_path)])
    files = _rows(schema_db, "MATCH ()-[e:EVIDENCED_BY]->(p:Passage) RETURN DISTINCT e.file AS file, p.file AS passage ORDER BY file")
    assert files == [{"file": "2024/report.txt", "passage": "2024/report.txt"},
                     {"file": "2025/report.txt", "passage": "2025/report.txt"}]


def test_unload_by_relative_path_removes_only_that_document(schema_db, tmp_path):
    load_paths(schema_db, [_two_reports(tmp_path)])
    report = unload_document(schema_db, "2024/report.txt")
    assert len(report.docs) == 1
    assert _rows(schema_db, "MATCH (s:Source) RETURN s.file AS file") == [{"file": "2025/report.txt"}]
    # A longer path that ends with the relative path picks it too.
    unload_document(schema_db, str(tmp_path / "s" / "2025" / "report.txt"))
    assert _rows(schema_db, "MATCH (s:Source) RETURN count(s) AS n") == [{"n": 0}]


def test_unload_of_a_file_name_several_documents_have_is_refused_listing_them(schema_db, neo4j_settings, tmp_path, irkg_run):
    load_paths(schema_db, [_two_reports(tmp_path)])
    with pytest.raises(InputError):
        unload_document(schema_db, "report.txt")
    code, out, err = irkg_run("unload", "report.txt")
    assert code == 1 and out == ""
    assert err == ("error: 'report.txt' names 2 loaded documents: 2024/report.txt, 2025/report.txt; "
                          "give the relative path or the document id\n")
    assert _rows(schema_db, "MATCH (s:Source) RETURN count(s) AS n") == [{"n": 2}]


def test_unload_by_document_id(schema_db, tmp_path):
    load_paths(schema_db, [_two_reports(tmp_path)])
    doc_id = _rows(schema_db, "MATCH (s:Source {file: '2025/report.txt'}) RETURN s.id AS id")[0]["id"]
    res = CliRunner().invoke(app, ["unload", doc_id])
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"unloaded {doc_id}: -")
    assert _rows(schema_db, "MATCH (s:Source) RETURN s.file AS file") == [{"file": "2024/report.txt"}]


def test_editing_published_in_corpus_yaml_reloads_and_recomputes_relative_dates(schema_db, tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text(VISIT, encoding="utf-8")
    (root / "corpus.yaml").write_text("documents:\n- file: a.txt\n  published: 2024-03-05\n", encoding="utf-8")
    load_paths(schema_db, [root])
    query = "MATCH (e:Event {type: 'meeting'}) RETURN e.date AS date"
    assert _rows(schema_db, query) == [{"date": "2024-03-04"}]
    (root / "corpus.yaml").write_text("documents:\n- file: a.txt\n  published: 2025-06-10\n", encoding="utf-8")
    report = load_paths(schema_db, [root])
    assert len(report.loaded) == 1 and not report.skipped
    assert _rows(schema_db, "MATCH (s:Source) RETURN s.published AS published") == [{"published": "2025-06-10"}]
    assert _rows(schema_db, query) == [{"date": "2025-06-09"}]
    assert len(load_paths(schema_db, [root]).skipped) == 1  # and unchanged after that


def test_stances_of_two_documents_with_one_file_name_stay_apart(tmp_path):
    from irkg.loaders.pipeline import extract_documents

    sentence = "ويرى الكاتب أن العلاقة بين إيران وروسيا ليست شراكة استراتيجية بل تقارب تكتيكي.\n"
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(sentence, encoding="utf-8")
    extractions, _ = extract_documents([tmp_path])
    ids = [{r.id for r in x.records if r.kind == "stance"} for x in extractions]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
