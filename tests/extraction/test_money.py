"""Money amounts as French and English news write them."""

import pytest
from warehouse.staging.money import find_money


def one(text, language):
    found = find_money(text, language)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.surface
    return m.amount, m.currency


@pytest.mark.parametrize(
    ("text", "language", "amount", "currency"),
    [
        ("Elle lève 3,4 milliards d'euros cette année.", "fr", 3.4e9, "EUR"),
        ("Elle lève 3,4 milliards d’euros cette année.", "fr", 3.4e9, "EUR"),
        ("un tour de 75 M€ bouclé hier", "fr", 75e6, "EUR"),
        ("un plan de 2,2 Md$ sur cinq ans", "fr", 2.2e9, "USD"),
        ("un budget de 7,5 Mds€", "fr", 7.5e9, "EUR"),
        ("the group raised $2.7bn on Monday", "en", 2.7e9, "USD"),
        ("a USD 3.1 billion facility", "en", 3.1e9, "USD"),
        ("a €45 million round", "en", 45e6, "EUR"),
        ("it spent £80m last year", "en", 80e6, "GBP"),
        ("une enveloppe de 83,2 milliards de yens", "fr", 83.2e9, "JPY"),
        ("un fonds de 4 750 crores de roupies", "fr", 4750e7, "INR"),
        ("un apport de 7 milliards de yuans", "fr", 7e9, "CNY"),
        ("a 12 billion won programme", "en", 12e9, "KRW"),
        ("un projet de 9 milliards de dollars taïwanais", "fr", 9e9, "TWD"),
        ("a NT$4.2 billion budget", "en", 4.2e9, "TWD"),
        ("an S$150 million fund", "en", 150e6, "SGD"),
        ("CHF 35 millions pour la recherche", "fr", 35e6, "CHF"),
        ("un chèque de dix millions de dollars", "fr", 10e6, "USD"),
        ("plus d'un milliard d'euros", "fr", 1e9, "EUR"),
        ("a hundred million dollars", "en", 100e6, "USD"),
        ("un fonds de 2 billions de wons", "fr", 2e12, "KRW"),
        ("a 2 trillion won fund", "en", 2e12, "KRW"),
        ("500 lakh rupees", "en", 500e5, "INR"),
        # capital scale letters glued to a currency sign: "$1.3B", "€2.4B", "$85MM"
        ("the lab closed a $2.6B round", "en", 2.6e9, "USD"),
        ("a €4.1B programme", "en", 4.1e9, "EUR"),
        ("a £0.9b stake", "en", 0.9e9, "GBP"),
        ("it banked $72MM in fresh cash", "en", 72e6, "USD"),
        ("a $2.5-billion deal", "en", 2.5e9, "USD"),
        ("a 1.5-billion-euro plan", "en", 1.5e9, "EUR"),
        ("Rs 1.2 lakh crore", "en", 1.2e12, "INR"),
        ("a 600 M USD facility", "fr", 600e6, "USD"),
        ("Dix milliards de dollars pour le calcul", "fr", 10e9, "USD"),
        ("Ten billion dollars for compute", "en", 10e9, "USD"),
        ("Kalmar Raises $50 Million In Series B", "en", 50e6, "USD"),
        ("Kalmar Raises 50 Million Euros", "en", 50e6, "EUR"),
    ],
)
def test_amounts(text, language, amount, currency):
    value, code = one(text, language)
    assert value == pytest.approx(amount)
    assert code == currency


def test_bare_article_is_not_an_amount():
    assert find_money("un euro symbolique et a dollar store", "fr") == []


def test_yen_sign_reads_yuan_in_a_chinese_context():
    text = "La start-up chinoise a levé ¥800 millions, en yuan, auprès de fonds locaux."
    assert one(text, "fr") == (pytest.approx(800e6), "CNY")
    assert one("Le groupe japonais investit ¥800 millions.", "fr")[1] == "JPY"


def test_restatement_gives_two_amounts():
    text = "une levée de 40 millions d'euros, soit environ 43 millions de dollars"
    found = find_money(text, "fr")
    assert [(m.amount, m.currency) for m in found] == [(40e6, "EUR"), (43e6, "USD")]


def test_years_and_counts_are_not_money():
    assert find_money("En 2024, 350 ingénieurs et 12 000 GPU.", "fr") == []


def test_dirham_follows_the_country_named_nearby():
    assert one("un plan de 2 milliards de dirhams au Maroc", "fr")[1] == "MAD"
    assert one("a AED 2 billion plan in Morocco", "en")[1] == "AED"


def test_crowns_follow_the_country_named_nearby():
    assert one("un plan de 2 milliards de couronnes en Norvège", "fr")[1] == "NOK"
    assert one("un plan de 2 milliards de couronnes suédoises en Norvège", "fr")[1] == "SEK"


def test_a_bare_dollar_amount_restating_a_local_dollar_amount_is_local():
    found = find_money("Elle a levé 60 millions de dollars canadiens. Bravo : 60 M$ pour l'équipe !", "fr")
    assert [(m.amount, m.currency) for m in found] == [(60e6, "CAD"), (60e6, "CAD")]
    found = find_money("Elle a levé 60 millions de dollars canadiens et vise 150 millions de dollars.", "fr")
    assert [m.currency for m in found] == ["CAD", "USD"]


