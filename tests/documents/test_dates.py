"""Dates in French and English prose (sentences written for these tests)."""

from datetime import date

import pytest
from warehouse.staging.dates import dateline, dateline_dash, find_dates, parse_date


def found(text, language="fr", **kw):
    return [(text[m.start:m.end], m.value, m.precision) for m in find_dates(text, language, **kw)]


@pytest.mark.parametrize("text, surface, value", [
    ("La coopérative a signé le 12 juin 2024 avec la région.", "12 juin 2024", date(2024, 6, 12)),
    ("Le fonds ouvrira le 1er mars 2025 à Lyon.", "1er mars 2025", date(2025, 3, 1)),
    ("Un accord conclu le 3 aout 2022 puis revu.", "3 aout 2022", date(2022, 8, 3)),
    ("Un accord conclu le 3 août 2022 puis revu.", "3 août 2022", date(2022, 8, 3)),
    ("Versement le 9 janv. 2023, pas avant.", "9 janv. 2023", date(2023, 1, 9)),
    ("Le salon ouvre le 30 Décembre 2025.", "30 Décembre 2025", date(2025, 12, 30)),
    ("Signé le 14 février 2023, le contrat court.", "14 février 2023", date(2023, 2, 14)),
    ("Signé le 14 fevrier 2023, le contrat court.", "14 fevrier 2023", date(2023, 2, 14)),
    ("Versement prévu le 2 févr. 2026 au plus tard.", "2 févr. 2026", date(2026, 2, 2)),
    ("Le comité s'est réuni le 05/04/2024 à huis clos.", "05/04/2024", date(2024, 4, 5)),
    ("Le comité s'est réuni le 05.04.2024 à huis clos.", "05.04.2024", date(2024, 4, 5)),
    ("Publication au journal officiel : 2024-06-12.", "2024-06-12", date(2024, 6, 12)),
])
def test_french_day_dates(text, surface, value):
    assert found(text) == [(surface, value, "day")]


@pytest.mark.parametrize("text, surface, value", [
    ("The lab opened on June 11, 2024 in Leeds.", "June 11, 2024", date(2024, 6, 11)),
    ("The lab opened on 11 June 2024 in Leeds.", "11 June 2024", date(2024, 6, 11)),
    ("Shipments began Feb. 9, 2025, officials said.", "Feb. 9, 2025", date(2025, 2, 9)),
    ("Shipments began Sept. 30, 2023, officials said.", "Sept. 30, 2023", date(2023, 9, 30)),
    ("The board met on the 2nd of March 2022.", "2nd of March 2022", date(2022, 3, 2)),
    ("The filing is dated 25/10/2024.", "25/10/2024", date(2024, 10, 25)),
    ("The filing is dated 10/25/2024.", "10/25/2024", date(2024, 10, 25)),
])
def test_english_day_dates(text, surface, value):
    assert found(text, "en") == [(surface, value, "day")]


def test_month_precision_both_languages():
    assert found("La cantine a fermé en juillet 2021.") == [("juillet 2021", date(2021, 7, 1), "month")]
    assert found("Built in Jan. 2020 and sold in August 2023.", "en") == [
        ("Jan. 2020", date(2020, 1, 1), "month"), ("August 2023", date(2023, 8, 1), "month")]


def test_ambiguous_numeric_dates_are_read_by_language():
    assert found("Réunion le 04/05/2024.")[0][1] == date(2024, 5, 4)
    # English: both readings valid and different -> no date rather than a guess.
    assert found("Meeting on 04/05/2024.", "en") == []
    assert found("Meeting on 04/04/2024.", "en")[0][1] == date(2024, 4, 4)


def test_bare_years_only_on_request():
    text = "Elle avait levé des fonds en 2019, puis depuis 2021 rien."
    assert found(text) == []
    assert found(text, years=True) == [("en 2019", date(2019, 1, 1), "year"),
                                       ("depuis 2021", date(2021, 1, 1), "year")]
    years = found("Revenue doubled in 2022 and since 2020.", "en", years=True)
    assert [m[1].year for m in years] == [2022, 2020]


