"""Sources: relations the engine reads but does not build, and their freshness.

Declared under `sources:` in a folder's YAML (see `warehouse.project.Source`). Models read
them by name (`shop.orders`), so they take part in the graph like seeds:

- a table already in the warehouse file is used where it is (a view when `schema` or
  `identifier` name it differently); a build never drops it and carries it into every new
  build file; the engine cannot see when another tool changes it, so what reads it is
  rebuilt every build;
- files become a view over `read_parquet`/`read_csv`/`read_json` of their absolute glob;
  their fingerprint is each matched file's name, size and mtime;
- a table of another DuckDB file is copied in from it, attached read-only; its fingerprint
  is that file's size and mtime.
"""

from __future__ import annotations

import glob
import os
import time
from pathlib import Path

from warehouse.errors import ProjectError
from warehouse.project import Project, Source
from warehouse.sql import literal, quote, relation

_READERS = {"parquet": "read_parquet", "csv": "read_csv", "json": "read_json"}


def fingerprint_parts(source: Source) -> dict:
    """What a source's content is known by; a "volatile" part changes every build."""
    if source.kind == "files":
        files = sorted(glob.glob(source.path, recursive=True))
        stats = []
        for path in files:
            try:
                st = os.stat(path)
            except OSError:
                continue
            stats.append([path, st.st_size, st.st_mtime_ns])
        return {"kind": "files", "path": source.path, "format": source.format, "files": stats}
    if source.kind == "database":
        try:
            st = os.stat(source.path)
            stamp = [st.st_size, st.st_mtime_ns]
        except OSError:
            stamp = None
        return {"kind": "database", "path": source.path, "table": source.relation, "stamp": stamp}
    return {"kind": "table", "table": source.relation, "volatile": os.urandom(16).hex()}


def materialize(cur, source: Source) -> int | None:
    """Create the source's relation in the build file (a view or a copy); return rows copied."""
    name = relation(source.name)
    cur.execute(f"create schema if not exists {quote(source.name.split('.', 1)[0])}").fetchall()
    if source.kind == "files":
        if not glob.glob(source.path, recursive=True):
            raise RuntimeError(f"no file matches {source.path}")
        reader = _READERS[source.format]
        cur.execute(f"create or replace view {name} as select * from {reader}({literal(source.path)})"
                    ).fetchall()
        return None
    if source.kind == "database":
        alias = quote(f"_source_{source.name.replace('.', '_')}")
        cur.execute(f"attach {literal(source.path)} as {alias} (read_only)").fetchall()
        try:
            table = f"{alias}.{quote(source.schema)}.{quote(source.identifier)}"
            return cur.execute(f"create or replace table {name} as select * from {table}").fetchall()[0][0]
        finally:
            cur.execute(f"detach {alias}").fetchall()
    # a table of the warehouse under another schema or name: a view gives it the source's name
    cur.execute(f"create or replace view {name} as select * from {relation(source.relation)}").fetchall()
    return None


def check_present(con, project: Project, existing: set[str]) -> None:
    """A table source must be in the build file (another tool loads it): say so before building."""
    for source in sorted(project.sources.values(), key=lambda s: s.name):
        if source.kind == "table" and source.relation not in existing:
            raise ProjectError(f"source {source.name}: no table {source.relation} in the warehouse",
                               file=source.file, line=source.line,
                               hint="load it into the warehouse file first (the engine never creates a "
                                    "table source), or declare `path:` or `database:` to read it from "
                                    "elsewhere")


def allowed_files(project: Project) -> list[Path]:
    """Folders that read-only queries of file sources need (the part of each glob before a wildcard)."""
    out = []
    for source in project.sources.values():
        if source.kind == "files":
            fixed = source.path.split("*", 1)[0].split("?", 1)[0].split("[", 1)[0]
            out.append(Path(fixed) if fixed == source.path else Path(fixed).parent)
    return out


def freshness(con, project: Project, now: float | None = None) -> list[dict]:
    """dbt's `source freshness`: for each source with a `loaded_at_field` and a threshold, the
    newest load and its age; status "pass", "warn", "error", or "runtime error" when it cannot be
    read. Timestamps without a time zone are read as UTC, as dbt does."""
    now = time.time() if now is None else now
    out = []
    for source in sorted(project.sources.values(), key=lambda s: s.name):
        if not source.loaded_at_field or (source.warn_after is None and source.error_after is None):
            continue
        item = {"unique_id": f"source.{source.name}", "name": source.name, "file": source.file,
                "loaded_at_field": source.loaded_at_field, "warn_after": source.warn_after,
                "error_after": source.error_after, "max_loaded_at": None, "age_seconds": None}
        try:
            newest, epoch = con.execute(
                f"select max({quote(source.loaded_at_field)})::varchar, "
                f"epoch(max({quote(source.loaded_at_field)})) from {relation(source.name)}").fetchall()[0]
        except Exception as exc:  # noqa: BLE001 - reported as this source's result
            out.append({**item, "status": "runtime error", "message": str(exc).splitlines()[0]})
            continue
        if epoch is None:
            out.append({**item, "status": "error", "message": f"{source.name} has no rows"})
            continue
        age = now - float(epoch)
        status = "pass"
        if source.error_after is not None and age > source.error_after:
            status = "error"
        elif source.warn_after is not None and age > source.warn_after:
            status = "warn"
        out.append({**item, "status": status, "max_loaded_at": newest, "age_seconds": round(age, 1),
                    "message": None})
    return out
