"""Project discovery: models, seeds, YAML config and singular tests on disk.

Layout (any SQL project, not only ours):

- `models/<schema>/<name>.sql` builds `<schema>.<name>` (deeper folders keep the first
  folder as schema; files directly in `models/` go to `main`);
- `models/<schema>/*.yml` configures that folder's models and their data tests;
- `seeds/*.csv` load as `seeds.<stem>` (top level of `seeds/` only);
- singular data tests: `models/**/tests/*.sql` and `data_tests/**/*.sql`;
- `warehouse.yml` (optional): `name`, `documents`, `loaders`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from warehouse.errors import ProjectError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ten times faster
MATERIALIZATIONS = ("view", "table", "incremental")
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
    depends_on: set[str] = field(default_factory=set)
    body: str = ""                  # the select statement, trailing ';' removed (set by dag)


@dataclass
class Seed:
    name: str                       # "seeds.<stem>"
    path: Path
    rel_path: str


@dataclass
class TestSpec:
    """A data test as declared: generic (from YAML) or singular (an SQL file)."""

    kind: str                       # one of GENERIC_TESTS or "singular"
    model: str | None               # the model it is attached to (generic tests)
    column: str | None
    args: dict
    severity: str
    file: str                       # where it was declared, for error messages
    name: str = ""                  # singular: file stem
    sql: str = ""                   # singular: the query returning failing rows
    path: Path | None = None


@dataclass
class Project:
    root: Path
    name: str
    documents_dir: Path | None
    loaders: list[str]
    models: dict[str, Model]
    seeds: dict[str, Seed]
    tests: list[TestSpec]

    def relation_names(self) -> set[str]:
        return set(self.models) | set(self.seeds)


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read_yaml(path: Path, root: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ProjectError(f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
                           file=_rel(root, path), line=mark.line + 1 if mark else None,
                           hint="fix the YAML syntax") from None


def _read_sql(root: Path, path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", file=_rel(root, path),
                           hint="save the file as UTF-8") from None


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def load_project(project_dir: str | Path = ".") -> Project:
    """Discover the project at `project_dir` (models, seeds, config, tests)."""
    root = Path(project_dir).resolve()
    if not root.is_dir():
        raise ProjectError(f"project directory {project_dir} does not exist",
                           hint="pass --project-dir pointing at a folder with models/")
    settings = {}
    project_file = root / "warehouse.yml"
    if project_file.exists():
        settings = _read_yaml(project_file, root) or {}
        if not isinstance(settings, dict):
            raise ProjectError("warehouse.yml must be a mapping", file="warehouse.yml")
    models_dir = root / "models"
    if not models_dir.is_dir() and not (root / "seeds").is_dir() and not project_file.exists():
        raise ProjectError(f"no models/ folder in {root}",
                           hint="run from a project folder or pass --project-dir")
    documents = settings.get("documents")
    loaders = _as_list(settings.get("loaders"))
    models = _discover_models(root, models_dir)
    seeds = _discover_seeds(root)
    for name in sorted(set(models) & set(seeds)):
        raise ProjectError(f"{name} is both a model and a seed ({seeds[name].rel_path})",
                           file=models[name].rel_path, hint="rename one of them")
    tests = _configure(root, models_dir, models)
    tests += _discover_singular(root, models_dir)
    return Project(root=root, name=str(settings.get("name") or root.name),
                   documents_dir=(root / documents) if documents else None,
                   loaders=loaders, models=models, seeds=seeds, tests=tests)


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
    return {f"seeds.{p.stem.lower()}": Seed(f"seeds.{p.stem.lower()}", p, _rel(root, p))
            for p in sorted(seeds_dir.glob("*.csv"))}


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


def _configure(root: Path, models_dir: Path, models: dict[str, Model]) -> list[TestSpec]:
    """Apply each folder's YAML files to its models; return the generic tests declared."""
    tests: list[TestSpec] = []
    if not models_dir.is_dir():
        return tests
    yml_files = sorted((p for ext in ("*.yml", "*.yaml") for p in models_dir.rglob(ext)),
                       key=lambda p: (len(p.parts), str(p)))
    docs = []
    for path in yml_files:
        rel = _rel(root, path)
        doc = _read_yaml(path, root) or {}
        if not isinstance(doc, dict):
            raise ProjectError("a model YAML file must be a mapping with a `models:` list", file=rel)
        docs.append((path, rel, doc))
        # folder defaults (`config:` at the top) first, outer folders before inner ones
        if not isinstance(doc.get("config") or {}, dict):
            raise ProjectError("the top-level `config` must be a mapping", file=rel)
        if doc.get("config"):
            folder = path.parent.as_posix() + "/"
            for model in models.values():
                if model.path.as_posix().startswith(folder):
                    _apply_config(model, doc["config"], rel)
    for path, rel, doc in docs:
        parts = path.relative_to(models_dir).parts
        schema = parts[0].lower() if len(parts) > 1 else "main"
        for entry in doc.get("models") or []:
            if not isinstance(entry, dict) or "name" not in entry:
                raise ProjectError("each entry under `models:` needs a `name`", file=rel)
            raw_name = str(entry["name"]).lower()
            name = raw_name if "." in raw_name else f"{schema}.{raw_name}"
            model = models.get(name)
            if model is None:
                raise ProjectError(f"YAML describes model {name} but no file builds it", file=rel,
                                   hint=f"create models/{schema}/{raw_name}.sql or fix the name")
            model.description = str(entry.get("description") or "")
            config = entry.get("config") or {}
            if not isinstance(config, dict):
                raise ProjectError(f"`config` of {name} must be a mapping", file=rel)
            _apply_config(model, {**entry, **config}, rel)
            for test in _as_tests(entry.get("data_tests", entry.get("tests")), rel):
                tests.append(TestSpec(model=name, column=None, file=rel, **test))
            for column in entry.get("columns") or []:
                if not isinstance(column, dict) or "name" not in column:
                    raise ProjectError(f"each column of {name} needs a `name`", file=rel)
                col = str(column["name"])
                model.columns[col] = str(column.get("description") or "")
                for test in _as_tests(column.get("data_tests", column.get("tests")), rel):
                    tests.append(TestSpec(model=name, column=col, file=rel, **test))
    return tests


