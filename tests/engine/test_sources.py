"""Sources: tables another tool loaded into the file, files and other DuckDB files, and freshness."""

from __future__ import annotations

import json

import duckdb

SOURCES = """\
sources:
  - name: shop
    loaded_at_field: loaded_at
    freshness:
      warn_after: {count: 1, period: hour}
      error_after: {count: 1, period: day}
    tables:
      - name: orders
        columns:
          - name: id
            data_tests: [unique]
  - name: crm
    database: crm.duckdb
    tables:
      - name: customers
        identifier: people
  - name: lake
    tables:
      - name: payments
        path: data/pay_*.parquet
      - name: refunds
        path: data/refunds.csv
"""


def _setup(root, hours_ago: int = 2):
    """What other tools left: a table in the warehouse file, a DuckDB file, Parquet and CSV files."""
    con = duckdb.connect(str(root / "warehouse.duckdb"))
    con.execute("create schema shop")
    con.execute(f"create table shop.orders as select range as id, now() - interval {hours_ago} hour "
                "as loaded_at from range(5)")
    con.close()
    con = duckdb.connect(str(root / "crm.duckdb"))
    con.execute("create table people as select range as id, 'c' || range as name from range(3)")
    con.close()
    (root / "data").mkdir()
    con = duckdb.connect()
    con.execute("copy (select range as id, range * 10 as amount from range(4)) "
                f"to '{root}/data/pay_1.parquet'")
    con.close()
    (root / "data/refunds.csv").write_text("id,amount\n1,5\n")
    (root / "models/marts/_sources.yml").write_text(SOURCES)
    (root / "models/marts/orders_joined.sql").write_text(
        "select o.id, p.amount, c.name, r.amount as refunded from shop.orders o\n"
        "left join lake.payments p using (id) left join crm.customers c using (id)\n"
        "left join lake.refunds r using (id)\n")


def test_models_read_sources_by_name_and_a_build_never_drops_a_table_source(cli, project):
    _setup(project)
    for args in (("build",), ("build",), ("build", "--full-refresh")):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        assert cli.rows("select count(*), count(amount), count(name), count(refunded) "
                        "from marts.orders_joined") == [(5, 4, 3, 1)]
        assert cli.rows("select count(*) from shop.orders") == [(5,)]     # still there, never dropped
    sources = {r["name"]: r for r in json.loads(cli("ls", "--output", "json", db=False).stdout)
               if r["materialized"] == "source"}
    assert sorted(sources) == ["crm.customers", "lake.payments", "lake.refunds", "shop.orders"]
    assert sources["crm.customers"]["source"]["kind"] == "database"
    joined = next(r for r in json.loads(cli("ls", "--output", "json", db=False).stdout)
                  if r["name"] == "marts.orders_joined")
    assert joined["parents"] == ["crm.customers", "lake.payments", "lake.refunds", "shop.orders"]


def test_a_file_source_change_rebuilds_what_reads_it_and_tests_can_read_files(cli, project):
    _setup(project)
    (project / "models/marts/_sources.yml").write_text(SOURCES.replace("name: payments",
                                                                      "name: payments\n        data_tests: "
                                                                      "[{expression: 'amount >= 0'}]"))
    assert cli("build").exit_code == 0
    con = duckdb.connect()
    con.execute(f"copy (select 9 as id, 90 as amount) to '{project}/data/pay_2.parquet'")
    con.close()
    result = cli("build", "--dry-run")
    assert "source lake.payments: files changed" in result.stdout, result.stdout
    assert cli("build").exit_code == 0
    assert cli.rows("select count(*) from lake.payments") == [(5,)]
    assert cli("test").exit_code == 0                       # read-only, but the files are readable


def test_a_missing_table_source_is_exit_2_naming_it(cli, project):
    _setup(project)
    cli.db.unlink()
    result = cli("build")
    assert result.exit_code == 2
    assert ("models/marts/_sources.yml:8: source shop.orders: no table shop.orders in the warehouse"
            in result.stderr)


def test_a_source_that_leaves_the_project_loses_its_view_but_not_its_table(cli, project):
    _setup(project)
    assert cli("build").exit_code == 0
    (project / "models/marts/orders_joined.sql").unlink()
    (project / "models/marts/_sources.yml").write_text("models: []\n")
    assert cli("build").exit_code == 0
    names = {r[0] for r in cli.rows("select table_schema || '.' || table_name "
                                    "from information_schema.tables")}
    assert "shop.orders" in names and "lake.payments" not in names and "crm.customers" not in names


def test_source_freshness_pass_warn_error(cli, project, tmp_path, monkeypatch):
    _setup(project, hours_ago=2)
    assert cli("build").exit_code == 0
    monkeypatch.chdir(tmp_path)                              # where no warehouse.duckdb is
    result = cli("source", "freshness", "--project-dir", str(project), db=False, project=False)
    assert result.exit_code == 2                             # no published warehouse at the default --db
    result = cli("source", "freshness")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("WARN  source shop.orders: newest")
    con = duckdb.connect(str(cli.db))
    con.execute("update shop.orders set loaded_at = now() - interval 3 day")
    con.close()
    result = cli("source", "freshness", "--json")
    assert result.exit_code == 1
    (item,) = json.loads(result.stdout)
    assert (item["name"], item["status"]) == ("shop.orders", "error") and item["age_seconds"] > 3 * 86400 - 60
    con = duckdb.connect(str(cli.db))
    con.execute("update shop.orders set loaded_at = now()")
    con.close()
    assert "PASS  source shop.orders" in cli("source", "freshness").stdout


def test_a_reference_to_an_undeclared_source_table_says_did_you_mean(cli, project):
    _setup(project)
    (project / "models/marts/orders_joined.sql").write_text("select * from shop.order\n")
    result = cli("build")
    assert result.exit_code == 2 and "did you mean shop.orders?" in result.stderr


def test_relationships_to_a_source_in_dbt_form(cli, project):
    _setup(project)
    (project / "models/marts/_marts.yml").write_text(
        "models:\n  - name: orders_joined\n    columns:\n      - name: id\n        data_tests:\n"
        "          - relationships:\n"
        "              arguments: {to: \"source('shop', 'orders')\", field: id}\n")
    result = cli("build")
    assert result.exit_code == 0, result.output
    ids = {r["unique_id"] for r in cli.run_results()["results"]}
    assert "relationships:marts.orders_joined.id->shop.orders.id" in ids
