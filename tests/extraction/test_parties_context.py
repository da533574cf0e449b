"""Parties across sentences and several deals in one sentence (sentences and firm names of our own)."""

import pytest


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


def investors(cands):
    (c,) = [c for c in cands if c.fact_type == "investment"]
    return set(parties(c, "investor"))


def test_followers_named_before_their_verb_in_the_next_sentences(extract):
    cands, _ = extract(
        "La start-up nantaise Brumelia a bouclé une levée de 14 millions d'euros. Le fonds Corvane "
        "Capital mène le tour. Ardoise Ventures et Pellion Partners y participent également.",
        "fr",
    )
    assert investors(cands) == {"Corvane Capital", "Ardoise Ventures", "Pellion Partners"}


def test_followers_who_join_again_or_complete_the_round_by_a_stake(extract):
    # "à nouveau" and "par une prise de participation" do not turn the verb around as "mené par" does
    cands, _ = extract(
        "La start-up nantaise Brumelia a bouclé une levée de 14 millions d'euros. Le tour est mené par "
        "Corvane Capital. Ardoise Ventures y participe à nouveau. La banque Pellion Partners complète "
        "le tour par une prise de participation minoritaire.",
        "fr",
    )
    assert investors(cands) == {"Corvane Capital", "Ardoise Ventures", "Pellion Partners"}


