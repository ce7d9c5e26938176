"""Benchmark the parse step and whole extraction: parser sentences/s, extraction docs/s cold and warm, workers.

Usage: python bench/bench_parse.py [--docs N=300] [--seed S] [--runs R=3]

- parser: every passage of N synthetic documents sent on one connection (the server parses one request at a
  time per connection, so this is one core's work), parse cache off: sentences/s and tokens/s;
- extraction cold: `irkg extract` of the N documents with the parse cache off (every passage parsed);
  docs/s per core = N / (CPU seconds of the extraction process + CPU seconds the parse server spent);
- extraction warm: the same with the parse cache filled: docs/s per core (no parser work left);
- workers: wall time of `irkg extract --workers 2` against `--workers 1` on the warm cache, median of R runs.
The parse server must be running or startable (it is started on first use); start-up is not counted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synth import generate_corpus  # noqa: E402


def _server_cpu() -> float:
    from irkg.loaders.parse import service

    pid = service.read_state().get("pid")
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _extract(folder: Path, workers: int, cache: bool) -> tuple[float, float]:
    """Run `irkg extract` in a subprocess; return (wall seconds, CPU seconds of extraction + parse server)."""
    env = {**os.environ}
    if not cache:
        env["IRKG_PARSE_CACHE"] = "off"
    before = _server_cpu()
    t0 = time.perf_counter()
    r0 = os.times()
    subprocess.run([sys.executable, "-m", "irkg", "extract", str(folder), "--workers", str(workers), "-o", os.devnull],
                   env=env, check=True, capture_output=True)
    r1 = os.times()
    wall = time.perf_counter() - t0
    cpu = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system) + _server_cpu() - before
    return wall, cpu


def main(argv: list[str]) -> int:
    n = int(argv[argv.index("--docs") + 1]) if "--docs" in argv else 300
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    from irkg.loaders.normalize import normalize
    from irkg.loaders.parse import service
    from irkg.loaders.parse.cache import ParseCache
    from irkg.loaders.parse.client import ParserClient, passage_lang
    from irkg.loaders.read import read_paths
    from irkg.loaders.segment import segment

    service.start()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        paths = generate_corpus(n, folder, seed)
        docs, _ = read_paths([str(p) for p in paths])
        items = [(passage_lang(p.text, str(d.lang)), p.text) for d in docs for p in segment(normalize(d))]

        client = ParserClient()
        client.cache = ParseCache(None)
        client.parse(items[:50])  # the server's JIT warms up on a first batch
        t0 = time.perf_counter()
        answers = client.parse(items)
        parse_s = time.perf_counter() - t0
        sentences = sum(len(a["s"]) for a in answers)
        tokens = sum(len(s["t"]) for a in answers for s in a["s"])
        client.close()
        print(f"{n} synthetic documents, {len(items)} passages, {sentences} sentences, {tokens} tokens")
        print(f"parser, one connection (one core): {sentences / parse_s:.0f} sentences/s, {tokens / parse_s:.0f} tokens/s")

        wall, cpu = _extract(folder, 1, cache=False)
        print(f"extract cold (no parse cache): {wall:.1f}s wall, {cpu:.1f} CPU s = {n / cpu:.1f} docs/s per core")
        _extract(folder, 1, cache=True)  # fill the cache
        warm = [_extract(folder, 1, cache=True) for _ in range(runs)]
        cpu_w = statistics.median(c for _, c in warm)
        print(f"extract warm (parse cache): {statistics.median(w for w, _ in warm):.2f}s wall, {cpu_w:.2f} CPU s = "
              f"{n / cpu_w:.0f} docs/s per core")
        one = statistics.median(_extract(folder, 1, cache=True)[0] for _ in range(runs))
        two = statistics.median(_extract(folder, 2, cache=True)[0] for _ in range(runs))
        print(f"workers: 1 -> {one:.2f}s, 2 -> {two:.2f}s wall (median of {runs}) = {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
