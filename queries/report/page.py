"""Write the brief as one self-contained HTML page: tables in HTML, charts drawn by D3 (inlined) from embedded JSON."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from string import Template
from typing import Any, Iterable

from irkg.queries.report.gather import Scope, Selection
from irkg.queries.report.shape import CERTAINTIES
from irkg.queries.report.words import Words, script_lang

ASSETS = Path(__file__).resolve().parent / "assets"
# Words the page's script needs (legends, tooltips, the quote panel), sent with the data.
SCRIPT_WORDS = ("undated_short", "more_sources", "quotes_of", "passage", "chars", "close", "quotes_hint", "sources_disagree",
                "kind_event", "kind_agreement", "kind_friction", "legend_links", "facts", "value", "date")


def el(tag: str, attrs: dict[str, Any] | None = None, *children: str) -> str:
    """Return an HTML element; attribute values are escaped, children are HTML already."""
    a = "".join(f' {k}="{escape(str(v), quote=True)}"' for k, v in (attrs or {}).items() if v is not None and v is not False)
    return f"<{tag}{a}>{''.join(children)}</{tag}>"


def txt(text: Any, page_lang: str) -> str:
    """Return text escaped; text in the other script is isolated with its language, so it keeps its direction and font."""
    s = "" if text is None else str(text)
    lang = script_lang(s)
    if lang == page_lang or not s.strip():
        return escape(s)
    return el("bdi", {"lang": lang, "dir": "auto"}, escape(s))


def clickable(ids: Iterable[str], title: str, quote: int | None = None) -> dict[str, Any]:
    """Return the attributes that make an element open the quotes of its facts."""
    return {"data-facts": json.dumps(list(ids), ensure_ascii=False), "data-title": title, "data-quote": quote, "tabindex": "0", "role": "button"}


def chip(cert: str, w: Words) -> str:
    return el("span", {"class": f"chip cert-{cert}"}, escape(w.certainty(cert)))


def names(items: list[str], lang: str) -> str:
    sep = "، " if lang == "ar" else ", "
    return sep.join(txt(n, lang) for n in items)


def truncated(shown: int, total: int, w: Words, key: str = "showing") -> str:
    return el("p", {"class": "truncated"}, escape(w(key, n=f"{shown:,}", total=f"{total:,}"))) if total > shown else ""


def section(sid: str, title: str, note: str, *body: str) -> str:
    return el("section", {"id": sid}, el("h2", None, escape(title)), el("p", {"class": "note"}, escape(note)), *body)


def render_head(model: dict[str, Any], sel: Selection, scope: Scope, w: Words, generated: str) -> str:
    lang = w.lang
    rows = [(w("topic"), names([w.label(t) for t in scope.topics], lang) if scope.topics else None),
            (w("actor"), txt(w.label(scope.actor), lang) if scope.actor else None)]
    if sel.year_from is not None or sel.year_to is not None:
        rows.append((w("period"), " ".join(x for x in (
            f"{w('from')} {sel.year_from}" if sel.year_from is not None else "",
            f"{w('to')} {sel.year_to}" if sel.year_to is not None else "") if x)))
    given = [(k, v) for k, v in rows if v]
    sel_html = "".join(el("div", None, el("dt", None, escape(k)), el("dd", None, v)) for k, v in given) or \
        el("div", None, el("dt", None, escape(w("selection"))), el("dd", None, escape(w("whole_graph"))))
    t = model["timeline"]
    counts = [
        (len(t["events"]) + len(t["undated"]), w("events")), (len(model["network"]["nodes"]), w("actors")),
        (len(model["network"]["links"]), w("links")), (len(model["agreements"]["items"]), w("agreements")),
        (len(model["indicators"]["charts"]) + len(model["indicators"]["table"]), w("measures")),
        (model["topics"]["constraints_shown"], w("constraints")), (model["topics"]["frictions_shown"], w("frictions")),
        (model["stances"]["shown"], w("stances")), (len(model["sources"]), w("sources")),
    ]
    legend = el("div", {"class": "legend"}, el("span", {"class": "legend-title"}, escape(w("legend_certainty"))),
                *[el("span", {"class": "legend-item"}, el("svg", {"width": 16, "height": 16, "aria-hidden": "true"},
                                                           el("circle", {"class": f"mark cert-{c}", "cx": 8, "cy": 8, "r": 6})),
                     chip(c, w)) for c in CERTAINTIES])
    period_note = el("p", {"class": "note"}, escape(w("period_note"))) if sel.year_from is not None or sel.year_to is not None else ""
    return el("header", {"class": "brief-head"},
              el("h1", None, escape(w("title")), el("span", {"class": "sub"}, " — " + escape(w("brief")))),
              el("dl", {"class": "selection"}, sel_html),
              el("p", {"class": "counts"}, " · ".join(f"{n:,} {escape(label)}" for n, label in counts)),
              period_note, legend,
              el("p", {"class": "generated"}, escape(f"{w('generated')} {generated}")))


def render_timeline(t: dict[str, Any], w: Words) -> str:
    lang = w.lang
    undated = "".join(
        el("li", {"class": f"fact undated-event cert-{e['certainty']}", **clickable(e["facts"], e["label"])},
           el("span", {"class": "type"}, escape(e["type_label"])), " ", txt(e["label"], lang), " ", chip(e["certainty"], w))
        for e in t["undated"])
    return section("timeline", w("timeline"), w("timeline_note"), truncated(t["shown"], t["total"], w, "showing_events"),
                   el("div", {"id": "timeline-chart", "class": "chart"}),
                   el("h3", None, escape(w("undated")), f" ({len(t['undated'])})") if t["undated"] else "",
                   el("ul", {"class": "undated"}, undated) if undated else "")


def render_network(n: dict[str, Any], w: Words) -> str:
    return section("network", w("network"), w("network_note"), truncated(len(n["nodes"]), n["total_nodes"], w),
                   truncated(len(n["links"]), n["total_links"], w), el("div", {"id": "network-chart", "class": "chart"}))


def render_indicators(ind: dict[str, Any], w: Words) -> str:
    lang = w.lang
    rows = []
    for m in ind["table"]:
        dis = bool(m["disagreements"])
        for i, c in enumerate(m["claims"]):
            rows.append(el("tr", {"class": "fact claim" + (" disagree" if dis else ""), **clickable([c["fact"]], m["label"], c["q"])},
                           el("th", None, txt(m["label"], lang), el("span", {"class": "flag"}, " ≠ " + escape(w("sources_disagree"))) if dis and i == 0 else ""),
                           el("td", {"class": "num"}, txt(c["value_label"], lang)),
                           el("td", None, txt(c["doc"], lang)), el("td", None, chip(c["certainty"], w))))
    table = el("table", {"class": "figures"}, el("thead", None, el("tr", None, *[el("th", None, escape(h)) for h in (
        w("indicators"), w("value"), w("source"), w("legend_certainty"))])), el("tbody", None, *rows)) if rows else ""
    return section("indicators", w("indicators"), w("indicators_note"), truncated(ind["shown"], ind["total"], w),
                   el("div", {"id": "source-legend", "class": "legend"}), el("div", {"id": "indicator-charts", "class": "charts"}),
                   el("h3", None, escape(w("undated_figures")), f" ({len(ind['table'])})") if rows else "", table)


def render_agreements(ag: dict[str, Any], w: Words) -> str:
    lang = w.lang
    rows = []
    for a in ag["items"]:
        stages = "".join(
            el("li", {"class": f"stage {s['state']}" + (" disagree" if s["disagree"] else "")},
               el("span", {"class": "stage-name"}, escape(s["label"])), " ",
               el("span", {"class": "stage-date", "dir": "ltr"}, " / ".join(
                   escape(d["date"]) + (" " + chip(d["certainty"], w) if d["certainty"] not in ("asserted", None) else "") for d in s["dates"])
                  if s["dates"] else escape(w("not_reported") if s["state"] == "unknown" else "")),
               el("span", {"class": "flag"}, " ≠") if s["disagree"] else "")
            for s in a["stages"])
        meta = " · ".join(x for x in (escape(a["kind_label"]), escape(a["status_label"]), escape(a["duration"]), escape(a["articles"])) if x)
        lacks = names(a["lacks"], lang)
        rows.append(el("tr", {"class": "fact agreement", **clickable(a["facts"], a["label"])},
                       el("th", None, txt(a["label"], lang), el("div", {"class": "meta"}, meta)),
                       el("td", None, names(a["parties"], lang)),
                       el("td", None, el("ol", {"class": "lifecycle"}, stages)),
                       el("td", None, names(a["covers"], lang), el("div", {"class": "meta"}, names(a["provisions"], lang)) if a["provisions"] else ""),
                       el("td", {"class": "lacks"}, lacks)))
    table = el("table", {"class": "agreements"}, el("thead", None, el("tr", None, *[el("th", None, escape(w(h))) for h in (
        "agreement", "parties", "lifecycle", "covers", "lacks")])), el("tbody", None, *rows)) if rows else el("p", {"class": "empty"}, escape(w("empty")))
    return section("agreements", w("agreements"), w("agreements_note"), truncated(ag["shown"], ag["total"], w), table)


def render_topics(tp: dict[str, Any], w: Words) -> str:
    lang = w.lang
    groups = []
    for g in tp["groups"]:
        cons = "".join(el("li", {"class": f"fact constraint cert-{c['certainty']}", **clickable(c["facts"], c["label"])},
                          txt(c["label"], lang), " ", chip(c["certainty"], w),
                          el("div", {"class": "meta"}, escape(w("imposed_by")) + ": " + names(c["actors"], lang)) if c["actors"] else "")
                       for c in g["constraints"])
        fris = "".join(el("li", {"class": f"fact friction cert-{f['certainty']}" + (" historical" if f["historical"] else ""), **clickable(f["facts"], f["label"])},
                          el("span", {"class": "period"}, escape(f["period"])), " ", txt(f["label"], lang), " ", chip(f["certainty"], w),
                          el("div", {"class": "meta"}, names(f["parties"], lang) + (
                              f" · {escape(w('third_parties'))} " + names(f["third_parties"], lang) if f["third_parties"] else "")))
                       for f in g["frictions"])
        groups.append(el("div", {"class": "topic-group", "data-topic": g["id"] or ""}, el("h3", None, txt(g["label"], lang)),
                         el("div", {"class": "cols"},
                            el("div", None, el("h4", None, escape(w("constraints")), f" ({len(g['constraints'])})"), el("ul", None, cons)) if cons else "",
                            el("div", None, el("h4", None, escape(w("frictions")), f" ({len(g['frictions'])})"), el("ul", None, fris)) if fris else "")))
    return section("constraints-frictions", w("frictions_constraints"), w("frictions_constraints_note"),
                   truncated(tp["constraints_shown"], tp["constraints_total"], w), truncated(tp["frictions_shown"], tp["frictions_total"], w),
                   *groups or [el("p", {"class": "empty"}, escape(w("empty")))])


def render_stances(st: dict[str, Any], w: Words) -> str:
    lang = w.lang
    cells = {(c["source"], c["column"]): c for c in st["cells"]}
    head = el("tr", None, el("th", None, escape(w("source"))), *[el("th", {"scope": "col"}, txt(c["label"], lang)) for c in st["columns"]])
    body = []
    for s in st["sources"]:
        tds = []
        for col in st["columns"]:
            c = cells.get((s["doc"], col["id"]))
            tds.append(el("td", None, el("span", {"class": f"fact stance pol-{c['polarity']} cert-{c['certainty']}",
                                                  **clickable(c["facts"], f"{s['title']}: {col['label']}")},
                                         escape(c["polarity_label"]) + (" · " + escape(c["certainty_label"]) if c["certainty"] != "asserted" else ""))
                          if c else ""))
        body.append(el("tr", None, el("th", {"scope": "row"}, txt(s["title"], lang), el("div", {"class": "meta"}, txt(s["doc"], lang))), *tds))
    table = el("div", {"class": "scroll"}, el("table", {"class": "stances"}, el("thead", None, head), el("tbody", None, *body))) if body else \
        el("p", {"class": "empty"}, escape(w("empty")))
    return section("stances", w("stances"), w("stances_note"), truncated(st["shown"], st["total"], w), table)


def render_sources(sources: list[dict[str, Any]], w: Words) -> str:
    lang = w.lang
    items = "".join(el("li", None, txt(s["title"], lang), el("div", {"class": "meta"}, " · ".join(
        txt(x, lang) for x in (s["publisher"], s["author"], s["published"], s["doc"]) if x))) for s in sources)
    # A long list stays folded: the quote panel names each quote's document anyway.
    return el("section", {"id": "sources"}, el("h2", None, escape(w("sources")), f" ({len(sources):,})"),
              el("details", {"open": len(sources) <= 40}, el("summary", None, escape(w("sources")), f" ({len(sources):,})"),
                 el("ol", {"class": "sources"}, items)))


def script_data(model: dict[str, Any], w: Words) -> str:
    """Return the JSON the page's script draws from, safe inside a <script> element."""
    data = {
        "lang": w.lang, "dir": "rtl" if w.lang == "ar" else "ltr",
        "words": {k: w(k) for k in SCRIPT_WORDS} | {"scale": w.scale(), "actor_types": {k: v[w.i] for k, v in w.own["actor_types"].items()}},
        "timeline": model["timeline"], "network": model["network"], "indicators": model["indicators"], "facts": model["facts"],
        "sources": {s["doc"]: s["title"] for s in model["sources"]},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def render_page(model: dict[str, Any], sel: Selection, scope: Scope, generated: str) -> str:
    """Return the whole brief as one HTML document with its CSS, D3, script and data inlined."""
    w = Words(sel.lang)
    body = "".join((
        render_head(model, sel, scope, w, generated),
        el("main", None, render_timeline(model["timeline"], w), render_network(model["network"], w),
           render_indicators(model["indicators"], w), render_agreements(model["agreements"], w),
           render_topics(model["topics"], w), render_stances(model["stances"], w), render_sources(model["sources"], w)),
        el("aside", {"id": "quote-panel", "aria-live": "polite"},
           el("header", None, el("h2", {"id": "quote-title"}, escape(w("quotes"))),
              el("button", {"id": "quote-close", "type": "button", "aria-label": w("close")}, "×")),
           el("div", {"id": "quote-body"}, el("p", {"class": "note"}, escape(w("quotes_hint"))))),
    ))
    title = " — ".join(x for x in (w("title"), w("brief"), ", ".join(w.label(t) for t in scope.topics),
                                   w.label(scope.actor) if scope.actor else "") if x)
    template = Template((ASSETS / "brief.html").read_text(encoding="utf-8"))
    return template.substitute(
        lang=w.lang, dir="rtl" if w.lang == "ar" else "ltr", title=escape(title),
        css=(ASSETS / "brief.css").read_text(encoding="utf-8"), body=body, data=script_data(model, w),
        d3=(ASSETS / "d3.min.js").read_text(encoding="utf-8"), d3_license=(ASSETS / "d3-LICENSE.txt").read_text(encoding="utf-8"),
        script=(ASSETS / "brief.js").read_text(encoding="utf-8"),
    )
