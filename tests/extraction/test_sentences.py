"""Sentence splitting keeps offsets into the text."""

from warehouse.staging.sentences import split_sentences


def test_headline_and_body_sentences():
    text = "Titre sans point final\n\nM. Dupont a parlé. Oct. 3 est loin. La société lève 5 M€ ! Fin"
    got = split_sentences(text)
    assert [s.text for s in got] == [
        "Titre sans point final",
        "M. Dupont a parlé.",
        "Oct. 3 est loin.",
        "La société lève 5 M€ !",
        "Fin",
    ]
    for s in got:
        assert text[s.start : s.end] == s.text


def test_decimal_numbers_do_not_split():
    got = split_sentences("It raised $1.5 billion. Then it paused.")
    assert [s.text for s in got] == ["It raised $1.5 billion.", "Then it paused."]


def test_a_run_on_line_is_cut_into_pieces():
    text = "Kalmar lève des fonds, " * 200
    got = split_sentences(text)
    assert len(got) > 1
    assert all(len(s.text) <= 1000 for s in got)
    for s in got:
        assert text[s.start : s.end] == s.text


def test_a_letter_naming_a_round_ends_a_sentence_an_initial_does_not():
    text = "Varnel closed a Series A. Orbis led it. Le tour de série B. Il suit."
    texts = [s.text for s in split_sentences(text)]
    assert texts == ["Varnel closed a Series A.", "Orbis led it.", "Le tour de série B.", "Il suit."]
    texts = [s.text for s in split_sentences("He met J. Smith. Then left.")]
    assert texts == ["He met J. Smith.", "Then left."]


def test_a_list_items_number_opens_its_sentence():
    text = "The company said:\n\n1. ORDER: It has placed an order. The order is large.\nb. Then it paused."
    texts = [s.text for s in split_sentences(text)]
    assert texts == [
        "The company said:",
        "1. ORDER: It has placed an order.",
        "The order is large.",
        "b. Then it paused.",
    ]
