"""Lines in capitals read in the document's own casing (staging/recase.py), with names of our own."""

from warehouse.staging.recase import recase_capitals

BRIEF = (
    "BRIEF-Nordic AI funding round-up\n\n"
    "* TARTU-BASED START-UP KIVI ROBOTICS GETS 14 MLN EUROS SEED FINANCING FROM ORBIS CAPITAL\n\n"
    "* BRIVEL LABS SAYS DOES NOT PLAN AN IPO IN 2026\n\n"
    "Kivi Robotics builds warehouse robots."
)


def test_a_line_in_capitals_takes_the_casing_of_the_document_and_of_the_language():
    out = recase_capitals(BRIEF)
    assert len(out) == len(BRIEF)  # offsets stay valid
    assert "* Tartu-based start-up Kivi Robotics gets 14 mln euros seed financing from Orbis Capital" in out
    assert "* Brivel Labs says does not plan an IPO in 2026" in out


def test_mixed_case_text_is_left_as_written():
    text = "BERLIN, May 4 (Reuters) - Kivi Robotics raised 14 million euros from ORBIS, its backer said."
    assert recase_capitals(text) == text


def test_a_wire_brief_in_capitals_gives_its_parties_their_names(extract):
    cands, _ = extract(BRIEF, "en")
    (c,) = [c for c in cands if c.fact_type == "investment"]
    names = {(p.role, p.name) for p in c.parties}
    assert names == {("investee", "Kivi Robotics"), ("investor", "Orbis Capital")}
