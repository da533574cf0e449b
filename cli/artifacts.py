"""`target/run_results.json` and `target/manifest.json` in dbt's artifact schemas.

Tools that read dbt artifacts (dbt-artifacts-parser, elementary, data catalogs) read these:
run results v6 (status, timing, execution time, rows affected, failures) and manifest v12
(nodes with their config, columns and `depends_on`, sources, parent and child maps). A
node's `unique_id` is dbt's `<resource type>.<project>.<name>` with this engine's own name
(`model.shop.marts.orders`, `test.shop.unique:marts.orders.order_id`), so the two files
join on it; `args.warehouse` holds this engine's summary of the run (command, published,
counts). Only the fields dbt's readers use are filled; the others keep dbt's defaults.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

# the dbt release whose artifact schemas these files follow
DBT_VERSION = "1.10.0"
RUN_RESULTS_SCHEMA = "https://schemas.getdbt.com/dbt/run-results/v6.json"
MANIFEST_SCHEMA = "https://schemas.getdbt.com/dbt/manifest/v12.json"
RESOURCE_TYPES = {"model": "model", "seed": "seed", "source": "source", "test": "test", "loader": "operation"}
_INVOCATION = str(uuid.uuid4())


def _package(project) -> str:
    return project.name.replace(".", "_")


def node_id(project, kind: str, name: str) -> str:
    """dbt's unique id of a node: `model.<project>.marts.orders`."""
    return f"{RESOURCE_TYPES[kind]}.{_package(project)}.{name}"


