"""What the site says about each relation: the project's declarations joined with the warehouse.

One entry per model, seed, source and loader table, with its description, materialization, tags,
columns (the warehouse's real types, the YAML's descriptions), data tests with the last run's
status (`target/run_results.json`), row count, SQL, parents and children. Everything the
warehouse lacks (not built yet, an older file) is left empty, not an error.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from warehouse.sql import relation


def read_warehouse(con) -> dict:
    """Columns (with types), kind and row count of every relation of the published file."""
    rows = con.execute(
        "select schema_name, table_name, column_name, data_type from duckdb_columns() "
        "where database_name = '_warehouse_' and schema_name <> '_warehouse' "
        "order by schema_name, table_name, column_index").fetchall()
    columns: dict[str, dict[str, str]] = {}
    for schema, table, column, data_type in rows:
        columns.setdefault(f"{schema}.{table}".lower(), {})[column] = data_type
    kinds = dict(con.execute(
        "select lower(schema_name || '.' || table_name), 'table' from duckdb_tables() "
        "where database_name = '_warehouse_' union all "
        "select lower(schema_name || '.' || view_name), 'view' from duckdb_views() "
        "where database_name = '_warehouse_' and not internal").fetchall())
    counts: dict[str, int] = {}
    names = sorted(n for n in kinds if not n.startswith("_warehouse.") and n in columns)
    # one query for every count: DuckDB answers a table's count from its metadata; a view runs
    for start in range(0, len(names), 200):
        chunk = names[start:start + 200]
        sql = " union all ".join(f"select {i} as i, count(*) as n from {relation(n)}"
                                 for i, n in enumerate(chunk))
        try:
            counts.update({chunk[i]: n for i, n in con.execute(sql).fetchall()})
        except Exception:  # noqa: BLE001 - a view whose input is gone: count the others one by one
            for n in chunk:
                try:
                    counts[n] = con.execute(f"select count(*) from {relation(n)}").fetchall()[0][0]
                except Exception:  # noqa: BLE001 - left without a count
                    pass
    return {"columns": columns, "kinds": kinds, "rows": counts}


def run_results(root: Path, db: Path, package: str) -> dict:
    """The last run's test results for the warehouse `db` ({} when the last run was another
    file's): unique id (without dbt's `test.<project>.` prefix) -> result, and the run's summary."""
    path = root / "target" / "run_results.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"results": {}, "run": None}
    summary = (data.get("args") or {}).get("warehouse") or {}
    if summary.get("db") and Path(summary["db"]).resolve() != db.resolve():
        return {"results": {}, "run": None, "other_db": summary.get("db")}
    prefix = f"test.{package}."
    results = {}
    for r in data.get("results", []):
        uid = r.get("unique_id", "")
        if uid.startswith(prefix):
            results[uid[len(prefix):]] = {"status": r.get("status"), "failures": r.get("failures"),
                                          "message": r.get("message")}
    run = {"command": summary.get("command"), "started_at": summary.get("started_at"),
           "generated_at": (data.get("metadata") or {}).get("generated_at"),
           "up_to_date": bool(summary.get("up_to_date"))}
    return {"results": results, "run": run}


def seed_columns(path: Path) -> list[str]:
    """A seed's header row (the warehouse's columns when it is built)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return [c.strip().lower() for c in next(csv.reader(f), [])]
    except (OSError, UnicodeDecodeError):
        return []


def declared_schema(project, loader_tables: dict) -> dict[str, dict[str, str]]:
    """Columns known without a warehouse: seeds' headers and declared source columns."""
    out: dict[str, dict[str, str]] = {}
    for name, seed in project.seeds.items():
        out[name] = {c: seed.column_types.get(c, "unknown") for c in seed_columns(seed.path)}
    for source in list(project.sources.values()) + list(loader_tables.values()):
        if source.columns:
            out[source.name] = {c: "unknown" for c in source.columns}
    return out


def _folder(kind: str, item) -> str:
    if kind == "model":
        return str(Path(item.rel_path).parent.as_posix())
    if kind == "seed":
        return "seeds"
    if kind == "loader":
        return f"loader {item}"
    return "sources/" + item.name.split(".", 1)[0]


def nodes(project, prep, loader_tables: dict, tests_compiled: list, warehouse: dict | None,
          results: dict, lineage) -> dict[str, dict]:
    """Every relation of the project as the site shows it, by name."""
    wh_columns = warehouse["columns"] if warehouse else {}
    wh_rows = warehouse["rows"] if warehouse else {}
    wh_kinds = warehouse["kinds"] if warehouse else {}
    out: dict[str, dict] = {}

    def columns_of(name: str, described: dict[str, str], fallback: list[str]) -> list[dict]:
        real = wh_columns.get(name)
        names = list(real) if real else list(fallback)
        names += [c for c in described if c not in names]
        return [{"name": c, "type": (real or {}).get(c), "description": described.get(c, ""),
                 "missing": bool(real) and c not in real, "tests": []} for c in names]

    def base(name, kind, folder, path, description, cols):
        return {"id": name, "kind": kind, "schema": name.split(".", 1)[0], "alias": name.split(".", 1)[1],
                "folder": folder, "path": path, "description": description or "", "columns": cols,
                "tests": [], "rows": wh_rows.get(name), "relation": wh_kinds.get(name),
                "parents": [], "children": [], "tags": [], "materialized": None, "sql": None}

    for name, seed in sorted(project.seeds.items()):
        out[name] = base(name, "seed", "seeds", seed.rel_path, seed.description,
                         columns_of(name, seed.columns, seed_columns(seed.path)))
        out[name]["materialized"] = "seed"
    for loader in prep.loaders:
        for name in sorted(loader.provides):
            declared = loader_tables.get(name)
            item = base(name, "loader", _folder("loader", loader.name),
                        declared.file if declared else "", declared.description if declared else "",
                        columns_of(name, declared.columns if declared else {}, []))
            item["loader"] = loader.name
            item["materialized"] = "loader"
            out[name] = item
    for name, source in sorted(project.sources.items()):
        item = base(name, "source", _folder("source", source), source.file, source.description,
                    columns_of(name, source.columns, []))
        item["materialized"] = "source"
        item["source"] = {"kind": source.kind, "location": source.path or source.relation}
        out[name] = item
    for name, model in project.models.items():
        item = base(name, "model", _folder("model", model), model.rel_path, model.description,
                    columns_of(name, model.columns, lineage.columns.get(name, [])))
        item.update(materialized=model.materialized, tags=list(model.tags), sql=model.sql,
                    parents=sorted(model.depends_on), unique_key=list(model.unique_key))
        if name in lineage.errors:
            item["lineage_error"] = lineage.errors[name]
        out[name] = item
    for name, item in out.items():
        for parent in item["parents"]:
            if parent in out:
                out[parent]["children"].append(name)
    for item in out.values():
        item["children"].sort()

    by_spec = list(zip(project.tests, tests_compiled, strict=False))
    for spec, test in by_spec:
        result = results.get(test.unique_id) or {}
        entry = {"id": test.unique_id, "kind": spec.kind, "column": spec.column, "severity": spec.severity,
                 "file": test.file, "status": result.get("status"), "failures": result.get("failures"),
                 "message": result.get("message")}
        targets = [spec.model] if spec.model else sorted(test.depends_on)
        for target in targets:
            item = out.get(target)
            if item is None:
                continue
            item["tests"].append(entry)
            if spec.column and target == spec.model:
                for col in item["columns"]:
                    if col["name"] == spec.column.lower() or col["name"] == spec.column:
                        col["tests"].append(entry["id"])
    return out
