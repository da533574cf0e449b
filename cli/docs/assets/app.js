/* The documentation site's pages, drawn from window.SITE (data/site.js, written by
   `warehouse docs`). Plain JavaScript, no library: routes are URL hashes (#/node/<name>,
   #/lineage, #/facts, #/document/<id>/<fact>), so the site works from file:// as well as
   served. Graph positions come computed from Python (warehouse.docs.layout); this file only
   draws them as SVG and pans and zooms. Every text from the data goes in as text, never as
   HTML; the charts are SVG the generator escaped. */
"use strict";

(function () {
  const SITE = window.SITE;
  window.SITE_DOCUMENTS = window.SITE_DOCUMENTS || {};
  const main = document.getElementById("main");
  const SVG = "http://www.w3.org/2000/svg";
  const BIG_GRAPH = 80;     // nodes past which the project graph opens collapsed by folder

  // --- small DOM helpers -------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  const link = (hash, text, cls) => el("a", {href: hash, class: cls}, text);
  const nodeHref = (id) => "#/node/" + encodeURIComponent(id);
  const number = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"));
  function badge(text, cls) { return el("span", {class: "badge " + (cls || "")}, text); }
  function section(title, ...children) { return el("section", {}, el("h2", {text: title}), ...children); }
  function table(headers, rows, cls) {
    return el("table", {class: cls || ""},
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", {text: h})))),
      el("tbody", {}, rows));
  }
  function money(amount, currency) {
    if (amount === null || amount === undefined) return "";
    return Number(amount).toLocaleString("en", {maximumFractionDigits: 2}) + " " + (currency || "");
  }

  // --- sidebar: relations by folder --------------------------------------------------------
  function sidebar() {
    const side = document.getElementById("sidebar");
    const folders = Object.values(SITE.folders);
    const order = Object.keys(SITE.graphs.collapsed ? SITE.graphs.collapsed.nodes : {});
    folders.sort((a, b) => a.id.localeCompare(b.id));
    if (order.length) folders.sort((a, b) => (SITE.graphs.collapsed.nodes["folder:" + a.id] || [0])[0] -
                                             (SITE.graphs.collapsed.nodes["folder:" + b.id] || [0])[0]);
    for (const f of folders) {
      const items = f.members.map((id) => el("li", {}, link(nodeHref(id), id.split(".").slice(1).join("."),
                                                               "kind-" + SITE.nodes[id].kind)));
      side.append(el("details", {open: f.members.length <= 40},
        el("summary", {}, f.id + "/ ", el("span", {class: "muted", text: "(" + f.members.length + ")"})),
        el("ul", {}, items)));
    }
  }

  // --- search over names, descriptions, column names and descriptions ----------------------
  const index = Object.values(SITE.nodes).map((n) => ({
    id: n.id, kind: n.kind, name: n.id.toLowerCase(), description: (n.description || "").toLowerCase(),
    columns: n.columns.map((c) => [c.name.toLowerCase(), (c.description || "").toLowerCase(), c.name]),
  }));
  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    for (const item of index) {
      let score = 0, why = "";
      if (item.name === q || item.name.endsWith("." + q)) score = 100;
      else if (item.name.includes(q)) score = 50;
      else if (item.description.includes(q)) { score = 20; why = "description"; }
      const column = item.columns.find((c) => c[0] === q) || item.columns.find((c) => c[0].includes(q));
      if (column && score < 30) { score = column[0] === q ? 30 : 25; why = "column " + column[2]; }
      else if (!score) {
        const described = item.columns.find((c) => c[1].includes(q));
        if (described) { score = 10; why = "column " + described[2] + " (description)"; }
      }
      if (score) hits.push({item, score, why});
    }
    hits.sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id));
    return hits.slice(0, 30);
  }
  function setupSearch() {
    const input = document.getElementById("search");
    const list = document.getElementById("search-results");
    function show() {
      const hits = search(input.value);
      list.replaceChildren(...hits.map((h) => el("li", {},
        link(nodeHref(h.item.id), h.item.id, "kind-" + h.item.kind),
        " ", badge(h.item.kind), h.why ? el("span", {class: "muted", text: " " + h.why}) : null)));
      if (input.value.trim() && !hits.length) list.append(el("li", {class: "muted", text: "no match"}));
      list.hidden = !input.value.trim();
    }
    input.addEventListener("input", show);
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        const first = list.querySelector("a");
        if (first) { location.hash = first.getAttribute("href"); list.hidden = true; input.blur(); }
      } else if (e.key === "Escape") { list.hidden = true; }
    });
    input.addEventListener("focus", show);
    document.addEventListener("click", (e) => {
      if (!e.target.closest(".search")) list.hidden = true;
    });
    list.addEventListener("click", (e) => { if (e.target.closest("a")) list.hidden = true; });
  }

  // --- graphs: SVG from computed positions, with pan and zoom --------------------------------
  function curve(points) {
    let d = "M" + points[0][0] + "," + points[0][1];
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i - 1], [x2, y2] = points[i];
      const dx = (x2 - x1) / 2;
      d += " C" + (x1 + dx) + "," + y1 + " " + (x2 - dx) + "," + y2 + " " + x2 + "," + y2;
    }
    return d;
  }
  /* opts: label(id) -> text or [header, ...lines]; kind(id); href(id); current (id); name */
  function graph(layout, opts) {
    const pad = 16;
    const width = layout.width + 2 * pad, height = layout.height + 2 * pad;
    const box = el("div", {class: "graph", "data-graph": opts.name || ""});
    const canvas = svg("svg", {class: "graph-svg", role: "img", "aria-label": opts.name || "graph"});
    const view = svg("g", {class: "viewport"});
    const marker = svg("marker", {id: "arrow-" + (opts.name || "g"), viewBox: "0 0 8 8", refX: "8", refY: "4",
                                  markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse"});
    marker.append(svg("path", {d: "M0,0 L8,4 L0,8 z", class: "arrow"}));
    const defs = svg("defs");
    defs.append(marker);
    canvas.append(defs, view);
    const edges = svg("g", {class: "edges"});
    for (const [a, b, points] of layout.edges) {
      const path = svg("path", {d: curve(points.map(([x, y]) => [x + pad, y + pad])), class: "edge",
                                "marker-end": "url(#arrow-" + (opts.name || "g") + ")"});
      path.dataset.from = a; path.dataset.to = b;
      edges.append(path);
    }
    const nodes = svg("g", {class: "nodes"});
    for (const [id, [x, y, w, h]] of Object.entries(layout.nodes)) {
      const kind = opts.kind(id);
      const g = svg("g", {class: "node kind-" + kind + (id === opts.current ? " current" : ""),
                          transform: "translate(" + (x + pad) + "," + (y + pad) + ")"});
      g.dataset.id = id; g.dataset.kind = kind;
      g.append(svg("rect", {width: w, height: h, rx: 4}));
      const label = opts.label(id);
      const lines = Array.isArray(label) ? label : [label];
      lines.forEach((line, i) => {
        const t = svg("text", {x: 10, y: (Array.isArray(label) ? 17 + i * 18 : h / 2 + 4),
                               class: i === 0 ? "label" : "label column"});
        t.textContent = line;
        g.append(t);
      });
      const title = svg("title");
      title.textContent = opts.title ? opts.title(id) : id;
      g.append(title);
      const href = opts.href && opts.href(id);
      if (href) {
        g.classList.add("link");
        g.addEventListener("click", () => { if (!box.dataset.dragged) location.hash = href; });
      }
      nodes.append(g);
    }
    view.append(edges, nodes);

    // pan with the pointer, zoom with the wheel (around the pointer) or the buttons
    let scale = 1, tx = 0, ty = 0;
    const apply = () => view.setAttribute("transform", "translate(" + tx + "," + ty + ") scale(" + scale + ")");
    function fit(all) {
      // the whole graph, unless its labels would get too small to read: then start at the left
      // (the roots) at the smallest readable scale, and let the reader pan and zoom
      const w = canvas.clientWidth || 800, h = canvas.clientHeight || 400;
      const whole = Math.min(1, w / width, h / height);
      scale = all === true ? whole : Math.max(whole, Math.min(1, opts.minScale || 0.7));
      tx = Math.max(0, (w - width * scale) / 2); ty = Math.max(0, (h - height * scale) / 2);
      apply();
    }
    function zoom(factor, cx, cy) {
      const next = Math.max(0.05, Math.min(4, scale * factor));
      tx = cx - (cx - tx) * (next / scale); ty = cy - (cy - ty) * (next / scale); scale = next;
      apply();
    }
    canvas.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = canvas.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
    }, {passive: false});
    let drag = null;
    canvas.addEventListener("pointerdown", (e) => {
      drag = {x: e.clientX, y: e.clientY, tx, ty, moved: false};
      delete box.dataset.dragged;
    });
    window.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      tx = drag.tx + dx; ty = drag.ty + dy; apply();
    });
    window.addEventListener("pointerup", () => {
      if (drag && drag.moved) box.dataset.dragged = "1";
      drag = null;
    });
    const tools = el("div", {class: "graph-tools"},
      el("button", {type: "button", title: "Zoom in", onclick: () => zoom(1.25, canvas.clientWidth / 2, canvas.clientHeight / 2)}, "+"),
      el("button", {type: "button", title: "Zoom out", onclick: () => zoom(0.8, canvas.clientWidth / 2, canvas.clientHeight / 2)}, "−"),
      el("button", {type: "button", title: "The whole graph", onclick: () => fit(true)}, "fit"));
    canvas.style.height = Math.min(opts.maxHeight || 640, Math.max(120, height * Math.min(1, opts.minScale || 0.7) + 8)) + "px";
    box.append(tools, canvas);
    requestAnimationFrame(fit);
    return box;
  }
  const alias = (id) => id.split(".").slice(1).join(".");   // as warehouse.docs.site.label
  const kindOf = (id) => (id.startsWith("folder:") ? "folder" : (SITE.nodes[id] ? SITE.nodes[id].kind : "unknown"));

  // --- pages ---------------------------------------------------------------------------------
  function overview() {
    const p = SITE.project, c = p.counts;
    const parts = [el("h1", {text: p.name})];
    const noun = {loader: "loader table"};
    const what = Object.entries(c).map(([k, n]) => n + " " + (noun[k] || k) + (n === 1 ? "" : "s")).join(", ");
    parts.push(el("p", {}, "Documentation of the project at ", el("code", {text: p.root}), ": " + what + "."));
    if (p.warehouse) parts.push(el("p", {}, "Types, row counts and facts from ", el("code", {text: p.warehouse}), "."));
    else parts.push(el("p", {class: "warning"}, "No warehouse at ", el("code", {text: p.warehouse_missing}),
      ": run `warehouse build` for column types, row counts and facts."));
    if (p.run) parts.push(el("p", {}, "Test statuses from the last run: `warehouse " + p.run.command + "` at " +
      (p.run.generated_at || p.run.started_at) + (p.run.up_to_date ? " (nothing had changed: no test ran)" : "") + "."));
    else if (p.run_other_db) parts.push(el("p", {class: "muted"},
      "target/run_results.json is from another warehouse (" + p.run_other_db + "): no test statuses shown."));
    parts.push(el("ul", {class: "cards"},
      el("li", {}, link("#/lineage", "Lineage graph"), " of the whole project, by layer."),
      el("li", {}, link("#/facts", "Facts overview"), ": money by type, country and year, the largest deals and their evidence."),
      el("li", {}, "Column lineage of every mart column: open a mart (",
        ...p.marts.slice(0, 4).flatMap((m, i) => [i ? ", " : "", link(nodeHref(m), m)]), p.marts.length > 4 ? ", …" : "", ").")));
    const folders = Object.values(SITE.folders).sort((a, b) => a.id.localeCompare(b.id));
    parts.push(section("Relations by folder", table(["folder", "relations", "kinds"], folders.map((f) =>
      el("tr", {}, el("td", {}, el("code", {text: f.id + "/"})), el("td", {text: f.members.length}),
        el("td", {text: Object.entries(f.kinds).map(([k, n]) => n + " " + k).join(", ")}))))));
    return parts;
  }

  function statusBadge(test) {
    if (!test.status) return badge("not run", "status-none");
    const failures = test.failures ? " · " + number(test.failures) + " failing" : "";
    return badge(test.status + failures, "status-" + test.status);
  }

  function nodePage(id, column) {
    const n = SITE.nodes[id];
    if (!n) return [el("h1", {text: "Not found"}), el("p", {text: "No relation " + id + " in this project."})];
    const parts = [];
    parts.push(el("h1", {}, el("span", {class: "muted", text: n.schema + "."}), n.alias));
    const facts = [badge(n.kind, "kind-" + n.kind)];
    if (n.materialized && n.materialized !== n.kind) facts.push(badge(n.materialized));
    for (const t of n.tags) facts.push(badge("#" + t, "tag"));
    facts.push(badge((n.rows === null ? "? " : number(n.rows) + " ") + "rows", "rows"));
    if (n.relation) facts.push(badge(n.relation + " in the warehouse"));
    parts.push(el("p", {class: "facts"}, facts));
    parts.push(el("p", {class: "description" + (n.description ? "" : " muted"), text: n.description || "No description."}));
    const meta = [];
    if (n.path) meta.push(el("div", {}, "File ", el("code", {text: n.path})));
    if (n.loader) meta.push(el("div", {}, "Written by the loader ", el("code", {text: n.loader})));
    if (n.source) meta.push(el("div", {}, "Source (" + n.source.kind + ") ", el("code", {text: n.source.location})));
    if (n.unique_key && n.unique_key.length) meta.push(el("div", {}, "Unique key ", el("code", {text: n.unique_key.join(", ")})));
    parts.push(el("div", {class: "meta"}, meta));

    const lineage = SITE.column_lineage[id];
    const tests = Object.fromEntries(n.tests.map((t) => [t.id, t]));
    const rows = n.columns.map((c) => el("tr", {id: "column-" + c.name, class: c.name === column ? "selected" : ""},
      el("td", {}, el("code", {text: c.name})),
      el("td", {}, c.type ? el("code", {class: "type", text: c.type}) : el("span", {class: "muted", text: c.missing ? "not in the warehouse" : "?"})),
      el("td", {text: c.description || ""}),
      el("td", {}, c.tests.map((t) => tests[t] ? el("span", {title: t}, badge(tests[t].kind, "test"), statusBadge(tests[t])) : null)),
      lineage ? el("td", {}, lineage[c.name] ? link(nodeHref(id) + "/column/" + encodeURIComponent(c.name), "lineage", "column-lineage-link") : "") : null));
    parts.push(section("Columns (" + n.columns.length + ")",
      n.columns.length ? table(["column", "type", "description", "tests", lineage ? "lineage" : null].filter(Boolean), rows, "columns")
                       : el("p", {class: "muted", text: "No columns known: build the warehouse."})));
    if (column && lineage && lineage[column]) parts.push(columnLineage(id, column, lineage[column]));
    if (n.lineage_error) parts.push(el("p", {class: "warning", text: "Column lineage could not be computed: " + n.lineage_error}));

    if (n.tests.length) {
      parts.push(section("Data tests (" + n.tests.length + ")", table(["test", "column", "severity", "last run", "file"],
        n.tests.map((t) => el("tr", {class: "test-row status-" + (t.status || "none")},
          el("td", {}, el("code", {text: t.id})), el("td", {text: t.column || ""}), el("td", {text: t.severity}),
          el("td", {}, statusBadge(t), t.message ? el("div", {class: "muted", text: t.message}) : null),
          el("td", {}, el("code", {text: t.file})))), "tests")));
    }
    const relList = (ids) => ids.length ? el("ul", {class: "relations"}, ids.map((p) => el("li", {},
      SITE.nodes[p] ? link(nodeHref(p), p, "kind-" + SITE.nodes[p].kind) : el("code", {text: p})))) : el("p", {class: "muted", text: "none"});
    parts.push(el("div", {class: "columns2"}, section("Parents (" + n.parents.length + ")", relList(n.parents)),
      section("Children (" + n.children.length + ")", relList(n.children))));
    const around = SITE.graphs.neighbourhoods[id];
    if (around) {
      const note = around.upstream + " upstream and " + around.downstream + " downstream" +
        (around.complete ? "" : "; shown " + around.depth + " step" + (around.depth === 1 ? "" : "s") + " each way");
      parts.push(section("Lineage", el("p", {class: "muted", text: note}),
        graph(around, {name: "neighbourhood", current: id, kind: kindOf, label: alias, href: nodeHref, maxHeight: 480})));
    }
    if (n.sql) parts.push(section("SQL", el("pre", {class: "sql"}, el("code", {text: n.sql}))));
    return parts;
  }

  function columnLineage(id, column, data) {
    const leaves = data.leaves.filter(([r]) => !SITE.nodes[r] || SITE.nodes[r].kind !== "model");
    const box = el("section", {class: "column-lineage", id: "column-lineage"},
      el("h2", {}, "Column lineage of ", el("code", {text: id + "." + column})));
    box.append(el("p", {}, "Computed from " + (leaves.length ? leaves.length + " columns of raw tables, seeds and sources:"
      : (data.untraced.length ? "columns sqlglot could not trace (below)." : "no table column (constants only)."))));
    if (data.untraced.length) box.append(el("p", {class: "warning", text: "sqlglot's lineage could not follow the columns through " +
      data.untraced.join(", ") + " (a PIVOT, a table function, …): what they are computed from is missing here."}));
    box.append(el("ul", {class: "leaves"}, leaves.map(([r, c]) => el("li", {"data-relation": r, "data-column": c},
      SITE.nodes[r] ? link(nodeHref(r), r, "kind-" + SITE.nodes[r].kind) : el("code", {text: r}), ".", el("code", {text: c})))));
    box.append(graph(data.layout, {
      name: "column-lineage", current: id, kind: (r) => data.kinds[r] || "unknown",
      label: (r) => [r, ...data.relations[r].map((c) => "  " + c)],
      title: (r) => r + ": " + data.relations[r].join(", "), href: (r) => SITE.nodes[r] ? nodeHref(r) : null,
      maxHeight: 560}));
    requestAnimationFrame(() => box.scrollIntoView({block: "start"}));
    return box;
  }

  function lineagePage(params) {
    const total = Object.keys(SITE.nodes).length;
    const g = SITE.graphs;
    const mode = params.get("view") || (total > BIG_GRAPH && g.collapsed ? "folders" : "all");
    const opened = params.get("folder");
    let layout = g.project, note = total + " relations, by layer: raw tables and seeds, then each model after what it reads.";
    if (mode === "folders" && g.collapsed) {
      layout = opened && g.opened && g.opened[opened] ? g.opened[opened] : g.collapsed;
      note = "Collapsed by folder" + (opened ? ", " + opened + "/ opened" : "") + ": click a folder to open it.";
    }
    const switcher = el("p", {class: "switch"},
      link("#/lineage?view=all", "every relation", mode === "all" ? "active" : ""),
      g.collapsed ? link("#/lineage?view=folders", "collapsed by folder", mode === "folders" && !opened ? "active" : "") : null);
    const folderLabel = (id) => id.startsWith("folder:") ? SITE.folders[id.slice(7)].label : alias(id);
    return [el("h1", {text: "Lineage"}), switcher, el("p", {class: "muted", text: note}),
      graph(layout, {
        name: "project", kind: kindOf, label: folderLabel, maxHeight: Math.max(360, window.innerHeight - 200),
        title: (id) => id.startsWith("folder:") ? SITE.folders[id.slice(7)].members.join("\n") : id,
        href: (id) => id.startsWith("folder:") ? (g.opened && g.opened[id.slice(7)]
          ? "#/lineage?view=folders&folder=" + encodeURIComponent(id.slice(7)) : null) : nodeHref(id)})];
  }

  function factsPage() {
    const f = SITE.facts;
    if (!f) return [el("h1", {text: "Facts"}), el("p", {class: "muted",
      text: SITE.project.warehouse ? "This warehouse has no fact tables." : "No warehouse: run `warehouse build` first."})];
    const parts = [el("h1", {text: "Facts"})];
    parts.push(el("p", {class: "lead"}, el("strong", {text: f.total_label}), " in " + number(f.deal_count) + " deals" +
      (f.deals_exist ? ", each counted once however many articles report it (marts.fct_deals)." : ".")));
    if (!f.deals_exist) parts.push(el("p", {class: "warning", text: "This warehouse has no marts.fct_deals: totals add up the per-document facts and count a deal once per article that reports it."}));
    const charts = el("div", {class: "charts"});
    for (const key of ["type", "country", "year"]) {
      const holder = el("figure", {class: "chart-" + key});
      holder.innerHTML = f.charts[key];     // SVG built and escaped by warehouse.docs.charts
      charts.append(holder);
    }
    parts.push(charts);
    if (f.deals.length) {
      parts.push(section("Largest deals", table(["", "deal", "amount", "parties", "date", "confidence", "evidence"],
        f.deals.map((d, i) => el("tr", {class: "deal", "data-deal": d.deal_id},
          el("td", {class: "muted", text: i + 1}),
          el("td", {}, badge(d.deal_type.replace("_", " "), "deal-" + d.deal_type), d.country_code ? el("div", {class: "muted", text: d.country_code}) : null),
          el("td", {class: "amount"}, d.usd_label ? el("strong", {text: d.usd_label}) : null,
            el("div", {class: "muted", text: [money(d.amount, d.currency_code), d.quantity ? number(d.quantity) + " chips" + (d.chip_model ? " (" + d.chip_model + ")" : "") : ""].filter(Boolean).join(" · ")})),
          el("td", {}, el("ul", {class: "parties"}, d.parties.map((p) => el("li", {}, el("span", {class: "role", text: p.role}), " " + p.name)))),
          el("td", {text: (d.announced_on || "undated") + (d.date_precision && d.date_precision !== "day" ? " (" + d.date_precision + ")" : "")}),
          el("td", {}, d.confidence === null ? "" : badge(Number(d.confidence).toFixed(2), "confidence"), d.reviewed ? badge("reviewed") : null),
          el("td", {class: "evidence"}, el("q", {text: d.evidence || ""}),
            el("div", {}, link("#/document/" + encodeURIComponent(d.document_id) + "/" + encodeURIComponent(d.fact_id), "document →", "document-link"),
              d.reports.length > 1 ? el("span", {class: "muted"}, " also ", ...d.reports.slice(1).flatMap((r, j) => [j ? ", " : "",
                link("#/document/" + encodeURIComponent(r.document_id) + "/" + encodeURIComponent(r.fact_id), r.file_name || r.document_id)])) : null)))), "deals")));
    }
    const rejected = f.rejected_documents;
    parts.push(section("Rejected documents (" + rejected.length + ")", rejected.length
      ? table(["file", "reason", "when"], rejected.map((r) => el("tr", {}, el("td", {}, el("code", {text: r.file_name})),
          el("td", {text: r.reason}), el("td", {class: "muted", text: r.rejected_at || ""}))), "rejected")
      : el("p", {class: "muted", text: "Every document could be read."})));
    return parts;
  }

  function loadDocument(id) {
    return new Promise((resolve, reject) => {
      if (window.SITE_DOCUMENTS[id]) return resolve(window.SITE_DOCUMENTS[id]);
      const script = el("script", {src: "data/documents/" + id.replace(/[^A-Za-z0-9_-]/g, "") + ".js"});
      script.onload = () => resolve(window.SITE_DOCUMENTS[id]);
      script.onerror = () => reject(new Error("no page for document " + id));
      document.head.append(script);
    });
  }

  function highlighted(text, spans) {
    // offsets count code points (Python's), not UTF-16 units: split the text into code points
    const chars = Array.from(text);
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(chars.length, s.start))); cuts.add(Math.max(0, Math.min(chars.length, s.end))); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = el("div", {class: "document-text"});
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { out.append(piece); continue; }
      const kinds = [...new Set(covering.map((s) => s.kind))];
      const node = el(kinds.includes("evidence") ? "mark" : "span",
        {class: kinds.map((k) => "hl-" + k).join(" "), title: covering.map((s) => s.label).filter(Boolean).join("\n")}, piece);
      out.append(node);
    }
    return out;
  }

  function documentPage(id, factId) {
    const meta = SITE.documents[id];
    const holder = el("div", {}, el("h1", {text: meta ? (meta.title || meta.file_name) : id}), el("p", {class: "muted", text: "loading…"}));
    loadDocument(id).then((doc) => {
      const fact = doc.facts.find((f) => f.fact_id === factId) || doc.facts[0];
      const parts = [el("h1", {text: doc.title || doc.file_name || id}),
        el("p", {class: "meta"}, el("code", {text: doc.file_name || ""}), " · " + (doc.language || "?") +
          " · published " + (doc.published_on || "?") + " · document_id ", el("code", {text: id}))];
      parts.push(el("div", {class: "doc-facts"}, el("h2", {text: "Facts read in it (" + doc.facts.length + ")"}),
        el("ul", {}, doc.facts.map((f) => el("li", {class: f === fact ? "selected" : ""},
          link("#/document/" + encodeURIComponent(id) + "/" + encodeURIComponent(f.fact_id),
            f.fact_type.replace("_", " ") + ": " + (f.main_party || "?") + ", " + (money(f.amount, f.currency_code) || (f.quantity ? number(f.quantity) + " chips" : "no amount"))),
          f.confidence !== null && f.confidence !== undefined ? el("span", {class: "muted", text: " · confidence " + Number(f.confidence).toFixed(2)}) : null)))),
        el("p", {class: "legend"}, el("mark", {class: "hl-evidence", text: "evidence sentence"}), " ",
          el("span", {class: "hl-sentence", text: "other sentence merged in"}), " ",
          el("span", {class: "hl-amount", text: "amount"}), " ", el("span", {class: "hl-party", text: "party"})));
      parts.push(doc.text ? highlighted(doc.text, fact ? fact.spans : []) : el("p", {class: "muted", text: "The text is not in raw.documents."}));
      holder.replaceChildren(...parts);
      const mark = holder.querySelector(".document-text mark.hl-evidence");
      if (mark) mark.scrollIntoView({block: "center"});
    }).catch((err) => holder.replaceChildren(el("h1", {text: "Document " + id}), el("p", {class: "warning", text: err.message})));
    return [holder];
  }

  // --- routing -------------------------------------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, query] = hash.split("?");
    const params = new URLSearchParams(query || "");
    const parts = path.split("/").map(decodeURIComponent);
    let page, name = parts[0] || "overview";
    if (name === "node") page = nodePage(parts[1], parts[2] === "column" ? parts[3] : null);
    else if (name === "lineage") page = lineagePage(params);
    else if (name === "facts") page = factsPage();
    else if (name === "document") page = documentPage(parts[1], parts[2]);
    else { name = "overview"; page = overview(); }
    main.replaceChildren(...page);
    main.dataset.page = name;
    for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("active", a.dataset.route === name);
    document.title = SITE.project.name + " · " + (name === "node" ? parts[1] : name);
    if (name !== "node" || parts[2] !== "column") window.scrollTo(0, 0);
  }

  sidebar();
  setupSearch();
  window.addEventListener("hashchange", route);
  route();
})();
