"""The quick tests run before a pattern (`Mentions.may_start` over a `vocabulary._head_automaton`) say
no only where the pattern finds nothing: the same facts, faster. Sentences are our own."""

import pytest
from warehouse.staging.chips import find_quantities, model_regex
from warehouse.staging.mentions import Mentions
from warehouse.staging.people import titled
from warehouse.staging.vocabulary import (
    _any_sentence_flag,
    _flag_automaton,
    _media,
    _media_automaton,
    _model_automaton,
    _origin_automaton,
    _origins,
    _relative_days,
    _relday_automaton,
    _title_words,
    _unit_automaton,
)

TEXTS = [
    "Hier, X a annoncé mardi qu'il lèvera aujourd’hui ; on Tuesday, Y said yesterday it would raise today.",
    "Le groupe a démenti ; l’opérateur a  nié, dément les rumeurs. X denied a report, calling it untrue.",
    "It is mulling a deal, sources said; the company can buy them, rumored. Il n'a pas été confirmé.",
    "Issue de l'EPFL, X; deux anciens chercheurs de l'Inria; former Google engineers; ex-employés de Meta, Y",
    "Ce que X a levé, what Y raised, ce qu’il investit: a free relative; spun out of Oxford; née chez Z.",
    "Selon le ministre délégué au Numérique, Clara Chappaz, et le CEO Arthur Mensch, l’ex-président X.",
    "Chief Executive Officer Lila Moreno and co-founder Jean Roussel; chaired by Akira Tanabe, M. Dupont.",
    "Its ceo, the Dr. Tanabe, the président-directeur général and the porte-parole; xceo and ministrex.",
    "ſenior miniſtre Jean, İnvestor and dıirecteur X: letters the engine folds though str.lower does not.",
    "Le quotidien Les Echos affirme que X aurait commandé 5 000 GPU H100, selon l'agence Reuters.",
    "Quanta Labs denied a report that it will buy 10,000 Nvidia H200s; the deal was cancelled, sources say.",
    "L’opérateur a démenti : il n’a pas acquis 2 000 puces. Plans to buy 18 693 GPUs and 640 H100 chips.",
    "No title, marker or unit at all in this sentence about Quanta Labs and Orbis Capital raising money.",
]


class Doc(Mentions):
    def __init__(self, text):
        self.text, self._head_starts, self._folded = text, {}, None


def _windows(text, width=60):
    for lo in range(len(text)):
        for hi in range(lo + 1, min(len(text), lo + width) + 1):
            yield lo, hi


@pytest.mark.parametrize("text", TEXTS)
def test_a_stretch_without_a_title_start_is_never_titled(text):
    doc = Doc(text)
    for lo, hi in _windows(text):
        if not doc.may_title(lo, hi):
            assert _title_words().search(text[lo:hi]) is None, (lo, hi)
            assert not titled(text, lo, hi), (lo, hi)


@pytest.mark.parametrize("text", TEXTS)
def test_a_stretch_without_a_media_word_or_chip_model_start_has_none(text):
    doc = Doc(text)
    for lo, hi in _windows(text):
        if not doc.may_start(_media_automaton(), lo, hi):
            assert _media().search(text[lo:hi]) is None, (lo, hi)
        if not doc.may_start(_model_automaton(), lo, hi):
            assert model_regex().search(text, lo, hi) is None, (lo, hi)
        if not doc.may_start(_origin_automaton(), lo, hi):
            assert _origins().search(text[lo:hi]) is None, (lo, hi)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("text", TEXTS)
def test_a_stretch_without_a_unit_or_model_counts_no_chips(text, language):
    doc = Doc(text)
    for lo, hi in _windows(text, 100):
        if not doc.may_start(_unit_automaton(), lo, hi, word_start=False):
            assert find_quantities(text, language, lo, hi) == [], (lo, hi)


def test_the_quick_tests_say_no_somewhere():
    doc = Doc(TEXTS[-1])
    assert not doc.may_title(0, len(TEXTS[-1]))
    assert not doc.may_start(_unit_automaton(), 0, len(TEXTS[-1]), word_start=False)
    unsure = next(t for t in TEXTS if "ſ" in t)  # a character str.lower does not fold
    assert Doc(unsure).may_title(0, 5)
    assert Doc("a  démenti").may_start(_flag_automaton("fr"), 0, 3)  # two spaces: unsure


@pytest.mark.parametrize("text", [
    "Le gouvernement du Québec et la Région Grand Est, le canton de Vaud, State of Bavaria, Government of X.",
    "xgouvernement du Québec; Régions de France, Conseil régional d'Occitanie, Province of Ontario",
    "Etat de New York, État du Texas, the State Council, government of Japan Gouvernement du Gabon",
])
def test_the_government_names_are_those_of_the_plain_scan(text):
    from warehouse.staging.mentions import _GOV_BEFORE_NAME

    plain = [(m.span(), m.groups()) for m in _GOV_BEFORE_NAME.finditer(text)]
    assert [(m.span(), m.groups()) for m in Doc(text)._gov_before_name()] == plain
    assert plain


@pytest.mark.parametrize("text", TEXTS)
def test_the_free_relative_test_is_the_pattern(text):
    from warehouse.staging.extract import _FREE_RELATIVE, _free_relative

    for lo, hi in _windows(text):
        assert _free_relative(text[lo:hi]) == (_FREE_RELATIVE.search(text[lo:hi]) is not None), (lo, hi)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("text", TEXTS)
def test_a_stretch_without_a_sentence_marker_or_day_word_start_has_none(text, language):
    doc = Doc(text)
    for lo, hi in _windows(text, 100):
        if not doc.may_start(_flag_automaton(language), lo, hi):
            assert _any_sentence_flag(language).search(text[lo:hi]) is None, (lo, hi)
        if not doc.may_start(_relday_automaton(language), lo, hi):
            assert _relative_days(language)[0].search(text[lo:hi]) is None, (lo, hi)


@pytest.mark.parametrize("text", [
    *TEXTS,
    "Hello world. Hello again, Mistral-AI & Co. said Hello; «Kalis» lève. Kalis-based X, AT&T.",
    # a sentence cut mid-word
    "A" * 1500 + " Beta Gamma. Gamma\nIntro: Quanta & Labs\nQuanta Labs raised. Labs",
])
def test_the_mid_sentence_words_are_looked_up_as_the_set_has_them(text):
    import re

    from warehouse.staging.extract import _DocContext
    from warehouse.staging.sentences import split_sentences

    doc = _DocContext.__new__(_DocContext)
    doc.text, doc.sentences, doc._sentence_starts = text, split_sentences(text), None
    doc._mid_known = {}
    mid = doc._mid_vocabulary()
    for word in {*re.findall(r"\S+", text), *re.findall(r"[\w&-]+", text), "", "Ab'c", "A-"}:
        assert (word in doc._mid_tokens) == (word in mid), word
