"""Public money: typed by its source and its noun, the section's country, non-deal figures and
words that are no parties (sentences and firm names of our own)."""

from datetime import date

import pytest


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


def test_state_owned_investment_company_leading_a_round_is_an_investor(extract):
    cands, _ = extract(
        "Kestrel Robotics raised €30 million in a Series B round led by Solvik, the Norwegian "
        "state-owned investment company, with participation from Orbis Capital.",
        "en",
    )
    assert not of_type(cands, "subsidy")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Kestrel Robotics"]
    assert "Solvik" in parties(c, "investor")


def test_state_investment_fund_is_no_grantor(extract):
    cands, _ = extract(
        "The lab was set up with NOK 400 million from the state investment fund, which took a stake.", "en"
    )
    assert not of_type(cands, "subsidy")


def test_cue_word_inside_an_institution_name_is_no_cue(extract):
    cands, _ = extract("The Talvik Investment Authority manages NOK 40 billion of assets.", "en")
    assert cands == []
    cands, _ = extract("Le Fonds Aldaran pour l'Investissement gère 4 milliards d'euros d'actifs.", "fr")
    assert cands == []


def test_money_from_a_public_programme_is_a_subsidy(extract):
    cands, _ = extract(
        "Brightwave Semiconductor will receive $250 million in Digital Sovereignty Act funding for its "
        "new plant.",
        "en",
    )
    (c,) = cands
    assert c.fact_type == "subsidy"
    assert parties(c, "recipient") == ["Brightwave Semiconductor"]
    cands, _ = extract(
        "La start-up Lumacore obtient 12 millions d'euros du programme national Horizon Calcul pour "
        "son centre de données.",
        "fr",
    )
    (c,) = cands
    assert c.fact_type == "subsidy"
    assert parties(c, "recipient") == ["Lumacore"]


def test_money_from_a_private_firms_fund_stays_an_investment(extract):
    cands, _ = extract("Kalvia lands $5 million from Orbis Capital's growth fund.", "en")
    (c,) = cands
    assert c.fact_type == "investment"
    assert parties(c, "investee") == ["Kalvia"]


def test_money_raised_since_a_year_is_a_running_total(extract):
    cands, _ = extract("Brivola has raised about $80 million from angel investors since 2020.", "en")
    assert cands == []
    cands, _ = extract("Tessane a levé 45 millions d'euros au total depuis 2018, selon la presse.", "fr")
    assert cands == []
    cands, _ = extract("Tessane a levé 45 millions d'euros auprès d'Orbis Capital en 2025.", "fr")
    assert len(cands) == 1


def test_a_marker_earlier_in_the_clause_wins_over_a_nearer_cue(extract):
    cands, _ = extract(
        "The new grant brings the total public funding awarded to Velmora Chips since 2021 to about "
        "€900 million.",
        "en",
    )
    assert cands == []
    cands, _ = extract(
        "A parliamentary panel chaired by Ilse Moren recommended last week that the state invest "
        "€3 billion a year in computing.",
        "en",
    )
    assert cands == []
    cands, _ = extract(
        "Le comité d'experts préconise que l'État investisse 2 milliards d'euros par an dans le calcul.",
        "fr",
    )
    assert cands == []


def test_forecast_and_unit_price_are_no_deals(extract):
    cands, _ = extract(
        "Selon le cabinet Arvento, les dépenses en puces devraient atteindre 40 milliards de dollars.",
        "fr",
    )
    assert cands == []
    cands, _ = extract("The state will subsidise compute so that students pay Rs 80 an hour.", "en")
    assert cands == []


def test_a_programme_endowed_with_money_spends_nothing_itself(extract):
    cands, _ = extract(
        "The Nordlys Chip plan, unveiled in 2023, foresees 9 billion euros of public money for chips.", "en"
    )
    assert of_type(cands, "investment") == []
    cands, _ = extract(
        "Ces aides restent modestes au regard du plan Horizon 2035, doté de 30 milliards d'euros au total.",
        "fr",
    )
    assert of_type(cands, "investment") == []


def test_money_a_firm_gets_next_to_a_public_grant_is_a_grant(extract):
    cands, _ = extract(
        "Le gouvernement a accordé 20 millions d'euros à Velmora, tandis que Brisane obtient 6 millions "
        "d'euros.",
        "fr",
    )
    subs = of_type(cands, "subsidy")
    assert of_type(cands, "investment") == []
    assert sorted(parties(c, "recipient")[0] for c in subs) == ["Brisane", "Velmora"]
    cands, _ = extract(
        "The Ministry of Industry awarded ¥8 billion to Hoshira Cloud. Tenzan Networks also gets "
        "¥3 billion.",
        "en",
    )
    subs = of_type(cands, "subsidy")
    assert of_type(cands, "investment") == []
    assert len(subs) == 2


def test_a_grant_noun_a_firm_obtains_is_a_subsidy(extract):
    cands, _ = extract(
        "Vorelia Semiconducteurs a obtenu en mai une aide définitive de 2,4 milliards d'euros.",
        "fr",
    )
    assert of_type(cands, "investment") == []
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Vorelia Semiconducteurs"]


def test_a_grant_noun_after_a_modifier_wins_over_the_verb(extract):
    # "received a €2m research grant": the noun after the amount types it, modifiers between
    for text in (
        "Halvard Robotics, a Bergen start-up, has received a €2m research grant from the Norwegian "
        "government.",
        "Halvard Robotics, based in Bergen, Norway, has received a $3 million innovation grant.",
    ):
        cands, _ = extract(text, "en")
        assert of_type(cands, "investment") == [], text
        (c,) = of_type(cands, "subsidy")
        assert parties(c, "recipient") == ["Halvard Robotics"]


def test_a_grant_word_after_a_modal_is_the_subjects_giving(extract):
    # "will grant €4m to X": a verb, so the subject gives; "scores a grant" keeps the firm receiving
    cands, _ = extract("The Norland Foundation will grant €4 million to Lirra Labs, a Bergen start-up.", "en")
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "grantor") == ["Norland Foundation"]
    assert parties(c, "recipient") == ["Lirra Labs"]


def test_a_local_language_government_word_names_the_grantor(extract):
    # the press keeps a region's own word for its government: it grants, whatever the verb
    for text, body in (
        ("The Xunta de Galicia will invest €4 million in Lirra Labs, a Vigo start-up.", "Xunta de Galicia"),
        ("Le Govern d'Andorra investira 2 millions d'euros dans Brivel Robotique.", "Govern d'Andorra"),
    ):
        cands, _ = extract(text, "fr" if text.startswith("Le ") else "en")
        assert of_type(cands, "investment") == [], text
        (c,) = of_type(cands, "subsidy")
        assert parties(c, "grantor") == [body]


def test_a_firm_receiving_a_grant_from_no_named_state_grants_nothing(extract):
    cands, _ = extract("Halvard Robotics has received a €2m research grant.", "en")
    assert [p for c in cands for p in c.parties if p.role == "grantor"] == []


def test_the_budget_is_a_public_grantor(extract):
    cands, _ = extract(
        "The Union Budget allocated Rs 1,500 crore to the national quantum mission this year.", "en"
    )
    # public money is no firm's own spending, whatever names the strategy
    assert of_type(cands, "investment") == []


def test_a_report_denied_in_the_next_sentence_is_no_deal(extract):
    cands, _ = extract(
        "Un hebdomadaire affirmait que Norvalis avait commandé 3 000 GPU à Nvidia. Le groupe a démenti "
        "jeudi, sans autre précision.",
        "fr",
    )
    assert cands == []
    cands, _ = extract(
        "A trade paper reported that Kelvane had ordered 4,000 GPUs from Nvidia. The company denied it.",
        "en",
    )
    assert cands == []
    cands, _ = extract("Kelvane has ordered 4,000 GPUs from Nvidia. It denied any plan to sell itself.", "en")
    assert len(cands) == 1


def test_sentence_adverbs_quotes_and_the_stock_exchange_are_no_parties(extract):
    text = (
        "Kalvane Systems builds optical switches. Parallèlement, l'Agence nationale du calcul a accordé "
        "à Kalvane Systems une subvention de 4 millions d'euros."
    )
    cands, _ = extract(text, "fr")
    names = {p.name for c in cands for p in c.parties}
    assert "Parallèlement" not in names
    text = (
        "Additionally, the Ministry of Industry awarded Torvane Labs a ¥2 billion grant for its cluster."
    )
    cands, _ = extract(text, "en")
    assert "Additionally" not in {p.name for c in cands for p in c.parties}
    text = (
        "« Vendors keep calling us », dit-il. La société a obtenu une ligne de crédit de 3 millions "
        "d'euros. En Bourse, Orsella Data a annoncé qu'elle investira 50 millions d'euros."
    )
    cands, _ = extract(text, "fr")
    names = {p.name for c in cands for p in c.parties}
    assert not names & {"Vendors", "Bourse"}


