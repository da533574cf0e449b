"""The loader protocol: project-local loaders, PROVIDES, STATEFUL, failures and rejects."""

from __future__ import annotations

import uuid

import pytest

LOADER = '''
from warehouse.loaders import LoadResult

PROVIDES = ("raw.documents",)
STATEFUL = {stateful}


def load(con, ctx):
    con.execute("create schema if not exists raw")
    con.execute("create table if not exists raw.documents (file_name varchar, text varchar)")
    before = con.execute("select count(*) from raw.documents").fetchall()[0][0]
    for path in sorted(ctx.documents_dir.glob("*.txt")):
        if ctx.full_refresh or not con.execute(
                "select 1 from raw.documents where file_name = ?", [path.name]).fetchall():
            con.execute("delete from raw.documents where file_name = ?", [path.name])
            con.execute("insert into raw.documents values (?, ?)", [path.name, path.read_text()])
    {fail}
    rows = con.execute("select count(*) from raw.documents").fetchall()[0][0]
    return LoadResult(rows={{"raw.documents": rows}}, rejected={rejected}, skipped=before,
                      messages=["loaded"])
'''


@pytest.fixture
def loader_project(tmp_path, write):
    """A project whose loader module lives in the project folder (not installed)."""

    def make(stateful=True, fail="", rejected=0):
        name = f"docs_loader_{uuid.uuid4().hex[:8]}"   # fresh module name: no import cache between tests
        root = write(tmp_path / "lp", {
            "warehouse.yml": f"name: lp\ndocuments: docs\nloaders:\n  - {name}\n",
            f"{name}.py": LOADER.format(stateful=stateful, fail=fail, rejected=rejected),
            "docs/a.txt": "alpha",
            "models/staging/stg_documents.sql": "select file_name, length(text) as n from raw.documents",
        })
        return root
    return make


def test_project_local_loader_provides_relations(loader_project, cli):
    cli.root = loader_project()
    cli.db = cli.root / "warehouse.duckdb"
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select * from staging.stg_documents") == [("a.txt", 5)]
    (loader,) = [r for r in cli.run_results()["results"] if r["kind"] == "loader"]
    assert loader["rows"] == 1 and loader["status"] == "success"


def test_stateful_loader_starts_from_last_good_file(loader_project, cli):
    cli.root = loader_project(stateful=True)
    cli.db = cli.root / "warehouse.duckdb"
    assert cli("build").exit_code == 0
    (cli.root / "docs/a.txt").write_text("changed text")   # a stateful loader skips known files
    (cli.root / "docs/b.txt").write_text("beta")
    assert cli("build").exit_code == 0
    assert cli.rows("select * from staging.stg_documents order by 1") == [("a.txt", 5), ("b.txt", 4)]
    assert cli("build", "--full-refresh").exit_code == 0
    assert cli.rows("select * from staging.stg_documents order by 1") == [("a.txt", 12), ("b.txt", 4)]


def test_documents_flag_overrides_warehouse_yml(loader_project, cli, tmp_path):
    cli.root = loader_project()
    cli.db = cli.root / "warehouse.duckdb"
    other = tmp_path / "other"
    other.mkdir()
    (other / "z.txt").write_text("zz")
    assert cli("build", "--documents", str(other)).exit_code == 0
    assert cli.rows("select * from staging.stg_documents") == [("z.txt", 2)]


def test_loader_exception_fails_the_build_cleanly(loader_project, cli, sha256):
    cli.root = loader_project()
    cli.db = cli.root / "warehouse.duckdb"
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    cli.root = loader_project(fail="raise ValueError('corrupt input')")
    cli.db = cli.root / "warehouse.duckdb"
    result = cli("build")
    assert result.exit_code == 1
    assert "ValueError: corrupt input" in result.stdout and "Traceback" not in result.output
    assert sha256(cli.db) == before
    statuses = {r["unique_id"]: r["status"] for r in cli.run_results()["results"]}
    assert statuses["staging.stg_documents"] == "skipped"


def test_fail_on_rejects(loader_project, cli):
    cli.root = loader_project(rejected=2)
    cli.db = cli.root / "warehouse.duckdb"
    assert cli("build").exit_code == 0
    result = cli("build", "--fail-on-rejects")
    assert result.exit_code == 1 and "rejected" in result.stdout


def test_missing_loader_module_is_exit_2(cli, project, write):
    write(project, {"warehouse.yml": "loaders:\n  - no_such_loader_module\n"})
    result = cli("build")
    assert result.exit_code == 2
    assert "warehouse.yml" in result.stderr and "no_such_loader_module" in result.stderr


def test_reference_to_unprovided_raw_table_is_exit_2(cli, project, write):
    write(project, {"models/staging/stg_docs.sql": "select * from raw.documents"})
    result = cli("build")
    assert result.exit_code == 2 and "raw.documents" in result.stderr


def test_a_source_declared_on_a_loaders_table_documents_it(loader_project, cli):
    # dbt's sources of an EL tool: the YAML describes what the loader writes; the loader builds it,
    # and a build neither looks for it before the loader ran nor keeps, copies or re-reads it
    cli.root = loader_project()
    cli.db = cli.root / "warehouse.duckdb"
    (cli.root / "models/staging/_sources.yml").write_text(
        "sources:\n  - name: raw\n    tables:\n      - name: documents\n        columns:\n"
        "          - name: file_name\n            data_type: varchar\n            description: The file.\n"
        "            constraints: [{type: not_null}]\n"
    )
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select * from staging.stg_documents") == [("a.txt", 5)]
    assert cli("build").exit_code == 0
    assert not [r for r in cli.run_results()["results"] if r["kind"] == "source"]
