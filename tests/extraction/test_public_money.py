"""Public money: typed by its source and its noun, the section's country, non-deal figures and
words that are no parties (sentences and firm names of our own)."""


def parties(candidate, role: str) -> list[str]:
    return [p.name for p in candidate.parties if p.role == role]


def of_type(cands, fact_type):
    return [c for c in cands if c.fact_type == fact_type]


def test_subsidy_under_a_country_heading_takes_the_heading_country(extract):
    text = (
        "Japon : Sorano Cloud ouvre un centre à Osaka. Le Japon veut rattraper son retard et le Japon "
        "finance déjà d'autres centres.\n\n"
        "Norvège : le grand nord mise sur le calcul intensif\n\n"
        "Le gouvernement accorde une subvention de 9 millions d'euros à Fjellbit Compute pour son "
        "supercalculateur.\n"
    )
    cands, _ = extract(text, "fr")
    subs = of_type(cands, "subsidy")
    assert len(subs) == 1
    assert subs[0].country_code == "NO"
