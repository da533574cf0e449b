"""Dependency inference with sqlglot and the model graph.

A model depends on the tables its query reads (every scope, CTE names excluded), with
names normalised to `schema.name` in lower case (`main` when unqualified; the catalog
is dropped because the build file's catalog name is not the published one).
"""

from __future__ import annotations

import contextlib
import difflib
import graphlib
import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from warehouse.errors import ProjectError
from warehouse.project import Project

_TOKEN = re.compile(r"<Token token_type: [^,]+, text: (.*?), line: \d+.*?>")
SYSTEM_SCHEMAS = {"information_schema", "pg_catalog", "temp", "system"}
CACHE_FORMAT = 3
# table functions that read nothing outside the query: a model using only these is a pure function
# of the relations it reads
_PURE_SOURCES = {"range", "generate_series", "unnest", "values"}


@dataclass
class Reference:
    name: str
    line: int | None


def _quiet_sqlglot() -> None:
    """sqlglot logs what it cannot do ("Cannot traverse scope ...") to the `sqlglot` logger; with
    no handler anywhere Python prints that on stderr. The engine words its own errors."""
    import logging

    logger = logging.getLogger("sqlglot")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def parse_select(sql: str, file: str):
    """Parse one select statement; return it and its text without a trailing ';'."""
    _quiet_sqlglot()
    import sqlglot
    from sqlglot import exp
    from sqlglot.tokens import TokenType

    dialect = sqlglot.Dialect.get_or_raise("duckdb")
    try:
        tokens = dialect.tokenize(sql)
        statements = [s for s in dialect.parser().parse(tokens, sql) if s is not None]
    except sqlglot.errors.ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        message = _TOKEN.sub(r"'\1'", str(first.get("description") or exc))
        raise ProjectError(f"cannot parse SQL: {message}", file=file, line=first.get("line"),
                           hint="fix the SQL syntax (DuckDB dialect)") from None
    except sqlglot.errors.TokenError as exc:
        raise ProjectError(f"cannot parse SQL: {exc}", file=file, hint="fix the SQL syntax") from None
    if not statements:
        raise ProjectError("the file has no SQL statement", file=file, hint="write one select statement")
    if len(statements) > 1:
        raise ProjectError("a model is exactly one select statement; this file has "
                           f"{len(statements)}", file=file, hint="keep one statement per file")
    statement = statements[0]
    if not isinstance(statement, exp.Query | exp.Pivot):  # DuckDB's `pivot t on k using sum(v)` too
        raise ProjectError(f"a model must be a select statement, not {statement.key.upper()}", file=file,
                           hint="write `select ...`; the engine creates the table or view")
    body = sql
    significant = [t for t in tokens if t.token_type != TokenType.SEMICOLON]
    if significant and len(significant) != len(tokens):
        body = sql[: significant[-1].end + 1]
    return statement, body


def tables_read(statement) -> list[Reference]:
    """Relations a query reads, CTEs excluded, in order of appearance."""
    from sqlglot import exp
    from sqlglot.optimizer.scope import traverse_scope

    _quiet_sqlglot()
    tables: list | None = None
    # sqlglot builds no scope for a PIVOT or UNPIVOT statement (a CTE of one would read as a table)
    standalone = any(p.parent is None or isinstance(p.parent, exp.CTE | exp.Subquery)
                     for p in statement.find_all(exp.Pivot))
    if isinstance(statement, exp.Query) and not standalone:
        try:
            tables = [s for scope in traverse_scope(statement) for s in scope.sources.values()
                      if isinstance(s, exp.Table)]
        except Exception:  # noqa: BLE001 - scope building can fail on exotic SQL; walk instead
            tables = None
    cte_names = {c.alias_or_name.lower() for c in statement.find_all(exp.CTE)}
    if tables is None:  # a PIVOT statement, or scopes failed: every table minus the CTE names
        tables = [t for t in statement.find_all(exp.Table)
                  if not (not t.db and t.name.lower() in cte_names)]
    # `recurring.<cte>` in a recursive CTE with USING KEY is that CTE's table so far
    tables = [t for t in tables if not (t.db.lower() == "recurring" and t.name.lower() in cte_names)]
    refs: dict[str, Reference] = {}
    for table in tables:
        ident = table.this
        if not isinstance(ident, exp.Identifier):
            continue                           # table functions: range(), read_csv(), ...
        name = ident.name.lower()
        schema = (table.db or "main").lower()
        if not table.db and ident.quoted and ("." in name or "/" in name):
            continue                           # a file path: from 'data.parquet'
        if schema in SYSTEM_SCHEMAS or (not table.db and name.startswith(("duckdb_", "sqlite_"))):
            continue
        full = f"{schema}.{name}"
        if full not in refs:
            refs[full] = Reference(full, ident.meta.get("line"))
    return list(refs.values())


