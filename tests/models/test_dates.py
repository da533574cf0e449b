"""A fact's date: the text's when it gives one, else the day the article's lead gives its news, else
its article's publication date; a deal the article only recalls from the past stays undated rather
than take the article's date."""

QUERY = "select announced_on::varchar as day, date_precision, date_source from marts.fct_investments"


def test_the_text_date_wins_over_the_article_date(warehouse):
    warehouse.doc("d1", "2024-06-12").fact(
        "Mistral AI a levé 600 millions d'euros le 11 juin.", "investment",
        [("investee", "Mistral AI")], [(600e6, "EUR")], announced_on="2024-06-11")
    warehouse.build()
    assert warehouse.dicts(QUERY) == [{"day": "2024-06-11", "date_precision": "day", "date_source": "text"}]


def test_an_undated_fact_takes_its_article_date(warehouse):
    warehouse.doc("d1", "2024-06-12").fact(
        "Sakana AI raises $100 million.", "investment", [("investee", "Sakana AI")], [(100e6, "USD")])
    warehouse.build()
    expected = {"day": "2024-06-12", "date_precision": "day", "date_source": "article"}
    assert warehouse.dicts(QUERY) == [expected]


def test_a_background_deal_stays_undated(warehouse):
    warehouse.doc("d1", "2024-06-12").fact(
        "Sakana AI had raised $30 million before.", "investment", [("investee", "Sakana AI")],
        [(30e6, "USD")], background=True)
    warehouse.build()
    assert warehouse.dicts(QUERY) == [{"day": None, "date_precision": None, "date_source": None}]


def test_an_article_without_a_date_leaves_its_facts_undated(warehouse):
    warehouse.doc("d1", None).fact(
        "Sakana AI raises $100 million.", "investment", [("investee", "Sakana AI")], [(100e6, "USD")])
    warehouse.build()
    assert warehouse.dicts(QUERY) == [{"day": None, "date_precision": None, "date_source": None}]


def test_the_lead_dates_a_fact_its_sentences_do_not(warehouse):
    warehouse.doc("d1", "2024-06-12").fact(
        "Sakana AI raises $100 million.", "investment", [("investee", "Sakana AI")], [(100e6, "USD")],
        announced_on="2024-06-10", date_source="lead")
    warehouse.build()
    assert warehouse.dicts(QUERY) == [{"day": "2024-06-10", "date_precision": "day", "date_source": "lead"}]


def test_a_sentence_of_the_fact_dates_it_before_the_lead(warehouse):
    # the headline takes the lead's day; the story further down says when this deal was announced
    doc = warehouse.doc("d1", "2024-06-12")
    doc.fact("Sakana AI raises $100 million", "investment", [("investee", "Sakana AI")], [(100e6, "USD")],
             announced_on="2024-06-10", date_source="lead")
    doc.fact("Sakana AI said on 7 June it had raised $100 million.", "investment",
             [("investee", "Sakana AI")], [(100e6, "USD")], announced_on="2024-06-07")
    warehouse.build()
    assert warehouse.dicts(QUERY) == [{"day": "2024-06-07", "date_precision": "day", "date_source": "text"}]


def test_a_sentence_with_another_amount_does_not_date_the_fact(warehouse):
    # the preliminary $450 million "announced in August" is grouped with the final award but does not
    # date it
    doc = warehouse.doc("d1", "2024-12-23")
    doc.fact("Commerce finalized a grant of $458 million for SK hynix.", "subsidy",
             [("grantor", "Commerce"), ("recipient", "SK hynix")], [(458e6, "USD")], country="US")
    doc.fact("Commerce had announced a preliminary award of $450 million in August.", "subsidy",
             [("grantor", "Commerce"), ("recipient", "SK hynix")], [(450e6, "USD")], country="US",
             announced_on="2024-08-01")
    warehouse.build()
    got = warehouse.dicts("select announced_on::varchar as day, date_source from marts.fct_subsidies")
    assert got == [{"day": "2024-12-23", "date_source": "article"}]
