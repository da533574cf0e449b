"""Column lineage (warehouse.docs.lineage): sqlglot's lineage per model, chained across models
down to seeds and raw tables, on small projects written here and on the bundled project."""

from __future__ import annotations

import textwrap
from pathlib import Path

from warehouse import api
from warehouse.dag import order
from warehouse.docs.catalog import declared_schema
from warehouse.docs.lineage import compute

PROJECT = {
    "seeds/firms.csv": "firm_id,firm_name,country_code\nmistral,Mistral AI,FR\n",
    "seeds/deals.csv": "deal_id,firm_id,amount,currency\n1,mistral,600,EUR\n",
    "seeds/rates.csv": "currency,usd_per_unit\nEUR,1.1\n",
    "models/staging/stg_deals.sql": "select * from seeds.deals\n",
    "models/staging/stg_firms.sql":
        "select firm_id, upper(firm_name) as firm_name, country_code from seeds.firms\n",
    "models/intermediate/int_deals_usd.sql": """
        with deals as (select * from staging.stg_deals),
        rates as (select currency, usd_per_unit from seeds.rates)
        select deals.deal_id, deals.firm_id, deals.amount * rates.usd_per_unit as amount_usd
        from deals join rates using (currency)
    """,
    "models/marts/fct_deals.sql": """
        select d.deal_id, f.firm_name, d.amount_usd, 'EUR' as reported_in
        from intermediate.int_deals_usd d
        join staging.stg_firms f using (firm_id)
    """,
    "models/marts/all_names.sql": """
        select firm_name as name from staging.stg_firms
        union all
        select firm_id from seeds.deals
    """,
}


def _project(root: Path) -> Path:
    for rel, text in PROJECT.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def _lineage(root: Path):
    prep = api.prepare(root)
    return compute(prep.project.models, order(prep.graph), declared_schema(prep.project, {}))


def test_a_mart_column_reaches_the_seed_columns_it_is_computed_from(tmp_path):
    lineage = _lineage(_project(tmp_path))
    assert lineage.errors == {}
    # through a CTE over `select *`, a join and an expression, then a join in the mart
    assert lineage.leaves(("marts.fct_deals", "amount_usd")) == {
        ("seeds.deals", "amount"), ("seeds.rates", "usd_per_unit")}
    assert lineage.leaves(("marts.fct_deals", "firm_name")) == {("seeds.firms", "firm_name")}
    assert lineage.leaves(("marts.fct_deals", "reported_in")) == set()     # a constant


def test_direct_parents_are_one_model_step_up(tmp_path):
    lineage = _lineage(_project(tmp_path))
    assert lineage.parents[("marts.fct_deals", "amount_usd")] == {
        ("intermediate.int_deals_usd", "amount_usd")}
    assert lineage.parents[("staging.stg_deals", "amount")] == {("seeds.deals", "amount")}
    seen, edges = lineage.upstream(("marts.fct_deals", "amount_usd"))
    assert ("staging.stg_deals", "amount") in seen
    assert (("staging.stg_deals", "amount"), ("intermediate.int_deals_usd", "amount_usd")) in edges
    assert lineage.columns["staging.stg_deals"] == ["deal_id", "firm_id", "amount", "currency"]


def test_a_union_takes_every_branch(tmp_path):
    lineage = _lineage(_project(tmp_path))
    assert lineage.leaves(("marts.all_names", "name")) == {
        ("seeds.firms", "firm_name"), ("seeds.deals", "firm_id")}


def test_a_model_sqlglot_cannot_trace_is_reported_not_fatal(tmp_path):
    _project(tmp_path)
    # DuckDB's PIVOT statement builds, but sqlglot's lineage takes only a select
    (tmp_path / "models" / "marts" / "pivoted.sql").write_text(
        "pivot seeds.deals on currency using sum(amount)\n")
    (tmp_path / "models" / "marts" / "starred.sql").write_text(
        "select * exclude (firm_id) from seeds.firms, (select 1 as one) q\n")
    lineage = _lineage(tmp_path)
    assert lineage.errors["marts.pivoted"].startswith("SqlglotError: ")
    assert lineage.columns["marts.starred"] == ["firm_name", "country_code", "one"]
    assert lineage.leaves(("marts.starred", "firm_name")) == {("seeds.firms", "firm_name")}
    assert lineage.leaves(("marts.fct_deals", "firm_name")) == {("seeds.firms", "firm_name")}


def test_a_kept_result_is_used_only_for_the_same_sql_and_columns(tmp_path):
    root = _project(tmp_path / "project")
    cache = tmp_path / "lineage.json"
    prep = api.prepare(root)
    schema = declared_schema(prep.project, {})
    first = compute(prep.project.models, order(prep.graph), schema, cache)
    assert cache.exists()
    again = compute(prep.project.models, order(prep.graph), schema, cache)
    assert again.parents == first.parents and again.columns == first.columns
    # an edited model is traced again; so is one whose parent's columns changed
    (root / "models" / "marts" / "fct_deals.sql").write_text(
        "select d.deal_id, d.firm_id as amount_usd from intermediate.int_deals_usd d\n")
    (root / "seeds" / "deals.csv").write_text("deal_id,firm_id,amount,currency,extra\n1,mistral,600,EUR,x\n")
    prep = api.prepare(root)
    edited = compute(prep.project.models, order(prep.graph), declared_schema(prep.project, {}), cache)
    assert edited.leaves(("marts.fct_deals", "amount_usd")) == {("seeds.deals", "firm_id")}
    assert edited.columns["staging.stg_deals"][-1] == "extra"        # `select *` over the new header
    assert edited.parents[("staging.stg_deals", "extra")] == {("seeds.deals", "extra")}


def test_what_sqlglot_cannot_follow_is_named_not_taken_for_a_table(tmp_path):
    _project(tmp_path)
    # a CTE that is a PIVOT statement: sqlglot's lineage stops at its name
    (tmp_path / "models" / "marts" / "by_currency.sql").write_text(
        "with pivoted as (pivot seeds.deals on currency using sum(amount) group by deal_id)\n"
        "select deal_id, pivoted.EUR as eur from pivoted\n")
    lineage = _lineage(tmp_path)
    assert lineage.leaves(("marts.by_currency", "eur")) == set()
    assert lineage.lost(("marts.by_currency", "eur")) == {"pivoted"}
    assert lineage.lost(("marts.fct_deals", "amount_usd")) == set()
