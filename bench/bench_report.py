"""How long `irkg report` takes: the whole graph and --topic arms, on the corpus and on a synthetic graph.

Usage:
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... \\
  python bench/bench_report.py --wipe [--corpus /work/shared/corpus] [--synthetic 10000] [--runs 5]

--wipe empties the database first and loads the corpus through the real pipeline (`load_paths`);
--synthetic N then adds N documents written straight in the graph model by bench/synth_graph.py
(as bench_queries.py does). For each graph and selection it reports the first run after the
graph changed (query plans cold) and the median of the next runs of `write_brief` (queries +
shaping + HTML), the size of the file, and one whole `irkg report` process (Python start-up
included). Results go to stdout and bench/out/report.json; the briefs stay in bench/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_queries import graph_counts, wipe  # noqa: E402  (the same graph, the same bookkeeping)
from irkg.graph.connect import load_settings, open_driver  # noqa: E402
from irkg.graph.load import load_paths  # noqa: E402
from irkg.queries.report import Selection, write_brief  # noqa: E402

SELECTIONS = {"whole graph": Selection(), "--topic arms": Selection(topic="arms")}


def time_briefs(driver, database, graph: str, runs: int) -> dict[str, dict]:
    """Write each selection's brief once cold, then `runs` times; time the library call and one CLI process."""
    out = {}
    for name, sel in SELECTIONS.items():
        path = HERE / "out" / f"brief-{graph}-{'all' if sel.topic is None else sel.topic}.html"
        cold = write_brief(driver, sel, path, database)
        warm = [write_brief(driver, sel, path, database) for _ in range(runs)]
        totals = sorted(b.seconds["total"] for b in warm)
        args = [sys.executable, "-m", "irkg", "report", "-o", str(path)] + (["--topic", sel.topic] if sel.topic else [])
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=os.environ.copy())
        process = time.perf_counter() - t
        out[name] = {
            "cold_s": cold.seconds["total"], "median_s": statistics.median(totals), "max_s": totals[-1],
            "queries_s": statistics.median(b.seconds["queries"] for b in warm),
            "shape_html_s": statistics.median(b.seconds["shape+html"] for b in warm),
            "process_s": process, "kb": cold.bytes / 1024, "counts": cold.counts,
            "slowest_query": max((k for k in cold.seconds if k.startswith("brief_")), key=lambda k: warm[-1].seconds[k]),
        }
    return out


def print_table(title: str, counts: dict, results: dict) -> None:
    print(f"\n## {title}: {counts['sources']:,} documents, {counts['passages']:,} passages, {counts['facts']:,} facts")
    print("| selection | first run s | median s (queries + page) | `irkg report` process s | file KB | shown |")
    print("|---|---:|---:|---:|---:|---|")
    for name, r in results.items():
        shown = ", ".join(f"{n} {k}" for k, n in r["counts"].items())
        print(f"| {name} | {r['cold_s']:.2f} | {r['median_s']:.2f} ({r['queries_s']:.2f} + {r['shape_html_s']:.2f}) "
              f"| {r['process_s']:.2f} | {r['kb']:,.0f} | {shown} |")
    sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--synthetic", type=int, default=0, help="also write N synthetic documents and measure again")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--wipe", action="store_true", help="allow deleting the whole graph")
    ap.add_argument("--no-load", action="store_true", help="measure the graph as it is (no wipe, no load)")
    args = ap.parse_args()
    if not args.wipe and not args.no_load:
        print("refusing to run without --wipe (the bench replaces the graph) or --no-load", file=sys.stderr)
        return 2
    settings = load_settings()
    driver = open_driver(settings)
    db = settings.database
    (HERE / "out").mkdir(parents=True, exist_ok=True)
    report: dict[str, dict] = {}
    try:
        if not args.no_load:
            wipe(driver, db)
            load_paths(driver, [args.corpus], workers=args.workers, database=db)
        counts = graph_counts(driver, db)
        report["corpus"] = {"counts": counts, "briefs": time_briefs(driver, db, "corpus", args.runs)}
        print_table("corpus", counts, report["corpus"]["briefs"])
        if args.synthetic:
            from synth_graph import write_synthetic_graph

            t = time.perf_counter()
            write_synthetic_graph(driver, args.synthetic, db, args.seed)
            load_s = time.perf_counter() - t
            counts = graph_counts(driver, db)
            report["synthetic"] = {"counts": counts, "load_seconds": load_s,
                                   "briefs": time_briefs(driver, db, f"synthetic{args.synthetic}", args.runs)}
            print_table(f"corpus + {args.synthetic} synthetic", counts, report["synthetic"]["briefs"])
    finally:
        driver.close()
    out = HERE / "out" / "report.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
