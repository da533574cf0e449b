"""Chip purchases: cue word forms, counts without a unit, vendor cues, non-purchases (own sentences)."""

import pytest


def parties(candidate, role: str) -> list[str]:
    return [p.name for p in candidate.parties if p.role == role]


def chips(cands):
    return [c for c in cands if c.fact_type == "chip_purchase"]


def by_buyer(cands):
    return {parties(c, "buyer")[0]: c.quantity for c in chips(cands)}


def test_french_participle_agrees_with_its_object(extract):
    for verb in ("commandés", "commandées", "acquises", "retenues"):
        cands, _ = extract(f"Les 640 puces H200 {verb} par Harbor Compute arriveront en juin.", "fr")
        got = chips(cands)
        assert [c.quantity for c in got] == [640], verb
        assert parties(got[0], "buyer") == ["Harbor Compute"], verb


def test_french_plural_future_and_present(extract):
    cands, _ = extract("Harbor Compute et Lumen Grid recevront chacun 900 puces MI300X d'AMD.", "fr")
    assert by_buyer(cands) == {"Harbor Compute": 900, "Lumen Grid": 900}


def test_adverb_between_auxiliary_and_verb(extract):
    cands, _ = extract(
        "Harbor Compute, Lumen Grid and Quanta Labs will each receive 12,000 AMD MI300X accelerators.", "en"
    )
    assert by_buyer(cands) == {"Harbor Compute": 12000, "Lumen Grid": 12000, "Quanta Labs": 12000}
    cands, _ = extract("Lumen Grid will also receive 3,000 Nvidia H100 chips next year.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 3000}


def test_verbs_of_obtaining_chips(extract):
    cands, _ = extract("The Nordic Compute Office has empanelled 7,200 GPUs from six cloud firms.", "en")
    assert [c.quantity for c in chips(cands)] == [7200]
    cands, _ = extract("Harbor Compute will take 4,000 GPUs from the second batch.", "en")
    assert by_buyer(cands) == {"Harbor Compute": 4000}
    cands, _ = extract("Le fonds a annoncé que Lumen Grid a retenu 1 200 processeurs graphiques.", "fr")
    assert by_buyer(cands) == {"Lumen Grid": 1200}


def test_verbs_of_obtaining_need_a_count(extract):
    assert chips(extract("Harbor Compute will take GPUs from several vendors.", "en")[0]) == []
    assert chips(extract("Les fournisseurs retenus proposent des GPU et des serveurs.", "fr")[0]) == []


def test_unitless_counts_after_french_en(extract):
    cands, _ = extract(
        "Le ministère a réparti 9 000 puces H200 entre trois opérateurs. "
        "Harbor Compute en achète 5 000, Lumen Grid 2 500 et Quanta Labs 1 500.",
        "fr",
    )
    got = {parties(c, "buyer")[0]: c for c in chips(cands) if parties(c, "buyer")[0] != "ministère"}
    assert {k: c.quantity for k, c in got.items() if k != "ministère"} == {
        "Harbor Compute": 5000,
        "Lumen Grid": 2500,
        "Quanta Labs": 1500,
    }
    assert {parties(c, "vendor")[0] for c in got.values()} == {"Nvidia"}


def test_unitless_counts_in_an_each_list(extract):
    cands, _ = extract(
        "AMD will ship 30,000 accelerators this year: Harbor Compute and Lumen Grid will each take 10,000, "
        "Quanta Labs 6,000.",
        "en",
    )
    got = {k: v for k, v in by_buyer(cands).items() if k in ("Harbor Compute", "Lumen Grid", "Quanta Labs")}
    assert got == {"Harbor Compute": 10000, "Lumen Grid": 10000, "Quanta Labs": 6000}


def test_a_bare_number_without_chips_before_it_is_no_count(extract):
    assert chips(extract("Harbor Compute en achète 5 000, selon le journal.", "fr")[0]) == []


def test_an_allocation_of_chips_is_a_purchase_not_a_subsidy(extract):
    cands, _ = extract(
        "Lumen Grid said it had secured an allocation of 640 Nvidia H100 GPUs via a reseller.", "en"
    )
    assert by_buyer(cands) == {"Lumen Grid": 640}
    cands, _ = extract(
        "Le laboratoire Quanta Labs a obtenu une allocation de 900 GPU H200 pour 40 millions d'euros.", "fr"
    )
    assert [c.fact_type for c in cands] == ["chip_purchase"]
    assert [(a.amount, a.currency) for a in cands[0].amounts] == [(40e6, "EUR")]


def test_a_priced_purchase_is_not_also_an_investment(extract):
    cands, _ = extract("Harbor Compute secures 2,048 AMD MI300X accelerators in a $90 million deal.", "en")
    assert [c.fact_type for c in cands] == ["chip_purchase"]
    assert [(a.amount, a.currency) for a in cands[0].amounts] == [(90e6, "USD")]


def test_the_buyer_after_a_vendor_verb(extract):
    cands, _ = extract("Orbis Systems will supply Lumen Grid with 1,200 Nvidia H100 GPUs.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 1200}
    cands, _ = extract("AMD fournira à Lumen Grid 3 000 accélérateurs MI300X pour son centre de Lyon.", "fr")
    assert by_buyer(cands) == {"Lumen Grid": 3000}
    assert parties(chips(cands)[0], "vendor") == ["AMD"]
    cands, _ = extract("AMD livrera 3 000 accélérateurs MI300X à Lumen Grid d'ici l'été.", "fr")
    assert by_buyer(cands) == {"Lumen Grid": 3000}


def test_negated_or_contrasted_purchases(extract):
    assert (
        chips(
            extract(
                "Lumen Grid a reçu son premier prototype de puce, un jalon plutôt qu'une commande.", "fr"
            )[0]
        )
        == []
    )
    assert (
        chips(
            extract("The test batch of chips was a milestone for Lumen Grid rather than an order.", "en")[0]
        )
        == []
    )
    cands, _ = extract(
        "Quanta Labs a installé un scanner EUV, une acquisition d'équipement et non de puces.", "fr"
    )
    assert chips(cands) == []


def test_chips_not_the_object_of_the_cue(extract):
    cands, _ = extract(
        "Lumen Grid will prioritise orders from European clients and help design next-generation chips.", "en"
    )
    assert chips(cands) == []
    cands, _ = extract(
        "The $2 billion Quanta Labs received last year is meant to build chips for the army.", "en"
    )
    assert chips(cands) == []


def test_generic_plural_and_purpose_are_no_purchase(extract):
    cands, _ = extract("The grant covers a third of the operators' purchases of GPUs for two years.", "en")
    assert chips(cands) == []
    cands, _ = extract(
        "Lumen Grid lève 20 millions d'euros. Cette somme servira surtout à acheter des GPU.", "fr"
    )
    assert chips(cands) == []


def test_chip_making_equipment_is_no_chip_purchase(extract):
    cands, _ = extract("Quanta Labs a acheté deux machines de lithographie EUV pour son usine de Lund.", "fr")
    assert chips(cands) == []
    cands, _ = extract("Orbis Systems ordered 12 lithography scanners for its new fab.", "en")
    assert chips(cands) == []


def test_countless_purchases_with_chips_as_object_stay(extract):
    assert by_buyer(extract("Lumen Grid orders more Nvidia chips for its Oslo site.", "en")[0]) == {
        "Lumen Grid": None
    }
    cands, _ = extract("Quanta Labs a passé commande de plusieurs milliers de puces MI300X d'AMD.", "fr")
    assert by_buyer(cands) == {"Quanta Labs": None}


def test_take_is_a_purchase_only_with_a_chip_count_as_object(extract):
    cands, _ = extract("Orbis Capital takes a stake in Lumen Grid, which runs 3,000 GPUs.", "en")
    assert chips(cands) == []
    cands, _ = extract("Le fonds a retenu le dossier de Lumen Grid, qui exploite 3 000 GPU.", "fr")
    assert chips(cands) == []


def test_firms_counted_are_not_chips(extract):
    cands, _ = extract(
        "The Nordic Compute Office supports three chip designers; Orbis Capital takes part.", "en"
    )
    assert chips(cands) == []


def test_a_country_after_a_vendor_verb_comes_before_later_names(extract):
    cands, _ = extract("AMD will ship 90,000 GPUs to Brazil as Harbor Compute and Lumen Grid expand.", "en")
    got = [c for c in chips(cands) if c.rule.startswith("chip_purchase:vendor")]
    assert [(parties(c, "buyer"), c.quantity, c.country_code) for c in got] == [(["Brazil"], 90000, "BR")]


def test_a_passive_with_unnamed_buyers_has_no_buyer(extract):
    cands, _ = extract(
        "Le ministère a tranché : 6 000 puces H200 seront acquises par trois opérateurs nationaux.", "fr"
    )
    assert chips(cands) == []
    cands, _ = extract("The agency said 6,000 H200 chips were bought by several local operators.", "en")
    assert chips(cands) == []


def test_the_purchase_already_told_is_no_new_one(extract):
    cands, _ = extract(
        "Lumen Grid orders 2,000 AMD MI300X accelerators. LG did not give the price of the GPU order.", "en"
    )
    assert by_buyer(cands) == {"Lumen Grid": 2000}
    cands, _ = extract("Quanta Labs n'a pas précisé le montant de la commande de GPU.", "fr")
    assert chips(cands) == []


def test_a_name_in_another_clause_is_not_the_buyer(extract):
    cands, _ = extract(
        "Weekly digest: Orbis Capital backs a data centre; a Danish firm buys AMD chips.", "en"
    )
    assert [parties(c, "buyer") for c in chips(cands)] in ([], [["Denmark"]])


def test_a_count_going_to_a_buyer(extract):
    cands, _ = extract(
        "AMD will ship 30,000 accelerators to Brazil. Harbor Compute will take 20,000 GPUs, while the "
        "remaining 10,000 will go to Lumen Grid.",
        "en",
    )
    got = by_buyer(cands)
    assert got["Harbor Compute"] == 20000 and got["Lumen Grid"] == 10000
    cands, _ = extract("AMD livrera 9 000 accélérateurs au Brésil. Au total, 3 000 iront à l'État.", "fr")
    dest = [c for c in chips(cands) if c.rule == "chip_purchase:destination"]
    assert [(parties(c, "buyer"), c.quantity, c.country_code) for c in dest] == [(["Brésil"], 3000, "BR")]
    assert parties(dest[0], "vendor") == ["AMD"]


def test_a_count_going_somewhere_without_chips_is_nothing(extract):
    assert chips(extract("Au total, 3 000 iront à l'État, selon le ministère du Travail.", "fr")[0]) == []


def test_targets_are_no_purchase(extract):
    assert chips(extract("Lumen Grid aims to deploy 10,000 GPUs by 2027.", "en")[0]) == []
    assert chips(extract("Lumen Grid vise à déployer 10 000 GPU d'ici 2027.", "fr")[0]) == []
    assert chips(extract("L'objectif de Lumen Grid est de déployer 20 000 GPU d'ici 2030.", "fr")[0]) == []


def test_an_existing_machine_is_no_purchase_but_a_bought_one_is(extract):
    assert (
        chips(extract("Lumen Grid already operates a cluster equipped with 1,024 Nvidia H100s.", "en")[0])
        == []
    )
    cands, _ = extract("Lumen Grid exploite déjà un supercalculateur équipé de 1 024 GPU H100.", "fr")
    assert chips(cands) == []
    cands, _ = extract("Lumen Grid has already ordered 1,024 Nvidia H100s for its Oslo site.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 1024}


def test_generated_french_forms():
    from warehouse.staging.extract import _inflections

    assert _inflections("commandé", "fr") == ["commandés", "commandée", "commandées"]
    assert _inflections("acquis", "fr") == ["acquise", "acquises"]
    assert _inflections("recevra", "fr") == ["recevront"]
    assert _inflections("commande", "fr") == ["commandent"]
    assert _inflections("équipée", "fr") == []
    assert _inflections("iront au", "fr") == []
    assert _inflections("ordered", "en") == []


def test_chips_right_after_a_purchase_of_one_makers_chips_are_that_makers(extract):
    cands, _ = extract(
        "Harbor Compute and Quanta Labs will each receive 8,000 AMD MI300X accelerators. "
        "Lumen Grid will take 6,000 GPUs.",
        "en",
    )
    lumen = [c for c in chips(cands) if parties(c, "buyer") == ["Lumen Grid"]]
    assert [(c.quantity, parties(c, "vendor")) for c in lumen] == [(6000, ["AMD"])]


def test_the_machine_in_the_next_sentence_gives_the_count(extract):
    cands, _ = extract(
        "Lumen Grid has bought a new AMD supercomputer for its Oslo campus. "
        "The machine links 512 MI300X accelerators over a fast network.",
        "en",
    )
    assert [(c.quantity, parties(c, "vendor")) for c in chips(cands)] == [(512, ["AMD"])]
    cands, _ = extract(
        "Lumen Grid a acheté un supercalculateur. Le système compte 256 GPU H100.",
        "fr",
    )
    assert [(c.quantity, parties(c, "vendor")) for c in chips(cands)] == [(256, ["Nvidia"])]


def test_spending_on_a_chip_count_is_a_priced_purchase(extract):
    for text, lang, amount in [
        ("Lumen Grid will spend $300 million on 6,000 Nvidia H100 GPUs.", "en", (300e6, "USD")),
        ("Lumen Grid is paying $300 million for 6,000 Nvidia H100 GPUs.", "en", (300e6, "USD")),
        ("Lumen Grid dépensera 300 millions d'euros pour 6 000 GPU H100.", "fr", (300e6, "EUR")),
        ("Lumen Grid investit 300 millions d'euros dans l'achat de 6 000 GPU H100.", "fr", (300e6, "EUR")),
    ]:
        cands, _ = extract(text, lang)
        assert [c.fact_type for c in cands] == ["chip_purchase"], text
        c = cands[0]
        assert (parties(c, "buyer"), c.quantity, parties(c, "vendor")) == (["Lumen Grid"], 6000, ["Nvidia"])
        assert [(a.amount, a.currency) for a in c.amounts] == [amount]


@pytest.mark.parametrize(
    "text, lang, amount",
    [
        ("Lumen Grid commits $300 million to Blackwell racks for its sovereign cloud.", "en", (300e6, "USD")),
        ("Lumen Grid will spend $300 million on Nvidia GPUs this year.", "en", (300e6, "USD")),
        ("Lumen Grid consacre 300 millions d'euros à l'achat de processeurs graphiques Nvidia.", "fr",
         (300e6, "EUR")),
    ],
)
def test_spending_on_chips_without_a_count_is_a_priced_purchase(extract, text, lang, amount):
    cands, _ = extract(text, lang)
    assert [c.fact_type for c in cands] == ["chip_purchase"]
    (c,) = cands
    assert (parties(c, "buyer"), c.quantity) == (["Lumen Grid"], None)
    assert [(a.amount, a.currency) for a in c.amounts] == [amount]


def test_spending_elsewhere_stays_an_investment(extract):
    cands, _ = extract("Lumen Grid will spend $300 million on a data centre with 6,000 GPUs.", "en")
    assert "investment" in [c.fact_type for c in cands]


def test_respectively_pairs_buyers_and_counts(extract):
    cands, _ = extract(
        "Harbor Compute, Lumen Grid and Quanta Labs bought 5,000, 3,000 and 1,000 H100 GPUs respectively.",
        "en",
    )
    assert by_buyer(cands) == {"Harbor Compute": 5000, "Lumen Grid": 3000, "Quanta Labs": 1000}
    cands, _ = extract(
        "AMD a livré 9 000 accélérateurs. Harbor Compute, Lumen Grid et Quanta Labs en ont reçu "
        "respectivement 5 000, 3 000 et 1 000.",
        "fr",
    )
    assert by_buyer(cands) == {"Harbor Compute": 5000, "Lumen Grid": 3000, "Quanta Labs": 1000}
    assert {parties(c, "vendor")[0] for c in chips(cands)} == {"AMD"}


def test_plural_auxiliary(extract):
    cands, _ = extract("Harbor Compute et Lumen Grid ont commandé chacun 800 puces MI300X.", "fr")
    assert by_buyer(cands) == {"Harbor Compute": 800, "Lumen Grid": 800}


def test_et_non_before_the_purchase_noun(extract):
    cands, _ = extract("C'est un partenariat, et non d'un achat de puces par Lumen Grid.", "fr")
    assert chips(cands) == []


def test_the_firm_that_raised_the_money_buys_the_chips(extract):
    cands, _ = extract(
        "Lumen Grid raised $40 million from Orbis Capital. Orbis Capital has backed two other Nordic clouds. "
        "Part of the money will pay for 512 Nvidia H200 GPUs.",
        "en",
    )
    assert [parties(c, "buyer") for c in chips(cands)] == [["Lumen Grid"]]


def test_a_purchase_noun_as_a_list_item_has_no_buyer(extract):
    cands, _ = extract("This week: Lumen Grid opens in Oslo, a Danish GPU order, and the chart.", "en")
    assert chips(cands) == []
    cands, _ = extract("Lumen Grid places a GPU order with AMD.", "en")
    assert [parties(c, "buyer") for c in chips(cands)] == [["Lumen Grid"]]


def test_quoted_links_under_a_read_also_line_are_noise(extract):
    cands, _ = extract(
        "Lumen Grid lève 5 millions d'euros auprès d'Orbis Capital.\n"
        "Lire aussi :\n"
        "> Norvège : Harbor Compute commande 4 000 puces Nvidia\n"
        "> Danemark : la course aux mégawatts\n",
        "fr",
    )
    assert chips(cands) == []


def test_a_buyer_in_a_capitals_headline_takes_the_bodys_name(extract):
    cands, _ = extract(
        "NORVÈGE — GRID S'OFFRE 4 000 GPU\n\nLumen Grid va acheter 4 000 GPU H100 à Nvidia.",
        "fr",
    )
    assert {parties(c, "buyer")[0] for c in chips(cands)} == {"Lumen Grid"}
    cands, _ = extract(
        "HARBOR COMPUTE PLACES GPU ORDER\n\nOslo-based Harbor Compute has ordered 1,024 Nvidia H200 GPUs.",
        "en",
    )
    assert {parties(c, "buyer")[0] for c in chips(cands)} == {"Harbor Compute"}


def test_an_aim_word_that_governs_nothing_is_no_target(extract):
    cands, _ = extract("Lumen Grid, whose goal is sovereign AI, ordered 2,000 Nvidia H100 GPUs.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 2000}


def test_guards_keep_real_purchases(extract):
    cands, _ = extract("Harbor Systems' purchase of Nvidia GPUs closed on Monday.", "en")
    assert by_buyer(cands) == {"Harbor Systems": None}
    cands, _ = extract("Lumen Grid ordered equipment including 2,000 Nvidia H100 GPUs.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 2000}


def test_past_vendor_verbs(extract):
    cands, _ = extract("Nvidia delivered 2,000 H100 GPUs to Lumen Grid last week.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 2000}
    cands, _ = extract("Nvidia a livré 2 000 GPU H100 à Lumen Grid.", "fr")
    assert by_buyer(cands) == {"Lumen Grid": 2000}
    cands, _ = extract("AMD vend 3 000 accélérateurs MI300X à Harbor Compute.", "fr")
    assert by_buyer(cands) == {"Harbor Compute": 3000}


def test_a_passive_vendor_verb_adds_no_purchase(extract):
    cands, _ = extract("Lumen Grid ordered 2,000 GPUs supplied by Nvidia for its site in Norway.", "en")
    assert by_buyer(cands) == {"Lumen Grid": 2000}


def test_verbs_of_getting_a_chip_count(extract):
    cands, _ = extract("Lumen Grid lands 4,096 Nvidia Blackwell GPUs in sovereign cloud push", "en")
    assert by_buyer(cands) == {"Lumen Grid": 4096}
    cands, _ = extract("Lumen Grid décroche 2 000 GPU H200 auprès de Nvidia.", "fr")
    assert by_buyer(cands) == {"Lumen Grid": 2000}
    cands, _ = extract("Lumen Grid lands a contract to host 4,096 GPUs for Orbis Capital.", "en")
    assert chips(cands) == []


def test_french_en_with_an_auxiliary_and_each_after_the_count(extract):
    cands, _ = extract(
        "Le ministère a réparti 9 000 puces H200. Harbor Compute et Lumen Grid en ont acheté 4 500 chacun.",
        "fr",
    )
    assert {k: v for k, v in by_buyer(cands).items() if k != "ministère"} == {
        "Harbor Compute": 4500,
        "Lumen Grid": 4500,
    }


def test_a_firms_chips_go_where_they_are_installed(extract):
    # the seed firm Quanta Labs is Swedish; the chips go to the site the sentence places
    for text, language, country in (
        ("Quanta Labs orders 20,000 Nvidia GPUs for its new Japanese campus.", "en", "JP"),
        ("Quanta Labs will deploy 20,000 Nvidia GPUs in a data centre in Brazil.", "en", "BR"),
        ("Quanta Labs a commandé 20 000 GPU Nvidia pour son centre de données en Allemagne.", "fr", "DE"),
    ):
        cands, _ = extract(text, language)
        (c,) = chips(cands)
        assert c.country_code == country, text


def test_a_state_buyer_takes_the_name_of_its_body_named_in_full(extract):
    # "the department": the department the article named in full
    cands, _ = extract(
        "Norway's Department for Digital Infrastructure unveiled its plan on Monday. The department has "
        "also ordered 2,000 Nvidia GPUs for the national research cloud.",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type == "chip_purchase"]
    assert [p.name for p in c.parties if p.role == "buyer"] == ["Department for Digital Infrastructure"]
    # the government's purchase and its agency's are one buyer's
    cands, _ = extract(
        "The Norwegian Compute Agency will buy 4,000 Nvidia GPUs for its new cloud. The Norwegian "
        "government confirmed on Monday that it had ordered 4,000 Nvidia GPUs.",
        "en",
    )
    buyers = {p.name for c in cands if c.fact_type == "chip_purchase" for p in c.parties if p.role == "buyer"}
    assert buyers == {"Norwegian Compute Agency"}
    # with no body named in full, the state is named by its country
    cands, _ = extract(
        "Norway will buy 4,000 Nvidia GPUs for its new cloud. The Norwegian government confirmed on "
        "Monday that it had ordered 4,000 Nvidia GPUs.",
        "en",
    )
    buyers = {p.name for c in cands if c.fact_type == "chip_purchase" for p in c.parties if p.role == "buyer"}
    assert buyers == {"Norway"}


def test_a_procurement_contract_prices_the_purchase(extract):
    # "contract" after an amount is no deal of its own ("a $500m contract to build"), unless a cue word
    # stands between: "a $40m procurement contract" is the purchase's price
    cands, _ = extract(
        "Tessaly Compute signed a $40m procurement contract for a new system that will contain 2,000 Nvidia "
        "GPUs.",
        "en",
    )
    (c,) = chips(cands)
    assert [a.amount for a in c.amounts] == [40e6] and c.quantity == 2000


def test_a_country_named_as_a_place_does_not_buy(extract):
    # "in the US": where others bought; "Norway will buy": the state buys
    cands, _ = extract(
        "Reddy said the firm had learned from the experience of GPU clouds in Norway and Europe, where "
        "some operators bought large volumes of chips in 2023 only to see prices fall.",
        "en",
    )
    assert "Norway" not in [p.name for c in chips(cands) for p in c.parties if p.role == "buyer"]
    cands, _ = extract("Norway will buy 4,000 Nvidia GPUs for its national cloud.", "en")
    assert [p.name for c in chips(cands) for p in c.parties if p.role == "buyer"] == ["Norway"]


def test_money_for_the_purchase_of_servers_is_no_purchase(extract):
    # "un prêt pour l'achat de serveurs": what the money is for, not a purchase made
    cands, _ = extract("Orbis Capital consent un prêt de 7 millions d'euros pour l'achat de serveurs.", "fr")
    assert chips(cands) == []
    cands, _ = extract("Kalmar Robotics a finalisé l'achat de serveurs Nvidia.", "fr")
    assert len(chips(cands)) == 1


@pytest.mark.parametrize("text, lang, bought", [
    ("Orbis Cloud a indiqué viser 8 000 GPU d'ici 2028, sans préciser de commande ferme.", "fr", False),
    ("Orbis Cloud plans to reach 8,000 GPUs by 2028 without placing an order yet.", "en", False),
    ("Orbis Cloud a commandé 8 000 GPU Nvidia, sans attendre la subvention.", "fr", True),
])
def test_an_order_said_to_be_missing_is_no_purchase(extract, text, lang, bought):
    cands, _ = extract(text, lang)
    assert any(c.fact_type == "chip_purchase" for c in cands) is bought


def test_a_vendor_supplying_chips_each_to_a_list_sells_to_each_firm(extract):
    cands, _ = extract(
        "Separately, Nvidia will supply 3,000 GPUs each to Orvala Cloud, Brivane Telecom and Kestra, the "
        "companies said.",
        "en",
    )
    got = [(parties(c, "buyer"), c.quantity) for c in cands if c.fact_type == "chip_purchase"]
    assert got == [(["Orvala Cloud"], 3000), (["Brivane Telecom"], 3000), (["Kestra"], 3000)]


def test_machines_counted_then_their_chips_each_in_the_next_sentence(extract):
    cands, _ = extract(
        "Orvala Cloud orders 120 Nvidia HGX B300 systems for its Tromsø campus\n\nOrvala Cloud has "
        "ordered 120 Nvidia HGX B300 systems for its campus in Tromsø. Each of the liquid-cooled systems "
        "carries eight Blackwell Ultra GPUs.",
        "en",
    )
    assert {c.quantity for c in cands if c.fact_type == "chip_purchase"} == {960}


def test_chips_supplied_through_an_integrator_are_the_purchase_just_told(extract):
    cands, _ = extract(
        "Varnel Compute said it has purchased 512 Nvidia H200 GPUs, supplied through a local integrator, "
        "which will be installed in Norway.",
        "en",
    )
    got = [c for c in cands if c.fact_type == "chip_purchase"]
    assert [[p.name for p in c.parties if p.role == "buyer"] for c in got] == [["Varnel Compute"]]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Orbis Cloud will deploy 4,000 Nvidia H100 GPUs in Oslo. Orbis Cloud is listed in New York. "
            "Separately, Norway's Varnel Compute Centre said it had awarded a contract worth €30 million to "
            "Brisk Systems to build a new AI partition. The system will use 768 AMD Instinct MI300X GPUs.",
            "en",
        ),
        (
            "Le centre Varnel Compute Centre a attribué un contrat de 30 millions d'euros à "
            "Brisk Systems pour une nouvelle partition IA. La machine comptera 768 GPU AMD Instinct MI300X.",
            "fr",
        ),
    ],
)
def test_a_contract_for_a_machine_counted_in_the_next_sentence_is_a_purchase(extract, text, language):
    cands, _ = extract(text, language)
    got = [c for c in cands if c.fact_type == "chip_purchase" and c.quantity != 4000]
    assert {(c.quantity, tuple(p.name for p in c.parties if p.role == "buyer")) for c in got} == {
        (768, ("Varnel Compute Centre",))
    }
    assert any(a.amount == 30e6 for c in got for a in c.amounts)


def test_a_body_s_purchase_funded_by_its_budget_is_one_purchase_with_its_price(extract):
    cands, _ = extract(
        "The GPUs come from a batch of 2,000 Nvidia H200 chips the Nordic Compute Office agreed last month "
        "to buy for DKK 900 million, funded by the supplementary budget.",
        "en",
    )
    assert [c.fact_type for c in cands] == ["chip_purchase"]
    (c,) = cands
    assert (c.quantity, [a.amount for a in c.amounts]) == (2000, [900e6])


def test_any_government_buying_chips_is_no_buyer(extract):
    cands, _ = extract(
        "Sovereign AI now means almost anything: a government buying 2,000 GPUs in Finland, a chatbot "
        "trained on tax law.",
        "en",
    )
    assert [c for c in cands if c.fact_type == "chip_purchase"] == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("La banque Orvala a signé un contrat pour louer 512 GPU H200 pendant trois ans.", "fr"),
        ("Orvala Bank signed a contract to lease 512 Nvidia H200 GPUs for three years.", "en"),
    ],
)
def test_chips_rented_under_a_contract_are_no_purchase(extract, text, language):
    cands, _ = extract(text, language)
    assert [c for c in cands if c.fact_type == "chip_purchase"] == []


def test_a_name_the_article_uses_as_a_place_buys_nothing(extract):
    cands, _ = extract(
        "Varnel Cloud va installer 2 048 GPU Nvidia à Ormeville.\n\n"
        "- Commande de 2 048 GPU Nvidia H200 pour Ormeville\n"
        "- Campus de 40 MW dans l'Essaline\n\n"
        "Le campus de l'Essaline ouvrira en 2027.\n\n"
        "- Commande de 600 M€ de puces Nvidia Blackwell",
        "fr",
    )
    buyers = {p.name for c in cands if c.fact_type == "chip_purchase" for p in c.parties if p.role == "buyer"}
    assert not buyers & {"Ormeville", "Essaline"}


def test_a_machine_that_houses_chips_is_described_not_bought(extract):
    cands, _ = extract("Brivel Robotics houses about 2,000 Nvidia H200 GPUs in its Lyon centre.", "en")
    assert chips(cands) == []


@pytest.mark.parametrize("text, language", [
    ("Brivel Robotics has no plans to buy 2,000 GPUs this year.", "en"),
    ("Brivel Robotics does not plan to buy 2,000 GPUs this year.", "en"),
    ("La société Brivel n'a pas l'intention d'acheter 2 000 processeurs graphiques à court terme.", "fr"),
])
def test_a_purchase_the_buyer_does_not_intend_is_none(extract, text, language):
    cands, _ = extract(text, language)
    assert [c for c in cands if c.fact_type == "chip_purchase"] == []


def test_two_purchases_of_one_buyer_in_coordinated_clauses(extract):
    cands, _ = extract(
        "Orvala Cloud said it had ordered 600 GB200 NVL72 racks from Nvidia, and agreed to buy 12,000 "
        "AMD Instinct MI450 accelerators for delivery in 2027.",
        "en",
    )
    got = sorted(
        (c.quantity or 0, parties(c, "buyer"), parties(c, "vendor"))
        for c in cands if c.fact_type == "chip_purchase"
    )
    # racks are machines: no chip count for them
    assert got == [(0, ["Orvala Cloud"], ["Nvidia"]), (12000, ["Orvala Cloud"], ["AMD"])]


def test_counts_listed_with_another_makers_chips_and_their_total(extract):
    cands, _ = extract(
        "Orvala Cloud orders 12,000 GPUs from Nvidia and AMD\n\n"
        "Orvala Cloud said it had ordered 9,000 Nvidia GB300 GPUs, to be delivered from 2026, and 3,000 "
        "AMD Instinct MI355X accelerators.",
        "en",
    )
    got = sorted((c.quantity, parties(c, "vendor")) for c in cands if c.fact_type == "chip_purchase")
    assert got == [(3000, ["AMD"]), (9000, ["Nvidia"])]


def test_a_site_named_by_its_place_and_the_update_line_name_no_buyer(extract):
    cands, _ = extract(
        "Brivel Robotique commande 2 000 puces Nvidia\n\nPublié le 18 février 2026 | Mis à jour le 18 "
        "février 2026\n\nLa licorne parisienne a confirmé mardi avoir commandé 2 000 processeurs auprès de "
        "Nvidia.\n\n"
        "Lors d'une visite sur son site de l'Essonne, la start-up dirigée par Jeanne Mercier a indiqué avoir "
        "passé commande de 2 000 puces GB300 de Nvidia.",
        "fr",
    )
    assert {b for c in chips(cands) for b in parties(c, "buyer")} == {"Brivel Robotique"}


def test_a_vendor_supplying_a_firm_of_a_country_for_a_price_described_at_length(extract):
    cands, _ = extract(
        "Nvidia to supply 5,000 Blackwell GPUs to Norway's Kivi Cloud in $350m deal\n\n"
        "Nvidia will supply 5,000 Blackwell GPUs to Kivi Cloud, an Oslo-based AI cloud provider, in a deal "
        "worth about $350 million, the two companies announced on Wednesday.",
        "en",
    )
    assert {b for c in chips(cands) for b in parties(c, "buyer")} == {"Kivi Cloud"}
    assert [c for c in cands if c.fact_type == "investment"] == []


def test_a_price_given_for_one_vendors_part_of_a_split_order_is_that_purchases(extract):
    cands, _ = extract(
        "Kivi Cloud has placed orders for 16,000 AMD accelerators and 8,000 Nvidia GPUs for its new campus. "
        "The chips will be installed next year. Kivi Cloud said the AMD portion of the order was worth "
        "Dh2.9 billion ($790 million).",
        "en",
    )
    got = sorted(
        (c.quantity, [p.name for p in c.parties if p.role == "vendor"], [a.amount for a in c.amounts])
        for c in cands
        if c.fact_type == "chip_purchase"
    )
    assert got == [(8000, ["Nvidia"], []), (16000, ["AMD"], [2.9e9, 790e6])]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Le cloud du groupe Kivi va déployer des GPU Instinct MI355X dans ses datacenters.", "fr"),
        ("- Additional GPUs ordered to expand the national AI research resource", "en"),
    ],
)
def test_chips_as_a_bare_plural_with_no_count_or_price_are_no_purchase(extract, text, language):
    assert not [c for c in extract(text, language)[0] if c.fact_type == "chip_purchase"]


