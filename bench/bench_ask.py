"""Score `irkg ask` on the question set: is each question answered with its evidence, and how fast?

Every question of bench/questions/questions.yaml goes through `irkg.queries.ask.ask` (the
library function behind `irkg ask`) against the server NEO4J_URI names, with the corpus
loaded (`--load` loads it first). A question is answered with its evidence when the rows an
analyst sees (the first --rows rows, the first --quotes quotes of each, as `irkg ask` prints
them) quote every referenced passage (any one of them for `any_of: true`): a quote's offsets
in the original file overlap the reference's; and when those rows name every required entity,
date or figure (in any of its listed forms) in their answer lines, fields or quotes.

    NEO4J_URI=… NEO4J_PASSWORD=… python bench/bench_ask.py --split dev --details
    NEO4J_URI=… NEO4J_PASSWORD=… python bench/bench_ask.py --split all        # the final figure

Details (which references and names were missed) are printed for the dev half and for the
second development set (questions-dev2.yaml, 40 questions by another reader) only: the test
half is for the final figure, never for tuning. Results go to bench/out/ask.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from irkg.graph.connect import load_settings, open_driver  # noqa: E402
from irkg.loaders.arabic import match_key  # noqa: E402
from irkg.loaders.dictionaries import load_dictionaries  # noqa: E402
from irkg.queries.ask import NoMatchingQuery, Router, ask  # noqa: E402
from irkg.queries.execute import explain_query  # noqa: E402
from irkg.queries.library import load_library  # noqa: E402
from irkg.queries.render import format_value  # noqa: E402

QUESTIONS = ROOT / "bench" / "questions" / "questions.yaml"
# a second development set, written later by another reader of the documents only: tuning data, like "dev"
QUESTIONS_DEV2 = ROOT / "bench" / "questions" / "questions-dev2.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "out" / "ask.json"


def norm(text: str) -> str:
    """Return text for name matching: Arabic match key (no diacritics, unified letters), lower case, single spaces."""
    return " ".join(match_key(str(text)).lower().replace("–", "-").replace("—", "-").split())


def shown(result, rows: int, quotes: int) -> tuple[list[dict], str]:
    """Return the quotes and the text of what `irkg ask` shows: the first rows, the first quotes of each."""
    qs: list[dict] = []
    parts: list[str] = []
    for row in result.rows[:rows]:
        parts.append(row.headline)
        parts += [format_value(v) for k, v in row.fields.items() if k != "quotes" and not k.startswith("_")]
        for q in row.quotes[:quotes]:
            qs.append(q)
            parts.append(str(q.get("quote") or ""))
    return qs, norm("\n".join(parts))


def judge(q: dict, quotes: list[dict], text: str) -> dict:
    """Return which referenced passages were quoted and which names were named."""
    def quoted(ref: dict) -> bool:
        return any(x.get("doc") == ref["doc"] and x.get("start") is not None and x["start"] < ref["end"] and ref["start"] < x["end"]
                   for x in quotes)

    refs = [quoted(r) for r in q["must_quote"]]
    quote_ok = any(refs) if q.get("any_of") else all(refs)
    names = []
    for item in q.get("must_name") or []:
        forms = item if isinstance(item, list) else [item]
        names.append(any(norm(f) in text for f in forms))
    return {"quote_ok": quote_ok, "refs": refs, "names_ok": all(names), "names": names}


def run(args: argparse.Namespace) -> dict:
    questions = [q for f in (QUESTIONS, QUESTIONS_DEV2) for q in yaml.safe_load(f.read_text(encoding="utf-8"))]
    if args.split != "all":
        questions = [q for q in questions if q["split"] == args.split]
    settings = load_settings()
    driver = open_driver(settings)
    if args.load:
        from irkg.graph.load import load_paths

        load_paths(driver, [Path(args.corpus)], database=settings.database)
    router = Router(load_library(), load_dictionaries())
    # warm-up, as a running server is: every library query planned once, the dictionaries and caches loaded
    for q in router.library:
        explain_query(driver, q, settings.database)
    ask(driver, "what constrains arms deliveries?", router=router, database=settings.database)
    results = []
    for q in questions:
        t = time.perf_counter()
        try:
            result = ask(driver, q["question"], router=router, database=settings.database)
            quotes, text = shown(result, args.rows, args.quotes)
            intents = result.intents
        except NoMatchingQuery:
            quotes, text, intents = [], "", []
        ms = (time.perf_counter() - t) * 1000
        verdict = judge(q, quotes, text)
        results.append({"id": q["id"], "lang": q["lang"], "split": q["split"], "kind": q["kind"], "ms": round(ms, 1),
                        "answered": verdict["quote_ok"] and verdict["names_ok"], **verdict, "intents": intents})
    driver.close()
    return {"rows_judged": args.rows, "quotes_per_row": args.quotes, "results": results, "summary": summarize(results)}


def summarize(results: list[dict]) -> dict:
    out: dict = {}
    for split in sorted({r["split"] for r in results}):
        for lang in ("en", "ar", "all"):
            rs = [r for r in results if r["split"] == split and (lang == "all" or r["lang"] == lang)]
            if rs:
                out[f"{split}/{lang}"] = {
                    "questions": len(rs),
                    "answered": sum(r["answered"] for r in rs),
                    "share": round(sum(r["answered"] for r in rs) / len(rs), 3),
                    "quotes_ok": sum(r["quote_ok"] for r in rs),
                    "names_ok": sum(r["names_ok"] for r in rs),
                }
    ms = sorted(r["ms"] for r in results)
    out["latency_ms"] = {"p50": round(statistics.median(ms), 1), "p95": round(ms[max(0, int(round(0.95 * len(ms))) - 1)], 1),
                         "max": ms[-1]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "dev2", "test", "all"), default="dev")
    ap.add_argument("--rows", type=int, default=10, help="rows judged (what `irkg ask` prints before --all)")
    ap.add_argument("--quotes", type=int, default=3, help="quotes judged per row (what the table prints)")
    ap.add_argument("--load", action="store_true", help="load the corpus first (irkg load)")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--details", action="store_true", help="print what each dev question missed")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    report = run(args)
    for key, s in report["summary"].items():
        if key != "latency_ms":
            print(f"{key:10} {s['answered']:2}/{s['questions']:2} = {s['share']:.0%}  (quotes {s['quotes_ok']}, names {s['names_ok']})")
    lat = report["summary"]["latency_ms"]
    print(f"irkg ask latency: p50 {lat['p50']} ms, p95 {lat['p95']} ms, max {lat['max']} ms")
    if args.details:
        for r in report["results"]:
            if r["split"] in ("dev", "dev2") and not r["answered"]:
                print(f"  {r['id']} {r['lang']} {r['kind']:16} refs={r['refs']} names={r['names']} intents={r['intents']} {r['ms']:.0f}ms")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
