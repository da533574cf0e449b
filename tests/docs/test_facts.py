"""The facts overview (warehouse.docs.facts) on warehouses made here: totals over deals, and over
the per-document facts of a warehouse built before deals existed."""

from __future__ import annotations

import duckdb
from warehouse.docs.facts import overview


def _con(deals: bool):
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute("create table marts.fct_investments as select * from (values "
                "('i1', 'FR', date '2024-06-11', 600e6), ('i2', 'FR', date '2024-06-12', 640e6), "
                "('i3', 'DE', null, 100e6)) t(investment_id, country_code, announced_on, amount_usd)")
    con.execute("create table marts.fct_subsidies as select * from (values "
                "('s1', 'JP', date '2025-01-01', 740e6)) t(subsidy_id, grantor_country_code, announced_on, "
                "amount_usd)")
    if deals:   # i1 and i2 are two reports of one round
        con.execute("create table marts.fct_deals as select * from (values "
                    "('d1', 'investment', 'FR', null, date '2024-06-11', 600e6, null), "
                    "('d2', 'investment', 'DE', null, null, 100e6, null), "
                    "('d3', 'subsidy', null, 'JP', date '2025-01-01', 740e6, null)) "
                    "t(deal_id, deal_type, country_code, grantor_country_code, announced_on, amount_usd, "
                    "quantity)")
    relations = {f"{s}.{t}" for s, t in con.execute(
        "select schema_name, table_name from duckdb_tables()").fetchall()}
    return con, relations


def _totals(rows):
    return {r["key"]: (r["n"], r["usd"]) for r in rows}


def test_totals_count_each_deal_once():
    con, relations = _con(deals=True)
    facts = overview(con, relations, limit=0)     # totals only: no deal listed
    assert facts["deals_exist"] and facts["deal_count"] == 3
    assert _totals(facts["by_type"]) == {"investment": (2, 700e6), "subsidy": (1, 740e6)}
    assert _totals(facts["by_country"]) == {"FR": (1, 600e6), "DE": (1, 100e6), "JP": (1, 740e6)}
    assert _totals(facts["by_year"]) == {2024: (1, 600e6), 2025: (1, 740e6), None: (1, 100e6)}
    assert facts["total_label"] == "$1.4bn"
    assert "USD by deal type" in facts["charts"]["type"] and "undated" in facts["charts"]["year"]


def test_without_deals_the_facts_are_summed_and_the_page_says_so():
    con, relations = _con(deals=False)
    facts = overview(con, relations)
    assert not facts["deals_exist"] and facts["deals"] == []
    assert _totals(facts["by_type"]) == {"investment": (3, 1340e6), "subsidy": (1, 740e6)}
    assert _totals(facts["by_country"])["JP"] == (1, 740e6)


def test_no_fact_table_no_overview():
    con = duckdb.connect()
    assert overview(con, set()) is None
