"""A language is a folder of `staging/lexicons/`: a new folder with a handful of rows is read by the
loader, the language detector, the date and number readers and the extractor, with no code change.

The new language (German, with sentences and firm names of our own) is written into a copy of the
lexicons, which the loader is pointed at; every cached table is rebuilt from it, and again from the
real lexicons afterwards."""

from __future__ import annotations

import shutil
import sys
from datetime import date

import pytest
from warehouse.staging import lexicon
from warehouse.staging.documents import Document
from warehouse.staging.extract import Extractor

GERMAN = {
    "stopwords": "word\n" + "\n".join("der die das und ist nicht mit von für sich auf den dem wie".split()),
    "conventions": ('setting,value\ndecimal_mark,","\nnumeric_dates,day_first\ncapitalised_months,yes\n'
                    "letters,äöüß\n"),
    "cues": "fact_type,cue,subject_role\ninvestment,sammelt,investee\ninvestment,erhält,investee\n",
    "role_markers": "fact_type,marker,role\ninvestment,von,investor\n",
    "scales": "word,multiplier,needs_currency\nMillionen,1000000,false\nMilliarden,1000000000,false\n",
    "currencies": "surface,currency_code,position\nEuro,EUR,suffix\n",
    "date_words": "kind,word,value\nmonth,März,3\nmonth,Oktober,10\nyear_cue,seit,\n",
    "abbreviations": "word\nz.b\n",
    # read with every language, like the neutral name_filters.csv: "Die" starts no firm name
    "name_filters": "kind,word\nstop,Die\nstop,Das\n",
}

TEXT = ("Die Brivel Robotik sammelt 40 Millionen Euro von Tarnow Capital. Das Geld ist für die "
        "Entwicklung der Roboter bestimmt, wie das Unternehmen mitteilte, und wurde seit März 2025 "
        "mit den Investoren verhandelt.")


def _clear_caches() -> None:
    """Forget every table built from the lexicons (each module caches what it read)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("warehouse.staging"):
            for attr in vars(module).values():
                if callable(getattr(attr, "cache_clear", None)):
                    attr.cache_clear()


@pytest.fixture
def german(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicon.LEXICON_DIR, folder)
    (folder / "de").mkdir()
    for name, text in GERMAN.items():
        (folder / "de" / f"{name}.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", folder)
    _clear_caches()
    yield folder
    _clear_caches()


def test_the_real_languages_are_the_folders():
    assert lexicon.languages() == ("en", "fr")
    assert lexicon.languages("stopwords") == ("en", "fr")
    assert {r["language"] for r in lexicon.rows("cues")} == {"en", "fr"}


def test_a_new_folder_is_a_language_of_the_loader(german):
    assert lexicon.languages() == ("de", "en", "fr")
    assert lexicon.languages("cues") == ("de", "en", "fr")
    cues = lexicon.for_language("cues", "de")
    assert [(r["cue"], r["language"]) for r in cues] == [("sammelt", "de"), ("erhält", "de")]
    # the neutral rows come with every language, after its own
    scales = [r["word"] for r in lexicon.for_language("scales", "de")]
    assert scales[:2] == ["Millionen", "Milliarden"] and "bn" in scales
    assert "milliard" not in scales


def test_a_new_folder_is_a_language_of_the_detector(german):
    from warehouse.staging.language import detect

    assert detect(TEXT) == "de"
    # the others are read as before
    assert detect("Le fonds investit dans trois jeunes pousses.") == "fr"
    assert detect("The fund invests in three young companies.") == "en"
    # a tie goes to the language whose letters the text uses, else to one that lists none
    assert detect("Nvidia H100 GPU") == "en"
    assert detect("Grüße") == "de"


def test_a_new_folder_gives_dates_numbers_and_sentences(german):
    from warehouse.staging.dates import find_dates
    from warehouse.staging.numbers import parse_digits
    from warehouse.staging.sentences import split_sentences

    found = find_dates("Seit März 2025 verhandelt.", "de")
    assert [(d.value, d.precision) for d in found] == [(date(2025, 3, 1), "month")]
    assert find_dates("seit märz 2025", "de") == []  # capitalised_months: a month is written with a capital
    assert find_dates("am 03.04.2025", "de")[0].value == date(2025, 4, 3)  # numeric_dates: day first
    assert parse_digits("1.500", "de") == 1500  # decimal_mark: a dot groups thousands
    assert parse_digits("1,5", "de", scaled=True) == 1.5
    assert len(split_sentences("Die Roboter, z.B. Greifer, kosten viel. Das ist neu.")) == 2


def test_a_new_folder_drives_the_extractor(german, project):
    doc = Document("d1", "d1.txt", "/tmp/d1.txt", None, date(2025, 5, 6), "de", TEXT)
    candidates, _money = Extractor(project).extract(doc)
    got = [(c.fact_type, c.cue, sorted((p.role, p.name) for p in c.parties)) for c in candidates]
    assert ("investment", "sammelt", [("investee", "Brivel Robotik"), ("investor", "Tarnow Capital")]) in got
    amounts = [(a.amount, a.currency) for c in candidates for a in c.amounts]
    assert (40_000_000, "EUR") in amounts


def test_without_the_folder_the_language_is_unknown():
    assert lexicon.for_language("cues", "de") == []