def test_days_without_year_need_a_reference_date():
    text = "Le conseil a voté le 28 décembre."
    assert found(text) == []
    # Nearest 28 December to a January reference is in the previous year.
    assert found(text, ref=date(2025, 1, 6)) == [("28 décembre", date(2024, 12, 28), "day")]
    assert found("It closed on June 3.", "en", ref=date(2024, 6, 5))[0][1] == date(2024, 6, 3)


def test_not_dates():
    assert found("Le 31 février 2024 n'existe pas.") == []
    assert found("Ils ont embauché 12 personnes à Marseille 2024.") == []
    assert found("Prices may 2024 rise, it may rise again.", "en") == []
    assert found("Version 1.2.2024 of the tool.", "en") == []
    assert found("Une enveloppe de 2 000 millions en 2 024 lots.", years=True) == []


def test_parse_date_metadata_strings():
    assert parse_date("2024-06-12") == date(2024, 6, 12)
    assert parse_date("2024-06-12T23:30:00-05:00") == date(2024, 6, 12)
    assert parse_date("Wed, 12 Jun 2024 08:00:00 +0200") == date(2024, 6, 12)
    assert parse_date("12 juin 2024") == date(2024, 6, 12)
    assert parse_date("12/06/2024") == date(2024, 6, 12)
    assert parse_date("juin 2024") is None
    assert parse_date("bientôt") is None
    assert parse_date("") is None
    assert parse_date(None) is None


@pytest.mark.parametrize("sentence, dash", [
    ("LYON, 4 mars 2024 — La coopérative a signé lundi.", 17),
    ("TARTU, 6 May 2025 (AFP) - Kalmar Robotics said on Monday it had raised €12 million.", 23),
    # a hyphen past a dateline's length is the sentence's own punctuation
    ("Kalmar Robotics raised €12 million from Orbis Capital and Vega Partners on 2 May 2025 - its "
     "largest round.", None),
    ("Kalmar Robotics raised €12 million from Orbis Capital and Vega Partners on 2 May 2025 — its "
     "largest round.", None),
    ("Kalmar Robotics a levé 12 millions d'euros.", None),
])
def test_the_dash_that_closes_a_dateline(sentence, dash):
    assert dateline_dash(sentence) == dash


def test_dateline_takes_first_full_date_near_the_start():
    text = "Le titre\n\nLYON, 4 mars 2024 — La coopérative a signé le 2 mars 2024 un accord."
    assert dateline(text) == date(2024, 3, 4)
    assert dateline("Fondée en juin 2020, la société grandit.") is None
    assert dateline("x" * 500 + " 4 mars 2024") is None


def test_dateline_past_a_long_standfirst_needs_a_publication_word_opening_its_line():
    standfirst = "Le gouvernement a retenu trois projets de calcul pour la recherche. " * 8
    text = f"Le titre\n\n{standfirst}\nPublié le 9 février 2026 à 7 h 30\n\nLe texte."
    assert dateline(text) == date(2026, 2, 9)
    byline = "Par Lina Morel | mis à jour le jeudi 12 mars 2026\n"
    assert dateline(f"Le titre\n\n{standfirst}\n{byline}") == date(2026, 3, 12)
    lead = "Three labs won compute grants. " * 16
    assert dateline(f"Title\n\n{lead}\nPosted 4 May 2026 by Ana\n", "en") == date(2026, 5, 4)
    # inside a sentence it is the report's history, not the article's date
    body = f"Title\n\n{lead}\nThe plan, updated on 3 May 2025, was published on 4 May.\n"
    assert dateline(body, "en") is None


