"""Data tests: each generic type, severities, singular tests and the `test` command."""

from __future__ import annotations

import pytest
import yaml

FAILING = {
    # kind: (column of marts.fct_deals, test arguments, replacement SQL for the model or None)
    "not_null": ("firm_id", {}, "select deal_id, null as firm_id, amount from staging.stg_deals"),
    "unique": ("firm_id", {}, None),   # mistral has two deals
    "accepted_values": ("firm_id", {"values": ["mistral"]}, None),
    "relationships": ("firm_id", {"to": "seeds.firms", "field": "firm_name"}, None),
    "expression": ("amount", {"expression": "amount > 150"}, None),
}


def _yml(column: str, kind: str, args: dict | None = None, severity: str | None = None) -> str:
    args = dict(args or {})
    if severity:
        args["severity"] = severity
    test = {kind: args} if args else kind
    model = {"name": "fct_deals", "columns": [{"name": column, "data_tests": [test]}]}
    return yaml.safe_dump({"models": [model]})


@pytest.mark.parametrize("kind", sorted(FAILING))
def test_each_generic_test_fails_with_error_severity(cli, project, sha256, kind):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    column, args, sql = FAILING[kind]
    if sql:
        (project / "models/marts/fct_deals.sql").write_text(sql)
    (project / "models/marts/_marts.yml").write_text(_yml(column, kind, args))
    result = cli("build")
    assert result.exit_code == 1, result.output
    failed = [r for r in cli.run_results()["results"] if r["kind"] == "test"]
    assert len(failed) == 1 and failed[0]["status"] == "fail" and failed[0]["failures"] > 0
    assert failed[0]["unique_id"].startswith(f"{kind}:marts.fct_deals")
    assert sha256(cli.db) == before                      # a failing test does not publish


@pytest.mark.parametrize("kind", sorted(FAILING))
def test_each_generic_test_only_warns_with_warn_severity(cli, project, kind):
    column, args, sql = FAILING[kind]
    if sql:
        (project / "models/marts/fct_deals.sql").write_text(sql)
    (project / "models/marts/_marts.yml").write_text(_yml(column, kind, args, "warn"))
    result = cli("build")
    assert result.exit_code == 0, result.output
    tests = [r for r in cli.run_results()["results"] if r["kind"] == "test"]
    assert [t["status"] for t in tests] == ["warn"]
    assert cli.run_results()["published"]


def test_generic_tests_pass_on_good_data(cli):
    result = cli("build")
    assert result.exit_code == 0
    statuses = {r["unique_id"]: r["status"] for r in cli.run_results()["results"] if r["kind"] == "test"}
    assert set(statuses.values()) == {"pass"}
    assert "relationships:marts.fct_deals.firm_id->marts.dim_firms.firm_id" in statuses
    assert "expression:marts.fct_deals.amount[amount > 0]" in statuses


def test_model_level_expression_test(cli, project):
    (project / "models/marts/_marts.yml").write_text(
        "models:\n  - name: fct_deals\n    data_tests:\n      - expression: \"amount < 500\"\n")
    assert cli("build").exit_code == 1
    (result,) = [r for r in cli.run_results()["results"] if r["kind"] == "test"]
    assert result["failures"] == 2


def test_singular_tests_error_and_warn(cli, project, write):
    write(project, {"data_tests/big_deals.sql": "select * from marts.fct_deals where amount >= 500"})
    assert cli("build").exit_code == 1
    assert not cli.db.exists()
    write(project, {"data_tests/big_deals.sql":
                    "-- severity: warn\nselect * from marts.fct_deals where amount >= 500"})
    assert cli("build").exit_code == 0
    by_id = {r["unique_id"]: r for r in cli.run_results()["results"]}
    assert by_id["singular:big_deals"]["status"] == "warn" and by_id["singular:big_deals"]["failures"] == 2