def _metadata(project, schema: str) -> dict:
    return {"dbt_schema_version": schema, "dbt_version": DBT_VERSION,
            "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "invocation_id": _INVOCATION}


def _write(path: Path, payload: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")   # concurrent runs never share a temp file
    try:
        tmp.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _relation_name(db: str, name: str) -> str:
    schema, _, alias = name.partition(".")
    return f'"{db}"."{schema}"."{alias}"'


def write_run_results(project, summary: dict, results: list) -> Path:
    """`target/run_results.json` (written on failure too; that is when it matters)."""
    db = Path(summary["db"]).stem
    items = []
    for r in results:
        started = (datetime.fromisoformat(r.started_at) if r.started_at
                   else datetime.now(UTC) - timedelta(seconds=r.elapsed))
        done = started + timedelta(seconds=r.elapsed)
        response = {"_message": r.message or r.status.upper(), "code": r.materialized or r.kind}
        if r.rows is not None:
            response["rows_affected"] = r.rows
        items.append({
            "status": r.status,
            "timing": [{"name": "execute", "started_at": started.isoformat().replace("+00:00", "Z"),
                        "completed_at": done.isoformat().replace("+00:00", "Z")}],
            "thread_id": "Thread-1", "execution_time": round(r.elapsed, 4), "adapter_response": response,
            "message": r.message, "failures": r.failures, "unique_id": node_id(project, r.kind, r.unique_id),
            "compiled": r.kind in ("model", "test"),
            "relation_name": _relation_name(db, r.unique_id) if r.kind in ("model", "seed", "source")
            and r.materialized != "ephemeral" else None})
    payload = {"metadata": _metadata(project, RUN_RESULTS_SCHEMA), "results": items,
               "elapsed_time": summary["elapsed"],
               "args": {"which": summary["command"], "warehouse": summary}}
    return _write(project.root / "target" / "run_results.json", payload)


def _checksum(text: str | bytes) -> dict:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return {"name": "sha256", "checksum": hashlib.sha256(data).hexdigest()}


def _columns(columns: dict[str, str]) -> dict:
    return {c: {"name": c, "description": d or "", "meta": {}, "data_type": None, "constraints": [],
                "quote": None, "tags": []} for c, d in columns.items()}


def _after(seconds: float | None) -> dict:
    if seconds is None:
        return {"count": None, "period": None}
    for period, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            return {"count": int(seconds // size), "period": period}
    return {"count": int(seconds // 60), "period": "minute"}


def write_manifest(project, tests: list, db: str | Path) -> Path:
    """`target/manifest.json`: models, seeds, tests and sources with their dependencies."""
    package, db = _package(project), Path(db).stem
    nodes, sources = {}, {}
    parent_map: dict[str, list[str]] = {}

    def ref(name: str) -> str:
        kind = ("model" if name in project.models else "seed" if name in project.seeds
                else "source" if name in project.sources else None)
        return node_id(project, kind, name) if kind else name

    for name, seed in sorted(project.seeds.items()):
        uid = node_id(project, "seed", name)
        nodes[uid] = {
            "database": db, "schema": "seeds", "name": name.split(".", 1)[1], "resource_type": "seed",
            "package_name": package, "path": Path(seed.rel_path).name, "original_file_path": seed.rel_path,
            "unique_id": uid, "fqn": [package, name.split(".", 1)[1]], "alias": name.split(".", 1)[1],
            "checksum": _checksum(seed.path.read_bytes()),
            "config": {"enabled": True, "materialized": "seed", "column_types": dict(seed.column_types)},
            "description": seed.description, "columns": _columns(seed.columns),
            "relation_name": _relation_name(db, name), "depends_on": {"macros": []}}
        parent_map[uid] = []
    for name, source in sorted(project.sources.items()):
        uid = node_id(project, "source", name)
        source_name, table = name.split(".", 1)
        sources[uid] = {
            "database": db, "schema": source.schema, "name": table, "resource_type": "source",
            "package_name": package, "path": source.file, "original_file_path": source.file, "unique_id": uid,
            "fqn": [package, source_name, table], "source_name": source_name, "source_description": "",
            "loader": "", "identifier": source.identifier, "description": source.description,
            "columns": _columns(source.columns), "meta": dict(source.meta),
            "loaded_at_field": source.loaded_at_field or None,
            "freshness": {"warn_after": _after(source.warn_after), "error_after": _after(source.error_after),
                          "filter": None},
            "relation_name": _relation_name(db, name),
            "external": {"location": source.path} if source.kind == "files" else None}
        parent_map[uid] = []
    for name, model in sorted(project.models.items()):
        uid = node_id(project, "model", name)
        parents = sorted(ref(p) for p in model.depends_on)
        rel = model.rel_path.split("/", 1)[1] if model.rel_path.startswith("models/") else model.rel_path
        nodes[uid] = {
            "database": db, "schema": model.schema, "name": model.alias, "resource_type": "model",
            "package_name": package, "path": rel, "original_file_path": model.rel_path, "unique_id": uid,
            "fqn": [package, *Path(rel).with_suffix("").parts], "alias": model.alias,
            "checksum": _checksum(model.sql),
            "config": {"enabled": True, "materialized": model.materialized,
                       "unique_key": model.unique_key or None, "tags": list(model.tags),
                       "meta": dict(model.meta)},
            "tags": list(model.tags), "description": model.description, "columns": _columns(model.columns),
            "meta": dict(model.meta), "language": "sql", "raw_code": model.sql, "compiled_code": model.body,
            "compiled": True, "relation_name": None if model.materialized == "ephemeral"
            else _relation_name(db, name),
            "depends_on": {"macros": [], "nodes": parents},
            "sources": [p.split(".", 1) for p in sorted(model.depends_on) if p in project.sources]}
        parent_map[uid] = parents
    for test in tests:
        uid = node_id(project, "test", test.unique_id)
        parents = sorted(ref(p) for p in test.depends_on)
        kind, _, target = test.unique_id.partition(":")
        nodes[uid] = {
            "database": db, "schema": "audit" if test.audit else "main", "name": test.unique_id,
            "resource_type": "test", "package_name": package, "path": test.file,
            "original_file_path": test.file, "unique_id": uid, "fqn": [package, test.unique_id],
            "alias": (test.audit or test.unique_id).split(".")[-1],
            "checksum": _checksum(test.sql),
            "config": {"enabled": True, "materialized": "test", "severity": test.severity.upper(),
                       "warn_if": test.warn_if, "error_if": test.error_if,
                       "store_failures": bool(test.audit)},
            "language": "sql", "compiled": True, "compiled_code": test.sql,
            "relation_name": _relation_name(db, test.audit) if test.audit else None,
            "depends_on": {"macros": [], "nodes": parents},
            "test_metadata": None if kind == "singular" else {"name": kind, "kwargs": {}, "namespace": None}}
        parent_map[uid] = parents
    child_map: dict[str, list[str]] = {uid: [] for uid in parent_map}
    for uid, parents in parent_map.items():
        for parent in parents:
            child_map.setdefault(parent, []).append(uid)
    payload = {
        "metadata": {**_metadata(project, MANIFEST_SCHEMA), "project_name": project.name,
                     "adapter_type": "duckdb"},
        "nodes": nodes, "sources": sources, "macros": {}, "docs": {}, "exposures": {}, "metrics": {},
        "groups": {}, "selectors": {}, "disabled": {}, "parent_map": parent_map,
        "child_map": {k: sorted(v) for k, v in child_map.items()}, "group_map": {}, "saved_queries": {},
        "semantic_models": {}, "unit_tests": {}}
    return _write(project.root / "target" / "manifest.json", payload)
