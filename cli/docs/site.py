"""Build the documentation site: gather the data, lay out the graphs, write the files.

The site is static: `index.html`, the page code and style from `assets/` (shipped in the
package, nothing fetched from a network), `data/site.js` (every relation, column, test, graph
and the facts overview, as one `window.SITE = {...}` script, so the site also opens from
`file://` where a browser refuses to fetch JSON) and one `data/documents/<id>.js` per document
page, loaded when the page is opened.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from warehouse.errors import ProjectError

ASSETS = Path(__file__).parent / "assets"
MARKER = ".warehouse-docs"          # marks a folder this module wrote, so it may replace it
NEIGHBOURHOOD = 60                  # nodes at most in a model's upstream/downstream graph
EXPANDED_LAYOUTS = 16               # folders up to which each gets a layout with it opened
NODE_HEIGHT = 22.0


@dataclass
class Site:
    path: Path                      # the folder written
    seconds: float
    relations: int
    models: int
    documents: int
    warehouse: bool                 # whether a warehouse file was read


def default_out(project_dir: str | Path) -> Path:
    return Path(project_dir).resolve() / "target" / "docs"


def generate(project_dir: str | Path = ".", db: str | Path | None = None,
             out: str | Path | None = None) -> Site:
    """Write the site for the project at `project_dir` and its published warehouse `db` to `out`
    (default `target/docs/`). Without a warehouse file the site still documents the project
    (no types, row counts or facts)."""
    started = time.perf_counter()
    data = collect(project_dir, db)
    target = Path(out).expanduser().resolve() if out else default_out(project_dir)
    write(data, target)
    return Site(target, time.perf_counter() - started, len(data["nodes"]),
                sum(1 for n in data["nodes"].values() if n["kind"] == "model"),
                len(data["documents"]), data["project"]["warehouse"] is not None)


def collect(project_dir: str | Path = ".", db: str | Path | None = None) -> dict:
    """Every piece of data the pages show, as JSON-ready values."""
    from warehouse import api
    from warehouse.dag import order
    from warehouse.docs import catalog, facts, lineage
    from warehouse.project import load_project
    from warehouse.state import read_published

    project = load_project(project_dir)
    target = Path(db or api.DEFAULT_DB).expanduser().resolve()
    published = read_published(project.root, target) if target.exists() else None
    known = {uid: r.parts for uid, r in published.records.items() if r.kind == "loader"} if published else {}
    prep = api.prepare(project_dir, project, known)
    # the sources that document a loader's tables (prepare drops them from the project)
    loader_tables = {k: v for k, v in project.sources.items() if k not in prep.project.sources}
    project = prep.project

    con = api.open_readonly(target) if target.exists() else None
    try:
        warehouse = catalog.read_warehouse(con) if con is not None else None
        schema = catalog.declared_schema(project, loader_tables)
        if warehouse:
            schema.update(warehouse["columns"])
        column_lineage = lineage.compute(project.models, order(prep.graph), schema,
                                         project.root / "target" / "docs_lineage.json")
        results = catalog.run_results(project.root, target, project.name.replace(".", "_"))
        nodes = catalog.nodes(project, prep, loader_tables, prep.tests, warehouse, results["results"],
                              column_lineage)
        overview = facts.overview(con, set(warehouse["kinds"])) if con is not None else None
    finally:
        if con is not None:
            con.close()

    documents = overview.pop("documents") if overview else {}
    graphs = _graphs(nodes)
    marts = _mart_models(project, prep.graph)
    return {
        "project": {"name": project.name, "root": str(project.root),
                    "warehouse": str(target) if warehouse is not None else None,
                    "warehouse_missing": str(target) if warehouse is None else None,
                    "run": results.get("run"), "run_other_db": results.get("other_db"),
                    "generated_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "counts": _counts(nodes), "marts": marts},
        "nodes": nodes,
        "folders": graphs.pop("folders"),
        "graphs": graphs,
        "column_lineage": {m: _column_graphs(m, column_lineage, nodes) for m in marts},
        "facts": overview,
        "documents": {k: {kk: vv for kk, vv in v.items() if kk != "text"} for k, v in documents.items()},
        "_document_texts": documents,
    }


def _counts(nodes: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in nodes.values():
        out[n["kind"]] = out.get(n["kind"], 0) + 1
    return out


def _mart_models(project, graph) -> list[str]:
    """The models whose columns get lineage: the `marts` schema's, else the models nothing reads."""
    marts = sorted(n for n, m in project.models.items() if m.schema == "marts")
    if marts:
        return marts
    read = {p for parents in graph.values() for p in parents}
    return sorted(n for n in project.models if n not in read)


