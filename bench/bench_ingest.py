"""Throughput of read + normalize + segment on one core.

Usage: python bench/bench_ingest.py [CORPUS_DIR] [--mb 10] [--runs 1]

Reads the corpus once from disk (timed: the whole five-document corpus), then runs
read_text + normalize + segment over in-memory copies of its documents repeated to about
--mb megabytes of UTF-8 text, and prints MB/s per core (CPU time, so a machine busy with
other work counts less) for each run, then per document (best of the runs) and the
median over the runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from irkg.loaders.normalize import normalize
from irkg.loaders.read import read_paths, read_text
from irkg.loaders.segment import segment


def main() -> None:
    """Measure and print ingestion throughput."""
    here = Path(__file__).resolve().parent
    default = here.parent.parent / "shared" / "corpus"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(default if default.is_dir() else "/work/shared/corpus"))
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of text to process")
    parser.add_argument("--runs", type=int, default=1, help="repeat the measurement; the median is reported")
    args = parser.parse_args()

    t0 = time.perf_counter()
    docs, problems = read_paths([args.corpus])
    passages = sum(len(segment(normalize(d))) for d in docs)
    whole = time.perf_counter() - t0
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    print(f"corpus: {len(docs)} documents, {size / 1e6:.3f} MB, {passages} passages, read+normalize+segment {whole * 1000:.0f} ms")

    copies = max(1, int(args.mb * 1e6 / size))
    batch = [(f"{i}_{d.file}", d.text) for i in range(copies) for d in docs]
    total = sum(len(t.encode("utf-8")) for _, t in batch)
    rates: list[float] = []
    per_doc: dict[str, list[float]] = {d.file: [] for d in docs}
    for _ in range(max(1, args.runs)):
        t0, c0 = time.perf_counter(), time.process_time()
        count = 0
        spent: dict[str, float] = dict.fromkeys(per_doc, 0.0)
        for (name, text), doc in zip(batch, docs * copies):
            c1 = time.process_time()
            count += len(segment(normalize(read_text(name, text))))
            spent[doc.file] += time.process_time() - c1
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rates.append(total / 1e6 / cpu)
        for d in docs:
            per_doc[d.file].append(len(d.text.encode("utf-8")) * copies / 1e6 / spent[d.file])
        # CPU time is what one core spends; wall time also counts waiting for a busy machine.
        print(f"throughput: {total / 1e6:.1f} MB, {count} passages: {rates[-1]:.2f} MB/s per core (CPU {cpu:.2f} s), wall {wall:.2f} s")
    for name, values in per_doc.items():
        print(f"  {name}: {max(values):.2f} MB/s per core (best run)")
    print(f"median of {len(rates)} runs: {statistics.median(rates):.2f} MB/s per core")


if __name__ == "__main__":
    main()
