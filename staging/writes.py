"""Rows into DuckDB tables in large batches: an Arrow table registered and inserted with one
`insert ... select`, typed like the table's declared columns (`staging.raw_tables`, so the
table is the same as with row inserts). A few rows go through one multi-row VALUES statement
instead, which spares importing pyarrow (0.15 s) in a build that extracts little or nothing."""

from __future__ import annotations

import itertools

ARROW_FROM = 1000          # rows: fewer go through VALUES statements
_counter = itertools.count()


def _arrow_type(pa, duck: str):
    return {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()),
    }.get(duck.upper())


def insert(con, table, rows: list[tuple]) -> None:
    """Insert `rows` (tuples in the order of the columns of `table`, a `staging.raw_tables.Table`)."""
    if not rows:
        return
    columns = table.types
    names = ", ".join(columns)
    if len(rows) < ARROW_FROM:
        one = "(" + ", ".join("?" * len(columns)) + ")"
        for start in range(0, len(rows), 500):
            part = rows[start:start + 500]
            con.execute(f"insert into {table.name} ({names}) values " + ", ".join([one] * len(part)),
                        [value for row in part for value in row])
        return
    import pyarrow as pa

    arrays = [pa.array(values, type=_arrow_type(pa, kind))
              for values, kind in zip(zip(*rows, strict=True), columns.values(), strict=True)]
    frame = pa.Table.from_arrays(arrays, names=list(columns))
    view = f"_warehouse_rows_{next(_counter)}"
    con.register(view, frame)
    try:
        con.execute(f"insert into {table.name} ({names}) select {names} from {view}")
    finally:
        con.unregister(view)