def label(name: str) -> str:
    """What a project graph writes in a relation's box (the page's app.js draws the same)."""
    return name.split(".", 1)[1]


def _edges(nodes: dict) -> list[tuple[str, str]]:
    return [(p, n) for n, item in nodes.items() for p in item["parents"] if p in nodes]


def _graphs(nodes: dict) -> dict:
    """The project graph, whole and collapsed by folder (each folder opened in turn), and each
    relation's neighbourhood."""
    from warehouse.docs.layout import layered, text_width

    edges = _edges(nodes)
    folder_order = {f: i for i, f in enumerate(_folder_order(nodes))}

    def key(n: str):
        if n.startswith("folder:"):
            return (folder_order.get(n[7:], 0), "")
        return (folder_order.get(nodes[n]["folder"], 0), n)

    # boxes as wide as the label the page draws: the relation's name without its schema (the
    # layer, colour and tooltip tell it), so a rank is narrow and more of the graph fits the screen
    sizes = {n: (text_width(label(n)), NODE_HEIGHT) for n in nodes}
    out: dict = {"project": layered(sizes, edges, order_key=key)}

    folders: dict[str, dict] = {}
    for n, item in nodes.items():
        f = folders.setdefault(item["folder"], {"id": item["folder"], "members": [], "kinds": {}})
        f["members"].append(n)
        f["kinds"][item["kind"]] = f["kinds"].get(item["kind"], 0) + 1
    for f in folders.values():
        f["members"].sort()
        f["label"] = f"{f['id']}/ ({len(f['members'])})"

    def collapsed(opened: str | None) -> dict:
        group = {n: n if item["folder"] == opened else "folder:" + item["folder"]
                 for n, item in nodes.items()}
        grouped_edges = {(group[a], group[b]) for a, b in edges if group[a] != group[b]}
        group_sizes = {g: (text_width(folders[g[7:]]["label"]) if g.startswith("folder:")
                           else text_width(label(g)), NODE_HEIGHT) for g in set(group.values())}
        return layered(group_sizes, grouped_edges, order_key=key)

    out["folders"] = folders
    if len(folders) > 1:
        out["collapsed"] = collapsed(None)
        if len(folders) <= EXPANDED_LAYOUTS:
            out["opened"] = {f: collapsed(f) for f in sorted(folders)}
    out["neighbourhoods"] = {n: _neighbourhood(n, nodes, sizes, edges, key) for n in nodes}
    return out


def _folder_order(nodes: dict) -> list[str]:
    """Folders in the order data flows: loaders, sources, seeds, then model folders."""
    rank = {"loader": 0, "source": 1, "seed": 2, "model": 3}
    return sorted({n["folder"] for n in nodes.values()},
                  key=lambda f: (min(rank[n["kind"]] for n in nodes.values() if n["folder"] == f), f))


