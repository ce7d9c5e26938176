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

# --- section: load / unload / stats / actors ----------------------------------

# --- section: ask / query / cypher / browser ----------------------------------
