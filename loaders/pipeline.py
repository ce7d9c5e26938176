"""Run the steps in order, per document: read -> normalize -> segment -> recognize -> extract.

Each document is processed alone (so documents can go to separate processes, and the
writer can replace one document's contribution); `merge_extractions` then resolves
records across documents for the corpus-level view `irkg extract` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from enum import StrEnum
from pathlib import Path

from irkg.errors import IrkgError, StepFailed, debug_enabled
from irkg.schema.graph import DocumentRecord, Record
from irkg.schema.pipeline import DocExtraction, Document, Problem


class Stage(StrEnum):
    PASSAGES = "passages"
    MENTIONS = "mentions"
    FACTS = "facts"


def document_record(doc: Document, passages: int) -> DocumentRecord:
    """Describe a document as the `Source` node and the first JSONL record."""
    return DocumentRecord(
        id=doc.id,
        label=doc.title or doc.title_en or doc.title_ar or doc.file,
        file=doc.file,
        sha256=doc.sha256,
        meta_sha256=doc.meta_sha256,
        lang=str(doc.lang),
        title=doc.title,
        title_ar=doc.title_ar,
        title_en=doc.title_en,
        publisher=doc.publisher,
        author=doc.author,
        doc_kind=doc.kind,
        published=doc.published,
        url=doc.url,
        passages=passages,
    )


def extract_document(doc: Document, stage: Stage = Stage.FACTS) -> DocExtraction:
    """Run the steps up to `stage` on one document; a failure names the step it happened in."""
    step = "normalize"
    try:
        from irkg.loaders.normalize import normalize
        from irkg.loaders.segment import segment

        normalized = normalize(doc)
        step = "segment"
        passages = segment(normalized)
        out = DocExtraction(document=document_record(doc, len(passages)), passages=passages)
        if stage == Stage.PASSAGES:
            return out

        from irkg.loaders.actors import build_actor_records
        from irkg.loaders.dateline import find_dateline
        from irkg.loaders.dictionaries import load_dictionaries
        from irkg.loaders.recognize import recognize, weak_aliases

        step = "recognize"
        dicts = load_dictionaries()
        dateline = None if doc.published else find_dateline(doc.text, str(doc.lang))
        mentions = [recognize(p, dicts, doc.published, dateline and dateline.value) for p in passages]
        # one person per discourse: «محمد جواد ظريف» named once makes a later bare «ظريف» him (only the passages that
        # hold such a bare name are read again)
        aliases = weak_aliases(dicts)
        weak = frozenset(m.ref for ms in mentions for m in ms if m.kind == "actor" and m.ref in aliases and "weak" not in m.flags)
        if weak:
            mentions = [recognize(p, dicts, doc.published, dateline and dateline.value, weak)
                        if any(a in p.key for r in weak for a in aliases[r]) else ms for p, ms in zip(passages, mentions)]
        if stage == Stage.MENTIONS:
            out.mentions = mentions
            return out

        from irkg.loaders.entities import complete_entities
        from irkg.loaders.extract import extract_facts
        from irkg.loaders.labels import label_records

        step = "extract"
        records: list[Record] = list(build_actor_records(zip(passages, mentions), dicts))
        records.extend(extract_facts(doc, passages, mentions, dicts))
        out.records = complete_entities(records, passages, mentions, dicts)
        step = "label"
        label_records([out.document, *out.records], dicts)
        return out
    except IrkgError:
        raise
    except Exception as e:  # noqa: BLE001 - one document's bug must not lose the others
        raise StepFailed(doc.file, step) from e


def extract_or_problem(doc: Document, stage: Stage = Stage.FACTS) -> DocExtraction | Problem:
    """Extract one document; an internal error becomes a one-line problem (raised with IRKG_DEBUG)."""
    try:
        return extract_document(doc, stage)
    except StepFailed as e:
        if debug_enabled():
            raise
        return Problem(file=doc.file, reason=str(e), failed=True)


def _extract_chunk(args: tuple[list[Document], Stage]) -> list[DocExtraction | Problem]:
    docs, stage = args
    return [extract_or_problem(d, stage) for d in docs]


def extract_all(
    docs: Sequence[Document], stage: Stage = Stage.FACTS, workers: int = 1
) -> Iterator[DocExtraction | Problem]:
    """Yield one extraction (or the problem that stopped it) per document, in order, using `workers` processes."""
    if workers <= 1 or len(docs) < 2:
        for d in docs:
            yield extract_or_problem(d, stage)
        return
    size = max(1, min(50, len(docs) // (workers * 4) or 1))
    chunks = [(list(docs[i : i + size]), stage) for i in range(0, len(docs), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in pool.map(_extract_chunk, chunks):
            yield from batch


def extract_documents(
    paths: Sequence[str | Path], workers: int = 1, stage: Stage = Stage.FACTS, max_bytes: int | None = None
) -> tuple[list[DocExtraction], list[Problem]]:
    """Read `paths` and extract every readable document; problems are reported, not raised."""
    from irkg.loaders.read import read_paths

    docs, problems = read_paths(paths, max_bytes)
    extractions: list[DocExtraction] = []
    for x in extract_all(docs, stage, workers):
        (problems if isinstance(x, Problem) else extractions).append(x)
    return extractions, problems


def merge_extractions(extractions: Iterable[DocExtraction]) -> list[Record]:
    """Return corpus-level records: documents first, then entities and facts merged across documents."""
    from irkg.loaders.resolve import resolve_records

    docs: list[Record] = []
    rest: list[Record] = []
    for x in extractions:
        docs.append(x.document)
        rest.extend(x.records)
    return docs + resolve_records(rest)
