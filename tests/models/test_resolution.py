"""Name resolution: party names as written meet seed firms and aliases
deterministically (case, accents, legal suffixes, spaces); the rest become
unresolved firms and are kept."""


def _investee(warehouse, name: str) -> str:
    rows = warehouse.sql("select investee_firm_id from marts.fct_investments")
    assert len(rows) == 1, rows
    return rows[0][0]


def test_alias_resolves_to_its_firm(warehouse):
    warehouse.doc("d1").fact("Mistral lève 600 M€.", "investment", [("investee", "Mistral")], [(6e8, "EUR")])
    warehouse.build()
    assert _investee(warehouse, "Mistral") == "mistral-ai"


def test_case_accents_and_suffixes_are_ignored(warehouse):
    d = warehouse.doc("d1")
    d.fact("Le ministère débloque 1 Md¥.", "subsidy",
           [("grantor", "MINISTERE japonais de l’economie"), ("recipient", "Sakana AI, Inc."),
            ("recipient", "softbank corp")], [(1e9, "JPY")])
    warehouse.build()
    assert warehouse.sql("select grantor_firm_id from marts.fct_subsidies") == [("meti",)]
    recipients = warehouse.sql("select recipient_firm_id from marts.bridge_subsidy_recipients order by 1")
    assert recipients == [("sakana-ai",), ("softbank-corp",)]


def test_name_without_spaces_meets_spaced_name(warehouse):
    warehouse.doc("d1").fact("SakanaAI raises $100M.", "investment",
                             [("investee", "SakanaAI")], [(1e8, "USD")])
    warehouse.build()
    assert _investee(warehouse, "SakanaAI") == "sakana-ai"
    kinds = warehouse.sql("select match_kind from intermediate.int_candidate_parties")
    assert kinds == [("compact",)]


def test_shared_key_prefers_exact_name_and_flags_collision(warehouse):
    d = warehouse.doc("d1")
    d.fact("SoftBank Group Corp invests $1bn.", "investment",
           [("investee", "SoftBank Group Corp")], [(1e9, "USD")])
    warehouse.build()
    # "softbank group corp" is the exact name of one firm, though both reduce to "softbank"
    assert _investee(warehouse, "SoftBank Group Corp") == "softbank-group"
    ambiguous = warehouse.sql(
        "select is_ambiguous from intermediate.int_firm_lookup where tier = 2 and lookup_key = 'softbank'")
    assert ambiguous == [(True,)]


def test_no_fuzzy_match(warehouse):
    d = warehouse.doc("d1")
    d.fact("Mistral Capital lève 5 M€.", "investment", [("investee", "Mistral Capital")], [(5e6, "EUR")])
    warehouse.build()
    assert _investee(warehouse, "Mistral Capital") == "unresolved:mistral-capital"


def test_unresolved_firms_are_kept_once_with_the_name_as_written(warehouse):
    d = warehouse.doc("d1")
    d.fact("Zorblax lève 10 M€ auprès d'Acme Capital SAS.", "investment",
           [("investee", "Zorblax"), ("investor", "Acme Capital SAS"), ("investor", "Lightspeed")],
           [(1e7, "EUR")])
    warehouse.doc("d2").fact("Acme Capital backs Quuxo with $3M.", "investment",
                             [("investee", "Quuxo"), ("investor", "Acme Capital")], [(3e6, "USD")])
    warehouse.doc("d3").fact("ACME CAPITAL invests $2M in Frob.", "investment",
                             [("investee", "Frob"), ("investor", "Acme Capital")], [(2e6, "USD")])
    warehouse.build()
    acme = warehouse.dicts("select * from marts.dim_firms where firm_id = 'unresolved:acme-capital'")
    assert len(acme) == 1
    assert acme[0]["is_resolved"] is False
    assert acme[0]["firm_name"] == "Acme Capital"  # the most frequent spelling
    assert acme[0]["document_count"] == 3
    assert acme[0]["country_code"] is None
    unresolved = {r[0] for r in warehouse.sql("select firm_id from marts.dim_firms where not is_resolved")}
    assert unresolved == {"unresolved:acme-capital", "unresolved:zorblax", "unresolved:quuxo",
                          "unresolved:frob"}
    investors = warehouse.sql("""
        select f.firm_id from marts.bridge_investment_investors b
        join marts.fct_investments i using (investment_id)
        join marts.dim_firms f on f.firm_id = b.investor_firm_id
        where i.document_id = 'd1' order by 1""")
    assert investors == [("lightspeed",), ("unresolved:acme-capital",)]


