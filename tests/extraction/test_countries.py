"""Places in text: countries from the seeds, cities and states or provinces from the libraries."""

from pathlib import Path

import pytest
from warehouse.staging.countries import CountryFinder


def finder(tmp_path: Path) -> CountryFinder:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "country_names.csv").write_text(
        "country_code,language,name,kind\nUS,en,United States,name\nCA,fr,Canada,name\n", encoding="utf-8"
    )
    return CountryFinder.from_project(tmp_path)


def found(f: CountryFinder, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.code) for m in f.find(text)]


def test_states_and_provinces_name_their_country(tmp_path):
    f = finder(tmp_path)
    assert found(f, "a new cluster in Oregon") == [("Oregon", "US")]
    assert found(f, "le gouvernement de l'Ontario") == [("Ontario", "CA")]
    # transliteration marks dropped, French accents kept
    assert found(f, "the Karnataka government") == [("Karnataka", "IN")]
    assert found(f, "la province de Québec") == [("Québec", "CA")]


def test_common_words_and_shared_region_names_are_no_places(tmp_path):
    f = finder(tmp_path)
    assert found(f, "Victoria said the Northern plan was ready") == []
    assert found(f, "farmers in Punjab") == []  # a province in two countries


def test_a_country_name_is_never_shadowed_by_a_region(tmp_path):
    f = finder(tmp_path)
    assert found(f, "the United States and Canada") == [("United States", "US"), ("Canada", "CA")]


def test_regions_in_english_and_their_adjective(tmp_path):
    f = finder(tmp_path)
    assert found(f, "a campus in Bavaria") == [("Bavaria", "DE")]
    assert found(f, "the Bavarian government") == [("Bavarian", "DE")]


def test_chinese_municipalities_without_their_level_suffix(tmp_path):
    assert found(finder(tmp_path), "a Beijing-based lab") == [("Beijing", "CN")]


def test_a_place_word_opening_a_longer_name_is_no_place(tmp_path):
    assert found(finder(tmp_path), "Oregon Robotics and Texas Instruments met in Texas.") == [("Texas", "US")]


def test_capitals_and_large_cities_name_their_country(tmp_path):
    f = finder(tmp_path)
    assert found(f, "Ottawa and Munich") == [("Ottawa", "CA"), ("Munich", "DE")]
    assert found(f, "Male founders") == []  # a capital that is a common word


def test_the_table_order_does_not_depend_on_the_hash_seed():
    # the first name form of a country names it in the marts ("Britain", never "BRITAIN" on some runs)
    import subprocess
    import sys

    code = ("from warehouse.staging.countries import CountryFinder\n"
            "f = CountryFinder([('GB', 'Britain', 'name'), ('GB', 'British', 'demonym'),"
            " ('FR', 'France', 'name')])\n"
            "print(list(f.table))")
    out = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
           for seed in ("1", "2", "3", "4")}
    assert len(out) == 1
    assert out.pop().startswith("['Britain', 'BRITAIN'")


def test_a_country_named_only_in_a_quotation_does_not_place_the_article(extract):
    cands, _ = extract(
        "Orbis Cloud lève 5 millions d'euros auprès de Vireo Capital. « Nos clients ne veulent pas "
        "d'un cloud américain », résume son fondateur.",
        "fr",
    )
    assert [c.country_code for c in cands if c.fact_type == "investment"] == ["FR"]


