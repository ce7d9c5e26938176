"""Latency of every library query (p50/p95) on the reference corpus and on a synthetic graph.

Usage:
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... \\
  python bench/bench_queries.py --wipe [--corpus /work/shared/corpus] [--synthetic 10000] [--runs 30]

--wipe empties the database first (required: the bench loads its own graphs). The corpus goes
through the real pipeline (`load_paths`); the synthetic documents are written straight in the
graph model by bench/synth_graph.py (extraction here runs at ~1 document/s). Each query runs
with the parameters `irkg ask` fills for its first English example question, in a read
transaction, after warm-up runs; the time includes fetching every row. Targets: p95 < 100 ms
on the corpus, < 500 ms at 10,000 documents. Results go to stdout and bench/out/queries.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from irkg.graph.connect import load_settings, open_driver, read_cypher  # noqa: E402
from irkg.graph.load import load_paths  # noqa: E402
from irkg.loaders.dictionaries import load_dictionaries  # noqa: E402
from irkg.queries.ask import Router, fill_params, read_question  # noqa: E402
from irkg.queries.execute import run_named  # noqa: E402
from irkg.queries.library import load_library  # noqa: E402

TARGETS_MS = {"corpus": 100.0, "synthetic": 500.0}


def wipe(driver, database) -> None:
    """Delete every node and relationship in batches."""
    while driver.execute_query(read_cypher("wipe_batch"), batch=10000, database_=database).records[0]["deleted"]:
        pass


def example_params(library, router) -> dict[str, dict]:
    """Return, per query, the parameters `irkg ask` fills for its first English example."""
    out = {}
    for q in library:
        question = (q.examples_en or q.examples)[0]
        out[q.name] = fill_params(q, read_question(question, router.dicts), question)
    return out


def time_queries(driver, database, library, params: dict[str, dict], runs: int, warmup: int = 3) -> dict[str, dict]:
    """Run each query `warmup + runs` times; return p50/p95/max in ms and the row count."""
    out = {}
    for q in library:
        for _ in range(warmup):
            run_named(driver, q, params[q.name], database)
        samples = []
        rows = 0
        for _ in range(runs):
            t = time.perf_counter()
            rows = len(run_named(driver, q, params[q.name], database).rows)
            samples.append((time.perf_counter() - t) * 1000)
        samples.sort()
        out[q.name] = {
            "p50": statistics.median(samples),
            "p95": samples[max(0, int(round(0.95 * len(samples))) - 1)],
            "max": samples[-1],
            "rows": rows,
            "params": params[q.name],
        }
    return out


def graph_counts(driver, database) -> dict[str, int]:
    """Return the number of sources, passages and fact nodes."""
    rec = driver.execute_query(read_cypher("graph_counts"), database_=database).records[0]
    return dict(rec)


def print_table(title: str, counts: dict, results: dict, target: float) -> None:
    print(f"\n## {title}: {counts['sources']} documents, {counts['passages']} passages, {counts['facts']} facts")
    print(f"| query | rows | p50 ms | p95 ms | max ms | p95 < {target:.0f} ms |")
    print("|---|---:|---:|---:|---:|:---:|")
    for name, r in results.items():
        ok = "yes" if r["p95"] < target else "NO"
        print(f"| {name} | {r['rows']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {ok} |")
    sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--synthetic", type=int, default=0, help="also write N synthetic documents and measure again")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--wipe", action="store_true", help="allow deleting the whole graph")
    ap.add_argument("--no-load", action="store_true", help="measure the graph as it is (no wipe, no load)")
    ap.add_argument("--resume", type=int, default=0, help="with --no-load: first synthetic document still to write")
    args = ap.parse_args()
    if not args.wipe and not args.no_load:
        print("refusing to run without --wipe (the bench replaces the graph) or --no-load", file=sys.stderr)
        return 2
    settings = load_settings()
    driver = open_driver(settings)
    db = settings.database
    library = load_library()
    router = Router(library, load_dictionaries())
    params = example_params(library, router)
    report: dict[str, dict] = {}
    try:
        if not args.no_load:
            wipe(driver, db)
            load_paths(driver, [args.corpus], workers=args.workers, database=db)
        if not args.resume:
            counts = graph_counts(driver, db)
            report["corpus"] = {"counts": counts, "queries": time_queries(driver, db, library, params, args.runs)}
            print_table("corpus", counts, report["corpus"]["queries"], TARGETS_MS["corpus"])
        if args.synthetic:
            from synth_graph import write_synthetic_graph

            t = time.perf_counter()
            write_synthetic_graph(driver, args.synthetic, db, args.seed, first=args.resume)
            load_s = time.perf_counter() - t
            counts = graph_counts(driver, db)
            report["synthetic"] = {"counts": counts, "load_seconds": load_s,
                                   "queries": time_queries(driver, db, library, params, args.runs)}
            print_table(f"corpus + {args.synthetic} synthetic", counts, report["synthetic"]["queries"], TARGETS_MS["synthetic"])
    finally:
        driver.close()
    out = HERE / "out" / ("queries.json" if not args.resume else "queries_synthetic.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
