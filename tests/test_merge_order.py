"""A fact several documents state has the same properties whatever order they are loaded, unloaded and reloaded in."""

from __future__ import annotations

import shutil
from pathlib import Path

from irkg.graph.load import load_paths
from irkg.graph.unload import unload_document
from irkg.graph.write import load_extractions
from load_samples import Fact, graph_snapshot, make_extraction

CORPUS = Path("/work/shared/corpus")


def _treaty(file: str, sentence: str, **fields) -> object:
    return make_extraction(file, [sentence], [Fact("agreement", "treaty-2025", 0, {
        "agreement_kind": "treaty", "parties": ["iran", "russia"], **fields})])


def _a():
    return _treaty("a.txt", "ووقعت إيران وروسيا معاهدة شراكة شاملة لمدة عشرين عاما في يناير 2025.",
                   date="2025-01", duration_years=20, status="signed", names=["معاهدة الشراكة الشاملة"])


def _b():
    return _treaty("b.txt", "وصادقت إيران وروسيا على معاهدة الشراكة الشاملة ومدتها خمسة وعشرون عاما في 17 يناير 2025.",
                   date="2025-01-17", duration_years=25, status="ratified", names=["Comprehensive Strategic Partnership Treaty"])


def _c():
    return _treaty("c.txt", "وتجمدت معاهدة إيران وروسيا الموقعة عام 2024.", date="2024", status="frozen")


def _treaty_props(db) -> dict:
    records, _, _ = db.execute_query("MATCH (t:Agreement {id: 'treaty-2025'}) RETURN properties(t) AS props")
    return records[0]["props"]


def test_shared_fact_has_the_same_properties_in_every_load_order(schema_db):
    orders = [[_a(), _b(), _c()], [_c(), _b(), _a()], [_b(), _a(), _c()]]
    seen = []
    for order in orders:
        schema_db.execute_query("MATCH (n) DETACH DELETE n")
        for x in order:  # one document per load
            load_extractions(schema_db, [x])
        seen.append(graph_snapshot(schema_db))
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(schema_db, [_b(), _c(), _a()])  # all in one batch
    seen.append(graph_snapshot(schema_db))
    assert all(s == seen[0] for s in seen[1:])
    props = _treaty_props(schema_db)
    # The merge: disagreements listed, values from the document first by path, the most precise compatible date.
    assert props["duration_years"] == 20 and props["status"] == "frozen" and props["date"] == "2025-01-17"
    assert set(props["conflicts"]) == {"date", "duration_years"}


def test_unload_and_reload_come_back_to_the_same_properties(schema_db):
    load_extractions(schema_db, [_a(), _b(), _c()])
    together = graph_snapshot(schema_db)
    unload_document(schema_db, "a.txt")
    without_a = _treaty_props(schema_db)
    load_extractions(schema_db, [_a()])
    assert graph_snapshot(schema_db) == together
    # Without a.txt the treaty is what b.txt and c.txt say, exactly as if a.txt had never been loaded.
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(schema_db, [_c(), _b()])
    assert _treaty_props(schema_db) == without_a
    assert without_a["duration_years"] == 25 and without_a["date"] == "2025-01-17"


def test_real_corpus_graph_does_not_depend_on_load_order(schema_db, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    files = sorted(corpus.glob("*.txt"))
    load_paths(schema_db, [corpus])
    together = graph_snapshot(schema_db)
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    for f in reversed(files):
        load_paths(schema_db, [f])
    assert graph_snapshot(schema_db) == together
    for f in files[:2]:
        unload_document(schema_db, f.name)
    load_paths(schema_db, [corpus])
    assert graph_snapshot(schema_db) == together


def test_variants_another_version_wrote_are_read_leniently():
    import json

    from irkg.graph.merge import merge_variants
    from irkg.graph.rows import record_variant

    x = _a()
    treaty = next(r for r in x.records if r.id == "treaty-2025")
    current = record_variant(treaty, treaty.evidence)
    older = json.loads(current)
    older["retired_field"] = "x"  # a field a later version dropped: ignored
    older["evidence"][0]["retired"] = 1
    broken = {**json.loads(current), "duration_years": "twenty"}  # a type that no longer fits: left out
    merged = merge_variants([json.dumps(older), json.dumps(broken), "{}"])
    assert merged.duration_years == 20 and merged.id == "treaty-2025"
    assert merge_variants(["{}"]) is None
