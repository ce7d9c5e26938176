"""Benchmark loading into Neo4j: throughput, batched vs one transaction per fact, no-op reload.

Usage: python bench/bench_load.py [--sizes 1000,10000] [--per-fact-docs 200] [--batch-docs 20] [--workers 2]
                                  [--cache DIR] --wipe

Generates a synthetic Arabic corpus with `bench/synth.py`, extracts it once with the real
pipeline (not timed as loading), then on the server named by NEO4J_URI (else the local
server) measures:
- batched load of the whole corpus (docs/s, facts/s), from an empty graph;
- a no-op reload of the unchanged corpus as `irkg load` does it (read + hash + plan);
- batched vs one-transaction-per-record writes on the same first `--per-fact-docs` documents.
The graph is wiped before each run, hence the required --wipe.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate_corpus  # noqa: E402

from irkg.graph.connect import load_settings, open_driver, read_cypher  # noqa: E402
from irkg.graph.rows import FACT_LABELS, BatchRows, extraction_rows  # noqa: E402
from irkg.graph.schema_apply import apply_schema  # noqa: E402
from irkg.graph.write import QUIET, load_extractions, plan_load, write_rows  # noqa: E402


def wipe(driver, database) -> None:
    """Delete every relationship, then every node, in batches."""
    for name in ("wipe_relationships_batch", "wipe_batch"):
        while True:
            records, _, _ = driver.execute_query(read_cypher(name), batch=20000, database_=database)
            if records[0]["deleted"] == 0:
                break


def extract(paths: list[Path], workers: int):
    """Run the real pipeline on the generated files."""
    from irkg.loaders.pipeline import extract_all
    from irkg.loaders.read import read_paths

    docs, _ = read_paths([str(p) for p in paths])
    return docs, list(extract_all(docs, workers=workers))


def load_per_record(driver, extractions, database) -> int:
    """Write like a naive loader: one transaction for the source, then one per record with its links."""
    facts = 0
    with driver.session(database=database, **QUIET) as session:
        for x in extractions:
            rows = extraction_rows(x)
            facts += rows.facts
            session.execute_write(write_rows, BatchRows(sources=rows.sources, passages=rows.passages))
            for node in rows.nodes:
                key = (node["label"], node["id"])
                # A fact's links are written with it; an entity's own links (OFFICIAL_OF, ABOUT) with the entity.
                links = [ln for ln in rows.links if node["label"] in FACT_LABELS and key in _ends(ln)]
                own = [ln for ln in rows.entity_links if (ln["from_label"], ln["from"]) == key]
                one = BatchRows(nodes=[node], links=links, entity_links=own)
                session.execute_write(lambda tx, one=one: _write_one(tx, one))
            done = [{"id": s["id"], "sha256": s["sha256"]} for s in rows.sources]
            session.execute_write(lambda tx: tx.run(read_cypher("mark_sources_complete"), rows=done).consume())
    return facts


def _ends(link: dict) -> tuple:
    return (link["from_label"], link["from"]), (link["to_label"], link["to"])


def _write_one(tx, one: BatchRows) -> None:
    # The other ends already exist: give write_rows their element ids through a lookup by id.
    others = {k for ln in one.links + one.entity_links for k in _ends(ln)} - {(one.nodes[0]["label"], one.nodes[0]["id"])}
    lookup = [{"label": label, "id": id_} for label, id_ in others]
    found = tx.run(read_cypher("find_record_nodes"), rows=lookup)
    write_rows(tx, one, {(r["label"], r["id"]): r["eid"] for r in found})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--per-fact-docs", type=int, default=200)
    ap.add_argument("--batch-docs", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", help="directory keeping extractions between runs (same n, seed and code)")
    ap.add_argument("--wipe", action="store_true", help="allow deleting the whole graph")
    args = ap.parse_args()
    if not args.wipe:
        ap.error("this benchmark deletes the whole graph; pass --wipe on a server you can empty")
    settings = load_settings()
    driver = open_driver(settings)
    db = settings.database
    apply_schema(driver, db)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {os.cpu_count()} cores, {mem:.0f} GB RAM; server {settings.uri}; batch {args.batch_docs} docs")
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            paths = generate_corpus(n, Path(tmp), args.seed)
            t0 = time.perf_counter()
            cached = Path(args.cache) / f"extractions-{n}-{args.seed}.pickle" if args.cache else None
            if cached and cached.exists():
                xs = pickle.loads(cached.read_bytes())
            else:
                _, xs = extract(paths, args.workers)
                if cached:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    cached.write_bytes(pickle.dumps(xs))
            print(f"\n[{n} documents] extracted in {time.perf_counter() - t0:.1f}s (not part of load times)")

            wipe(driver, db)
            rep = load_extractions(driver, xs, database=db, batch_docs=args.batch_docs)
            print(f"batched load: {rep.seconds:.1f}s, {len(rep.loaded) / rep.seconds:.0f} docs/s, "
                  f"{rep.facts_per_second:.0f} facts/s ({rep.facts} facts, {rep.passages} passages, "
                  f"+{rep.nodes_created} nodes, +{rep.relationships_created} relationships)")
            if rep.failed:
                print(f"  {len(rep.failed)} documents failed, e.g. {rep.failed[0]}")

            t0 = time.perf_counter()
            from irkg.loaders.read import read_paths

            again, _ = read_paths([tmp])
            to_load, unchanged = plan_load(driver, again, db)
            print(f"no-op reload (read {len(again)} files + hash + plan): {time.perf_counter() - t0:.2f}s, "
                  f"{len(to_load)} to load, {len(unchanged)} unchanged")
            t0 = time.perf_counter()
            rep2 = load_extractions(driver, xs, database=db, batch_docs=args.batch_docs)
            print(f"no-op write pass over extracted docs (in-transaction check): {time.perf_counter() - t0:.2f}s, "
                  f"{len(rep2.skipped)} skipped")

            sub = xs[: args.per_fact_docs]
            wipe(driver, db)
            rb = load_extractions(driver, sub, database=db, batch_docs=args.batch_docs)
            wipe(driver, db)
            t0 = time.perf_counter()
            facts = load_per_record(driver, sub, db)
            tf = time.perf_counter() - t0
            print(f"same {len(sub)} docs ({facts} facts): batched {rb.seconds:.2f}s ({rb.facts_per_second:.0f} facts/s) "
                  f"vs one transaction per record {tf:.2f}s ({facts / tf:.0f} facts/s): ratio {tf / rb.seconds:.1f}x")
    driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
