"""Merging restatements: the sentences of one deal in one document become one
fact; different deals, parties or documents stay apart; ids are stable."""

INVESTMENTS = "select * from marts.fct_investments order by announced_on nulls first, amount"


def _mistral_round(doc):
    doc.fact("Mistral AI lève 600 millions d'euros.", "investment",
             [("investee", "Mistral AI"), ("investor", "General Catalyst")], [(600e6, "EUR")],
             country="FR", announced_on="2024-06-11")
    doc.fact("Mistral raises $640 million led by Lightspeed.", "investment",
             [("investee", "Mistral"), ("investor", "Lightspeed")], [(640e6, "USD")],
             valuations=[(6e9, "USD")])


def test_one_round_stated_in_two_currencies_is_one_fact(warehouse):
    _mistral_round(warehouse.doc("d1", "2024-06-12"))
    warehouse.build()
    rows = warehouse.dicts(INVESTMENTS)
    assert len(rows) == 1
    fact = rows[0]
    assert fact["candidate_count"] == 2
    # the earliest sentence with an amount is the evidence, its amount as stated
    assert fact["evidence"] == "Mistral AI lève 600 millions d'euros."
    assert (fact["amount"], fact["currency_code"]) == (600e6, "EUR")
    assert fact["valuation_usd"] == 6e9
    investors = warehouse.sql("select investor_firm_id from marts.bridge_investment_investors order by 1")
    assert investors == [("lightspeed",), ("unresolved:general-catalyst",)]


