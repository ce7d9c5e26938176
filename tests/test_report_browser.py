"""The brief in real headless Chromium: its charts render as many marks as the graph has facts, a click shows the
quote, hedged facts look different, and Arabic is laid out right-to-left and joined.

Drives Debian's /usr/bin/chromium with Playwright, as tests/test_browser.py does (it never downloads a browser).
The page is opened from a file:// URL with the network cut off, so it must carry everything it needs.
Screenshots are kept in tests/artifacts/ (not committed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from chromium import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, FIXTURE
from irkg.cli import app

TIMEOUT_MS = 30_000
ARABIC_LABEL = "زيارة مسعود بزشكيان إلى موسكو"


@pytest.fixture
def graph(db, neo4j_settings):
    with db.session(database=neo4j_settings.database) as s:
        s.run(FIXTURE.read_text(encoding="utf-8")).consume()
        s.run("MATCH (e:Event {id: 'ev_visit_2025'}) SET e.label_ar = $label", label=ARABIC_LABEL).consume()
    return db


def only_fact(fid: str) -> str:
    """Return a selector for the marks that stand for this one fact (data-facts is a JSON list of ids)."""
    return f"[data-facts='{json.dumps([fid])}']"


def has_fact(fid: str) -> str:
    """Return a selector for the marks among whose facts this one is."""
    return f"[data-facts*='{json.dumps(fid)}']"


def scalar(driver, settings, cypher: str, **params):
    records, _, _ = driver.execute_query(cypher, params, database_=settings.database)
    return records[0][0]


def write(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["report", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def open_brief(browser, path: Path):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, offline=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file://") else None)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    return page, errors, requests


def test_brief_renders_counts_and_opens_quotes(graph, neo4j_settings, browser, tmp_path):
    path = write(tmp_path, "brief.html")
    page, errors, requests = open_brief(browser, path)
    try:
        n = lambda q, **p: scalar(graph, neo4j_settings, q, **p)  # noqa: E731
        # timeline: one mark per dated event, one list item per undated one
        assert page.locator("#timeline-chart circle.mark").count() == n("MATCH (e:Event) WHERE e.date IS NOT NULL RETURN count(e)") == 4
        assert page.locator("ul.undated li").count() == n("MATCH (e:Event) WHERE e.date IS NULL RETURN count(e)") == 1
        assert page.locator("#timeline-chart g.lane").count() == n("MATCH (e:Event) WHERE e.date IS NOT NULL RETURN count(DISTINCT e.type)")
        # network: one node per actor named by an event, agreement or friction; one line per pair and kind of fact
        actors = n("""MATCH (a:Actor)-[r]-(f) WHERE (type(r) = 'PARTICIPATED_IN' AND f:Event) OR (type(r) = 'PARTY_TO' AND f:Agreement)
                      OR (type(r) IN ['BETWEEN', 'INVOLVES_THIRD_PARTY'] AND f:Friction) RETURN count(DISTINCT a)""")
        links = n("""MATCH (a:Actor)-[r]-(f) WHERE (type(r) = 'PARTICIPATED_IN' AND f:Event) OR (type(r) = 'PARTY_TO' AND f:Agreement)
                     OR (type(r) IN ['BETWEEN', 'INVOLVES_THIRD_PARTY'] AND f:Friction)
                     WITH f, head(labels(f)) AS kind, collect(DISTINCT a.id) AS ids UNWIND ids AS x UNWIND ids AS y
                     WITH kind, x, y WHERE x < y RETURN count(DISTINCT [x, y, kind])""")
        assert page.locator("#network-svg g.node").count() == actors
        assert page.locator("#network-svg path.link").count() == links
        iran_russia = n("""MATCH (:Actor {id: 'iran'})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Actor {id: 'russia'})
                           RETURN count(DISTINCT e)""")
        weight = page.locator("#network-svg path.link.kind-event" + has_fact("ev_drones")).get_attribute("data-weight")
        assert int(weight) == iran_russia == 4
        # indicators: one chart per measure, one point per source's claim, the disagreement drawn
        assert page.locator(".ind-chart").count() == n("MATCH (i:Indicator) RETURN count(DISTINCT [i.what, i.unit])") == 1
        assert page.locator(".ind-chart circle.mark").count() == n("MATCH (:Indicator)-[e:EVIDENCED_BY]->() RETURN count(e)") == 2
        assert page.locator(".ind-chart.disagree line.range").count() == 1
        # hedged marks are drawn apart: hollow and dashed or dotted
        style = "el => { const s = getComputedStyle(el); return [s.fill, s.strokeDasharray]; }"
        asserted = page.locator("#timeline-chart circle.mark.cert-asserted").first.evaluate(style)
        alleged = page.locator("#timeline-chart circle.mark" + only_fact("ev_drones")).evaluate(style)
        assert alleged[0] == "rgb(255, 255, 255)" and alleged[0] != asserted[0]
        assert asserted[1] == "none" and alleged[1] != "none"
        page.screenshot(path=str(ARTIFACTS / "report_brief.png"), full_page=True)

        # clicking a mark shows its quote, document, passage and certainty
        quote = n("MATCH (:Event {id: 'ev_drones'})-[e:EVIDENCED_BY]->() RETURN e.quote")
        page.locator("#timeline-chart circle.mark" + only_fact("ev_drones")).click()
        panel = page.locator("#quote-panel")
        assert panel.locator("blockquote.quote").count() == 1
        assert panel.locator("blockquote.quote").inner_text().strip() == quote
        meta = panel.locator(".qmeta").last.inner_text()
        assert "doc_a.txt" in meta and "passage 6" in meta and "alleged" in meta
        # a network line opens the quotes of every fact it stands for
        page.locator("#network-svg g.node[data-actor='oman'] circle").click()
        assert "توسطت سلطنة عمان" in panel.inner_text()
        # an indicator point opens the quote of that source's claim only
        page.locator(".ind-chart circle.mark[data-doc='doc_b.txt']").click()
        assert panel.locator("blockquote.quote").count() == 1
        assert "4 مليارات دولار" in panel.locator("blockquote.quote").inner_text()
        # the disagreement's caption opens every source's claim
        page.locator(".ind-chart p.flag").click()
        assert panel.locator("blockquote.quote").count() == 2
        # a table row opens its quotes too
        page.locator("tr.agreement").first.click()
        assert panel.locator("blockquote.quote").count() >= 2
        # and so do a stance cell, a friction, a constraint and an undated event
        for selector, text in ((".stance" + only_fact("st_b"), "زواج مصلحة"), ("li.friction" + only_fact("fr_energy"), "أسواق الطاقة"),
                               ("li.constraint" + only_fact("co_gulf"), "دول الخليج"), ("li.undated-event", "سوخوي 35")):
            page.locator(selector).click()
            assert text in panel.locator("blockquote.quote").first.inner_text(), selector
        page.locator("#timeline-chart circle.mark" + only_fact("ev_drones")).click()
        page.screenshot(path=str(ARTIFACTS / "report_quote.png"))

        # the Arabic quote is laid out right-to-left: its first letter is right of its last
        bq = panel.locator("blockquote.quote").first
        assert bq.evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert bq.evaluate(FIRST_RIGHT_OF_LAST)
        assert errors == [] and requests == []
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "report_failure.png"), full_page=True)
        raise


# Is the first character of the element's first text node drawn to the right of the fifth, on the same line?
FIRST_RIGHT_OF_LAST = """el => {
  const node = el.firstChild, r = document.createRange();
  const box = (i) => { r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
  const first = box(0), fifth = box(4);
  return Math.abs(first.top - fifth.top) < 2 && first.left > fifth.right;
}"""
# Letters drawn joined take another width than the same letters kept apart by zero-width non-joiners.
JOINED = """el => {
  const probe = (text) => { const s = document.createElement('span'); s.textContent = text; s.lang = 'ar';
    el.appendChild(s); const w = s.getBoundingClientRect().width; s.remove(); return w; };
  const word = 'بزشكيان';
  return Math.abs(probe(word) - probe(Array.from(word).join('\\u200c'))) > 2;
}"""


def test_arabic_brief_is_right_to_left_and_shaped(graph, neo4j_settings, browser, tmp_path):
    path = write(tmp_path, "brief-ar.html", "--lang", "ar")
    page, errors, requests = open_brief(browser, path)
    try:
        assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
        assert page.locator("html").get_attribute("lang") == "ar"
        # the headings sit at the right edge of the main column
        h2 = page.locator("#timeline h2").bounding_box()
        main = page.locator("main").bounding_box()
        assert abs((h2["x"] + h2["width"]) - (main["x"] + main["width"])) < 40
        # the undated list and the panel are mirrored: the panel is on the left
        assert page.locator("#quote-panel").bounding_box()["x"] < 10
        # Arabic labels in the chart: the lane labels read right-to-left and the event's Arabic label is used
        assert page.locator("#timeline-chart text.lane-label").first.get_attribute("direction") == "rtl"
        mark = page.locator("#timeline-chart circle.mark" + only_fact("ev_visit_2025"))
        assert mark.get_attribute("data-title") == ARABIC_LABEL
        mark.click()
        title = page.locator("#quote-title")
        assert title.inner_text() == ARABIC_LABEL
        assert title.evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert title.evaluate(FIRST_RIGHT_OF_LAST)
        assert title.evaluate(JOINED), "Arabic letters are drawn joined (shaped), not as isolated forms"
        bq = page.locator("#quote-panel blockquote.quote").first
        assert bq.evaluate("el => getComputedStyle(el).direction") == "rtl" and bq.evaluate(FIRST_RIGHT_OF_LAST)
        assert page.locator("#quote-panel .chip").first.inner_text() == "مؤكد"
        assert errors == [] and requests == []
        page.screenshot(path=str(ARTIFACTS / "report_brief_ar.png"), full_page=True)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "report_failure_ar.png"), full_page=True)
        raise
