"""The `irkg` command: a thin layer that parses, calls one library function, prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from irkg.errors import InputError, IrkgError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
neo4j_app = typer.Typer(no_args_is_help=True, help="Manage the local Neo4j server.")
schema_app = typer.Typer(no_args_is_help=True, help="Create the graph's constraints and indexes.")
query_app = typer.Typer(no_args_is_help=True, help="The library of named questions.")
parser_app = typer.Typer(no_args_is_help=True, help="Manage the local parse server (Stanford CoreNLP).")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(parser_app, name="parser")
app.add_typer(schema_app, name="schema")
app.add_typer(query_app, name="query")

_state = {"debug": False}


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks.")) -> None:
    """Build and question a knowledge graph of Iran–Russia relations."""
    import os

    _state["debug"] = debug
    if debug:
        os.environ["IRKG_DEBUG"] = "1"  # worker processes re-raise instead of reporting one line


def run(argv: list[str] | None = None) -> None:
    """Entry point: one line per error unless --debug (`argv` for tests; default the command line)."""
    try:
        app(args=argv)
    except IrkgError as e:
        if _state["debug"]:
            raise
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)


# --- section: neo4j (server management) -------------------------------------

_BOLT_OPT = typer.Option(None, "--bolt-port", help="Bolt port (default 7687, or the port it last ran on).")
_HTTP_OPT = typer.Option(None, "--http-port", help="HTTP/Browser port (default 7474, or the port it last ran on).")
_DATA_OPT = typer.Option(None, "--data-dir", help="Data directory (default ~/.local/share/irkg/neo4j or $IRKG_DATA_DIR).")


def _uri_note() -> None:
    """Warn when other commands will talk to a configured server, not the local one."""
    from irkg.graph.connect import load_settings

    settings = load_settings()
    if not settings.local:
        typer.echo(f"note: {settings.source} points irkg at {settings.uri}; the local server is not used")


@neo4j_app.command("start")
def neo4j_start(bolt_port: Optional[int] = _BOLT_OPT, http_port: Optional[int] = _HTTP_OPT,
                data_dir: Optional[Path] = _DATA_OPT) -> None:
    """Start the local Neo4j (assembled from Maven Central on first use)."""
    from irkg.graph import server

    cfg = server.load_config(bolt_port, http_port, data_dir)
    if not server.running_pid(cfg) and not (cfg.home_dir / "lib").is_dir():
        typer.echo(f"assembling Neo4j {server.NEO4J_VERSION} from Maven Central into {cfg.home_dir} (first start only)...")
    state = server.start(cfg)
    if state.get("already_running"):
        typer.echo(f"Neo4j already running (pid {state['pid']}) at {cfg.bolt_uri}")
        for option, (wanted, actual) in state.get("ignored", {}).items():
            typer.echo(f"note: {option} {wanted} ignored: the server runs on port {actual}; "
                       f"'irkg neo4j stop' first to change it")
    else:
        typer.echo(f"Neo4j {server.NEO4J_VERSION} started in {state['seconds']}s (pid {state['pid']})")
    typer.echo(f"bolt:     {cfg.bolt_uri}\nbrowser:  {cfg.browser_url}\ndata:     {cfg.data_dir}")
    _uri_note()


@neo4j_app.command("stop")
def neo4j_stop(data_dir: Optional[Path] = _DATA_OPT) -> None:
    """Stop the local Neo4j."""
    from irkg.graph import server

    cfg = server.load_config(data_dir=data_dir)
    typer.echo("Neo4j stopped" if server.stop(cfg) else f"Neo4j was not running (data: {cfg.data_dir})")


@neo4j_app.command("status")
def neo4j_status(data_dir: Optional[Path] = _DATA_OPT) -> None:
    """Show whether the local Neo4j runs, its version, URLs and where its data and password are."""
    from irkg.graph import server
    from irkg.graph.server_status import status

    info = status(server.load_config(data_dir=data_dir))
    state = f"running (pid {info['pid']})" if info["running"] else "not running — start it with 'irkg neo4j start'"
    rows = [("status", state), ("version", info["version"] or ("unknown" if info["running"] else "-")),
            ("bolt", info["bolt_uri"]), ("browser", info["browser_url"]), ("data", info["data_dir"]),
            ("logs", info["log_file"]), ("password", info["password_file"]), ("server", info["home_dir"]),
            ("neo4j browser", info["browser"]), ("apoc", info["apoc"])]
    for key, value in rows:
        typer.echo(f"{key + ':':15}{value}")
    if info["error"]:
        typer.echo(f"{'error:':15}{info['error']}")
    _uri_note()


@neo4j_app.command("logs")
def neo4j_logs(n: int = typer.Option(50, "-n", help="Number of lines."), data_dir: Optional[Path] = _DATA_OPT) -> None:
    """Print the last lines of the local server's log."""
    from irkg.graph import server

    for line in server.log_tail(server.load_config(data_dir=data_dir), n):
        typer.echo(line)


