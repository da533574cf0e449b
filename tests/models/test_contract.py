"""The marts contract and the models' documentation and data tests."""

import json
from pathlib import Path

import yaml
from warehouse import api
from warehouse.staging import raw_tables

from .conftest import FIRMS, ROOT, write_csv

# ../shared/DESIGN.md, "Facts contract (marts)": names that must never change
CONTRACT = {
    "dim_documents": ["document_id", "file_name"],
    "dim_firms": ["firm_id", "firm_name", "country_code"],
    "dim_countries": ["country_code", "country_name"],
    "fct_investments": ["investment_id", "document_id", "investee_firm_id", "amount", "currency_code",
                        "amount_usd", "valuation_usd", "country_code", "announced_on", "evidence"],
    "bridge_investment_investors": ["investment_id", "investor_firm_id"],
    "fct_subsidies": ["subsidy_id", "document_id", "grantor_name", "grantor_country_code", "amount",
                      "currency_code", "amount_usd", "announced_on", "evidence"],
    "bridge_subsidy_recipients": ["subsidy_id", "recipient_firm_id"],
    "fct_chip_purchases": ["purchase_id", "document_id", "buyer_firm_id", "vendor_firm_id", "chip_model",
                           "quantity", "amount", "currency_code", "amount_usd", "country_code",
                           "announced_on", "evidence"],
}