@pytest.mark.parametrize("text, lang", [
    ("Kivi Cloud won the tender for 4,096 Nvidia H200 GPUs. Kivi Cloud will buy the chips itself.", "en"),
    ("Kivi Cloud a remporté l'appel d'offres portant sur 4 096 GPU H200 de Nvidia. Kivi Cloud achètera "
     "ces GPU elle-même.", "fr"),
])
def test_chips_the_text_points_back_to_are_still_bought_with_the_count_told_before(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [(parties(c, "buyer"), c.quantity, parties(c, "vendor")) for c in chips(cands)] == [
        (["Kivi Cloud"], 4096, ["Nvidia"])
    ]


@pytest.mark.parametrize("text, lang", [
    ("Busy week: three seed rounds in Europe and a GPU order in Montevideo that is bigger than it "
     "looks.", "en"),
    ("The senator asked about the plans of Halden Telecom, noting that rival operators had acquired "
     "thousands of GPUs.", "en"),
    ("It is the largest single GPU order Lirra Labs has logged in the region, and it is almost all "
     "pre-sold to local banks.", "en"),
    ("Le ministère a confirmé lundi son soutien à Lirra Labs, qui a déjà passé commande de ses premiers "
     "serveurs.", "fr"),
])
def test_a_purchase_that_tells_no_count_price_vendor_or_model_is_no_fact(extract, text, lang):
    assert chips(extract(text, lang)[0]) == []


@pytest.mark.parametrize("text, lang, vendor, qty", [
    ("Lirra Labs has ordered Nvidia GPUs for its Tartu site.", "en", ["Nvidia"], None),
    ("Lirra Labs a commandé 640 GPU pour son site de Tartu.", "fr", [], 640),
])
def test_a_purchase_with_a_vendor_or_a_count_alone_is_kept(extract, text, lang, vendor, qty):
    got = chips(extract(text, lang)[0])
    assert [(parties(c, "buyer"), parties(c, "vendor"), c.quantity) for c in got] == [
        (["Lirra Labs"], vendor, qty)
    ]


@pytest.mark.parametrize("text, lang", [
    ("Kestrel Calcul commande 512 processeurs AMD\n\nLa société parie sur les accélérateurs du concurrent de "
     "Nvidia. Un investissement de 12 millions de francs.\n\n"
     "Kestrel Calcul a passé commande, mardi, de 512 accélérateurs AMD, a annoncé l'entreprise. Le montant "
     "de la transaction s'élève à 12 millions de francs, serveurs compris.", "fr"),
    ("Kestrel Compute has ordered 512 AMD accelerators, the company said. The value of the order is "
     "$12 million, servers included.", "en"),
])
def test_the_price_of_an_order_told_after_it_is_the_purchases_and_no_investment(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [(c.fact_type, c.quantity, c.amounts[0].amount) for c in cands] == [("chip_purchase", 512, 12e6)]


def test_a_firm_backed_by_a_state_linked_group_buys_and_the_deal_valued_after_an_aside_prices_it(extract):
    cands, _ = extract(
        "Kestrel Compute, an operator backed by a state-linked investment group, agreed to buy 20,000 Nvidia "
        "GB300 chips.\n\nThe deal, signed Tuesday, is valued at 5.5 billion dirhams ($1.5 billion), Kestrel "
        "said in a statement.",
        "en",
    )
    assert [(c.fact_type, [p.name for p in c.parties if p.role == "buyer"], c.amounts[0].amount)
            for c in cands] == [("chip_purchase", ["Kestrel Compute"], 5.5e9)]


def test_a_pronoun_takes_up_the_firm_just_named_not_the_most_mentioned_place(extract):
    cands, _ = extract(
        "Halden GPU cluster gets $2.4m government boost\n\nA Halden start-up that wants to run AI workloads "
        "has won $2.4 million in Halden's regional funding.\n\nKestrel Compute, founded in 2024, received "
        "the grant from the ministry, the minister confirmed. The money comes from a fund for digital "
        "infrastructure.\n\nThe company has already put its own money on the line. Last month it bought 128 "
        "Nvidia B200 GPUs for about $9.5 million, its chief executive said.",
        "en",
    )
    chips = [c for c in cands if c.fact_type == "chip_purchase"]
    assert [[p.name for p in c.parties if p.role == "buyer"] for c in chips] == [["Kestrel Compute"]]


def test_the_wire_carrying_a_press_release_buys_nothing(extract):
    cands, _ = extract(
        "TOKYO, Japan, July 8, 2026 /PRNewswire/ -- Kestrel Teras KK, a Japanese cloud provider, has ordered "
        "2,048 AMD Instinct GPUs for 62 billion yen.", "en"
    )
    assert [[p.name for p in c.parties if p.role == "buyer"] for c in cands] == [["Kestrel Teras KK"]]


def test_a_semicolon_ends_the_clause_a_chip_count_belongs_to(extract):
    cands, _ = extract(
        "Actu\n\nLe Maroc, dit-on, viserait 10 000 GPU à l'horizon 2030 ; personne n'a vu le début d'une "
        "commande.",
        "fr",
    )
    assert not chips(cands)


def test_the_price_of_an_order_two_sentences_on(extract):
    cands, _ = extract(
        "Actu\n\nOrvale Compute a confirmé mardi avoir commandé 1 024 processeurs graphiques Nvidia H200. "
        "L'intégration des serveurs sera assurée par un intégrateur local. Le montant de la commande "
        "atteint environ 41 millions d'euros, selon la société.",
        "fr",
    )
    (c,) = chips(cands)
    assert c.quantity == 1024
    assert [(a.amount, a.currency) for a in c.amounts] == [(41e6, "EUR")]


def test_the_end_of_a_models_name_is_no_buyer(extract):
    cands, _ = extract(
        "Deal news\n\nEach rack houses 72 Blackwell Ultra GPUs, bringing the order to 3,456 GPUs in total.",
        "en",
    )
    assert all("Ultra" not in parties(c, "buyer") for c in chips(cands))


def test_the_price_that_the_buyer_says_the_deal_is_worth(extract):
    cands, _ = extract(
        "Deal news\n\nOrvale Compute has signed a purchase order for 3,456 Nvidia GB300 GPUs. The systems "
        "will be supplied by an integrator. Orvale said the deal was worth SAR 1.6 billion.",
        "en",
    )
    (c,) = chips(cands)
    assert [(a.amount, a.currency) for a in c.amounts] == [(1.6e9, "SAR")]


def test_a_university_named_after_its_town_buys_and_its_town_places_it(extract):
    cands, _ = extract(
        "Actu\n\nL'université de Bordeaux a acquis 256 GPU Nvidia H100 pour 9 millions d'euros.", "fr"
    )
    (c,) = chips(cands)
    assert parties(c, "buyer") == ["université de Bordeaux"]
    assert c.country_code == "FR"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Deal news\n\nLumen Grid ordered 32 Nvidia DGX B200 systems, for a total of 256 GPUs.", "en"),
        ("Actu\n\nLumen Grid a commandé 32 systèmes Nvidia DGX B200, soit 256 GPU au total.", "fr"),
    ],
)
def test_the_orders_total_is_its_chip_count(extract, text, lang):
    cands, _ = extract(text, lang)
    (c,) = chips(cands)
    assert c.quantity == 256