def test_seed_firms_are_in_dim_firms_even_when_unmentioned(warehouse):
    warehouse.doc("d1")
    warehouse.build()
    firms = warehouse.dicts("select * from marts.dim_firms where firm_id = 'bpifrance'")
    assert firms == [{"firm_id": "bpifrance", "firm_name": "Bpifrance", "canonical_name": "Bpifrance",
                      "short_name": None, "country_code": "FR", "firm_kind": "investor", "is_resolved": True,
                      "aliases": [], "names_in_text": [], "mention_count": 0, "document_count": 0}]


def test_public_bodies_are_named_with_their_acronyms(warehouse):
    warehouse.doc("d1")
    warehouse.build()
    rows = dict(warehouse.sql("select firm_id, firm_name from marts.dim_firms "
                              "where firm_id in ('meti', 'mistral-ai', 'nvidia')"))
    assert rows == {"meti": "Ministry of Economy, Trade and Industry (METI)",
                    "mistral-ai": "Mistral AI",  # a company keeps its name
                    "nvidia": "NVIDIA Corporation"}


def test_dim_firms_lists_aliases_and_spellings_seen(warehouse):
    d = warehouse.doc("d1")
    d.fact("Mistral lève 600 M€.", "investment", [("investee", "Mistral")], [(6e8, "EUR")])
    d.fact("MISTRAL AI confirme.", "investment", [("investee", "MISTRAL AI")])
    warehouse.build()
    [row] = warehouse.dicts("select * from marts.dim_firms where firm_id = 'mistral-ai'")
    assert row["aliases"] == ["Mistral"]
    assert row["names_in_text"] == ["MISTRAL AI", "Mistral"]
    assert (row["mention_count"], row["document_count"]) == (2, 1)


def test_short_form_takes_the_firm_of_the_longer_name_in_the_same_document(warehouse):
    d = warehouse.doc("d1")
    d.fact("Zorblax Robotics lève 2,5 milliards de yuans.", "investment",
           [("investee", "Zorblax Robotics")], [(2.5e9, "CNY")])
    d.fact("L'investissement de 340 millions de dollars dans Zorblax...", "investment",
           [("investee", "Zorblax")], [(340e6, "USD")])
    d.fact("Sakana lève 1 M$.", "investment", [("investee", "Sakana")], [(1e6, "USD")])
    d.fact("Sakana AI confirme.", "investment", [("investee", "Sakana AI")])
    warehouse.doc("d2").fact("Zorblax lève 1 M$.", "investment", [("investee", "Zorblax")], [(1e6, "USD")])
    warehouse.build()
    rows = warehouse.sql("select document_id, investee_firm_id, candidate_count "
                         "from marts.fct_investments order by 1, 2")
    assert rows == [("d1", "sakana-ai", 2), ("d1", "unresolved:zorblax-robotics", 2),
                    ("d2", "unresolved:zorblax", 1)]  # never across documents
    kinds = dict(warehouse.sql("select name, match_kind from intermediate.int_candidate_parties "
                               "where document_id = 'd1'"))
    assert kinds["Zorblax"] == "short_name" and kinds["Sakana"] == "short_name"


def test_a_last_word_short_form_takes_the_firm_of_the_longer_name(warehouse):
    d = warehouse.doc("d1")
    d.fact("Zorblax buys more Nvidia chips.", "chip_purchase", [("buyer", "Zorblax")])
    d.fact("Groupe Zorblax has ordered 4,000 GPUs.", "chip_purchase", [("buyer", "Groupe Zorblax")],
           quantity=4000)
    warehouse.build()
    rows = warehouse.sql("select buyer_firm_id, quantity, candidate_count from marts.fct_chip_purchases")
    assert rows == [("unresolved:groupe-zorblax", 4000, 2)]  # one purchase, told twice
