"""Turn the brief's query rows into what it draws: timeline, network, indicator series, lifecycles, tables.

Pure: no database. Every mark and row names the facts it stands for (`facts`: ids), and
`Facts` keeps each fact's label, certainty and quotes once, for the quote panel.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from typing import Any

from irkg.queries.report.gather import BriefRows
from irkg.queries.report.words import Words, script_lang
from irkg.schema.graph import EventType

CERTAINTIES = ("asserted", "reported", "alleged", "expected", "denied")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# Lifecycle stages: (key, the agreement's own date column, the event type that reaches it, statuses that imply it)
STAGES = (
    ("signed", "signed", "signing", {"signed", "ratified", "in_force"}),
    ("ratified", "ratified", "ratification", {"ratified", "in_force"}),
    ("in_force", "in_force", "entry_into_force", {"in_force"}),
)


def date_span(date: str | None) -> dict[str, str] | None:
    """Return the first and last day an ISO partial date covers, and its precision; None when undated or unreadable."""
    m = _DATE_RE.match((date or "").strip())
    if not m:
        return None
    y = int(m.group(1))
    if not m.group(2):
        return {"start": f"{y:04d}-01-01", "end": f"{y:04d}-12-31", "precision": "year"}
    mo = int(m.group(2))
    if not 1 <= mo <= 12:
        return None
    if not m.group(3):
        last = calendar.monthrange(y, mo)[1]
        return {"start": f"{y:04d}-{mo:02d}-01", "end": f"{y:04d}-{mo:02d}-{last:02d}", "precision": "month"}
    d = min(int(m.group(3)), calendar.monthrange(y, mo)[1])
    return {"start": f"{y:04d}-{mo:02d}-{d:02d}", "end": f"{y:04d}-{mo:02d}-{d:02d}", "precision": "day"}


def to_float(value: Any) -> float | None:
    """Return a claimed value as a number, or None when it is not one."""
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


class Facts:
    """Each fact a mark or row stands for: kind, label, certainty and quotes, kept once by id."""

    def __init__(self, words: Words, titles: dict[str, str]):
        self.words = words
        self.titles = titles
        self.items: dict[str, dict[str, Any]] = {}

    def quote(self, q: dict[str, Any]) -> dict[str, Any]:
        """Return a quote as the panel shows it: text, its script, document title, passage, offsets, certainty."""
        text = q.get("quote") or ""
        cert = q.get("certainty") or "asserted"
        return {
            "text": text, "lang": script_lang(text), "doc": q.get("doc"), "title": self.titles.get(q.get("doc") or "", q.get("doc")),
            "passage": q.get("passage"), "start": q.get("start"), "end": q.get("end"),
            "certainty": cert, "certainty_label": self.words.certainty(cert),
        }

    def add(self, fid: str, kind: str, label: str, certainty: str, quotes: list[dict], n_quotes: int | None = None) -> None:
        """Record a fact with its quotes, as a section query returned it."""
        if fid in self.items and self.items[fid]["complete"]:
            return
        self.items[fid] = {
            "kind": kind, "label": label, "certainty": certainty or "asserted",
            "certainty_label": self.words.certainty(certainty), "quotes": [self.quote(q) for q in quotes],
            "n_quotes": n_quotes if n_quotes is not None else len(quotes), "complete": True,
        }

    def add_quote(self, q: dict[str, Any]) -> None:
        """Record a quote the network queries return with its fact, unless a section already gave that fact whole."""
        fid = q["fact"]
        item = self.items.get(fid)
        if item is None:
            label = self.words.label({"label": q.get("fact_label"), "label_ar": q.get("fact_label_ar")})
            cert = q.get("fact_certainty") or "asserted"
            item = self.items[fid] = {"kind": q.get("fact_kind"), "label": label, "certainty": cert,
                                      "certainty_label": self.words.certainty(cert), "quotes": [], "n_quotes": 0, "complete": False}
        if item["complete"]:
            return
        item["quotes"].append(self.quote(q))
        item["n_quotes"] = len(item["quotes"])

    def export(self) -> dict[str, dict[str, Any]]:
        return {fid: {k: v for k, v in item.items() if k != "complete"} for fid, item in self.items.items()}


def _total(rows: list[dict[str, Any]]) -> int:
    return rows[0]["total"] if rows else 0


def shape_timeline(rows: list[dict[str, Any]], w: Words, facts: Facts) -> dict[str, Any]:
    """Return the dated events (with the span their precision covers), the undated ones, and the lanes by type."""
    dated, undated = [], []
    for r in rows:
        label = w.label(r)
        facts.add(r["id"], "event", label, r["certainty"], r["quotes"], r["n_quotes"])
        item = {"id": r["id"], "type": r["type"], "type_label": w.event_type(r["type"]), "date": r["date"],
                "certainty": r["certainty"], "label": label, "facts": [r["id"]],
                "participants": [w.name(p) for p in r["participants"]]}
        span = date_span(r["date"])
        if span:
            dated.append({**item, **span})
        else:
            undated.append(item)
    order = {t.value: i for i, t in enumerate(EventType)}
    counts: dict[str, int] = defaultdict(int)
    for e in dated:
        counts[e["type"]] += 1
    types = [{"id": t, "label": w.event_type(t), "count": n} for t, n in sorted(counts.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))]
    undated.sort(key=lambda e: (order.get(e["type"], 99), e["label"]))
    return {"types": types, "events": dated, "undated": undated, "shown": len(rows), "total": _total(rows)}


def shape_network(actor_rows: list[dict[str, Any]], link_rows: list[dict[str, Any]], w: Words, facts: Facts) -> dict[str, Any]:
    """Return the actors (sized by facts) and the links between them by kind of fact (weighted by facts)."""
    nodes = []
    for r in actor_rows:
        for q in r["quotes"]:
            facts.add_quote(q)
        nodes.append({"id": r["id"], "name": w.name(r), "type": r["type"] or "actor", "facts": r["facts"],
                      "events": r["events"], "agreements": r["agreements"], "frictions": r["frictions"],
                      "fact_ids": r["fact_ids"]})
    shown = {n["id"] for n in nodes}
    links = []
    for r in link_rows:
        for q in r["quotes"]:
            facts.add_quote(q)
        if r["source"] in shown and r["target"] in shown:
            links.append({"source": r["source"], "target": r["target"], "kind": r["kind"], "kind_label": w(f"kind_{r['kind']}"),
                          "weight": r["weight"], "fact_ids": r["facts"],
                          "label": f"{w.name({'name_en': r['source_name_en'], 'name_ar': r['source_name_ar']})} – "
                                   f"{w.name({'name_en': r['target_name_en'], 'name_ar': r['target_name_ar']})}"})
    return {"nodes": nodes, "links": links, "total_nodes": _total(actor_rows), "total_links": _total(link_rows)}


def _value_key(v: float) -> float:
    return float(f"{v:.6g}")


def shape_indicators(rows: list[dict[str, Any]], w: Words, facts: Facts) -> dict[str, Any]:
    """Return one chart per measure with a dated claim (every source's claims, disagreements marked) and a table of the rest."""
    measures: dict[tuple[str, str], dict[str, Any]] = {}
    docs: list[str] = []
    for r in rows:
        facts.add(r["id"], "indicator", w.label(r), r["certainty"], r["quotes"], r["n_quotes"])
        m = measures.setdefault((r["what"], r["unit"] or ""), {
            "what": r["what"], "unit": r["unit"], "label": w.measure(r["what"]), "unit_label": w.unit(r["unit"]),
            "claims": [], "conflicts": False})
        m["conflicts"] = m["conflicts"] or bool(r["conflicts"])
        for qi, q in enumerate(r["quotes"]):
            value = to_float(q.get("value"))
            value = value if value is not None else to_float(r["value"])
            if value is None:
                continue
            date = q.get("date") or r["date"]
            if q.get("doc") not in docs:
                docs.append(q.get("doc"))
            claim = {"fact": r["id"], "q": qi, "doc": q.get("doc"), "value": value, "value_label": w.number(value, r["unit"]),
                     "date": date, "certainty": q.get("certainty") or r["certainty"]}
            span = date_span(date)
            if span:
                claim.update(span)
            m["claims"].append(claim)
    charts, table = [], []
    for i, m in enumerate(sorted(measures.values(), key=lambda m: (m["label"], m["unit"] or ""))):
        m["id"] = f"m{i}"
        m["disagreements"] = disagreements(m["claims"], w)
        if not m["claims"]:
            continue
        (charts if any("start" in c for c in m["claims"]) else table).append(m)
    return {"charts": charts, "table": table, "sources": docs, "shown": len(rows), "total": _total(rows)}


def disagreements(claims: list[dict[str, Any]], w: Words) -> list[dict[str, Any]]:
    """Return, per date (or undated), the claims whose values differ: the lowest, the highest, who says what."""
    by_date: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        by_date[c["date"] if "start" in c else None].append(c)
    out = []
    for date, cs in by_date.items():
        values = sorted({_value_key(c["value"]) for c in cs})
        if len(values) < 2:
            continue
        says = defaultdict(list)
        for c in cs:
            says[c["value_label"]].append(c["doc"])
        if len(says) <= 4:
            text = "; ".join(f"{v} ({', '.join(sorted(set(d)))})" for v, d in says.items())
        else:  # many sources: the range and how many say what, the quotes tell the rest
            lo = min(cs, key=lambda c: c["value"])["value_label"]
            hi = max(cs, key=lambda c: c["value"])["value_label"]
            text = f"{lo} – {hi}: " + w("values_from", k=len(says), m=len({c['doc'] for c in cs}))
        out.append({"date": date, "lo": values[0], "hi": values[-1], "text": text,
                    "facts": sorted({c["fact"] for c in cs})})
    return sorted(out, key=lambda d: (d["date"] is None, d["date"] or ""))


def lifecycle(row: dict[str, Any], w: Words) -> list[dict[str, Any]]:
    """Return the signed / ratified / in-force stages of an agreement, each reached, hedged, denied or not reported.

    Each stage lists its dates with how they are put (the agreement's own date, each source's
    claimed date, the dates of its events); a date that a more precise one only refines
    ("2025-01" beside "2025-01-17") is dropped, and two dates left are a disagreement.
    """
    stages = []
    for key, column, event_type, implied in STAGES:
        dated: list[tuple[str, str]] = []
        certs: list[str] = []
        if row.get(column):
            dated.append((row[column], row["certainty"]))
            certs.append(row["certainty"])
        if key == "signed":  # the signing date each source gives
            claimed = [(q["date"], q.get("certainty") or "asserted") for q in row["quotes"] if q.get("date")]
            dated += claimed
            certs += [c for _, c in claimed]
        for ev in row["lifecycle"]:
            if ev["type"] == event_type:
                certs.append(ev["certainty"])
                if ev.get("date"):
                    dated.append((ev["date"], ev["certainty"]))
        best: dict[str, str] = {}
        for date, cert in dated:  # the firmest way a date is put
            if date not in best or CERTAINTIES.index(cert) < CERTAINTIES.index(best[date]):
                best[date] = cert if cert in CERTAINTIES else "asserted"
        dates = [{"date": d, "certainty": c} for d, c in sorted(best.items())
                 if not any(o != d and o.startswith(d) for o in best)]
        if (row.get("status") in implied and not certs) or any(c in ("asserted", "reported") for c in certs):
            state = "reached"
        elif any(c in ("expected", "alleged") for c in certs):
            state = "hedged"
        elif certs and all(c == "denied" for c in certs):
            state = "denied"
        else:
            state = "unknown"
        stages.append({"key": key, "label": w(key), "state": state, "dates": dates, "disagree": len(dates) > 1})
    return stages


def shape_agreements(rows: list[dict[str, Any]], w: Words, facts: Facts) -> dict[str, Any]:
    """Return each agreement with its lifecycle, parties, what it covers and lacks, and the facts behind it."""
    items = []
    for r in rows:
        label = w.label(r)
        facts.add(r["id"], "agreement", label, r["certainty"], r["quotes"], r["n_quotes"])
        for ev in r["lifecycle"]:
            # Events come first from the timeline with all their quotes; an event the timeline left out comes with three.
            facts.add(ev["id"], "event", w.label(ev), ev["certainty"], ev["quotes"])
        items.append({
            "id": r["id"], "label": label, "kind_label": w.agreement_kind(r["kind"]), "status": r["status"],
            "status_label": w.status(r["status"]) if r["status"] else "", "certainty": r["certainty"],
            "parties": [w.name(p) for p in r["parties"]], "covers": [w.label(c) for c in r["covers"]],
            "provisions": r["provisions"], "lacks": r["missing_provisions"],
            "duration": w("duration", n=r["duration_years"]) if r["duration_years"] else "",
            "articles": w("articles", n=r["articles"]) if r["articles"] else "",
            "stages": lifecycle(r, w), "facts": [r["id"], *[ev["id"] for ev in r["lifecycle"]]],
        })
    return {"items": items, "shown": len(rows), "total": _total(rows)}


def shape_topics(constraint_rows: list[dict[str, Any]], friction_rows: list[dict[str, Any]], w: Words, facts: Facts) -> dict[str, Any]:
    """Return the constraints and frictions grouped by topic, the busiest topic first, facts without a topic last."""
    groups: dict[str | None, dict[str, Any]] = {}

    def group(r: dict[str, Any]) -> dict[str, Any]:
        key = r["topic"]
        if key not in groups:
            label = w.label({"label": r["topic_label"], "label_ar": r["topic_label_ar"]}) if key else w("no_topic")
            groups[key] = {"id": key, "label": label, "constraints": [], "frictions": []}
        return groups[key]

    for r in constraint_rows:
        label = w.label(r)
        facts.add(r["id"], "constraint", label, r["certainty"], r["quotes"], r["n_quotes"])
        group(r)["constraints"].append({"id": r["id"], "label": label, "certainty": r["certainty"],
                                        "certainty_label": w.certainty(r["certainty"]),
                                        "actors": [w.name(a) for a in r["actors"]], "facts": [r["id"]]})
    for r in friction_rows:
        label = w.label(r)
        facts.add(r["id"], "friction", label, r["certainty"], r["quotes"], r["n_quotes"])
        group(r)["frictions"].append({"id": r["id"], "label": label, "certainty": r["certainty"],
                                      "certainty_label": w.certainty(r["certainty"]),
                                      "period": w("historical" if r["historical"] else "current"),
                                      "historical": r["historical"],
                                      "parties": [w.name(a) for a in r["parties"]],
                                      "third_parties": [w.name(a) for a in r["third_parties"]], "facts": [r["id"]]})
    ordered = sorted(groups.values(), key=lambda g: (g["id"] is None, -(len(g["constraints"]) + len(g["frictions"])), g["label"]))
    return {"groups": ordered, "constraints_total": _total(constraint_rows), "frictions_total": _total(friction_rows),
            "constraints_shown": len(constraint_rows), "frictions_shown": len(friction_rows)}


def shape_stances(rows: list[dict[str, Any]], w: Words, facts: Facts) -> dict[str, Any]:
    """Return the source × characterization table: one cell per pair, with the polarity and the stances behind it."""
    sources: dict[str, dict[str, Any]] = {}
    columns: dict[str, dict[str, Any]] = {}
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        label = w.label(r)
        facts.add(r["id"], "stance", label, r["certainty"], r["quotes"], r["n_quotes"])
        src = r["source"] or ""
        sources.setdefault(src, {"doc": src, "title": w.label({"label": r["title"], "label_ar": r["title_ar"]}) or src})
        col = columns.setdefault(r["characterization"], {"id": r["characterization"], "label": w.characterization(r["characterization"]), "count": 0})
        cell = cells.get((src, r["characterization"]))
        if cell is None:
            col["count"] += 1
            cell = cells[(src, r["characterization"])] = {"source": src, "column": r["characterization"], "polarity": r["polarity"],
                                                         "polarity_label": w.polarity(r["polarity"]), "certainty": r["certainty"],
                                                         "certainty_label": w.certainty(r["certainty"]), "facts": []}
        cell["facts"].append(r["id"])
    cols = sorted(columns.values(), key=lambda c: (-c["count"], c["label"]))
    return {"sources": list(sources.values()), "columns": cols, "cells": list(cells.values()),
            "shown": len(rows), "total": _total(rows)}


def shape_brief(rows: BriefRows) -> dict[str, Any]:
    """Return everything the brief shows, in the selection's language."""
    w = Words(rows.selection.lang)
    titles = {s["doc"]: w.label({"label": s["title"], "label_ar": s["title_ar"]}) for s in rows.sources}
    facts = Facts(w, titles)
    s = rows.sections
    model = {
        "lang": w.lang,
        "timeline": shape_timeline(s["brief_events"], w, facts),
        "agreements": shape_agreements(s["brief_agreements"], w, facts),
        "topics": shape_topics(s["brief_constraints"], s["brief_frictions"], w, facts),
        "indicators": shape_indicators(s["brief_indicators"], w, facts),
        "stances": shape_stances(s["brief_stances"], w, facts),
        "network": shape_network(s["brief_actors"], s["brief_links"], w, facts),
        "sources": [{"doc": r["doc"], "title": titles.get(r["doc"]) or r["doc"], "publisher": r["publisher"],
                     "author": r["author"], "published": r["published"]} for r in rows.sources],
    }
    model["facts"] = facts.export()
    return model
