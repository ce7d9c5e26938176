"""One document's internal error is one line; the other documents are still extracted and loaded."""

from __future__ import annotations

from typer.testing import CliRunner

from irkg.cli import app
from irkg.loaders import recognize as recognize_module

GOOD = "زار وزير الخارجية الروسي طهران في 3 مارس 2024 والتقى نظيره الإيراني.\n"
BAD = "هذه الوثيقة تفشل عمداً في خطوة التعرف.\n"


def _corpus(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "c_good.txt").write_text(GOOD.replace("2024", "2023"), encoding="utf-8")
    return tmp_path


def _break_one_document(monkeypatch):
    """Make recognition raise for the passages of b_bad.txt only (an internal bug, not bad input)."""
    real = recognize_module.recognize

    def flaky(passage, *args, **kwargs):
        if passage.file == "b_bad.txt":
            raise IndexError("string index out of range")
        return real(passage, *args, **kwargs)

    monkeypatch.setattr(recognize_module, "recognize", flaky)


def test_extract_reports_the_failed_document_in_one_line_and_keeps_the_others(tmp_path, monkeypatch):
    _break_one_document(monkeypatch)
    out = tmp_path / "x.jsonl"
    res = CliRunner().invoke(app, ["extract", str(_corpus(tmp_path / "docs")), "-o", str(out)])
    assert res.exit_code == 3
    assert "failed b_bad.txt: internal error in recognize, rerun with --debug" in res.output
    assert "Traceback" not in res.output
    text = out.read_text(encoding="utf-8")
    assert '"file":"a_good.txt"' in text and '"file":"c_good.txt"' in text
    assert "b_bad.txt" not in text


def test_debug_shows_the_traceback_of_the_failed_document(tmp_path, monkeypatch):
    _break_one_document(monkeypatch)
    monkeypatch.setenv("IRKG_DEBUG", "0")  # --debug sets it to 1; the monkeypatch restores it afterwards
    res = CliRunner().invoke(app, ["--debug", "extract", str(_corpus(tmp_path / "docs")), "-o", str(tmp_path / "x.jsonl")])
    assert isinstance(res.exception.__cause__, IndexError)  # the traceback shows the original error


def test_load_writes_the_others_and_exits_like_extract(schema_db, neo4j_settings, tmp_path, monkeypatch):
    _break_one_document(monkeypatch)
    res = CliRunner().invoke(app, ["load", str(_corpus(tmp_path / "docs"))])
    assert res.exit_code == 3, res.output
    assert "failed: b_bad.txt: internal error in recognize, rerun with --debug" in res.output
    records, _, _ = schema_db.execute_query("MATCH (s:Source) RETURN s.file AS file ORDER BY file",
                                            database_=neo4j_settings.database)
    assert [r["file"] for r in records] == ["a_good.txt", "c_good.txt"]
