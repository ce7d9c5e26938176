"""Writing extractions into the real Neo4j: nodes, labels, provenance, idempotency, unload, bad input."""

from __future__ import annotations

import io

import pytest

from irkg.errors import InputError
from irkg.graph.progress import progress_printer
from irkg.graph.stats import graph_stats
from irkg.graph.unload import unload_document
from irkg.graph.write import load_extractions
from load_samples import Fact, corpus, doc_a, doc_b, doc_c, graph_counts, graph_snapshot, make_extraction


def _one(db, query, **params):
    records, _, _ = db.execute_query(query, params)
    return [r.data() for r in records]


def test_load_writes_sources_passages_and_facts_with_evidence(schema_db):
    report = load_extractions(schema_db, corpus())
    assert len(report.loaded) == 3 and not report.failed and report.facts == 7
    a = doc_a()
    src = _one(schema_db, "MATCH (s:Source {file: 'a.txt'}) RETURN s.id AS id, s.sha256 AS sha, s.complete AS complete, "
                          "COUNT { (s)-[:HAS_PASSAGE]->(:Passage) } AS passages")
    assert src == [{"id": a.document.id, "sha": a.document.sha256, "complete": True, "passages": 3}]
    ev = _one(schema_db, "MATCH (e:Event)-[r:EVIDENCED_BY]->(p:Passage) RETURN e.id AS id, p.id AS passage, "
                         "r.quote AS quote, r.start AS start, r.end AS end, r.doc AS doc, r.file AS file, r.claim_date AS date")
    p0 = a.passages[0]
    assert ev == [{"id": "visit-pezeshkian-moscow-2025-01", "passage": f"{a.document.id}:0", "quote": p0.text,
                   "start": p0.start, "end": p0.end, "doc": a.document.id, "file": "a.txt", "date": "2025-01"}]
    assert graph_stats(schema_db).facts_without_evidence == 0


def test_load_gives_actors_their_type_label_names_and_mentions(schema_db):
    load_extractions(schema_db, corpus())
    rows = _one(schema_db, "MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels, a.name_ar AS ar, a.linked AS linked, "
                           "COUNT { (:Passage)-[:MENTIONS]->(a) } AS mentions ORDER BY id")
    by_id = {r["id"]: r for r in rows}
    assert sorted(by_id["iran"]["labels"]) == ["Actor", "State"]
    assert sorted(by_id["putin"]["labels"]) == ["Actor", "Person"]
    assert by_id["putin"]["ar"] == "بوتين"
    assert by_id["unlinked-talaei"]["linked"] is False
    assert by_id["iran"]["mentions"] == 7


def test_links_carry_role_and_the_documents_that_state_them(schema_db):
    load_extractions(schema_db, corpus())
    roles = _one(schema_db, "MATCH (a:Actor)-[r:PARTICIPATED_IN]->(:Event) RETURN a.id AS actor, r.role AS role ORDER BY actor")
    assert roles == [{"actor": "pezeshkian", "role": "visitor"}, {"actor": "putin", "role": "host"}]
    docs = _one(schema_db, "MATCH (:Actor {id: 'iran'})-[r:PARTY_TO]->(:Agreement {id: 'treaty-2025'}) RETURN r.docs AS docs")
    assert sorted(docs[0]["docs"]) == sorted([doc_a().document.id, doc_b().document.id])
    types = _one(schema_db, "MATCH (f:Friction)-[r]->(a:Actor) RETURN type(r) AS t, a.id AS a ORDER BY t, a")
    assert types == [{"t": "BETWEEN", "a": "iran"}, {"t": "BETWEEN", "a": "russia"}, {"t": "INVOLVES_THIRD_PARTY", "a": "usa"}]
    stated = _one(schema_db, "MATCH (:Stance {id: 'stance-c-cautious'})-[:STATED_IN]->(s:Source) RETURN s.file AS file")
    assert stated == [{"file": "c.txt"}]


def test_shared_fact_keeps_evidence_from_each_document(schema_db):
    load_extractions(schema_db, corpus())
    files = _one(schema_db, "MATCH (:Agreement {id: 'treaty-2025'})-[e:EVIDENCED_BY]->(p:Passage) RETURN p.file AS file ORDER BY file")
    assert files == [{"file": "a.txt"}, {"file": "b.txt"}]


def test_loading_the_same_corpus_twice_changes_nothing(schema_db):
    load_extractions(schema_db, corpus())
    before = graph_snapshot(schema_db)
    again = load_extractions(schema_db, corpus(), batch_docs=2)
    assert len(again.skipped) == 3 and not again.loaded
    assert again.nodes_created == again.relationships_created == 0
    assert graph_snapshot(schema_db) == before


