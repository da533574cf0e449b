"""Digit strings and number words in French and English."""

import pytest
from warehouse.staging.numbers import parse_digits, parse_words


@pytest.mark.parametrize(
    ("surface", "language", "value"),
    [
        ("12 480", "fr", 12480),
        ("3,75", "fr", 3.75),
        ("3,750", "en", 3750),
        ("3.75", "en", 3.75),
        ("2.500", "fr", 2500),
        ("1.234.567", "fr", 1234567),
        ("1,234,567", "en", 1234567),
        ("1.234,5", "fr", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("48", "fr", 48),
    ],
)
def test_parse_digits(surface, language, value):
    assert parse_digits(surface, language) == pytest.approx(value)


@pytest.mark.parametrize(
    ("surface", "language", "value", "article"),
    [
        ("ten thousand", "en", 10000, False),
        ("twenty-five", "en", 25, False),
        ("dix mille", "fr", 10000, False),
        ("trois cents", "fr", 300, False),
        ("deux mille", "fr", 2000, False),
        ("un", "fr", 1, True),
        ("a", "en", 1, True),
    ],
)
def test_parse_words(surface, language, value, article):
    assert parse_words(surface, language) == (pytest.approx(value), article)


def test_unknown_word_is_not_a_number():
    assert parse_words("beaucoup", "fr") is None


def test_french_comma_before_three_digits():
    # with a scale word the comma is a decimal one; a bare count is thousands
    assert parse_digits("1,250", "fr", scaled=True) == pytest.approx(1.25)
    assert parse_digits("10,000", "fr") == 10000
