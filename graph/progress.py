"""Show a load's progress: a live bar on a terminal, plain lines (at most one every few seconds) otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from irkg.graph.write import LoadProgress


def format_progress(p: LoadProgress) -> str:
    """Return one line: documents done, passages, facts and rates."""
    total = f"/{p.total}" if p.total is not None else ""
    rate = p.facts / p.elapsed if p.elapsed > 0 else 0.0
    docs_rate = p.loaded / p.elapsed if p.elapsed > 0 else 0.0
    return (f"load: {p.done}{total} documents ({p.loaded} loaded, {p.skipped} unchanged, {p.failed} failed), "
            f"{p.passages} passages, {p.facts} facts, {rate:.0f} facts/s, {docs_rate:.1f} docs/s, {p.elapsed:.1f}s")


@contextmanager
def progress_printer(stream: TextIO | None = None, every: float = 2.0) -> Iterator[Callable[[LoadProgress], None]]:
    """Yield a progress callback for `load_extractions` that draws on `stream` (stderr by default)."""
    stream = stream or sys.stderr
    if stream.isatty():
        with _bar(stream) as update:
            yield update
        return
    state: dict = {"last": 0.0, "pending": None}

    def update(p: LoadProgress) -> None:
        state["pending"] = p
        now = time.monotonic()
        if now - state["last"] >= every:
            state["last"], state["pending"] = now, None
            print(format_progress(p), file=stream, flush=True)

    yield update
    if state["pending"] is not None:
        print(format_progress(state["pending"]), file=stream, flush=True)


@contextmanager
def _bar(stream: TextIO) -> Iterator[Callable[[LoadProgress], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("load"), BarColumn(), MofNCompleteColumn(), TextColumn("docs  {task.fields[stats]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(file=stream), transient=False) as bar:
        task = bar.add_task("load", total=None, stats="")

        def update(p: LoadProgress) -> None:
            rate = p.facts / p.elapsed if p.elapsed > 0 else 0.0
            stats = f"{p.passages} passages  {p.facts} facts  {rate:.0f} facts/s  {p.failed} failed"
            bar.update(task, completed=p.done, total=p.total, stats=stats)

        yield update
