"""Parties across sentences and several deals in one sentence (sentences and firm names of our own)."""


def parties(candidate, role: str) -> list[str]:
    return [p.name for p in candidate.parties if p.role == role]


def of_type(cands, fact_type):
    return [c for c in cands if c.fact_type == fact_type]


def test_two_grants_in_one_french_sentence(extract):
    cands, _ = extract(
        "Le gouvernement a octroyé 12 millions d'euros à Veltrix Optique et 4,5 millions d'euros "
        "à Morvane Calcul pour leurs nouvelles lignes.",
        "fr",
    )
    subs = sorted(of_type(cands, "subsidy"), key=lambda c: c.amounts[0].amount)
    assert [(c.amounts[0].amount, parties(c, "recipient")) for c in subs] == [
        (4.5e6, ["Morvane Calcul"]),
        (12e6, ["Veltrix Optique"]),
    ]


def test_grants_listed_with_descriptions(extract):
    cands, _ = extract(
        "The Ministry of Industry awarded $80 million to Tarnwell Systems, $25 million to network "
        "operator Brisk Fibre and $9 million to Olvane Labs.",
        "en",
    )
    subs = sorted(of_type(cands, "subsidy"), key=lambda c: c.amounts[0].amount)
    assert [(c.amounts[0].amount, parties(c, "recipient")) for c in subs] == [
        (9e6, ["Olvane Labs"]),
        (25e6, ["Brisk Fibre"]),
        (80e6, ["Tarnwell Systems"]),
    ]


def test_one_grant_to_two_firms_stays_one(extract):
    cands, _ = extract(
        "The Ministry of Industry awarded $80 million to Tarnwell Systems and Olvane Labs.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert set(parties(c, "recipient")) == {"Tarnwell Systems", "Olvane Labs"}
