"""Currency conversion: amount_usd = amount x USD per unit on the event date,
else the document date; before the first ECB rate the nearest one; without any
date the latest; fixed rates for currencies the ECB lacks; USD at 1."""

import csv
from datetime import date

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def ecb():
    """The ECB seed as {currency: [(date, usd_per_unit), ...]} sorted by date."""
    rates: dict[str, list] = {}
    with open(ROOT / "seeds" / "fx_rates.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rates.setdefault(row["currency_code"], []).append(
                (date.fromisoformat(row["rate_date"]), float(row["usd_per_unit"])))
    for series in rates.values():
        series.sort()
    return rates


def _on_or_before(series, day: date) -> tuple[date, float]:
    return max((d, r) for d, r in series if d <= day)


def _converted(warehouse, currency: str) -> dict:
    rows = warehouse.dicts(
        "select m.*, i.amount_usd as fact_amount_usd from intermediate.int_money_usd m "
        "join marts.fct_investments i on i.evidence_candidate_id = m.candidate_id "
        "where m.money_kind = 'candidate_amount' and m.currency_code = ?", [currency])
    assert len(rows) == 1, rows
    return rows[0]


def test_event_date_rate(warehouse, ecb):
    warehouse.doc("d1", "2024-06-20").fact("Mistral AI lève 600 M€.", "investment",
                                           [("investee", "Mistral AI")], [(600e6, "EUR")],
                                           announced_on="2024-06-11")
    warehouse.build()
    row = _converted(warehouse, "EUR")
    rate_day, rate = _on_or_before(ecb["EUR"], date(2024, 6, 11))
    assert row["date_basis"] == "event" and row["rate_source"] == "ecb"
    assert row["rate_date"] == rate_day
    assert row["fact_amount_usd"] == pytest.approx(600e6 * rate)


def test_weekend_event_takes_the_last_published_rate(warehouse, ecb):
    warehouse.doc("d1", "2024-06-20").fact("Mistral AI lève 600 M€.", "investment",
                                           [("investee", "Mistral AI")], [(600e6, "EUR")],
                                           announced_on="2024-06-09")  # a Sunday
    warehouse.build()
    row = _converted(warehouse, "EUR")
    assert row["rate_date"] == date(2024, 6, 7)
    assert row["usd_per_unit"] == pytest.approx(_on_or_before(ecb["EUR"], date(2024, 6, 9))[1])


def test_document_date_when_the_event_is_undated(warehouse, ecb):
    warehouse.doc("d1", "2023-03-15").fact("Sakana AI raises ¥10bn.", "investment",
                                           [("investee", "Sakana AI")], [(10e9, "JPY")])
    warehouse.build()
    row = _converted(warehouse, "JPY")
    assert row["date_basis"] == "document"
    assert row["fact_amount_usd"] == pytest.approx(10e9 * _on_or_before(ecb["JPY"], date(2023, 3, 15))[1])


def test_latest_rate_without_any_date(warehouse, ecb):
    warehouse.doc("d1", None).fact("Sakana AI raises ¥10bn.", "investment",
                                   [("investee", "Sakana AI")], [(10e9, "JPY")])
    warehouse.build()
    row = _converted(warehouse, "JPY")
    assert row["date_basis"] == "latest"
    assert row["rate_date"] == ecb["JPY"][-1][0]
    assert row["fact_amount_usd"] == pytest.approx(10e9 * ecb["JPY"][-1][1])


def test_date_before_the_first_rate_takes_the_nearest(warehouse, ecb):
    warehouse.doc("d1", "2024-01-01").fact("Sakana AI raised ¥1bn in 2010.", "investment",
                                           [("investee", "Sakana AI")], [(1e9, "JPY")],
                                           announced_on="2010-05-01")
    warehouse.build()
    row = _converted(warehouse, "JPY")
    assert row["rate_source"] == "ecb_nearest"
    assert row["rate_date"] == ecb["JPY"][0][0]
    assert row["fact_amount_usd"] == pytest.approx(1e9 * ecb["JPY"][0][1])


def test_fixed_rate_for_a_currency_the_ecb_lacks(warehouse):
    fixed = {}
    with open(ROOT / "seeds" / "fx_fixed_rates.csv", encoding="utf-8") as fh:
        fixed = {row["currency_code"]: float(row["usd_per_unit"]) for row in csv.DictReader(fh)}
    warehouse.doc("d1", "2024-02-10").fact("Humain lève 3,75 milliards de riyals.", "investment",
                                           [("investee", "Humain")], [(3.75e9, "SAR")])
    warehouse.build()
    row = _converted(warehouse, "SAR")
    assert row["rate_source"] == "fixed"
    assert row["fact_amount_usd"] == pytest.approx(3.75e9 * fixed["SAR"])
    assert row["fact_amount_usd"] == pytest.approx(1e9, rel=1e-3)  # SAR is pegged at 3.75 per USD


def test_usd_converts_at_one_and_valuation_is_converted(warehouse, ecb):
    warehouse.doc("d1", "2024-06-12").fact(
        "Mistral raises $640M at a €5.8bn valuation.", "investment", [("investee", "Mistral")],
        [(640e6, "USD")], valuations=[(5.8e9, "EUR")], announced_on="2024-06-11")
    warehouse.build()
    row = _converted(warehouse, "USD")
    assert row["rate_source"] == "identity" and row["fact_amount_usd"] == 640e6
    valuation = warehouse.sql("select valuation_usd from marts.fct_investments")[0][0]
    assert valuation == pytest.approx(5.8e9 * _on_or_before(ecb["EUR"], date(2024, 6, 11))[1])


def test_undated_document_takes_the_latest_event_date_it_states(warehouse, ecb):
    d = warehouse.doc("d1", None)
    d.fact("Sakana AI raises ¥10bn.", "investment", [("investee", "Sakana AI")], [(10e9, "JPY")])
    d.fact("Sakana AI avait levé 1 Md¥ en 2022.", "investment", [("investee", "Sakana AI")], [(1e9, "JPY")],
           announced_on="2022-03-01", background=True)
    d.fact("Mistral AI lève 600 M€.", "investment", [("investee", "Mistral AI")], [(600e6, "EUR")],
           announced_on="2024-06-11")
    warehouse.build()
    [row] = warehouse.dicts("select * from intermediate.int_money_usd where amount = 10e9")
    assert row["date_basis"] == "document_event"
    assert row["rate_date"] == _on_or_before(ecb["JPY"], date(2024, 6, 11))[0]
