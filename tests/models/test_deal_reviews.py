"""Corrections as data: seeds/deal_reviews.csv rejects, sets and accepts deals through the real
CLI; the corrections survive full refreshes, and a review of a deal that no longer exists warns."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner
from warehouse.cli import app

from .conftest import write_csv

REVIEW_HEADER = ["deal_id", "action", "field", "value", "note", "reviewer", "reviewed_on"]


def cli(warehouse, *args):
    result = CliRunner().invoke(app, [args[0], *args[1:], "--db", str(warehouse.db)]
                                + (["--project-dir", str(warehouse.root)] if args[0] == "build" else []))
    return result


def three_deals(warehouse):
    warehouse.doc("a", "2024-06-12").fact("Mistral AI lève 600 millions d'euros.", "investment",
                                          [("investee", "Mistral AI")], [(600e6, "EUR")])
    warehouse.doc("b", "2024-06-13", "en").fact("Sakana AI raises $100 million.", "investment",
                                                [("investee", "Sakana AI")], [(100e6, "USD")])
    warehouse.doc("c", "2024-06-14", "en").fact("Scaleway raises $50 million.", "investment",
                                                [("investee", "Scaleway")], [(50e6, "USD")])
    warehouse.build()
    return dict(warehouse.sql("select main_firm_id, deal_id from marts.fct_deals"))


def reviews(warehouse, rows):
    write_csv(warehouse.root / "seeds" / "deal_reviews.csv", REVIEW_HEADER, rows)


def test_reject_set_and_accept_change_the_marts_and_survive_a_full_refresh(warehouse):
    deal = three_deals(warehouse)
    reviews(warehouse, [
        (deal["mistral-ai"], "reject", "", "", "a rumour, not a round", "ana", "2024-07-01"),
        (deal["sakana-ai"], "set", "amount", "120000000", "the text says 120", "ana", "2024-07-01"),
        (deal["scaleway"], "accept", "", "", "", "ana", "2024-07-02"),
    ])
    for args in (("build",), ("build", "--full-refresh")):
        assert cli(warehouse, *args).exit_code == 0
        deals = {r["main_firm_id"]: r for r in warehouse.dicts("select * from marts.fct_deals")}
        assert set(deals) == {"sakana-ai", "scaleway"}
        assert deals["sakana-ai"]["amount"] == 120e6 and deals["sakana-ai"]["amount_usd"] == 120e6
        assert deals["sakana-ai"]["reviewed"] and deals["scaleway"]["reviewed"]
        rejected = warehouse.dicts("select deal_id, note from marts.rejected_deals")
        assert rejected == [{"deal_id": deal["mistral-ai"], "note": "a rumour, not a round"}]
        # the per-document facts follow their deal
        facts = dict(warehouse.sql("select investee_firm_id, reviewed from marts.fct_investments"))
        assert facts == {"sakana-ai": True, "scaleway": True}


def test_a_review_of_a_deal_that_no_longer_exists_warns(warehouse):
    three_deals(warehouse)
    reviews(warehouse, [("0" * 32, "reject", "", "", "gone", "ana", "2024-07-01")])
    result = cli(warehouse, "build")
    assert result.exit_code == 0, result.output
    assert "assert_reviews_name_existing_deals" in result.output
    assert "WARN" in result.output
    assert len(warehouse.sql("select * from marts.fct_deals")) == 3


def test_review_lists_unreviewed_deals_largest_first_as_rows_to_fill_in(warehouse):
    deal = three_deals(warehouse)
    reviews(warehouse, [(deal["scaleway"], "accept", "", "", "", "ana", "2024-07-02")])
    assert cli(warehouse, "build").exit_code == 0
    listed = json.loads(cli(warehouse, "review", "--format", "json").output)
    assert [r["deal_id"] for r in listed] == [deal["mistral-ai"], deal["sakana-ai"]]
    rows = list(csv.DictReader(io.StringIO(cli(warehouse, "review", "--format", "csv").output)))
    assert list(rows[0]) == REVIEW_HEADER
    assert rows[0]["deal_id"] == deal["mistral-ai"] and rows[0]["action"] == ""
    assert rows[0]["note"].startswith("investment: Mistral AI, 600,000,000 EUR")
