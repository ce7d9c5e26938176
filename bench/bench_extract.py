"""Benchmark fact extraction on one core: documents per second on a synthetic corpus.

Usage: python bench/bench_extract.py [N=1000] [--seed S]
Times read -> normalize -> segment -> recognize -> extract_facts per document, then resolve.
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
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate_corpus(n, Path(tmp), seed)
        from run_extract import run

        run([str(paths[0])])  # warm up: dictionaries and compiled cue lexicons
        t0 = time.perf_counter()
        records, _ = run([str(p) for p in paths])
        secs = time.perf_counter() - t0
    kinds: dict[str, int] = {}
    for r in records:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    print(f"{n} documents, {len(records)} records in {secs:.2f}s: {n / secs:.0f} docs/s on one core")
    print("records:", kinds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
