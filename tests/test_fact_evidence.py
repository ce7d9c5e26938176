"""Every fact the pipeline extracts points at a real passage: its quote is that passage's text
and its offsets lie inside the passage in the original file (reference corpus + our samples)."""

from pathlib import Path

import pytest

from irkg.loaders.pipeline import extract_documents, merge_extractions
from irkg.loaders.read import read_paths

CORPUS = Path("/work/shared/corpus")
FACT_DATA = Path(__file__).parent / "data" / "facts"
FACT_KINDS = {"event", "agreement", "friction", "constraint", "indicator", "stance"}


def _paths() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) + sorted(FACT_DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def run():
    paths = _paths()
    extractions, problems = extract_documents(paths)
    assert not problems
    docs, _ = read_paths(paths)
    texts = {d.file: d.text for d in docs}
    passages = {(x.document.file, p.idx): p for x in extractions for p in x.passages}
    return extractions, texts, passages


def _evidence_problem(ev, texts, passages) -> str | None:
    """Return what is wrong with one evidence, or None when it quotes its passage inside the file."""
    p = passages.get((ev.doc, ev.passage))
    if p is None:
        return f"{ev.doc}#{ev.passage}: no such passage"
    if ev.text != p.text:
        return f"{ev.doc}#{ev.passage}: quote differs from the passage text"
    if not (0 <= p.start <= ev.start < ev.end <= p.end <= len(texts[ev.doc])):
        return f"{ev.doc}#{ev.passage}: offsets {ev.start}-{ev.end} outside passage {p.start}-{p.end}"
    return None


def _evidence_problems(record, texts, passages) -> list[str]:
    """Return the problems of a record's evidence, empty when at least one evidence is sound."""
    problems = [_evidence_problem(ev, texts, passages) for ev in record.evidence]
    return [] if None in problems else problems or ["no evidence"]


def test_pipeline_reads_every_sample_and_corpus_document(run):
    extractions, texts, _ = run
    assert len(extractions) == len(_paths()) == len(texts)
    assert sum(r.kind in FACT_KINDS for x in extractions for r in x.records) > 100


def test_every_document_fact_quotes_its_passage_within_the_file(run):
    extractions, texts, passages = run
    bad = {r.id: _evidence_problems(r, texts, passages)
           for x in extractions for r in x.records if r.kind in FACT_KINDS}
    assert {k: v for k, v in bad.items() if v} == {}


def test_every_fact_record_covers_each_kind(run):
    extractions, _, _ = run
    assert {r.kind for x in extractions for r in x.records} >= FACT_KINDS


def test_every_merged_fact_quotes_its_passage_within_the_file(run):
    extractions, texts, passages = run
    merged = [r for r in merge_extractions(extractions) if r.kind in FACT_KINDS]
    assert merged
    bad = {r.id: _evidence_problems(r, texts, passages) for r in merged}
    assert {k: v for k, v in bad.items() if v} == {}
    # merging keeps evidence per source: each evidence of a merged fact is sound on its own
    assert [m for r in merged for ev in r.evidence if (m := _evidence_problem(ev, texts, passages))] == []