def test_the_yen_sign_takes_the_nearest_country():
    found = find_money("Japan will give ¥15 billion to a chipmaker to compete with Chinese rivals.", "en")
    assert [m.currency for m in found] == ["JPY"]
    found = find_money("Kalis, a Beijing start-up, raised ¥3 billion from local funds.", "en")
    assert [m.currency for m in found] == ["CNY"]


@pytest.mark.parametrize(
    ("text", "language", "amount", "currency"),
    [
        # currency names from CLDR (babel), singular and plural, that no lexicon row lists
        ("une aide de 320 millions de livres égyptiennes", "fr", 320e6, "EGP"),
        ("un fonds de 2,5 milliards de dirhams marocains", "fr", 2.5e9, "MAD"),
        ("un prêt de 40 millions de pesos chiliens", "fr", 40e6, "CLP"),
        ("a grant of 75 million Danish kroner", "en", 75e6, "DKK"),
        ("backed by 6 billion Turkish lira of state money", "en", 6e9, "TRY"),
        # ISO codes written before the amount
        ("THB 1.8 billion for a data centre", "en", 1.8e9, "THB"),
        ("a ZAR 250 million programme", "en", 250e6, "ZAR"),
    ],
)
def test_currency_names_and_codes_beyond_the_lexicon(text, language, amount, currency):
    assert one(text, language) == (pytest.approx(amount), currency)


def test_a_word_that_is_also_a_currency_code_is_no_money():
    assert find_money("the TOP 500 list of supercomputers", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "currency"),
    [
        # a word several currencies share is the one of the fact's country
        ("La start-up marocaine Ondine Data a levé 120 millions de dirhams auprès d'Orbis Capital.",
         "fr", "MAD"),
        ("Emirati start-up Ondine Data raised 50 million dirhams from Orbis Capital.", "en", "AED"),
        ("La jeune pousse indonésienne Ondine Data a réuni 1 600 milliards de roupies auprès d'Orbis "
         "Capital.", "fr", "IDR"),
        ("Ondine Data, une start-up de Lyon, a levé 3 millions de francs suisses auprès d'Orbis Capital.",
         "fr", "CHF"),
    ],
)
def test_a_shared_currency_word_takes_the_facts_country(extract, text, language, currency):
    cands, _ = extract(text, language)
    assert [a.currency for c in cands for a in c.amounts] == [currency]


@pytest.mark.parametrize(
    ("text", "language", "amount", "currency"),
    [
        # the bare head noun of a CLDR currency name
        ("The agency granted 80 million naira to the lab.", "en", 80e6, "NGN"),
        ("La banque a prêté 2 milliards de cédis à la jeune pousse.", "fr", 2e9, "GHS"),
        ("Orbis put 4 billion won into the startup.", "en", 4e9, "KRW"),
        ("Le fonds a investi 12 millions de zlotys.", "fr", 12e6, "PLN"),
    ],
)
def test_bare_currency_head_nouns(text, language, amount, currency):
    assert one(text, language) == (amount, currency)


def test_common_words_in_currency_names_are_no_currency():
    assert find_money("It was a real 5 million success, worth its weight in 5 gold bars.", "en") == []


def test_moroccan_dirham_abbreviations_glued_to_their_scale():
    # "MDH" millions and "MMDH" milliards of dirhams (French only: "$5MM" stays five million)
    text = "Tarik Data obtient 7,5 MDH ; le plan pèse 3 MMDH."
    found = [(m.amount, m.currency) for m in find_money(text, "fr")]
    assert found == [(7_500_000, "MAD"), (3_000_000_000, "MAD")]
    assert [(m.amount, m.currency) for m in find_money("a $5MM seed round", "en")] == [(5_000_000, "USD")]


def test_a_wire_flash_in_capitals_and_an_approximate_restatement():
    text = "ORVALA SAYS RAISED 40 MLN EUROS ($46 MLN); OTHERS 2 BLN DOLLARS"
    assert [(m.amount, m.currency) for m in find_money(text, "en")] == [
        (40e6, "EUR"), (46e6, "USD"), (2e9, "USD")
    ]


@pytest.mark.parametrize(
    "text, language, ends",
    [
        ("capex of NOK 9.5–10 billion this year", "en", [(9.5e9, "NOK"), (10e9, "NOK")]),
        ("between $6-7 billion", "en", [(6e9, "USD"), (7e9, "USD")]),
        ("$9.5 to $10 billion", "en", [(9.5e9, "USD"), (10e9, "USD")]),
        ("30 to 50 billion euros", "en", [(30e9, "EUR"), (50e9, "EUR")]),
        ("entre 30 et 50 milliards d'euros", "fr", [(30e9, "EUR"), (50e9, "EUR")]),
        ("de 9,5 à 10 milliards d'euros", "fr", [(9.5e9, "EUR"), (10e9, "EUR")]),
        # no range: a year before an amount, two amounts joined by "and"
        ("from 2024 to 50 billion euros", "en", [(50e9, "EUR")]),
        ("it raised 3 and then 50 million euros", "en", [(50e6, "EUR")]),
    ],
)
def test_a_range_states_both_ends_with_one_scale(text, language, ends):
    assert [(m.amount, m.currency) for m in find_money(text, language)] == ends
