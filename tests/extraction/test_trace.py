"""The pipeline's trace: the rule that built each candidate, the filters that kept, changed or rejected
it (rejected candidates included), and the typed flags that replaced suffixes of the rule name.
Sentences and firm names are our own."""

from datetime import date

import pytest
from warehouse.staging.documents import Document as Doc
from warehouse.staging.extract import Extractor
from warehouse.staging.facts import RAW_TABLES, extract_rows


@pytest.fixture(scope="module")
def traced(project):
    ex = Extractor(project)

    def run(text: str, language: str = "en"):
        doc = Doc("d1", "d1.txt", "/tmp/d1.txt", None, date(2025, 5, 6), language, text)
        return ex.extract_traced(doc)

    return run


def _rejections(steps) -> dict[str, str | None]:
    return {st.rule_id: st.candidate_id for st in steps if st.outcome == "rejected"}


def test_a_valuation_figure_is_rejected_and_the_round_kept(traced):
    text = (
        "Kalvik Systems raised $30 million in a round led by Orbis Capital, "
        "valuing the company at $400 million."
    )
    cands, _money, steps = traced(text)
    assert [c.rule for c in cands] == ["investment:investee"]
    valuation = [st for st in steps if st.rule_id == "nonfact_money.valuation"]
    assert len(valuation) == 1 and valuation[0].outcome == "rejected"
    assert text[valuation[0].start : valuation[0].end] == "$400 million"
    own = [(st.stage, st.rule_id, st.outcome) for st in steps if st.candidate is cands[0]]
    assert own[0] == ("roles", "investment:investee", "built")
    assert ("filters", "one_per_amount", "kept") in own and ("filters", "sentence_flag", "kept") in own


def test_a_denied_deal_is_recorded_with_the_cue_it_came_from(traced):
    text = "Halvora Cloud denied that it had raised $20 million from Orbis Capital."
    cands, _money, steps = traced(text)
    assert cands == []
    (st,) = [st for st in steps if st.rule_id == "sentence_flag.denial"]
    assert st.outcome == "rejected" and st.candidate is None
    assert st.candidate_id == f"d1:{st.start}" and text[st.start : st.end] == "raised"
    assert (st.sentence.start, st.sentence.end) == (0, len(text))


def test_a_negated_chip_order_names_its_filter(traced):
    cands, _money, steps = traced("Pellucid AI did not order 2,000 Nvidia H100 GPUs, the company said.")
    assert cands == []
    assert "not_a_purchase.negated" in _rejections(steps)


def test_a_related_coverage_line_is_noise(traced):
    cands, _money, steps = traced("Lire aussi : Zorvex lève 10 millions d'euros auprès d'Orbis Capital", "fr")
    assert cands == []
    assert "noise_line" in _rejections(steps)


def test_capex_is_a_flag_not_a_suffix(traced):
    cands, _money, steps = traced("Quanta Labs will invest $200 million in new data centres in Norway.")
    (c,) = cands
    assert (c.rule, c.flags, c.rule_name) == ("investment:investor", ["capex"], "investment:investor:capex")
    built = next(st for st in steps if st.outcome == "built")
    assert built.rule_id == "investment:investor" and built.detail == "capex"


def test_the_trace_table_keeps_rejected_candidates(project):
    docs = [
        Doc("d2", "d2.txt", "/tmp/d2.txt", None, date(2025, 5, 6), "en",
            "Halvora Cloud denied that it had raised $20 million from Orbis Capital. "
            "Quanta Labs will invest $200 million in new data centres in Norway."),
    ]
    rows = extract_rows(docs, project)
    assert "raw.candidate_trace" in RAW_TABLES
    (fact,) = rows["raw.fact_candidates"]
    assert fact.rule == "investment:investor" and fact.flags == ["capex"]
    trace = rows["raw.candidate_trace"]
    assert [r.step for r in trace] == list(range(len(trace)))  # steps in order
    outcomes = {(r.rule_id, r.outcome) for r in trace}
    assert ("sentence_flag.denial", "rejected") in outcomes and ("investment:investor", "built") in outcomes
    assert {r.candidate_id for r in trace if r.outcome == "built"} == {fact.candidate_id}