def test_forced_reload_leaves_counts_and_ids_unchanged(schema_db):
    load_extractions(schema_db, corpus())
    before = graph_snapshot(schema_db)
    again = load_extractions(schema_db, corpus(), force=True)
    assert len(again.loaded) == 3
    assert graph_snapshot(schema_db) == before


def test_unload_by_file_name_removes_what_only_that_document_stated(schema_db):
    load_extractions(schema_db, corpus())
    report = unload_document(schema_db, "c.txt")
    assert report.docs == [doc_c().document.id]
    after = graph_snapshot(schema_db)
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(schema_db, [doc_a(), doc_b()])
    assert after == graph_snapshot(schema_db)
    assert _one(schema_db, "MATCH (n) WHERE n.id IN ['usa', 'energy', 'friction-energy-markets'] RETURN n.id AS id") == []


def test_unload_by_id_then_everything_leaves_an_empty_graph(schema_db):
    load_extractions(schema_db, corpus())
    for x in corpus():
        unload_document(schema_db, x.document.id)
    assert graph_counts(schema_db) == (0, 0)


def test_unload_of_an_unknown_document_names_it(schema_db):
    with pytest.raises(InputError, match="no loaded document with id or path 'nothing.txt'"):
        unload_document(schema_db, "nothing.txt")


def test_fact_without_evidence_and_link_to_unknown_record_are_reported_not_written(schema_db):
    x = make_extraction("d.txt", ["التقى بوتين نظيره في موسكو."], [
        Fact("event", "meeting-unknown", 0, {"type": "meeting", "participants": ["putin", "ghost"]}),
    ])
    x.records.append(x.records[-1].model_copy(update={"id": "no-evidence", "evidence": []}))
    report = load_extractions(schema_db, [x])
    assert any("no-evidence has no evidence" in w for w in report.warnings)
    assert any("refers to actor ghost" in w for w in report.warnings)
    ids = _one(schema_db, "MATCH (e:Event) RETURN e.id AS id, COUNT { (:Actor)-[:PARTICIPATED_IN]->(e) } AS n")
    assert ids == [{"id": "meeting-unknown", "n": 1}]


def test_a_document_the_database_rejects_fails_alone(schema_db):
    bad = make_extraction("bad.txt", ["ووقع البلدان اتفاقا جديدا."], [
        Fact("agreement", "bad-agreement", 0, {"duration_years": 2**70}),
    ])
    report = load_extractions(schema_db, [doc_a(), bad, doc_b()], batch_docs=3)
    assert [f for f, _ in report.failed] == ["bad.txt"]
    assert sorted(report.loaded) == sorted([doc_a().document.id, doc_b().document.id])
    assert _one(schema_db, "MATCH (s:Source {file: 'bad.txt'}) RETURN s.id AS id") == []


def test_progress_is_plain_lines_when_not_a_terminal(schema_db):
    buf = io.StringIO()
    with progress_printer(buf, every=0) as progress:
        load_extractions(schema_db, corpus(), batch_docs=2, progress=progress)
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("load: 2/3 documents (2 loaded, 0 unchanged, 0 failed), 6 passages, 5 facts, ")
    assert lines[-1].startswith("load: 3/3 documents (3 loaded, 0 unchanged, 0 failed), 8 passages, 7 facts, ")
    assert all("facts/s" in line and "docs/s" in line for line in lines)


def test_person_gets_one_official_of_per_office_held(schema_db):
    x = doc_a()
    roles = [{"role": "president", "state": "russia", "from": "2000-05-07", "to": "2008-05-07"},
             {"role": "president", "state": "russia", "from": "2012-05-07"}]
    x.records = [r.model_copy(update={"roles": roles}) if r.id == "putin" else r for r in x.records]
    load_extractions(schema_db, [x])
    rows = _one(schema_db, "MATCH (:Person {id: 'putin'})-[r:OFFICIAL_OF]->(:State {id: 'russia'}) "
                           "RETURN r.role AS role, r.from AS from, r.to AS to, r.docs AS docs ORDER BY from")
    assert rows == [{"role": "president", "from": "2000-05-07", "to": "2008-05-07", "docs": [x.document.id]},
                    {"role": "president", "from": "2012-05-07", "to": None, "docs": [x.document.id]}]
    unload_document(schema_db, "a.txt")
    assert graph_counts(schema_db) == (0, 0)
