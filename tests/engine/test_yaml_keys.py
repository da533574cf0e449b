"""Every YAML key is known or rejected (exit 2) with the file, the line and what to write instead."""

from __future__ import annotations

import pytest

MARTS = """\
models:
  - name: dim_firms
    %s
    columns:
      - name: firm_id
        data_tests: [not_null]
"""


@pytest.mark.parametrize("line, expected, hint", [
    ("materialised: table", "unknown key `materialised`", "did you mean `materialized`?"),
    ("config: {materialzed: table}", "unknown key `materialzed`", "did you mean `materialized`?"),
    ("descripton: x", "unknown key `descripton`", "did you mean `description`?"),
    ("config: {on_schema_change: fail}", "`on_schema_change` is a dbt setting", "--full-refresh"),
    ("config: {contract: {enforced: true}}", "`contract` is a dbt setting", "cast in the model's SQL"),
    ("config: {post_hook: 'grant select'}", "`post_hook` is a dbt setting", "no hooks"),
    ("config: {incremental_strategy: merge}", "`incremental_strategy` is a dbt setting", "unique_key"),
    ("access: public", "`access` is a dbt setting", "no model groups"),
])
def test_a_model_key_that_is_unknown_or_from_dbt_is_exit_2_on_its_line(cli, project, line, expected, hint):
    (project / "models/marts/_marts.yml").write_text(MARTS % line)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert "models/marts/_marts.yml:3: " in result.stderr and expected in result.stderr
    assert hint in result.stderr
    assert not cli.db.exists()


@pytest.mark.parametrize("column_line, expected", [
    ("data_type: varchar", "`data_type` is a dbt setting"),
    ("tset: [unique]", "did you mean `tests`?"),
])
def test_a_column_key_is_checked(cli, project, column_line, expected):
    text = MARTS.replace("    %s\n", "").replace("data_tests: [not_null]",
                                                 f"data_tests: [not_null]\n        {column_line}")
    (project / "models/marts/_marts.yml").write_text(text)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert "_marts.yml:6:" in result.stderr and expected in result.stderr


@pytest.mark.parametrize("block, expected", [
    ("exposures:\n  - name: dashboard\n", "`exposures` is a dbt setting"),
    ("unit_tests:\n  - name: t\n", "`unit_tests` is a dbt setting"),
    ("modles: []\n", "did you mean `models`?"),
])
def test_a_top_level_key_is_checked(cli, project, block, expected):
    (project / "models/marts/_marts.yml").write_text(MARTS % "description: x" + block)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert "_marts.yml:7:" in result.stderr and expected in result.stderr


@pytest.mark.parametrize("test, expected", [
    ("- unique: {config: {where: 'x > 1'}}", "`where` is a dbt setting"),
    ("- unique: {config: {severty: warn}}", "did you mean `severity`?"),
    ("- accepted_values: {arguments: {valeus: [a]}}", "did you mean `values`?"),
    ("- dbt_utils.expression_is_true: {expression: 'x'}", "package tests are not available"),
    ("- unique: {warn_if: 10}", 'warn_if of unique on marts.dim_firms.firm_id must be a comparison'),
    ("- unique: {store_failures: yes please}", "store_failures of unique on marts.dim_firms.firm_id must be"),
])
def test_a_test_key_is_checked(cli, project, test, expected):
    text = MARTS.replace("    %s\n", "").replace("data_tests: [not_null]", "data_tests:\n          " + test)
    (project / "models/marts/_marts.yml").write_text(text)
    result = cli("build")
    assert result.exit_code == 2, result.output
    assert "_marts.yml:6:" in result.stderr and expected in result.stderr


def test_warehouse_yml_keys_are_checked(cli, project):
    (project / "warehouse.yml").write_text("name: x\nloader: [a]\n")
    result = cli("build")
    assert result.exit_code == 2 and "warehouse.yml:2: warehouse.yml: unknown key `loader`" in result.stderr
    assert "did you mean `loaders`?" in result.stderr


def test_dbt_forms_that_are_supported_pass(cli, project):
    (project / "models/marts/_marts.yml").write_text("""\
version: 2
models:
  - name: dim_firms
    meta: {owner: data-team}
    config: {materialized: table, meta: {tier: gold}}
    columns:
      - name: firm_id
        meta: {pii: false}
        data_tests:
          - not_null:
              config: {severity: error}
          - accepted_values:
              arguments: {values: [mistral, aleph]}
              config: {severity: warn}
          - relationships:
              arguments:
                to: ref('stg_firms')
                field: firm_id
""")
    result = cli("build")
    assert result.exit_code == 0, result.output
    tests = {r["unique_id"] for r in cli.run_results()["results"] if r["kind"] == "test"}
    assert "relationships:marts.dim_firms.firm_id->staging.stg_firms.firm_id" in tests
    assert "accepted_values:marts.dim_firms.firm_id" in tests