def reads_outside(statement) -> bool:
    """Whether a query reads files or table functions (read_csv, glob, ...): input the engine
    cannot fingerprint, so a state-aware build rebuilds such a model every time."""
    from sqlglot import exp

    for table in statement.find_all(exp.Table):
        source = table.this
        if isinstance(source, exp.Identifier):
            if not table.db and source.quoted and ("." in source.name or "/" in source.name):
                return True                    # from 'data.parquet'
            continue
        if isinstance(source, exp.GenerateSeries):
            continue
        name = source.name if isinstance(source, exp.Anonymous) else getattr(source, "key", "")
        if str(name).lower() not in _PURE_SOURCES:
            return True
    return False


_DUCKDB = None
_DUCKDB_LOCK = threading.Lock()     # one in-memory connection, for parsing only: one caller at a time


def duckdb_inspect(sql: str) -> tuple[list[Reference], str, bool] | None:
    """References, body and `external` from DuckDB's own parser, or None to ask sqlglot.

    sqlglot costs 0.15 s of CPU to import, more than the rest of a build that rebuilds one
    edited model; DuckDB is imported by that build anyway. Only a single, well-formed select
    is read here: anything else (parse errors, several statements, PIVOT, INSERT...) goes to
    sqlglot, which words the errors. The rules are sqlglot's (`tables_read`, `reads_outside`):
    CTE names are not tables, in the scopes that see them; a name with '.' or '/' and no
    schema is a file; table functions other than range() and generate_series() read outside.
    """
    global _DUCKDB
    try:
        import duckdb

        with _DUCKDB_LOCK:
            if _DUCKDB is None:
                _DUCKDB = duckdb.connect()
            statements = _DUCKDB.extract_statements(sql)
            if len(statements) != 1 or statements[0].type.name != "SELECT":
                return None
            text = _DUCKDB.execute("select json_serialize_sql(?::varchar)", [sql]).fetchall()[0][0]
        tree = json.loads(text)
        if tree.get("error") or len(tree.get("statements", ())) != 1:
            return None
        tokens = duckdb.tokenize(sql)
    except Exception:  # noqa: BLE001 - any doubt: sqlglot decides
        return None
    found: list[tuple[int, str, bool]] = []          # (location, schema.name, is a table), tables only
                                                     # when their references count

    def walk(node, ctes: frozenset) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, ctes)
            return
        if not isinstance(node, dict):
            return
        cte_map = node.get("cte_map")
        if isinstance(cte_map, dict) and cte_map.get("map"):
            ctes = ctes | {str(entry["key"]).lower() for entry in cte_map["map"]}
        kind = node.get("type")
        if kind == "BASE_TABLE":
            schema, name = (node.get("schema_name") or "").lower(), str(node.get("table_name") or "").lower()
            where = node.get("query_location") or 0
            if not schema and ("." in name or "/" in name):
                found.append((where, name, False))           # from 'data.parquet'
            elif schema in SYSTEM_SCHEMAS or (not schema and (name in ctes or
                                                              name.startswith(("duckdb_", "sqlite_")))):
                pass                                         # a CTE, a catalog view
            elif schema == "recurring" and name in ctes:
                pass                                         # a USING KEY CTE's table so far
            else:
                found.append((where, f"{schema or 'main'}.{name}", True))
        elif kind == "TABLE_FUNCTION":
            function = node.get("function") or {}
            if str(function.get("function_name", "")).lower() not in _PURE_SOURCES:
                found.append((node.get("query_location") or 0, "", False))
        for value in node.values():
            if isinstance(value, dict | list):
                walk(value, ctes)

    try:
        walk(tree["statements"][0], frozenset())
    except (KeyError, TypeError, AttributeError):
        return None
    refs: dict[str, Reference] = {}
    for where, name, table in sorted(found):
        if not table:
            continue
        refs.setdefault(name, Reference(name, sql.count("\n", 0, where) + 1))
    external = any(not table for _, _, table in found)
    # the statement without a trailing ';' (and what follows it), as sqlglot cuts it
    semicolons = [i for i, (start, kind) in enumerate(tokens)
                  if kind.name == "operator" and sql.startswith(";", start)]
    body = sql
    if semicolons:
        significant = [i for i, (start, kind) in enumerate(tokens)
                       if kind.name != "comment" and i not in semicolons]
        if not significant:
            return None
        last = significant[-1]
        end = tokens[last + 1][0] if last + 1 < len(tokens) else len(sql)
        body = sql[:end].rstrip()
    return list(refs.values()), body, external