def test_the_winner_of_the_tender_supplies_it_does_not_buy(extract):
    cands, _ = extract(
        "Deal news\n\nThe University of Kyoto will buy 512 AMD MI300X accelerators through a public tender "
        "won by Halvard Systems.",
        "en",
    )
    (c,) = chips(cands)
    assert parties(c, "buyer") == ["University of Kyoto"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Actu\n\nLumen Grid souhaite acquérir 1 000 GPU l'an prochain.", "fr"),
        ("Actu\n\nLumen Grid prévoit d'acheter 1 000 GPU Nvidia.", "fr"),
        ("Deal news\n\nLumen Grid plans to buy up to 10,000 GPUs over the next three years.", "en"),
    ],
)
def test_a_purchase_wished_or_planned_is_none(extract, text, lang):
    cands, _ = extract(text, lang)
    assert not chips(cands)


def test_a_body_buying_chips_for_firms_is_the_buyer(extract):
    cands, _ = extract("L'État a acheté 1 000 GPU Nvidia pour Lirra Labs et d'autres start-up.", "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "buyer"] == ["État"]
    cands, _ = extract("Commande de 6 144 GPU pour Lirra Labs.", "fr")  # no buyer before: the one it is for
    assert [p.name for c in cands for p in c.parties if p.role == "buyer"] == ["Lirra Labs"]


def test_a_passive_agent_between_commas_after_the_purchase_noun_buys(extract):
    cands, _ = extract(
        "Le Conseil a validé l'achat, par l'Agence Kelp, de 256 GPU Nvidia pour le centre national.", "fr"
    )
    assert [p.name for c in cands for p in c.parties if p.role == "buyer"] == ["Agence Kelp"]


def test_the_buyer_putting_a_value_on_its_order_prices_it(extract):
    text = "Lirra Labs has ordered 2,304 GPUs. Lirra Labs put the value of the order at about $190 million."
    (c,) = extract(text, "en")[0]
    assert [(a.amount, a.currency) for a in c.amounts] == [(190e6, "USD")]
    text = "Lirra Labs has ordered 2,304 GPUs. Analysts put the value of the order at about $190 million."
    (c,) = extract(text, "en")[0]
    assert c.amounts == []  # an estimate of others


def test_a_titles_purchase_by_a_state_restates_the_bodys_named_buyer(extract):
    text = (
        "La Norvège s'équipe de 96 GPU pour son cloud souverain\n\n"
        "Lirra Cloud, l'opérateur du cloud souverain norvégien, a commandé 96 GPU Nvidia H200 pour 3,4 M€."
    )
    cands, _ = extract(text, "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "buyer"] == ["Lirra Cloud"]


@pytest.mark.parametrize(
    "text, language, amount",
    [
        ("Lirra Labs has ordered 2,304 Nvidia GPUs. Price tag: around $190m including support.", "en", 190e6),
        ("Lirra Labs a commandé 2 304 GPU Nvidia. Montant : 41 millions d'euros.", "fr", 41e6),
    ],
)
def test_a_price_label_after_the_purchase_prices_it(extract, text, language, amount):
    (c,) = extract(text, language)[0]
    assert [a.amount for a in c.amounts] == [amount]


@pytest.mark.parametrize("text", [
    "HÀ NỘI - Lirra Compute on Thursday ordered 2,000 H200 GPUs from Nvidia.",
    "KELVARI, March 3 (Reuters) - Lirra Compute ordered 2,000 H200 GPUs from Nvidia.",
])
def test_a_dateline_in_capitals_is_no_buyer_whether_the_town_is_known_or_not(extract, text):
    got = chips(extract(text, "en")[0])
    assert [(parties(c, "buyer"), c.quantity) for c in got] == [(["Lirra Compute"], 2000)]


def test_a_purchase_restated_in_an_apposition_is_one_purchase(extract):
    text = (
        "Lirra Compute bets on AMD chips\n\nLirra Compute says its new cluster will serve hospitals.\n\n"
        "A two-year-old Oslo company that rents out computing power has bought 2,048 of AMD's newest "
        "accelerators, a purchase that will make it one of the largest operators in the Pacific "
        "Northwest.\n\n"
        "Lirra Compute did not disclose the price."
    )
    got = chips(extract(text, "en")[0])
    assert [(parties(c, "buyer"), c.quantity) for c in got] == [(["Lirra Compute"], 2048)]


def test_a_country_in_an_opening_clause_does_not_buy_for_the_firm_the_main_clause_takes_up(extract):
    text = (
        "Lirra Compute opens a GPU cloud in Oslo.\n\n"
        "In the month Norway marked its new AI strategy, the Oslo operator ordered 1,152 Nvidia Blackwell "
        "GPUs."
    )
    assert [(parties(c, "buyer"), c.quantity) for c in chips(extract(text, "en")[0])] == [
        (["Lirra Compute"], 1152)
    ]


def test_a_country_before_a_superlative_is_the_records_scope_and_no_buyer(extract):
    cands, _ = extract("AMD lands Norway's biggest AI accelerator order as Lirra Compute picks MI325X", "en")
    assert [parties(c, "buyer") for c in chips(cands)] == [["Lirra Compute"]]


@pytest.mark.parametrize("text, lang", [
    ("Lirra Compute has placed an order for 2,304 Nvidia GPUs in a transaction valued at approximately "
     "NOK 180 million.", "en"),
    ("Lirra Compute a passé commande de 2 304 GPU Nvidia, une commande valorisée à 180 millions de "
     "couronnes.", "fr"),
])
def test_a_deal_valued_at_an_amount_is_priced_by_it_and_no_valuation(extract, text, lang):
    got = chips(extract(text, lang)[0])
    assert [(c.quantity, c.amounts[0].amount if c.amounts else None) for c in got] == [(2304, 180e6)]


@pytest.mark.parametrize("text", [
    "The ministry said Lirra Cloud will buy 4,096 Nvidia H200 GPUs.",
    "Separately, the ministry said Oslo-based data-centre operator Lirra Cloud, which won the latest round "
    "of the tender, will deploy 4,096 Nvidia H200 GPUs at its campus.",
])
def test_the_subject_of_what_a_body_says_buys_not_the_body(extract, text):
    assert [parties(c, "buyer") for c in chips(extract(text, "en")[0])] == [["Lirra Cloud"]]


def test_a_french_agency_named_by_its_field_keeps_its_name_as_the_buyer(extract):
    cands, _ = extract(
        "Le Sénégal s'équipe en calcul\n\nDakar, 5 novembre 2026 - L'Agence nationale des infrastructures "
        "numériques (ANIN) a annoncé mercredi l'acquisition de 128 processeurs graphiques Nvidia.",
        "fr",
    )
    assert [parties(c, "buyer") for c in chips(cands)] == [
        ["Agence nationale des infrastructures numériques"]
    ]


@pytest.mark.parametrize("text, lang, amount", [
    ("Lirra Compute has placed an order for 64 Nvidia GB200 racks. The racks hold 4,608 GPUs in total.\n\n"
     "The systems will be built by Supermicro. Lirra put the value of the order at NOK 1.1 billion.", "en",
     1.1e9),
    ("Lirra Compute a acheté 4 000 processeurs graphiques Nvidia pour agrandir sa grappe de calcul. La "
     "facture atteint 250 millions de couronnes, selon son président.", "fr", 250e6),
])
def test_the_price_of_an_order_told_up_to_three_sentences_later(extract, text, lang, amount):
    got = chips(extract(text, lang)[0])
    assert [c.amounts[0].amount if c.amounts else None for c in got] == [amount]


@pytest.mark.parametrize("said", [
    "Lirra Labs chief executive Anna Kowal told this paper",
    "Lirra Labs told Reuters",
])
def test_the_price_an_officer_or_the_buyer_tells_the_press_prices_the_order(extract, said):
    cands, _ = extract(
        f"Lirra Labs placed an order for 256 Nvidia H100 GPUs. {said} the order was worth about NOK 80 "
        "million.",
        "en",
    )
    assert [c.amounts[0].amount if c.amounts else None for c in chips(cands)] == [80e6]


def test_a_title_restating_a_priced_order_under_another_buyer_name_is_left_out(extract):
    cands, _ = extract(
        "Lirra Group's cloud arm orders 4,096 Nvidia chips\n\n"
        "Kelp Cloud, the cloud unit of the Lirra retail group, has ordered 4,096 Nvidia B300 chips for "
        "€120 million, the company said on Monday.",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type == "chip_purchase"]
    assert (parties(c, "buyer"), c.quantity, c.amounts[0].amount) == (["Kelp Cloud"], 4096, 120e6)


def test_a_purchase_noun_restating_the_count_its_verb_bought_is_the_same_purchase(extract):
    cands, _ = extract(
        "Lirra Labs rents computing power to researchers.\n\nWe bought 512 H200s from Nvidia in October "
        "2025, through Supermicro, which was our first big purchase.",
        "en",
    )
    assert len([c for c in cands if c.fact_type == "chip_purchase"]) == 1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kelp Systems has won an order for 16 Nvidia GB200 racks from Lirra Labs, a Liège operator.", "en"),
        ("Kelp Systems books 512-GPU Nvidia H100 order from Lirra Labs", "en"),
        ("Kelp Systèmes a remporté une commande de 512 GPU Nvidia H100 de la part de Lirra Labs.", "fr"),
    ],
)
def test_the_firm_an_order_comes_from_buys_not_the_one_that_wins_it(extract, text, lang):
    cands, _ = extract(text, lang)
    (c,) = chips(cands)
    assert parties(c, "buyer") == ["Lirra Labs"]