def _neighbourhood(name: str, nodes: dict, sizes, edges, key) -> dict:
    """Upstream and downstream of one relation, as deep as fits in NEIGHBOURHOOD nodes."""
    from warehouse.docs.layout import layered

    keep = {name}
    ups, downs = {name}, {name}
    depth = 0
    while True:
        ups = {p for n in ups for p in nodes[n]["parents"] if p in nodes} - keep
        downs = {c for n in downs for c in nodes[n]["children"] if c in nodes} - keep
        if not ups and not downs:
            break
        if len(keep) + len(ups) + len(downs) > NEIGHBOURHOOD and depth > 0:
            break
        keep |= ups | downs
        depth += 1
    sub = [(a, b) for a, b in edges if a in keep and b in keep]
    layout = layered({n: sizes[n] for n in keep}, sub, order_key=key)
    upstream = _closure(name, nodes, "parents")
    downstream = _closure(name, nodes, "children")
    layout["depth"] = depth
    layout["complete"] = keep >= upstream | downstream
    layout["upstream"], layout["downstream"] = len(upstream) - 1, len(downstream) - 1
    return layout


def _closure(name: str, nodes: dict, direction: str) -> set[str]:
    seen, stack = {name}, [name]
    while stack:
        for nxt in nodes[stack.pop()][direction]:
            if nxt in nodes and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _column_graphs(model: str, column_lineage, nodes: dict) -> dict:
    """For each column of a mart: the relations and columns it is computed from, laid out (one
    box per relation listing its columns), and the leaves (raw tables, seeds, sources)."""
    from warehouse.docs.layout import LINE_HEIGHT, layered, text_width

    out = {}
    for column in column_lineage.columns.get(model, []):
        seen, edges = column_lineage.upstream((model, column))
        by_relation: dict[str, list[str]] = {}
        for rel, col in sorted(seen):
            by_relation.setdefault(rel, []).append(col)
        rel_edges = {(a[0], b[0]) for a, b in edges if a[0] != b[0]}
        sizes = {r: (max(text_width(r), *(text_width("  " + c) for c in cols)),
                     LINE_HEIGHT * (len(cols) + 1) + 8) for r, cols in by_relation.items()}
        leaves = sorted(column_lineage.leaves((model, column)))
        out[column] = {
            "relations": by_relation,
            "edges": sorted([list(a) + list(b) for a, b in edges]),
            "leaves": [list(c) for c in leaves],
            "untraced": sorted(column_lineage.lost((model, column))),
            "layout": layered(sizes, rel_edges, gap_x=40, sweeps=4),
            "kinds": {r: nodes[r]["kind"] if r in nodes else "unknown" for r in by_relation},
        }
    return out


def _script(variable: str, payload) -> str:
    # "</" cannot end the script early inside a JSON string; U+2028/9 are not line ends in JSON
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{variable} = {text};\n"


def write(data: dict, target: Path) -> None:
    """Write the site into a fresh folder next to `target`, then put it in place: a reader never
    sees half a site, and a folder this module did not write is never replaced."""
    if target.exists() and not target.is_dir():
        raise ProjectError(f"--out {target} is a file", hint="pass a folder for the site")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ProjectError(f"--out {target} is a folder with other files in it",
                           hint="pass an empty or new folder (the site replaces its whole folder)")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    try:
        (staging / "data" / "documents").mkdir(parents=True)
        shutil.copytree(ASSETS, staging / "assets", ignore=shutil.ignore_patterns("index.html"))
        title = data["project"]["name"]
        html = (ASSETS / "index.html").read_text(encoding="utf-8").replace(
            "{{title}}", title.replace("&", "&amp;").replace("<", "&lt;"))
        (staging / "index.html").write_text(html, encoding="utf-8")
        texts = data.pop("_document_texts", {})
        (staging / "data" / "site.js").write_text(_script("window.SITE", data), encoding="utf-8")
        for doc_id, page in texts.items():
            name = "".join(ch for ch in doc_id if ch.isalnum() or ch in "-_")
            (staging / "data" / "documents" / f"{name}.js").write_text(
                _script(f"window.SITE_DOCUMENTS[{json.dumps(doc_id)}]", page), encoding="utf-8")
        (staging / MARKER).write_text("written by `warehouse docs`; replaced whole on the next run\n",
                                      encoding="utf-8")
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
