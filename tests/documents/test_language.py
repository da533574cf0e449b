"""French or English, on sentences written for these tests."""

import pytest
from warehouse.staging.language import detect


@pytest.mark.parametrize("sentence", [
    "La mairie a voté une aide pour les commerces du centre-ville.",
    "Selon la direction, l’usine ouvrira ses portes avant l’été.",
    "Il n'y a pas eu de réponse du ministère.",
    "Le fonds investit dans trois jeunes pousses.",
])
def test_french(sentence):
    assert detect(sentence) == "fr"


@pytest.mark.parametrize("sentence", [
    "The council voted for a grant to the shops in the town centre.",
    "According to the company, the plant will open before the summer.",
    "There was no answer from the ministry.",
    "The fund invests in three young companies.",
])
def test_english(sentence):
    assert detect(sentence) == "en"


def test_english_text_quoting_french_names_stays_english():
    text = ("The Banque publique d'investissement said it would lend the money, "
            "and the Caisse des dépôts will join the round later this year.")
    assert detect(text) == "en"


def test_no_stop_words_falls_back_on_letters():
    assert detect("Nvidia H100 GPU") == "en"
    assert detect("Crédit Agricole Écoles") == "fr"
    assert detect("") == "en"


def test_deterministic():
    text = "Le fonds and the bank ont signé un accord."
    assert len({detect(text) for _ in range(5)}) == 1
