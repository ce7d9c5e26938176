"""Time recognition on a corpus and write its actor records as JSONL for the scorer.

Run: python bench/bench_recognize.py /work/shared/corpus [out.jsonl]
then: python /work/shared/eval/score.py /work/shared/eval/seeds-dev.yaml out.jsonl
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from irkg.loaders.actors import build_actor_records
from irkg.loaders.dictionaries import load_dictionaries
from irkg.loaders.normalize import normalize
from irkg.loaders.read import read_paths
from irkg.loaders.recognize import recognize
from irkg.loaders.segment import segment


def main(argv: list[str]) -> None:
    """Read, segment, recognise (timed) and write actor records."""
    t0 = time.perf_counter()
    dicts = load_dictionaries()
    t1 = time.perf_counter()
    docs, _ = read_paths([argv[0]])
    passages = [(p, d.published) for d in docs for p in segment(normalize(d))]
    t2, c2 = time.perf_counter(), time.process_time()
    items = [(p, recognize(p, dicts, pub)) for p, pub in passages]
    t3, c3 = time.perf_counter(), time.process_time()
    [recognize(p, dicts, pub) for p, pub in passages]
    t4, c4 = time.perf_counter(), time.process_time()
    recs = build_actor_records(items, dicts)
    kinds = Counter(m.kind.value for _, ms in items for m in ms)
    print(f"dictionaries {t1 - t0:.3f}s  passages {len(passages)} in {t2 - t1:.3f}s  "
          f"mentions {sum(kinds.values())} {dict(kinds)}")
    print(f"recognize: first pass {t3 - t2:.3f}s wall / {c3 - c2:.3f}s cpu (cold caches), "
          f"second pass {t4 - t3:.3f}s wall / {c4 - c3:.3f}s cpu")
    print(f"actors {len(recs)} linked {sum(r.linked for r in recs)} unlinked {sum(not r.linked for r in recs)}")
    out = argv[1] if len(argv) > 1 else "actors.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(r.model_dump_json() + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
