"""`irkg schema apply` against the real server: idempotent, Arabic full-text search works."""

from __future__ import annotations

from typer.testing import CliRunner

from irkg.cli import app
from irkg.graph.connect import read_cypher
from irkg.graph.schema_apply import apply_schema, list_constraints, list_indexes
from irkg.schema import ddl


def _drop_schema(driver) -> None:
    """Drop every constraint and non-lookup index so apply starts from nothing."""
    for c in list_constraints(driver):
        driver.execute_query(read_cypher("drop_constraint"), name=c["name"])
    for i in list_indexes(driver):
        if i["type"] != "LOOKUP" and not i["owningConstraint"]:
            driver.execute_query(read_cypher("drop_index"), name=i["name"])


def _schema_snapshot(driver) -> tuple[list, list]:
    constraints = [(c["name"], c["type"], tuple(c["labels"]), tuple(c["properties"])) for c in list_constraints(driver)]
    indexes = [(i["name"], i["type"], i["state"], tuple(i["labels"] or ()), tuple(i["properties"] or ()), i["analyzer"])
               for i in list_indexes(driver)]
    return constraints, indexes


def test_apply_schema_creates_everything_then_nothing(db):
    _drop_schema(db)
    first = apply_schema(db)
    expected = {n for n, _ in ddl.constraint_statements()} | {n for n, _ in ddl.index_statements()} | {ddl.FULLTEXT_INDEX}
    assert {i.name for i in first.created} == expected
    assert first.analyzer == "arabic" and not first.warnings
    after_first = _schema_snapshot(db)

    second = apply_schema(db)
    assert second.created == []
    assert {i.name for i in second.items} == expected
    assert _schema_snapshot(db) == after_first


def test_schema_show_lists_constraints_and_fulltext_index(schema_db):
    constraints, indexes = _schema_snapshot(schema_db)
    by_name = {c[0]: c for c in constraints}
    assert by_name["passage_id"] == ("passage_id", "UNIQUENESS", ("Passage",), ("id",))
    fulltext = [i for i in indexes if i[0] == ddl.FULLTEXT_INDEX][0]
    assert fulltext[1:] == ("FULLTEXT", "ONLINE", ("Passage",), ("text",), "arabic")
    assert all(i[2] == "ONLINE" for i in indexes)


def test_arabic_fulltext_index_finds_passage_by_inflected_word(schema_db):
    schema_db.execute_query(read_cypher("test_create_passage"), id="doc1#0", doc="doc1",
                            text="وقّعت طهران وموسكو اتفاقية للتعاون في مجال الطاقة النووية السلمية.")
    schema_db.execute_query(read_cypher("test_create_passage"), id="doc1#1", doc="doc1",
                            text="ناقش الوزيران أسعار القمح وخطوط النقل عبر بحر قزوين.")
    schema_db.execute_query(read_cypher("await_indexes"), seconds=60)
    # The Arabic analyzer strips the definite article and normalizes: "اتفاقيه" finds "اتفاقية".
    records, _, _ = schema_db.execute_query(read_cypher("search_passages"), query="الاتفاقيه", limit=5)
    assert [r["id"] for r in records] == ["doc1#0"]
    records, _, _ = schema_db.execute_query(read_cypher("search_passages"), query="قزوين", limit=5)
    assert [r["id"] for r in records] == ["doc1#1"]


def test_cli_schema_apply_reports_created_then_present(db, neo4j_settings):
    _drop_schema(db)
    runner = CliRunner()
    first = runner.invoke(app, ["schema", "apply"])
    assert first.exit_code == 0, first.output
    assert "created" in first.output and "passage_text" in first.output and "arabic" in first.output
    second = runner.invoke(app, ["schema", "apply"])
    assert second.exit_code == 0, second.output
    assert "0 created" in second.output
    shown = runner.invoke(app, ["schema", "show"])
    assert shown.exit_code == 0, shown.output
    assert "passage_id" in shown.output and "passage_text" in shown.output
