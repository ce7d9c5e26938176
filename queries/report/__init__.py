"""The analyst's brief: `irkg report` reads a selection through the library, shapes it, writes one HTML page.

Steps, one module each: `gather` (the brief_* library queries) → `shape` (timeline, network,
indicator series, lifecycles, tables; pure) → `page` (HTML with D3, CSS, script and data inlined).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import neo4j

from irkg.errors import IrkgError
from irkg.queries.report.gather import Selection, gather_brief
from irkg.queries.report.page import render_page
from irkg.queries.report.shape import shape_brief

__all__ = ["Brief", "Selection", "write_brief"]


@dataclass
class Brief:
    """What was written: where, how large, what it shows, and how long each step took."""

    path: Path
    bytes: int
    counts: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        """Return the one line `irkg report` prints."""
        shown = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        return f"wrote {self.path} ({self.bytes / 1024:,.0f} KB: {shown}) in {self.seconds['total']:.2f}s"


def write_brief(driver: neo4j.Driver, sel: Selection, out: Path | str, database: str | None = None) -> Brief:
    """Write the brief of a selection to one self-contained HTML file."""
    t0 = time.perf_counter()
    rows = gather_brief(driver, sel, database)
    t1 = time.perf_counter()
    model = shape_brief(rows)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    html = render_page(model, sel, rows.scope, generated)
    path = Path(out).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    except OSError as e:
        raise IrkgError(f"cannot write the brief to {path}: {e.strerror or e}; choose another path with -o") from e
    t2 = time.perf_counter()
    tl = model["timeline"]
    counts = {"events": len(tl["events"]) + len(tl["undated"]), "actors": len(model["network"]["nodes"]),
              "links": len(model["network"]["links"]), "agreements": len(model["agreements"]["items"]),
              "measures": len(model["indicators"]["charts"]) + len(model["indicators"]["table"]),
              "constraints": model["topics"]["constraints_shown"], "frictions": model["topics"]["frictions_shown"],
              "stances": model["stances"]["shown"], "sources": len(model["sources"])}
    seconds = {**rows.seconds, "queries": t1 - t0, "shape+html": t2 - t1, "total": t2 - t0}
    return Brief(path=path, bytes=len(html.encode("utf-8")), counts=counts, seconds=seconds)