# --- section: parser (the local CoreNLP process) ------------------------------


@parser_app.command("start")
def parser_start() -> None:
    """Start the parse server (assembled from Maven Central on first use; extraction starts it by itself)."""
    from irkg.loaders.parse import service

    if not (service.home_dir() / "ready").is_file():
        typer.echo(f"assembling Stanford CoreNLP {service.CORENLP_VERSION} from Maven Central into {service.home_dir()} (first start only)...")
    state = service.start()
    if state.get("already_running"):
        typer.echo(f"parse server already running (pid {state.get('pid')})")
    else:
        typer.echo(f"parse server started in {state['seconds']}s (pid {state['pid']}, socket {state['socket']})")


@parser_app.command("stop")
def parser_stop() -> None:
    """Stop the parse server."""
    from irkg.loaders.parse import service

    typer.echo("parse server stopped" if service.stop() else "parse server was not running")


@parser_app.command("status")
def parser_status() -> None:
    """Show whether the parse server runs, where it is installed, its socket, log and parse cache."""
    from irkg.loaders.parse import service

    info = service.status()
    state = f"running (pid {info['pid']})" if info["running"] else "not running — extraction starts it, or 'irkg parser start'"
    rows = [("status", state), ("version", info["version"]), ("home", info["home"]),
            ("assembled", "yes" if info["assembled"] else "no (first use downloads about 1.1 GB)"),
            ("socket", info["socket"]), ("log", info["log"]), ("cache", info["cache"])]
    for key, value in rows:
        typer.echo(f"{key + ':':12}{value}")


# --- section: schema ----------------------------------------------------------


@schema_app.command("apply")
def schema_apply_cmd() -> None:
    """Create the constraints and indexes (IF NOT EXISTS: running it twice changes nothing)."""
    from irkg.graph.connect import load_settings, open_driver
    from irkg.graph.schema_apply import apply_schema

    settings = load_settings()
    with open_driver(settings) as driver:
        report = apply_schema(driver, settings.database)
    for item in report.items:
        extra = f" (analyzer {report.analyzer})" if item.kind == "fulltext" else ""
        typer.echo(f"{'created' if item.created else 'present'}  {item.kind:10} {item.name}{extra}")
    for warning in report.warnings:
        typer.echo(f"warning: {warning}")
    typer.echo(f"schema on {settings.uri}: {len(report.created)} created, {len(report.items) - len(report.created)} already present")