@pytest.mark.parametrize("text, language, surface, value", [
    # published 20 May 2025: "in March" is March 2025, "en décembre" December 2024
    ("The cooperative raised its round in March, after a long search.", "en", "in March", date(2025, 3, 1)),
    ("La coopérative a signé en décembre avec la région.", "fr", "en décembre", date(2024, 12, 1)),
    ("Sales have grown since May, the board said.", "en", "since May", date(2025, 5, 1)),
])
def test_a_month_without_its_year_is_the_last_one(text, language, surface, value):
    assert found(text, language, years=True, ref=date(2025, 5, 20)) == [(surface, value, "month")]


def test_a_month_with_its_year_or_day_or_without_a_cue_is_read_as_written():
    ref = date(2025, 5, 20)
    assert found("Signed in March 2023 in Leeds.", "en", years=True, ref=ref) == [
        ("March 2023", date(2023, 3, 1), "month")]
    assert found("Built in Jan. 2020 in Leeds.", "en", years=True, ref=ref) == [
        ("Jan. 2020", date(2020, 1, 1), "month")]
    assert found("Prices may rise in Leeds.", "en", years=True, ref=ref) == []
    # without the article's date, a month without its year is not read
    assert found("The cooperative raised its round in March.", "en", years=True) == []


@pytest.mark.parametrize("text", [
    "Signé le 12 juin 2024, puis le 3 août 2022, en 2023 et depuis 2021 ; mi-2024, fin 2025.",
    "Raised in March 2023 (since 2021), on June 11, 2024 and 2024-06-12; by 2030, Jan. 2020.",
    "ſince 2021 ıN 2023 İn 2024 KELVIN in 2022: the engine folds these letters, str.lower does not.",
    "x12 juin 2024 a2024-06-12 _en 2023 2024-06-12x 05/04/2024 12.06.2024 d'ici 2030 d’ici 2031",
    "Insignificant internal enmity, Marseille's marché ; inMarch 2023 EN 2023 ÉN 2023 Mi-2024",
    "",
    "2024",
    "123 juin 2024, 012/06/2024, 02024-06-12, 1999-01-01, 2100-01-01, 1st of May 2024, 3rd June, 21er mai",
])
def test_the_dates_are_the_matches_of_the_plain_scan(text):
    # find_dates tries its pattern only where a date can start: the same matches as the plain scan
    from warehouse.staging.dates import _lexicon, _matches
    plain = [(m.span(), m.lastgroup, m.groupdict()) for m in _lexicon().pattern.finditer(text)]
    assert [(m.span(), m.lastgroup, m.groupdict()) for m in _matches(text)] == plain


def test_year_first_dates_with_any_separator():
    assert found("2031/05/06 21:10 — By Lin Mei", "en") == [("2031/05/06", date(2031, 5, 6), "day")]
    assert found("Résolution du 2031.05.06 du conseil.") == [("2031.05.06", date(2031, 5, 6), "day")]
    assert found("version 2031.05.06.2 of the tool", "en") == []


def test_a_wire_datelines_year_is_the_latest_that_puts_its_day_on_the_named_weekday():
    from warehouse.staging.dates import yearless_dateline

    lead = "OSLO, March 4 (Newswire) - Brivel Robotics said on {} it had raised $40 million."
    # 4 March was a Wednesday in 2026 and a Monday in 2024 and 2030
    assert yearless_dateline(lead.format("Wednesday"), "en", date(2026, 12, 5)) == date(2026, 3, 4)
    assert yearless_dateline(lead.format("Monday"), "en", date(2026, 12, 5)) == date(2024, 3, 4)
    assert yearless_dateline(lead.format("Monday"), "en", date(2031, 1, 1)) == date(2030, 3, 4)
    # no weekday in the lead: no year is guessed
    assert yearless_dateline("OSLO, March 4 (Newswire) - Brivel Robotics has raised $40 million.", "en",
                             date(2026, 12, 5)) is None
    assert yearless_dateline("OSLO, 4 mars (Dépêche) - Brivel Robotique a annoncé mercredi une levée.", "fr",
                             date(2026, 12, 5)) == date(2026, 3, 4)
