"""Benchmark fact extraction on one core: documents per second on a synthetic corpus.

Usage: python bench/bench_extract.py [N=1000] [--seed S]
Reports the fact step alone (extract_facts per document + resolve_records across
documents) and the whole chain read -> normalize -> segment -> recognize -> extract.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate_corpus  # noqa: E402


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv and not argv[0].startswith("--") else 1000
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
    from irkg.loaders.dictionaries import load_dictionaries
    from irkg.loaders.extract import extract_facts
    from irkg.loaders.normalize import normalize
    from irkg.loaders.read import read_paths
    from irkg.loaders.recognize import recognize
    from irkg.loaders.resolve import resolve_records
    from irkg.loaders.segment import segment

    dicts = load_dictionaries()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate_corpus(n, Path(tmp), seed)
        t0 = time.perf_counter()
        docs, _ = read_paths([str(p) for p in paths])
        prepared = []
        for doc in docs:
            passages = segment(normalize(doc))
            prepared.append((doc, passages, [recognize(p, dicts, doc.published) for p in passages]))
        t1 = time.perf_counter()
        extract_facts(*prepared[0][:3], dicts)  # warm up: compiled cue lexicons
        t2 = time.perf_counter()
        records = []
        for doc, passages, mentions in prepared:
            records.extend(extract_facts(doc, passages, mentions, dicts))
        t3 = time.perf_counter()
        merged = resolve_records(records)
        t4 = time.perf_counter()
    facts = t3 - t2 + t4 - t3
    print(f"{n} synthetic documents, {sum(len(p) for _, p, _ in prepared)} passages, "
          f"{len(records)} fact records -> {len(merged)} after resolve")
    print(f"facts (extract_facts + resolve_records): {facts:.2f}s = {n / facts:.0f} docs/s on one core")
    print(f"  extract_facts {n / (t3 - t2):.0f} docs/s, resolve_records {len(records) / max(t4 - t3, 1e-9):.0f} records/s")
    print(f"whole chain read..recognize..facts: {t1 - t0 + facts:.2f}s = {n / (t1 - t0 + facts):.0f} docs/s on one core")
    kinds: dict[str, int] = {}
    for r in merged:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    print("records:", kinds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