def _columns(warehouse) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for schema, table, column in warehouse.sql(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where table_schema in ('staging', 'intermediate', 'marts') order by ordinal_position"):
        out.setdefault(f"{schema}.{table}", []).append(column)
    return out


def _sample(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    d.fact("Mistral AI lève 600 M€.", "investment", [("investee", "Mistral AI"), ("investor", "Bpifrance")],
           [(600e6, "EUR")])
    d.fact("Le METI débloque 1 Md¥.", "subsidy", [("grantor", "METI"), ("recipient", "Sakana AI")],
           [(1e9, "JPY")])
    d.fact("Scaleway commande 1 000 GPU.", "chip_purchase", [("buyer", "Scaleway"), ("vendor", "Nvidia")],
           quantity=1000)


def test_marts_have_the_contract_columns(warehouse):
    _sample(warehouse)
    warehouse.build()
    columns = _columns(warehouse)
    for table, wanted in CONTRACT.items():
        assert set(wanted) <= set(columns[f"marts.{table}"]), table
    for table in CONTRACT:
        assert warehouse.sql(f"select count(*) from marts.{table}")[0][0] > 0, table


def test_every_model_and_column_is_described(warehouse):
    _sample(warehouse)
    warehouse.build()
    columns = _columns(warehouse)
    described: dict[str, dict] = {}
    for path in sorted((ROOT / "models").glob("*/_*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            assert entry.get("description"), entry["name"]
            described[f"{path.parent.name}.{entry['name']}"] = {
                c["name"]: c.get("description") for c in entry.get("columns", [])}
    models = {f"{p.parent.name}.{p.stem}" for p in (ROOT / "models").glob("*/*.sql")}
    assert set(described) == models
    for model in models:
        assert described[model] and all(described[model].values()), model
        assert list(described[model]) == columns[model], model


def test_the_raw_sources_yaml_is_written_from_the_declaration():
    written = (ROOT / "models" / "staging" / "_sources.yml").read_text(encoding="utf-8")
    assert written == raw_tables.sources_yaml(), (
        "edit staging/raw_tables.py, then: "
        "python -m warehouse.staging.raw_tables > models/staging/_sources.yml")


def test_every_mart_key_and_foreign_key_is_tested(warehouse):
    _sample(warehouse)
    result = warehouse.build()
    tests = {r.unique_id for r in result.results if r.kind == "test"}
    for table, key in [("fct_investments", "investment_id"), ("fct_subsidies", "subsidy_id"),
                       ("fct_chip_purchases", "purchase_id"), ("dim_firms", "firm_id"),
                       ("dim_documents", "document_id"), ("dim_countries", "country_code")]:
        assert f"unique:marts.{table}.{key}" in tests
        assert f"not_null:marts.{table}.{key}" in tests
    for child, parent in [("fct_investments.investee_firm_id", "marts.dim_firms.firm_id"),
                          ("bridge_investment_investors.investor_firm_id", "marts.dim_firms.firm_id"),
                          ("bridge_investment_investors.investment_id",
                           "marts.fct_investments.investment_id"),
                          ("bridge_subsidy_recipients.recipient_firm_id", "marts.dim_firms.firm_id"),
                          ("fct_chip_purchases.vendor_firm_id", "marts.dim_firms.firm_id"),
                          ("fct_investments.currency_code", "seeds.currencies.currency_code"),
                          ("fct_subsidies.grantor_country_code", "marts.dim_countries.country_code")]:
        assert f"relationships:marts.{child}->{parent}" in tests
    assert any(name.startswith("singular:") for name in tests)


def test_a_seed_error_fails_the_build_and_publishes_nothing(warehouse):
    warehouse.doc("d1", "2024-06-12").fact("Mistral AI lève 600 M€.", "investment",
                                           [("investee", "Mistral AI")], [(600e6, "EUR")])
    write_csv(warehouse.root / "seeds" / "firms.csv", ["firm_id", "firm_name", "country_code", "firm_kind"],
              [*FIRMS, ("atlantis-ai", "Atlantis AI", "QQ", "startup")])  # no such country
    (warehouse.root / "raw_rows.json").write_text(json.dumps(warehouse.raw), encoding="utf-8")
    result = api.build(project_dir=warehouse.root, db=warehouse.db, threads=2)
    failed = {r.unique_id for r in result.results if r.status == "fail"}
    assert result.exit_code == 1 and not result.published
    assert "relationships:staging.stg_firms.country_code->seeds.countries.country_code" in failed
    assert "relationships:marts.dim_firms.country_code->marts.dim_countries.country_code" in failed
    assert not Path(warehouse.db).exists()


def test_odd_extractor_rows_warn_and_stay_out_of_the_marts(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    d.fact("Mistral AI lève 600 M€.", "investment", [("investee", "Mistral AI")], [(600e6, "EUR")],
           country="XX")
    d.fact("Sakana AI lève 0 $.", "investment", [("investee", "Sakana AI")], [(0.0, "USD")])
    d.fact("Scaleway achète des puces.", "chip_purchase", [("investor", "Bpifrance")], quantity=-3)
    d.fact("Une rumeur.", "rumour", [("investee", "Scaleway")])
    d.fact("Humain lève 5 M.", "investment", [("investee", "Humain")], [(5e6, "ZZZ")])
    warehouse.raw["fact_candidates"].append(dict(
        candidate_id="ghost:0", document_id="ghost", fact_type="investment", rule="r", cue="c", cue_start=0,
        sentence_start=0, sentence_end=5, sentence="Ghost", is_background=False))
    warehouse.raw["candidate_parties"].append(dict(
        candidate_id="ghost:0", document_id="ghost", role="investee", name="Mistral AI", span_start=0,
        span_end=5, rule="r"))
    result = warehouse.build()
    warned = {r.unique_id for r in result.results if r.status == "warn"}
    assert ("relationships:staging.stg_fact_candidates.document_id->staging.stg_documents.document_id"
            in warned)
    assert "accepted_values:staging.stg_fact_candidates.fact_type" in warned
    assert "expression:staging.stg_candidate_amounts.amount[amount > 0]" in warned
    assert ("relationships:staging.stg_candidate_amounts.currency_code->seeds.currencies.currency_code"
            in warned)
    rows = warehouse.sql("select investee_firm_id, amount, country_code "
                         "from marts.fct_investments order by 1")
    # an unknown country code gives way to the firm's; a zero or non-ISO amount is no amount
    assert rows == [("humain", None, "SA"), ("mistral-ai", 600e6, "FR"), ("sakana-ai", None, "JP")]
    assert warehouse.sql("select count(*) from marts.fct_chip_purchases") == [(0,)]
