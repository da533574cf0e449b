"""Deals across documents: the reports of one deal share a deal_id, in any language or currency;
different deals of one firm stay apart; ids do not move when documents are added or rebuilt."""

from __future__ import annotations

DEAL_OF = """
select d.file_name, f.deal_id
from marts.fct_investments f join marts.dim_documents d using (document_id)
order by d.file_name, f.amount
"""


def _round_fr(w, doc_id="fr1", published="2024-06-12"):
    w.doc(doc_id, published).fact("Mistral AI lève 600 millions d'euros.", "investment",
                                  [("investee", "Mistral AI")], [(600e6, "EUR")], announced_on="2024-06-11")


def _round_en(w, doc_id="en1", published="2024-06-13"):
    w.doc(doc_id, published, "en").fact("Mistral raises $640 million.", "investment",
                                        [("investee", "Mistral")], [(640e6, "USD")])


def deal_ids(w) -> dict[str, str]:
    return {name: deal for name, deal in w.sql(DEAL_OF)}


def test_one_round_reported_in_two_languages_and_currencies_is_one_deal(warehouse):
    _round_fr(warehouse)
    _round_en(warehouse)
    warehouse.build()
    ids = deal_ids(warehouse)
    assert ids["fr1.txt"] == ids["en1.txt"]
    deal = warehouse.dicts("select * from marts.fct_deals")
    assert len(deal) == 1
    assert deal[0]["document_count"] == 2
    assert deal[0]["main_firm_id"] == "mistral-ai"
    assert deal[0]["first_document_id"] == "fr1"
    assert str(deal[0]["announced_on"]) == "2024-06-11"
    bridge = warehouse.sql("select document_id from marts.bridge_deal_documents order by 1")
    assert bridge == [("en1",), ("fr1",)]


def test_two_rounds_of_one_firm_stay_two_deals(warehouse):
    _round_fr(warehouse)
    warehouse.doc("old", "2023-07-01").fact("Mistral AI a levé 105 millions d'euros.", "investment",
                                            [("investee", "Mistral AI")], [(105e6, "EUR")])
    warehouse.build()
    assert len(set(deal_ids(warehouse).values())) == 2


def test_same_amount_a_year_apart_is_another_deal(warehouse):
    for doc_id, day in (("a", "2023-03-01"), ("b", "2024-09-01")):
        warehouse.doc(doc_id, day).fact("Sakana AI raises $100 million.", "investment",
                                        [("investee", "Sakana AI")], [(100e6, "USD")], announced_on=day)
    warehouse.build()
    assert len(set(deal_ids(warehouse).values())) == 2


def test_each_recipient_grant_is_its_own_deal(warehouse):
    for doc_id, recipient in (("g1", "Mistral AI"), ("g2", "Scaleway")):
        warehouse.doc(doc_id, "2024-05-02").fact(
            f"L'État accorde 10 millions d'euros à {recipient}.", "subsidy",
            [("grantor", "État"), ("recipient", recipient)], [(10e6, "EUR")], country="FR")
    warehouse.doc("g3", "2024-05-03").fact(
        "France grants €10 million to Scaleway.", "subsidy",
        [("grantor", "France"), ("recipient", "Scaleway")], [(10e6, "EUR")], country="FR")
    warehouse.build()
    rows = warehouse.sql("""select d.file_name, s.deal_id from marts.fct_subsidies s
                            join marts.dim_documents d using (document_id) order by 1""")
    ids = dict(rows)
    assert ids["g2.txt"] == ids["g3.txt"] != ids["g1.txt"]


def test_deal_ids_survive_new_documents_and_rebuilds(warehouse):
    _round_fr(warehouse)
    _round_en(warehouse)
    warehouse.build()
    before = deal_ids(warehouse)
    warehouse.build()
    assert deal_ids(warehouse) == before
    # later articles: another report of the same round, and unrelated deals
    _round_en(warehouse, "en2", "2024-07-01")
    warehouse.doc("other", "2024-08-01", "en").fact("Sakana AI raises $100 million.", "investment",
                                                    [("investee", "Sakana AI")], [(100e6, "USD")])
    warehouse.build()
    after = deal_ids(warehouse)
    assert {k: after[k] for k in before} == before
    assert after["en2.txt"] == before["fr1.txt"]
    assert after["other.txt"] != before["fr1.txt"]


def test_a_subsidiary_named_after_its_parent_reports_the_parents_deal(warehouse):
    # articles say "Kestrel" or "Kestrel Cloud" for one order: the seed firms are one group
    warehouse.doc("p", "2025-10-31", "en").fact("Kestrel will buy 60,000 Nvidia GPUs.", "chip_purchase",
                                                 [("buyer", "Kestrel"), ("vendor", "Nvidia")], quantity=60000)
    warehouse.doc("s", "2025-11-01", "en").fact("Kestrel Cloud orders 60,000 Nvidia GPUs.", "chip_purchase",
                                                 [("buyer", "Kestrel Cloud"), ("vendor", "Nvidia")],
                                                 quantity=60000)
    # a subsidiary's other order stays its own deal
    warehouse.doc("o", "2025-11-02", "en").fact("Kestrel Cloud orders 3,000 AMD GPUs.", "chip_purchase",
                                                 [("buyer", "Kestrel Cloud"), ("vendor", "AMD")],
                                                 quantity=3000)
    warehouse.build()
    ids = dict(warehouse.sql("""select d.file_name, c.deal_id from marts.fct_chip_purchases c
                                join marts.dim_documents d using (document_id)"""))
    assert ids["p.txt"] == ids["s.txt"] != ids["o.txt"]
    groups = dict(warehouse.sql("select firm_id, group_firm_id from intermediate.int_firm_groups "
                                "where firm_id in ('kestrel', 'kestrel-cloud', 'nvidia')"))
    assert groups == {"kestrel": "kestrel", "kestrel-cloud": "kestrel", "nvidia": "nvidia"}


def test_a_ministry_no_seed_names_buys_for_its_state(warehouse):
    # one tender told as a seeded ministry's purchase in one article, as another ministry's in another
    warehouse.doc("seeded", "2025-01-30", "en").fact(
        "METI will buy 10,000 GPUs.", "chip_purchase", [("buyer", "METI")], quantity=10000, country="JP")
    warehouse.doc("unseeded", "2025-01-31", "en").fact(
        "The Digital Agency will buy 10,000 GPUs.", "chip_purchase",
        [("buyer", "Digital Agency", "public_body")], quantity=10000, country="JP")
    # a firm no seed names is no state, even with the same count
    warehouse.doc("firm", "2025-01-31", "en").fact(
        "Kestrel Compute will buy 10,000 GPUs.", "chip_purchase", [("buyer", "Kestrel Compute")],
        quantity=10000, country="JP")
    warehouse.build()
    ids = dict(warehouse.sql("""select d.file_name, c.deal_id from marts.fct_chip_purchases c
                                join marts.dim_documents d using (document_id)"""))
    assert ids["seeded.txt"] == ids["unseeded.txt"] != ids["firm.txt"]
