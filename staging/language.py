"""The language of a text, by counting stop words.

The languages are the folders of `lexicons/` that hold a stop-word list
(`<lang>/stopwords.csv`, generated from jusText's lists by
`scripts/make_stopword_lexicons.py`): a new folder with one is a language the
detector knows. A word on several languages' lists counts for none of them,
unless `<lang>/stopword_overlap.csv` gives it back to one (jusText's French
list also holds "the" and "and"). Elided words before an apostrophe (French
"l'", "qu'") and words after one (English "'s", "n't") are in
`<lang>/apostrophe_words.csv`. A tie goes to a tied language whose distinctive
letters (`letters` in `<lang>/conventions.csv`) the text uses, else to one
that lists none.
Deterministic: same text, same answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from warehouse.staging.lexicon import languages, rows

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A sample this long decides any news article; reading more costs time only.
_SAMPLE = 20_000


@dataclass(frozen=True)
class _Detector:
    languages: tuple[str, ...]
    stop: dict[str, str]          # stop word -> the one language it counts for
    before: dict[str, str]        # word before an apostrophe -> its language ("" when shared)
    after: dict[str, str]         # word after an apostrophe -> its language ("" when shared)
    letters: dict[str, re.Pattern | None]  # language -> its distinctive letters


def _owner(words: dict[str, set[str]]) -> dict[str, str]:
    """word -> its language, or "" when several languages list it."""
    out: dict[str, str] = {}
    for language, ws in words.items():
        for w in ws:
            out[w] = "" if w in out else language
    return out


@cache
def _detector(langs: tuple[str, ...]) -> _Detector:
    lists: dict[str, set[str]] = {lang: set() for lang in langs}
    for r in rows("stopwords"):
        if r["language"] in lists:
            lists[r["language"]].add(r["word"])
    owned = {r["word"]: r["language"] for r in rows("stopword_overlap") if r["language"] in lists}
    stop = {w: lang for w, lang in _owner(lists).items() if lang}
    stop.update((w, lang) for w, lang in owned.items() if w in lists[lang])
    sides: dict[str, dict[str, set[str]]] = {"before": {}, "after": {}}
    for r in rows("apostrophe_words"):
        if r["language"] in lists:
            sides[r["side"]].setdefault(r["language"], set()).add(r["word"])
    letters: dict[str, re.Pattern | None] = {}
    for r in rows("conventions"):
        if r["language"] in lists and r["setting"] == "letters" and r["value"]:
            letters[r["language"]] = re.compile(f"[{re.escape(r['value'].lower())}]")
    return _Detector(langs, stop, _owner(sides["before"]), _owner(sides["after"]),
                     {lang: letters.get(lang) for lang in langs})


def _current() -> _Detector:
    return _detector(languages("stopwords"))


def scores(text: str) -> dict[str, int]:
    """Stop-word counts per language in the start of `text`."""
    d = _current()
    counts = dict.fromkeys(d.languages, 0)
    # Count each distinct word once: a Counter is built in C, the loop is short.
    for word, count in Counter(_WORD.findall(text[:_SAMPLE].lower())).items():
        if lang := d.stop.get(word):
            counts[lang] += count
        elif "'" in word or "’" in word:
            head, _, tail = word.replace("’", "'").partition("'")
            # an elision decides before a contraction ("qu'il": French whatever "il" is)
            lang = d.before.get(head) if tail and head in d.before else d.after.get(tail)
            if lang:
                counts[lang] += count
    return counts


def detect(text: str) -> str:
    """The language code ("fr", "en", ...) whose stop words the text uses most."""
    d = _current()
    counts = scores(text)
    best = max(counts.values(), default=0)
    tied = [lang for lang in d.languages if counts[lang] == best]
    if len(tied) > 1:
        sample = text[:_SAMPLE].lower()
        with_letters = [lang for lang in tied if d.letters[lang] and d.letters[lang].search(sample)]
        without = [lang for lang in tied if d.letters[lang] is None]
        tied = with_letters or without or tied
    return tied[0]
