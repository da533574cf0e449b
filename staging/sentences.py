"""Split article text into sentences with offsets; headlines and lines without final punctuation count too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warehouse.staging.lexicon import rows

# a sentence ends at . ! ? … (plus closing quotes/brackets) followed by space and an upper-case start
_END = re.compile(r"[.!?…]+[»”\"')\]]*(?= +[«“\"(\[]?[A-ZÀ-ÖØ-Þ0-9])")


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose final dot is not an end of sentence ("M.", "Inc.", "janv."): every language's
    (`lexicons/<lang>/abbreviations.csv` and the neutral `lexicons/abbreviations.csv`), lower-cased
    without their dot, since a text may quote another language's."""
    return frozenset(r["word"].lower() for r in rows("abbreviations"))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` (offsets index `text`); every non-blank line is split on its own."""
    out: list[Sentence] = []
    abbrev = _abbreviations()
    pos = 0
    # the ends of the whole text, searched once: no end spans two lines (its look-ahead reads spaces
    # only), so they are the ends each line gives on its own (a search per line cost a text of many
    # short lines more than the lines themselves)
    ends = [(m.start(), m.end(), m.group(0)[0]) for m in _END.finditer(text)]
    k = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        line_end = line_start + len(line)
        while k < len(ends) and ends[k][0] < line_start:
            k += 1
        while k < len(ends) and ends[k][1] <= line_end:
            m_start, m_end, first = ends[k][0] - line_start, ends[k][1] - line_start, ends[k][2]
            k += 1
            token = _last_word(line, cut, m_start + 1).rstrip(".").lower()
            if first == "." and (
                token in abbrev
                # "1. ORDER: It has placed ...", "b. The grant": a list item's number opens the line
                or (cut == 0 and _ITEM_NUMBER.fullmatch(line, 0, m_start))
                # "J. Smith" is an initial; "a Series A. Orbis led it" ends a sentence
                or (len(token) == 1 and token.isalpha() and not _NAMED_LETTER.search(line, cut, m_start))
            ):
                continue
            _add(out, text, line_start + cut, line_start + m_end)
            cut = m_end
        _add(out, text, line_start + cut, line_end)
    return out


# a letter that names a round or a class rather than a person's initial: "Series A", "série B"
_NAMED_LETTER = re.compile(r"\b(?:series|série|class|classe|phase|tranche|type)\s+\w$", re.IGNORECASE)
_WORD_OR_DOT = re.compile(r"[\w.]")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}|[a-z])")


def _last_word(line: str, lo: int, hi: int) -> str:
    r"""The run of word characters and dots that ends `line[lo:hi]`: what `re.search(r"([\w.]+)\.?$",
    line[lo:hi])` finds, read backwards from the end so that it costs the word's length only (the
    search tried every start from `lo`, which made a long line without sentence ends quadratic)."""
    k = hi
    while k > lo and _WORD_OR_DOT.match(line, k - 1):
        k -= 1
    return line[k:hi]


# a run-on "sentence" (a table or a list flattened into one line) is cut into pieces of about
# this size at a comma, semicolon or space, so that no rule ever works on a whole page at once
MAX_SENTENCE = 1000


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    if end - start <= MAX_SENTENCE:  # the common case: strip the spaces around it (str.isspace's)
        piece = text[start:end]
        kept = piece.strip()
        if kept:
            if len(kept) != len(piece):
                start += len(piece) - len(piece.lstrip())
                end = start + len(kept)
            out.append(Sentence(start, end, kept))
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            # no space at all: a plain cut (cut + 1 = MAX_SENTENCE + 1 recursed without end)
            cut = MAX_SENTENCE - 1
        _add(out, text, start, start + cut + 1)  # at most MAX_SENTENCE long: no further cut
        start += cut + 1
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
