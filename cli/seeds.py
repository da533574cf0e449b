"""Seeds: CSV files loaded as `seeds.<stem>`, typed by DuckDB's CSV reader.

A seed is UTF-8, comma-separated CSV with a header row (RFC 4180 quoting). `check_seed`
rejects what DuckDB's sniffer would otherwise load silently and wrongly: an empty file (a
table with one column `column0`), rows with more or fewer fields than the header (the whole
file read as one column `a,b,c`), other encodings, and empty or repeated column names.
"""

from __future__ import annotations

import csv
import io

from warehouse.errors import ProjectError
from warehouse.project import Seed
from warehouse.sql import literal, relation
from warehouse.yamlfile import decode

_HINT = "a seed is UTF-8 CSV: a header row, then rows with as many comma-separated fields"


def check_seed(seed: Seed) -> None:
    """Raise a ProjectError naming the file and line of the first problem."""
    text = decode(seed.path.read_bytes(), seed.rel_path, hint="save the file as UTF-8 (" + _HINT + ")")
    if '"' not in text and "\r" not in text:   # no quoting: counting commas per line is enough (fast)
        lines = text.split("\n")
        if len({line.count(",") for line in lines if line}) == 1:
            first = next((i for i, line in enumerate(lines) if line), None)
            if first is not None:
                _check_header(seed, lines[first].split(","), first + 1)
                return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = None
    try:
        for row in reader:
            if not row or row == [""]:       # blank lines are skipped, as DuckDB does
                continue
            if header is None:
                header = row
                _check_header(seed, header, reader.line_num)
                continue
            if len(row) != len(header):
                raise ProjectError(f"row has {len(row)} fields, the header has {len(header)}",
                                   file=seed.rel_path, line=reader.line_num,
                                   hint=_HINT + " (quote a value that holds a comma)")
    except csv.Error as exc:
        raise ProjectError(f"cannot read the CSV: {exc}", file=seed.rel_path, line=reader.line_num,
                           hint=_HINT) from None
    if header is None:
        raise ProjectError("the seed is empty: it needs a header row", file=seed.rel_path,
                           hint="add a header row naming the columns, or delete the file")


def _check_header(seed: Seed, header: list[str], line: int) -> None:
    seen: dict[str, str] = {}
    for i, name in enumerate(header, 1):
        if not name.strip():
            raise ProjectError(f"column {i} of the header has no name", file=seed.rel_path, line=line,
                               hint=_HINT)
        key = name.strip().lower()
        if key in seen:
            raise ProjectError(f"column {name!r} appears twice in the header (as {seen[key]!r} too)",
                               file=seed.rel_path, line=line, hint="column names must differ (ignoring case)")
        seen[key] = name


def load_seed(cur, seed: Seed) -> int:
    """Replace `seeds.<stem>` with the CSV's rows; return the row count."""
    # sample the whole file: reference data is small and a late odd value must not mistype a column;
    # the dialect is fixed (the one check_seed read) rather than sniffed
    # `column_types` from YAML fix a column's type (a zip code as varchar, a date as date)
    types = ""
    if seed.column_types:
        pairs = ", ".join(f"{literal(c)}: {literal(t)}" for c, t in seed.column_types.items())
        types = f", types = {{{pairs}}}"
    sql = (f"create or replace table {relation(seed.name)} as "
           f"select * from read_csv({literal(str(seed.path))}, header = true, sample_size = -1, "
           f"delim = ',', quote = '\"', escape = '\"'{types})")
    return cur.execute(sql).fetchall()[0][0]
