"""Lines written in capitals, read in the casing the rest of the document uses.

Wire briefs and some headlines shout ("* FEDERAL RESEARCH MINISTRY AWARDS 22 MLN EUROS TO
DARMSTADT'S KESTREL SEMANTICS"): every word looks like a name or an acronym there. Each word of
such a line takes the form the document writes it in elsewhere ("awards", "Kestrel Semantics"),
else a small word of the language is lower-cased, a short word stays an acronym and a longer one is
capitalised as a name. Only letters change case, so every character offset stays valid (a word
whose lower case has another length is left as written).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from warehouse.staging.lexicon import rows

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# a line that shouts: at least four words, three of them long, and nearly no lower-case letter
_MIN_WORDS, _MIN_LONG = 4, 3


# the lexicons whose words are the language's own, not names: (lexicon, column)
_VOCABULARY = (
    ("stopwords", "word"), ("cues", "cue"), ("role_markers", "marker"), ("nonfact_markers", "marker"),
    ("sentence_markers", "marker"), ("scales", "word"), ("number_words", "word"), ("currencies", "surface"),
)


@cache
def _small_words() -> frozenset[str]:
    """The words of every language the lexicons hold that are not names: stop words, cue and marker
    words, scales, number and currency words, firm nouns and speech verbs ("the", "raised", "led", "mln",
    "euros", "firm", "says") - but not the words firms' names are made of ("Capital", "Ventures")."""
    out = set()
    for lexicon, column in _VOCABULARY:
        for r in rows(lexicon):
            out.update(w.lower() for w in _WORD.findall(r.get(column) or ""))
    markers = rows("person_markers")
    out.update(r["word"].lower() for r in markers if r["kind"] in ("firm_noun", "speech"))
    return frozenset(out - {r["word"].lower() for r in markers if r["kind"] == "firm_word"})


def _shouts(line: str) -> bool:
    words = _WORD.findall(line)
    if len(words) < _MIN_WORDS or sum(len(w) >= 4 for w in words) < _MIN_LONG:
        return False
    letters = [c for w in words for c in w if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _as_name(word: str) -> str:
    """ "DARMSTADT'S" -> "Darmstadt's", "KESTREL" -> "Kestrel"."""
    return word[:1] + word[1:].lower()


# four words in capitals in a row: a text without them has no line that shouts (one quick pass)
# (opening on two ASCII capitals, which the regex engine skips to fast)
_LOUD_RUN = re.compile(
    r"[A-Z]{2}[A-ZÀ-Þ'’-]*[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+[ \t]+[A-ZÀ-Þ]{2}"
)


def recase_capitals(text: str) -> str:
    """The text with each line written in capitals recased (see the module's docstring)."""
    runs = [m.start() for m in _LOUD_RUN.finditer(text)]
    if not runs:
        return text
    lines = text.split("\n")
    # only the lines holding a run of capitals may shout
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    maybe = {bisect_right(starts, r) - 1 for r in runs}
    shouting = sorted(k for k in maybe if _shouts(lines[k]))
    if not shouting:
        return text
    loud = set(shouting)
    wanted = {w.lower() for k in shouting for w in _WORD.findall(lines[k])}
    wanted |= {w[:-1] + end for w in wanted if w.endswith("s") for end in ("", "ed", "d")}
    forms: dict[str, Counter] = {}
    # the other lines' forms of the words the loud lines hold (one pass over the rest of the text)
    for w in _WORD.findall("\n".join(line for k, line in enumerate(lines) if k not in loud)):
        key = w.lower()
        if key in wanted:
            forms.setdefault(key, Counter())[w] += 1
    small = _small_words()
    for k in shouting:
        def recased(m: re.Match) -> str:
            word = m.group(0)
            key = word.lower()
            seen = forms.get(key)
            if len(word) == 1:
                out = word  # "Series E"
            elif seen:
                out = seen.most_common(1)[0][0]
            elif key.endswith("s") and any(
                form in forms and any(f.islower() for f in forms[form])
                for form in (key[:-1], key[:-1] + "ed", key[:-1] + "d")
            ):
                out = key  # "AWARDS" beside "awarded": a verb
            elif word.lower() in small:
                out = word.lower()
            elif len(word) <= 3:
                out = word  # "EU", "AI": an acronym
            else:
                out = _as_name(word)
            return out if len(out) == len(word) else word

        lines[k] = _WORD.sub(recased, lines[k])
    return "\n".join(lines)
