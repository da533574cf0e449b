"""Materializations: view, table, incremental (delete+insert on `unique_key`)."""

from __future__ import annotations

from warehouse.project import Model
from warehouse.sql import quote, relation


def build_model(cur, model: Model, existing: dict[str, str], full_refresh: bool) -> int | None:
    """Build one model with cursor `cur`; return its row count (None for views).

    `existing` maps relation -> "table" | "view" as found in the build file before the run;
    a model whose materialization changed drops the old object first.
    """
    rel = relation(model.name)
    found = existing.get(model.name)
    if model.materialized == "view":
        if found == "table":
            cur.execute(f"drop table {rel}").fetchall()
        cur.execute(f"create or replace view {rel} as\n{model.body}\n").fetchall()
        return None
    if found == "view":
        cur.execute(f"drop view {rel}").fetchall()
        found = None
    if model.materialized == "table" or found is None or full_refresh:
        return _rows(cur, rel, cur.execute(f"create or replace table {rel} as\n{model.body}\n").fetchall())
    return _merge(cur, model, rel)


def _rows(cur, rel: str, result: list) -> int:
    """The row count `create table as` returns; a PIVOT statement returns none, so count."""
    if result and result[0]:
        return result[0][0]
    return cur.execute(f"select count(*) from {rel}").fetchall()[0][0]


def _merge(cur, model: Model, rel: str) -> int:
    """Incremental: new rows replace old rows with the same unique_key; others are appended."""
    staged = quote(f"__warehouse_new_{model.schema}_{model.alias}")
    cur.execute(f"create or replace temp table {staged} as\n{model.body}\n").fetchall()
    try:
        if model.unique_key:
            match = " and ".join(f"{rel}.{quote(k)} = {staged}.{quote(k)}" for k in model.unique_key)
            cur.execute(f"delete from {rel} using {staged} where {match}").fetchall()
        try:
            return cur.execute(f"insert into {rel} by name select * from {staged}").fetchall()[0][0]
        except Exception as exc:  # noqa: BLE001 - columns changed since the table was created
            raise RuntimeError(f"{str(exc).splitlines()[0]}\nthe model's columns no longer match its "
                               "table: rebuild it with --full-refresh") from None
    finally:
        cur.execute(f"drop table if exists temp.{staged}").fetchall()
