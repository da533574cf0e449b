"""Column-level lineage: which columns of which relations each model column is computed from.

Each model's SQL is parsed as the engine parses it (`warehouse.dag.parse_select`) and handed to
sqlglot's lineage, one model at a time, with the columns of every relation as its schema (so
`select *` expands). That gives each output column its direct parents (columns of the relations
the model reads); chaining those across models reaches the raw tables, seeds and sources at the
bottom. One model at a time rather than every model expanded into one query (sqlglot's
`sources=`): the same answer, and each model is qualified once instead of once per column that
reaches it (0.5 s for this project's 45 models instead of several seconds).

Those 0.5 s are a quarter of the time the site may take to generate, so each model's result is
kept in `target/docs_lineage.json`, keyed by its SQL, the columns of the relations it reads and
the sqlglot version: an entry is only used for exactly the input that produced it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

Column = tuple[str, str]            # (relation "schema.name", column)
CACHE_FORMAT = 2


@dataclass
class Lineage:
    """Direct parents of every model column, and what could not be traced."""

    parents: dict[Column, set[Column]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)     # model -> output columns, in order
    errors: dict[str, str] = field(default_factory=dict)            # model -> why it has no lineage
    # model column -> names sqlglot stopped at that are no relation (a CTE over PIVOT, say)
    untraced: dict[Column, set[str]] = field(default_factory=dict)

    def upstream(self, column: Column) -> tuple[set[Column], set[tuple[Column, Column]]]:
        """Every column `column` is computed from, at any depth, and the edges (parent, child)
        between them; the column itself is included."""
        seen = {column}
        edges: set[tuple[Column, Column]] = set()
        stack = [column]
        while stack:
            child = stack.pop()
            for parent in self.parents.get(child, ()):
                edges.add((parent, child))
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen, edges

    def lost(self, column: Column) -> set[str]:
        """What sqlglot could not trace through anywhere upstream of `column`."""
        seen, _ = self.upstream(column)
        return set().union(*(self.untraced.get(c, set()) for c in seen))

    def leaves(self, column: Column) -> set[Column]:
        """The columns at the bottom: those with no parents of their own (raw tables, seeds,
        sources, or a model column computed from constants)."""
        seen, _ = self.upstream(column)
        return {c for c in seen if c != column and not self.parents.get(c)}


def _quiet() -> None:
    """sqlglot warns on the `sqlglot` logger about what it cannot trace; the site says it itself."""
    import logging

    logging.getLogger("sqlglot").addHandler(logging.NullHandler())
    logging.getLogger("sqlglot").propagate = False


def compute(models: dict, order: list[str], schema: dict[str, dict[str, str]],
            cache_path: Path | None = None) -> Lineage:
    """Lineage of every model column.

    `models`: name -> `warehouse.project.Model`; `order`: their build order; `schema`: relation
    -> {column: type} for every relation known (the warehouse's, else declared); a model missing
    from it gets the columns its select produces, in build order, so models downstream of it
    still expand `select *`. `cache_path`: where results are kept between runs (None: nowhere).
    """
    _quiet()
    import sqlglot

    columns_of = {name: list(cols) for name, cols in schema.items()}
    cache = _read_cache(cache_path, sqlglot.__version__)
    used: dict[str, dict] = {}
    result = Lineage()
    traced = None
    for name in order:
        model = models[name]
        key = hashlib.sha256(json.dumps(
            [model.sql, [[d, columns_of.get(d)] for d in sorted(model.depends_on)]]).encode()).hexdigest()
        entry = cache.get(key)
        if entry is None:
            if traced is None:      # sqlglot only when some model changed since the last run
                traced = _Tracer({n: schema.get(n) or {c: "unknown" for c in cols}
                                  for n, cols in columns_of.items()}, set(models) | set(schema))
            entry = traced.trace(model)
        used[key] = entry
        if entry.get("error"):
            result.errors[name] = entry["error"]
            result.columns[name] = list(schema.get(name, {}))
            continue
        result.columns[name] = entry["columns"]
        for column, parents in entry["parents"].items():
            result.parents[(name, column)] = {tuple(p) for p in parents}
        for column, names in entry.get("untraced", {}).items():
            result.untraced[(name, column)] = set(names)
        if name not in columns_of:
            # an ephemeral model, or one the warehouse lacks: its columns as its select names them
            columns_of[name] = entry["columns"]
            if traced is not None:
                traced.add(name, entry["columns"])
    if traced is not None or set(used) != set(cache):
        _write_cache(cache_path, sqlglot.__version__, used)
    return result


class _Tracer:
    """sqlglot's lineage over one model at a time, with every relation's columns as its schema."""

    def __init__(self, schema: dict[str, dict[str, str]], known: set[str]):
        from sqlglot.schema import MappingSchema

        self.known = known
        nested: dict[str, dict[str, dict[str, str]]] = {}
        for name, cols in schema.items():
            db, _, table = name.partition(".")
            nested.setdefault(db, {})[table] = dict(cols) or {}
        self.mapping = MappingSchema(nested, dialect="duckdb")

    def add(self, name: str, columns: list[str]) -> None:
        from sqlglot import exp

        db, _, table = name.partition(".")
        self.mapping.add_table(exp.table_(table, db=db), {c: "unknown" for c in columns}, dialect="duckdb")

    def trace(self, model) -> dict:
        from sqlglot import exp
        from sqlglot.errors import SqlglotError
        from sqlglot.lineage import lineage
        from warehouse.dag import parse_select
        from warehouse.errors import ProjectError

        try:
            statement, _ = parse_select(model.sql, model.rel_path)
            # trim_selects=False: sqlglot would otherwise copy the whole select for every node
            nodes = lineage(None, statement, schema=self.mapping, dialect="duckdb", trim_selects=False,
                            copy=False, quote_identifiers=False)
        except (SqlglotError, ProjectError, ValueError, KeyError, AttributeError) as exc:
            text = str(exc).splitlines()[0] if str(exc) else ""
            return {"error": f"{type(exc).__name__}: {text}"}
        parents: dict[str, list[list[str]]] = {}
        untraced: dict[str, list[str]] = {}
        for column, node in nodes.items():
            found: set[Column] = set()
            lost: set[str] = set()
            for n in node.walk():
                if n.downstream or n is node or not isinstance(n.expression, exp.Table):
                    continue        # not a leaf, or a leaf sqlglot could not place (a constant)
                relation = f"{n.expression.db or 'main'}.{n.expression.name}".lower()
                source_column = n.name.rsplit(".", 1)[-1].strip('"').lower()
                if relation not in self.known:
                    lost.add(n.expression.name)
                elif source_column != "*":
                    found.add((relation, source_column))
            parents[column] = sorted([list(p) for p in found])
            if lost:
                untraced[column] = sorted(lost)
        return {"columns": list(nodes), "parents": parents, "untraced": untraced}


def _read_cache(path: Path | None, version: str) -> dict:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != [CACHE_FORMAT, version]:
        return {}
    return data.get("entries") or {}


def _write_cache(path: Path | None, version: str, entries: dict) -> None:
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"format": [CACHE_FORMAT, version], "entries": entries}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()        # a cache that cannot be written only costs time next run