def test_sentence_without_amount_joins_the_current_deal_not_the_background_one(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    _mistral_round(d)
    d.fact("La start-up avait levé 105 millions d'euros en 2023.", "investment",
           [("investee", "Mistral AI"), ("investor", "Lightspeed Venture Partners")], [(105e6, "EUR")],
           announced_on="2023-06-01", background=True)
    d.fact("Mistral AI compte aussi Bpifrance à son capital.", "investment",
           [("investee", "Mistral AI"), ("investor", "Bpifrance")])
    warehouse.build()
    rows = warehouse.dicts(INVESTMENTS)
    assert [(r["amount"], r["is_background"], r["candidate_count"]) for r in rows] == [
        (105e6, True, 1), (600e6, False, 3)]
    by_amount = {r["amount"]: r["investment_id"] for r in rows}
    investors = warehouse.sql(
        "select investor_firm_id from marts.bridge_investment_investors where investment_id = ? order by 1",
        [by_amount[600e6]])
    assert investors == [("bpifrance",), ("lightspeed",), ("unresolved:general-catalyst",)]


def test_amounts_more_than_15_percent_apart_stay_apart(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    d.fact("Mistral AI lève 100 millions de dollars.", "investment", [("investee", "Mistral AI")],
           [(100e6, "USD")])
    d.fact("Mistral AI lève 114 millions de dollars.", "investment", [("investee", "Mistral AI")],
           [(114e6, "USD")])
    d.fact("Mistral AI lève 140 millions de dollars.", "investment", [("investee", "Mistral AI")],
           [(140e6, "USD")])
    warehouse.build()
    assert warehouse.sql("select amount, candidate_count from marts.fct_investments order by 1") == [
        (100e6, 2), (140e6, 1)]


def test_different_parties_and_documents_do_not_merge(warehouse):
    d1 = warehouse.doc("d1", "2024-06-12")
    d1.fact("Mistral AI lève 100 M$.", "investment", [("investee", "Mistral AI")], [(100e6, "USD")])
    d1.fact("Sakana AI lève 100 M$.", "investment", [("investee", "Sakana AI")], [(100e6, "USD")])
    warehouse.doc("d2", "2024-06-12").fact("Mistral AI lève 100 M$.", "investment",
                                           [("investee", "Mistral AI")], [(100e6, "USD")])
    warehouse.build()
    rows = warehouse.sql("select document_id, investee_firm_id from marts.fct_investments order by 1, 2")
    assert rows == [("d1", "mistral-ai"), ("d1", "sakana-ai"), ("d2", "mistral-ai")]


def test_subsidy_sentences_merge_on_the_granting_country(warehouse):
    d = warehouse.doc("d1", "2024-04-19")
    d.fact("Le METI débloque 114,6 milliards de yens (740 millions de dollars).", "subsidy",
           [("grantor", "METI"), ("recipient", "SoftBank Corp."), ("recipient", "Highreso")],
           [(114.6e9, "JPY"), (740e6, "USD")])
    d.fact("Le gouvernement japonais soutient aussi KDDI.", "subsidy",
           [("grantor", "gouvernement japonais"), ("recipient", "KDDI")], country="JP")
    warehouse.build()
    rows = warehouse.dicts("select * from marts.fct_subsidies")
    assert len(rows) == 1
    assert rows[0]["grantor_country_code"] == "JP"
    assert rows[0]["grantor_name"] == "METI"
    assert (rows[0]["amount"], rows[0]["currency_code"]) == (114.6e9, "JPY")
    recipients = warehouse.sql("select recipient_firm_id from marts.bridge_subsidy_recipients order by 1")
    assert recipients == [("softbank-corp",), ("unresolved:highreso",), ("unresolved:kddi",)]


def test_a_grant_shared_out_to_each_firm_is_one_fact_per_firm(warehouse):
    # "A et B recevront chacune 4 M€": same grantor, same amount, two grants
    d = warehouse.doc("d1", "2024-04-19")
    for name in ("Mistral AI", "Scaleway"):
        d.fact("Mistral AI et Scaleway recevront chacune 4 millions d'euros de l'État.", "subsidy",
               [("grantor", "État"), ("recipient", name, "each")], [(4e6, "EUR")], country="FR")
    # a restatement naming no recipient still joins a grant
    d.fact("L'aide de 4 millions d'euros sera versée en 2025.", "subsidy", [("grantor", "État")],
           [(4e6, "EUR")], country="FR")
    warehouse.build()
    rows = warehouse.sql("select s.subsidy_id, b.recipient_firm_id from marts.fct_subsidies s "
                         "join marts.bridge_subsidy_recipients b using (subsidy_id) order by 2")
    assert [firm for _, firm in rows] == ["mistral-ai", "scaleway"]
    assert rows[0][0] != rows[1][0]


def test_grants_given_respectively_at_near_amounts_are_one_fact_per_firm(warehouse):
    # "A et B reçoivent respectivement 200 et 180 millions": within 15 % of each other, yet two grants
    d = warehouse.doc("d1", "2024-04-19")
    for name, amount in (("Mistral AI", 200e6), ("Scaleway", 180e6)):
        d.fact("Mistral AI et Scaleway reçoivent respectivement 200 et 180 millions d'euros.", "subsidy",
               [("grantor", "État"), ("recipient", name, "respectively")], [(amount, "EUR")], country="FR")
    warehouse.build()
    rows = warehouse.sql("select b.recipient_firm_id, s.amount from marts.fct_subsidies s "
                         "join marts.bridge_subsidy_recipients b using (subsidy_id) order by 1")
    assert rows == [("mistral-ai", 200e6), ("scaleway", 180e6)]


def test_bodies_that_each_give_an_amount_give_one_grant_each(warehouse):
    # "Bavaria and the federal ministry will each contribute €25 million": one country, two grants
    d = warehouse.doc("d1", "2024-04-19")
    for grantor in ("Free State of Bavaria", "Federal Ministry of Research"):
        d.fact("Bavaria and the federal ministry will each contribute €25 million to LRZ.", "subsidy",
               [("grantor", grantor, "each"), ("recipient", "LRZ")], [(25e6, "EUR")], country="DE")
    warehouse.build()
    assert warehouse.sql("select count(*) from marts.fct_subsidies") == [(2,)]


def test_grantor_named_by_its_country_gives_the_country(warehouse):
    warehouse.doc("d1").fact("Japan grants ¥10bn to Sakana AI.", "subsidy",
                             [("grantor", "Japan"), ("recipient", "Sakana AI")], [(10e9, "JPY")])
    warehouse.doc("d2").fact("Le gouvernement japonais accorde 5 Md¥ à Mistral.", "subsidy",
                             [("grantor", "gouvernement japonais"), ("recipient", "Mistral")],
                             [(5e9, "JPY")], country="FR")
    warehouse.doc("d3").fact("La France débloque 1 Md€.", "subsidy", [("grantor", "la France")],
                             [(1e9, "EUR")])
    warehouse.build()
    rows = warehouse.sql("select document_id, grantor_country_code from marts.fct_subsidies order by 1")
    # the country in the grantor's name beats the text's country and the recipient's
    assert rows == [("d1", "JP"), ("d2", "JP"), ("d3", "FR")]


def test_chip_orders_merge_on_quantity(warehouse):
    d = warehouse.doc("d1", "2025-02-10")
    d.fact("Scaleway commande 3 000 GPU H100 à Nvidia.", "chip_purchase",
           [("buyer", "Scaleway"), ("vendor", "Nvidia")], quantity=3000, chip_model="H100")
    d.fact("Scaleway orders 3,000 Nvidia H100 chips.", "chip_purchase",
           [("buyer", "Scaleway")], quantity=3000)
    d.fact("Scaleway vise 5 000 GPU d'ici 2026.", "chip_purchase", [("buyer", "Scaleway")], quantity=5000)
    warehouse.build()
    rows = warehouse.dicts("select * from marts.fct_chip_purchases order by quantity")
    assert [(r["quantity"], r["candidate_count"]) for r in rows] == [(3000, 2), (5000, 1)]
    assert rows[0]["vendor_firm_id"] == "nvidia"
    assert rows[0]["chip_model"] == "H100"
    assert rows[0]["country_code"] == "FR"  # no country in the text: the buyer's home country


def test_facts_without_any_party_stay_out_of_the_marts(warehouse):
    warehouse.doc("d1", "2024-06-12").fact("Un tour de 5 millions d'euros a été bouclé.", "investment",
                                           amounts=[(5e6, "EUR")])
    warehouse.build()
    assert warehouse.sql("select count(*) from marts.fct_investments") == [(0,)]
    assert warehouse.sql("select is_complete from intermediate.int_facts") == [(False,)]


def test_fact_ids_are_stable_across_builds(warehouse):
    _mistral_round(warehouse.doc("d1", "2024-06-12"))
    warehouse.doc("d2", "2024-04-19").fact("Le METI débloque 1 Md¥.", "subsidy", [("grantor", "METI")],
                                           [(1e9, "JPY")])
    warehouse.build()
    first = warehouse.sql("select investment_id from marts.fct_investments union all "
                          "select subsidy_id from marts.fct_subsidies order by 1")
    warehouse.build()
    again = warehouse.sql("select investment_id from marts.fct_investments union all "
                          "select subsidy_id from marts.fct_subsidies order by 1")
    assert first == again and len(first) == 2


def test_every_merged_sentence_traces_to_its_fact(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    _mistral_round(d)
    d.fact("Un tour de 5 millions d'euros a été bouclé.", "investment", amounts=[(5e6, "EUR")])
    warehouse.build()
    rows = warehouse.sql("""
        select b.candidate_id, b.is_evidence, b.fact_id = i.investment_id
        from marts.bridge_fact_candidates b join marts.fct_investments i on i.document_id = b.document_id
        order by b.sentence_start""")
    # the incomplete fact (no party) is not in the marts, nor are its sentences
    assert rows == [("d1:0", True, True), ("d1:38", False, True)]


def test_country_is_the_text_s_else_the_firm_s_but_a_project_stays_where_it_is(warehouse):
    d = warehouse.doc("d1", "2025-02-10")
    d.fact("Scaleway investit 1 Md€ en Inde.", "investment", [("investee", "Scaleway")], [(1e9, "EUR")],
           country="IN")
    d.fact("Mistral AI lève 100 M€.", "investment", [("investee", "Mistral AI")], [(1e8, "EUR")])
    d.fact("Stargate, doté de 500 milliards de dollars, ...", "investment", [("investee", "Stargate")],
           [(500e9, "USD")], country="FR")
    warehouse.build()
    rows = warehouse.sql("select investee_firm_id, country_code from marts.fct_investments order by 1")
    assert rows == [("mistral-ai", "FR"), ("scaleway", "IN"), ("stargate", "US")]


def test_valuation_of_the_round_in_its_sentence_or_the_next(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    d.fact("Sakana AI raises $100M.", "investment", [("investee", "Sakana AI"), ("investor", "Lightspeed")],
           [(100e6, "USD")])
    d.valuation_sentence("That round valued the company at $1 billion.", [(1e9, "USD")])
    d.fact("Mistral AI lève 600 M€.", "investment", [("investee", "Mistral AI")], [(600e6, "EUR")])
    d.fact("Scaleway lève 50 M€ pour une valorisation de 2 Md$.", "investment", [("investee", "Scaleway")],
           [(50e6, "EUR")], valuations=[(2e9, "USD")])
    d.fact("Bpifrance investira 1 Md€ dans ses propres centres.", "investment",
           [("investee", "Bpifrance"), ("investor", "Bpifrance")], [(1e9, "EUR")])
    d.valuation_sentence("Mistral AI serait valorisée 6 Md$.", [(6e9, "USD")])
    warehouse.build()
    rows = dict(warehouse.sql("select investee_firm_id, valuation_usd from marts.fct_investments"))
    # Mistral's next sentence states another deal; Bpifrance spends its own money
    assert rows == {"sakana-ai": 1e9, "mistral-ai": None, "scaleway": 2e9, "bpifrance": None}


def test_chip_order_takes_its_price_from_any_of_its_sentences(warehouse):
    d = warehouse.doc("d1", "2025-02-10")
    d.fact("Scaleway commande 3 000 GPU H100 à Nvidia.", "chip_purchase",
           [("buyer", "Scaleway"), ("vendor", "Nvidia")], quantity=3000)
    d.fact("La commande de Scaleway coûte 100 millions de dollars.", "chip_purchase",
           [("buyer", "Scaleway")], [(100e6, "USD")])
    warehouse.build()
    rows = warehouse.sql("select quantity, amount, currency_code, amount_usd, candidate_count, evidence "
                         "from marts.fct_chip_purchases")
    assert rows == [(3000, 100e6, "USD", 100e6, 2, "Scaleway commande 3 000 GPU H100 à Nvidia.")]


def test_investee_is_its_own_investor_only_in_its_own_spending_plan(warehouse):
    d = warehouse.doc("d1", "2024-06-12")
    d.fact("Scaleway investira 1 Md€ dans ses centres.", "investment",
           [("investee", "Scaleway"), ("investor", "Scaleway")], [(1e9, "EUR")])
    d.fact("Mistral AI lève 600 M€ auprès de Bpifrance.", "investment",
           [("investee", "Mistral AI"), ("investor", "Bpifrance")], [(600e6, "EUR")])
    d.fact("L'investissement de 640 M$ dans Mistral AI...", "investment",
           [("investee", "Mistral AI"), ("investor", "Mistral AI")], [(640e6, "USD")])
    warehouse.build()
    rows = warehouse.sql("""
        select i.investee_firm_id, b.investor_firm_id from marts.bridge_investment_investors b
        join marts.fct_investments i using (investment_id) order by 1, 2""")
    assert rows == [("mistral-ai", "bpifrance"), ("scaleway", "scaleway")]


def test_a_body_granting_abroad_takes_the_text_country(warehouse):
    warehouse.doc("d1").fact("Le METI débloque 1 Md¥ à Lyon.", "subsidy", [("grantor", "METI")],
                             amounts=[(1e9, "JPY")], country="FR", rule="subsidy:named_actor",
                             flags=["abroad"])
    warehouse.doc("d2").fact("Le METI débloque 2 Md¥.", "subsidy", [("grantor", "METI")],
                             amounts=[(2e9, "JPY")], country="FR", rule="subsidy:named_actor")
    warehouse.build()
    rows = warehouse.sql("""select d.file_name, s.grantor_country_code from marts.fct_subsidies s
                            join marts.dim_documents d using (document_id) order by 1""")
    assert rows == [("d1.txt", "FR"), ("d2.txt", "JP")]

