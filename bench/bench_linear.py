"""Doubling benchmark: read -> normalize -> segment -> recognize -> extract must cost linear time.

Usage: python bench/bench_linear.py [--sizes 1,2,4,8] [--plain-kb 100] [--html-kb 60] [--limit 2.6]
                                    [--budget 600] [--runs 2] [--only plain|html]

Two inputs, each at 1, 2, 4 and 8 times a unit:
- plain: one passage of Arabic words with names, dates and figures but no sentence punctuation
  (unit 100 KB), the input that used to take 32 s at 100 KB and 120 s at 200 KB;
- html: deeply nested markup (every paragraph one level deeper, stray end tags, unit 60 KB,
  so 8x is the 480 KB page that used to take 57 s).
Each step is timed in CPU seconds (the machine is shared; the fastest of --runs) and the ratio time(2n)/time(n) is
printed per step and for the whole chain. Exit status 1, with the offending step named, when
a doubling of the whole chain costs more than --limit (2.6x: linear plus noise), or when a
size does not finish within --budget seconds. Steps under 50 ms are too short to judge alone.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from irkg.loaders.actors import build_actor_records
from irkg.loaders.dictionaries import load_dictionaries
from irkg.loaders.entities import complete_entities
from irkg.loaders.extract import extract_facts
from irkg.loaders.normalize import normalize
from irkg.loaders.read import read_paths
from irkg.loaders.recognize import recognize
from irkg.loaders.segment import segment

STEPS = ("read", "normalize", "segment", "recognize", "extract")
WORDS = (
    "زار الرئيس الروسي فلاديمير بوتين طهران في 3 مارس 2024 والتقى نظيره الإيراني مسعود بزشكيان وبحث معه "
    "التعاون في مجال الطاقة والنقل ووقعت إيران وروسيا معاهدة شراكة استراتيجية شاملة لمدة عشرين عاما وبلغ "
    "حجم التبادل التجاري بين البلدين نحو 4 مليارات دولار في عام 2023 وقال وزير الخارجية سيرغي لافروف إن "
    "موسكو تتحفظ على تسليم الأسلحة إلى طهران حرصا على علاقاتها مع إسرائيل ودول الخليج بينما تتنافس "
    "الدولتان على أسواق الغاز في آسيا الوسطى وتراقب الولايات المتحدة ذلك عن كثب في يوليو/تموز 2022 "
    "الأسبوع الماضي أمس مقاتلات سوخوي 35 منظومة إس 400 ممر الشمال الجنوب سكة حديد رشت أستارا"
).split()
SENTENCE = "زار الرئيس الروسي بوتين طهران في 3 مارس 2024 والتقى نظيره الإيراني بزشكيان لبحث التعاون في مجال الطاقة."


def plain_text(size: int, seed: int = 0) -> str:
    """Return about `size` bytes of Arabic words with no sentence punctuation, on one line."""
    rng = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w.encode("utf-8")) + 1
    return " ".join(out) + "\n"


def nested_html(size: int) -> str:
    """Return about `size` bytes of HTML nested one level deeper every few words, with stray end tags, closed at the end."""
    block = "".join(f'<div class="c"><p>{w} </span></i>' for w in WORDS[:20]) + f"<p>{SENTENCE}</p>"
    closing = "</div>" * 20
    count = max(1, size // len((block + closing).encode("utf-8")))
    return ("<html><head><title>t</title></head><body><article>" + block * count
            + closing * count + "</article></body></html>\n")


def time_chain(path: Path) -> dict[str, float]:
    """Run the chain on one file and return CPU seconds per step."""
    dicts = load_dictionaries()
    times: dict[str, float] = {}

    def step(name, fn, *args):
        t = time.process_time()
        out = fn(*args)
        times[name] = time.process_time() - t
        return out

    docs, problems = step("read", read_paths, [path])
    if not docs:
        raise SystemExit(f"bench_linear: {path.name} was not read: {problems[0] if problems else '?'}")
    doc = docs[0]
    nd = step("normalize", normalize, doc)
    passages = step("segment", segment, nd)
    mentions = step("recognize", lambda: [recognize(p, dicts, doc.published) for p in passages])

    def extract():
        records = list(build_actor_records(zip(passages, mentions), dicts))
        records.extend(extract_facts(doc, passages, mentions, dicts))
        return complete_entities(records, passages, mentions, dicts)

    step("extract", extract)
    return times


def run_series(name: str, make, unit: int, sizes: list[int], runs: int, budget: float, limit: float) -> list[str]:
    """Time the chain at each size; print a table; return the failures."""
    print(f"\n{name}: unit {unit // 1024} KB")
    print(f"{'size':>8} " + " ".join(f"{s:>10}" for s in STEPS) + f" {'total':>10} {'ratio':>6}  worst step ratio")
    failures: list[str] = []
    prev: dict[str, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for k in sizes:
            path = Path(tmp) / f"{name}-{k}.{'html' if name == 'html' else 'txt'}"
            path.write_text(make(unit * k), encoding="utf-8")
            started = time.perf_counter()
            best: dict[str, float] = {}
            for _ in range(runs):
                gc.collect()
                for step, seconds in time_chain(path).items():
                    best[step] = min(best.get(step, seconds), seconds)
                if time.perf_counter() - started > budget:
                    break
            total = sum(best.values())
            best["total"] = total
            line = f"{path.stat().st_size // 1024:>6}KB " + " ".join(f"{best[s]:>9.2f}s" for s in STEPS) + f" {total:>9.2f}s"
            if prev is not None:
                ratio = total / max(prev["total"], 1e-9)
                judged = [(best[s] / prev[s], s) for s in STEPS if best[s] >= 0.05 and prev[s] > 0]
                worst = max(judged, default=(0.0, "-"))
                line += f" {ratio:>5.2f}x  {worst[1]} {worst[0]:.2f}x"
                if ratio > limit:
                    failures.append(f"{name}: doubling to {path.stat().st_size // 1024} KB cost {ratio:.2f}x "
                                    f"(> {limit}x); worst step: {worst[1]} {worst[0]:.2f}x")
            print(line, flush=True)
            if time.perf_counter() - started > budget:
                failures.append(f"{name}: {path.stat().st_size // 1024} KB took more than {budget:.0f}s; larger sizes not run")
                break
            prev = best
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4,8", help="multiples of the unit")
    ap.add_argument("--plain-kb", type=int, default=100)
    ap.add_argument("--html-kb", type=int, default=60)
    ap.add_argument("--limit", type=float, default=2.6, help="largest acceptable time(2n)/time(n)")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds one size may take before the series stops")
    ap.add_argument("--runs", type=int, default=2, help="runs per size (each step's fastest counts)")
    ap.add_argument("--only", choices=("plain", "html"))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    load_dictionaries()  # warm: building the dictionaries is not part of any document's cost
    failures: list[str] = []
    if args.only in (None, "plain"):
        failures += run_series("plain", plain_text, args.plain_kb * 1024, sizes, args.runs, args.budget, args.limit)
    if args.only in (None, "html"):
        failures += run_series("html", nested_html, args.html_kb * 1024, sizes, args.runs, args.budget, args.limit)
    if failures:
        print("\nNOT LINEAR:\n" + "\n".join(f"  {f}" for f in failures), file=sys.stderr)
        return 1
    print("\nlinear: every doubling within the limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
