"""Load files into Neo4j: read, skip what is unchanged, extract the rest, write in batches."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import neo4j

from irkg.graph.write import LoadProgress, LoadReport, load_extractions, plan_load
from irkg.schema.pipeline import DocExtraction, Problem


def extraction_fingerprint() -> str:
    """Return a hash of what shapes extraction besides the text: irkg's version, the rules and every dictionary and cue file."""
    import irkg
    import irkg.loaders as loaders_pkg
    from irkg.loaders.dictionaries import DICT_DIR, dictionary_files

    h = hashlib.sha256(f"irkg {getattr(irkg, '__version__', '')}\n".encode())
    rules = sorted(Path(loaders_pkg.__file__).parent.glob("*.py"))
    data = sorted(DICT_DIR.glob("*.yaml"))
    for path in dict.fromkeys([*rules, *data, *dictionary_files()]):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _divert_problems(items: Iterable[DocExtraction | Problem], problems: list[Problem]) -> Iterator[DocExtraction]:
    """Yield the extractions; collect the documents whose extraction failed."""
    for x in items:
        if isinstance(x, Problem):
            problems.append(x)
        else:
            yield x


def load_paths(
    driver: neo4j.Driver,
    paths: Sequence[str | Path],
    workers: int = 1,
    database: str | None = None,
    progress: Callable[[LoadProgress], None] | None = None,
    force: bool = False,
    batch_docs: int = 20,
    max_bytes: int | None = None,
) -> LoadReport:
    """Read `paths`, extract the documents that are new or changed (or all with force), and write them."""
    from irkg.graph.schema_apply import apply_schema
    from irkg.loaders.pipeline import extract_all
    from irkg.loaders.read import read_paths

    apply_schema(driver, database)  # idempotent; MERGE needs the id constraints to be fast
    docs, problems = read_paths(paths, max_bytes)
    fingerprint = extraction_fingerprint()
    to_load, unchanged = plan_load(driver, docs, database, fingerprint, force)
    failed_extraction: list[Problem] = []
    report = load_extractions(
        driver, _divert_problems(extract_all(to_load, workers=workers), failed_extraction), database=database,
        batch_docs=batch_docs, progress=progress, fingerprint=fingerprint, force=force, total=len(to_load),
    )
    report.skipped[:0] = [d.id for d in unchanged]
    report.failed[:0] = [(p.file, p.reason) for p in [*problems, *failed_extraction] if p.skipped]
    report.notices[:0] = [str(p) for p in problems if not p.skipped]
    return report
