"""Extraction never fails on odd text, and every span it reports indexes the text."""

import random

import pytest

PIECES = [
    "Kalmar Robotics",
    "lève",
    "raises",
    "$",
    "€",
    "12",
    "1,5",
    "000",
    "milliards",
    "billion",
    "d'euros",
    "GPU",
    "H100",
    "commande",
    "orders",
    "from",
    "Nvidia",
    "gouvernement",
    "japonais",
    "subvention",
    "İstanbul",
    "ǅ",
    "ß",
    "—",
    ":",
    ",",
    ".",
    "\n",
    "\n\n",
    "(",
    ")",
    "«",
    "»",
    "’",
    "10 000",
    "Lire aussi",
    "- ",
    "mardi",
    "2024",
    "valued at",
    "pourrait coûter",
    "dément",
    "¥",
    "NT$",
    "crores",
    "un",
    "a",
]


@pytest.mark.parametrize("seed", range(40))
def test_random_text_gives_traceable_candidates(extract, seed):
    rng = random.Random(seed)
    text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 120)))
    for language in ("fr", "en"):
        cands, money = extract(text, language)
        for c in cands:
            s = c.sentence
            assert text[s.start : s.end] == s.text
            for a in c.amounts:
                assert text[a.start : a.end] == a.surface and s.start <= a.start and a.end <= s.end
            for p in c.parties:
                if p.start is not None:
                    assert text[p.start : p.end] == p.name
        for m in money:
            assert text[m.money.start : m.money.end] == m.money.surface


def test_empty_text(extract):
    assert extract("", "fr") == ([], [])
