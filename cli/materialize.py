"""Materializations: view, table, incremental (delete+insert on `unique_key`), ephemeral (not
built: its readers carry its query as a CTE, see `warehouse.dag.inline_ephemerals`).

An incremental model may read its own previous rows (`where loaded_at > (select
coalesce(max(loaded_at), '-infinity') from marts.events)`, dbt's `is_incremental()` pattern
without Jinja). On its first build, or with `--full-refresh`, that self-reference reads an
empty table of the model's own shape: the shape is found by running the query with the
self-reference replaced by a relation of nulls and no rows (`_probe`), the empty table is
created from it, then the query's rows are inserted.
"""

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
    if model.materialized == "ephemeral":     # inlined into its readers (dag.inline_ephemerals)
        if found:
            cur.execute(f"drop {found} {rel}").fetchall()
        return None
    if model.materialized == "view":
        if found == "table":
            cur.execute(f"drop table {rel}").fetchall()
        cur.execute(f"create or replace view {rel} as\n{model.body}\n").fetchall()
        return None
    if found == "view":
        cur.execute(f"drop view {rel}").fetchall()
        found = None
    if model.reads_itself and (found is None or full_refresh):
        cur.execute(f"drop table if exists {rel}").fetchall()
        cur.execute(f"create table {rel} as select * from (\n{_probe(model)}\n) limit 0").fetchall()
        return cur.execute(f"insert into {rel} by name\n{model.body}\n").fetchall()[0][0]
    if model.materialized == "table" or found is None or full_refresh:
        return _rows(cur, rel, cur.execute(f"create or replace table {rel} as\n{model.body}\n").fetchall())
    return _merge(cur, model, rel)


def _probe(model: Model) -> str:
    """The model's query with each reference to itself replaced by a relation of no rows whose
    columns (typed null) are those the query reads from it: its output has the model's shape."""
    import sqlglot
    from sqlglot import exp

    statement = sqlglot.parse_one(model.body, read="duckdb")
    for table in list(statement.find_all(exp.Table)):
        if not isinstance(table.this, exp.Identifier):
            continue
        if f"{(table.db or 'main').lower()}.{table.name.lower()}" != model.name:
            continue
        alias = table.alias_or_name
        select = table.find_ancestor(exp.Select)
        alone = select is not None and len([t for t in select.find_all(exp.Table)
                                            if t.find_ancestor(exp.Select) is select]) == 1
        names = sorted({c.name for c in (select.find_all(exp.Column) if select else ())
                        if c.table.lower() == alias.lower() or (not c.table and alone)})
        empty = exp.select(*[exp.alias_(exp.Null(), n, quoted=True) for n in names or ["_none"]]).where(
            exp.false())
        table.replace(exp.Subquery(this=empty, alias=exp.TableAlias(this=exp.to_identifier(alias))))
    return statement.sql(dialect="duckdb")


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
