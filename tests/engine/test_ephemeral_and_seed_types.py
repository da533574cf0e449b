"""Ephemeral models (inlined as CTEs into their readers) and seed column types from YAML."""

from __future__ import annotations

import json


def _tables(cli) -> set[str]:
    return {r[0] for r in cli.rows("select table_schema || '.' || table_name "
                                   "from information_schema.tables")}


def test_an_ephemeral_model_is_inlined_into_its_readers_and_never_built(cli, project):
    # staging is ephemeral: stg_firms and stg_deals become CTEs of dim_firms and fct_deals;
    # big_deals (ephemeral, reading an ephemeral) goes into a view too
    (project / "models/staging/_staging.yml").write_text("config: {materialized: ephemeral}\n")
    (project / "models/staging/big_deals.sql").write_text(
        "select * from staging.stg_deals where amount > 150")
    (project / "models/marts/big.sql").write_text(
        "with firms as (select * from marts.dim_firms)\n"
        "select b.deal_id, firms.firm_name from staging.big_deals b join firms using (firm_id)")
    (project / "models/marts/_big.yml").write_text("models:\n  - name: big\n    materialized: view\n")
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert not {"staging.stg_firms", "staging.stg_deals", "staging.big_deals"} & _tables(cli)
    assert sorted(cli.rows("select * from marts.big")) == [(1, "Mistral AI"), (2, "Aleph Alpha")]
    assert cli.rows("select count(*) from marts.fct_deals") == [(3,)]
    models = {m["name"]: m for m in json.loads(cli("ls", "--output", "json", db=False).stdout)}
    assert models["staging.big_deals"]["materialized"] == "ephemeral"
    assert models["marts.big"]["parents"] == ["marts.dim_firms", "staging.big_deals"]
    # back to views: the relations come back; and ephemeral again: they go
    (project / "models/staging/_staging.yml").unlink()
    assert cli("build").exit_code == 0
    assert "staging.big_deals" in _tables(cli)
    (project / "models/staging/_staging.yml").write_text("config: {materialized: ephemeral}\n")
    assert cli("build").exit_code == 0
    assert "staging.big_deals" not in _tables(cli)


def test_a_data_test_on_an_ephemeral_model_is_exit_2(cli, project):
    (project / "models/marts/_marts.yml").write_text(
        "models:\n  - name: dim_firms\n    materialized: ephemeral\n    columns:\n"
        "      - name: firm_id\n        data_tests: [unique]\n")
    result = cli("build")
    assert result.exit_code == 2 and "an ephemeral model is no relation to test" in result.stderr


def test_seed_column_types_from_yaml(cli, project):
    (project / "seeds/_seeds.yml").write_text(
        "seeds:\n  - name: deals\n    config:\n"
        "      column_types: {deal_id: varchar, amount: 'decimal(12,2)'}\n"
        "    columns:\n      - name: deal_id\n        data_tests: [unique, not_null]\n")
    result = cli("build")
    assert result.exit_code == 0, result.output
    types = dict(cli.rows("select column_name, data_type from information_schema.columns "
                          "where table_schema = 'seeds' and table_name = 'deals'"))
    assert types == {"deal_id": "VARCHAR", "firm_id": "VARCHAR", "amount": "DECIMAL(12,2)"}
    tests = {r["unique_id"] for r in cli.run_results()["results"] if r["kind"] == "test"}
    assert {"unique:seeds.deals.deal_id", "not_null:seeds.deals.deal_id"} <= tests
    # a change of column types alone reloads the seed
    (project / "seeds/_seeds.yml").write_text("seeds:\n  - name: deals\n    column_types: {amount: double}\n")
    assert "seeds.deals: column_types changed" in cli("build", "--dry-run").stdout


def test_seed_yaml_naming_no_seed_is_exit_2(cli, project):
    (project / "seeds/_seeds.yml").write_text("seeds:\n  - name: dealz\n    column_types: {a: int}\n")
    result = cli("build")
    assert result.exit_code == 2 and "seeds/_seeds.yml:2: YAML describes seed seeds.dealz" in result.stderr
