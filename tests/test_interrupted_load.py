"""A load killed mid-way leaves a consistent graph; rerunning converges to an uninterrupted load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from irkg.graph.stats import graph_stats
from irkg.graph.write import load_extractions
from load_samples import graph_snapshot, synthetic_extractions

TESTS = Path(__file__).resolve().parent
DOCS = 150

# The child loads in batches of 3 documents and prints a line after each committed batch.
CHILD = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from irkg.graph.connect import load_settings, open_driver
from irkg.graph.write import load_extractions
from load_samples import synthetic_extractions
driver = open_driver(load_settings())
docs = synthetic_extractions({DOCS})
print("ready", flush=True)
load_extractions(driver, docs, batch_docs=3, progress=lambda p: print("done", p.loaded, flush=True))
print("finished", flush=True)
"""


def _kill_after(env: dict, committed: int) -> int:
    """Run the child, SIGKILL it right after `committed` documents; return how many it reported."""
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE, text=True)
    seen = 0
    try:
        for line in child.stdout:
            if line.startswith("done"):
                seen = int(line.split()[1])
                if seen >= committed:
                    os.kill(child.pid, signal.SIGKILL)
                    break
            assert not line.startswith("finished"), "the load ended before it could be killed"
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    return seen


def test_killed_load_leaves_only_complete_documents(schema_db, neo4j_env):
    seen = _kill_after(neo4j_env, 30)
    stats = graph_stats(schema_db)
    assert stats.incomplete_sources == 0
    assert stats.facts_without_evidence == 0
    assert stats.links_without_documents == 0
    loaded = stats.labels["Source"]
    # Every committed batch is whole: sources come in threes, each with its passages and facts.
    assert seen <= loaded < DOCS and loaded % 3 == 0
    assert stats.labels["Passage"] == 2 * loaded and stats.labels["Event"] == loaded


def test_rerun_after_a_kill_converges_to_an_uninterrupted_load(schema_db, neo4j_env):
    _kill_after(neo4j_env, 45)
    docs = synthetic_extractions(DOCS)
    rerun = load_extractions(schema_db, docs, batch_docs=25)
    assert len(rerun.skipped) >= 45 and len(rerun.skipped) + len(rerun.loaded) == DOCS and not rerun.failed
    resumed = graph_snapshot(schema_db)
    schema_db.execute_query("MATCH (n) DETACH DELETE n")
    load_extractions(schema_db, docs, batch_docs=25)
    assert graph_snapshot(schema_db) == resumed