@pytest.mark.parametrize(
    "text, lang, amount",
    [
        # the systems bought, far into the sentence after "worth"
        ("Lirra Labs said it had taken delivery of 12,000 AMD Instinct MI355X accelerators during the "
         "quarter. The systems were bought through a Taiwanese server maker under a contract worth NT$13.6 "
         "billion, and are being installed.", "en", 13.6e9),
        # the investment the purchase represents
        ("En avril, Lirra Labs a acheté 256 GPU Nvidia H200. L'investissement représente environ 8 "
         "millions de francs, serveurs et réseau compris.", "fr", 8e6),
        # past a sentence about the systems that gives no money
        ("Lirra Labs has placed an order for 64 Nvidia GB200 NVL72 racks. The systems will be built by "
         "Kelp Systems. Lirra Labs put the value of the order at AED 1.1 billion.", "en", 1.1e9),
    ],
)
def test_the_sentence_after_a_purchase_that_speaks_of_it_gives_its_price(extract, text, lang, amount):
    cands, _ = extract(text, lang)
    (c,) = chips(cands)
    assert [a.amount for a in c.amounts][:1] == [amount]


def test_a_line_labelling_the_orders_value_prices_the_storys_one_purchase(extract):
    cands, _ = extract(
        "Lirra Labs commande 64 baies Nvidia GB200 NVL72 pour son campus.\n\n"
        "Le jeune opérateur veut louer ses machines aux banques de la région.\n\n"
        "Les livraisons commenceront au troisième trimestre.\n\n"
        "Montant de la commande : 1,1 milliard de dirhams, support technique compris.",
        "fr",
    )
    (c,) = chips(cands)
    assert [(a.amount, a.currency) for a in c.amounts][:1] == [(1.1e9, "AED")]


def test_a_pronoun_for_the_buyer_putting_a_value_on_its_order_prices_it(extract):
    # "It put the value at €68 million": the buyer's own figure, past sentences without money
    cands, _ = extract(
        "Kelp Systems has won an order for sixteen Nvidia GB200 NVL72 racks from Lirra Labs. At 72 GPUs "
        "per rack, the deal covers 1,152 GPUs. The Liège-based company signed the contract last Friday. "
        "It put the value at €68 million ($79.6 million), a figure that includes three years of support.",
        "en",
    )
    priced = [c for c in chips(cands) if c.amounts]
    assert [(parties(c, "buyer"), c.amounts[0].amount) for c in priced] == [(["Lirra Labs"], 68e6)]


def test_a_states_body_described_buys_by_the_name_the_story_gives_it(extract):
    cands, _ = extract(
        "OSLO, Nov 10 (AFP) - Norway's state artificial intelligence institute has bought 512 "
        "Huawei Ascend processors, its director said.\n\nThe chips will be installed at the Norwegian "
        "Artificial Intelligence Institute's campus early next year.",
        "en",
    )
    (c,) = chips(cands)
    assert parties(c, "buyer") == ["Norwegian Artificial Intelligence Institute"]
    assert c.country_code == "NO"
