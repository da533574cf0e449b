"""Seeds: CSV files loaded as `seeds.<stem>`, typed by DuckDB's CSV reader."""

from __future__ import annotations

from warehouse.project import Seed
from warehouse.sql import literal, relation


def load_seed(cur, seed: Seed) -> int:
    """Replace `seeds.<stem>` with the CSV's rows; return the row count."""
    # sample the whole file: reference data is small and a late odd value must not mistype a column
    sql = (f"create or replace table {relation(seed.name)} as "
           f"select * from read_csv({literal(str(seed.path))}, header = true, sample_size = -1)")
    return cur.execute(sql).fetchall()[0][0]