@schema_app.command("show")
def schema_show_cmd() -> None:
    """Print the constraints and indexes on the server (SHOW CONSTRAINTS / SHOW INDEXES)."""
    from irkg.graph.connect import load_settings, open_driver
    from irkg.graph.schema_apply import list_constraints, list_indexes

    settings = load_settings()
    with open_driver(settings) as driver:
        constraints = list_constraints(driver, settings.database)
        indexes = list_indexes(driver, settings.database)
    typer.echo(f"constraints ({len(constraints)}):")
    for c in constraints:
        typer.echo(f"  {c['name']:28} {c['type']:12} :{':'.join(c['labels'] or [])}({', '.join(c['properties'] or [])})")
    typer.echo(f"indexes ({len(indexes)}):")
    for i in indexes:
        target = f":{':'.join(i['labels'] or [])}({', '.join(i['properties'] or [])})" if i["labels"] else "(all)"
        extra = f" analyzer={i['analyzer']}" if i["analyzer"] else ""
        typer.echo(f"  {i['name']:28} {i['type']:9} {i['state']:8} {target}{extra}")


# --- section: extract ---------------------------------------------------------

_MAX_BYTES_OPT = typer.Option(
    None, "--max-bytes", help="Largest document read, in bytes (default 5000000, or $IRKG_MAX_BYTES); larger files are skipped.")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or directories of documents."),
    stage: str = typer.Option("facts", help="passages | mentions | facts"),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl | table"),
    workers: int = typer.Option(1, help="Processes to use."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    max_bytes: Optional[int] = _MAX_BYTES_OPT,
) -> None:
    """Extract passages, mentions or facts from documents (no Neo4j needed)."""
    from irkg.loaders import emit
    from irkg.loaders.pipeline import Stage, extract_documents, merge_extractions
    from irkg.loaders.read import max_document_bytes

    if stage not in {s.value for s in Stage} or fmt not in {"jsonl", "table"}:
        raise IrkgError(f"unknown --stage {stage!r} or --format {fmt!r}: use passages|mentions|facts and jsonl|table")
    limit = max_document_bytes(max_bytes)
    out = emit.open_output(output) if output else sys.stdout
    try:
        extractions, problems = extract_documents(paths, workers=workers, stage=Stage(stage), max_bytes=limit)
        for problem in problems:
            typer.echo(problem_line(problem), err=True)
        if stage == Stage.PASSAGES:
            n = emit.emit_passages(extractions, fmt, out)
        elif stage == Stage.MENTIONS:
            n = emit.emit_mentions(extractions, fmt, out)
        else:
            n = emit.emit_records(merge_extractions(extractions), fmt, out)
    finally:
        if output:
            out.close()
    unusable = [p for p in problems if p.skipped]
    typer.echo(f"{len(extractions)} documents, {n} {stage if stage != 'facts' else 'records'}"
               + (f", {len(unusable)} skipped or failed" if unusable else ""), err=True)
    if unusable:
        raise typer.Exit(3)  # the same status as load


def problem_line(problem) -> str:
    """Return how a problem is printed: failed (a bug), skipped (the file) or warning (read, with a note)."""
    kind = "failed" if problem.failed else "skipped" if problem.skipped else "warning"
    return f"{kind} {problem}"


# --- section: load / unload / stats / actors ----------------------------------


@app.command("load")
def load_cmd(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .pdf, corpus.yaml beside them)."),
    workers: int = typer.Option(1, "--workers", "-w", help="Extraction processes."),
    force: bool = typer.Option(False, "--force", help="Reload unchanged documents too."),
    max_bytes: Optional[int] = _MAX_BYTES_OPT,
) -> None:
    """Extract documents and write them into Neo4j; unchanged documents are skipped, changed ones replaced."""
    from irkg.graph.connect import load_settings, open_driver
    from irkg.graph.load import load_paths
    from irkg.graph.progress import progress_printer
    from irkg.loaders.read import max_document_bytes

    limit = max_document_bytes(max_bytes)
    settings = load_settings()
    with open_driver(settings) as driver, progress_printer() as progress:
        try:
            report = load_paths(driver, paths, workers=workers, database=settings.database, progress=progress, force=force,
                                max_bytes=limit)
        except KeyboardInterrupt:
            raise IrkgError("interrupted; the batch in progress was rolled back — rerun the same command to resume") from None
    typer.echo(report.summary())
    if report.failed and not report.loaded and not report.skipped:
        raise IrkgError(f"no document loaded ({len(report.failed)} failed)")
    if report.failed:
        raise typer.Exit(3)  # as extract: the others are in, but not everything


