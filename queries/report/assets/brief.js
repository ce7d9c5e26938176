/* Draw the brief's timeline, network and indicator charts with D3 from the embedded data,
   and open the quotes of whatever mark, line or row is clicked. Every mark carries the ids of
   the facts it stands for (data-facts); the quote panel reads them from data.facts. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("brief-data").textContent);
  const W = data.words;
  const rtl = data.dir === "rtl";
  const parseDay = d3.utcParse("%Y-%m-%d");
  const AR = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/g;

  function langOf(s) {
    const ar = (String(s || "").match(AR) || []).length;
    const lat = (String(s || "").match(/[A-Za-z]/g) || []).length;
    return ar > 0 && ar >= lat ? "ar" : "en";
  }
  function mid(e) { return new Date((parseDay(e.start).getTime() + parseDay(e.end).getTime()) / 2); }

  // A label placed beside a point: `side` is where the text runs from x ("right" or "left"),
  // whatever the script, so Arabic labels are set right-to-left and still sit where they should.
  function label(sel, text, x, y, side) {
    const lang = langOf(text);
    const dir = lang === "ar" ? "rtl" : "ltr";
    const anchor = (side === "right") === (dir === "ltr") ? "start" : "end";
    return sel.append("text").attr("x", x).attr("y", y).attr("lang", lang).attr("direction", dir)
      .attr("text-anchor", anchor).attr("dy", "0.32em").text(text);
  }
  function opens(sel, ids, title, quote) {
    sel.attr("data-facts", JSON.stringify(ids)).attr("data-title", title).attr("tabindex", 0).attr("role", "button");
    if (quote !== undefined && quote !== null) sel.attr("data-quote", quote);
    return sel;
  }
  function mark(g, d, x, y, r, fill) {
    const c = g.append("circle").attr("class", "mark cert-" + (d.certainty || "asserted"))
      .attr("cx", x).attr("cy", y).attr("r", r).attr("fill", fill);
    if (d.certainty === "denied") {
      g.append("line").attr("class", "strike").attr("x1", x - r).attr("y1", y + r).attr("x2", x + r).attr("y2", y - r);
    }
    return c;
  }
  // Dates on the axes in digits (2024, 2024-07), the same in both languages.
  const dateTick = (d) => (d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? d3.utcFormat("%Y") : d3.utcFormat("%Y-%m"))(d);
  function fmt(v) {
    for (const [size, word] of W.scale) {
      if (Math.abs(v) >= size) return d3.format("~g")(+(v / size).toPrecision(3)) + " " + word;
    }
    return Math.abs(v) >= 10000 ? d3.format(",~d")(v) : d3.format("~g")(+v.toPrecision(4));
  }

  function drawTimeline() {
    const t = data.timeline, host = document.getElementById("timeline-chart");
    if (!host) return;
    if (!t.events.length) { host.remove(); return; }
    const width = Math.max(host.clientWidth || 1000, 720), labelW = 150, pad = 24, R = 5, rowH = 12, maxRows = 8;
    const x0 = d3.min(t.events, (e) => parseDay(e.start)), x1 = d3.max(t.events, (e) => parseDay(e.end));
    const x = d3.scaleUtc().domain([d3.utcMonth.offset(x0, -6), d3.utcMonth.offset(x1, 6)])
      .range(rtl ? [pad, width - labelW] : [labelW, width - pad]).nice();
    const color = d3.scaleOrdinal(d3.schemeTableau10).domain(t.types.map((d) => d.id));
    let y = 8;
    const lanes = t.types.map((tp) => {
      const evs = t.events.filter((e) => e.type === tp.id).map((e) => ({ ...e, x: x(mid(e)) })).sort((a, b) => a.x - b.x);
      const ends = [];
      for (const e of evs) {  // pack marks into rows so that none hides another (up to maxRows rows)
        let row = ends.findIndex((end) => end < e.x - 2 * R - 1);
        if (row < 0) { row = ends.length < maxRows ? ends.length : ends.indexOf(Math.min(...ends)); }
        ends[row] = e.x;
        e.row = row;
      }
      const lane = { ...tp, events: evs, y: y, h: Math.max(1, ends.length) * rowH + 14 };
      y += lane.h;
      return lane;
    });
    const svg = d3.select(host).append("svg").attr("id", "timeline-svg").attr("width", width).attr("height", y + 34)
      .attr("role", "group").attr("aria-label", document.querySelector("#timeline h2").textContent);
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${y + 4})`).call(d3.axisBottom(x).ticks(Math.round(width / 120)).tickFormat(dateTick));
    lanes.forEach((lane, i) => {
      const g = svg.append("g").attr("class", "lane").attr("data-type", lane.id);
      if (i % 2 === 0) g.append("rect").attr("class", "lane-band").attr("x", 0).attr("y", lane.y).attr("width", width).attr("height", lane.h);
      label(g, `${lane.label} (${lane.count})`, rtl ? width - 8 : 8, lane.y + lane.h / 2, rtl ? "left" : "right").attr("class", "lane-label");
      for (const e of lane.events) {
        const cy = lane.y + 7 + R + e.row * rowH;
        const xs = x(parseDay(e.start)), xe = x(parseDay(e.end));
        if (xe - xs > 2 * R) g.append("line").attr("class", "span").attr("x1", xs).attr("x2", xe).attr("y1", cy).attr("y2", cy).attr("stroke", color(e.type));
        const c = mark(g, e, e.x, cy, R, color(e.type));
        opens(c, e.facts, e.label).append("title").text(`${e.label} — ${e.date}`);
      }
    });
  }

  function drawNetwork() {
    const n = data.network, host = document.getElementById("network-chart");
    if (!host) return;
    if (!n.nodes.length) { host.remove(); return; }
    const width = Math.max(host.clientWidth || 1000, 720), height = n.nodes.length > 30 ? 640 : 520;
    const nodes = n.nodes.map((d) => ({ ...d }));
    const size = d3.scaleSqrt().domain([0, d3.max(nodes, (d) => d.facts) || 1]).range([4, 26]);
    const radius = (d) => size(d.facts);
    const thickness = d3.scaleSqrt().domain([0, d3.max(n.links, (l) => l.weight) || 1]).range([1, 12]);
    const pairs = d3.group(n.links, (l) => l.source + "\u0000" + l.target);
    const layoutLinks = Array.from(pairs.values(), (ls) => ({ source: ls[0].source, target: ls[0].target, weight: d3.sum(ls, (l) => l.weight) }));
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(layoutLinks).id((d) => d.id).distance(120).strength(0.25))
      .force("charge", d3.forceManyBody().strength(-420))
      .force("x", d3.forceX(width / 2).strength(0.07))
      .force("y", d3.forceY(height / 2).strength(0.1))
      .force("collide", d3.forceCollide((d) => radius(d) + 8))
      .stop();
    for (let i = 0; i < 320; i++) sim.tick();  // d3-force's random source is seeded: the same data gives the same layout
    for (const d of nodes) {
      d.x = Math.max(radius(d) + 4, Math.min(width - radius(d) - 4, d.x));
      d.y = Math.max(radius(d) + 4, Math.min(height - radius(d) - 14, d.y));
    }
    const byId = new Map(nodes.map((d) => [d.id, d]));
    const types = Array.from(new Set(nodes.map((d) => d.type)));
    const typeColor = d3.scaleOrdinal(["#4e79a7", "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]).domain(types);
    const svg = d3.select(host).append("svg").attr("id", "network-svg").attr("width", width).attr("height", height)
      .attr("role", "group").attr("aria-label", document.querySelector("#network h2").textContent);
    const g = svg.append("g");
    svg.call(d3.zoom().scaleExtent([0.4, 5]).on("zoom", (ev) => g.attr("transform", ev.transform)));
    const lg = g.append("g").attr("class", "links");
    for (const ls of pairs.values()) {
      const a = byId.get(ls[0].source), b = byId.get(ls[0].target);
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      ls.forEach((l, k) => {
        const off = (k - (ls.length - 1) / 2) * 26;
        const cx = (a.x + b.x) / 2 - (dy / len) * off, cy = (a.y + b.y) / 2 + (dx / len) * off;
        const p = lg.append("path").attr("class", "link kind-" + l.kind)
          .attr("d", `M${a.x},${a.y} Q${cx},${cy} ${b.x},${b.y}`)
          .attr("stroke-width", Math.max(1.2, thickness(l.weight)))
          .attr("data-kind", l.kind).attr("data-weight", l.weight);
        opens(p, l.fact_ids, `${l.label}: ${l.kind_label} (${l.weight})`).append("title").text(`${l.label} — ${l.kind_label}: ${l.weight} ${W.facts}`);
      });
    }
    const ng = g.append("g").attr("class", "nodes");
    for (const d of nodes) {
      const node = ng.append("g").attr("class", "node").attr("data-actor", d.id).attr("data-type", d.type);
      opens(node, d.fact_ids, `${d.name} (${d.facts})`);
      node.append("circle").attr("cx", d.x).attr("cy", d.y).attr("r", radius(d)).attr("fill", typeColor(d.type));
      node.append("title").text(`${d.name}: ${d.facts} ${W.facts}`);
      label(node, d.name, d.x + (rtl ? -1 : 1) * (radius(d) + 3), d.y, rtl ? "left" : "right");
    }
    const legend = d3.select(host).append("div").attr("class", "legend");
    legend.append("span").attr("class", "legend-title").text(W.legend_links);
    for (const kind of ["event", "agreement", "friction"]) {
      const item = legend.append("span").attr("class", "legend-item");
      item.append("svg").attr("width", 26).attr("height", 10).append("path").attr("class", "link kind-" + kind)
        .attr("d", "M1,5 L25,5").attr("stroke-width", 3);
      item.append("span").text(W["kind_" + kind]);
    }
    for (const t of types) {
      const item = legend.append("span").attr("class", "legend-item");
      item.append("svg").attr("width", 12).attr("height", 12).append("circle").attr("cx", 6).attr("cy", 6).attr("r", 5).attr("fill", typeColor(t));
      item.append("span").text((W.actor_types || {})[t] || t.replace(/_/g, " "));
    }
  }

  function drawIndicators() {
    const ind = data.indicators, host = document.getElementById("indicator-charts");
    if (!host) return;
    const color = d3.scaleOrdinal(d3.schemeTableau10.concat(d3.schemeDark2)).domain(ind.sources);
    const legend = d3.select("#source-legend");
    if (ind.charts.length) {
      const LEGEND = 12;  // past a dozen sources a legend names nothing: the points' tooltips and quotes do
      for (const doc of ind.sources.slice(0, LEGEND)) {
        const item = legend.append("span").attr("class", "legend-item");
        item.append("svg").attr("width", 12).attr("height", 12).append("circle").attr("cx", 6).attr("cy", 6).attr("r", 5).attr("fill", color(doc));
        const title = data.sources[doc] || doc;
        item.append("span").attr("lang", langOf(title)).attr("dir", "auto").text(title);
      }
      if (ind.sources.length > LEGEND) legend.append("span").attr("class", "note").text(W.more_sources.replace("{n}", ind.sources.length - LEGEND));
    }
    for (const m of ind.charts) {
      const box = d3.select(host).append("div").attr("class", "ind-chart" + (m.disagreements.length ? " disagree" : "")).attr("data-measure", m.id);
      box.append("h4").attr("lang", langOf(m.label)).attr("dir", "auto").text(m.label + (m.unit_label ? ` (${m.unit_label})` : ""));
      const dated = m.claims.filter((c) => c.start), undated = m.claims.filter((c) => !c.start);
      const width = 350, height = 190, top = 10, bottom = 24, left = rtl ? 12 : 62, right = rtl ? 62 : 12, band = undated.length ? 52 : 0;
      let t0 = d3.min(dated, (c) => parseDay(c.start)), t1 = d3.max(dated, (c) => parseDay(c.end));
      if (t1 - t0 < 366 * 864e5) { t0 = d3.utcYear.offset(t0, -1); t1 = d3.utcYear.offset(t1, 1); }
      const x = d3.scaleUtc().domain([t0, t1]).range(rtl ? [left + band, width - right] : [left, width - right - band]);
      const bandX = rtl ? left + band / 2 : width - right - band / 2;
      const values = m.claims.map((c) => c.value);
      const y = d3.scaleLinear().domain([Math.min(0, d3.min(values)), d3.max(values) || 1]).nice().range([height - bottom, top]);
      const svg = box.append("svg").attr("width", width).attr("height", height);
      svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - bottom})`).call(d3.axisBottom(x).ticks(4).tickFormat(dateTick));
      svg.append("g").attr("class", "axis").attr("transform", `translate(${rtl ? width - right : left},0)`)
        .call((rtl ? d3.axisRight(y) : d3.axisLeft(y)).ticks(4).tickFormat(fmt))
        .call((g) => g.selectAll(".tick text").each(function () {  // "5 مليار" reads right-to-left, beside the axis
          const dir = langOf(this.textContent) === "ar" ? "rtl" : "ltr";
          d3.select(this).attr("direction", dir).attr("text-anchor", (rtl === (dir === "ltr")) ? "start" : "end");
        }));
      if (band) {
        svg.append("rect").attr("class", "undated-band").attr("x", bandX - band / 2 + 4).attr("y", top).attr("width", band - 8).attr("height", height - bottom - top);
        label(svg, W.undated_short, bandX, top + 8, "right").attr("text-anchor", "middle").attr("class", "axis band-label");
      }
      const slot = new Map();  // claims at the same place are set side by side
      const px = (c) => {
        const key = (c.start ? c.date : "") + "|" + c.value;
        const k = slot.get(key) || 0;
        slot.set(key, k + 1);
        return (c.start ? x(mid(c)) : bandX) + (k ? ((k % 7) - 3) * 3 : 0);
      };
      for (const [doc, cs] of d3.group(dated, (c) => c.doc)) {
        if (cs.length < 2) continue;
        const pts = cs.slice().sort((a, b) => mid(a) - mid(b));
        svg.append("path").attr("class", "series").attr("stroke", color(doc)).attr("data-doc", doc)
          .attr("d", d3.line().x((c) => x(mid(c))).y((c) => y(c.value))(pts));
      }
      for (const d of m.disagreements) {
        const xx = d.date ? x(mid(m.claims.find((c) => c.date === d.date && c.start))) : bandX;
        svg.append("line").attr("class", "range").attr("x1", xx).attr("x2", xx).attr("y1", y(d.lo)).attr("y2", y(d.hi));
        svg.append("text").attr("class", "ne").attr("x", xx + 6).attr("y", (y(d.lo) + y(d.hi)) / 2).attr("dy", "0.32em").text("≠");
      }
      for (const c of m.claims) {
        const g = svg.append("g");
        const p = mark(g, c, px(c), y(c.value), 4.5, color(c.doc));
        opens(p, [c.fact], `${m.label}: ${c.value_label}`, c.q).attr("data-doc", c.doc)
          .append("title").text(`${c.value_label} — ${data.sources[c.doc] || c.doc}${c.date ? ", " + c.date : ""}`);
      }
      for (const d of m.disagreements) {
        const caption = `≠ ${W.sources_disagree} (${d.date || W.undated_short}): ${d.text}`;
        opens(box.append("p").attr("class", "flag fact").attr("dir", "auto").text(caption), d.facts, caption);
      }
    }
  }

  const panel = document.getElementById("quote-panel");
  const panelTitle = document.getElementById("quote-title");
  const panelBody = document.getElementById("quote-body");
  let selected = null;

  function el(tag, cls, text, lang) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    if (lang) { e.lang = lang; e.dir = lang === "ar" ? "rtl" : "ltr"; }
    return e;
  }
  function openQuotes(target) {
    const ids = JSON.parse(target.getAttribute("data-facts") || "[]");
    const only = target.getAttribute("data-quote");
    const title = target.getAttribute("data-title") || "";
    panelTitle.textContent = title;
    panelTitle.lang = langOf(title);
    panelTitle.dir = "auto";
    panelBody.replaceChildren();
    for (const id of ids) {
      const f = data.facts[id];
      if (!f) continue;
      const box = el("div", "qfact");
      box.dataset.fact = id;
      const head = el("div", "qfact-head");
      head.append(el("bdi", "", f.label, langOf(f.label)), " ", el("span", "chip cert-" + f.certainty, f.certainty_label));
      box.append(head);
      const quotes = only !== null && ids.length === 1 ? [f.quotes[+only]].filter(Boolean) : f.quotes;
      if (only === null) box.append(el("div", "qmeta", W.quotes_of.replace("{n}", f.quotes.length).replace("{total}", f.n_quotes)));
      for (const q of quotes) {
        const bq = el("blockquote", "quote cert-" + q.certainty, q.text, q.lang);
        const meta = el("div", "qmeta");
        meta.append(el("bdi", "", q.title, langOf(q.title)), " — ", el("bdi", "", q.doc, "en"), ` · ${W.passage} ${q.passage} · ${W.chars} `,
          el("bdi", "", `${q.start}–${q.end}`, "en"), " · ", el("span", "chip cert-" + q.certainty, q.certainty_label));
        box.append(bq, meta);
      }
      panelBody.append(box);
    }
    if (selected) selected.classList.remove("selected");
    selected = target.matches("circle, path") ? target : target.querySelector("circle");
    if (selected) selected.classList.add("selected");
    panel.scrollTop = 0;
    panel.dataset.open = "1";
  }
  document.addEventListener("click", (ev) => {
    const target = ev.target.closest("[data-facts]");
    if (target) openQuotes(target);
  });
  document.addEventListener("keydown", (ev) => {
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.closest && ev.target.closest("[data-facts]")) {
      ev.preventDefault();
      openQuotes(ev.target.closest("[data-facts]"));
    }
  });
  document.getElementById("quote-close").addEventListener("click", () => {
    panelBody.replaceChildren(el("p", "note", W.quotes_hint));
    panelTitle.textContent = "";
    if (selected) selected.classList.remove("selected");
    delete panel.dataset.open;
  });

  drawTimeline();
  drawNetwork();
  drawIndicators();
  document.body.dataset.ready = "1";
})();
