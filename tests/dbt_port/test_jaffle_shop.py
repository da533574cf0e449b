"""dbt's jaffle_shop, ported to plain SQL (tests/dbt_port/jaffle_shop), through the real CLI.

The port keeps the project's shape and its 20 data tests, and reads its raw data the ways a
dbt project does: customers from a table the shop's app loads into the warehouse file (a
source, with freshness), payments from CSV exports (a file source), payment methods from
the finance team's DuckDB file (a database source), orders from a seed with column types.
What dbt does with Jinja is plain SQL here: `ref()` is the relation's name, the loop over
payment methods is a PIVOT (in an ephemeral model), `is_incremental()` is a model reading
its own rows.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from dbt_artifacts_parser.parser import parse_manifest, parse_run_results
from typer.testing import CliRunner
from warehouse.cli import app

PORT = Path(__file__).parent / "jaffle_shop"
CUSTOMERS = [(1, "Ada", "L."), (2, "Brian", "K."), (3, "Chloe", "M."), (4, "Dev", "P."),
             (5, "Eve", "R."), (6, "Farid", "S.")]
# the 20 tests of dbt's jaffle_shop: 8 on staging models, 12 on marts
JAFFLE_TESTS = {
    "unique:staging.stg_customers.customer_id", "not_null:staging.stg_customers.customer_id",
    "unique:staging.stg_orders.order_id", "not_null:staging.stg_orders.order_id",
    "accepted_values:staging.stg_orders.status",
    "unique:staging.stg_payments.payment_id", "not_null:staging.stg_payments.payment_id",
    "accepted_values:staging.stg_payments.payment_method",
    "unique:marts.customers.customer_id", "not_null:marts.customers.customer_id",
    "unique:marts.orders.order_id", "not_null:marts.orders.order_id", "not_null:marts.orders.customer_id",
    "relationships:marts.orders.customer_id->marts.customers.customer_id",
    "accepted_values:marts.orders.status", "not_null:marts.orders.amount",
    "not_null:marts.orders.credit_card_amount", "not_null:marts.orders.coupon_amount",
    "not_null:marts.orders.bank_transfer_amount", "not_null:marts.orders.gift_card_amount",
}


class Shop:
    """A copy of the port, with what other tools left: the app's customers table in the
    warehouse file and the finance team's DuckDB file."""

    def __init__(self, root: Path):
        shutil.copytree(PORT, root)
        self.root, self.db = root, root / "warehouse.duckdb"
        self.runner = CliRunner()
        self.sql("create schema app")
        self.sql("create table app.customers (id integer, first_name varchar, last_name varchar, "
                 "loaded_at timestamptz)")
        self.sql("insert into app.customers select *, now() - interval 2 hour from "
                 f"(values {', '.join(str(c) for c in CUSTOMERS)})")
        con = duckdb.connect(str(root / "finance.duckdb"))
        con.execute("create table payment_methods as select unnest(['credit_card', 'coupon', "
                    "'bank_transfer', 'gift_card']) as payment_method")
        con.close()

    def __call__(self, *args: str):
        argv = [*args, "--db", str(self.db)]
        if args[0] != "query":
            argv += ["--project-dir", str(self.root)]
        return self.runner.invoke(app, argv)

    def sql(self, statement: str):
        con = duckdb.connect(str(self.db))
        try:
            return con.execute(statement).fetchall()
        finally:
            con.close()

    def results(self) -> dict[str, str]:
        data = json.loads((self.root / "target/run_results.json").read_text())
        return {r["unique_id"].split(".", 2)[2]: r["status"] for r in data["results"]}


@pytest.fixture
def shop(tmp_path):
    return Shop(tmp_path / "jaffle_shop")


def test_the_port_builds_the_tables_and_passes_jaffle_shops_20_tests(shop):
    result = shop("build")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    statuses = shop.results()
    assert {t: statuses[t] for t in JAFFLE_TESTS} == dict.fromkeys(JAFFLE_TESTS, "pass")
    relations = {r[0] for r in shop.sql("select table_schema || '.' || table_name "
                                        "from information_schema.tables "
                                        "where table_schema not in ('_warehouse', 'audit')")}
    assert relations == {"app.customers", "seeds.raw_orders", "lake.payments", "finance.payment_methods",
                         "staging.stg_customers", "staging.stg_orders", "staging.stg_payments",
                         "marts.customers", "marts.orders", "marts.orders_log"}   # order_payments: ephemeral
    assert shop.sql("select customer_id, number_of_orders, customer_lifetime_value from marts.customers "
                    "order by customer_id") == [(1, 2, 35.0), (2, 2, 6.0), (3, 2, 43.0), (4, 1, 4.0),
                                                (5, 2, 33.0), (6, 1, 23.0)]
    assert shop.sql("select order_id, coupon_amount, amount from marts.orders where order_id in (3, 10) "
                    "order by 1") == [(3, 4.0, 4.0), (10, 0.0, 0.0)]
    # seed column types from YAML
    assert shop.sql("select data_type from information_schema.columns where table_name = 'raw_orders' "
                    "and column_name = 'order_date'") == [("DATE",)]


