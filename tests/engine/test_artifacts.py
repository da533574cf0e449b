"""target/run_results.json and target/manifest.json in dbt's schemas, read by dbt-artifacts-parser."""

from __future__ import annotations

import json

from dbt_artifacts_parser.parser import parse_manifest, parse_run_results


def _load(cli, name: str) -> dict:
    return json.loads((cli.root / "target" / name).read_text())


def test_run_results_parse_as_dbt_run_results_v6(cli, project):
    (project / "models/marts/_marts.yml").write_text(
        "models:\n  - name: fct_deals\n    columns:\n      - name: firm_id\n        data_tests:\n"
        "          - unique: {config: {severity: warn}}\n")
    assert cli("build").exit_code == 0
    results = parse_run_results(_load(cli, "run_results.json"))
    assert type(results).__name__ == "RunResultsV6"
    by_id = {r.unique_id: r for r in results.results}
    model = by_id["model.proj.marts.fct_deals"]
    assert model.status.value == "success" and model.adapter_response["rows_affected"] == 3
    assert model.execution_time >= 0 and model.timing[0].started_at <= model.timing[0].completed_at
    assert model.relation_name == '"warehouse"."marts"."fct_deals"'
    test = by_id["test.proj.unique:marts.fct_deals.firm_id"]
    assert (test.status.value, test.failures) == ("warn", 1)
    assert by_id["seed.proj.seeds.deals"].adapter_response["rows_affected"] == 3
    assert results.args["warehouse"]["published"] is True


def test_manifest_parses_as_dbt_manifest_v12_with_dependencies(cli, project, write):
    write(project, {
        "models/marts/_sources.yml": "sources:\n  - name: ext\n    tables:\n      - name: rates\n"
                                     "        path: rates.csv\n",
        "rates.csv": "currency,rate\nEUR,1.1\n",
        "models/marts/with_rates.sql": "select * from marts.fct_deals cross join ext.rates",
    })
    assert cli("build").exit_code == 0
    manifest = parse_manifest(_load(cli, "manifest.json"))
    assert type(manifest).__name__ == "ManifestV12"
    fct = manifest.nodes["model.proj.marts.fct_deals"]
    assert fct.resource_type == "model"
    assert fct.depends_on.nodes == ["model.proj.marts.dim_firms", "model.proj.staging.stg_deals"]
    assert fct.config.materialized == "table" and fct.schema_ == "marts"
    rates = manifest.nodes["model.proj.marts.with_rates"]
    assert rates.depends_on.nodes == ["model.proj.marts.fct_deals", "source.proj.ext.rates"]
    assert manifest.sources["source.proj.ext.rates"].source_name == "ext"
    assert "test.proj.unique:marts.dim_firms.firm_id" in manifest.nodes
    assert manifest.child_map["model.proj.marts.fct_deals"] == sorted(
        ["model.proj.marts.with_rates", "test.proj.unique:marts.fct_deals.deal_id",
         "test.proj.relationships:marts.fct_deals.firm_id->marts.dim_firms.firm_id",
         "test.proj.expression:marts.fct_deals.amount[amount > 0]"])
    # the two files join on unique_id
    run_ids = {r.unique_id for r in parse_run_results(_load(cli, "run_results.json")).results}
    assert run_ids <= set(manifest.nodes) | set(manifest.sources)
