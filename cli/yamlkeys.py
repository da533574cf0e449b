"""The keys each YAML mapping takes: an unknown key is an error, never silently ignored.

A typo (`materialised`) gets a "did you mean"; a key dbt has but this engine deliberately does
not (hooks, contracts, `on_schema_change`, exposures...) gets one line saying what to do here
instead. The lists are the single source of truth for what the project files may say.
"""

from __future__ import annotations

import difflib

from warehouse.errors import ProjectError

MODEL_CONFIG = ("materialized", "unique_key", "tags", "meta")
TEST_CONFIG = ("severity", "warn_if", "error_if", "store_failures")

KNOWN: dict[str, tuple[str, ...]] = {
    "project": ("name", "documents", "loaders", "extraction"),
    "file": ("version", "config", "models", "seeds", "sources"),
    "seeds_file": ("version", "seeds"),
    "model": ("name", "description", "config", "columns", "data_tests", "tests", *MODEL_CONFIG),
    "config": MODEL_CONFIG,
    "column": ("name", "description", "data_tests", "tests", "meta"),
    # a source's columns may say what the loader writes (dbt: documentation, not a contract)
    "source_column": ("name", "description", "data_type", "constraints", "data_tests", "tests", "meta"),
    "test": ("arguments", "config", *TEST_CONFIG),     # plus the test's own arguments
    "arguments": (),                                   # only the test's own arguments
    "test_config": TEST_CONFIG,
    "seed": ("name", "description", "config", "columns", "data_tests", "tests", "column_types"),
    "seed_config": ("column_types",),
    "source": ("name", "description", "schema", "database", "tables", "loaded_at_field", "freshness",
               "meta", "tags"),
    "source_table": ("name", "description", "identifier", "path", "format", "loaded_at_field", "freshness",
                     "columns", "data_tests", "tests", "meta", "tags"),
    "freshness": ("warn_after", "error_after"),
    "freshness_after": ("count", "period"),
}

_NO_JINJA = "there is no Jinja here: models are plain SQL"
_HOOKS = "no hooks: put the statement in a model, a singular test or a loader (warehouse.yml `loaders:`)"
_CONTRACT = ("no contracts: cast in the model's SQL (`amount::decimal(18,2)`) and declare `not_null`, "
             "`unique` or `expression` data tests")
_SCHEMA = "the folder is the schema and the file stem the name: move or rename the .sql file"
_WHERE = ("test configs `where`/`limit`/`fail_calc` are not supported: write a singular test "
          "(a query returning the failing rows) in models/<schema>/tests/")