def _sqlglot_version() -> str:
    """sqlglot's version without importing it (a cache hit must not pay for the import)."""
    import importlib.util

    spec = importlib.util.find_spec("sqlglot")
    if spec is None or not spec.origin:
        return "unknown"
    package = Path(spec.origin).parent
    try:
        return (package / "_version.py").read_text(encoding="utf-8")
    except OSError:
        return str(Path(spec.origin).stat().st_mtime_ns)


class ParseCache:
    """Parsed references and statement ends keyed by the SQL text's hash.

    Kept in `target/parse_cache.json`; an entry is only ever used for byte-identical SQL
    with the same sqlglot and cache format, so a stale entry cannot be hit.
    """

    def __init__(self, path: Path | None, use_duckdb: bool = True):
        self.path = path
        self.use_duckdb = use_duckdb      # DuckDB's parser first (duckdb_inspect), sqlglot when in doubt
        self.changed = False
        self.used: set[str] = set()
        self.entries: dict = {}
        self.version = ""
        if path is None:
            return
        self.version = f"{CACHE_FORMAT}/sqlglot-{_sqlglot_version()}"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == self.version:
                self.entries = data.get("entries", {})
        except (OSError, ValueError, AttributeError):
            self.entries = {}

    def inspect(self, sql: str, file: str) -> tuple[list[Reference], str, bool]:
        """References, the statement without a trailing ';', and whether it reads outside the
        warehouse (files, table functions)."""
        key = hashlib.sha256(sql.encode("utf-8")).hexdigest()
        self.used.add(key)
        hit = self.entries.get(key)
        if hit is not None:
            return [Reference(n, line) for n, line in hit["refs"]], sql[: hit["body"]], hit["external"]
        quick = duckdb_inspect(sql) if self.use_duckdb else None
        if quick is not None:
            refs, body, external = quick
        else:
            statement, body = parse_select(sql, file)
            refs = tables_read(statement)
            external = reads_outside(statement)
        self.entries[key] = {"refs": [[r.name, r.line] for r in refs], "body": len(body),
                             "external": external}
        self.changed = True
        return refs, body, external

    def save(self) -> None:
        """Write the entries of the files seen in this run (dropping those of deleted files)."""
        if self.path is None or not (self.changed or set(self.entries) - self.used):
            return
        self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        # one temp name per process: builds of two targets of one project may save at once
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"version": self.version, "entries": self.entries}), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()   # a cache that cannot be written only costs time


def analyse(project: Project, provided: set[str], cache_path: Path | None = None) -> dict[str, set[str]]:
    """Fill each model's `depends_on` and `body`; check references and cycles.

    Returns the graph model -> upstream models. `provided` are relations written by loaders.
    """
    known = project.relation_names() | {p.lower() for p in provided}
    cache = ParseCache(cache_path)
    for model in project.models.values():
        refs, model.body, model.external = cache.inspect(model.sql, model.rel_path)
        model.depends_on = set()
        model.reads_itself = False
        for ref in refs:
            if ref.name == model.name and model.materialized == "incremental":
                model.reads_itself = True          # its previous rows: not a parent, not a cycle
                continue
            if ref.name == model.name:
                raise ProjectError(f"{model.name} reads itself, which only an incremental model may do",
                                   file=model.rel_path, line=ref.line,
                                   hint="make it `materialized: incremental` to read its previous rows")
            _check(ref, known - {model.name}, model.rel_path, model.name)
            model.depends_on.add(ref.name)
    for test in project.tests:
        if test.kind == "singular":
            refs, test.sql, _ = cache.inspect(test.sql, test.file)
            test.args["depends_on"] = set()
            for ref in refs:
                _check(ref, known, test.file, f"test {test.name}")
                test.args["depends_on"].add(ref.name)
    cache.save()
    for test in project.tests:
        target = project.models.get(test.model or "")
        if target is not None and target.materialized == "ephemeral":
            raise ProjectError(f"{test.kind} test on {target.name}: an ephemeral model is no relation "
                               "to test",
                               file=test.file, line=test.line,
                               hint="test the models that read it, or make it a view")
    graph = {name: {d for d in m.depends_on if d in project.models} for name, m in project.models.items()}
    sorter = graphlib.TopologicalSorter(graph)
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        cycle = exc.args[1]
        members = list(dict.fromkeys(cycle))
        first = project.models[members[0]]
        raise ProjectError(f"dependency cycle: {' -> '.join(cycle)} (members: {', '.join(sorted(members))})",
                           file=first.rel_path,
                           hint="one of these models must stop reading another") from None
    if any(m.materialized == "ephemeral" for m in project.models.values()):
        inline_ephemerals(project, graph)
    return graph


