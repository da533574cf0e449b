"""Project discovery: models, seeds, YAML config and singular tests on disk.

Layout (any SQL project, not only ours):

- `models/<schema>/<name>.sql` builds `<schema>.<name>` (deeper folders keep the first
  folder as schema; files directly in `models/` go to `main`);
- `models/<schema>/*.yml` configures that folder's models and their data tests;
- `seeds/*.csv` load as `seeds.<stem>` (top level of `seeds/` only);
- singular data tests: `models/**/tests/*.sql` and `data_tests/**/*.sql`;
- `warehouse.yml` (optional): `name`, `documents`, `loaders`, `extraction` (settings of
  the documents loader: `time_budget_seconds`, `time_budget_seconds_per_mb`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from warehouse import yamlfile, yamlkeys
from warehouse.errors import ProjectError
from warehouse.yamlfile import Map

MATERIALIZATIONS = ("view", "table", "incremental", "ephemeral")
SEVERITIES = ("error", "warn")
GENERIC_TESTS = ("not_null", "unique", "accepted_values", "relationships", "expression")
_SEVERITY_COMMENT = re.compile(r"^\s*--\s*severity\s*:\s*(\w+)", re.IGNORECASE | re.MULTILINE)


@dataclass
class Model:
    """One SQL file that builds one relation."""

    name: str                       # "<schema>.<alias>", lower case
    schema: str
    alias: str
    path: Path
    rel_path: str                   # relative to the project dir, with "/"
    sql: str
    materialized: str = "table"
    unique_key: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    depends_on: set[str] = field(default_factory=set)
    body: str = ""                  # the select statement, trailing ';' removed (set by dag)
    external: bool = False          # reads files or table functions (set by dag)
    reads_itself: bool = False      # an incremental model reading its previous rows (set by dag)


@dataclass
class Seed:
    name: str                       # "seeds.<stem>"
    path: Path
    rel_path: str
    column_types: dict[str, str] = field(default_factory=dict)   # column -> DuckDB type (YAML)
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)


@dataclass
class Source:
    """A relation the engine reads but does not build (dbt's sources): models read it as
    `<source name>.<table name>`. Where it is (`kind`):

    - "table": a table already in the warehouse file (`schema.identifier`), loaded by another
      tool; never dropped by a build and carried into every new build file;
    - "files": local files (`path`, a glob) read with read_parquet or read_csv, as a view;
    - "database": a table of another DuckDB file, attached read-only and copied in.
    """

    name: str                       # "<source>.<table>", lower case: what models read
    kind: str                       # "table" | "files" | "database"
    schema: str                     # table, database: the schema it is read from
    identifier: str                 # table, database: the table it is read from
    file: str                       # the YAML that declares it
    line: int | None = None
    path: str = ""                  # files: absolute glob; database: the DuckDB file
    format: str = ""                # files: "parquet" | "csv"
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    loaded_at_field: str = ""
    warn_after: float | None = None     # seconds since max(loaded_at_field)
    error_after: float | None = None
    meta: dict = field(default_factory=dict)

    @property
    def relation(self) -> str:
        """What the source's table is in the build file before any view or copy."""
        return f"{self.schema}.{self.identifier}".lower()

    @property
    def creates(self) -> bool:
        """Whether the build creates `name` (a view or a copy) rather than finding it there."""
        return self.kind != "table" or self.relation != self.name


@dataclass
class TestSpec:
    """A data test as declared: generic (from YAML) or singular (an SQL file)."""

    kind: str                       # one of GENERIC_TESTS or "singular"
    model: str | None               # the model it is attached to (generic tests)
    column: str | None
    args: dict
    severity: str
    file: str                       # where it was declared, for error messages
    warn_if: str = "!=0"            # dbt's thresholds on the number of failing rows
    error_if: str = "!=0"
    store_failures: bool = False    # keep the failing rows in audit.<test>
    name: str = ""                  # singular: file stem
    sql: str = ""                   # singular: the query returning failing rows
    path: Path | None = None
    line: int | None = None         # where it was declared (generic tests)


@dataclass
class Project:
    root: Path
    name: str
    documents_dir: Path | None
    loaders: list[str]
    models: dict[str, Model]
    seeds: dict[str, Seed]
    tests: list[TestSpec]
    extraction: dict[str, float] = field(default_factory=dict)   # checked numbers, see EXTRACTION
    sources: dict[str, Source] = field(default_factory=dict)

    def relation_names(self) -> set[str]:
        return set(self.models) | set(self.seeds) | set(self.sources)


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read_yaml(path: Path, root: Path, cache: yamlfile.Cache | None = None):
    return yamlfile.load(path, _rel(root, path), cache)


def _read_sql(root: Path, path: Path) -> str:
    return yamlfile.decode(path.read_bytes(), _rel(root, path)).replace("\r\n", "\n").replace("\r", "\n")


def load_project(project_dir: str | Path = ".") -> Project:
    """Discover the project at `project_dir` (models, seeds, config, tests)."""
    root = Path(project_dir).resolve()
    if not root.is_dir():
        raise ProjectError(f"project directory {project_dir} does not exist",
                           hint="pass --project-dir pointing at a folder with models/")
    settings = {}
    cache = yamlfile.Cache(root / "target" / "yaml_cache.json")
    project_file = root / "warehouse.yml"
    if project_file.exists():
        settings = _read_yaml(project_file, root, cache) or Map()
        if not isinstance(settings, dict):
            raise ProjectError("warehouse.yml must be a mapping (`name:`, `documents:`, `loaders:`)",
                               file="warehouse.yml", line=1)
        yamlkeys.check(settings, "project", "warehouse.yml", "warehouse.yml")
    models_dir = root / "models"
    if not models_dir.is_dir() and not (root / "seeds").is_dir() and not project_file.exists():
        raise ProjectError(f"no models/ folder in {root}",
                           hint="run from a project folder or pass --project-dir")
    name = yamlfile.text(settings, "name", "`name`", "warehouse.yml", scalars=True)
    documents = yamlfile.text(settings, "documents", "`documents` (a folder)", "warehouse.yml")
    loaders = yamlfile.names(settings, "loaders", "`loaders` (Python module names)", "warehouse.yml")
    extraction = _extraction(settings)
    models = _discover_models(root, models_dir)
    seeds = _discover_seeds(root)
    for name in sorted(set(models) & set(seeds)):
        raise ProjectError(f"{name} is both a model and a seed ({seeds[name].rel_path})",
                           file=models[name].rel_path, hint="rename one of them")
    sources: dict[str, Source] = {}
    tests = _configure(root, models_dir, models, cache, sources, seeds)
    for name in sorted(set(sources) & (set(models) | set(seeds))):
        raise ProjectError(f"source {name} has the name of a model or seed", file=sources[name].file,
                           line=sources[name].line, hint="rename the source or the table")
    tests += _discover_singular(root, models_dir)
    cache.save()
    return Project(root=root, name=name or root.name,
                   documents_dir=(root / documents) if documents else None,
                   loaders=loaders, models=models, seeds=seeds, tests=tests, extraction=extraction,
                   sources=sources)


# warehouse.yml `extraction:` keys, numbers >= 0, read by the documents loader
EXTRACTION = ("time_budget_seconds", "time_budget_seconds_per_mb")


def _extraction(settings) -> dict[str, float]:
    """`extraction: {time_budget_seconds: 10, time_budget_seconds_per_mb: 2}`, type-checked."""
    section = yamlfile.mapping(settings, "extraction", "`extraction`", "warehouse.yml")
    out = {}
    for key, value in section.items():
        if key not in EXTRACTION:
            raise ProjectError(f"`extraction` has no setting {key!r}", file="warehouse.yml",
                               line=yamlfile.line_of(section, key), hint="use " + ", ".join(EXTRACTION))
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise yamlfile.bad(section, key, f"`extraction.{key}`", "a number of seconds, 0 or more",
                               "warehouse.yml")
        out[key] = float(value)
    return out


def _is_test_file(models_dir: Path, path: Path) -> bool:
    return "tests" in path.relative_to(models_dir).parts[:-1]


def _discover_models(root: Path, models_dir: Path) -> dict[str, Model]:
    models: dict[str, Model] = {}
    if not models_dir.is_dir():
        return models
    for path in sorted(models_dir.rglob("*.sql")):
        if _is_test_file(models_dir, path):
            continue
        parts = path.relative_to(models_dir).parts
        schema = parts[0].lower() if len(parts) > 1 else "main"
        alias = path.stem.lower()
        name = f"{schema}.{alias}"
        if schema == "_warehouse":
            raise ProjectError("the schema _warehouse holds the engine's build state, not models",
                               file=_rel(root, path), hint="move the model to another folder")
        if name in models:
            raise ProjectError(f"two models build {name}: {models[name].rel_path} and {_rel(root, path)}",
                               file=_rel(root, path), hint="rename one of the files")
        default = "view" if schema == "staging" else "table"
        models[name] = Model(name=name, schema=schema, alias=alias, path=path, rel_path=_rel(root, path),
                             sql=_read_sql(root, path), materialized=default)
    return models


def _discover_seeds(root: Path) -> dict[str, Seed]:
    seeds_dir = root / "seeds"
    if not seeds_dir.is_dir():
        return {}
    seeds: dict[str, Seed] = {}
    for path in sorted(seeds_dir.glob("*.csv")):
        name = f"seeds.{path.stem.lower()}"
        if name in seeds:  # Firms.csv and firms.csv: one would silently replace the other
            raise ProjectError(f"{seeds[name].rel_path} and {_rel(root, path)} both load as {name}",
                               file=_rel(root, path), hint="seed names ignore case: rename or remove one")
        seeds[name] = Seed(name, path, _rel(root, path))
    return seeds


def _discover_singular(root: Path, models_dir: Path) -> list[TestSpec]:
    paths = []
    if models_dir.is_dir():
        paths += [p for p in models_dir.rglob("*.sql") if _is_test_file(models_dir, p)]
    if (root / "data_tests").is_dir():
        paths += list((root / "data_tests").rglob("*.sql"))
    tests = []
    for path in sorted(paths):
        sql = _read_sql(root, path)
        match = _SEVERITY_COMMENT.search(sql)
        severity = match.group(1).lower() if match else "error"
        if severity not in SEVERITIES:
            raise ProjectError(f"severity must be error or warn, not {severity}", file=_rel(root, path))
        tests.append(TestSpec(kind="singular", model=None, column=None, args={}, severity=severity,
                              file=_rel(root, path), name=path.stem.lower(), sql=sql, path=path))
    return tests


def _configure(root: Path, models_dir: Path, models: dict[str, Model],
               cache: yamlfile.Cache | None = None, sources: dict | None = None,
               seeds: dict[str, Seed] | None = None) -> list[TestSpec]:
    """Apply each folder's YAML files to its models; return the generic tests declared.

    Every value is type-checked: a wrong one is a ProjectError with the file, the line and
    what was expected.
    """
    tests: list[TestSpec] = []
    # seeds/*.yml: `seeds:` only (column types, descriptions, tests)
    for path in sorted(p for ext in ("*.yml", "*.yaml") for p in (root / "seeds").glob(ext)):
        rel = _rel(root, path)
        doc = _read_yaml(path, root, cache) or Map()
        if not isinstance(doc, dict):
            raise ProjectError("a seed YAML file must be a mapping with a `seeds:` list", file=rel, line=1)
        yamlkeys.check(doc, "seeds_file", "a seed YAML file", rel)
        tests += _seed_config(doc, rel, seeds or {})
    if not models_dir.is_dir():
        return tests
    yml_files = sorted((p for ext in ("*.yml", "*.yaml") for p in models_dir.rglob(ext)),
                       key=lambda p: (len(p.parts), str(p)))
    docs = []
    for path in yml_files:
        rel = _rel(root, path)
        doc = _read_yaml(path, root, cache)
        if doc is None:
            doc = Map()
        if not isinstance(doc, dict):
            raise ProjectError("a model YAML file must be a mapping with a `models:` list", file=rel, line=1)
        yamlkeys.check(doc, "file", "a model YAML file", rel)
        docs.append((path, rel, doc))
        # folder defaults (`config:` at the top) first, outer folders before inner ones
        folder_config = yamlfile.mapping(doc, "config", "the top-level `config`", rel)
        yamlkeys.check(folder_config, "config", "the folder's `config`", rel)
        if folder_config:
            folder = path.parent.as_posix() + "/"
            for model in models.values():
                if model.path.as_posix().startswith(folder):
                    _apply_config(model, folder_config, rel)
    for path, rel, doc in docs:
        tests += _sources(root, doc, rel, sources if sources is not None else {})
        tests += _seed_config(doc, rel, seeds or {})
        parts = path.relative_to(models_dir).parts
        schema = parts[0].lower() if len(parts) > 1 else "main"
        entries = yamlfile.sequence(doc, "models", "`models`", rel)
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise yamlfile.bad(entries, i, "each entry under `models:`", "a mapping with a `name`", rel)
            raw_name = yamlfile.text(entry, "name", "the model `name`", rel, required=True).lower()
            name = raw_name if "." in raw_name else f"{schema}.{raw_name}"
            model = models.get(name)
            if model is None:
                raise ProjectError(f"YAML describes model {name} but no file builds it", file=rel,
                                   line=entry.line_of("name"),
                                   hint=f"create models/{schema}/{raw_name}.sql or fix the name")
            yamlkeys.check(entry, "model", f"model {name}", rel)
            model.description = yamlfile.text(entry, "description", f"the description of {name}", rel,
                                              scalars=True)
            config = yamlfile.mapping(entry, "config", f"`config` of {name}", rel)
            yamlkeys.check(config, "config", f"the `config` of {name}", rel)
            _apply_config(model, entry, rel)
            _apply_config(model, config, rel)
            for test, line in _as_tests(entry, rel, name):
                tests.append(TestSpec(model=name, column=None, file=rel, line=line, **test))
            tests += _columns(entry, name, rel, "column", model.columns)
    return tests


_PERIODS = {"minute": 60, "hour": 3600, "day": 86400}
_FILE_FORMATS = ("parquet", "csv", "json")


def _freshness(owner, rel: str, what: str, inherited: tuple) -> tuple:
    """`freshness: {warn_after: {count: 12, period: hour}, error_after: ...}` as seconds;
    `freshness: null` on a table turns the source's off, as in dbt."""
    if "freshness" not in owner:
        return inherited
    section = owner["freshness"]
    if section is None:
        return (None, None)
    section = yamlfile.mapping(owner, "freshness", f"`freshness` of {what}", rel)
    yamlkeys.check(section, "freshness", f"the freshness of {what}", rel)
    out = []
    for key in ("warn_after", "error_after"):
        after = yamlfile.mapping(section, key, f"`{key}` of {what}", rel)
        yamlkeys.check(after, "freshness_after", f"`{key}` of {what}", rel)
        if not after:
            out.append(None)
            continue
        count, period = after.get("count"), after.get("period")
        if isinstance(count, bool) or not isinstance(count, int | float) or count <= 0:
            raise yamlfile.bad(after, "count", f"`{key}.count` of {what}", "a number above 0", rel)
        if period not in _PERIODS:
            raise yamlfile.bad(after, "period", f"`{key}.period` of {what}", "minute, hour or day", rel)
        out.append(float(count) * _PERIODS[period])
    return tuple(out)


def _sources(root: Path, doc, rel: str, sources: dict) -> list[TestSpec]:
    """Parse a YAML file's `sources:` into `sources`; return the data tests declared on them."""
    tests = []
    entries = yamlfile.sequence(doc, "sources", "`sources`", rel)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise yamlfile.bad(entries, i, "each entry under `sources:`", "a mapping with a `name`", rel)
        source = yamlfile.text(entry, "name", "the source `name`", rel, required=True).lower()
        what = f"source {source}"
        yamlkeys.check(entry, "source", what, rel)
        schema = yamlfile.text(entry, "schema", f"`schema` of {what}", rel) or None
        database = yamlfile.text(entry, "database", f"`database` of {what}", rel)
        if database:
            database = str((root / database).resolve())
            if not Path(database).is_file():
                raise ProjectError(f"{what}: database {entry['database']} does not exist", file=rel,
                                   line=yamlfile.line_of(entry, "database"),
                                   hint="`database:` is another DuckDB file, relative to the project folder")
        loaded_at = yamlfile.text(entry, "loaded_at_field", f"`loaded_at_field` of {what}", rel)
        fresh = _freshness(entry, rel, what, (None, None))
        tables = yamlfile.sequence(entry, "tables", f"`tables` of {what}", rel)
        if not tables:
            raise ProjectError(f"{what} lists no tables", file=rel, line=yamlfile.line_of(entry, "name"),
                               hint="add `tables: [{name: ...}]`")
        for j, table in enumerate(tables):
            if not isinstance(table, dict):
                raise yamlfile.bad(tables, j, f"each table of {what}", "a mapping with a `name`", rel)
            alias = yamlfile.text(table, "name", f"a table `name` of {what}", rel, required=True).lower()
            name = f"{source}.{alias}"
            yamlkeys.check(table, "source_table", f"source table {name}", rel)
            path = yamlfile.text(table, "path", f"`path` of {name}", rel)
            fmt = yamlfile.text(table, "format", f"`format` of {name}", rel).lower()
            if path and database:
                raise ProjectError(f"{name} has a `path` in a source with a `database`", file=rel,
                                   line=yamlfile.line_of(table, "path"),
                                   hint="declare files in a source of their own")
            if path:
                fmt = fmt or next((f for f in _FILE_FORMATS if path.lower().endswith(f".{f}")), "")
                if fmt not in _FILE_FORMATS:
                    raise ProjectError(f"{name}: cannot tell the format of {path}", file=rel,
                                       line=yamlfile.line_of(table, "path"),
                                       hint="add `format: parquet` (or csv, json)")
                path = str(root / path) if not Path(path).is_absolute() else path
            elif fmt:
                raise ProjectError(f"{name}: `format` needs a `path`", file=rel,
                                   line=yamlfile.line_of(table, "format"))
            if name in sources:
                raise ProjectError(f"source {name} is declared twice (also in {sources[name].file})",
                                   file=rel,
                                   line=yamlfile.line_of(table, "name"))
            warn_after, error_after = _freshness(table, rel, name, fresh)
            item = Source(
                name=name, kind="files" if path else "database" if database else "table",
                schema=(schema or ("main" if database else source)).lower(),
                identifier=yamlfile.text(table, "identifier", f"`identifier` of {name}", rel) or alias,
                file=rel, line=yamlfile.line_of(table, "name"), path=path or database, format=fmt,
                description=yamlfile.text(table, "description", f"the description of {name}", rel,
                                          scalars=True),
                loaded_at_field=yamlfile.text(table, "loaded_at_field", f"`loaded_at_field` of {name}", rel)
                or loaded_at,
                warn_after=warn_after, error_after=error_after,
                meta=dict(yamlfile.mapping(table, "meta", f"meta of {name}", rel)))
            if (warn_after or error_after) and not item.loaded_at_field:
                raise ProjectError(f"{name} has a freshness but no `loaded_at_field`", file=rel,
                                   line=yamlfile.line_of(table, "name"),
                                   hint="name the column holding when each row was loaded")
            sources[name] = item
            for test, line in _as_tests(table, rel, name):
                tests.append(TestSpec(model=name, column=None, file=rel, line=line, **test))
            tests += _columns(table, name, rel, "source_column", item.columns)
    return tests


def _seed_config(doc, rel: str, seeds: dict[str, Seed]) -> list[TestSpec]:
    """`seeds: [{name: raw_orders, config: {column_types: {order_date: date}}, columns: [...]}]`."""
    tests = []
    entries = yamlfile.sequence(doc, "seeds", "`seeds`", rel)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise yamlfile.bad(entries, i, "each entry under `seeds:`", "a mapping with a `name`", rel)
        raw = yamlfile.text(entry, "name", "the seed `name`", rel, required=True).lower()
        name = raw if raw.startswith("seeds.") else f"seeds.{raw}"
        seed = seeds.get(name)
        if seed is None:
            raise ProjectError(f"YAML describes seed {name} but no seeds/{raw}.csv exists", file=rel,
                               line=entry.line_of("name"), hint="fix the name or add the CSV file")
        yamlkeys.check(entry, "seed", f"seed {name}", rel)
        config = yamlfile.mapping(entry, "config", f"`config` of {name}", rel)
        yamlkeys.check(config, "seed_config", f"the `config` of {name}", rel)
        seed.description = yamlfile.text(entry, "description", f"the description of {name}", rel,
                                         scalars=True)
        for holder in (entry, config):
            types = yamlfile.mapping(holder, "column_types", f"`column_types` of {name}", rel)
            for column in types:
                seed.column_types[str(column)] = yamlfile.text(types, column, f"the type of {name}.{column}",
                                                               rel, required=True)
        for test, line in _as_tests(entry, rel, name):
            tests.append(TestSpec(model=name, column=None, file=rel, line=line, **test))
        tests += _columns(entry, name, rel, "column", seed.columns)
    return tests


def _columns(entry, name: str, rel: str, context: str, descriptions: dict[str, str]) -> list[TestSpec]:
    """The `columns:` of a model, seed or source table: their descriptions into `descriptions`
    (checked against the keys `context` takes), their data tests returned."""
    tests: list[TestSpec] = []
    columns = yamlfile.sequence(entry, "columns", f"`columns` of {name}", rel)
    for j, column in enumerate(columns):
        if not isinstance(column, dict):
            raise yamlfile.bad(columns, j, f"each column of {name}", "a mapping with a `name`", rel)
        col = yamlfile.text(column, "name", f"a column `name` of {name}", rel, required=True, scalars=True)
        yamlkeys.check(column, context, f"column {name}.{col}", rel)
        descriptions[col] = yamlfile.text(column, "description", f"the description of {name}.{col}", rel,
                                          scalars=True)
        for test, line in _as_tests(column, rel, f"{name}.{col}"):
            tests.append(TestSpec(model=name, column=col, file=rel, line=line, **test))
    return tests


def _apply_config(model: Model, config: dict, rel: str) -> None:
    if "materialized" in config:
        value = yamlfile.text(config, "materialized", f"materialized of {model.name}", rel).lower()
        if value not in MATERIALIZATIONS:
            raise ProjectError(f"{model.name}: materialized must be one of {', '.join(MATERIALIZATIONS)}, "
                               f"not {value}", file=rel, line=yamlfile.line_of(config, "materialized"))
        model.materialized = value
    if "unique_key" in config:
        model.unique_key = yamlfile.names(config, "unique_key", f"unique_key of {model.name}", rel)
    if "tags" in config:
        tags = yamlfile.names(config, "tags", f"tags of {model.name}", rel)
        model.tags = sorted(set(model.tags) | {t.lower() for t in tags})
    if "meta" in config:
        model.meta = {**model.meta, **yamlfile.mapping(config, "meta", f"meta of {model.name}", rel)}


# the arguments each generic test takes (besides its config: severity, warn_if, error_if, store_failures)
_TEST_ARGS = {"not_null": (), "unique": (), "accepted_values": ("values",),
              "relationships": ("to", "field"), "expression": ("expression",)}
_TEST_FORMS = {
    "not_null": "`- not_null` or `- not_null: {config: {severity: warn}}`",
    "unique": "`- unique` or `- unique: {config: {severity: warn}}`",
    "accepted_values": "`- accepted_values: {arguments: {values: [a, b]}}` (or `{values: [a, b]}`)",
    "relationships": "`- relationships: {arguments: {to: schema.model, field: column}}`",
    "expression": '`- expression: "amount > 0"`',
}
# dbt's `warn_if`/`error_if`: a comparison of the number of failing rows with a whole number
_CONDITION = re.compile(r"^\s*(==|=|!=|<>|>=|<=|>|<)\s*(\d+)\s*$")


def _condition(holder, key: str, what: str, rel: str) -> str:
    value = holder[key]
    match = _CONDITION.match(value) if isinstance(value, str) else None
    if match is None:
        raise yamlfile.bad(holder, key, f"{key} of {what}",
                           'a comparison with a number, such as ">10" or "!=0"', rel,
                           hint="dbt's default is \"!=0\": any failing row")
    op = {"==": "=", "<>": "!="}.get(match.group(1), match.group(1))
    return f"{op}{int(match.group(2))}"


def _as_tests(owner: dict, rel: str, what: str) -> list[tuple[dict, int | None]]:
    """Normalise YAML test entries: `not_null`, `{unique: {config: {severity: warn}}}`,
    `{expression: "x > 0"}`, arguments under `arguments:` (dbt 1.10) or beside the config."""
    key = "data_tests" if "data_tests" in owner else "tests"
    entries = yamlfile.sequence(owner, key, f"`{key}` of {what}", rel)
    out = []
    for i, entry in enumerate(entries):
        line = yamlfile.line_of(entries, i)
        if isinstance(entry, str):
            kind, body = entry, Map()
        elif isinstance(entry, dict) and len(entry) == 1:
            kind, body = next(iter(entry.items()))
        else:
            raise yamlfile.bad(entries, i, f"a test of {what}", "a test name or a one-key mapping", rel,
                               hint="write `- not_null` or `- accepted_values: {values: [a, b]}`")
        if kind not in GENERIC_TESTS:
            hint = f"generic tests are {', '.join(GENERIC_TESTS)}"
            if isinstance(kind, str) and "." in kind:   # dbt_utils.expression_is_true & co
                hint += "; package tests are not available: write an `expression` or a singular test"
            raise ProjectError(f"unknown test {kind!r}", file=rel, line=line, hint=hint)
        if kind == "expression" and isinstance(body, str):
            body = Map(expression=body)
        elif body is None:
            body = Map()
        elif not isinstance(body, dict):
            raise yamlfile.bad(entry, kind, f"the arguments of {kind} on {what}", "a mapping", rel,
                               hint=f"write {_TEST_FORMS[kind]}")
        test = f"{kind} on {what}"
        yamlkeys.check(body, "test", test, rel, extra=_TEST_ARGS[kind])
        arguments = yamlfile.mapping(body, "arguments", f"`arguments` of {test}", rel)
        yamlkeys.check(arguments, "arguments", f"the arguments of {test}", rel, extra=_TEST_ARGS[kind])
        config = yamlfile.mapping(body, "config", f"`config` of {test}", rel)
        yamlkeys.check(config, "test_config", f"the config of {test}", rel)
        holders = {}
        for arg in _TEST_ARGS[kind]:
            if arg in body and arg in arguments:
                raise ProjectError(f"{test} gives `{arg}` twice (beside and under `arguments:`)", file=rel,
                                   line=yamlfile.line_of(body, arg), hint="keep the one under `arguments:`")
            holders[arg] = arguments if arg in arguments else body
        for name in yamlkeys.TEST_CONFIG:
            if name in body and name in config:
                raise ProjectError(f"{test} gives `{name}` twice (beside and under `config:`)", file=rel,
                                   line=yamlfile.line_of(body, name), hint="keep the one under `config:`")
            holders[name] = config if name in config else body
        spec = {"kind": kind, "args": {}, "severity": "error", "warn_if": "!=0", "error_if": "!=0",
                "store_failures": False}
        holder = holders["severity"]
        if "severity" in holder:
            spec["severity"] = yamlfile.text(holder, "severity", "severity", rel).lower()
            if spec["severity"] not in SEVERITIES:
                raise ProjectError(f"severity must be error or warn, not {spec['severity']}", file=rel,
                                   line=yamlfile.line_of(holder, "severity"))
        for name in ("warn_if", "error_if"):
            if name in holders[name]:
                spec[name] = _condition(holders[name], name, test, rel)
        holder = holders["store_failures"]
        if "store_failures" in holder:
            if not isinstance(holder["store_failures"], bool):
                raise yamlfile.bad(holder, "store_failures", f"store_failures of {test}", "true or false",
                                   rel)
            spec["store_failures"] = holder["store_failures"]
        for arg in _TEST_ARGS[kind]:
            holder = holders[arg]
            if holder.get(arg) in (None, ""):
                raise ProjectError(f"{test} needs `{arg}`", file=rel,
                                   line=yamlfile.line_of(holder, arg) if arg in holder else line,
                                   hint=f"write {_TEST_FORMS[kind]}")
            spec["args"][arg] = holder[arg]
        if kind == "accepted_values":
            holder, values = holders["values"], spec["args"]["values"]
            if not isinstance(values, list):
                raise yamlfile.bad(holder, "values", f"values of accepted_values on {what}", "a list", rel,
                                   hint=f"write {_TEST_FORMS[kind]}")
            for j, value in enumerate(values):
                if value is None or isinstance(value, dict | list):
                    raise yamlfile.bad(values, j, f"each value of accepted_values on {what}",
                                       "a string, a number or a boolean", rel)
        for arg in ("to", "field", "expression"):
            if arg in spec["args"]:
                yamlfile.text(holders[arg], arg, f"`{arg}` of {test}", rel, scalars=arg == "expression")
        out.append((spec, line))
    return out
