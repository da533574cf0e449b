"""The facts' confidence: features read from the evidence, weights and calibration steps
read from seeds, every term visible in intermediate.int_fact_confidence_terms."""

import importlib.util
import sys

import pytest

from .conftest import ROOT, write_csv


def _two_facts(warehouse):
    d = warehouse.doc("d1", "2025-03-11", language="en")
    # restated: the same round in two sentences
    d.fact("Quillmark AI raises $40 million.", "investment", [("investee", "Quillmark AI")], [(40e6, "USD")])
    d.fact("Quillmark AI said it raised $40 million on Tuesday.", "investment",
           [("investee", "Quillmark AI")], [(40e6, "USD")])
    # hedged, once
    d.fact("Ferrovia Labs could receive $9 million from its state.", "investment",
           [("investee", "Ferrovia Labs")], [(9e6, "USD")])


def _features(warehouse) -> dict[str, dict]:
    rows = warehouse.dicts("""
        select f.main_party_name, x.*
        from intermediate.int_fact_features x
        join intermediate.int_facts f using (fact_id)""")
    return {r["main_party_name"]: r for r in rows}


def test_features_come_from_the_evidence(warehouse):
    _two_facts(warehouse)
    warehouse.build()
    f = _features(warehouse)
    assert f["Quillmark AI"]["is_restated"] == 1.0 and f["Ferrovia Labs"]["is_restated"] == 0.0
    assert f["Ferrovia Labs"]["has_hedge"] == 1.0 and f["Quillmark AI"]["has_hedge"] == 0.0
    assert f["Quillmark AI"]["party_is_known"] == 0.0  # not a seed firm


def test_every_fact_has_a_confidence_between_0_and_1(warehouse):
    _two_facts(warehouse)
    warehouse.build()
    rows = warehouse.sql("select confidence from marts.fct_investments")
    assert len(rows) == 2 and all(0.0 <= r[0] <= 1.0 for r in rows)


def test_weights_and_steps_are_data(warehouse):
    _two_facts(warehouse)
    seeds = warehouse.root / "seeds"
    write_csv(seeds / "confidence_weights.csv", ["feature", "weight"],
              [("intercept", 0.5), ("is_restated", 1.0), ("has_hedge", -2.0), ("rule:investment:x", 5.0)])
    write_csv(seeds / "confidence_calibration.csv", ["score_from", "confidence", "facts", "right_facts"],
              [(-1000, 0.2, 10, 2), (1.0, 0.95, 20, 19)])
    warehouse.build()
    got = dict(warehouse.sql("""
        select f.main_party_name, c.score
        from intermediate.int_fact_confidence c join intermediate.int_facts f using (fact_id)"""))
    assert got == {"Quillmark AI": pytest.approx(1.5), "Ferrovia Labs": pytest.approx(-1.5)}
    conf = dict(warehouse.sql("""
        select f.firm_name, i.confidence
        from marts.fct_investments i join marts.dim_firms f on f.firm_id = i.investee_firm_id"""))
    assert conf == {"Quillmark AI": 0.95, "Ferrovia Labs": 0.2}
    # the terms add up to the score; a feature without a weight counts 0
    terms = warehouse.dicts("""
        select t.feature, t.value, t.weight, t.contribution
        from intermediate.int_fact_confidence_terms t join intermediate.int_facts f using (fact_id)
        where f.main_party_name = 'Ferrovia Labs' and t.value <> 0""")
    assert {t["feature"]: t["contribution"] for t in terms} == {
        "intercept": 0.5, "rule:test_rule": 0.0, "has_hedge": -2.0}


def test_without_steps_the_score_is_read_as_a_logistic(warehouse):
    _two_facts(warehouse)
    seeds = warehouse.root / "seeds"
    write_csv(seeds / "confidence_weights.csv", ["feature", "weight"], [("intercept", 0.0)])
    write_csv(seeds / "confidence_calibration.csv", ["score_from", "confidence", "facts", "right_facts"], [])
    warehouse.build()
    assert {r[0] for r in warehouse.sql("select confidence from marts.fct_investments")} == {0.5}


def _calibrator():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location("calibrate_confidence",
                                                      ROOT / "benchmarks" / "calibrate_confidence.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_the_fit_learns_a_telling_feature_and_steps_never_decrease():
    cal = _calibrator()
    # feature 1 right 9 times in 10, feature absent right 3 times in 10
    xs = [[1.0, 1.0]] * 20 + [[1.0, 0.0]] * 20
    ys = [1] * 18 + [0] * 2 + [1] * 6 + [0] * 14
    w = cal.fit_logistic(xs, ys, l2=0.01)
    assert cal.sigmoid(w[0] + w[1]) == pytest.approx(0.9, abs=0.01)
    assert cal.sigmoid(w[0]) == pytest.approx(0.3, abs=0.01)
    steps = cal.isotonic_steps([(w[0] + w[1] * x[1], y) for x, y in zip(xs, ys, strict=True)])
    assert [s["confidence"] for s in steps] == sorted(s["confidence"] for s in steps)
    assert steps[-1]["confidence"] == pytest.approx(0.9) and steps[0]["score_from"] == -1000.0


def test_a_deal_is_as_sure_as_its_most_confident_report(warehouse):
    _two_facts(warehouse)
    warehouse.doc("d2", "2025-03-12", language="en").fact(
        "Quillmark AI closed a $40 million round.", "investment", [("investee", "Quillmark AI")],
        [(40e6, "USD")])
    warehouse.build()
    rows = warehouse.sql("""
        select d.deal_id, d.confidence, max(i.confidence), count(*)
        from marts.fct_deals d join marts.fct_investments i using (deal_id)
        group by all""")
    assert any(n == 2 for *_, n in rows)
    assert all(deal == best for _, deal, best, _ in rows)