def inline_ephemerals(project: Project, graph: dict[str, set[str]]) -> None:
    """dbt's ephemeral models: never built, inlined as CTEs into the body of every model that
    reads them (parents first, so an ephemeral reading an ephemeral carries both)."""
    for name in order(graph):
        model = project.models[name]
        parents = sorted(p for p in model.depends_on
                         if p in project.models and project.models[p].materialized == "ephemeral")
        if parents:
            model.body = _with_ctes(model.body, {p: project.models[p].body for p in parents}, model.rel_path)


def _cte_name(name: str) -> str:
    return "__ephemeral__" + name.replace(".", "__")


def _with_ctes(body: str, ephemerals: dict[str, str], file: str) -> str:
    """`body` reading each of `ephemerals` (name -> select) through a CTE of its own, put first."""
    from sqlglot import exp

    statement, _ = parse_select(body, file)
    if not isinstance(statement, exp.Query):
        raise ProjectError("a PIVOT statement cannot read an ephemeral model", file=file,
                           hint="select from it in a CTE, or make the ephemeral model a view")
    for table in list(statement.find_all(exp.Table)):
        if not isinstance(table.this, exp.Identifier):
            continue
        full = f"{(table.db or 'main').lower()}.{table.name.lower()}"
        if full not in ephemerals:
            continue
        alias = table.alias_or_name                     # `stg_x.col` keeps resolving
        table.set("catalog", None)
        table.set("db", None)
        table.set("this", exp.to_identifier(_cte_name(full)))
        table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))
    ctes = [exp.CTE(this=parse_select(sql, file)[0],
                    alias=exp.TableAlias(this=exp.to_identifier(_cte_name(n))))
            for n, sql in sorted(ephemerals.items())]
    existing = statement.args.get("with_")
    if existing is not None:
        existing.set("expressions", ctes + list(existing.expressions))
    else:
        statement.set("with_", exp.With(expressions=ctes))
    return statement.sql(dialect="duckdb")


def _check(ref: Reference, known: set[str], file: str, who: str) -> None:
    if ref.name in known:
        return
    close = difflib.get_close_matches(ref.name, sorted(known), n=1)
    hint = f"did you mean {close[0]}?" if close else (
        "create the model models/<schema>/<name>.sql, a seed seeds/<name>.csv, declare it under "
        "`sources:` in a YAML file, or list the loader that writes it in warehouse.yml")
    raise ProjectError(f"{who} reads {ref.name}, which no model, seed, source or loader provides",
                       file=file, line=ref.line, hint=hint)


def order(graph: dict[str, set[str]]) -> list[str]:
    """A deterministic topological order (ties broken by name)."""
    sorter = graphlib.TopologicalSorter(graph)
    sorter.prepare()
    out: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        out += ready
        sorter.done(*ready)
    return out


def descendants(graph: dict[str, set[str]], names: set[str], depth: int | None = None) -> set[str]:
    children: dict[str, set[str]] = {}
    for node, parents in graph.items():
        for p in parents:
            children.setdefault(p, set()).add(node)
    return _walk(children, names, depth)


def ancestors(graph: dict[str, set[str]], names: set[str], depth: int | None = None) -> set[str]:
    return _walk(graph, names, depth)


def _walk(edges: dict[str, set[str]], start: set[str], depth: int | None = None) -> set[str]:
    """Nodes reachable from `start` (excluded) in at most `depth` steps (any number if None)."""
    seen: set[str] = set()
    frontier = set(start)
    step = 0
    while frontier and (depth is None or step < depth):
        frontier = {nxt for node in frontier for nxt in edges.get(node, ())} - seen
        seen |= frontier
        step += 1
    return seen