def _apply_config(model: Model, config: dict, rel: str) -> None:
    if "materialized" in config:
        value = str(config["materialized"]).lower()
        if value not in MATERIALIZATIONS:
            raise ProjectError(f"{model.name}: materialized must be one of {', '.join(MATERIALIZATIONS)}, "
                               f"not {value}", file=rel)
        model.materialized = value
    if "unique_key" in config:
        model.unique_key = _as_list(config["unique_key"])
    if "tags" in config:
        model.tags = sorted(set(model.tags) | {t.lower() for t in _as_list(config["tags"])})


def _as_tests(entries, rel: str) -> list[dict]:
    """Normalise YAML test entries: `not_null`, `{unique: {severity: warn}}`, `{expression: "x > 0"}`."""
    out = []
    for entry in entries or []:
        if isinstance(entry, str):
            kind, args = entry, {}
        elif isinstance(entry, dict) and len(entry) == 1:
            kind, args = next(iter(entry.items()))
            if kind == "expression" and isinstance(args, str):
                args = {"expression": args}
            args = dict(args or {})
        else:
            raise ProjectError(f"cannot read test entry {entry!r}", file=rel,
                               hint="write `- not_null` or `- accepted_values: {values: [a, b]}`")
        if kind not in GENERIC_TESTS:
            raise ProjectError(f"unknown test {kind!r}", file=rel,
                               hint=f"generic tests are {', '.join(GENERIC_TESTS)}")
        config = args.pop("config", None) or {}
        severity = str(args.pop("severity", config.get("severity", "error"))).lower()
        if severity not in SEVERITIES:
            raise ProjectError(f"severity must be error or warn, not {severity}", file=rel)
        if kind == "accepted_values" and not isinstance(args.get("values"), list):
            raise ProjectError("accepted_values needs `values: [...]`", file=rel)
        if kind == "relationships" and not (args.get("to") and args.get("field")):
            raise ProjectError("relationships needs `to:` (a model) and `field:` (its column)", file=rel)
        if kind == "expression" and not args.get("expression"):
            raise ProjectError('expression needs a SQL condition, e.g. `expression: "amount > 0"`', file=rel)
        out.append({"kind": kind, "args": args, "severity": severity})
    return out
