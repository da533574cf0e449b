"""export and query."""

from __future__ import annotations

import csv
import io
import json

import polars as pl
import pyarrow.parquet as pq


def test_export_writes_parquet_readable_by_polars_and_pyarrow(cli, tmp_path):
    assert cli("build").exit_code == 0
    out = tmp_path / "out"
    result = cli("export", "--out", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["marts.dim_firms.parquet", "marts.fct_deals.parquet",
                     "staging.stg_deals.parquet", "staging.stg_firms.parquet"]
    frame = pl.read_parquet(out / "marts.fct_deals.parquet")
    assert frame.height == 3 and frame["amount"].sum() == 1200
    table = pq.read_table(out / "marts.dim_firms.parquet")
    assert sorted(table.column("firm_id").to_pylist()) == ["aleph", "mistral"]


def test_export_selection(cli, tmp_path):
    assert cli("build").exit_code == 0
    out = tmp_path / "out"
    assert cli("export", "--out", str(out), "-s", "path:models/marts").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["marts.dim_firms.parquet", "marts.fct_deals.parquet"]


def test_export_without_a_warehouse_is_exit_2(cli, tmp_path):
    result = cli("export", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2


def test_query_formats(cli):
    assert cli("build").exit_code == 0
    sql = "select firm_id, amount from marts.fct_deals order by deal_id"
    table = cli("query", sql)
    assert table.exit_code == 0
    assert "| firm_id | amount |" in table.stdout and "(3 rows)" in table.stdout
    as_csv = cli("query", sql, "--format", "csv")
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["firm_id", "amount"], ["mistral", "600"], ["aleph", "500"], ["mistral", "100"]]
    as_json = cli("query", sql, "--format", "json")
    assert json.loads(as_json.stdout)[1] == {"firm_id": "aleph", "amount": 500}


def test_query_error_is_clean(cli):
    assert cli("build").exit_code == 0
    result = cli("query", "select * from marts.nothing")
    assert result.exit_code == 1
    assert "query failed" in result.stderr and "Traceback" not in result.output


def test_query_on_a_file_named_like_a_schema(cli, tmp_path):
    # DuckDB names a file's catalog after its stem: marts.duckdb must not shadow schema marts
    cli.db = tmp_path / "marts.duckdb"
    assert cli("build").exit_code == 0
    result = cli("query", "select count(*) as n from marts.fct_deals", "--format", "json")
    assert json.loads(result.stdout) == [{"n": 3}]


def test_help_and_version():
    from typer.testing import CliRunner
    from warehouse.cli import app

    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "run", "test", "ls", "export", "query"):
        assert command in result.stdout
    assert CliRunner().invoke(app, ["--version"]).stdout.startswith("warehouse ")
    assert CliRunner().invoke(app, ["build", "--no-such-flag"]).exit_code == 2


def test_closed_stdout_stops_quietly_and_publishes_nothing(project):
    """`warehouse build --json | head -1`: no traceback, no error message, no published file."""
    import subprocess
    import sys

    db = project / "warehouse.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "warehouse.cli", "build", "--json", "--project-dir",
                             str(project), "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away after the first event
    stderr = proc.stderr.read().decode()
    code = proc.wait()
    assert "Traceback" not in stderr and "Broken pipe" not in stderr
    assert code == 141 and not db.exists()


def test_query_prints_every_statements_result(cli):
    assert cli("build").exit_code == 0
    sql = "select count(*) as firms from marts.dim_firms; select 2 as b, 3 as c"
    table = cli("query", sql)
    assert table.exit_code == 0, table.output
    assert "| firms |" in table.stdout and "| b | c |" in table.stdout and table.stdout.count("(1 row)") == 2
    lines = cli("query", sql, "--format", "json").stdout.splitlines()
    assert [json.loads(line) for line in lines] == [[{"firms": 2}], [{"b": 2, "c": 3}]]
    assert cli("query", sql, "--format", "csv").stdout == "firms\n2\n\nb,c\n2,3\n"


def test_run_runs_no_tests_as_in_dbt(cli, project):
    assert cli("build").exit_code == 0
    # a model change that breaks a unique test: `run` builds and publishes it, `test` then fails
    (project / "models/marts/fct_deals.sql").write_text(
        "select 1 as deal_id, 'mistral' as firm_id, 5 as amount, 'FR' as country_code from range(2)")
    result = cli("run")
    assert result.exit_code == 0, result.output
    assert [r["kind"] for r in cli.run_results()["results"]] == ["model"]
    assert cli.rows("select count(*) from marts.fct_deals") == [(2,)]
    assert cli("test").exit_code == 1