def test_thresholds_and_stored_failures(shop):
    # order 10 has no payment: `amount > 0` fails one row, under error_if ">3": WARN, published
    assert shop("build").exit_code == 0
    assert shop.results()["expression:marts.orders.amount[amount > 0]"] == "warn"
    assert shop.sql("select order_id from audit.expression_marts_orders_amount_amount_0") == [(10,)]
    marts = shop.root / "models/marts/_marts.yml"
    marts.write_text(marts.read_text().replace('error_if: ">3"', 'error_if: ">0"'))
    before = shop.db.read_bytes()
    result = shop("build")
    assert result.exit_code == 1 and shop.results()["expression:marts.orders.amount[amount > 0]"] == "fail"
    assert shop.db.read_bytes() == before                                         # nothing published


@pytest.mark.parametrize("old, new, expected", [
    ("config: {materialized: ephemeral}", "config: {materialised: ephemeral}",
     "did you mean `materialized`?"),
    ("config: {materialized: incremental, unique_key: order_id}",
     "config: {materialized: incremental, unique_key: order_id, on_schema_change: append_new_columns}",
     "`on_schema_change` is a dbt setting"),
    ("version: 2\n", "version: 2\nexposures:\n  - name: weekly_report\n", "`exposures` is a dbt setting"),
])
def test_config_the_engine_does_not_know_is_refused(shop, old, new, expected):
    marts = shop.root / "models/marts/_marts.yml"
    marts.write_text(marts.read_text().replace(old, new, 1))
    result = shop("build")
    assert result.exit_code == 2 and "models/marts/_marts.yml:" in result.stderr and expected in result.stderr


def test_run_runs_no_tests_and_query_prints_every_result(shop):
    assert shop("build").exit_code == 0
    (shop.root / "models/marts/customers.sql").write_text("select 1 as customer_id from range(2)")
    result = shop("run")
    assert result.exit_code == 0, result.output                  # the broken unique test is not run
    ran = shop.results()
    assert ran["marts.customers"] == "success" and not [uid for uid in ran if ":" in uid]   # no test
    result = shop("query", "select count(*) as orders from marts.orders; select count(*) as customers "
                           "from marts.customers", "--format", "csv")
    assert result.stdout == "orders\n10\n\ncustomers\n2\n"
    assert shop("test").exit_code == 1


def test_sources_survive_full_refresh_follow_new_files_and_report_freshness(shop):
    assert shop("build", "--full-refresh").exit_code == 0
    assert shop("build", "--full-refresh").exit_code == 0
    assert shop.sql("select count(*) from app.customers") == [(6,)]               # never dropped
    (shop.root / "data/payments/payments_2018_01c.csv").write_text("id,order_id,payment_method,amount\n"
                                                                   "12,10,credit_card,1500\n")
    assert "source lake.payments: files changed" in shop("build", "--dry-run").stdout
    assert shop("build").exit_code == 0
    assert shop.sql("select amount from marts.orders where order_id = 10") == [(15.0,)]
    assert "PASS  source app.customers" in shop("source", "freshness").stdout         # 2 h old
    shop.sql("update app.customers set loaded_at = now() - interval 13 hour")
    result = shop("source", "freshness")
    assert result.exit_code == 0 and "WARN  source app.customers" in result.stdout
    shop.sql("update app.customers set loaded_at = now() - interval 2 day")
    assert shop("source", "freshness").exit_code == 1
    ls = {m["name"]: m for m in json.loads(shop("ls", "--output", "json").stdout)}
    assert ls["app.customers"]["materialized"] == "source"
    assert ls["staging.stg_payments"]["parents"] == ["lake.payments"]
    assert ls["marts.order_payments"]["materialized"] == "ephemeral"


def test_orders_log_takes_only_new_orders_and_starts_over_with_full_refresh(shop):
    assert shop("build").exit_code == 0
    assert shop.sql("select count(*) from marts.orders_log") == [(10,)]           # first build: all
    with (shop.root / "seeds/raw_orders.csv").open("a") as fh:
        fh.write("11,4,2018-01-20,placed\n12,1,2018-01-03,placed\n")   # 12 is older than the newest
    assert shop("build").exit_code == 0
    assert shop.sql("select list(order_id order by order_id) from marts.orders_log") == [([*range(1, 12)],)]
    assert shop("build", "--full-refresh").exit_code == 0
    assert shop.sql("select count(*) from marts.orders_log") == [(12,)]


def test_artifacts_read_by_dbt_artifacts_parser(shop):
    assert shop("build").exit_code == 0
    manifest = parse_manifest(json.loads((shop.root / "target/manifest.json").read_text()))
    results = parse_run_results(json.loads((shop.root / "target/run_results.json").read_text()))
    orders = manifest.nodes["model.jaffle_shop.marts.orders"]
    assert orders.depends_on.nodes == ["model.jaffle_shop.marts.order_payments",
                                       "model.jaffle_shop.staging.stg_orders"]
    assert set(manifest.sources) == {"source.jaffle_shop.app.customers", "source.jaffle_shop.lake.payments",
                                     "source.jaffle_shop.finance.payment_methods"}
    tests = [n for n in manifest.nodes.values() if n.resource_type == "test"]
    assert len(tests) == 24                       # jaffle_shop's 20, 2 on the source, 2 more
    by_id = {r.unique_id: r for r in results.results}
    assert by_id["model.jaffle_shop.marts.orders"].adapter_response["rows_affected"] == 10
    assert set(by_id) <= set(manifest.nodes) | set(manifest.sources)