def test_singular_test_in_model_folder(cli, project, write):
    write(project, {"models/marts/tests/no_deals_without_country.sql":
                    "select * from marts.fct_deals where country_code is null"})
    assert cli("build").exit_code == 0
    assert any(r["unique_id"] == "singular:no_deals_without_country" for r in cli.run_results()["results"])


def test_test_command_reads_the_published_file(cli, project, sha256):
    assert cli("build").exit_code == 0
    before = sha256(cli.db)
    result = cli("test")
    assert result.exit_code == 0, result.output
    assert cli.run_results()["command"] == "test"
    # a new failing test against the same published data: exit 1, file untouched
    (project / "models/marts/_marts.yml").write_text(_yml("firm_id", "unique"))
    result = cli("test")
    assert result.exit_code == 1
    assert sha256(cli.db) == before


def test_test_command_without_a_warehouse_is_exit_2(cli):
    result = cli("test")
    assert result.exit_code == 2 and "no warehouse" in result.stderr


def test_test_on_missing_column_is_an_error(cli, project):
    (project / "models/marts/_marts.yml").write_text(_yml("nope", "not_null"))
    assert cli("build").exit_code == 1
    (result,) = [r for r in cli.run_results()["results"] if r["kind"] == "test"]
    assert result["status"] == "error" and "nope" in result["message"]


def _unique_firm_id(config: str) -> str:
    # mistral has two deals: unique on fct_deals.firm_id has 1 failing row
    return ("models:\n  - name: fct_deals\n    columns:\n      - name: firm_id\n        data_tests:\n"
            f"          - unique: {config}\n")


@pytest.mark.parametrize("config, status, exit_code", [
    ("{config: {warn_if: '>10', error_if: '>10'}}", "pass", 0),      # below both thresholds
    ("{config: {warn_if: '>10'}}", "fail", 1),                       # error_if is still '!=0'
    ("{config: {error_if: '>10'}}", "warn", 0),                      # dbt: WARN, exit 0, published
    ("{config: {error_if: '>=1'}}", "fail", 1),
    ("{config: {severity: warn, error_if: '>=1'}}", "warn", 0),      # warn severity never fails
    ("{warn_if: '!=0', error_if: '> 0'}", "fail", 1),                # the older form: beside the args
    ("{config: {error_if: '=1'}}", "fail", 1),
])
def test_warn_if_and_error_if_follow_dbt(cli, project, config, status, exit_code):
    (project / "models/marts/_marts.yml").write_text(_unique_firm_id(config))
    result = cli("build")
    assert result.exit_code == exit_code, result.output
    (test,) = [r for r in cli.run_results()["results"] if r["kind"] == "test"]
    assert (test["status"], test["failures"]) == (status, 1)
    assert cli.db.exists() == (exit_code == 0)


def test_store_failures_keeps_the_failing_rows_in_audit_replaced_each_run(cli, project):
    (project / "models/marts/_marts.yml").write_text(_unique_firm_id("{config: {store_failures: true, "
                                                                     "severity: warn}}"))
    assert cli("build").exit_code == 0
    table = "audit.unique_marts_fct_deals_firm_id"
    assert cli.rows(f"select firm_id, n_records from {table}") == [("mistral", 2)]
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,600\n2,aleph,500\n")
    assert cli("build").exit_code == 0
    assert cli.rows(f"select count(*) from {table}") == [(0,)]       # replaced: no failing row now
    # the test leaves the project: its table goes with it
    (project / "models/marts/_marts.yml").write_text("models: []\n")
    assert cli("build").exit_code == 0
    assert cli.rows("select count(*) from information_schema.tables where table_schema = 'audit'") == [(0,)]


def test_warehouse_test_is_read_only_with_store_failures(cli, project):
    (project / "models/marts/_marts.yml").write_text(_unique_firm_id("{config: {store_failures: true, "
                                                                     "severity: warn}}"))
    assert cli("build").exit_code == 0
    result = cli("test")
    assert result.exit_code == 0, result.output
    (test,) = [r for r in cli.run_results()["results"] if r["kind"] == "test"]
    assert test["status"] == "warn"
