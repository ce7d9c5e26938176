"""Print answers as a grouped table, JSON, CSV or Markdown; write the Browser favorites script."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from irkg.errors import InputError
from irkg.queries.execute import Answer
from irkg.queries.library import Library, NamedQuery

FORMATS = ("table", "json", "csv", "markdown")
QUOTE_COLUMNS = ("quotes",)


def format_value(value: Any) -> str:
    """Return a compact one-line text for a cell (lists joined, maps as key=value)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return "; ".join(f"{k}={format_value(v)}" for k, v in value.items() if v is not None)
    return str(value)


def format_quote(q: dict[str, Any]) -> str:
    """Return one quote with its document, passage and certainty."""
    where = str(q.get("doc") or "?")
    if q.get("passage") is not None:
        where += f" #{q['passage']}"
    cert = f" [{q['certainty']}]" if q.get("certainty") else ""
    return f"«{q.get('quote') or ''}» — {where}{cert}"


def _quotes(row: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for col in QUOTE_COLUMNS:
        for q in row.get(col) or []:
            if isinstance(q, dict) and q.get("quote"):
                out.append(q)
    return out


def public_columns(answer: Answer) -> list[str]:
    """Return the columns a reader sees: `_`-prefixed ones (ids, labels for ranking) stay in JSON only."""
    return [c for c in answer.columns if not c.startswith("_")]


def render_table(answer: Answer) -> str:
    """Return one block per row: the first column as a headline, the others, then each quote."""
    if not answer.rows:
        return "(no results)"
    cols = [c for c in public_columns(answer) if c not in QUOTE_COLUMNS]
    lines: list[str] = []
    for n, row in enumerate(answer.rows, start=1):
        head, rest = (cols[0], cols[1:]) if cols else ("", [])
        lines.append(f"{n}. {head}: {format_value(row.get(head))}" if head else f"{n}.")
        details = [f"{c}: {format_value(row.get(c))}" for c in rest if format_value(row.get(c))]
        if details:
            lines.append("   " + " | ".join(details))
        for q in _quotes(row):
            lines.append("   " + format_quote(q))
        lines.append("")
    lines.append(f"({len(answer.rows)} row{'s' if len(answer.rows) != 1 else ''})")
    return "\n".join(lines)


def render_json(answer: Answer) -> str:
    """Return the rows as a JSON array (Arabic kept as is)."""
    return json.dumps(answer.rows, ensure_ascii=False, indent=2, default=str)


def render_csv(answer: Answer) -> str:
    """Return one CSV line per row; quotes joined with ' | ', each with its document."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = public_columns(answer)
    w.writerow(cols)
    for row in answer.rows:
        w.writerow([
            " | ".join(format_quote(q) for q in _quotes(row)) if c in QUOTE_COLUMNS else format_value(row.get(c))
            for c in cols
        ])
    return buf.getvalue().rstrip("\n")


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(answer: Answer) -> str:
    """Return a Markdown table; quotes stacked in their cell."""
    if not answer.rows:
        return "_no results_"
    cols = public_columns(answer)
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in answer.rows:
        cells = [
            "<br>".join(_md_cell(format_quote(q)) for q in _quotes(row)) if c in QUOTE_COLUMNS else _md_cell(format_value(row.get(c)))
            for c in cols
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def render_answer(answer: Answer, fmt: str = "table") -> str:
    """Render an answer in one of FORMATS."""
    renderers = {"table": render_table, "json": render_json, "csv": render_csv, "markdown": render_markdown}
    if fmt not in renderers:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return renderers[fmt](answer)


def render_cypher(cypher: str, params: dict[str, Any]) -> str:
    """Return the statement preceded by Browser-style `:param` lines."""
    lines = [f":param {k} => {cypher_literal(v)};" for k, v in params.items()]
    return "\n".join([*lines, cypher])


def cypher_literal(value: Any) -> str:
    """Return a Cypher literal for a parameter value (for display and Browser `:param` lines only)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def describe_query(q: NamedQuery) -> str:
    """Return the header of a query as text: description, parameters, columns, examples."""
    lines = [f"{q.name} ({q.path.name})", f"  {q.description}"]
    for p in q.params:
        fill = f", from the question: {p.fill}" if p.fill else ""
        lines.append(f"  param {p.name}: {p.type} = {cypher_literal(p.default)}{fill}{'  ' + p.help if p.help else ''}")
    lines.append(f"  returns: {', '.join(q.returns)}")
    lines += [f"  e.g. {e}" for e in q.examples]
    return "\n".join(lines)


def browser_script(library: Library) -> str:
    """Return every library query as a Browser script: a comment, `:param` lines, the statement."""
    parts = [
        "// irkg question library for Neo4j Browser (generated by `irkg browser --write`; do not edit).",
        "// Drag this file onto Neo4j Browser (Save to favorites or Paste in editor); run one block: its :param lines, then the query.",
    ]
    for q in library:
        parts.append("")
        parts.append(f"// {q.name}: {q.description}")
        for e in q.examples:
            parts.append(f"// e.g. {e}")
        parts.append(render_cypher(q.cypher, q.defaults()) + ";")
    return "\n".join(parts) + "\n"


SHOW_ROWS = 10  # rows of an `irkg ask` table before "--all"


def render_answer_rows(rows: list[Any], show: int | None = SHOW_ROWS, show_quotes: int = 3) -> str:
    """Return the ranked answer: per row its direct answer, its fields, then its quotes trimmed to the clause."""
    if not rows:
        return "(no results)"
    lines: list[str] = []
    shown = rows if show is None else rows[:show]
    for n, row in enumerate(shown, start=1):
        lines.append(f"{n}. {row.headline}")
        fields = [(k, v) for k, v in row.fields.items() if not k.startswith("_") and k not in QUOTE_COLUMNS]
        details = [f"{k}: {format_value(v)}" for k, v in fields if format_value(v)]
        if details:
            lines.append("   " + " | ".join(details))
        for q in row.quotes[:show_quotes]:
            lines.append("   " + format_quote({**q, "quote": q.get("clause") or q.get("quote")}))
        if len(row.quotes) > show_quotes:
            lines.append(f"   (+{len(row.quotes) - show_quotes} more quotes; --format json for all)")
        lines.append("")
    if len(shown) < len(rows):
        lines.append(f"({len(shown)} of {len(rows)} rows; --all shows every row)")
    else:
        lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def render_ask(result: Any, fmt: str = "table", show_cypher: bool = False, explain: bool = False, show_all: bool = False) -> tuple[str, str]:
    """Return (header, body) for `irkg ask`: which queries ran with their parameters (and Cypher), then the answer.

    Table and JSON show the ranked answer of every query that ran; CSV and Markdown the table of the first query.
    """
    q = result.route.query
    filled = ", ".join(f"{k}={format_value(v)}" for k, v in result.params.items() if v is not None) or "defaults"
    head = [f"query: {q.name} — {q.description}", f"params: {filled}  (match score {result.route.score:.0f})"]
    others = [a.query for a in result.parts if a.query and a.query != q.name]
    if others:
        head.append("also: " + ", ".join(dict.fromkeys(others)))
    if explain:
        head += ["understood:"] + ["  " + line for line in result.explain]
    if show_cypher:
        head += ["", render_cypher(q.cypher, result.params)]
    if getattr(result, "note", None):
        head.append(result.note)
    if fmt == "json":
        return "\n".join(head), json.dumps([r.as_json() for r in result.rows], ensure_ascii=False, indent=2, default=str)
    if fmt == "table":
        return "\n".join(head), render_answer_rows(result.rows, None if show_all else SHOW_ROWS)
    return "\n".join(head), render_answer(result.answer, fmt)


def render_no_match(error: Any) -> str:
    """Return the message for a question nothing answers: say so, list the closest questions and what the graph covers."""
    lines = [f"No library query fits: {error.question!r}. Nothing was run. Closest questions:"]
    seen = set()
    for name, example, score in error.closest:
        if example and example not in seen:
            seen.add(example)
            lines.append(f"  - {example}   ({name}, score {score:.0f})")
    coverage = getattr(error, "coverage", None)
    if coverage is not None:
        lines.append("Nothing in the graph matches the names or words of the question either; the graph covers: "
                     + (", ".join(coverage) if coverage else "no facts yet (load documents with `irkg load`)") + ".")
    lines.append("See `irkg query list` for every question, or ask with `irkg cypher`.")
    return "\n".join(lines)


BROWSER_DIR = Path(__file__).resolve().parent / "browser"
GRASS_FILE = BROWSER_DIR / "irkg.grass"
SCRIPT_FILE = BROWSER_DIR / "irkg-library.txt"


def write_browser_files(library: Library | None = None) -> Path:
    """Regenerate the Browser script of the library (`queries/browser/irkg-library.txt`)."""
    from irkg.queries.library import load_library

    SCRIPT_FILE.write_text(browser_script(library or load_library()), encoding="utf-8")
    return SCRIPT_FILE


def browser_urls() -> tuple[str, str, str]:
    """Return (Browser URL, bolt URI, user) for the configured server; never the password."""
    from urllib.parse import urlparse

    from irkg.graph import server
    from irkg.graph.connect import load_settings

    settings = load_settings()
    if settings.local:
        url = server.load_config().browser_url
    else:
        url = f"http://{urlparse(settings.uri).hostname}:7474/browser/"
    return url, settings.uri, settings.username


def browser_instructions() -> str:
    """Return the Browser URL and the steps to connect, apply the style and load the questions."""
    url, bolt, user = browser_urls()
    return "\n".join([
        f"Neo4j Browser: {url}",
        f"1. Open it and connect to {bolt} as {user} (password: NEO4J_PASSWORD, or the file `irkg neo4j status` names).",
        f"2. Style: drag {GRASS_FILE} onto the Browser window; it applies at once (`:style` shows it)",
        "   (a colour and caption per label: Source, Passage, Actor types, Event, Agreement, Friction, Constraint...).",
        f"3. Questions: drag {SCRIPT_FILE} onto the Browser window and pick Save to favorites (star icon) or Paste in editor;",
        "   run one block: its `:param` lines set the parameters, then the query runs with them.",
        "Every result keeps quotes: click a fact node, then follow EVIDENCED_BY to its Passage and Source.",
    ])