# dbt keys this engine deliberately does not have, and what to do instead (one line each)
DBT: dict[str, str] = {
    "enabled": "every file in models/ is built: move a model out of models/ to disable it",
    "alias": _SCHEMA, "schema": _SCHEMA, "database": "one warehouse file: pass --db FILE",
    "pre_hook": _HOOKS, "post_hook": _HOOKS, "pre-hook": _HOOKS, "post-hook": _HOOKS,
    "on-run-start": _HOOKS, "on-run-end": _HOOKS,
    "contract": _CONTRACT, "constraints": _CONTRACT, "data_type": _CONTRACT,
    "on_schema_change": ("an incremental model whose columns change fails with a clear message: rebuild it "
                         "with --full-refresh"),
    "incremental_strategy": ("incremental models merge by `unique_key` (delete+insert), or append without "
                             "one"),
    "full_refresh": "pass --full-refresh on the command line",
    "persist_docs": "descriptions stay in the YAML and `warehouse ls --output json`",
    "docs": "descriptions stay in the YAML and `warehouse ls --output json`",
    "grants": "DuckDB has no grants: the file's permissions decide who reads it",
    "sql_header": _HOOKS, "indexes": "DuckDB needs no indexes for analytics; none are created",
    "batch_size": "no microbatch: an incremental model selects its new rows itself (see docs/cli.md)",
    "event_time": "no microbatch: an incremental model selects its new rows itself (see docs/cli.md)",
    "lookback": "no microbatch: an incremental model selects its new rows itself (see docs/cli.md)",
    "begin": "no microbatch: an incremental model selects its new rows itself (see docs/cli.md)",
    "access": "no model groups or access levels: every model can read every other",
    "group": "no model groups or access levels: every model can read every other",
    "versions": "no model versions: give the new version another file name",
    "latest_version": "no model versions: give the new version another file name",
    "deprecation_date": "no model versions: give the new version another file name",
    "quote": "identifiers are quoted as needed; write the column name as it is",
    "quoting": "identifiers are quoted as needed; write the name as it is",
    "policy_tags": "BigQuery only", "granularity": "no semantic layer",
    "where": _WHERE, "limit": _WHERE, "fail_calc": _WHERE,
    "store_failures_as": "failing rows are stored as tables in the schema `audit` (`store_failures: true`)",
    "exposures": "no exposures: list what reads the warehouse in your README",
    "unit_tests": ("no unit tests of models: build a small fixture project and assert on its tables "
                   "(see tests/dbt_port/ in this repository)"),
    "macros": _NO_JINJA, "vars": _NO_JINJA,
    "metrics": "no semantic layer: write the metric as a model",
    "semantic_models": "no semantic layer: write the metric as a model",
    "saved_queries": "no semantic layer: write the metric as a model",
    "snapshots": "no snapshots: an incremental model that reads its own rows keeps history (docs/cli.md)",
    "analyses": "put ad-hoc queries anywhere outside models/ and run them with `warehouse query`",
    "groups": "no model groups or access levels: every model can read every other",
    "loader": "describe the loader in `description:`; Python loaders are listed in warehouse.yml",
    "overrides": "no packages: declare the source once",
    "external": "for files use `path:` (a local path or glob) and `format:` (parquet or csv) on the table",
    "filter": "freshness has no filter: it checks max(loaded_at_field) over the whole table",
    "delimiter": "seeds are comma-separated CSV",
    "quote_columns": "seed column names are kept as written in the header",
    "profile": "one warehouse file: pass --db FILE",
    "model-paths": "models live in models/, seeds in seeds/",
    "seed-paths": "models live in models/, seeds in seeds/",
    "config-version": "warehouse.yml has no version",
    "require-dbt-version": "warehouse.yml has no version",
    "packages": "no packages: copy the SQL you need into models/",
}


def check(mapping, context: str, what: str, rel: str, extra: tuple[str, ...] = ()) -> None:
    """Raise a ProjectError for the first key of `mapping` that `context` does not take."""
    if not isinstance(mapping, dict):
        return
    known = (*KNOWN[context], *extra)
    for key in mapping:
        if key in known:
            continue
        line = mapping.key_line(key) if hasattr(mapping, "key_line") else None
        name = str(key)
        typo = _closest(name, known, 0.8)                                # `loader` for `loaders`
        if name in DBT and not typo:
            raise ProjectError(f"{what}: `{name}` is a dbt setting this engine does not have", file=rel,
                               line=line, hint=DBT[name])
        close = typo or _closest(name, known, 0.6)
        hint = f"did you mean `{close}`?" if close else f"{what} takes {', '.join(known)}"
        raise ProjectError(f"{what}: unknown key `{name}`", file=rel, line=line, hint=hint)


def _similarity(a: str, b: str) -> float:
    # letters in order, or the same letters swapped (`tset` for `tests`)
    return max(difflib.SequenceMatcher(None, a, b).ratio(),
               difflib.SequenceMatcher(None, sorted(a), sorted(b)).ratio())


def _closest(name: str, known, cutoff: float) -> str | None:
    scored = sorted(((_similarity(name.lower(), k), k) for k in known), reverse=True)
    return scored[0][1] if scored and scored[0][0] >= cutoff else None
