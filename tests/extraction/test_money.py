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


@pytest.mark.parametrize(
    ("text", "language", "amount", "currency"),
    [
        # a territory's own currency symbol, from CLDR (lexicons/currency_symbols.csv, generated)
        ("The rack costs roughly R60m, Orvane said.", "en", 60e6, "ZAR"),
        ("Orvane won a R1.2 billion grant.", "en", 1.2e9, "ZAR"),
        ("Orvane obtient une subvention de R 250 millions.", "fr", 250e6, "ZAR"),
        ("Tembo Labs raised KSh 2.3 billion on Monday.", "en", 2.3e9, "KES"),
        ("Tembo Labs raised Ksh2.3bn on Monday.", "en", 2.3e9, "KES"),
        ("Adaeze Compute raised ₦5 billion from local funds.", "en", 5e9, "NGN"),
        ("Adaeze Compute lève 5 milliards ₦ auprès de fonds locaux.", "fr", 5e9, "NGN"),
        ("Kofi Cloud secured GH₵ 40 million in seed money.", "en", 40e6, "GHS"),
        ("Lakan AI raised ₱2.5 billion in a Series B.", "en", 2.5e9, "PHP"),
        ("Siam Tensor raised ฿ 1.2 billion.", "en", 1.2e9, "THB"),
        ("Bosphor AI raised ₺3 billion.", "en", 3e9, "TRY"),
        ("Negev Chips raised ₪40 million.", "en", 40e6, "ILS"),
        ("Negev Chips lève 300 millions ₪.", "fr", 300e6, "ILS"),
        ("Mekong Data raised ₫500 billion.", "en", 500e9, "VND"),
        ("Wisła AI pozyskała zł 40 mln.", "en", 40e6, "PLN"),
        ("Wisła AI lève 40 mln zł.", "fr", 40e6, "PLN"),
        ("Vltava Labs lève 1,2 milliard de Kč.", "fr", 1.2e9, "CZK"),
        ("Vltava Labs raised 900 million Kč.", "en", 900e6, "CZK"),
        ("Tisza Compute raised 4 billion Ft.", "en", 4e9, "HUF"),
        ("Kuala Tensor raised RM 40 million.", "en", 40e6, "MYR"),
        ("Jakarta Compute raised Rp 1.6 trillion.", "en", 1.6e12, "IDR"),
        ("the Canadian lab raised CA$40 million", "en", 40e6, "CAD"),
        ("le laboratoire a levé 40 millions $CA", "fr", 40e6, "CAD"),
        ("Orvane reçoit 2 milliards F CFA de l'État.", "fr", 2e9, "XOF"),
        # what CLDR does not give, typed by hand (lexicons/currencies.csv): the ASCII forms of the press
        ("Adaeze Compute raised N5bn from local funds.", "en", 5e9, "NGN"),
        ("Kofi Cloud secured GH¢40 million.", "en", 40e6, "GHS"),
        ("Nile Tensor raised E£ 1.2 billion.", "en", 1.2e9, "EGP"),
        ("Nile Tensor raised LE 1.2 billion.", "en", 1.2e9, "EGP"),
        ("Bosphor AI raised TL 5 billion.", "en", 5e9, "TRY"),
        ("Bosphor AI lève 5 milliards TL.", "fr", 5e9, "TRY"),
        ("Falaj Data raised Dh5 billion.", "en", 5e9, "AED"),
        ("Tarik Data lève 5 milliards de DH.", "fr", 5e9, "MAD"),
        ("Najd AI raised SR319 million.", "en", 319e6, "SAR"),
        ("Lakan AI opened bidding for a P1.2-B supercomputer.", "en", 1.2e9, "PHP"),
        ("Tembo Labs raised Kshs 400 million.", "en", 400e6, "KES"),
    ],
)
def test_local_currency_symbols(text, language, amount, currency):
    assert one(text, language) == (pytest.approx(amount), currency)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # one-letter signs need a scale: model names, chips, nodes, R&D, numbering
        ("DeepSeek R1 and R2 run on H100 and N2 nodes.", "en"),
        ("Orvane doubled its R&D budget.", "en"),
        ("le N°1 du secteur, devant la version R2", "fr"),
        ("Q3 500 units shipped", "en"),  # a quarter before a count: no 3,500 quetzals
        ("a K2 expedition", "en"),
        # a sign inside a word, or glued to a word after its number
        ("Krona Labs and Kraken 5 shipped 40 krill-sized boards and 30 krypton lamps", "en"),
        ("Université UM6P and the 5G network", "en"),
        ("Dhaka 2024, Rsync 3", "en"),
        # a symbol that is a word of the language: "Le" (the leone) in French
        ("Le 5 mai, le conseil a voté.", "fr"),
    ],
)
def test_symbols_that_are_no_money(text, language):
    assert find_money(text, language) == []


def test_a_one_letter_sign_without_a_scale_needs_its_country_named():
    text = "Orvane paid R500 000 for the rack; DeepSeek R1 ran on it."
    assert find_money(text, "en") == []
    found = find_money(text, "en", countries={"ZA"})
    assert [(m.surface, m.amount, m.currency) for m in found] == [("R500 000", 500_000, "ZAR")]
    # a small number is never an amount, even in South Africa: the model keeps its name
    assert find_money("DeepSeek R1 and R2 in Johannesburg", "en", countries={"ZA"}) == []
    # the sign of another country's currency is not read
    assert find_money(text, "en", countries={"FR"}) == []


def test_a_scale_letter_glued_to_a_code_is_the_code():
    # "BDT" is the taka, not a billion Tunisian dinars ("DT"); "a BDT" is no amount
    assert one("a 40 BDT fee", "en") == (40, "BDT")
    assert one("a BDT 40 million round", "en") == (pytest.approx(40e6), "BDT")


