"""The `warehouse` commands: a thin typer layer over `warehouse.api` (see `warehouse.cli`).

Heavy modules (duckdb, sqlglot, rich) are imported inside commands so `--help` stays fast.
Exit codes: 0 success, 1 a model, loader or error-severity test failed, 2 bad usage or project.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from warehouse import __version__
from warehouse.cli import _reporter, _run

app = typer.Typer(
    name="warehouse",
    help="Build, test and query a DuckDB warehouse from SQL models, seeds and Python loaders.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ProjectDir = Annotated[Path, typer.Option(
    "--project-dir", metavar="DIR", help="Project folder (models/, seeds/, warehouse.yml).", file_okay=False)]
Db = Annotated[Path, typer.Option("--db", metavar="FILE", help="The warehouse file.", dir_okay=False)]
Select = Annotated[list[str] | None, typer.Option(
    "--select", "-s", metavar="SELECTOR",
    help="Models: name, +name, name+, path:DIR, tag:TAG, state:modified (repeat or space-separate).")]
Exclude = Annotated[list[str] | None, typer.Option(
    "--exclude", metavar="SELECTOR", help="Models to leave out (same syntax).")]
Threads = Annotated[int | None, typer.Option(
    "--threads", min=1, metavar="N",
    help="Models run at once; for build, also processes extracting documents (default: usable CPUs).")]
FullRefresh = Annotated[bool, typer.Option(
    "--full-refresh", help="Rebuild everything, unchanged or not: incremental models and loader state too.")]
JsonEvents = Annotated[bool, typer.Option("--json", help="One JSON object per event on stdout.")]
LockTimeout = Annotated[float, typer.Option("--lock-timeout", min=0, metavar="SECONDS",
                                            help="Seconds to wait for another build on the same file.")]
Documents = Annotated[Path | None, typer.Option(
    "--documents", metavar="DIR", help="Documents folder for the loaders.", file_okay=False)]
DryRun = Annotated[bool, typer.Option(
    "--dry-run", help="Print what would be rebuilt and why (which fingerprint changed); build nothing.")]


class Output(StrEnum):
    text = "text"
    json = "json"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _version(value: bool):
    if value:
        typer.echo(f"warehouse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False):
    """Build, test and query a DuckDB warehouse from SQL models, seeds and Python loaders."""


@app.command()
def build(project_dir: ProjectDir = Path("."), db: Db = Path("warehouse.duckdb"), documents: Documents = None,
          select: Select = None, exclude: Exclude = None, threads: Threads = None,
          full_refresh: FullRefresh = False, json_events: JsonEvents = False,
          lock_timeout: LockTimeout = 600.0,
          fail_on_rejects: Annotated[bool, typer.Option(
              "--fail-on-rejects", help="Fail when a loader rejected any input.")] = False,
          dry_run: DryRun = False):
    """Load seeds, run loaders, build models, run tests; publish the file if all passed.
    Only what changed since the last build is rebuilt; when nothing changed, nothing is written."""
    from warehouse import api

    result = _run(lambda: api.build(project_dir, db, documents=documents, select=select or (),
                                    exclude=exclude or (), threads=threads, full_refresh=full_refresh,
                                    fail_on_rejects=fail_on_rejects, lock_timeout=lock_timeout,
                                    reporter=_reporter(json_events), dry_run=dry_run), json_events)
    raise typer.Exit(result.exit_code)


@app.command()
def run(project_dir: ProjectDir = Path("."), db: Db = Path("warehouse.duckdb"), select: Select = None,
        exclude: Exclude = None, threads: Threads = None, full_refresh: FullRefresh = False,
        json_events: JsonEvents = False, lock_timeout: LockTimeout = 600.0, dry_run: DryRun = False):
    """Build models only (no seeds, loaders or tests) on a copy of the warehouse; publish atomically.
    Only models that changed since the last build are rebuilt."""
    from warehouse import api

    result = _run(lambda: api.run(project_dir, db, select=select or (), exclude=exclude or (),
                                  threads=threads, full_refresh=full_refresh, lock_timeout=lock_timeout,
                                  reporter=_reporter(json_events), dry_run=dry_run), json_events)
    raise typer.Exit(result.exit_code)


@app.command()
def test(project_dir: ProjectDir = Path("."), db: Db = Path("warehouse.duckdb"), select: Select = None,
         exclude: Exclude = None, threads: Threads = None, json_events: JsonEvents = False):
    """Run data tests against the published warehouse (read-only)."""
    from warehouse import api

    result = _run(lambda: api.test(project_dir, db, select=select or (), exclude=exclude or (),
                                   threads=threads, reporter=_reporter(json_events)), json_events)
    raise typer.Exit(result.exit_code)


@app.command("ls")
def list_models(project_dir: ProjectDir = Path("."), select: Select = None, exclude: Exclude = None,
                output: Annotated[Output, typer.Option("--output", "-o", help="text or json.")]
                = Output.text,
                db: Annotated[Path, typer.Option("--db", metavar="FILE", dir_okay=False,
                                                 help="The warehouse file state:modified compares with.")]
                = Path("warehouse.duckdb")):
    """List models in build order with schema, materialization and parents."""
    import json

    from warehouse import api

    models = _run(lambda: api.ls(project_dir, select=select or (), exclude=exclude or (), db=db))
    if output == Output.json:
        typer.echo(json.dumps(models, indent=2))
        return
    for m in models:
        parents = ", ".join(m["parents"]) or "-"
        typer.echo(f"{m['name']:40} {m['materialized']:12} <- {parents}")


@app.command()
def export(project_dir: ProjectDir = Path("."), db: Db = Path("warehouse.duckdb"),
           out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet files.", file_okay=False)]
           = Path("export"),
           select: Select = None, exclude: Exclude = None):
    """Write each selected model to <out>/<schema>.<name>.parquet."""
    from warehouse import api

    paths = _run(lambda: api.export(project_dir, db, out=out, select=select or (), exclude=exclude or ()))
    for path in paths:
        typer.echo(str(path))


@app.command()
def query(sql: Annotated[str, typer.Argument(help="SQL queries, separated by ';'.")],
          db: Db = Path("warehouse.duckdb"),
          fmt: Annotated[Format, typer.Option("--format", "-f", help="table, csv or json.")] = Format.table,
          allow_files: Annotated[list[Path] | None, typer.Option(
              "--allow-files", metavar="PATH", help="A file or folder the query may read (repeatable).")]
          = None):
    """Run read-only queries against the published warehouse and print each result. They cannot
    change the warehouse or read files outside it, except those under --allow-files."""
    from warehouse import api
    from warehouse.formatting import render

    results = _run(lambda: api.query(sql, db, allow_files=allow_files or ()))
    # every statement's result in turn: tables and CSV blocks apart by a blank line, JSON one per line
    separator = "" if fmt is Format.json else "\n"
    sys.stdout.write(separator.join(render(columns, rows, fmt.value) for columns, rows in results))


source_app = typer.Typer(help="Sources: relations the project reads but does not build.",
                         no_args_is_help=True)
app.add_typer(source_app, name="source")


def _hours(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.0f} min"


@source_app.command("freshness")
def source_freshness(project_dir: ProjectDir = Path("."), db: Db = Path("warehouse.duckdb"),
                     json_output: Annotated[bool, typer.Option("--json", help="Print one JSON object.")]
                     = False):
    """Check each source's newest `loaded_at_field` against its warn_after and error_after.
    Exit 1 when any source is past error_after (or cannot be read)."""
    import json

    from warehouse import api

    results = _run(lambda: api.source_freshness(project_dir, db))
    if json_output:
        typer.echo(json.dumps(results, default=str))
    else:
        for r in results:
            status = {"pass": "PASS", "warn": "WARN", "error": "ERROR"}.get(r["status"], "ERROR")
            detail = (r["message"] or "") if r["age_seconds"] is None else (
                f"newest {r['max_loaded_at']} ({_hours(r['age_seconds'])} ago; warn after "
                f"{_hours(r['warn_after'])}, error after {_hours(r['error_after'])})")
            typer.echo(f"{status:5} source {r['name']}: {detail}")
        if not results:
            typer.echo("no source has a loaded_at_field with warn_after or error_after")
    raise typer.Exit(1 if any(r["status"] in ("error", "runtime error") for r in results) else 0)


@app.command()
def explain(fact_id: Annotated[str, typer.Argument(
                help="An investment_id, subsidy_id or purchase_id (or a unique prefix of 6+ characters).")],
            db: Db = Path("warehouse.duckdb"),
            json_output: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False):
    """Why a fact is in the marts: document, evidence, candidates and their rules, confidence."""
    import json

    from warehouse.explain import explain as explain_fact
    from warehouse.explain import render_text

    info = _run(lambda: explain_fact(fact_id, db))
    if json_output:
        typer.echo(json.dumps(info, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(info))


@app.command()
def review(db: Db = Path("warehouse.duckdb"),
           limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Deals to list.")] = 50,
           fmt: Annotated[Format, typer.Option("--format", "-f", help="table, csv or json.")] = Format.table):
    """List the deals to review first (least certain, then largest). With --format csv, rows of
    seeds/deal_reviews.csv to fill in: action (reject, accept, set), field, value."""
    from warehouse.formatting import render
    from warehouse.review import as_review_rows, deals_to_review

    columns, rows = _run(lambda: deals_to_review(db, limit))
    if fmt is Format.csv:
        columns, rows = as_review_rows(columns, rows)
    sys.stdout.write(render(columns, rows, fmt.value))


@app.command()
def docs(project_dir: ProjectDir = Path("."), db: Db = Path("warehouse.duckdb"),
         out: Annotated[Path | None, typer.Option(
             "--out", metavar="DIR", file_okay=False,
             help="Folder for the site (default: target/docs/ in the project).")] = None,
         serve: Annotated[bool, typer.Option("--serve", help="Then serve it on localhost until Ctrl-C.")]
         = False,
         port: Annotated[int, typer.Option("--port", min=0, max=65535, metavar="PORT",
                                           help="Port for --serve (0: any free port).")] = 8080):
    """Write a static documentation site: every model, seed, source and loader table with its
    columns, tests and lineage, column lineage of the marts, and the facts with their evidence.
    It works offline: open target/docs/index.html, or pass --serve."""
    from warehouse.docs import generate
    from warehouse.docs import serve as serve_site

    site = _run(lambda: generate(project_dir, db, out))
    typer.echo(f"wrote {site.path} ({site.relations} relations, {site.documents} document pages) in "
               f"{site.seconds:.2f}s; open {site.path / 'index.html'}")
    if serve:
        _run(lambda: serve_site(site.path, port, ready=lambda line: typer.echo(line)))


def main() -> None:
    """Run the typer app (`warehouse.cli.main` first tries the fast path for build and run)."""
    app()
