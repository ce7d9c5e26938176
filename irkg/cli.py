"""The `irkg` command: a thin layer that parses, calls one library function, prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from irkg.errors import IrkgError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
neo4j_app = typer.Typer(no_args_is_help=True, help="Manage the local Neo4j server.")
schema_app = typer.Typer(no_args_is_help=True, help="Create the graph's constraints and indexes.")
query_app = typer.Typer(no_args_is_help=True, help="The library of named questions.")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")
app.add_typer(query_app, name="query")

_state = {"debug": False}


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks.")) -> None:
    """Build and question a knowledge graph of Iran–Russia relations."""
    _state["debug"] = debug


def run() -> None:
    """Entry point: one line per error unless --debug."""
    try:
        app()
    except IrkgError as e:
        if _state["debug"]:
            raise
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)


# --- section: neo4j (server management) -------------------------------------

# --- section: schema ----------------------------------------------------------

# --- section: extract ---------------------------------------------------------


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or directories of documents."),
    stage: str = typer.Option("facts", help="passages | mentions | facts"),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl | table"),
    workers: int = typer.Option(1, help="Processes to use."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
) -> None:
    """Extract passages, mentions or facts from documents (no Neo4j needed)."""
    from irkg.loaders import emit
    from irkg.loaders.pipeline import Stage, extract_documents, merge_extractions

    if stage not in {s.value for s in Stage} or fmt not in {"jsonl", "table"}:
        raise IrkgError(f"unknown --stage {stage!r} or --format {fmt!r}: use passages|mentions|facts and jsonl|table")
    extractions, problems = extract_documents(paths, workers=workers, stage=Stage(stage))
    for problem in problems:
        typer.echo(f"skipped {problem}", err=True)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        if stage == Stage.PASSAGES:
            n = emit.emit_passages(extractions, fmt, out)
        elif stage == Stage.MENTIONS:
            n = emit.emit_mentions(extractions, fmt, out)
        else:
            n = emit.emit_records(merge_extractions(extractions), fmt, out)
    finally:
        if output:
            out.close()
    typer.echo(f"{len(extractions)} documents, {n} {stage if stage != 'facts' else 'records'}"
               + (f", {len(problems)} skipped" if problems else ""), err=True)
    if any(p.skipped for p in problems):
        raise typer.Exit(3)


# --- section: load / unload / stats / actors ----------------------------------

# --- section: ask / query / cypher / browser ----------------------------------