def test_the_articles_one_round_gets_the_backers_of_a_later_paragraph(extract):
    # the round in the first paragraph; its backers three paragraphs on, with another sum between
    cands, _ = extract(
        "Oslo-based Fjellbyte has closed a $12 million Series A. In local currency, the round comes to "
        "roughly NOK 130 million.\n\nThe company was founded in 2021 by two former researchers. It sells "
        "models to banks.\n\nIn March, the Research Council awarded it a NOK 4 million grant.\n\n"
        "Who's in\n\nTallow Ventures led the round. Marrow also joined, as did Quillstone Capital.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert [a.currency for a in c.amounts] == ["USD", "NOK"]
    assert set(parties(c, "investor")) == {"Tallow Ventures", "Marrow", "Quillstone Capital"}
    cands, _ = extract(
        "Fjellbyte lève 12 millions d'euros.\n\nLa société a été fondée en 2021. La Région lui avait "
        "accordé une subvention de 400 000 euros en 2023.\n\nLa nouvelle levée, bouclée la semaine "
        "dernière, est menée par Tallow Ventures.",
        "fr",
    )
    assert investors(of_type(cands, "investment")) == {"Tallow Ventures"}


def test_a_previous_round_does_not_take_the_backers_of_the_current_one(extract):
    cands, _ = extract(
        "Fjellbyte has raised $12 million. It previously raised a $3 million seed round in 2023.\n\n"
        "The company sells models to banks. The seed round was led by Tallow Ventures.",
        "en",
    )
    by_amount = {c.amounts[0].amount: parties(c, "investor") for c in of_type(cands, "investment")}
    assert by_amount == {12e6: [], 3e6: ["Tallow Ventures"]}


def test_english_lead_then_joiners(extract):
    cands, _ = extract(
        "Oslo-based Fjellbyte has raised $30 million in a Series B round. Tallow Ventures led the round, "
        "with Marrow Capital and the founders of Quillstone joining.",
        "en",
    )
    assert investors(cands) == {"Tallow Ventures", "Marrow Capital"}


def test_follower_participle_agrees(extract):
    cands, _ = extract(
        "La jeune pousse lilloise Vantorix lève 9 millions d'euros. Le tour est mené par Orbis Capital, "
        "suivie par Brennet Partners, le fonds de la famille Dufresnel.",
        "fr",
    )
    assert investors(cands) == {"Orbis Capital", "Brennet Partners"}


def test_ministry_overseeing_a_fund_is_no_investor(extract):
    cands, _ = extract(
        "La start-up Kalvio a annoncé une levée de 20 millions d'euros. Le tour est mené par "
        "Corvane Capital, le fonds placé sous la tutelle du ministère de l'Économie. Pellion Partners "
        "complète le tour.",
        "fr",
    )
    assert investors(cands) == {"Corvane Capital", "Pellion Partners"}


def test_the_startup_is_the_firm_not_its_fund(extract):
    cands, _ = extract(
        "Orbis Capital mise sur Tessaline. Le fonds Orbis Capital a conduit un tour de table dans "
        "Tessaline, aux côtés de Marrow Capital. La jeune pousse lyonnaise a réuni 12 millions d'euros.",
        "fr",
    )
    got = [parties(c, "investee") for c in cands if c.fact_type == "investment" and c.amounts]
    assert got and all(g == ["Tessaline"] for g in got)


def test_the_company_raising_from_a_fund_named_after_the_cue(extract):
    cands, _ = extract(
        "La start-up Tessaline conçoit des puces pour l'inférence. En 2023, la société avait levé "
        "8 millions d'euros auprès de Orbis Capital et du fonds régional Marrow Capital.",
        "fr",
    )
    got = [parties(c, "investee") for c in cands if c.fact_type == "investment"]
    assert got == [["Tessaline"]]


def recipients(cands):
    got = [c for c in cands if c.fact_type == "subsidy"]
    assert got, [(c.fact_type, c.sentence.text) for c in cands]
    return set(parties(got[0], "recipient"))


def test_no_person_or_later_clause_among_recipients(extract):
    cands, _ = extract(
        "The Norwegian government said it would invest $40 million in a new cluster at the University "
        "of Tarnby, as Prime Minister Ola Brekke hosted ministers at the Fjord Summit.",
        "en",
    )
    assert recipients(cands) == {"University of Tarnby"}


def test_places_after_the_recipient_are_no_recipients(extract):
    cands, _ = extract(
        "The Ministry of Industry approved $300 million of support for Veltrix Optics' new wafer "
        "plant in Ravenmoor, Eastvale.",
        "en",
    )
    assert recipients(cands) == {"Veltrix Optics"}


def test_programme_is_no_recipient(extract):
    cands, _ = extract(
        "Le ministère de l'Industrie accorde 6 millions d'euros à Morvane Calcul au titre du Plan "
        "Horizon Calcul.",
        "fr",
    )
    assert recipients(cands) == {"Morvane Calcul"}


def test_recipients_listed_with_acronym_and_apposition(extract):
    cands, _ = extract(
        "Le gouvernement octroie 9 millions d'euros à Alpin Calcul Lab, le programme commun de "
        "l'Institut Varnel (IVA) et de l'Institut Osterby.",
        "fr",
    )
    assert recipients(cands) == {"Alpin Calcul Lab", "Institut Varnel", "IVA", "Institut Osterby"}


def test_grant_to_the_startup_goes_to_the_firm_just_reported(extract):
    cands, _ = extract(
        "Tarnwell Systems a ouvert un centre de calcul l'an dernier. À Lyon, Morvane Calcul, qui "
        "conçoit des logiciels d'ordonnancement, a levé 10 millions d'euros auprès de Corvane Capital. "
        "Le ministère de l'Industrie accorde en outre une aide de 2 millions d'euros à la jeune entreprise.",
        "fr",
    )
    assert recipients(cands) == {"Morvane Calcul"}


def test_lui_accorde_points_back_to_the_firm(extract):
    cands, _ = extract(
        "La start-up Morvane Calcul a levé 10 millions d'euros auprès de Corvane Capital. En parallèle, "
        "le ministère de l'Industrie lui accorde une aide de 2 millions d'euros.",
        "fr",
    )
    assert recipients(cands) == {"Morvane Calcul"}


def test_the_company_is_not_a_body_named_by_its_short_name(extract):
    cands, _ = extract(
        "The Commerce Department finalized a $300 million grant for Veltrix Optics. Commerce also offered "
        "Veltrix Optics loans. The company now expects to spend about $9 billion on its plant.",
        "en",
    )
    spend = [c for c in cands if c.fact_type == "investment" and c.amounts and c.amounts[0].amount == 9e9]
    assert spend and parties(spend[0], "investee") == ["Veltrix Optics"]


def test_coordinated_subjects_all_invest(extract):
    cands, _ = extract(
        "Tarnwell Systems, Brennet Partners et Marrow Capital injectent 40 millions d'euros dans "
        "le laboratoire Osterby Lab.",
        "fr",
    )
    assert investors(cands) == {"Tarnwell Systems", "Brennet Partners", "Marrow Capital"}


def test_people_presented_as_investors_are_investors_not_their_firms(extract):
    cands, _ = extract(
        "Paris-based Vantorix has raised $50 million in a seed round. Venture firms Ardoise Ventures and "
        "Pellion Partners took part. Individual investors include Quillstone founder Jonas Berglund and "
        "former Tarnwell Systems chief executive Mara Lindqvist.",
        "en",
    )
    assert investors(cands) == {"Ardoise Ventures", "Pellion Partners", "Jonas Berglund", "Mara Lindqvist"}


def test_winners_named_after_a_grant(extract):
    cands, _ = extract(
        "The Danish government has awarded $90 million to six computing hubs. The selection was run by "
        "the research agency. Among the winners are Osterby Lab in Aarhus, Varnel Compute and Quillstone.",
        "en",
    )
    assert recipients(cands) == {"Osterby Lab", "Varnel Compute", "Quillstone"}


def test_a_name_titled_elsewhere_is_a_person(extract):
    cands, _ = extract(
        "Le Premier ministre Jonas Berglund a visité le campus de Tarnwell Systems. Lundi, Jonas Berglund "
        "a annoncé que Tarnwell Systems investira 2 milliards d'euros dans ses usines.",
        "fr",
    )
    got = [c for c in cands if c.fact_type == "investment"]
    assert got and all("Jonas Berglund" not in [p.name for p in c.parties] for c in got)


def test_chaired_by_names_people(extract):
    cands, _ = extract(
        "The commission, chaired by Jonas Berglund and Mara Lindqvist, recommended that Norway spend "
        "$3 billion a year on compute.",
        "en",
    )
    assert all(
        p.name not in ("Jonas Berglund", "Mara Lindqvist") for c in cands for p in c.parties
    ), [(c.fact_type, [(p.role, p.name) for p in c.parties]) for c in cands]


def test_fund_entering_the_capital_of_the_company(extract):
    cands, _ = extract(
        "La start-up Tessaline construit un centre de calcul à Rabat. Le fonds Corvane Capital entre au "
        "capital de la société à hauteur de 300 millions de dirhams.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "investment"]
    assert parties(c, "investee") == ["Tessaline"]
    assert parties(c, "investor") == ["Corvane Capital"]


def test_a_fund_pointed_back_to_leads_a_round_in_the_firm(extract):
    cands, _ = extract(
        "Corvane Capital mise sur Tessaline. Le fonds mène un tour de table de 40 millions d'euros dans "
        "un opérateur de centres de données lyonnais.",
        "fr",
    )
    got = [c for c in cands if c.fact_type == "investment" and c.amounts]
    assert [parties(c, "investee") for c in got] == [["Tessaline"]]


def test_listed_backers_are_not_the_firm_pointed_back_to(extract):
    cands, _ = extract(
        "La start-up Tessaline lève 80 millions d'euros. Le fonds américain Orbis Capital mène "
        "l'opération. Ils sont rejoints par Marrow Capital, Quillstone et Brisk Fibre. Dans le détail, "
        "l'enveloppe se décompose en 60 millions d'euros de fonds propres et 20 millions de dette.",
        "fr",
    )
    for c in cands:
        if c.fact_type == "investment":
            assert parties(c, "investee") == ["Tessaline"], c.sentence.text


def test_a_name_with_a_digit_opening_a_sentence_is_a_name(extract):
    cands, _ = extract(
        "La start-up Tessaline a levé 9 millions d'euros. Le fonds Orbis Capital mène le tour. "
        "Quill42 et Brisk Fibre y participent également.",
        "fr",
    )
    assert investors(cands) == {"Orbis Capital", "Quill42", "Brisk Fibre"}


def test_the_bank_pointed_back_to_leads_and_its_own_fund_is_no_other_investor(extract):
    cands, _ = extract(
        "Le rôle de Corvane Capital grandit. La même semaine, la banque publique a mené un tour de table "
        "de 18 millions d'euros dans Tessaline. Le tour, piloté par son fonds Large Growth, associe "
        "Ardoise Ventures et Pellion Partners.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "investment"]
    assert parties(c, "investee") == ["Tessaline"]
    assert set(parties(c, "investor")) == {"Corvane Capital", "Ardoise Ventures", "Pellion Partners"}


def test_the_holding_putting_money_in_a_round(extract):
    cands, _ = extract(
        "Separately, Brennet Holdings will take a stake in Tessaline Chips. The holding is putting in "
        "$20 million in a round that also included Marrow Capital.",
        "en",
    )
    got = [c for c in cands if c.fact_type == "investment" and c.amounts]
    assert [parties(c, "investee") for c in got] == [["Tessaline Chips"]]
    assert set(parties(got[0], "investor")) == {"Brennet Holdings", "Marrow Capital"}


def test_the_deal_size_in_the_next_sentence(extract):
    cands, _ = extract(
        "Le fonds Corvane Capital prend une participation minoritaire dans Tessaline. L'opération porte "
        "sur 300 millions de couronnes norvégiennes.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "investment"]
    assert parties(c, "investee") == ["Tessaline"]
    assert c.amounts and c.amounts[0].amount == 300e6


def test_its_president_speaks_for_the_body_named_before(extract):
    cands, _ = extract(
        "La Région Bretagne ne veut pas rester à l'écart. Son président a annoncé une subvention de "
        "3 millions d'euros à Tessaline.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert parties(c, "grantor") == ["Région Bretagne"]
    assert parties(c, "recipient") == ["Tessaline"]


def test_where_the_money_goes_is_no_recipient(extract):
    cands, _ = extract(
        "Le ministère de l'Industrie accorde 3 millions d'euros à Tessaline pour sa ligne installée à "
        "Varnelle, à quelques kilomètres de l'usine de Brisk Fibre.",
        "fr",
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert parties(c, "recipient") == ["Tessaline"]


def test_places_listed_after_a_known_city_are_no_recipients(extract):
    cands, _ = extract(
        "The Research Council of Norway has allocated $80 million to six AI centres at universities in "
        "Oslo, Varnby, Keldrum and Ostvik.",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert parties(c, "recipient") == []


def test_a_department_opening_the_sentence_grants_it_does_not_receive(extract):
    cands, _ = extract(
        "The US Commerce Department has finalized a grant of $458 million for Tessaline Chips' "
        "packaging plant.",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type == "subsidy"]
    assert parties(c, "recipient") == ["Tessaline Chips"]


def test_a_deal_naming_no_one_is_about_the_article_firm(extract):
    cands, _ = extract(
        "Tessaline Chips construit une usine à Sapporo. Tessaline Chips a reçu deux aides. Les équipes de "
        "Brisk Fibre et de Quillstone ont installé la première machine. Un accord prévoit une prise "
        "de participation publique de 100 milliards de yens.",
        "fr",
    )
    got = [c for c in cands if c.fact_type == "investment"]
    assert [parties(c, "investee") for c in got] == [["Tessaline Chips"]]


def test_a_list_after_an_investor_marker_is_no_subject(extract):
    cands, _ = extract(
        "Un projet prévoit une prise de participation de 100 milliards de yens aux côtés de Brisk Fibre, "
        "Quillstone ou Varnel Compute.",
        "fr",
    )
    got = [c for c in cands if c.fact_type == "investment"]
    assert all(parties(c, "investee") not in (["Quillstone"], ["Varnel Compute"]) for c in got)


def test_a_person_investing_through_a_named_vehicle(extract):
    cands, _ = extract(
        "Paris-based Vantorix has raised $50 million. Individual investors include tech investor Jonas "
        "Berglund and Mara Lindqvist, through her family office Quillstone Partners.",
        "en",
    )
    assert investors(cands) == {"Jonas Berglund", "Quillstone Partners"}


def test_names_in_brackets_or_inside_a_description_are_no_investors(extract):
    cands, _ = extract(
        "La start-up Tessaline a annoncé une levée de 50 millions d'euros. Le tour est emmené par Varnel "
        "Park (VP), un parc soutenu par la fondation Olsen Berg, et par le groupe Brennet (Quillmart, "
        "Ostvik Foods).",
        "fr",
    )
    assert investors(cands) == {"Varnel Park", "Brennet"}


def test_a_total_shared_out_keeps_its_own_fact(extract):
    cands, _ = extract(
        "Le ministère de l'Industrie a accordé 20 millions d'euros, dont 12 millions d'euros pour Veltrix "
        "Optique et 8 millions d'euros pour Morvane Calcul.",
        "fr",
    )
    got = sorted((c.amounts[0].amount, tuple(parties(c, "recipient"))) for c in of_type(cands, "subsidy"))
    assert got == [
        (8e6, ("Morvane Calcul",)),
        (12e6, ("Veltrix Optique",)),
        (20e6, ("Veltrix Optique", "Morvane Calcul")),
    ]


def test_a_second_firm_receiving_in_the_same_sentence_gets_its_own_grant(extract):
    cands, _ = extract(
        "Le gouvernement a accordé 12 millions d'euros à Veltrix Optique, tandis que Morvane Calcul "
        "obtient 8 millions d'euros.",
        "fr",
    )
    got = sorted((c.amounts[0].amount, tuple(parties(c, "recipient"))) for c in of_type(cands, "subsidy"))
    assert got == [(8e6, ("Morvane Calcul",)), (12e6, ("Veltrix Optique",))]
    assert not of_type(cands, "investment")


def test_a_round_next_to_a_grant_stays_a_round(extract):
    cands, _ = extract(
        "Le gouvernement débloque 2 milliards d'euros pour l'IA, Morvane Calcul lève 50 millions d'euros.",
        "fr",
    )
    assert [parties(c, "investee") for c in of_type(cands, "investment")] == [["Morvane Calcul"]]


def test_lui_apporte_points_back_to_the_firm(extract):
    cands, _ = extract(
        "La start-up Tessaline construit un centre de calcul à Lyon. Le fonds Corvane Capital lui "
        "apporte 10 millions d'euros.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Tessaline"]
    assert parties(c, "investor") == ["Corvane Capital"]


def test_backers_named_in_the_sentence_before_the_sum(extract):
    cands, _ = extract(
        "Le fonds Corvane Capital a conduit un tour de table dans Tessaline, aux côtés du fonds local "
        "Ardoise Ventures. La jeune pousse lyonnaise a réuni 40 millions d'euros, a-t-elle annoncé lundi.",
        "fr",
    )
    got = [c for c in of_type(cands, "investment") if c.amounts]
    assert [parties(c, "investee") for c in got] == [["Tessaline"]]
    assert {"Corvane Capital", "Ardoise Ventures"} <= set(parties(got[0], "investor"))


def test_a_chip_maker_can_receive_a_grant_but_not_when_its_chips_are_bought(extract):
    cands, _ = extract(
        "The Commerce Department finalized a $7 billion direct funding award for AMD.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["AMD"]
    cands, _ = extract(
        "The Ministry of Industry awarded $40 million to Tessaline to buy AMD GPUs.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Tessaline"]


def test_a_public_body_right_after_the_marker_receives(extract):
    cands, _ = extract(
        "Norway's Ministry of Finance has allocated $20 million to the Varnby Technopolis Development "
        "Authority to build a compute facility.",
        "en",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Varnby Technopolis Development Authority"]
    cands, _ = extract(
        "Le gouvernement va verser une subvention de 5 millions d'euros à Tessaline, par l'entremise "
        "du ministère de l'Industrie, pour un laboratoire.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Tessaline"]


def test_led_to_is_no_lead_investor(extract):
    cands, _ = extract(
        "Oslo-based Tessaline has raised $30 million. The success of Brisk Fibre led to a rethink of "
        "the market.",
        "en",
    )
    assert investors(cands) == set()


def test_an_adverb_and_a_giver_are_not_the_company_pointed_back_to(extract):
    cands, _ = extract(
        "La start-up Tessaline exploite un centre à Sakai. Séparément, l'Agence pour le calcul avancé "
        "(ACA) a accordé à Tessaline une subvention de 3 milliards de yens. L'entreprise a aussi obtenu "
        "un financement de 5 milliards de yens auprès de Brisk Bank.",
        "fr",
    )
    assert all(p.name != "Séparément" for c in cands for p in c.parties)
    got = [c for c in of_type(cands, "investment") if c.amounts and c.amounts[0].amount == 5e9]
    assert [parties(c, "investee") for c in got] == [["Tessaline"]]


def test_what_the_money_builds_is_no_recipient(extract):
    cands, _ = extract("Norway awards $90 million to build Fjordbyte, a national supercomputer.", "en")
    assert all(parties(c, "recipient") != ["Fjordbyte"] for c in of_type(cands, "subsidy"))
    cands, _ = extract("The Ministry of Industry awarded $5 million to help Tessaline expand.", "en")
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["Tessaline"]


def test_a_sectors_total_is_no_firms_deal(extract):
    # a plural subject ("startups", "les start-up") reports a sector's total: the firm of the
    # previous sentence did not raise it
    for text, language in (
        ("Halvard Robotics builds warehouse robots. Swedish AI startups raised about $900m in 2025, "
         "according to a report by Nordic Pulse.", "en"),
        ("Ondine Data conçoit des modèles de langue. Les start-up bretonnes ont levé 80 millions "
         "d'euros au total l'an dernier.", "fr"),
        # a capitalised qualifier is no subject, and the source after "according to" no target
        ("Halvard Robotics builds robots. Baltic AI startups raised about $400m in 2025, according to "
         "Nordic Pulse.", "en"),
        # ... whichever cue of the sentence reads it ("round" in a comparison)
        ("Halvard Robotics builds robots. Danish AI startups raised around €250 million in total last year, "
         "according to a report by the Startup Denmark foundation — less than one large round in France.",
         "en"),
    ):
        cands, _ = extract(text, language)
        assert [c for c in cands if c.fact_type == "investment"] == [], text


def test_an_unnamed_group_is_no_earlier_firm(extract):
    cands, _ = extract("Ondine Data builds models. Separately, the region said a group of development "
                       "partners had pledged up to $100 million for a planned national AI fund.", "en")
    assert [p.name for c in cands for p in c.parties] == []
    # a group whose members are named acts through them
    cands, _ = extract("A consortium of Orbis Capital and Tarnow Partners invested $5m in Kalmar Robotics.",
                       "en")
    investors = [p.name for c in cands for p in c.parties if p.role == "investor"]
    assert investors == ["Orbis Capital", "Tarnow Partners"]


def test_a_named_subject_among_startups_still_raises(extract):
    cands, _ = extract("Kalmar Robotics and two other startups raised $30m from Orbis Capital.", "en")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Kalmar Robotics"]


def test_the_start_up_still_points_back(extract):
    cands, _ = extract("Ondine Data conçoit des modèles de langue. La start-up a levé 8 millions d'euros.",
                       "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Ondine Data"]


def test_an_anaphor_subject_before_an_apposition_points_back(extract):
    # "la pépite grenobloise, lauréate de l'appel à projets X, a acquis": X is no buyer
    for text, language in (
        ("Ondine Data conçoit des puces. La pépite grenobloise, lauréate en mars du concours Tarnow Labs "
         "Challenge, a acquis 64 GPU Nvidia L40S pour son laboratoire.", "fr"),
        ("Ondine Data designs chips. The company, which counts Orbis Capital among its backers, has ordered "
         "512 Nvidia H100 GPUs.", "en"),
    ):
        cands, _ = extract(text, language)
        assert [p.name for c in cands for p in c.parties if p.role == "buyer"] == ["Ondine Data"], text
    # a name right after the anaphor is the subject itself
    cands, _ = extract("Orbis Capital investit à Lyon. La jeune pousse lyonnaise Kalmar Robotics, qui "
                       "conçoit des robots, lève 45 millions d'euros.", "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "investee"] == ["Kalmar Robotics"]


def test_a_tech_compound_is_a_firm_noun(extract):
    # "la legaltech bordelaise" points back to the firm, not to the most mentioned name
    cands, _ = extract("Ondine Data recrute à Nantes. Ondine Data ouvre un bureau à Lille. Le marché reste "
                       "actif. Les fonds restent prudents.\n\n"
                       "Kalmar Robotics boucle 6 millions d'euros\n\n"
                       "La legaltech bordelaise, qui automatise les baux, boucle 6 millions d'euros "
                       "auprès de Tarnow Capital.", "fr")
    assert {p.name for c in cands for p in c.parties if p.role == "investee"} == {"Kalmar Robotics"}


def test_a_programme_named_after_a_country_is_no_buyer(extract):
    cands, _ = extract("Ondine Data conçoit des puces. La start-up, lauréate de France 2030, a acquis 64 GPU "
                       "Nvidia.", "fr")
    assert [p.name for c in cands for p in c.parties if p.role == "buyer"] == ["Ondine Data"]


@pytest.mark.parametrize("text, lang", [
    ("Orbis Cloud grandit vite. Le fournisseur de cloud a acquis 2 048 GPU Nvidia H200 qui seront installés "
     "dans son data center VX7.", "fr"),
    ("Orbis Cloud grew fast. The company said it had ordered 8,000 Nvidia GPUs for its new Springfield, "
     "Illinois site.", "en"),
])
def test_a_sites_name_is_no_buyer(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [parties(c, "buyer") for c in of_type(cands, "chip_purchase")] == [["Orbis Cloud"]]


@pytest.mark.parametrize("text, lang, firm", [
    ("Halvard Labs, a young Danish lab that trains speech models on Baltic radio archives, has raised "
     "€12m from Orbis Capital.", "en", "Halvard Labs"),
    ("Halvard Labs, une jeune pousse qui entraîne des modèles sur les archives de Radio Baltique, a levé "
     "12 millions d'euros auprès d'Orbis Capital.", "fr", "Halvard Labs"),
])
def test_a_name_inside_the_subjects_apposition_is_not_the_subject(extract, text, lang, firm):
    cands, _ = extract(text, lang)
    assert [parties(c, "investee") for c in of_type(cands, "investment")] == [[firm]]


@pytest.mark.parametrize("text, lang", [
    ("Orbis Cloud a tenu sa conférence lundi. Le fournisseur de cloud lyonnais a acquis 512 GPU Nvidia H200 "
     "qui seront installés à Vénissieux (Rhône).", "fr"),
    ("Orbis Cloud held its conference on Monday. The subsidiary has bought 512 Nvidia H200 GPUs for "
     "Lakeside (Ontario).", "en"),
])
def test_a_provider_or_subsidiary_points_back_to_the_firm(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [parties(c, "buyer") for c in of_type(cands, "chip_purchase")] == [["Orbis Cloud"]]


def test_a_round_named_la_ronde_has_its_lead_investor_before_the_verb(extract):
    cands, _ = extract(
        "Korvane Data a bouclé une ronde de 30 millions de dollars. C'est Orbis Capital qui mène la ronde.",
        "fr",
    )
    assert [parties(c, "investor") for c in of_type(cands, "investment")] == [["Orbis Capital"]]


def test_a_party_named_by_the_acronym_the_text_gave_is_the_full_name(extract):
    cands, _ = extract(
        "Norway's National Institute for Applied Reasoning (NIAR) opened a lab in Tromsø. For the new "
        "cluster, NIAR has ordered 256 Nvidia H200 GPUs.",
        "en",
    )
    assert [parties(c, "buyer") for c in of_type(cands, "chip_purchase")] == [
        ["National Institute for Applied Reasoning"]
    ]


def test_a_second_clause_without_its_verb_receives_like_the_first(extract):
    cands, _ = extract(
        "La start-up toulousaine Orvala Data, qui conçoit des modèles, obtient 8 M€, et la lyonnaise Kestra "
        "Santé 4 M€ pour un assistant médical.",
        "fr",
    )
    got = sorted((parties(c, "investee")[0], c.amounts[0].amount) for c in of_type(cands, "investment"))
    assert got == [("Kestra Santé", 4e6), ("Orvala Data", 8e6)]
    # a second clause with a verb of its own is no elided one
    cands, _ = extract("Orvala Data raised €8 million and employs 40 people.", "en")
    assert len(of_type(cands, "investment")) == 1


def test_a_pronoun_opening_a_sentence_takes_up_the_previous_subject(extract):
    # the firm named more often loses to the subject of the sentence just before
    text = (
        "Brisk Fibre raised €40m in March. Brisk Fibre now sells in Spain, and Brisk Fibre hires. "
        "{name} builds drones for farms. {pronoun} €12m seed round came in May."
    )
    cands, _ = extract(text.format(name="Varnel Compute", pronoun="Its"), "en")
    got = {c.amounts[0].amount: parties(c, "investee") for c in of_type(cands, "investment")}
    assert got[12e6] == ["Varnel Compute"]
    cands, _ = extract(
        "Brisk Fibre a levé 40 M€ en mars. Brisk Fibre vend en Espagne et Brisk Fibre recrute. "
        "Varnel Compute conçoit des drones agricoles. Sa levée d'amorçage de 12 M€ a eu lieu en mai.",
        "fr",
    )
    got = {c.amounts[0].amount: parties(c, "investee") for c in of_type(cands, "investment")}
    assert got[12e6] == ["Varnel Compute"]
    # a name after a passive verb is no subject: "The round was led by Orbis Capital. Its ..."
    cands, _ = extract(
        "Brisk Fibre raised €40m in March. Brisk Fibre now sells in Spain, and Brisk Fibre hires. "
        "The round was led by Orbis Capital. Its €12m seed round came in May.",
        "en",
    )
    got = {c.amounts[0].amount: parties(c, "investee") for c in of_type(cands, "investment")}
    assert got[12e6] == ["Brisk Fibre"]


def test_investors_named_after_a_sentence_restating_the_amount(extract):
    # "about NOK 300m" gives the round's own amount again: no new deal stops the search for investors
    cands, _ = extract(
        "Varnel Compute has raised a €25m Series A. The company will use the money, about NOK 290m, "
        "to hire 30 people. Orbis Capital led the round.",
        "en",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital"}


def test_people_who_invest_after_as_did_and_in_a_personal_capacity(extract):
    cands, _ = extract(
        "Varnel Compute closed a $9 million seed round. Orbis Capital led the round; Brisk Ventures "
        "took part, as did former Lydra Systems executive Ana Ribeiro, who invested as an angel.",
        "en",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital", "Brisk Ventures", "Ana Ribeiro"}
    cands, _ = extract(
        "Varnel Compute lève 9 millions d'euros auprès d'Orbis Capital. L'entrepreneur Paul Marchal, "
        "fondateur d'une société installée à Tarbes, y participe également à titre personnel.",
        "fr",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital", "Paul Marchal"}
    cands, _ = extract(
        "Varnel Compute lève 9 millions d'euros auprès d'Orbis Capital. L'entrepreneuse Jeanne Mercier, "
        "fondatrice de Lydra, participe également au tour à titre personnel.",
        "fr",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital", "Jeanne Mercier"}


def test_a_person_s_former_firm_and_a_quotation_are_no_investors(extract):
    cands, _ = extract(
        "Varnel Compute has raised a €25m Series A. Orbis Capital led the round. Brisk Ventures also "
        'took part, as did Lydra cofounder-turned-angel Ana Ribeiro, who said she invested "because '
        'Quillstone Robotics showed the way".',
        "en",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital", "Brisk Ventures", "Ana Ribeiro"}


def test_a_marker_with_an_adverb_before_its_names(extract):
    cands, _ = extract(
        "Varnel Compute a levé 9 millions d'euros. Le tour est mené conjointement par Orbis Capital et "
        "Brisk Ventures.",
        "fr",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital", "Brisk Ventures"}
    cands, _ = extract("Varnel Compute raised $9 million in a round led jointly by Orbis Capital.", "en")
    assert investors(of_type(cands, "investment")) == {"Orbis Capital"}


def test_french_institutions_named_with_lower_case_words(extract):
    cands, _ = extract(
        "Varnel Compute lève 9 millions d'euros. La Banque régionale morvandelle et le Fonds breton pour "
        "la robotique et l'innovation participent au tour.",
        "fr",
    )
    assert investors(of_type(cands, "investment")) == {
        "Banque régionale morvandelle",
        "Fonds breton pour la robotique et l'innovation",
    }
    # ... and capitalised words after the head's own name; not over a known firm
    cands, _ = extract(
        "Varnel Compute lève 9 millions d'euros auprès du Fonds Hassan II pour l'Investissement et du "
        "Fonds d'Orbis Capital.",
        "fr",
    )
    got = investors(of_type(cands, "investment"))
    assert {"Fonds Hassan II pour l'Investissement", "Orbis Capital"} <= got
    assert not any("Orbis" in name and name != "Orbis Capital" for name in got)


def test_an_institution_taken_up_by_its_kind_buys(extract):
    cands, _ = extract(
        "Varnel Compute entraîne ses modèles chez l'Université Jean Moulin Cergy (UJMC), partenaire du "
        "projet. L'université a acquis 512 processeurs graphiques Nvidia H200 pour son centre de calcul.",
        "fr",
    )
    buyers = [parties(c, "buyer") for c in of_type(cands, "chip_purchase")]
    assert buyers == [["Université Jean Moulin Cergy"]]
    cands, _ = extract(
        "Orbis Capital backs the Tarnwell Institute for Robotics. Varnel Compute trains models there. "
        "The institute has ordered 512 Nvidia H200 GPUs.",
        "en",
    )
    buyers = [parties(c, "buyer") for c in of_type(cands, "chip_purchase")]
    assert buyers == [["Tarnwell Institute for Robotics"]]


def test_a_round_up_item_gives_its_amount_in_the_heading_line(extract):
    cands, _ = extract(
        "Les levées de la semaine\n\n"
        "3. Varnel Compute (Lyon) — 8 millions d'euros\n\n"
        "Varnel Compute a convaincu Orbis Capital de mener sa série A.\n\n"
        "4. Quillstone (Brest) — 2 millions d'euros\n\n"
        "Quillstone, qui cartographie les fonds marins, boucle son premier tour de table auprès de "
        "Brisk Ventures.\n\n"
        "5. Lydra Systems (Paris) — 90 salariés\n\n"
        "Lydra Systems recrute.",
        "fr",
    )
    got = sorted((parties(c, "investee")[0], c.amounts[0].amount) for c in of_type(cands, "investment"))
    assert got == [("Quillstone", 2e6), ("Varnel Compute", 8e6)]


def test_a_round_owned_by_the_startup_pointed_back_to(extract):
    cands, _ = extract(
        "Varnel Compute has raised $40 million in a Series B led by Orbis Capital. Brisk Ventures and "
        "Tarnow Partners, which led the startup's $14 million Series A in 2024, also joined.",
        "en",
    )
    got = {c.amounts[0].amount: parties(c, "investee") for c in of_type(cands, "investment")}
    assert got[14e6] == ["Varnel Compute"]


def test_the_startup_pointed_back_to_is_not_its_backer_nor_a_section_name(extract):
    cands, _ = extract(
        "Entreprises & Marchés | Tech\n\n"
        "Orvala Entreprendre mise 9 millions sur l'IA industrielle de Varnel Compute\n\n"
        "La scale-up lyonnaise, qui développe des modèles de vision, boucle une levée de 14 millions "
        "d'euros.",
        "fr",
    )
    assert [parties(c, "investee") for c in of_type(cands, "investment") if c.amounts[0].amount == 14e6] == [
        ["Varnel Compute"]
    ]


def test_a_described_firm_with_its_backers_over_several_sentences(extract):
    cands, _ = extract(
        "Oslo AI start-up Varnel Compute raises NOK 400 million\n\n"
        "By Kari Lund\n\n"
        "A NORWEGIAN start-up building small models for Sami and Faroese has raised NOK 400 million in a "
        "Series A round. The company, Varnel Compute, was founded in 2023. It announced the funding on "
        "Tuesday. Orbis Capital, which is backed by Tarnow Partners, led the round. Brisk Ventures also "
        "took part, along with existing backer Lydra Capital.\n\n"
        "A team from Quillstone Labs\n\n"
        "Varnel Compute was founded by alumni from Quillstone Labs.",
        "en",
    )
    (c,) = [c for c in of_type(cands, "investment") if "Series A" in c.sentence.text]
    assert parties(c, "investee") == ["Varnel Compute"]
    assert set(parties(c, "investor")) == {"Orbis Capital", "Brisk Ventures", "Lydra Capital"}


def test_a_subsidiary_named_by_its_parent_is_the_firm_the_article_is_about(extract):
    cands, _ = extract(
        "Varnel Cloud étend son offre. Varnel Cloud compte 500 salariés et Varnel Cloud recrute. "
        "La filiale cloud de Lydra Group a annoncé lundi avoir commandé 640 GPU Nvidia H200.",
        "fr",
    )
    assert [parties(c, "buyer") for c in of_type(cands, "chip_purchase")] == [["Varnel Cloud"]]


def test_backers_named_paragraphs_after_the_only_round(extract):
    text = (
        "Varnel Compute a levé 40 millions d'euros en un an.\n\n"
        "La start-up conçoit des modèles pour l'industrie. Elle emploie 80 personnes.\n\n"
        "Le marché reste difficile. Les concurrents américains dominent.\n\n"
        "Il faut noter que Varnel a réussi à attirer des capitaux de poids lourds tels que Orbis Capital, "
        "Brisk Ventures et Lydra Partners. Elle recrute 60 personnes, passant de 80 à 140 salariés."
    )
    cands, _ = extract(text, "fr")
    assert investors(of_type(cands, "investment")) == {"Orbis Capital", "Brisk Ventures", "Lydra Partners"}


def test_a_purchase_told_after_a_round_names_no_backer(extract):
    cands, _ = extract(
        "Orbis Capital has injected $20 million into Brivel Robotics. Brivel Robotics also said it had "
        "ordered 600 GPUs from Tarnow Systems.",
        "en",
    )
    assert investors(of_type(cands, "investment")) == {"Orbis Capital"}


def test_backers_of_the_firms_round_past_a_relative_clause_and_alongside(extract):
    cands, _ = extract(
        "Brivel Robotics has raised $40 million in a bridge round.\n\nThe company sells to banks. In "
        "March, the Research Council awarded it a $4 million grant.\n\n"
        "Brivel's new round is led by Orbis Capital, which had already worked with Brivel on pilots. "
        "Tarnow Partners joined for the first time, alongside Pellion Ventures.",
        "en",
    )
    brivel = [c for c in of_type(cands, "investment") if parties(c, "investee") == ["Brivel Robotics"]]
    assert brivel and {frozenset(parties(c, "investor")) for c in brivel} == {
        frozenset({"Orbis Capital", "Tarnow Partners", "Pellion Ventures"})
    }


def test_a_states_venture_arm_and_angels_with_their_own_firms_described(extract):
    cands, _ = extract(
        "Brivel Robotics has closed a €18M Series A. The round is led by Orbis Capital, with participation "
        "from Tarnow Ventures and KredEx Capital, the Estonian state's venture capital arm. Two angels "
        "personally invested alongside the funds: Jaan Tamm, founder of one of the Nordics' biggest "
        "payment companies, and Liis Kask.",
        "en",
    )
    assert investors(cands) == {
        "Orbis Capital", "Tarnow Ventures", "KredEx Capital", "Jaan Tamm", "Liis Kask"
    }


def test_the_firms_own_round_named_with_its(extract):
    cands, _ = extract(
        "Brivel Robotics raises $80m as Orbis leads Series B\n\nThe robot maker will expand into Japan\n\n"
        "By Jan Brel\n\nPublished Wed, Dec 3, 2025\n\n"
        "OSLO-based Brivel Robotics said on Wednesday it has closed its Series B round, led by Orbis "
        "Capital.",
        "en",
    )
    backers = {p.name for c in of_type(cands, "investment") for p in c.parties if p.role == "investor"}
    assert "Orbis Capital" in backers


def test_a_programme_framing_a_stake_is_no_backer(extract):
    cands, _ = extract(
        "Brivel Robotique a bouclé un tour de 9 millions d'euros, mené par Orbis Capital. Tarnow Ventures "
        "participe à l'opération dans le cadre de l'initiative Choose Europe.",
        "fr",
    )
    assert investors(cands) == {"Orbis Capital", "Tarnow Ventures"}


@pytest.mark.parametrize("text, language", [
    ("Brivel Robotics sells robots to banks. The new funding comes six months after Dutch chip maker "
     "Orbis Capital led a €40 million round.", "en"),
    ("Brivel Robotique vend des robots. Orbis Capital avait mené un tour de 40 millions d'euros en "
     "2024.", "fr"),
])
def test_who_led_a_round_of_the_article_invests_in_its_firm(extract, text, language):
    (c,) = of_type(extract(text, language)[0], "investment")
    assert (parties(c, "investee")[0], parties(c, "investor")) == (text.split()[0] + " " + text.split()[1],
                                                                    ["Orbis Capital"])


@pytest.mark.parametrize(
    "text, language, backers",
    [
        # the parent, manager or backer an apposition names describes the investor before the comma
        ("Brumelia has raised €14 million in a round led by Corvane Capital, the investment firm backed "
         "by Ardoise Holding and Pellion Group.", "en", {"Corvane Capital"}),
        ("La start-up nantaise Brumelia a bouclé une levée de 14 millions d'euros. L'opération est menée "
         "par Corvane Invest, filiale de capital-investissement de la Banque Ardoise, avec la "
         "participation de Pellion Partners.", "fr", {"Corvane Invest", "Pellion Partners"}),
        ("Brumelia has raised €14 million from Corvane Capital and Ardoise Ventures, which is part of "
         "the Pellion-backed Lindqvist network.", "en", {"Corvane Capital", "Ardoise Ventures"}),
        # a participle right after the comma may tell of the round: its backers invest
        ("La start-up nantaise Brumelia a bouclé une levée de 14 millions d'euros, menée par Corvane "
         "Capital, accompagnée par Ardoise Ventures et soutenue par le family office Pellion Partners.",
         "fr", {"Corvane Capital", "Ardoise Ventures", "Pellion Partners"}),
    ],
)
def test_an_apposition_naming_an_investors_parent_or_backer_names_no_backer(extract, text, language, backers):
    assert investors(extract(text, language)[0]) == backers


@pytest.mark.parametrize(
    "text, language, firm",
    [
        ("La start-up nantaise Brumelia a bouclé une levée de 14 millions d'euros auprès de Corvane "
         "Capital. Le financement est complété par une subvention de 400 000 euros de la Région "
         "Bretagne.", "fr", "Brumelia"),
        ("Tarnwell Systems has ordered 2,000 Nvidia GPUs for its new data centre in Hobart. The "
         "Tasmanian Government also approved a A$1.2 million matching grant to support road works at "
         "the site.", "en", "Tarnwell Systems"),
    ],
)
def test_one_grant_naming_no_recipient_goes_to_the_firm_of_the_deal_before(extract, text, language, firm):
    (c,) = of_type(extract(text, language)[0], "subsidy")
    assert parties(c, "recipient") == [firm]


def test_a_programme_budget_takes_no_recipient_from_the_deal_before(extract):
    cands, _ = extract(
        "Tarnwell Systems has ordered 2,000 Nvidia GPUs for its new data centre in Hobart. The "
        "Tasmanian Government has earmarked A$50 million for its digital programme over five years.",
        "en",
    )
    assert all(parties(c, "recipient") == [] for c in of_type(cands, "subsidy"))


@pytest.mark.parametrize(
    "text, language, firm",
    [
        ("Brivel Robotics has raised $40 million in a Series B led by Orbis Capital. The Arnaud Family "
         "Office, the private vehicle of a Lyon industrial family, also invested. The fresh capital comes "
         "less than a year after the company's $8 million Series A.", "en", "Brivel Robotics"),
        ("Brivel Robotique a levé 8 millions d'euros auprès de Tarnow Capital. Les Finistère Angels, un "
         "réseau de business angels bretons, ont aussi investi. L'entreprise avait bouclé un premier tour "
         "de 2 millions d'euros en 2023.", "fr", "Brivel Robotique"),
    ],
)
def test_a_family_office_or_angel_group_is_no_firm_pointed_back_to(extract, text, language, firm):
    rounds = of_type(extract(text, language)[0], "investment")
    assert [parties(c, "investee") for c in rounds] == [[firm], [firm]]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Brivel Robotique lève 15 millions de francs. Orbis Capital, qui avait mené le tour d'amorçage "
         "de 3,5 millions de francs en avril 2024, remet au pot.", "fr"),
        ("Brivel Robotics has raised $40 million. Orbis Capital, which led the $3.5 million seed round in "
         "April 2024, is back.", "en"),
    ],
)
def test_a_backer_who_led_an_earlier_round_leads_the_articles_firms(extract, text, language):
    rounds = of_type(extract(text, language)[0], "investment")
    earlier = [c for c in rounds if c.amounts and c.amounts[0].amount == 3.5e6]
    assert [(parties(c, "investee"), parties(c, "investor")) for c in earlier] == [
        ([rounds[0].parties[0].name], ["Orbis Capital"])
    ]


def test_another_languages_stop_word_opening_a_name_mid_sentence_stays(extract):
    # "Par" opens French sentences ("Par ailleurs"); in English, after "led by", it opens a name
    cands, _ = extract(
        "Kelpie AI has raised £7 million in a round led by Par Equity, with Orbis Capital also investing.",
        "en",
    )
    assert investors(cands) == {"Par Equity", "Orbis Capital"}
    cands, _ = extract("Par ailleurs, Kelpie lève 7 millions d'euros auprès de Orbis Capital.", "fr")
    assert parties(of_type(cands, "investment")[0], "investee") == ["Kelpie"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("The Ministry of Science and ICT signed contracts to purchase 8,400 Nvidia GPUs. Separately, the "
         "ministry said three domestic AI firms -- Tarnwell Systems, Olvane Labs and Brisk Fibre -- will "
         "each receive 5 billion won to rent GPU capacity.", "en"),
        ("Le ministère de l'Économie numérique a acheté 800 GPU Nvidia. Par ailleurs, le ministère a "
         "indiqué que trois jeunes pousses, Tarnwell Systems, Olvane Labs et Brisk Fibre, recevront "
         "chacune 50 millions de FCFA pour louer de la capacité de calcul.", "fr"),
    ],
)
def test_what_firms_receive_by_a_body_saying_so_is_its_grant(extract, text, language):
    subs = of_type(extract(text, language)[0], "subsidy")
    got = sorted(parties(c, "recipient")[0] for c in subs)
    assert got == ["Brisk Fibre", "Olvane Labs", "Tarnwell Systems"]
    assert all(parties(c, "grantor") and "inist" in parties(c, "grantor")[0] for c in subs)


@pytest.mark.parametrize(
    "text, language, word",
    [
        ("NOWAK: Last year we bought 512 H200s from Nvidia, which sit in a data centre outside Kraków.",
         "en", "Last"),
        ("Dernier point : plusieurs start-up ont commandé 512 GPU Nvidia l'an passé.", "fr", "Dernier"),
    ],
)
def test_a_stop_word_opening_a_sentence_is_no_party(extract, text, language, word):
    cands, _ = extract(text, language)
    assert all(word not in p.name for c in cands for p in c.parties)


def test_a_firm_word_ending_a_name_in_a_title_case_line_stays(extract):
    # the prose writes "labs" in lower case; the item's name still ends in "Labs"
    cands, _ = extract(
        "Most of what you read about AI is about the labs that raise billions and the clouds that spend "
        "them.\n\n- **Brivel Labs** (Jakarta, Indonesia) — $12.5M Series A\n",
        "en",
    )
    assert parties(of_type(cands, "investment")[0], "investee") == ["Brivel Labs"]


def test_a_stock_exchange_and_its_boards_are_no_party(extract):
    cands, _ = extract(
        "Kivi Cloud said on Monday it would expand its data centre. The Thai cloud firm said in a filing "
        "to the Stock Exchange of Thailand that its board had approved a capital increase of 3 billion "
        "baht through a rights offering.",
        "en",
    )
    assert not {p.name for c in cands for p in c.parties} & {"Stock Exchange of Thailand", "Thailand"}
    cands, _ = extract(
        "Brisk Labs shares jumped. The Japanese model developer debuted on the Tokyo Stock Exchange's "
        "Growth market on Monday after raising ¥12 billion in its initial public offering.",
        "en",
    )
    assert [parties(c, "investee") for c in cands] == [["Brisk Labs"]]


def test_a_web_name_is_one_name_even_opening_a_sentence(extract):
    cands, _ = extract(
        "Kivi Robotics has raised €12 million in a round led by Orbis Capital. Tarnow.vc and Brisk.ai also "
        "took part. It previously raised a €4m seed round in 2024, led by Tarnow.vc.",
        "en",
    )
    rounds = [c for c in cands if c.fact_type == "investment" and c.amounts[0].amount == 12e6]
    assert [set(parties(c, "investor")) for c in rounds] == [{"Orbis Capital", "Tarnow.vc", "Brisk.ai"}]


def test_an_institutions_name_runs_over_its_complements_own_adjective(extract):
    cands, _ = extract(
        "La jeune pousse dakaroise Kivi Robotique lève 2 milliards de FCFA auprès d'Orbis Capital et du "
        "Fonds souverain d'investissements stratégiques du Sénégal (Fonsis).",
        "fr",
    )
    assert "Fonds souverain d'investissements stratégiques du Sénégal" in investors(cands)


def test_we_in_a_post_is_the_firm_its_headline_names(extract):
    cands, _ = extract(
        "Kivi Systems completes its €9M seed round\n\n"
        "Today we're excited to announce the second close of our seed round, bringing the total to €9M.\n\n"
        "When we announced the first close of €6M in June, led by Orbis Capital, we said we would keep the "
        "round open for partners who could help us sell outside the Baltics. Two Baltic ministries and a "
        "Baltic bank already use our software, and Baltic governments are our first market.",
        "en",
    )
    first = [c for c in cands if c.fact_type == "investment" and c.amounts and c.amounts[0].amount == 6e6]
    assert [parties(c, "investee") for c in first] == [["Kivi Systems"]]


def test_an_elided_de_between_two_capitalised_words_is_inside_a_name(extract):
    cands, _ = extract(
        "Le gouvernement a accordé 12 millions d'euros à l'institut 3IA Côte d'Azur pour ses recherches.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    assert parties(c, "recipient") == ["3IA Côte d'Azur"]


def test_the_company_after_a_chip_makers_deal_is_the_firm_not_the_chip_maker(extract):
    cands, _ = extract(
        "Kivi Cloud is a Jakarta data centre operator. The Indonesian cloud operator said on Monday it had "
        "signed a multi-year agreement with AMD covering 4,608 Instinct accelerators. The company raised "
        "Rp 2.1 trillion in its initial public offering in March.",
        "en",
    )
    assert [parties(c, "investee") for c in of_type(cands, "investment")] == [["Kivi Cloud"]]


def test_backers_with_a_relative_clause_about_an_earlier_round_join_this_one(extract):
    cands, _ = extract(
        "Kivi Voice, a Bengaluru startup, has raised $41 million in a round led by Orbis India. Tarnow "
        "Partners and Brisk Capital, which led the startup's $14 million Series A in 2024, also joined.",
        "en",
    )
    (c,) = [c for c in of_type(cands, "investment") if c.amounts[0].amount == 41e6]
    assert set(parties(c, "investor")) == {"Orbis India", "Tarnow Partners", "Brisk Capital"}


def test_a_fund_that_y_apporte_puts_money_in_the_round_told_before(extract):
    cands, _ = extract(
        "La start-up dakaroise Kivi IA lève 12 milliards de FCFA. Le Fonsis y apporte 5 milliards de FCFA, "
        "le reste étant souscrit par le fonds panafricain Orbis Capital.",
        "fr",
    )
    (c,) = [c for c in of_type(cands, "investment") if c.amounts[0].amount == 5e9]
    assert (parties(c, "investee"), parties(c, "investor")) == (["Kivi IA"], ["Fonsis"])


@pytest.mark.parametrize(
    "text, language",
    [
        ("Kivi Labs has raised $12 million in a round led by Orbis Capital. Tarnow Ventures also "
         "participated in the round. Angel investor Mathilde Arnaud, founder of payments company Brisk "
         "Data, also invested, the company said.", "en"),
        ("La start-up Kivi Labs lève 12 millions d'euros. Le fonds Orbis Capital mène le tour, tout comme "
         "Tarnow Ventures. Plusieurs business angels complètent le tour, dont Mathilde Arnaud, cofondatrice "
         "de l'éditeur Brisk Data, qui investit à titre personnel.", "fr"),
    ],
)
def test_the_firm_an_angel_founded_is_no_backer(extract, text, language):
    assert investors(extract(text, language)[0]) == {"Orbis Capital", "Tarnow Ventures", "Mathilde Arnaud"}


def test_a_family_office_is_no_founders_firm(extract):
    cands, _ = extract(
        "Kivi Labs lève 12 millions d'euros auprès d'Orbis Capital et du family office lyonnais Tarnow "
        "Capital.",
        "fr",
    )
    assert investors(cands) == {"Orbis Capital", "Tarnow Capital"}


def test_a_chip_maker_after_its_chips_is_no_subject_of_the_next_clause(extract):
    cands, _ = extract(
        "Le Maroc achète 2.000 puces Nvidia, une start-up sénégalaise lève 1,5 milliard de FCFA\n\n"
        "Au Sénégal, la jeune pousse dakaroise Kivi Tech a levé 1,5 milliard de francs CFA auprès d'Orbis "
        "Capital.",
        "fr",
    )
    assert all(parties(c, "investee") != ["Nvidia"] for c in of_type(cands, "investment"))


@pytest.mark.parametrize(
    "text, firm",
    [
        # an opening participle's phrase: its names are where the firm stands, not the firm
        ("Actu\n\nInstallée au Technopole de Saint-Denis, Piton Data héberge des données de santé. Elle "
         "avait bouclé une levée de fonds de 2 millions d'euros auprès d'Océan Indien Capital.",
         "Piton Data"),
        # ... even with commas of its own
        ("Actu\n\nFondée en 2023 par Maël Kerouac, fils d'éleveurs de Quimper, et par Inès Barbeau, passée "
         "par l'Inrae, Ferme Dorée veut aider les éleveurs. Elle a levé 3 millions d'euros auprès de "
         "Breizh Seed.", "Ferme Dorée"),
        # a firm noun that names the firm right after it
        ("Actu\n\nLa start-up algéroise Tafrit AI, qui développe des modèles, franchit une étape. Lundi, "
         "elle a annoncé une levée de 160 millions de dinars auprès de Numidia Capital.", "Tafrit AI"),
    ],
)
def test_a_pronoun_takes_up_the_subject_of_the_sentence_before(extract, text, firm):
    cands, _ = extract(text, "fr")
    (c,) = [c for c in cands if c.fact_type == "investment"]
    assert [p.name for p in c.parties if p.role == "investee"] == [firm]


@pytest.mark.parametrize("backer", ["Nvidia-backed", "SoftBank-backed", "Y Combinator-backed", "State-owned"])
def test_a_compound_modifier_before_a_name_is_no_part_of_it(extract, backer):
    cands, _ = extract(f"Deal news\n\n{backer} Lirra Labs raised €6 million from Halden Ventures.", "en")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]


@pytest.mark.parametrize(
    "text, lang, investor",
    [
        ("Deal news\n\nHalvard's venture arm, Halvard Ventures, invested $10 million in Lirra Labs.", "en",
         "Halvard Ventures"),
        ("Deal news\n\nSheikh Tahnoun's fund, Ghaf Capital, invested $100 million in Lirra Labs.", "en",
         "Ghaf Capital"),
        ("Actu\n\nLe fonds de la famille Marchetti, Creavia, a investi 10 millions d'euros dans Lirra Labs.",
         "fr", "Creavia"),
    ],
)
def test_the_name_in_apposition_to_an_owners_noun_invests(extract, text, lang, investor):
    cands, _ = extract(text, lang)
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]
    assert parties(c, "investor") == [investor]


@pytest.mark.parametrize(
    "text",
    [
        "Deal news\n\nKelpmind's €6 million Series A was led by Halden Ventures, with Orbis Capital "
        "participating.",
        "Deal news\n\nKelpmind's seed round was led by Halden Ventures. It raised €6 million.",
    ],
)
def test_a_name_owning_a_round_is_a_name_even_opening_the_sentence(extract, text):
    cands, _ = extract(text, "en")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Kelpmind"]
    assert "Halden Ventures" in parties(c, "investor")


def test_a_word_never_written_in_lower_case_before_a_firms_verb_is_a_name(extract):
    cands, _ = extract(
        "Deal news\n\nKelpmind builds speech models for Estonian. The company raised €6 million in a seed "
        "round led by Halden Ventures.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Kelpmind"]


def test_a_common_noun_before_an_auxiliary_stays_no_name(extract):
    cands, _ = extract(
        "Deal news\n\nProgress has been uneven. Lirra Labs bought 512 Nvidia H100 GPUs last year.", "en"
    )
    assert all("Progress" not in [p.name for p in c.parties] for c in cands)


@pytest.mark.parametrize(
    "lead",
    [
        "The site is planned to reach 200MW of IT capacity.",  # a measure opens no name
        "The data-centre load in service is 148 MW across two sites.",
        "October 29, 2026 · Jakarta · Prepared by our research desk.",  # a credit line's participle
    ],
)
def test_measures_and_credit_lines_are_no_firm_a_pronoun_takes_up(extract, lead):
    cands, _ = extract(
        f"PT Halvard Cloud Tbk (IDX: HLVD) — Q3 earnings call\n\n{lead}\n\nPresident Director Budi "
        "Santoso said the company took delivery during the quarter of 1,536 Nvidia H200 GPUs.",
        "en",
    )
    (c,) = [c for c in cands if c.fact_type == "chip_purchase"]
    assert parties(c, "buyer") == ["PT Halvard Cloud Tbk"]


def test_a_pronoun_never_takes_up_a_place_after_au(extract):
    cands, _ = extract(
        "Actu\n\nPiton Data héberge des données de santé. Le marché local reste étroit. Les clients sont des "
        "hôpitaux. La jeune entreprise, qui emploie douze personnes au "
        "Technopole de Bordeaux, n'attendait pas l'argent public. Elle avait bouclé une levée de "
        "fonds de 2 millions d'euros auprès d'Océan Capital.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Piton Data"]


@pytest.mark.parametrize(
    "fund", ["Río de la Plata Ventures", "Banco do Nordeste Capital", "Costa del Sol Partners"]
)
def test_a_spanish_or_portuguese_particle_inside_a_funds_name(extract, fund):
    cands, _ = extract(f"Deal news\n\nPampa Labs closed a US$22 million round led by {fund}.", "en")
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == [fund]


def test_a_relative_clauses_verb_has_the_name_before_it(extract):
    cands, _ = extract(
        "Deal news\n\nThe winners are Lirra Labs, which receives €2 million, and Kelpmind, which gets €1.5 "
        "million.",
        "en",
    )
    found = [(c.parties[0].name, c.amounts[0].amount) for c in cands]
    assert found == [("Lirra Labs", 2e6), ("Kelpmind", 1.5e6)]


@pytest.mark.parametrize("text, lang", [
    ("5. Eligibility: bidders must have completed two contracts, each worth USD 1,000,000, and Lirra Labs "
     "raised €5 million from Orbis Capital.", "en"),
    ("- Budget : la société Lirra Labs a levé 5 millions d'euros auprès d'Orbis Capital.", "fr"),
])
def test_a_fields_label_before_a_colon_is_no_party(extract, text, lang):
    names = [p.name for c in extract(text, lang)[0] for p in c.parties]
    assert names and not {"Eligibility", "Budget"} & set(names)


def test_a_round_up_items_heading_line_names_the_firm_and_its_country(extract):
    text = (
        "Deals of the year\n\n"
        "1. Kelp Robotics, Norway (June)\n"
        "Kelp Robotics raised €12m from Orbis Capital for its warehouse robots.\n\n"
        "2. Lirra Labs, Denmark (September)\n"
        "A €7.5m seed round led by Halden Ventures for a legal AI company trained on Danish statutes.\n"
    )
    got = [(parties(c, "investee"), c.amounts[0].amount, c.country_code) for c in extract(text, "en")[0]]
    assert got == [(["Kelp Robotics"], 12e6, "NO"), (["Lirra Labs"], 7.5e6, "DK")]


@pytest.mark.parametrize("second", [
    "Halden Ventures led; Kelp Angels Network and the London-based fund Orvik Seed followed.",
    "Halden Ventures led the round, with Kelp Angels Network and Orvik Seed also taking part.",
])
def test_backers_that_followed_or_took_part_in_the_next_sentence_are_investors(extract, second):
    cands, _ = extract("Lirra Labs closed a €6 million seed round on Monday. " + second, "en")
    (c,) = cands
    assert sorted(parties(c, "investor")) == ["Halden Ventures", "Kelp Angels Network", "Orvik Seed"]


def test_an_opening_across_phrase_and_a_place_adjective_with_a_stop_name_no_party(extract):
    cands, _ = extract(
        "Across Lake Kelvra and a few hundred miles west, Rochester, Minn.-based Lirra Health AI said last "
        "week it had raised $11 million in a seed round led by Halden Ventures.",
        "en",
    )
    assert [parties(c, "investee") for c in cands] == [["Lirra Health AI"]]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Lirra Labs raised $5 million from Halden Ventures, while Kelp Robotics raised $3 million from "
         "Orbis Capital.", "en"),
        ("Lirra Labs a levé 5 millions de dollars lors d'un tour de table mené par Halden Ventures, tandis "
         "qu'à Ankara la jeune pousse Kelp Robotics a récolté 3 millions de dollars auprès d'Orbis Capital.",
         "fr"),
    ],
)
def test_a_contrast_opens_the_clause_of_another_deal(extract, text, lang):
    cands, _ = extract(text, lang)
    deals = of_type(cands, "investment")
    assert [(parties(c, "investee"), parties(c, "investor"), c.amounts[0].amount) for c in deals] == [
        (["Lirra Labs"], ["Halden Ventures"], 5_000_000),
        (["Kelp Robotics"], ["Orbis Capital"], 3_000_000),
    ]


def test_an_amount_after_another_firms_own_verb_is_that_firms(extract):
    # no contrast word: the round noun of the first deal and the second firm's verb both reach the amount
    cands, _ = extract(
        "Lirra Labs a annoncé avoir levé 600 millions de livres turques lors d'un tour de table mené par "
        "Halden Ventures, et à Ankara la jeune pousse Kelp Robotics a récolté le même jour 4 millions de "
        "dollars auprès d'Orbis Capital.",
        "fr",
    )
    assert [(parties(c, "investee"), c.amounts[0].amount) for c in of_type(cands, "investment")] == [
        (["Lirra Labs"], 600_000_000),
        (["Kelp Robotics"], 4_000_000),
    ]


def test_backers_along_with_the_others_invest_too(extract):
    cands, _ = extract(
        "Lirra Labs raised $5 million in a round led by Halden Ventures. Orbis Capital and Kelp Partners "
        "also invested in the round, along with angel investor Priya Raman.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == ["Halden Ventures", "Orbis Capital", "Kelp Partners", "Priya Raman"]


def test_a_person_listed_after_a_marker_in_the_next_sentence_backs_the_round(extract):
    cands, _ = extract(
        "Lirra Labs raised €6 million in a seed round led by Halden Ventures. We're joined by Orbis Capital, "
        "by Kelp Partners, and by Marko Zupan, who founded and sold a cloud company.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == ["Halden Ventures", "Orbis Capital", "Kelp Partners", "Marko Zupan"]


def test_a_person_inside_a_backers_description_is_no_backer(extract):
    cands, _ = extract(
        "Lirra Labs raised €6 million in a round led by Halden Ventures. Orbis Capital also participated, "
        "along with Varde Holding, the investment firm of Kelp co-founder Jonas Berg.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == ["Halden Ventures", "Orbis Capital", "Varde Holding"]


def test_business_angels_listed_after_the_round_with_what_they_did(extract):
    cands, _ = extract(
        "Lirra Labs lève 2 millions d'euros auprès de Halden Ventures. Merci à nos business angels : Jean "
        "Morel, qui a cru en nous quand nous travaillions chez Brivel Robotics, et Claire Dubois, qui nous "
        "accompagne depuis le début.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    # the firm in a relative clause about an angel is what the angel did, not a backer
    assert parties(c, "investor") == ["Halden Ventures", "Jean Morel", "Claire Dubois"]


def test_backers_in_a_relative_clause_about_the_round_back_it(extract):
    cands, _ = extract(
        "Lirra Labs said it had raised €18 million in a Series A round. Halden Ventures led the round, "
        "which also drew Orbis Capital and Kelp Partners, according to a statement.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == ["Halden Ventures", "Orbis Capital", "Kelp Partners"]


def test_accompanied_by_names_a_backer(extract):
    cands, _ = extract(
        "Lirra Labs lève 3 millions d'euros. Le tour est mené par Halden Ventures. Il est accompagné par "
        "la société de capital-risque Orbis Capital.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == ["Halden Ventures", "Orbis Capital"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Les tours précédents avaient permis à Lirra Labs de réunir 105 millions d'euros auprès de Halden "
         "Ventures.", "fr"),
        ("A loan from Orbis Capital helped Lirra Labs to raise $5 million from Halden Ventures.", "en"),
    ],
)
def test_the_firm_a_verb_lets_raise_money_is_the_investee(extract, text, lang):
    cands, _ = extract(text, lang)
    (c,) = of_type(cands, "investment")
    assert (parties(c, "investee"), parties(c, "investor")) == (["Lirra Labs"], ["Halden Ventures"])


def test_an_infinitive_after_vient_de_tells_a_round(extract):
    cands, _ = extract(
        "Le fondateur de Lirra Labs a annoncé que sa société venait de réunir 3 millions d'euros auprès "
        "de Halden Ventures.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    assert (parties(c, "investee"), c.amounts[0].amount) == (["Lirra Labs"], 3_000_000)


@pytest.mark.parametrize(
    "text, buyer",
    [
        ("Lirra Labs Q3 recap: the company ordered 2,000 Nvidia H200 GPUs for €60 million.", "Lirra Labs"),
        ("Kelp Robotics H1 FY2026 results: it bought 512 Nvidia GPUs for €20 million.", "Kelp Robotics"),
    ],
)
def test_a_fiscal_period_is_no_part_of_a_name(extract, text, buyer):
    cands, _ = extract(text, "en")
    assert [parties(c, "buyer") for c in of_type(cands, "chip_purchase")] == [[buyer]]


def test_a_short_name_opening_a_sentence_before_had_and_a_cue_acts(extract):
    cands, _ = extract(
        "Kelp Robotics closed a $12 million round led by Halden Ventures. Kelp Robotics sells tools to "
        "banks, and Kelp Robotics is profitable.\n\nLirra Labs raised $9 million from Orbis Capital. Speech "
        "recognition is the product. Lirra had raised $1.5 million in a pre-seed in 2024.",
        "en",
    )
    assert [parties(c, "investee") for c in of_type(cands, "investment")][-1] == ["Lirra"]


def test_we_in_an_interview_is_the_firm_not_the_chip_maker_it_talks_about(extract):
    cands, _ = extract(
        "Renting GPUs in the far north\n\nNvidia chips are scarce, Nvidia prices are high, and Nvidia "
        "decides.\n\nAnna Berg runs Lirra Labs, an Oslo company that rents GPU capacity.\n\nHow did you fund "
        "it?\n\nIn January we closed a $10 million Series A led by Halden Ventures.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]


def test_a_titles_round_whose_firm_the_text_never_names_again_is_the_bodys(extract):
    cands, _ = extract(
        "Twin Ports startup raises $11 million\n\nKasota Health, a Duluth company that builds triage "
        "tools, has raised $11 million from Halden Ventures.",
        "en",
    )
    assert [parties(c, "investee") for c in of_type(cands, "investment")] == [["Kasota Health"]]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kelp Robotics closed a round last month. A Skopje-based startup that reads land records has "
         "raised €1.5 million from Orbis Capital. The company is Lirra Labs, founded in 2023.", "en"),
        ("Kelp Robotics a bouclé un tour le mois dernier. Une jeune pousse de Skopje a levé 1,5 million "
         "d'euros auprès d'Orbis Capital. La société s'appelle Lirra Labs et compte douze salariés.", "fr"),
    ],
)
def test_a_firm_described_first_and_named_after_raises_the_money(extract, text, lang):
    cands, _ = extract(text, lang)
    assert [parties(c, "investee") for c in of_type(cands, "investment")][-1] == ["Lirra Labs"]


def test_a_wires_unnamed_firm_is_the_one_opening_the_next_sentence(extract):
    cands, _ = extract(
        "Kelp Robotics is the region's best-known start-up.\n\n"
        "TROMSO, Norway, Feb 10 (Reuters) - A Tromso-based company that builds Sami-language models has "
        "raised 18 million euros in a Series A round, it said on Tuesday.\n\nLirra Labs, founded in 2022 "
        "by two researchers, said the money would pay for a larger team.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]


def test_a_word_the_text_writes_as_a_funds_head_is_the_fund_not_the_firm(extract):
    cands, _ = extract(
        "Lirra Labs lève 3 millions d'euros pour surveiller le lagon\n\nC'est une première sur le Rocher. "
        "Fondée il y a trois ans, la jeune pousse a annoncé mercredi avoir levé 3 millions d'euros.\n\n"
        "Lirra Labs traite des images de drones.\n\nLe tour de table est mené par Rocher Capital, un fonds "
        "local.",
        "fr",
    )
    assert [parties(c, "investee") for c in of_type(cands, "investment")] == [["Lirra Labs"], ["Lirra Labs"]]


@pytest.mark.parametrize(
    "text",
    [
        'The Board of Directors of LIRRA LABS S.A. (the "Company") informs investors that the offering '
        "closed.\n\nThe Company issued 35,400,000 new shares, raising gross proceeds of RON 212,400,000.",
        "Company: LIRRA LABS S.A.\n\nFollowing the allocation, our Company has completed its initial public "
        "offering, raising gross proceeds of TL 3,400,000,000.",
        # a term defined by another term: 'issued by the Company (the "Offering")'
        'The management of LIRRA LABS S.A. (the "Company") informs investors that the offering of new '
        'shares issued by the Company (the "Offering") closed.\n\nUnder the Offering, the Company sold '
        "12,400,000 new shares, raising gross proceeds of RON 310,000,000.",
    ],
)
def test_a_filings_defined_term_names_the_firm_it_stands_for(extract, text):
    cands, _ = extract(text, "en")
    assert [parties(c, "investee") for c in of_type(cands, "investment")] == [["LIRRA LABS S.A"]]


def test_a_word_qualifying_an_unnamed_firm_noun_is_no_party(extract):
    # "A Carrow technology company ...": the word before the noun (a town the lexicons may not know)
    # describes a firm the text names elsewhere; it is never the firm
    cands, _ = extract(
        "A Carrow technology company that tracks cargo containers has landed a £8 million funding "
        "round led by Halden Ventures.",
        "en",
    )
    assert not [p for c in cands for p in c.parties if "Carrow" in p.name]
    # French apposition after a name is no qualifier: "fait de X la start-up la plus suivie"
    cands, _ = extract(
        "Tarnow Capital investit 2 millions d'euros dans Brivel Robotique la start-up la plus suivie "
        "de la ville.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Brivel Robotique"]


def test_a_headline_opening_with_a_bare_firm_noun_takes_no_name_after_the_cue(extract):
    # "Carrow AI start-up raises ... as investors bet on Tarvo": the firm is the one the story names,
    # not a name in the clause after the amount (one the story names again)
    cands, _ = extract(
        "Carrow AI start-up raises €18 million as investors bet on Tarvo data niche\n\n"
        "Kelp Robotics, based in Carrow, has raised €18 million from Halden Ventures. Tarvo is a "
        "growing data market.",
        "en",
    )
    invs = of_type(cands, "investment")
    assert invs
    assert all(parties(c, "investee") == ["Kelp Robotics"] for c in invs)


def test_a_firm_opening_a_sentence_with_its_founding_is_a_name(extract):
    # "Kelp, founded in 2023 by ...": a founding apposition makes the opening word a firm, which the
    # next sentence's "it" takes up (not a person named before it)
    cands, _ = extract(
        "Kelp Robotics builds tools.\n\nState secretary Anna Brivel said the plan works. Kelp, founded "
        "in 2023 by three former researchers, employs 41 people. In 2024 it raised a 2.3 million euro "
        "seed round led by Orbis Capital.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Kelp"]


def test_a_firm_name_ending_like_an_adverb_opens_a_sentence_as_a_name(extract):
    # "Bravely, ..." is an adverb; "Kestrely, founded ..." is the firm the text names mid-sentence too
    cands, _ = extract(
        "Orbis Capital said Kestrely would grow.\n\nLirra Labs hired staff, and Lirra Labs opened an office. "
        "Kestrely, founded in 2023 by three former researchers, employs 41 people. In 2024 it raised a "
        "2.3 million euro seed round led by Halden Ventures.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Kestrely"]


def test_a_place_and_a_description_before_a_firm_name_qualify_it(extract):
    # "Carrow chip designer Kelp Semiconductor raises": the place the text names elsewhere qualifies
    # the firm after the description; a grammar word in between ends the description
    cands, _ = extract(
        "Carrow chip designer Kelp Semiconductor raises £9m to build AI processors\n\n"
        "A Carrow company designing processors has raised £9 million from Halden Ventures.",
        "en",
    )
    invs = of_type(cands, "investment")
    assert invs and all(parties(c, "investee") == ["Kelp Semiconductor"] for c in invs)
    cands, _ = extract(
        "Lirra Labs raised $5 million from Orbis Capital and venture firm Halden Ventures.", "en"
    )
    (c,) = of_type(cands, "investment")
    assert sorted(parties(c, "investor")) == ["Halden Ventures", "Orbis Capital"]
    # "led by Central American fund Halden Ventures": a region's adjective qualifies the fund
    cands, _ = extract(
        "Lirra Labs raised $8 million in a round led by Central American fund Halden Ventures.", "en"
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investor") == ["Halden Ventures"]


def test_an_interviews_headline_names_the_firm_in_brackets_after_the_speaker(extract):
    # a section label names no one; "Anna Brivel (Lirra Labs) : « ... »" names the speaker's firm, which
    # the answers' "nous" stands for
    cands, _ = extract(
        "TECH MAGAZINE\n\nEntretien\n\nHery Ravelo (Lirra Labs) : « Nos modèles parlent malgache »\n\n"
        "Tech Magazine : Comment va l'entreprise ?\n\nHery Ravelo : Bien. Nous venons de clôturer une "
        "levée de 2,5 millions de dollars. Elle a été menée par Orbis Capital.",
        "fr",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]


def test_a_pronoun_after_a_ministrys_portfolios_is_no_part_of_its_name(extract):
    cands, _ = extract(
        "Le ministère du Développement numérique, des Postes et des Télécommunications nous a accordé "
        "une subvention de 450 millions d'ariary.",
        "fr",
    )
    (c,) = of_type(cands, "subsidy")
    body = "ministère du Développement numérique, des Postes et des Télécommunications"
    assert parties(c, "grantor") == [body]


def test_names_in_the_relative_clause_of_an_indefinite_subject_do_not_act(extract):
    # "AN Carrow company that builds models for Kelp Systems has secured ...": the firm is the one the
    # next sentence names, not a name inside the description
    cands, _ = extract(
        "AN Carrow artificial intelligence company that builds language models for Kelp Systems, banks "
        "and the legal profession has finally secured £4.1 million from Halden Ventures.\n\nLirra Labs, "
        "which employs 58 people, said the round closed on Wednesday.",
        "en",
    )
    (c,) = of_type(cands, "investment")
    assert parties(c, "investee") == ["Lirra Labs"]


def test_a_firm_named_once_with_its_legal_form_counts_its_short_mentions(extract):
    # "Kelp Robotics SA" once, "Kelp Robotics" elsewhere: "La société" points to it, not to the town
    # the previous sentence names
    cands, _ = extract(
        "Un cloud souverain prend racine à Tarvo.\n\nKelp Robotics boucle un tour de financement. Kelp "
        "Robotics veut grandir.\n\nDans la zone industrielle de Tarvo, rien ne signale la salle blanche. "
        "C'est pourtant là que Kelp Robotics SA compte faire tourner ses modèles. La société, fondée en "
        "2024, a annoncé mardi avoir levé 6,5 millions de francs auprès d'investisseurs privés.",
        "fr",
    )
    raised = [c for c in of_type(cands, "investment") if c.cue == "levé"]
    assert [parties(c, "investee") for c in raised] == [["Kelp Robotics SA"]]
