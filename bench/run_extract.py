"""Dev script: read -> normalize -> segment -> recognize -> extract_facts -> resolve, print JSONL.

Usage: python bench/run_extract.py PATH... > out.jsonl
Uses irkg.loaders.recognize when present; otherwise a plain dictionary matcher so that
fact extraction can be developed before recognition lands.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from irkg.loaders.dictionaries import load_dictionaries
from irkg.loaders.normalize import normalize
from irkg.loaders.read import read_paths
from irkg.loaders.segment import segment
from irkg.schema.pipeline import Mention

_TOK = re.compile(r"[\u0621-\u063a\u0641-\u064a]+|[a-z\u00e0-\u024f]+|[0-9]+|\+")
_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def _fallback_recognize(passage, dicts, published=None) -> list[Mention]:
    """Match dictionary names (with clitics peeled) and dates; a stand-in for recognize()."""
    from irkg.loaders.arabic import match_key_aligned
    from irkg.loaders.dates import find_dates

    key, pos = match_key_aligned(passage.text)
    toks = [(m.group(), m.start(), m.end()) for m in _TOK.finditer(key)]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(6, len(toks) - i), 0, -1):
            words = [t[0] for t in toks[i:i + n]]
            for pre in ("",) + _CLITICS:
                if pre and not words[0].startswith(pre):
                    continue
                w0 = words[0][len(pre):]
                if len(w0) < 2:
                    continue
                targets = dicts.entity_index.get(tuple([w0] + words[1:])) or dicts.topic_index.get(tuple([w0] + words[1:]))
                if targets:
                    hit = (n, targets[0])
                    break
            if hit:
                break
        if hit:
            n, t = hit
            s, e = pos[toks[i][1]], pos[toks[i + n - 1][2] - 1] + 1
            if not (t.how == "weak"):
                out.append(Mention(kind=t.kind, start=s, end=e, surface=passage.text[s:e], ref=t.ref))
            i += n
        else:
            i += 1
    out.extend(find_dates(passage.text, published))
    return out


def _fallback_actor_records(mentions, dicts) -> list:
    """Actor records for linked mentions (stand-in for irkg.loaders.actors)."""
    from irkg.schema.graph import ActorRecord

    out = {}
    for ms in mentions:
        for m in ms:
            a = dicts.actors.get(m.ref) if str(m.kind) == "actor" and m.ref else None
            if a is not None and a.id not in out:
                out[a.id] = ActorRecord(id=a.id, label=a.name_en, type=a.type, names=a.names(),
                                        name_en=a.name_en, name_ar=a.name_ar, aliases=a.aliases)
    return list(out.values())


def run(paths: list[str]) -> tuple[list, float]:
    """Return resolved records for `paths` and the seconds spent."""
    from irkg.loaders.extract import extract_facts
    from irkg.loaders.pipeline import document_record
    from irkg.loaders.resolve import resolve_records

    try:
        from irkg.loaders.recognize import recognize
    except ImportError:
        recognize = _fallback_recognize
    try:
        from irkg.loaders.actors import build_actor_records
    except ImportError:
        build_actor_records = None
    t0 = time.perf_counter()
    try:
        dicts = load_dictionaries()
    except Exception as e:  # dictionaries mid-edit by their owner: fall back to the entity files
        from irkg.loaders.dictionaries import DICT_DIR, build_dictionaries

        print(f"dictionaries: {str(e).splitlines()[0]}; using entity files only", file=sys.stderr)
        files = [p for p in sorted(DICT_DIR.glob("*.yaml"))
                 if p.name.startswith(("actors", "items", "topics", "places"))]
        dicts = build_dictionaries(files)
    docs, problems = read_paths(paths)
    for p in problems:
        print(f"skipped: {p}", file=sys.stderr)
    out, rest = [], []
    for doc in docs:
        passages = segment(normalize(doc))
        mentions = [recognize(p, dicts, doc.published) for p in passages]
        out.append(document_record(doc, len(passages)))
        if build_actor_records is not None:
            rest.extend(build_actor_records(zip(passages, mentions), dicts))
        else:
            rest.extend(_fallback_actor_records(mentions, dicts))
        rest.extend(extract_facts(doc, passages, mentions, dicts))
    records = out + resolve_records(rest)
    return records, time.perf_counter() - t0


def main(argv: list[str]) -> int:
    records, secs = run(argv)
    for r in records:
        print(json.dumps(r.model_dump(mode="json"), ensure_ascii=False))
    print(f"{len(records)} records in {secs:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [str(Path("/work/shared/corpus"))]))
