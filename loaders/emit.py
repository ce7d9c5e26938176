"""Print pipeline output for people (table) and tools (jsonl)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from irkg.errors import InputError
from irkg.schema.graph import Record
from irkg.schema.pipeline import DocExtraction


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def open_output(path: Path) -> TextIO:
    """Open the -o file for writing before any work is done; a path that cannot be written is one line."""
    if path.is_dir():
        raise InputError(f"-o {path}: is a directory; give a file name, e.g. -o {path / 'extract.jsonl'}")
    if not path.parent.is_dir():
        raise InputError(f"-o {path}: folder {path.parent} does not exist; create it first")
    try:
        return path.open("w", encoding="utf-8")
    except OSError as e:
        raise InputError(f"-o {path}: cannot write ({e.strerror})") from None


def emit_passages(extractions: Iterable[DocExtraction], fmt: str, out: TextIO) -> int:
    """Write every passage; return how many."""
    n = 0
    for x in extractions:
        for p in x.passages:
            n += 1
            if fmt == "jsonl":
                row = p.model_dump(mode="json", exclude={"key"})
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(f"{p.file}\t{p.idx}\t{p.start}-{p.end}\t{p.kind}\t{_short(p.text, 160)}\n")
    return n


def emit_mentions(extractions: Iterable[DocExtraction], fmt: str, out: TextIO) -> int:
    """Write every mention with its passage; return how many."""
    n = 0
    for x in extractions:
        for p, ms in zip(x.passages, x.mentions or []):
            for m in ms:
                n += 1
                ref = m.ref or ("unlinked" if m.unlinked else None)
                if fmt == "jsonl":
                    row = {"doc": p.file, "passage": p.idx, **m.model_dump(mode="json")}
                    row["ref"] = ref
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    value = "" if m.value is None else str(m.value)
                    flags = ",".join(m.flags)
                    role = m.role or ""
                    out.write(
                        f"{p.file}\t{p.idx}\t{m.kind}\t{m.start}-{m.end}\t{m.surface}\t{ref or '-'}\t{role}\t{value}\t{flags}\n"
                    )
    return n


def emit_records(records: Iterable[Record], fmt: str, out: TextIO) -> int:
    """Write records as JSON lines or an aligned table; return how many."""
    n = 0
    for r in records:
        n += 1
        if fmt == "jsonl":
            out.write(r.model_dump_json(exclude_none=False) + "\n")
            continue
        detail = getattr(r, "date", None) or getattr(r, "value", None) or getattr(r, "type", "") or ""
        quote = _short(r.evidence[0].text, 70) if r.evidence else ""
        where = f"{r.evidence[0].doc}:{r.evidence[0].passage}" if r.evidence else ""
        extra = f" (+{len(r.evidence) - 1})" if len(r.evidence) > 1 else ""
        out.write(f"{r.kind:10s} {_short(r.label, 48):48s} {str(detail):12s} {where}{extra}  {quote}\n")
    return n