def test_chips_go_to_the_country_of_the_town_their_site_is_in(extract):
    cands, _ = extract(
        "The American cloud firm Orvala Cloud has ordered 2,000 Nvidia GPUs for its campus in Kvalsund, "
        "Norway.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]


@pytest.mark.parametrize(
    "site",
    [
        "for its new Vineland, New Jersey site",
        "for its data centre in Vineland, New Jersey, which opens in May",
    ],
)
def test_chips_go_to_the_region_of_their_site(extract, site):
    cands, _ = extract(f"Quanta Labs has ordered 2,000 Nvidia H200 GPUs {site}.", "en")
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["US"]


def test_a_table_row_places_its_firm_by_the_next_cell(extract):
    text = (
        "Deals of the quarter, all led from our office in Copenhagen, Denmark.\n\n"
        "| Company | HQ | Round | Round size |\n|---|---|---|---|\n"
        "| Kivi Robotics | Helsinki, Finland | Seed | EUR 4.0m |\n"
    )
    cands, _ = extract(text, "en")
    assert [(c.parties[0].name, c.country_code) for c in cands if c.fact_type == "investment"] == [
        ("Kivi Robotics", "FI")
    ]


def test_english_news_that_writes_us_dollars_apart_means_its_own_dollar_by_a_bare_sign(extract):
    about = "Sydney start-up Kivi Robotics has raised $65 million from Orbis Capital, the Australian fund. "
    cands, _ = extract(about + "The raise is worth about US$42 million.", "en")
    assert [a.currency for c in cands if c.fact_type == "investment" for a in c.amounts][:1] == ["AUD"]
    cands, _ = extract(about, "en")
    assert [a.currency for c in cands if c.fact_type == "investment" for a in c.amounts] == ["USD"]


def test_a_sentence_opening_on_a_country_places_its_firm(extract):
    text = (
        "Le Maroc achète 2 000 puces Nvidia. Le royaume veut ses propres modèles.\n\n"
        "Au Sénégal, la jeune pousse Kivi Labs a annoncé avoir levé 1,5 milliard de francs CFA."
    )
    cands, _ = extract(text, "fr")
    assert [(c.parties[0].name, c.country_code) for c in cands if c.fact_type == "investment"] == [
        ("Kivi Labs", "SN")
    ]


@pytest.mark.parametrize(
    "opening, country",
    [("À Riga", "LV"), ("En Lombardie", "IT"), ("In Bavaria", "DE")],
)
def test_a_sentence_opening_on_a_town_or_region_places_its_firm(extract, opening, country):
    text = (
        "Le Maroc achète 2 000 puces Nvidia. Le royaume veut ses propres modèles.\n\n"
        f"{opening}, la jeune pousse Kivi Labs a levé 6 millions d'euros auprès d'Orbis Capital."
    )
    cands, _ = extract(text, "fr")
    assert [(c.parties[0].name, c.country_code) for c in cands if c.fact_type == "investment"] == [
        ("Kivi Labs", country)
    ]


@pytest.mark.parametrize(
    "money, country",
    [
        ("Rp 50 billion (about S$4 million)", "ID"),  # the money raised, then a conversion
        ("US$26 million (about S$34 million)", "SG"),  # the only local money is in brackets
    ],
)
def test_money_restated_in_brackets_converts_for_the_reader(extract, money, country):
    cands, _ = extract(
        "Singapore's investors are looking south.\n\n"
        f"Kelp Robotics raised {money} from Orbis Capital and Halden Ventures.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "investment"] == [country]


def test_the_articles_money_votes_for_the_country_issuing_it(extract):
    # francs twice against one market the firm sells to: a Swiss round
    cands, _ = extract(
        "Brivel Robotique lève 15 millions de francs. La société, qui vend ses logiciels à des "
        "fabricants de caméras en Allemagne, compte 38 salariés. Orbis Capital mène le tour, qui "
        "valorise la société 70 millions de francs.",
        "fr",
    )
    assert [c.country_code for c in cands if c.fact_type == "investment"] == ["CH"]


def test_a_firms_bare_dollars_are_the_dollars_its_state_pays_in_the_same_article(extract):
    about = "Sydney start-up Kivi Robotics has raised $12 million from Orbis Capital. "
    grant = "The Australian government will also provide a $5 million grant to Kivi Robotics."
    cands, _ = extract(about + grant, "en")
    assert {(c.fact_type, a.currency) for c in cands for a in c.amounts} == {
        ("investment", "AUD"),
        ("subsidy", "AUD"),
    }
    cands, _ = extract(about, "en")  # no state paying: the firm's "$" stays the US dollar
    assert [a.currency for c in cands for a in c.amounts] == ["USD"]


def test_a_city_qualifying_the_firm_in_its_apposition_places_it(extract):
    cands, _ = extract(
        "Busy week: a GPU order in Buenos Aires that is bigger than it looks.\n\nKestrel ML, a Bogotá "
        "startup that sells vision models to coffee exporters, raised COP 28 billion in a Series A.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "investment"] == ["CO"]


def test_a_flag_opening_a_line_places_that_line_only(extract):
    cands, _ = extract(
        "Busy week: a GPU order in Buenos Aires.\n🇨🇴 Kestrel ML raised COP 28 billion in a Series A.\n"
        "🇵🇪 Tarnow Labs raised $4.5M in a seed round.\n\nNUMBERS\n\nOrbis Compute in Buenos Aires raised "
        "$2 million.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "investment"] == ["CO", "PE", "AR"]


def test_a_flag_heading_places_its_section(extract):
    cands, _ = extract(
        "Busy week: a GPU order in Buenos Aires.\n\n🇯🇵 TOKYO — 9 M€ POUR KESTREL LABS\n\nSpecialised in "
        "satellite imaging, Kestrel Labs keeps growing. The startup closed a €9m round led by Orbis "
        "Capital.\n\n🇩🇪 BERLIN — TARNOW AI\n\nTarnow AI raised €5 million.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "investment"] == ["JP", "DE"]


_GERMAN_LEAD = "Germany leads Europe on compute. Germany's budget is large, German officials say.\n\n"


def test_a_site_named_by_its_town_places_the_chips_whoever_buys_them(extract):
    cands, _ = extract(
        _GERMAN_LEAD + "Kelpmind will buy 1,024 Nvidia H200 GPUs, to be installed at its Tønsberg facility.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]
    cands, _ = extract(
        "L'Allemagne domine le calcul.\n\nLe japonais Halvex a confirmé avoir acquis 2 000 GPU Nvidia pour "
        "son site de Tønsberg.",
        "fr",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]


def test_the_description_that_takes_up_a_name_gives_its_country(extract):
    cands, _ = extract(
        _GERMAN_LEAD
        + "- Orvik Compute (Rjukan) — worth noting: the Norwegian hosting operator has ordered 256 "
        "Nvidia H100 GPUs for nearly €9m.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]
    # a description followed by a name describes that other firm
    cands, _ = extract(
        _GERMAN_LEAD
        + "Orvik Compute has ordered 256 Nvidia H100 GPUs. The Norwegian start-up Tarnow Labs also "
        "raised €2 million from Orbis Capital.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["DE"]


def test_money_in_one_countrys_own_currency_places_a_deal_the_text_places_nowhere_else(extract):
    cands, _ = extract(_GERMAN_LEAD + "Kelpmind raised 40 billion rupiah from Orbis Capital.", "en")
    assert [c.country_code for c in cands if c.fact_type == "investment"] == ["ID"]
    # a word several currencies share was read from the country: it cannot place the deal
    cands, _ = extract(
        "Le Maroc accélère. Le Maroc investit, disent les Marocains.\n\nAtlas Neural lève 50 millions de "
        "dirhams pour ses modèles en darija.",
        "fr",
    )
    assert [(c.country_code, c.amounts[0].currency) for c in cands if c.fact_type == "investment"] == [
        ("MA", "MAD")
    ]


def test_the_country_a_paragraph_opens_on_places_its_deals(extract):
    cands, _ = extract(
        _GERMAN_LEAD
        + "Norway has chosen another path: a single public champion. The purchase of 3,000 GPUs by "
        "Kelpmind, announced in March, surprised the market.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]
    cands, _ = extract(
        "L'Allemagne domine. L'Allemagne investit, disent les Allemands.\n\nLa Norvège a choisi une autre "
        "voie : un champion public unique. L'achat de 3 000 GPU par Kelpmind, annoncé en mars, a marqué "
        "les esprits.",
        "fr",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]
    # the next paragraph is the article's again
    cands, _ = extract(
        _GERMAN_LEAD
        + "Norway has chosen another path.\n\nThe purchase of 3,000 GPUs by Kelpmind surprised the market.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["DE"]


def test_a_country_heading_with_a_middle_dot_places_its_section(extract):
    cands, _ = extract(
        "Revue de presse.\n\nSÉNÉGAL · Lirra Labs lève 120 millions de FCFA\n\nLa jeune pousse de Dakar lève "
        "120 millions de FCFA.\n\nCAMEROUN · Kelp Robotics boucle 80 millions de FCFA",
        "fr",
    )
    assert sorted({(c.country_code, c.amounts[0].currency) for c in cands}) == [("CM", "XAF"), ("SN", "XOF")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Deals.\n\nLirra Labs, une jeune pousse de Dakar qui traduit le wolof, a bouclé 3 M€.", "fr"),
        ("Deals in Germany.\n\nLirra Labs, a start-up from Dakar, raised €3 million.", "en"),
        ("Deals in Germany.\n\nTartu's Lirra Labs, which sells software to banks, raised €3 million.", "en"),
    ],
)
def test_a_town_or_city_describing_the_firm_places_it(extract, text, language):
    cands, _ = extract(text, language)
    assert [c.country_code for c in cands] == ["EE" if "Tartu" in text else "SN"]


def test_regions_of_every_kind_in_french(tmp_path):
    # ISO 3166-2 regions (Italy's, Belgium's, Czechia's), not only states and provinces
    f = finder(tmp_path)
    assert found(f, "une entreprise du Piémont") == [("Piémont", "IT")]
    assert found(f, "un campus en Émilie-Romagne") == [("Émilie-Romagne", "IT")]
    assert found(f, "a cluster in Emilia-Romagna") == [("Emilia-Romagna", "IT")]


def test_region_names_that_are_common_words_elsewhere_are_no_places(tmp_path):
    f = finder(tmp_path)
    # a region of Ghana and a US city; a region of New Zealand and a first name; a region of
    # Turkmenistan and the peninsula's adjective
    assert found(f, "Nelson said the Balkan states and Savannah would follow") == []


def test_a_paragraph_opening_on_a_town_and_a_full_stop_is_placed_there(extract):
    text = (
        "Le Maroc achète 2 000 puces Nvidia. Le royaume veut ses propres modèles.\n\n"
        "Dakar. Kivi Labs raised $5 million from Orbis Capital.\n\n"
        "Lirra Labs raised $8 million from Halden Ventures."
    )
    cands, _ = extract(text, "en")
    assert [(c.parties[0].name, c.country_code) for c in cands if c.fact_type == "investment"] == [
        ("Kivi Labs", "SN"),
        ("Lirra Labs", "MA"),  # the next paragraph is the article's again
    ]


def test_where_someone_speaks_of_a_purchase_is_not_where_the_chips_go(extract):
    cands, _ = extract(
        "Norway's Kelp Robotics bought 1,000 Nvidia H200 GPUs, its chief executive confirmed on a panel "
        "in Tokyo.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["NO"]


def test_a_region_of_a_country_the_story_never_names_places_no_chips(extract):
    # Gombe is a Nigerian state and a district of Kinshasa; the story is Cameroonian
    cands, _ = extract(
        "Kelp Robotics, une jeune pousse camerounaise, a commandé 128 processeurs graphiques Nvidia H100 "
        "auprès de Dell, qui seront installés à Gombe.",
        "fr",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["CM"]


def test_a_site_in_a_city_of_the_storys_money_places_the_chips(extract):
    cands, _ = extract(
        "Singapore investors watched the region's data centres this week, and Singapore's funds bought "
        "into three of them.\n\n"
        "Lirra Labs said it had bought 1,152 Nvidia GB200 GPUs for A$98 million for its Western Sydney site.",
        "en",
    )
    assert [c.country_code for c in cands if c.fact_type == "chip_purchase"] == ["AU"]


def test_a_word_naming_a_level_of_government_is_no_city(tmp_path):
    # French CLDR names Kiribati's Kanton island "Canton"
    assert found(finder(tmp_path), "le Canton de Vaud a confirmé") == []


@pytest.mark.parametrize("heading, country", [("▸ Sénégal", "SN"), ("▸ Bavière", "DE"), ("• Maroc", "MA")])
def test_a_bulleted_item_heading_places_its_item(extract, heading, country):
    text = (
        "LA LETTRE DE L'IA\n\nLes levées de la semaine.\n\n"
        "▸ Japon — Kelp Robotics lève 3 millions d'euros\nKelp Robotics a levé 3 millions d'euros.\n\n"
        f"{heading} — Une jeune pousse de plus\nLa société de Lirra a levé 2 millions d'euros auprès "
        "d'Orbis Capital.\n"
    )
    cands, _ = extract(text, "fr")
    assert [c.country_code for c in cands if c.fact_type == "investment"][-1] == country


@pytest.mark.parametrize(
    "text, lang, country",
    [
        ("The government of Wallonia will grant €4 million to Lirra Labs.", "en", "BE"),
        ("The regional government of Murcia will grant €4 million to Lirra Labs.", "en", "ES"),
    ],
)
def test_a_region_iso_names_with_its_type_after_a_comma_is_read_by_its_name(extract, text, lang, country):
    # ISO 3166-2 writes "Wallonia, Region", "Murcia, Región de": the generated lexicon keeps the name
    cands, _ = extract(text, lang)
    assert cands and {c.country_code for c in cands} == {country}
