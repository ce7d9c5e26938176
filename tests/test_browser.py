"""Neo4j Browser in real headless Chromium: log in, apply the irkg style, run a library query, see the result.

Needs Debian's `chromium` (apt-get install -y chromium) and the `playwright` Python package
(dev dependency); Playwright drives the system browser, its own browser download is never used.
The screenshot is kept in tests/artifacts/ (not committed).
"""

from __future__ import annotations


import pytest
from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from chromium import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, FIXTURE
from irkg.cli import app
from irkg.queries.library import bind_params, load_library
from irkg.queries.render import GRASS_FILE, SCRIPT_FILE, cypher_literal

TIMEOUT_MS = 60_000


@pytest.fixture
def graph(db, neo4j_settings):
    with db.session(database=neo4j_settings.database) as s:
        s.run(FIXTURE.read_text(encoding="utf-8")).consume()
    return db


def paste_and_run(page, text: str) -> None:
    """Put text in Browser's editor through the clipboard (typing would auto-close brackets) and run it."""
    page.evaluate("t => navigator.clipboard.writeText(t)", text)
    page.locator('[data-testid="activeEditor"]').click()
    page.keyboard.press("Control+V")
    page.click('[data-testid="editor-Run"]')


def drop_file(page, name: str, content: str) -> None:
    """Drop a file on Browser's main area, as a user dragging it from the desktop would."""
    transfer = page.evaluate_handle(
        "([n, c]) => { const dt = new DataTransfer(); dt.items.add(new File([c], n)); return dt; }", [name, content]
    )
    for event in ("dragenter", "dragover", "drop"):
        page.dispatch_event('[data-testid="main"]', event, {"dataTransfer": transfer})


def test_browser_runs_library_query_with_irkg_style(graph, neo4j_settings, neo4j_http_url):
    ARTIFACTS.mkdir(exist_ok=True)
    query = load_library().get("constraints_on")
    bolt = neo4j_settings.uri.split("://", 1)[1]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=neo4j_http_url)
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(f"{neo4j_http_url}/browser/", wait_until="domcontentloaded")
            page.wait_for_selector('[data-testid="password"]')
            page.fill('[data-testid="boltaddress"]', bolt)
            page.fill('[data-testid="username"]', neo4j_settings.username)
            page.fill('[data-testid="password"]', neo4j_settings.password or "")
            page.click('[data-testid="connect"]')
            page.wait_for_selector("text=/You are connected as user/")

            params = bind_params(query, {"topic": "arms_deliveries"})
            paste_and_run(page, ":params {" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in params.items()) + "}")
            page.get_by_text('"topic": "arms_deliveries"').first.wait_for()
            paste_and_run(page, query.cypher)
            page.get_by_text('"Russia\'s ties with Israel"').first.wait_for()
            page.get_by_text('"Relations with the Gulf states"').first.wait_for()
            headers = page.locator("th").all_inner_texts()
            assert [h.strip() for h in headers if h.strip()] == list(query.returns)
            assert page.get_by_text("إغضاب دول الخليج").count() >= 1, "the Arabic quote renders in the table"
            page.screenshot(path=str(ARTIFACTS / "browser_constraints_on.png"), full_page=True)

            drop_file(page, GRASS_FILE.name, GRASS_FILE.read_text(encoding="utf-8"))
            paste_and_run(page, "MATCH (s:Source {id: 'doc_a'})-[r:HAS_PASSAGE]->(p:Passage {idx: 3}) RETURN s, r, p")
            page.wait_for_selector("svg g.node circle.b-outline")
            fills = page.evaluate(
                "() => Array.from(document.querySelectorAll('svg g.node circle.b-outline')).map(c => c.getAttribute('fill'))"
            )
            assert sorted(fills) == ["#4C566A", "#D8DEE9"], "Source and Passage drawn in the irkg.grass colours"
            page.screenshot(path=str(ARTIFACTS / "browser_style.png"), full_page=True)

            drop_file(page, SCRIPT_FILE.name, SCRIPT_FILE.read_text(encoding="utf-8"))
            page.get_by_text("Save to favorites").click()
            page.wait_for_function(
                "() => (localStorage.getItem('neo4j.documents') || '').includes('irkg question library for Neo4j Browser')"
            )
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "browser_failure.png"), full_page=True)
            raise
        finally:
            browser.close()


def test_cli_browser_prints_url_and_steps(neo4j_settings):
    result = CliRunner().invoke(app, ["browser"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    host = neo4j_settings.uri.split("://", 1)[1].split(":")[0]
    assert lines[0] == f"Neo4j Browser: http://{host}:7474/browser/"
    assert f"connect to {neo4j_settings.uri} as {neo4j_settings.username}" in lines[1]
    assert str(GRASS_FILE) in result.output and str(SCRIPT_FILE) in result.output
    assert neo4j_settings.password not in result.output