@app.command("unload")
def unload_cmd(doc: str = typer.Argument(..., help="Document id or path relative to the folder loaded (a file name if only one document has it).")) -> None:
    """Remove a document, its passages and evidence, and the facts only it stated."""
    from irkg.graph.connect import load_settings, open_driver
    from irkg.graph.unload import unload_document

    settings = load_settings()
    with open_driver(settings) as driver:
        report = unload_document(driver, doc, settings.database)
    typer.echo(f"unloaded {', '.join(report.docs)}: -{report.nodes_deleted} nodes, -{report.relationships_deleted} relationships")


@app.command("stats")
def stats_cmd() -> None:
    """Print node counts per label, relationship counts per type, and the provenance checks."""
    from irkg.graph.connect import load_settings, open_driver
    from irkg.graph.stats import graph_stats

    settings = load_settings()
    with open_driver(settings) as driver:
        typer.echo(graph_stats(driver, settings.database).render())


@app.command("actors")
def actors_cmd(
    unlinked: bool = typer.Option(False, "--unlinked", help="Only names discovered in text, awaiting curation."),
    quotes: int = typer.Option(3, "--quotes", help="Quotes shown per actor."),
) -> None:
    """List actors with their mentions; --unlinked lists the names to add to a dictionary."""
    from irkg.graph.connect import load_settings, open_driver
    from irkg.graph.stats import list_actors, render_actors

    settings = load_settings()
    with open_driver(settings) as driver:
        typer.echo(render_actors(list_actors(driver, unlinked_only=unlinked, database=settings.database, max_quotes=quotes)))


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
    explain: bool = typer.Option(False, "--explain", help="Print what was understood: names, years, terms, intents."),
    lang: str = typer.Option(None, "--lang", help="Language of the answer lines and labels: en or ar (default: the question's)."),
    show_all: bool = typer.Option(False, "--all", help="Print every row, not only the first ten."),
) -> None:
    """Answer a question from the library of named queries, with quotes and their documents."""
    from irkg.queries.ask import NoMatchingQuery, ask
    from irkg.queries.render import render_ask, render_no_match

    if lang not in (None, "en", "ar"):
        raise InputError(f"--lang {lang!r}: use en or ar")
    driver, database = _driver_and_db()
    try:
        result = ask(driver, question, database=database, lang=lang)
    except NoMatchingQuery as e:
        typer.echo(render_no_match(e))
        raise typer.Exit(1)
    finally:
        driver.close()
    head, body = render_ask(result, fmt, show_cypher, explain, show_all)
    # json/csv stay machine-readable on stdout; what ran goes to stderr for them.
    typer.echo(head + "\n", err=fmt in ("json", "csv"))
    typer.echo(body)


@app.command("report")
def report_cmd(
    out: Path = typer.Option(Path("brief.html"), "-o", "--output", help="The HTML file to write."),
    topic: Optional[str] = typer.Option(None, "--topic", help="Topic id, prefix or name (arms, trade, الطاقة)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id, name or alias."),
    year_from: Optional[int] = typer.Option(None, "--from", help="First year of dated facts."),
    year_to: Optional[int] = typer.Option(None, "--to", help="Last year of dated facts."),
    lang: str = typer.Option("en", "--lang", help="Language of the brief's words and labels: en or ar."),
) -> None:
    """Write an analyst's brief (timeline, network, indicators, agreements, frictions, stances) as one HTML file."""
    from irkg.queries.report import Selection, write_brief

    selection = Selection(topic=topic, actor=actor, year_from=year_from, year_to=year_to, lang=lang)
    selection.check()
    driver, database = _driver_and_db()
    try:
        brief = write_brief(driver, selection, out, database)
    finally:
        driver.close()
    typer.echo(brief.summary())


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