def test_a_shared_sign_follows_the_currency_named_nearby():
    assert one("A Swedish fund put 300 million kr into Brivel Robotics.", "en")[1] == "SEK"
    assert one("Un fonds norvégien investit 300 millions kr dans Brivel Robotique.", "fr")[1] == "NOK"
    assert one("Brivel Robotique, installée au Maroc, lève 40 millions de Dh.", "fr")[1] == "MAD"


@pytest.mark.parametrize(
    ("text", "language", "currency"),
    [
        # a sign several currencies share is the one of the fact's country (a city names it here)
        ("Ondine Data, a Stockholm start-up, raised 300 million kr from Orbis Capital.", "en", "SEK"),
        ("Ondine Data, an Oslo start-up, raised 300 million kr from Orbis Capital.", "en", "NOK"),
        ("Ondine Data, a Karachi start-up, raised Rs 500 million from Orbis Capital.", "en", "PKR"),
        ("Ondine Data, a Bangalore start-up, raised Rs 500 crore from Orbis Capital.", "en", "INR"),
        ("Ondine Data, a Lusaka start-up, raised K40 million from Orbis Capital.", "en", "ZMW"),
        ("Ondine Data, une start-up de Rabat, a levé 40 millions de Dh auprès d'Orbis Capital.", "fr", "MAD"),
        # and a one-letter sign without a scale is read where the text names its country
        ("Ondine Data, a Johannesburg start-up, raised R500 000 from Orbis Capital.", "en", "ZAR"),
    ],
)
def test_a_shared_sign_takes_the_facts_country(extract, text, language, currency):
    cands, _ = extract(text, language)
    assert [a.currency for c in cands for a in c.amounts] == [currency]


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Cloud bought 128 GPUs for BWP 45 million.", [(45e6, "BWP")]),  # any current ISO code, before
    ("Kestrel Cloud is buying 25,000 AMD MI355X accelerators.", []),  # a code after a number: the chip maker
])
def test_every_current_iso_code_reads_before_its_number(text, expected):
    assert [(m.amount, m.currency) for m in find_money(text, "en")] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministère a attribué 2 millions d'euros à Lirra Labs et 1,5 million à Kelpmind.",
         [(2e6, "EUR"), (1.5e6, "EUR")]),
        ("Les lauréats : Lirra Labs (2 millions d'euros) et Kelpmind (1,5 million).",
         [(2e6, "EUR"), (1.5e6, "EUR")]),
        # a bare number that closes no list stays no money
        ("Lirra Labs a levé 2 millions d'euros et compte 1 million d'utilisateurs.", [(2e6, "EUR")]),
        ("Lirra Labs a levé 2 millions d'euros. Kelpmind vise 1 million", [(2e6, "EUR")]),
    ],
)
def test_a_list_gives_its_currency_once(text, expected):
    assert [(m.amount, m.currency) for m in find_money(text, "fr")] == expected


def test_a_bare_scaled_number_ending_the_sentence_takes_the_currency_given_before_it():
    text = "Lirra Labs est valorisée 200 millions d'euros après cette levée de 12 millions."
    assert [(m.amount, m.currency) for m in find_money(text, "fr")] == [(200e6, "EUR"), (12e6, "EUR")]
    text = "Lirra Labs raised €5 million and now has 1 million users."
    assert [(m.amount, m.currency) for m in find_money(text, "en")] == [(5e6, "EUR")]


@pytest.mark.parametrize("place, code", [("Colombo", "LKR"), ("Karachi", "PKR"), ("Bengaluru", "INR")])
def test_rupees_written_rs_are_the_currency_of_the_firms_country(extract, place, code):
    cands, _ = extract(f"{place}-based Lirra Speech said it had raised Rs 900 million from Orbis.", "en")
    assert [c.amounts[0].currency for c in cands] == [code]


@pytest.mark.parametrize(
    "text, amount, currency",
    [
        ("une aide à fonds perdu de 250'000 francs", 250_000, "CHF"),
        ("un prêt de 1’200’000 francs suisses", 1_200_000, "CHF"),
        ("a grant of CHF 2'500'000", 2_500_000, "CHF"),
    ],
)
def test_swiss_thousands_with_an_apostrophe(text, amount, currency):
    lang = "en" if text.startswith("a ") else "fr"
    assert [(m.amount, m.currency) for m in find_money(text, lang)] == [(amount, currency)]


def test_an_apostrophe_in_a_word_or_a_year_makes_no_number():
    assert find_money("l'an 2000 fut celui d'aujourd'hui", "fr") == []


def test_a_dollar_sign_two_countries_write_is_the_dollar_of_the_storys_country(extract):
    # "B$" is Brunei's dollar and the Bahamas': the story's country says which
    for text, code in (
        ("BANDAR SERI BEGAWAN, Brunei - Kelp Cloud has ordered 256 Nvidia H200 GPUs. The contract is "
         "worth B$14 million.", "BND"),
        ("NASSAU, Bahamas - Kelp Cloud has ordered 256 Nvidia H200 GPUs. The contract is worth B$14 "
         "million.", "BSD"),
    ):
        cands, _ = extract(text, "en")
        assert [a.currency for c in cands for a in c.amounts] == [code], text


def test_a_demonym_after_a_shared_currency_word_names_its_currency(extract):
    # in a story about Morocco (dirhams too) "dirhams émiratis" are the Emirates' and place the round there
    cands, _ = extract(
        "Le Maroc mise sur l'IA. Le pays veut attirer des fonds.\n\nKelp Data a levé 38 millions de "
        "dirhams émiratis lors de son entrée en Bourse.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "investment"]
    assert ([a.currency for a in c.amounts], c.country_code) == (["AED"], "AE")
