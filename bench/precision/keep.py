"""Keep a judged precision sample in the repository without the documents' text.

Usage: python bench/precision/keep.py SAMPLE.jsonl VERDICTS.jsonl OUT.jsonl

Each verdict line is joined to its sampled record by `n`/`_n` and written with the record's id,
kind and where it was stated (document#passage), the verdict, the wrong fields, the error class
and the judge's reason (in the judge's words). Quotes from the documents are not kept.
Prints strict and lenient precision and the per-kind counts.
"""

import json
import sys
from collections import Counter, defaultdict


def main(sample: str, verdicts: str, out: str) -> None:
    records = {r["_n"]: r for r in map(json.loads, open(sample, encoding="utf-8")) if r}
    rows = [json.loads(line) for line in open(verdicts, encoding="utf-8") if line.strip()]
    kinds: dict[str, Counter] = defaultdict(Counter)
    with open(out, "w", encoding="utf-8") as fh:
        for v in rows:
            r = records.get(v["n"], {})
            ev = (r.get("evidence") or [{}])[0]
            row = {"n": v["n"], "id": v.get("id") or r.get("id"), "kind": v.get("kind") or r.get("kind"),
                   "where": f"{ev.get('doc')}#{ev.get('passage')}", "verdict": v["verdict"],
                   "wrong_fields": v.get("wrong_fields") or [], "error_class": v.get("error_class") or "",
                   "reason": v.get("reason") or ""}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            kinds[row["kind"]][row["verdict"]] += 1
    main_rows = [v for v in rows if v["n"] <= 60]
    n = len(main_rows)
    c = sum(v["verdict"] == "CORRECT" for v in main_rows)
    p = sum(v["verdict"] == "PARTLY" for v in main_rows)
    print(f"first {n}: strict {c / n:.3f} ({c}/{n}), lenient {(c + p) / n:.3f}")
    for k, cnt in sorted(kinds.items()):
        t = sum(cnt.values())
        print(f"  {k:11} n={t:3} correct={cnt['CORRECT']:3} partly={cnt['PARTLY']:3} wrong={cnt['WRONG']:3}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
