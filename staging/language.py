"""French or English, by counting stop words.

The stop-word lists are jusText's (a maintained library trafilatura already
depends on). Its French list also holds common English words ("the", "and");
`lexicons/stopword_overlap.csv` gives such shared words back to one language,
and shared words it does not list ("a", "on") count for neither.
Deterministic: same text, same answer.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A sample this long decides any news article; reading more costs time only.
_SAMPLE = 20_000
# French letters that English prose does not use: the tie-breaker.
_FRENCH_LETTERS = re.compile(r"[éèêàùçœâîôû]")


@cache
def _stoplists() -> tuple[frozenset[str], frozenset[str]]:
    import justext

    fr = justext.get_stoplist("French")
    en = justext.get_stoplist("English")
    both = fr & en
    with open(Path(__file__).with_name("lexicons") / "stopword_overlap.csv", encoding="utf-8") as fh:
        owner = {row["word"]: row["language"] for row in csv.DictReader(fh)}
    return (frozenset(w for w in fr if w not in both or owner.get(w) == "fr"),
            frozenset(w for w in en if w not in both or owner.get(w) == "en"))


# French elided words ("l'", "d’", "qu'") and English contractions ("'s", "n't").
_ELIDED_FR = frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu".split())
_CONTRACTED_EN = frozenset("s t re ve ll d m".split())


def scores(text: str) -> tuple[int, int]:
    """(French, English) stop-word counts in the start of `text`."""
    fr, en = _stoplists()
    n_fr = n_en = 0
    # Count each distinct word once: a Counter is built in C, the loop is short.
    for word, count in Counter(_WORD.findall(text[:_SAMPLE].lower())).items():
        if word in fr:
            n_fr += count
        elif word in en:
            n_en += count
        elif "'" in word or "’" in word:
            head, _, tail = word.replace("’", "'").partition("'")
            if head in _ELIDED_FR and tail:
                n_fr += count
            elif tail in _CONTRACTED_EN:
                n_en += count
    return n_fr, n_en


def detect(text: str) -> str:
    """'fr' or 'en'."""
    n_fr, n_en = scores(text)
    if n_fr != n_en:
        return "fr" if n_fr > n_en else "en"
    return "fr" if _FRENCH_LETTERS.search(text[:_SAMPLE].lower()) else "en"
