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

_FORMAT_OPT = typer.Option("table", "--format", "-f", help="table, json, csv or markdown.")
_PARAM_OPT = typer.Option(None, "--param", "-p", help="Parameter as key=value (repeatable).")


def _driver_and_db():
    from irkg.graph.connect import load_settings, open_driver

    settings = load_settings()
    return open_driver(settings), settings.database


@app.command("ask")
def ask_cmd(
    question: str = typer.Argument(..., help="A question in English or Arabic."),
    fmt: str = _FORMAT_OPT,
    show_cypher: bool = typer.Option(False, "--show-cypher", help="Print the Cypher and its parameters."),
) -> None:
    """Answer a question from the library of named queries, with quotes and their documents."""
    from irkg.queries.ask import NoMatchingQuery, ask
    from irkg.queries.render import render_ask, render_no_match

    driver, database = _driver_and_db()
    try:
        result = ask(driver, question, database=database)
    except NoMatchingQuery as e:
        typer.echo(render_no_match(e))
        raise typer.Exit(1)
    finally:
        driver.close()
    typer.echo(render_ask(result, fmt, show_cypher))


@query_app.command("list")
def query_list_cmd() -> None:
    """List the named queries with their descriptions."""
    from irkg.queries.library import load_library

    for q in load_library():
        typer.echo(f"{q.name:18} {q.description}")


@query_app.command("show")
def query_show_cmd(name: str = typer.Argument(..., help="Query name.")) -> None:
    """Show a query's header (parameters, columns, example questions) and its Cypher."""
    from irkg.queries.library import load_library
    from irkg.queries.render import describe_query

    q = load_library().get(name)
    typer.echo(describe_query(q) + "\n\n" + q.cypher)


@query_app.command("run")
def query_run_cmd(
    name: str = typer.Argument(..., help="Query name."),
    param: Optional[list[str]] = _PARAM_OPT,
    fmt: str = _FORMAT_OPT,
) -> None:
    """Run a named query with parameters (defaults for the rest) in a read transaction."""
    from irkg.queries.execute import run_named
    from irkg.queries.library import load_library, parse_param_args
    from irkg.queries.render import render_answer

    q = load_library().get(name)
    given = parse_param_args(param)
    driver, database = _driver_and_db()
    try:
        answer = run_named(driver, q, given, database)
    finally:
        driver.close()
    typer.echo(render_answer(answer, fmt))


@app.command("cypher")
def cypher_cmd(
    statement: str = typer.Argument(..., help="A Cypher statement (read-only)."),
    param: Optional[list[str]] = _PARAM_OPT,
    fmt: str = _FORMAT_OPT,
) -> None:
    """Run ad-hoc Cypher in a read transaction; writes are refused."""
    from irkg.queries.execute import run_cypher
    from irkg.queries.library import guess_value, parse_param_args
    from irkg.queries.render import render_answer

    params = {k: guess_value(v) for k, v in parse_param_args(param).items()}
    driver, database = _driver_and_db()
    try:
        answer = run_cypher(driver, statement, params, database)
    finally:
        driver.close()
    typer.echo(render_answer(answer, fmt))


@app.command("browser")
def browser_cmd(write: bool = typer.Option(False, "--write", help="Regenerate the Browser script of the library first.")) -> None:
    """Print the Neo4j Browser URL and how to apply the irkg style and load the questions."""
    from irkg.queries.render import browser_instructions, write_browser_files

    if write:
        typer.echo(f"wrote {write_browser_files()}")
    typer.echo(browser_instructions())