def test_places_and_programmes_are_no_recipients(extract):
    cands, _ = extract(
        "The Research Agency of Denmark has allocated DKK 300 million to four new labs, spread across "
        "universities in Aarhus, Odense, Aalborg and Roskilde.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == []
    cands, _ = extract(
        "L'État accorde une aide de 12 millions d'euros à Velmora, versée au titre de Horizon Calcul 2030.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Velmora"]
    cands, _ = extract(
        "The Government awarded S$40 million to Torvane Labs under its Frontier Compute Initiative.", "en"
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Torvane Labs"]


def test_places_before_a_firm_are_no_parties(extract):
    cands, _ = extract(
        "Leeds, Yorkshire-based Corvane Cloud said it has ordered 1,024 Nvidia H100 GPUs for its new site.",
        "en",
    )
    (c,) = cands
    assert parties(c, "buyer") == ["Corvane Cloud"]
    cands, _ = extract(
        "The German-Norwegian group said it will invest about 3 billion euros in the plant.", "en"
    )
    assert "German-Norwegian" not in {p.name for c in cands for p in c.parties}


def test_an_allocation_of_chips_a_firm_secures_is_no_grant(extract):
    cands, _ = extract(
        "Orvane Cloud has secured an allocation of 2,000 Nvidia H200 GPUs for about €60 million.", "en"
    )
    assert of_type(cands, "subsidy") == []


def test_quoted_link_lines_under_a_related_heading_are_noise(extract):
    text = (
        "Kalvane Systems lève 20 millions d'euros auprès d'Orbis Capital.\n\n"
        "Lire aussi :\n"
        "> Norvège : Fjellbit Compute commande 2 000 puces Nvidia\n"
        "> Japon : Sorano Cloud lève 5 milliards de yens\n"
    )
    cands, _ = extract(text, "fr")
    assert [c.fact_type for c in cands] == ["investment"]


def test_a_state_fund_taking_a_stake_in_the_company_invests_in_the_article_firm(extract):
    text = (
        "Velmora Compute a commandé 2 000 puces à Nvidia. Velmora Compute ouvrira son centre en 2026. "
        "Le Fonds Aldaran pour l'Investissement entre au capital de la société à hauteur de 90 millions "
        "d'euros."
    )
    cands, _ = extract(text, "fr")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Velmora Compute"]
    assert of_type(cands, "subsidy") == []


def test_a_body_or_capital_right_before_the_verb_acts_for_the_state(extract):
    text = (
        "Kalvane Systems et Orsella Data ont commandé 3 000 GPU. The orders are financed from the "
        "€400 million that the ministry received in the spring supplementary budget."
    )
    cands, _ = extract(text, "en")
    assert of_type(cands, "investment") == []
    cands, _ = extract(
        "Its plan for Quanta Labs' new plant in Umeå, for which Oslo has promised up to NOK 2 billion, "
        "is still under review.",
        "en",
    )
    assert of_type(cands, "investment") == []


def test_a_comparison_with_what_others_spend_is_no_deal(extract):
    cands, _ = extract(
        "Velmora Labs has €300 million, still a fraction of what Kalvane Systems spends in a month.", "en"
    )
    assert cands == []
    cands, _ = extract(
        "$2 trillion: what Orbis Capital estimates Kalvane Systems could spend on data centres.", "en"
    )
    assert cands == []


def test_a_round_compared_since_a_year_is_still_a_deal(extract):
    cands, _ = extract("Brivola raised $80 million in its largest round since 2021, led by Orbis Capital.",
                       "en")
    assert len(of_type(cands, "investment")) == 1


def test_a_title_case_verb_before_a_fund_name_stays_a_cue(extract):
    cands, _ = extract("Orbis Capital Invests $40 Million In Kalvane Capital Partners", "en")
    assert len(of_type(cands, "investment")) == 1


def test_office_holders_and_a_sites_town_are_no_recipients(extract):
    cands, _ = extract(
        "The Norwegian government said it would invest NOK 900 million in a new supercomputer at "
        "Fjellbit Compute, as Prime Minister Ingrid Solhaug opened the summit.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert "Ingrid Solhaug" not in parties(c, "recipient")
    cands, _ = extract(
        "Le gouvernement a débloqué 4 millions d'euros pour des bourses autour du campus de Valbonne.", "fr"
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == []


def test_an_organisation_is_a_public_body_not_the_article_firm(extract):
    text = (
        "Velmora Compute construit un centre. Séparément, l'Organisation pour la recherche numérique a "
        "accordé une subvention de 2 millions d'euros ; l'Organisation soutient aussi d'autres projets. "
        "L'entreprise a aussi obtenu un prêt de 1 million d'euros auprès d'Orbis Capital."
    )
    cands, _ = extract(text, "fr")
    investees = {p.name for c in of_type(cands, "investment") for p in c.parties if p.role == "investee"}
    assert "Organisation" not in investees


def test_more_running_totals_in_both_languages(extract):
    cands, _ = extract("The grant takes the total public support for Velmora Chips to €1.2 billion.", "en")
    assert cands == []
    cands, _ = extract("Velmora a levé 40 millions d'euros à ce jour auprès de ses actionnaires.", "fr")
    assert cands == []


def test_a_fund_named_after_its_state_grants_with_a_grant_verb(extract):
    cands, _ = extract(
        "Research Fund Norway said on Monday it has awarded NOK 120 million to Fjellbit Compute for a "
        "new cluster.",
        "en",
    )
    (c,) = cands
    assert c.fact_type == "subsidy"
    assert c.country_code == "NO"
    assert parties(c, "recipient") == ["Fjellbit Compute"]


def test_a_state_right_before_the_verb_acts_not_a_headline_label(extract):
    cands, _ = extract(
        "Nordlys Daily: Norway backs Fjellbit Compute with NOK 80 million; Kalvane Systems hires.", "en"
    )
    assert of_type(cands, "investment") == []
    (c,) = of_type(cands, "subsidy")
    assert c.country_code == "NO"


def test_a_demonym_of_the_next_teaser_item_does_not_place_a_firm(extract):
    text = (
        "Au sommaire : 2 000 GPU pour Kalvane Systems, une aide japonaise pour Sorano Cloud, et le chiffre "
        "de la semaine.\n\n"
        "Kalvane Systems va acheter 2 000 GPU à Nvidia pour un centre de calcul en Norvège.\n"
    )
    cands, _ = extract(text, "fr")
    buys = of_type(cands, "chip_purchase")
    assert buys and all(c.country_code != "JP" for c in buys)


def test_a_breakdown_of_a_round_and_a_draft_bill_are_no_deals(extract):
    cands, _ = extract(
        "Kalvane Systems lève 120 millions d'euros. L'enveloppe se décompose en 90 millions d'euros de "
        "capital et 30 millions d'euros de dette.",
        "fr",
    )
    assert [c.amounts[0].amount for c in cands] == [120e6]
    cands, _ = extract(
        "Un projet de loi prévoit que l'État entre au capital de Kalvane Systems à hauteur de 50 milliards "
        "de yens.",
        "fr",
    )
    assert cands == []


def test_a_round_next_to_a_grant_stays_a_round(extract):
    cands, _ = extract(
        "The Ministry of Industry awarded €5 million to Velmora Labs. Kalvane Systems also secured "
        "€10 million in a seed round.",
        "en",
    )
    assert len(of_type(cands, "investment")) == 1


def test_a_public_fund_in_a_round_is_an_investor_not_a_source(extract):
    cands, _ = extract(
        "Kalvane Systems raised €20 million in a round led by the National Growth Fund.", "en"
    )
    assert of_type(cands, "subsidy") == []
    cands, _ = extract("Kalvane Systems lands €20 million from Norway's state investment fund.", "en")
    assert of_type(cands, "subsidy") == []


def test_a_firm_in_apposition_to_a_based_phrase_stays_a_name(extract):
    cands, _ = extract(
        "Velmora Labs, Paris-based maker of optical chips, raised €12 million from Orbis Capital.", "en"
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Velmora Labs"]


def test_an_initiative_that_receives_is_a_recipient(extract):
    cands, _ = extract(
        "The Government awarded S$20 million to the Nordlys AI Initiative for its research network.", "en"
    )
    (c,) = of_type(cands, "subsidy")
    assert [r.startswith("Nordlys AI") for r in parties(c, "recipient")] == [True]
    cands, _ = extract(
        "The Government will invest S$150 million in a new Frontier Compute Initiative (FCI) for firms.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == []


def test_an_initiative_may_spend_on_its_own(extract):
    cands, _ = extract("The Nordlys Compute Initiative will spend €30 million on new servers in Oslo.", "en")
    assert len(of_type(cands, "investment")) == 1


def test_private_programmes_and_initiatives_are_no_public_source(extract):
    for text in (
        "Velmora Labs raised $5 million from the Kessler Family Initiative.",
        "Velmora Labs lands $2 million from the Orbis Tokyo fund.",
        "Velmora Labs gets $1 million from the Nvidia Inception program.",
    ):
        cands, _ = extract(text, "en")
        assert of_type(cands, "subsidy") == [], text


def test_words_qualifying_a_firm_are_no_name(extract):
    cands, _ = extract("Orbis Capital to invest $300 million in Gulf Coast AI firm Kelvane.", "en")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Kelvane"]


def test_a_public_body_opening_a_grant_sentence_grants_it(extract):
    cands, _ = extract(
        "Germany's Digital Trade Department has finalized a grant of €300 million for Velmora Labs' new "
        "plant.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert c.country_code == "DE"
    assert parties(c, "recipient") == ["Velmora Labs"]


def test_each_firm_of_a_list_gets_its_own_grant(extract):
    # "chacune", "each": one subsidy per firm of the list, each with the whole amount
    for text, language in (
        ("Dans le cadre de France 2030, l'État soutient trois start-up. Ondine Data (Rennes), Vireo Labs "
         "(Lyon) et Calanque IA (Marseille) bénéficieront chacune d'une aide de 4 millions d'euros.", "fr"),
        ("L'État a accordé 4 millions d'euros chacune à Ondine Data, Vireo Labs et Calanque IA.", "fr"),
        ("The French government awarded €4 million each to Ondine Data, Vireo Labs and Calanque AI.", "en"),
        # the list after the amount, places before the names
        ("PARIS (AFP) - The French government on Tuesday awarded grants of €4 million each to three "
         "startups — Rennes-based Ondine Data, Lyon's Vireo Labs and Marseille-based Calanque AI.", "en"),
    ):
        cands, _ = extract(text, language)
        grants = of_type(cands, "subsidy")
        assert sorted(parties(c, "recipient")[0] for c in grants) == sorted(
            ["Ondine Data", "Vireo Labs", "Calanque IA" if language == "fr" else "Calanque AI"]), text
        assert {c.amounts[0].amount for c in grants} == {4_000_000}
        assert len({c.candidate_id for c in grants}) == 3


def test_a_unit_price_each_is_still_no_deal(extract):
    cands, _ = extract("Harbor Compute paid $30,000 each for its GPUs.", "en")
    assert [c for c in cands if c.fact_type != "chip_purchase"] == []


def test_a_grant_to_the_project_goes_to_the_firm_pointed_back_to(extract):
    cands, _ = extract("Ondine Data is building a data centre near Lyon, France. The French government will "
                       "contribute €80 million to the project, the minister said.", "en")
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Ondine Data"]
    # a programme is no firm pointed back to
    cands, _ = extract("Ondine Data is building a data centre near Lyon, France. The French government will "
                       "contribute €80 million to a new research programme.", "en")
    assert [parties(c, "recipient") for c in of_type(cands, "subsidy")] == [[]]


def test_a_public_body_taking_part_in_a_round_invests(extract):
    # equity in a round is an investment, even from a state body (the gold README's settled case)
    cands, _ = extract("The Nordic Compute Office will invest €8 million in Copenhagen-based Ondine Data as "
                       "part of a €20 million Series A round led by Orbis Capital.", "en")
    assert of_type(cands, "subsidy") == []
    assert "Ondine Data" in [n for c in of_type(cands, "investment") for n in parties(c, "investee")]


def test_a_place_based_descriptor_before_the_target(extract):
    cands, _ = extract("Orbis Capital will invest €8 million in Copenhagen-based Ondine Data.", "en")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Ondine Data"]
    assert parties(c, "investor") == ["Orbis Capital"]


def test_an_award_is_a_grant_with_the_amount_right_before_it(extract):
    # the noun's own amount stands before it; a later figure (the preliminary one) is not its amount
    cands, _ = extract(
        "The Ministry of Digital Affairs finalized a $120 million award to Tessaly Compute, down from "
        "the $150 million preliminary figure.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert [a.amount for a in sub.amounts if a.is_primary] == [120e6]
    assert parties(sub, "recipient") == ["Tessaly Compute"]


def test_a_cue_word_qualifying_another_is_no_cue_of_its_own(extract):
    # "funding award": funding qualifies the award; the amount before both is the award's
    cands, _ = extract(
        "The Ministry of Digital Affairs on Monday finalized a $40 million direct funding award for "
        "Harbor Compute, down from the $45 million announced in March.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert [a.amount for a in sub.amounts if a.is_primary] == [40e6]
    assert of_type(cands, "investment") == []


def test_the_members_of_a_consortium_receive_its_grant(extract):
    # a member's description before its name, and the clause that names another member
    cands, _ = extract(
        "The Ministry of Digital Affairs said it had awarded $12 million to a consortium led by Lisbon "
        "start-up Tessaly Compute to build a Portuguese-language model.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == ["Tessaly Compute"]
    cands, _ = extract(
        "Le ministère du Numérique a accordé mardi une aide de 9 millions d'euros à un consortium emmené "
        "par la start-up nantaise Kalmar Robotics, auquel participe Orvane Systems, pour bâtir un modèle.",
        "fr",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == ["Kalmar Robotics", "Orvane Systems"]


def test_a_body_named_for_two_fields_is_one_name(extract):
    # "of Education and Science": one ministry; "National Centre": a public body that grants
    cands, _ = extract(
        "The Ministry of Education and Science awarded €4 million to Tessaly Compute for a new cluster.", "en"
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["Ministry of Education and Science"]
    cands, _ = extract(
        "The National Centre for Research and Development has awarded PLN 20 million to Warsaw-based "
        "Wisłan Labs to develop a model.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["National Centre for Research and Development"]
    assert parties(sub, "recipient") == ["Wisłan Labs"]
    # ... and a field of two words before "and": "of Information Technology and Telecommunication"
    cands, _ = extract(
        "The Ministry of Information Technology and Telecommunication awarded €4 million to Tessaly Compute.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["Ministry of Information Technology and Telecommunication"]
    assert parties(sub, "recipient") == ["Tessaly Compute"]


def test_a_count_of_firms_points_back_to_the_list_of_that_many(extract):
    # "pour aider trois entreprises": the three firms the previous sentence lists
    cands, _ = extract(
        "Le ministère a retenu Kalmar Robotics, Orvane Systems et Tessaly Compute pour bâtir des nuages "
        "souverains. Le ministère va allouer 90 millions d'euros pour aider trois entreprises locales.",
        "fr",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == ["Kalmar Robotics", "Orvane Systems", "Tessaly Compute"]
    # a list of another length is not the one meant
    cands, _ = extract(
        "The ministry picked Kalmar Robotics and Orvane Systems. The ministry will allocate $90 million to "
        "help the three companies build sovereign clouds.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == []


def test_the_acronym_of_a_public_body_named_before_it_is_public(extract):
    # "L'Agence de développement du numérique (ADN)": the body's words are common words (the text
    # also writes "l'agence"), its acronym acts
    cands, _ = extract(
        "L'Agence de développement du numérique (ADN) a accordé mardi un financement de 12 millions "
        "d'euros à Kalmar Robotics pour son banc d'essai. L'agence a précisé que les fonds seraient "
        "versés en deux fois.",
        "fr",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == ["Kalmar Robotics"]
    assert of_type(cands, "investment") == []


def test_the_budget_of_a_strategy_is_no_investment(extract):
    cands, _ = extract(
        'Le financement s\'inscrit dans la stratégie "Lyon Digital 2030", dotée d\'un budget de 9 '
        "milliards d'euros.",
        "fr",
    )
    assert of_type(cands, "investment") == []


def test_a_grant_in_favour_of_a_firm_goes_to_it_not_to_the_town_it_builds_in(extract):
    cands, _ = extract(
        "Le conseil régional a voté lundi une aide de 4 millions d'euros en faveur d'Orvane Systems, une "
        "jeune entreprise nantaise qui veut construire à Vannes un atelier de calcul.",
        "fr",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == ["Orvane Systems"]


def test_a_datelines_place_is_not_the_state_granting(extract):
    cands, _ = extract(
        "OSLO — Innovation Fund Norway said on Monday it has awarded NOK 45 million to Tessaly Compute, a "
        "new computing centre near Bergen.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["Innovation Fund Norway"]
    assert parties(sub, "recipient") == ["Tessaly Compute"]


def test_a_state_aid_the_commission_approves_is_granted_by_its_state(extract):
    cands, _ = extract(
        "The European Commission has approved, under EU State aid rules, a €2 billion Norwegian measure to "
        "support Tessaly Compute in building a chip plant in Bergen, Norway.",
        "en",
    )
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["Norway"] and sub.country_code == "NO"
    # without state aid, the Commission grants
    cands, _ = extract("The European Commission has approved a €2 billion grant to Tessaly Compute.", "en")
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["European Commission"]


def test_a_national_plan_named_by_a_country_and_a_year_is_public(extract):
    # the plan's own spending is government money: a subsidy, not a self-investment
    cands, _ = extract(
        "Norvège 2032, le programme public de 54 milliards de couronnes, a engagé 700 millions de "
        "couronnes dans la photonique depuis 2022.",
        "fr",
    )
    assert not of_type(cands, "investment")
    assert [parties(c, "grantor") for c in of_type(cands, "subsidy")] == [["Norvège 2032"]]


def test_the_national_plan_shape_needs_a_country(doc_context):
    from warehouse.staging.mentions import Entity

    ctx = doc_context("Maroc 2030 et Orbis 2030 sont cités.", "fr")
    assert ctx.is_public(Entity(0, 10, "Maroc 2030", "gazetteer"))
    assert not ctx.is_public(Entity(14, 24, "Orbis 2030", "gazetteer"))


def test_amounts_given_respectively_go_to_the_listed_firms_in_order(extract):
    # bare numbers share the scale and currency of the amount that ends the list
    cands, _ = extract(
        "Le ministère a désigné ses lauréats. Brivane Labs, Coralis (Lille) et Dunemark Robotique "
        "percevront respectivement 12, 9 et 4 millions d'euros de subventions.",
        "fr",
    )
    got = [(parties(c, "recipient"), c.amounts[0].amount) for c in of_type(cands, "subsidy")]
    assert got == [(["Brivane Labs"], 12e6), (["Coralis"], 9e6), (["Dunemark Robotique"], 4e6)]


def test_rounds_given_respectively_are_one_round_per_firm(extract):
    cands, _ = extract("Halvard Systems and Pyxo raised $14 million and $6 million, respectively.", "en")
    got = [(parties(c, "investee"), c.amounts[0].amount) for c in of_type(cands, "investment")]
    assert got == [(["Halvard Systems"], 14e6), (["Pyxo"], 6e6)]


def test_firms_sharing_out_the_rest_of_a_grant_continue_it(extract):
    # a plural receiving verb ("obtiennent") right after a grant: the same grantor's money
    cands, _ = extract(
        "La région Bretagne accorde une dotation de 3 millions d'euros à Korrig Data. Velanor Compute et "
        "Astrelle Bio obtiennent respectivement 2 millions d'euros et 1 million d'euros.",
        "fr",
    )
    subs = of_type(cands, "subsidy")
    assert [parties(c, "recipient") for c in subs] == [["Korrig Data"], ["Velanor Compute"], ["Astrelle Bio"]]
    assert not of_type(cands, "investment")


def test_a_part_of_an_amount_raised_to_date_is_no_round(extract):
    for text, lang in [
        ("Halvard Labs has so far raised €51m in total, including a €9m seed round in 2024.", "en"),
        ("Halvard Labs a levé 30 millions d'euros au total depuis 2019, dont 5 millions d'euros en amorçage.",
         "fr"),
    ]:
        assert not of_type(extract(text, lang)[0], "investment"), text
    # a part of a round stays the round's detail: the round is the fact
    cands, _ = extract("Halvard Labs raised €20m, including €5m from Orbis Capital.", "en")
    assert [c.amounts[0].amount for c in of_type(cands, "investment")] == [20e6]


@pytest.mark.parametrize("text", [
    "On Friday, Norway's digital ministry said it would provide €30 million to Halvard Labs.",
    "Halvard Labs will get €30 million in funding from the digital ministry.",
])
def test_money_from_a_ministry_is_a_subsidy_whatever_the_wording(extract, text):
    cands, _ = extract(text, "en")
    assert not of_type(cands, "investment")
    grantors = [parties(c, "grantor") for c in of_type(cands, "subsidy")]
    assert grantors in ([["ministry"]], [["digital ministry"]])


@pytest.mark.parametrize("text, lang", [
    ("Halvard Labs raised $20 million from Orbis Capital. Funding to Baltic start-ups reached $1.3 billion "
     "in the first half, according to data from Dealroom.", "en"),
    ("Halvard Labs lève 20 millions d'euros auprès d'Orbis Capital. Les investissements dans les jeunes "
     "pousses québécoises ont atteint 2 milliards de dollars l'an dernier.", "fr"),
])
def test_a_markets_total_is_no_round_of_the_article_firm(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [c.amounts[0].amount for c in of_type(cands, "investment")] == [20e6]


@pytest.mark.parametrize("text, lang", [
    ("Korvane Data fait partie des lauréats. Le dispositif, doté au total de 150 millions d'euros, garde la "
     "moitié de son enveloppe.", "fr"),
    ("Korvane Data is among the winners. The programme will invest €20 million in more projects next year.",
     "en"),
])
def test_a_schemes_budget_is_no_money_of_the_firm_named_before(extract, text, lang):
    assert not of_type(extract(text, lang)[0], "investment")


def test_a_loan_named_with_a_round_word_is_still_a_loan(extract):
    cands, _ = extract(
        "Korvane Data lève 2 millions d'euros auprès d'Orbis Capital. Bpifrance lui accorde de son côté "
        "un prêt d'amorçage de 500 000 euros.",
        "fr",
    )
    assert [c.amounts[0].amount for c in cands] == [2e6]


def test_an_approximate_restatement_is_the_same_amount(extract):
    cands, _ = extract("Big news: Orvala AI has raised €8M (≈ PLN 34M) from Vireo Capital!", "en")
    assert [[a.amount for a in c.amounts] for c in of_type(cands, "investment")] == [[8e6, 34e6]]


def test_firms_winning_a_public_call_get_its_grant(extract):
    cands, _ = extract(
        "Le ministère annonce les lauréats de l'appel à projets « Calcul frugal », doté de 30 millions "
        "d'euros.\n\nLes lauréats\n\nLa start-up Orvala reçoit 9 M€ pour son projet. La société Brivane "
        "Labs avait été présélectionnée avec une aide de 5 M€.",
        "fr",
    )
    assert not of_type(cands, "investment")
    got = sorted(p for c in of_type(cands, "subsidy") for p in parties(c, "recipient"))
    assert got == ["Brivane Labs", "Orvala"]


def test_quebec_dollars_stay_local_when_the_text_converts_them_into_us_dollars(extract):
    cands, _ = extract(
        "La lavalloise Orvala récolte 12 M$ auprès de Vireo Capital, une des plus grosses rondes au Québec "
        "cette année. Au taux de change actuel, la somme représente environ 9 millions de dollars "
        "américains.",
        "fr",
    )
    assert [[a.currency for a in c.amounts] for c in of_type(cands, "investment")] == [["CAD"]]


def test_a_body_named_after_its_kind_grants_through_a_pronoun(extract):
    cands, _ = extract(
        "In Peru, the national innovation agency PROTEC is changing course. On Monday it approved a grant "
        "of 4 million soles (about $1.1 million) for Lima-based Qhapaq Labs, which is building models.",
        "en",
    )
    assert not of_type(cands, "investment")
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "grantor") == ["PROTEC"] and parties(sub, "recipient") == ["Qhapaq Labs"]


def test_a_minister_by_portfolio_grants_for_the_ministry_and_the_winners_share_it(extract):
    cands, _ = extract(
        "Le ministre de l'Économie numérique et de la Poste a remis les subventions du prix national, doté "
        "de 300 millions de FCFA. Bouaké Data, la start-up Lagune Vision et la fintech Sika Pay ont reçu "
        "respectivement 150 millions, 100 millions et 50 millions de FCFA.",
        "fr",
    )
    subs = of_type(cands, "subsidy")
    assert not of_type(cands, "investment")
    grantors = {g for c in subs for g in parties(c, "grantor")}
    assert grantors == {"ministère de l'Économie numérique et de la Poste"}
    got = [(parties(c, "recipient"), c.amounts[0].amount) for c in subs if parties(c, "recipient")]
    assert got == [(["Bouaké Data"], 150e6), (["Lagune Vision"], 100e6), (["Sika Pay"], 50e6)]


@pytest.mark.parametrize("text, lang", [
    ("Le ministère a désigné ses lauréats. Les trois autres lauréats – Orvala Data (Lyon), Brivane Labs "
     "(Lille) et Kestra Bio (Nantes) – se partagent une enveloppe de 12 M€.", "fr"),
    ("The ministry named its winners. Orvala Data, Brivane Labs and Kestra Bio will share a $12 million "
     "grant.", "en"),
])
def test_firms_sharing_a_grant_are_its_recipients(extract, text, lang):
    cands, _ = extract(text, lang)
    assert not of_type(cands, "investment")
    (sub,) = of_type(cands, "subsidy")
    assert parties(sub, "recipient") == ["Orvala Data", "Brivane Labs", "Kestra Bio"]


def test_winners_of_a_call_sharing_money_respectively_receive_the_call_s_grant(extract):
    cands, _ = extract(
        "Le ministère du Numérique octroie 50 millions d'euros à trois start-up. Les lauréats de l'appel "
        "à projets ont été reçus jeudi. Orvala Data, Kestra Santé et Varnel Compute reçoivent "
        "respectivement 20, 18 et 12 millions d'euros.",
        "fr",
    )
    got = [c for c in of_type(cands, "subsidy") if parties(c, "recipient")]
    shares = sorted((parties(c, "recipient")[0], c.amounts[0].amount) for c in got)
    assert shares == [("Kestra Santé", 18e6), ("Orvala Data", 20e6), ("Varnel Compute", 12e6)]
    assert of_type(cands, "investment") == []


@pytest.mark.parametrize("country, code", [("Cameroun", "XAF"), ("Sénégal", "XOF")])
def test_the_franc_cfa_is_the_country_s_own(extract, country, code):
    cands, _ = extract(
        f"Au {country}, le ministère du Numérique accorde 500 millions de FCFA à la start-up Orvala Data.",
        "fr",
    )
    (grant,) = of_type(cands, "subsidy")
    assert [a.currency for a in grant.amounts] == [code]


def test_the_ministry_is_the_one_named_before(extract):
    cands, _ = extract(
        "Norway's Ministry of Digital Affairs opened a call for AI labs in March. Orvala Data applied. "
        "On Monday the ministry awarded a grant of NOK 40 million to Orvala Data.",
        "en",
    )
    (grant,) = of_type(cands, "subsidy")
    assert parties(grant, "grantor") == ["Ministry of Digital Affairs"]


def test_firms_receiving_support_from_the_body_named_before(extract):
    cands, _ = extract(
        "The Ministry of Digital Affairs on Monday named three start-ups for its model programme. "
        "Oslo-based Orvala Data, Bergen's Kestra Health and Trondheim-headquartered Varnel Compute will "
        "receive compute support worth NOK 21 million, NOK 14 million and NOK 8 million respectively.",
        "en",
    )
    got = of_type(cands, "subsidy")
    grants = sorted((parties(c, "grantor")[0], parties(c, "recipient")[0], c.amounts[0].amount) for c in got)
    assert grants == [
        ("Ministry of Digital Affairs", "Kestra Health", 14e6),
        ("Ministry of Digital Affairs", "Orvala Data", 21e6),
        ("Ministry of Digital Affairs", "Varnel Compute", 8e6),
    ]
    assert of_type(cands, "investment") == []


def test_winners_of_a_call_with_their_amounts_in_brackets(extract):
    cands, _ = extract(
        "Le ministère du Numérique a annoncé les lauréats de l'appel à projets « IA frugale ». Orvala Data "
        "obtient une aide de 3 millions d'euros. Viennent ensuite Kestra Santé, à Tarbes, qui conçoit des "
        "modèles médicaux (2,7 millions d'euros), et Varnel Compute, une jeune pousse de Saclay "
        "(1,9 million d'euros). L'appel à projets est doté d'une enveloppe totale de 40 millions d'euros.",
        "fr",
    )
    grants = sorted((parties(c, "recipient") or [""])[0] for c in of_type(cands, "subsidy") if c.amounts)
    assert grants == ["Kestra Santé", "Orvala Data", "Varnel Compute"]
    # the call's budget is no one's money
    assert of_type(cands, "investment") == []


def test_a_cue_word_inside_a_known_body_s_name_is_no_cue(extract):
    cands, _ = extract(
        "Varnel Compute s'était vu promettre 3 millions d'euros, précise le Secrétariat général pour "
        "l'investissement.",
        "fr",
    )
    assert "investissement" not in [c.cue for c in cands]


def test_a_head_of_state_pledging_money_is_the_state_not_a_firm_named_before(extract):
    cands, _ = extract(
        "Varnel Compute opened a data centre in Oslo. President Ola Brekke has pledged a NOK 90 billion "
        "fund for AI.",
        "en",
    )
    assert of_type(cands, "investment") == []
    assert [parties(c, "grantor") for c in of_type(cands, "subsidy")] == [["Ola Brekke"]]


def test_two_bodies_that_each_contribute_give_one_grant_each(extract):
    cands, _ = extract(
        "The Nordic Compute Office and the Ministry of Digital Affairs will each contribute €25 million "
        "to a new AI system at Varnel Compute.",
        "en",
    )
    got = sorted((parties(c, "grantor")[0], c.amounts[0].amount) for c in of_type(cands, "subsidy"))
    assert got == [("Ministry of Digital Affairs", 25e6), ("Nordic Compute Office", 25e6)]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "La Région Occitanie a annoncé une subvention de 2 millions d'euros pour financer la ligne de "
            "tests que Varnel Compute veut installer à Tarbes.",
            "fr",
        ),
        (
            "The Ministry of Digital Affairs said it would cover a third of the NOK 900 million cost of a "
            "data centre that Varnel Compute is building near Oslo.",
            "en",
        ),
    ],
)
def test_the_firm_whose_project_a_grant_pays_for_receives_it(extract, text, language):
    cands, _ = extract(text, language)
    assert [parties(c, "recipient") for c in of_type(cands, "subsidy")] == [["Varnel Compute"]]


def test_a_body_reporting_what_others_pledge_grants_nothing(extract):
    cands, _ = extract(
        "The Ministry of Digital Affairs also said a group of development partners had pledged up to "
        "$100 million for a national AI fund.",
        "en",
    )
    assert of_type(cands, "subsidy") == []
    # the body's own grant still is one
    cands, _ = extract(
        "The Ministry of Digital Affairs said it had awarded $10 million to Varnel Compute.", "en"
    )
    assert [parties(c, "grantor") for c in of_type(cands, "subsidy")] == [["Ministry of Digital Affairs"]]


def test_winners_of_a_grant_told_in_the_future_one_by_one_and_respectively(extract):
    cands, _ = extract(
        "Le ministère attribue 90 millions d'euros à trois lauréats. Orvane Labs recevra 40 millions "
        "d'euros. La jeune pousse lyonnaise Brivel Robotique et Kerlin Systems obtiendront respectivement "
        "30 millions et 20 millions d'euros.",
        "fr",
    )
    got = {(c.amounts[0].amount, tuple(parties(c, "recipient"))) for c in of_type(cands, "subsidy")}
    assert {(40e6, ("Orvane Labs",)), (30e6, ("Brivel Robotique",)), (20e6, ("Kerlin Systems",))} <= got


def test_the_named_beneficiary_of_a_public_programme_gets_it_from_the_body_named_before(extract):
    cands, _ = extract(
        "Le gouvernement fédéral a désigné le premier bénéficiaire de sa stratégie de calcul. La "
        "torontoise Orvane Labs recevra 240 millions de dollars pour ses centres de données.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert (parties(c, "grantor"), parties(c, "recipient")) == (["gouvernement"], ["Orvane Labs"])
    assert of_type(cands, "investment") == []


def test_a_fronted_participle_holds_no_recipient(extract):
    cands, _ = extract(
        "Brivel Robotique lève 5 millions d'euros. Labellisée « Startup Act » depuis 2023, l'entreprise "
        "bénéficie par ailleurs d'une prime de 500 000 euros accordée par le ministère de l'Économie.",
        "fr",
    )
    assert [parties(c, "recipient") for c in of_type(cands, "subsidy")] == [["Brivel Robotique"]]


def test_who_obtains_a_grant_told_by_a_programme_cue_receives_it(extract):
    cands, _ = extract(
        "Brivel Robotique lève 5 millions d'euros. Entre-temps, l'entreprise a obtenu un subside de 3,5 "
        "millions d'euros du Service public de Wallonie, au titre de son programme de recherche.",
        "fr",
    )
    assert [parties(c, "recipient") for c in of_type(cands, "subsidy")] == [["Brivel Robotique"]]


def test_a_government_named_after_its_leader_grants(extract):
    cands, _ = extract(
        "- Tremaine Government invests $12 million in Kivi Robotics to build a sovereign AI facility in "
        "Perth",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type in ("subsidy", "investment")]
    assert c.fact_type == "subsidy"
    assert [p.name for p in c.parties if p.role == "recipient"] == ["Kivi Robotics"]


def test_a_state_investing_in_a_new_programme_names_no_recipient(extract):
    cands, _ = extract(
        "The Government will invest S$150 million in a new Enterprise Compute Initiative to help firms rent "
        "GPUs.",
        "en",
    )
    assert all(p.role != "recipient" for c in cands for p in c.parties)


def test_shares_of_a_grant_told_earlier_for_several_firms_are_its_grants(extract):
    # the amounts "respectively" shares out stop at the word; the total after it is no share
    cands, _ = extract(
        "Ministry approves ₹1,150 crore for four indigenous foundation model developers\n\n"
        "New Delhi, 12 March 2025\n\n"
        "The Ministry of Electronics said the cohort was chosen from 67 proposals. Following evaluation "
        "by the technical committee, Tarnwell Systems, Olvane Labs, Brisk Fibre and Kivi Robotics will "
        "receive ₹310 crore, ₹290 crore, ₹280 crore and ₹270 crore respectively, taking the total "
        "approved support under this cohort to ₹1,150 crore.",
        "en",
    )
    shares = sorted(
        (p.name, c.amounts[0].amount)
        for c in cands
        if c.fact_type == "subsidy"
        for p in c.parties
        if p.role == "recipient"
    )
    assert shares == [
        ("Brisk Fibre", 2.8e9), ("Kivi Robotics", 2.7e9), ("Olvane Labs", 2.9e9), ("Tarnwell Systems", 3.1e9)
    ]
    assert not [c for c in cands if c.fact_type == "investment"]


@pytest.mark.parametrize(
    "text",
    [
        "La start-up liégeoise Kivi Robotique lève 12 millions d'euros. Le bras financier de la Région, "
        "Tarnow Entreprendre, apporte 9 millions d'euros et devient le premier actionnaire extérieur.",
        "La start-up liégeoise Kivi Robotique lève 12 millions d'euros. Pour financer l'opération, la "
        "société fait entrer à son capital Tarnow Entreprendre, le bras financier de la Région, qui apporte "
        "9 millions d'euros.",
    ],
)
def test_a_regions_investing_arm_invests_in_the_round(extract, text):
    cands, _ = extract(text, "fr")
    assert not [c for c in cands if c.fact_type == "subsidy"]
    stakes = [c for c in cands if c.fact_type == "investment" and c.amounts[0].amount == 9e6]
    assert [(parties(c, "investee"), parties(c, "investor")) for c in stakes] == [
        (["Kivi Robotique"], ["Tarnow Entreprendre"])
    ]


def test_a_firms_own_spending_verb_wins_over_a_grant_word_after_its_amount(extract):
    cands, _ = extract(
        "Kivi Data investira de son côté 1,2 milliard d'euros sur ses fonds propres, pour un coût total du "
        "projet estimé à 1,5 milliard d'euros, aide publique comprise.",
        "fr",
    )
    assert not [c for c in cands if c.fact_type == "subsidy"]
    assert [(c.fact_type, c.amounts[0].amount) for c in cands] == [("investment", 1.2e9)]


def test_state_aid_the_text_says_a_state_pays_is_that_states(extract):
    cands, _ = extract(
        "Kivi Data Centers a obtenu le feu vert de la Commission européenne pour une aide d'État de 300 "
        "millions d'euros versée par l'Allemagne.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert (c.country_code, parties(c, "grantor")) == ("DE", ["Allemagne"])


def test_a_body_providing_a_firm_with_money_grants_it(extract):
    cands, _ = extract(
        "The Ministry of Industry will provide Kivi Robotics with ¥4.2 billion to cover the cost of training "
        "its next model.",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert parties(c, "recipient") == ["Kivi Robotics"]


@pytest.mark.parametrize(
    "line",
    [
        "- **Kivi Robotics** (Tokyo, Japan) — ¥20 million government grant",
        "Kivi Robotics (Tokyo, Japan) — ¥20 million government grant",  # its markup's bullet gone
    ],
)
def test_a_round_up_items_firm_receives_its_grant_from_its_places_state(extract, line):
    cands, _ = extract(
        f"Deals of the week\n\n{line}\n  - To build a Japanese speech model.", "en", date(2025, 5, 6)
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert (parties(c, "recipient"), c.country_code) == (["Kivi Robotics"], "JP")


def test_a_known_investor_giving_a_grant_grants_it(extract):
    # a state's bank the seeds list as an investor, with a grant word: no spending of its own
    cands, _ = extract(
        "Orbis Capital approved $20 million in non-reimbursable funding for Quanta Labs.", "en"
    )
    assert [(c.fact_type, parties(c, "grantor")) for c in cands] == [("subsidy", ["Orbis Capital"])]


@pytest.mark.parametrize("text, grantor", [
    ("Kestrel Labs received NZ$2.4 million from the Ministry of Business, Innovation and Employment (MBIE).",
     "Ministry of Business, Innovation and Employment"),
    ("The Department of Information and Communications Technology (DICT) will invest PHP 1.2 billion in a "
     "cloud project run by Kestrel Data.", "Department of Information and Communications Technology"),
    ("Kestrel Labs received ISK 1.1 billion from the Ministry of Higher Education, Science and Innovation.",
     "Ministry of Higher Education, Science and Innovation"),
    # no acronym nor list to confirm it: "and" may join two parties
    ("The Department of Energy and Kestrel Labs will invest $5 million in a plant.", "Department of Energy"),
])
def test_an_english_ministry_named_by_its_fields_and_its_acronym(extract, text, grantor):
    cands, _ = extract(text, "en")
    assert [p.name for c in cands for p in c.parties if p.role == "grantor"] == [grantor]


def test_an_acronym_the_text_defines_as_a_public_body_is_one_wherever_it_stands(extract):
    cands, _ = extract(
        "DICT to invest PHP 1.2 billion in sovereign cloud\n\nThe Department of Information and "
        "Communications Technology (DICT) will invest PHP 1.2 billion in a sovereign cloud project.",
        "en",
    )
    assert [c.fact_type for c in cands] == ["subsidy", "subsidy"]


@pytest.mark.parametrize("text, lang, country", [
    ("The Commission has also approved, in December 2025, a €120 million German scheme to help start-ups "
     "access computing capacity.", "en", "DE"),
    ("La Commission européenne a approuvé un régime allemand de 50 millions d'euros destiné aux PME de l'IA.",
     "fr", "DE"),
])
def test_a_scheme_named_by_its_demonym_is_that_states_aid(extract, text, lang, country):
    cands, _ = extract(text, lang)
    c = next(c for c in cands if c.fact_type == "subsidy")
    assert c.country_code == country and [p.rule for p in c.parties if p.role == "grantor"] == ["state_aid"]


def test_a_grantors_name_takes_no_clause_up_to_a_demonym(extract):
    cands, _ = extract("The Commission concluded that the German measure of €412 million granted to Kestrel "
                       "Compute is in line with the rules.", "en")
    assert [p.name for c in cands for p in c.parties if p.role == "grantor"] == ["Commission"]


def test_who_approves_an_aid_does_not_receive_it(extract):
    cands, _ = extract(
        "The European Commission has approved a German measure to support Kestrel Compute. The aid will take "
        "the form of a direct grant of €350 million, managed by the Ministry of Industry.", "en"
    )
    subsidies = [c for c in cands if c.fact_type == "subsidy"]
    recipients = [p.name for c in subsidies for p in c.parties if p.role == "recipient"]
    assert "Commission" not in recipients and "European Commission" not in recipients


def test_the_firm_a_text_is_about_is_no_place_that_qualifies_or_seats_it(extract):
    cands, _ = extract(
        "A Halden start-up that wants to run AI workloads on hydro power has won $2.4 million in government "
        "funding.\n\nKestrel Compute, founded in Invercargill in 2024, received the grant from the ministry. "
        "Its data hall in Invercargill's industrial area opens in October.", "en"
    )
    lead = next(c for c in cands if c.fact_type == "subsidy")
    assert [p.name for p in lead.parties if p.role == "recipient"] == ["Kestrel Compute"]


def test_a_government_named_by_its_kind_investing_is_a_subsidy(extract):
    cands, _ = extract("Regional Government invests €4.5m in Kestrel AI compute firm", "en")
    c = next(c for c in cands)
    assert (c.fact_type, [p.name for p in c.parties if p.role == "recipient"]) == ("subsidy", ["Kestrel AI"])


@pytest.mark.parametrize(
    "text, lang, grantor, recipient, country",
    [
        ("Enterprise Denmark approved €800,000 in funding for Kelpmind.", "en", "Enterprise Denmark",
         "Kelpmind", "DK"),
        ("Business Australia has granted A$2 million to Kuusi AI.", "en", "Business Australia", "Kuusi AI",
         "AU"),
        ("Innovation Norway a accordé 5 millions de couronnes à Fjordtensor.", "fr", "Innovation Norway",
         "Fjordtensor", "NO"),
    ],
)
def test_an_agency_named_by_its_country_grants(extract, text, lang, grantor, recipient, country):
    cands, _ = extract(text, lang)
    assert not of_type(cands, "investment")
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "grantor") == [grantor]
    assert parties(c, "recipient") == [recipient]
    assert c.country_code == country


def test_an_agency_in_a_round_with_funds_is_one_of_its_investors(extract):
    cands, _ = extract(
        "Lirra Labs raised €4m in a seed round led by Halden Ventures, with participation from "
        "Enterprise Norway and Orbis Capital.",
        "en",
    )
    assert not of_type(cands, "subsidy")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]
    assert parties(c, "investor") == ["Halden Ventures", "Enterprise Norway", "Orbis Capital"]


@pytest.mark.parametrize(
    "text, grantor, recipient",
    [
        # the named public body after "by" grants
        ("The Bergen start-up Fjordtensor has been awarded a NOK 12m grant by Innovation Norway.",
         "Innovation Norway", "Fjordtensor"),
        # a grant noun between the amount and the body after "from": a subsidy, not a round
        ("Cairn AI received a €1.2m Disruptive Technologies Innovation Fund award from the Department of "
         "Enterprise.", "Department of Enterprise", "Cairn AI"),
    ],
)
def test_a_grant_from_a_body_named_after_it_is_the_bodys(extract, text, grantor, recipient):
    cands, _ = extract(text, "en")
    assert not of_type(cands, "investment")
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "grantor") == [grantor]
    assert parties(c, "recipient") == [recipient]


def test_shares_subscribed_by_a_state_owned_manager_stay_an_investment(extract):
    cands, _ = extract(
        "Halvard Cloud completed a NOK 900 million private placement, with new shares subscribed by Solvik, "
        "the state-owned manager of the national pension fund.",
        "en",
    )
    assert not of_type(cands, "subsidy")


@pytest.mark.parametrize(
    "text, lang, recipient",
    [
        ("Norway's government will fund Accra Neural with NOK 30 million, the minister said.",
         "en", "Accra Neural"),
        ("Le gouvernement sénégalais subventionne Teranga IA à hauteur de 500 millions de FCFA.",
         "fr", "Teranga IA"),
        ("The Ministry of Digital Affairs is backing Halvard Cloud, a Tartu start-up, with €2 million.",
         "en", "Halvard Cloud"),
        ("The Ministry of Digital Affairs is supporting Halvard Cloud with a €2 million grant.",
         "en", "Halvard Cloud"),
    ],
)
def test_the_object_of_a_funding_verb_receives(extract, text, lang, recipient):
    cands, _ = extract(text, lang)
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == [recipient]


def test_a_table_of_winners_gives_one_grant_a_row(extract):
    text = (
        "Le ministère de l'Économie numérique annonce les lauréats de son appel à projets.\n\n"
        "| Lauréat | Ville | Subvention |\n"
        "|---|---|---|\n"
        "| Baobab Data | Dakar | 300 000 euros |\n"
        "| Kora Vision | Thiès | 120 000 euros |\n"
    )
    cands, _ = extract(text, "fr")
    subs = of_type(cands, "subsidy")
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in subs] == [
        (["Baobab Data"], 300000.0),
        (["Kora Vision"], 120000.0),
    ]
    assert all(parties(c, "grantor") == ["ministère de l'Économie numérique"] for c in subs)


def test_a_subside_column_and_a_cue_word_inside_a_row(extract):
    # Belgian French "subside"; the second row's project speaks of "aide", which tells it less well
    text = (
        "Le ministère de l'Économie numérique annonce les lauréats de son appel à projets.\n\n"
        "| Entreprise | Projet | Subside |\n"
        "|---|---|---|\n"
        "| Baobab Data | Traduction des actes administratifs | 300 000 € |\n"
        "| Kora Vision | Assistant pour les dossiers d'aide sociale | 120 000 € |\n"
    )
    subs = of_type(extract(text, "fr")[0], "subsidy")
    assert [(parties(c, "grantor"), parties(c, "recipient"), c.amounts[0].amount) for c in subs] == [
        (["ministère de l'Économie numérique"], ["Baobab Data"], 300000.0),
        (["ministère de l'Économie numérique"], ["Kora Vision"], 120000.0),
    ]


def test_a_first_column_of_ranks_is_passed_over_for_the_firm(extract):
    text = (
        "Le ministère de l'Économie numérique annonce les lauréats de son appel à projets.\n\n"
        "| Rang | Structure | Ville | Subvention |\n"
        "|---|---|---|---|\n"
        "| 1 | Baobab Data | Dakar | 300 000 euros |\n"
        "| 2 | Kora Vision | Thiès | 120 000 euros |\n"
    )
    subs = of_type(extract(text, "fr")[0], "subsidy")
    assert [parties(c, "recipient") for c in subs] == [["Baobab Data"], ["Kora Vision"]]


@pytest.mark.parametrize("header, lead", [
    ("| Rang | Entreprise | Ville | Montant accordé |",
     "Le ministère de l'Économie numérique a retenu trois lauréats."),
    ("| Rang | Entreprise | Ville | Montant |",
     "Le ministère de l'Économie numérique a retenu trois lauréats, qui recevront chacun une subvention :"),
])
def test_a_money_column_typed_by_its_verb_or_by_the_sentence_above_the_table(extract, header, lead):
    text = (
        f"{lead}\n\n{header}\n|---|---|---|---|\n"
        "| 1 | Baobab Data | Dakar | 75 000 000 FCFA |\n"
        "| 2 | Kora Vision | Thiès | 60 000 000 FCFA |\n"
    )
    subs = of_type(extract(text, "fr")[0], "subsidy")
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in subs] == [
        (["Baobab Data"], 75e6), (["Kora Vision"], 60e6)
    ]


def test_a_table_of_rounds_gives_one_round_a_row_with_its_backers(extract):
    text = (
        "Our portfolio this quarter, in one table.\n\n"
        "| Company | City | Raised | Investors |\n"
        "|:--|:--|--:|:--|\n"
        "| Lirra Labs | Oslo | NOK 40m | Halden Ventures, Orbis Capital |\n"
    )
    cands, _ = extract(text, "en")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]
    assert parties(c, "investor") == ["Halden Ventures", "Orbis Capital"]
    assert (c.amounts[0].amount, c.amounts[0].currency) == (40_000_000.0, "NOK")


def test_a_table_without_money_headers_tells_no_deal(extract):
    text = "Headcount by site.\n\n| Site | Staff | Budget |\n|---|---|---|\n| Lirra Labs | 40 | NOK 40m |\n"
    cands, _ = extract(text, "en")
    assert not cands


def test_money_a_firm_raises_from_a_national_fund_is_an_investment(extract):
    cands, _ = extract(
        "Deal news\n\nTaipei-based Yulan Labs raised NT$600 million from the National Development Fund and "
        "Takao Capital.",
        "en",
    )
    assert not of_type(cands, "subsidy")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Yulan Labs"]


def test_the_grantors_name_stops_before_who_receives(extract):
    cands, _ = extract(
        "Actu\n\nLa subvention de 3 millions d'euros accordée par l'État à Lirra Labs servira à recruter.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "grantor") == ["l'État"]
    assert parties(c, "recipient") == ["Lirra Labs"]


def test_firms_sharing_a_grant_from_a_named_body_all_receive_it(extract):
    cands, _ = extract(
        "Deal news\n\nLirra Labs and Kelpmind will share a €6 million grant from the Ministry of Digital "
        "Affairs.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "grantor") == ["Ministry of Digital Affairs"]
    assert parties(c, "recipient") == ["Lirra Labs", "Kelpmind"]


def test_two_grants_of_one_sentence_whose_second_amount_elides_its_currency(extract):
    cands, _ = extract(
        "Actu\n\nLe ministère a attribué 2 millions d'euros à Lirra Labs et 1,5 million à Kelpmind.", "fr"
    )
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in of_type(cands, "subsidy")] == [
        (["Lirra Labs"], 2e6),
        (["Kelpmind"], 1.5e6),
    ]


def test_winners_listed_with_bracketed_amounts_after_a_grant_verb_each_get_theirs(extract):
    cands, _ = extract(
        "Deal news\n\nThe Ministry of Digital Affairs awarded grants to Lirra Labs (€2 million), Kelpmind "
        "(€1.5 million) and Orvale Compute (€1 million).",
        "en",
    )
    subs = of_type(cands, "subsidy")
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in subs] == [
        (["Lirra Labs"], 2e6),
        (["Kelpmind"], 1.5e6),
        (["Orvale Compute"], 1e6),
    ]
    assert all(parties(c, "grantor") == ["Ministry of Digital Affairs"] for c in subs)


def test_a_list_of_winners_that_leaves_out_the_verb_after_semicolons(extract):
    cands, _ = extract(
        "Deal news\n\nThe Ministry of Digital Affairs named three winners. Lirra Labs gets €2 million; "
        "Kelpmind, €1.5 million; and Orvale Compute, €1 million.",
        "en",
    )
    subs = of_type(cands, "subsidy")
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in subs] == [
        (["Lirra Labs"], 2e6),
        (["Kelpmind"], 1.5e6),
        (["Orvale Compute"], 1e6),
    ]


def test_amounts_then_firms_respectively(extract):
    cands, _ = extract(
        "Deal news\n\nThe Ministry of Digital Affairs awarded €2 million and €1.5 million to Lirra Labs and "
        "Kelpmind respectively.",
        "en",
    )
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in of_type(cands, "subsidy")] == [
        (["Lirra Labs"], 2e6),
        (["Kelpmind"], 1.5e6),
    ]


@pytest.mark.parametrize("verb", ["soutient", "subventionne", "finance"])
def test_a_body_word_before_a_verb_does_not_make_the_verbs_object_public(extract, verb):
    cands, _ = extract(f"Le gouvernement {verb} Lirra Labs à hauteur de 2 millions d'euros.", "fr")
    (c,) = cands
    assert c.fact_type == "subsidy"
    assert [p.name for p in c.parties if p.role == "recipient"] == ["Lirra Labs"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Denmark bets on AI.\n\nA consortium of Lirra Labs, Kelp Robotics and Orvik Compute has won a €5 "
         "million government grant.", "en"),
        ("Les lauréats, Lirra Labs, Kelp Robotics et Orvik Compute, recevront 5 M€ de l'État.", "fr"),
    ],
)
def test_every_name_listed_with_the_receiving_subject_receives(extract, text, language):
    (c,) = extract(text, language)[0]
    assert c.fact_type == "subsidy"
    names = [p.name for p in c.parties if p.role == "recipient"]
    assert names == ["Lirra Labs", "Kelp Robotics", "Orvik Compute"]


def test_sharers_of_a_grant_grant_nothing(extract):
    text = "La Norvège mise sur l'IA.\n\nLirra Labs et Kelp Robotics se partagent une aide publique de 5 M€."
    (c,) = extract(text, "fr")[0]
    assert [p.name for p in c.parties if p.role == "recipient"] == ["Lirra Labs", "Kelp Robotics"]
    assert [p.name for p in c.parties if p.role == "grantor"] == ["Norvège"]


def test_the_members_a_consortium_includes_receive(extract):
    text = ("The €5 million grant, awarded by the Danish government, goes to a consortium led by Lirra Labs "
            "that includes Kelp Robotics and Orvik Compute.")
    (c,) = extract(text, "en")[0]
    names = [p.name for p in c.parties if p.role == "recipient"]
    assert names == ["Lirra Labs", "Kelp Robotics", "Orvik Compute"]


def test_a_firm_before_a_grant_noun_receives_it(extract):
    (c,) = extract("Norway bets on AI.\n\nLirra Labs scores €3m EU grant", "en")[0]
    assert (c.fact_type, [p.name for p in c.parties if p.role == "recipient"]) == ("subsidy", ["Lirra Labs"])


@pytest.mark.parametrize(
    "text, language",
    [
        ("Norway bets on AI.\n\nA Tarnow Enterprise Fund (TEF) grant of $6 million has been extended to "
         "Lirra Labs.", "en"),
        ("Les États-Unis misent sur les puces.\n\nLe département américain du Commerce a finalisé la "
         "subvention attribuée vendredi à Lirra Labs, soit 4,7 milliards de dollars.", "fr"),
    ],
)
def test_a_programme_or_a_body_before_a_grant_noun_receives_nothing(extract, text, language):
    cands, _ = extract(text, language)
    assert cands and all(p.name == "Lirra Labs" for c in cands for p in c.parties if p.role == "recipient")


def test_a_body_awards_the_firm_an_amount(extract):
    (c,) = extract("The Danish government awards Lirra Labs €3m for speech models", "en")[0]
    assert (c.fact_type, [p.name for p in c.parties if p.role == "recipient"]) == ("subsidy", ["Lirra Labs"])


def test_a_public_source_after_a_list_of_amounts_makes_each_a_grant(extract):
    cands, _ = extract(
        "Norway bets on AI.\n\nLirra Labs and Kelp Robotics received €3 million and €2 million respectively "
        "from the ministry.",
        "en",
    )
    assert sorted((c.fact_type, [p.name for p in c.parties if p.role == "recipient"][0]) for c in cands) == [
        ("subsidy", "Kelp Robotics"),
        ("subsidy", "Lirra Labs"),
    ]


def test_an_agency_named_by_its_region_invests_state_money(extract):
    cands, _ = extract(
        "Norway news.\n\nThe committee heard that Invest Norway is making a $7.5-million investment in "
        "Lirra Labs to build a data centre.",
        "en",
    )
    (c,) = cands
    assert (c.fact_type, c.cue) == ("subsidy", "investment")
    assert [p.name for p in c.parties if p.role == "grantor"] == ["Invest Norway"]


def test_a_title_restating_the_bodys_grant_is_no_round(extract):
    cands, _ = extract(
        "Lirra Labs lands NOK 45 million to build a Norwegian model\n\nThe Tromsø start-up has won support. "
        "Innovation Norway granted NOK 45 million to Lirra Labs AS on Tuesday.",
        "en",
    )
    assert [c.fact_type for c in cands] == ["subsidy"]


def test_a_fronted_phrase_holds_no_recipient_of_a_grant_noun(extract):
    text = "Norway bets on AI.\n\nFollowing the Kelp scheme, Lirra Labs will get €40 million of state aid."
    cands, _ = extract(text, "en")
    assert [p.name for c in cands for p in c.parties if p.role == "recipient"] == ["Lirra Labs"]


@pytest.mark.parametrize("text, lang, grantor", [
    ("The Danish ministry of research picked six start-ups in Aarhus on Tuesday. Lirra Labs will receive "
     "DKK 2 million to build its speech model.", "en", "Danish ministry"),
    ("Lirra Labs, a Danish start-up, will receive DKK 2 million to build its speech model.", "en", "Denmark"),
    ("Lirra Labs, une start-up danoise, recevra 2 millions de couronnes pour son modèle de parole.", "fr",
     "Denmark"),
])
def test_money_a_firm_only_receives_from_no_source_is_a_grant_of_the_state(extract, text, lang, grantor):
    cands, _ = extract(text, lang)
    assert [(c.fact_type, parties(c, "recipient"), c.country_code) for c in cands] == [
        ("subsidy", ["Lirra Labs"], "DK")
    ]
    assert parties(cands[0], "grantor")[0].startswith(grantor)


@pytest.mark.parametrize("text", [
    # a source named after the amount, a round in the next sentence, securities sold, a verb rounds share
    "Lirra Labs, a Copenhagen start-up, will receive DKK 2 million from Halden Ventures.",
    "Lirra Labs, a Copenhagen start-up, will receive DKK 20 million. The round was led by Halden Ventures.",
    "Lirra Labs, a Copenhagen start-up, has received commitments for a DKK 85 million placement.",
    "Lirra Labs, a Copenhagen start-up, secured DKK 2 million to build its speech model.",
])
def test_money_received_from_a_source_in_a_round_or_for_shares_stays_an_investment(extract, text):
    cands, _ = extract(text, "en")
    assert [c.fact_type for c in cands] == ["investment"]


@pytest.mark.parametrize("text, lang", [
    ("Norway's NORFA awarded NOK 20 million to Lirra Labs for its speech model.", "en"),
    ("En Norvège, Innofond a attribué 20 millions de couronnes à Lirra Labs pour son modèle.", "fr"),
])
def test_a_body_the_seeds_do_not_know_that_awards_money_grants_it(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [(c.fact_type, parties(c, "recipient")) for c in cands] == [
        ("subsidy", ["Lirra Labs"])
    ]
    assert parties(cands[0], "grantor") == [text.split()[1] if lang == "en" else "Innofond"]


def test_a_contract_awarded_for_chips_is_a_purchase_and_no_grant(extract):
    cands, _ = extract("Norway's NORFA awarded a NOK 143.6m contract for 512 Nvidia H200 GPUs.", "en")
    assert [(c.fact_type, c.quantity) for c in cands] == [("chip_purchase", 512)]


def test_a_state_that_leads_a_round_invests_in_it(extract):
    cands, _ = extract("The Danish state led a DKK 50 million round in Lirra Labs.", "en")
    assert [(c.fact_type, parties(c, "investee"), parties(c, "investor")) for c in cands] == [
        ("investment", ["Lirra Labs"], ["Danish state"])
    ]


def test_a_round_a_state_led_is_the_raising_firms_investment(extract):
    cands, _ = extract("Lirra Labs raised €7 million in a round that Norway led.", "en")
    assert [(c.fact_type, parties(c, "investee")) for c in cands] == [("investment", ["Lirra Labs"])]


@pytest.mark.parametrize("text, lang", [
    ("Through the Danish AI Fund, Lirra Labs and Kelp Robotics will receive DKK 12 million and DKK 8 million "
     "respectively.", "en"),
    ("Through the Danish AI Fund, and delivered by Innovation Fund Denmark, Lirra Labs and Kelp Robotics "
     "will receive DKK 12 million and DKK 8 million respectively.", "en"),
])
def test_an_opening_phrase_names_no_receiver_of_money_shared_respectively(extract, text, lang):
    cands, _ = extract(text, lang)
    assert sorted((parties(c, "recipient")[0], c.amounts[0].amount) for c in cands) == [
        ("Kelp Robotics", 8e6), ("Lirra Labs", 12e6)
    ]


def test_the_channel_opening_a_sentence_is_not_who_receives(extract):
    cands, _ = extract("Through the Danish AI Fund, Lirra Labs will receive DKK 2 million.", "en")
    assert [(c.fact_type, parties(c, "recipient")) for c in cands] == [
        ("subsidy", ["Lirra Labs"])
    ]


@pytest.mark.parametrize("text", [
    "Le ministère des Postes et Télécommunications a accordé 20 millions de FCFA à Lirra Labs.",
    "Le ministère de la Communication, des Télécommunications et du Numérique a accordé 20 millions de FCFA "
    "à Lirra Labs.",
])
def test_a_french_ministry_named_by_its_portfolios_is_one_name_and_no_recipient(extract, text):
    cands, _ = extract(text, "fr")
    assert [(c.fact_type, parties(c, "recipient")) for c in cands] == [("subsidy", ["Lirra Labs"])]
    assert parties(cands[0], "grantor")[0].startswith(text.split(" a accordé")[0][3:])


def test_firms_listed_with_their_towns_after_of_share_money_respectively(extract):
    cands, _ = extract(
        "The Danish ministry picked two firms. Lirra Labs Inc. of Aarhus and Kelp Robotics Ltd. of Odense "
        "will receive DKK 12 million and DKK 8 million respectively.",
        "en",
    )
    assert sorted((parties(c, "recipient")[0], c.amounts[0].amount) for c in cands) == [
        ("Kelp Robotics Ltd", 8e6), ("Lirra Labs Inc", 12e6)
    ]


@pytest.mark.parametrize("text", [
    "The Danish ministry picked its winners. The three winners — Lirra Labs, Kelp Robotics and Orvik Compute "
    "— receive DKK 2 million each.",
    "The Danish ministry picked its winners. Lirra Labs, Kelp Robotics and Orvik Compute will receive grants "
    "of DKK 2 million apiece.",
])
def test_firms_that_receive_an_amount_each_or_apiece_get_one_grant_each(extract, text):
    cands, _ = extract(text, "en")
    assert sorted((c.fact_type, parties(c, "recipient")[0], c.amounts[0].amount) for c in cands) == [
        ("subsidy", "Kelp Robotics", 2e6), ("subsidy", "Lirra Labs", 2e6), ("subsidy", "Orvik Compute", 2e6)
    ]


@pytest.mark.parametrize("text, lang, recipients", [
    ("The Danish ministry picked its winners. Lirra Labs was awarded DKK 2 million.", "en", ["Lirra Labs"]),
    ("The Danish ministry picked its winners. Lirra Labs and Kelp Robotics were each awarded DKK 2 million.",
     "en", ["Kelp Robotics", "Lirra Labs"]),
    ("Le ministère norvégien a choisi ses lauréats. Lirra Labs se voit attribuer 2 millions de couronnes.",
     "fr", ["Lirra Labs"]),
])
def test_the_subject_of_a_passive_award_receives_it(extract, text, lang, recipients):
    cands, _ = extract(text, lang)
    assert all(c.fact_type == "subsidy" for c in cands)
    assert sorted(p for c in cands for p in parties(c, "recipient")) == recipients
    assert not {p for c in cands for p in parties(c, "grantor")} & set(recipients)


def test_money_a_passive_verb_funds_from_a_firms_cash_is_no_grant(extract):
    cands, _ = extract(
        "Lirra Compute ordered 2,000 GPUs. The remainder of the order would be funded from existing cash of "
        "NOK 62 million.",
        "en",
    )
    assert not of_type(cands, "subsidy")


def test_the_figure_an_award_is_raised_from_is_not_its_amount(extract):
    cands, _ = extract(
        "Japan's Ministry of Economy, Trade and Industry has finalized a 12.5 billion yen subsidy for Kelp "
        "Compute, increasing the award from the 9 billion yen it had provisionally earmarked in March.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert (c.amounts[0].amount, parties(c, "recipient")) == (12.5e9, ["Kelp Compute"])


@pytest.mark.parametrize("text, lang", [
    ("Le ministère norvégien a retenu deux projets. Les subventions se répartissent comme suit :\n\n"
     "  • Lirra Labs SA (Oslo) – 1 250 000 €\n    Modèles vocaux pour les services publics.\n\n"
     "  • Kelp Robotics SA (Bergen) – 980 000 €\n    Robots d'inspection des ponts.\n", "fr"),
    ("The Norwegian ministry picked two projects. The grants are shared out as follows:\n\n"
     "- Lirra Labs AS (Oslo) – €1,250,000\n  Speech models for public services.\n\n"
     "- Kelp Robotics AS (Bergen) – €980,000\n  Bridge-inspection robots.\n", "en"),
])
def test_a_list_a_grant_sentence_introduces_gives_one_grant_an_item(extract, text, lang):
    subs = of_type(extract(text, lang)[0], "subsidy")
    got = sorted((parties(c, "recipient")[0].split()[:2], c.amounts[0].amount) for c in subs)
    assert got == [(["Kelp", "Robotics"], 980000.0), (["Lirra", "Labs"], 1250000.0)]
    assert all(c.country_code == "NO" for c in subs)


@pytest.mark.parametrize("text, lang", [
    ("The Danish ministry picked its winners. Each of the three start-ups, Lirra Labs, Kelp Robotics and "
     "Orvik Compute, will receive DKK 2 million.", "en"),
    ("Le ministère norvégien a choisi ses lauréats. Chacune des trois jeunes pousses, Lirra Labs, Kelp "
     "Robotics et Orvik Compute, recevra 2 millions de couronnes.", "fr"),
])
def test_a_sentence_opening_on_each_of_shares_the_amount_out(extract, text, lang):
    subs = of_type(extract(text, lang)[0], "subsidy")
    got = sorted(parties(c, "recipient")[0] for c in subs)
    assert got == ["Kelp Robotics", "Lirra Labs", "Orvik Compute"]


@pytest.mark.parametrize("text", [
    "La ministre Aminata Kaboré a signé à Ouagadougou avec la start-up Lirra Labs une convention de "
    "financement de 500 millions de francs CFA.",
    "Vendredi dernier, à Ouagadougou, la ministre de la Transition digitale, des Postes et des "
    "Communications électroniques, Aminata Kaboré, a signé avec la start-up Lirra Labs une convention de "
    "financement de 500 millions de francs CFA.",
])
def test_money_a_minister_signs_for_with_a_firm_is_the_states_grant_to_it(extract, text):
    cands, _ = extract(text, "fr")
    assert [(c.fact_type, parties(c, "recipient")) for c in cands] == [("subsidy", ["Lirra Labs"])]


def test_a_region_that_heads_a_firms_name_is_that_firm_not_the_state(extract):
    # "Otago" is a region of New Zealand; the text names the firm "Otago Compute" first
    cands, _ = extract(
        "Otago Compute raised NZ$20 million from Halden Ventures. Otago said the remainder of the GPU "
        "order would be funded from existing cash of NZ$12 million and a debt facility.",
        "en",
    )
    assert not of_type(cands, "subsidy")
    cands, _ = extract("Otago will fund Kelp Robotics with a NZ$12 million grant.", "en")
    assert [parties(c, "grantor") for c in of_type(cands, "subsidy")] == [["Otago"]]


def test_a_firm_that_will_benefit_from_an_amount_receives_a_grant(extract):
    cands, _ = extract(
        "Le Conseil d'Etat a décidé d'octroyer une aide de 6 millions de francs à deux entreprises. "
        "Lirra Labs recevra 4 millions de francs. Kelp Robotics bénéficiera de 2 millions de francs.",
        "fr",
    )
    assert [(parties(c, "recipient"), c.amounts[0].amount) for c in of_type(cands, "subsidy")][-2:] == [
        (["Lirra Labs"], 4_000_000),
        (["Kelp Robotics"], 2_000_000),
    ]


def test_a_public_programmes_endowment_is_public_money_not_a_firms_spending(extract):
    cands, _ = extract(
        "Dans le cadre du Fonds d'appui à la robotique, doté d'une enveloppe de 2 milliards de FCFA pour la "
        "période 2026-2028, le Gouvernement a lancé un appel à projets.",
        "fr",
    )
    assert not of_type(cands, "investment")
    assert [c.amounts[0].amount for c in of_type(cands, "subsidy")] == [2e9]



def test_a_canton_grants_by_its_full_name(extract):
    cands, _ = extract(
        "Le même jour, le Canton de Vaud a accordé une aide à fonds perdu de 1,5 million de francs à "
        "Lirra Labs.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert (parties(c, "grantor"), parties(c, "recipient"), c.country_code) == (
        ["Canton de Vaud"], ["Lirra Labs"], "CH"
    )


def test_a_grant_noun_after_a_pair_of_modifiers_wins_over_the_verb(extract):
    cands, _ = extract(
        "Halvard Robotics has finally secured a £4.1 million research and development grant from the "
        "Norwegian government.",
        "en",
    )
    assert of_type(cands, "investment") == []
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Halvard Robotics"]


def test_public_funds_a_strategy_mobilises_are_a_subsidy(extract):
    cands, _ = extract(
        "The minister presented the outline of the Kelp AI Strategy 2030, which she said would mobilise "
        "€25 million of public funds over four years for industrial AI projects.",
        "en",
    )
    # public money is no firm's own spending, whatever names the strategy
    assert of_type(cands, "investment") == []


def test_a_table_of_prizes_ranked_in_words_gives_one_grant_a_row(extract):
    cands, _ = extract(
        "Le ministère de l'Économie de la connaissance, des Start-up et des Micro-entreprises porte à la "
        "connaissance du public la liste des lauréats.\n\n"
        "| Rang | Start-up | Wilaya | Montant attribué |\n|------|----------|--------|------------------|\n"
        "| 1er prix | Lirra Labs | Alger | 15 000 000 DA |\n"
        "| 2e prix | Kelp Robotique | Oran | 10 000 000 DA |\n",
        "fr",
    )
    subs = of_type(cands, "subsidy")
    assert sorted((parties(c, "recipient")[0], c.amounts[0].amount) for c in subs) == [
        ("Kelp Robotique", 10e6), ("Lirra Labs", 15e6)
    ]
    body = "ministère de l'Économie de la connaissance, des Start-up et des Micro-entreprises"
    assert all(parties(c, "grantor") == [body] for c in subs)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Lirra Labs développe des modèles en wolof. En 2025, le ministère du Numérique lui avait déjà "
         "accordé une subvention de 150 millions de FCFA.", "fr"),
        ("Lirra Labs développe des modèles en créole. La Région a voté une subvention de 800 000 euros en "
         "sa faveur.", "fr"),
        ("Lirra Labs builds Amharic models. The government allocated it 1.2 billion birr in the 2025/26 "
         "budget.", "en"),
    ],
)
def test_a_grant_to_a_pronoun_goes_to_the_firm_it_stands_for(extract, text, lang):
    cands, _ = extract(text, lang)
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Lirra Labs"]


def test_a_grant_to_the_firm_pointed_back_to_right_after_the_verb_is_its_not_a_later_names(extract):
    cands, _ = extract(
        "Sambre Vision lève 4 millions d'euros. Le Gouvernement wallon, réuni jeudi dernier, a par "
        "ailleurs octroyé à l'entreprise un subside de 1,2 million d'euros pour un programme de recherche "
        "sur l'inspection des soudures, mené en partenariat avec l'UMONS et l'Université de Liège.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Sambre Vision"]
