"""Dates written in French and English text, found with compiled patterns.

Month names, their abbreviations (with and without accents) and the words
that introduce a bare year ("en 2023", "since 2021") are data, in each
language's `lexicons/<lang>/date_words.csv`; every language's words are read
in any text.

Numeric dates (`12/06/2024`, `12.06.2024`): when only one reading is a valid
date it is taken (`06/13/2024` is 13 June in any language). When both are
valid, the language's `numeric_dates` convention (`lexicons/<lang>/conventions.csv`)
decides: `day_first` (French) reads day first; `unsure` (English) reads day
first only if the two numbers are equal and otherwise gives no date, because
British and US writers disagree and a wrong date is worse than none. Two-digit years are
never read.

Month forms that only languages writing months capitalised list
(`capitalised_months` in `conventions.csv`: English "May", "Mar", "Jan") must be
capitalised, so the modal "may" is not a month; French forms are matched in any case.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import ahocorasick_rs
from warehouse.staging.lexicon import for_language, rows

try:  # the characters the regex engine also matches, ignoring case, for a letter ("ſ" for "s")
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: `_matches` falls back to the plain scan
    _EXTRA_CASES = None


@dataclass(frozen=True)
class DateMention:
    start: int          # character span of the expression in the text
    end: int
    value: date         # first day of the month or year for coarser precisions
    precision: str      # 'day' | 'month' | 'year'


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]          # lower-cased form -> month number
    capitalised: frozenset[str]     # lower-cased forms that must be capitalised
    pattern: re.Pattern[str]


def _conventions(setting: str) -> dict[str, str]:
    """language -> its value of a setting in `lexicons/<lang>/conventions.csv`."""
    return {r["language"]: r["value"] for r in rows("conventions") if r["setting"] == setting}


@cache
def _lexicon() -> _Lexicon:
    months: dict[str, int] = {}
    forms: dict[str, set[str]] = {}
    by_language: dict[tuple[str, int], list[str]] = {}
    cues: list[str] = []
    for row in rows("date_words"):
        word = row["word"]
        if row["kind"] == "month":
            months[word.lower()] = int(row["value"])
            forms.setdefault(word.lower(), set()).add(row["language"])
            by_language.setdefault((row["language"], int(row["value"])), []).append(word.lower())
        elif row["kind"] == "year_cue":
            cues.append(word)
    upper = {lang for lang, value in _conventions("capitalised_months").items() if value == "yes"}
    capitalised = frozenset(w for w, langs in forms.items() if langs <= upper)

    def alternation(words):
        return _trie({w.lower() for w in words})

    # An abbreviation ("janv", "Sept") is the start of a longer form of its
    # month; only abbreviations take a dot, so "en décembre." keeps its period.
    abbreviations = {w for ws in by_language.values() for w in ws
                     if any(o != w and o.startswith(w) for o in ws)}
    full = set(months) - abbreviations
    month = rf"(?<!\w)(?:(?:{alternation(abbreviations)})(?!\w)\.?|(?:{alternation(full)})(?!\w))"
    year = r"(?:19|20)\d\d(?![\d,.]\d|\w)"
    # Cues ending with '-' ("mi-2024") take no space after them.
    cue = (rf"(?:{alternation(c for c in cues if not c.endswith('-'))})[ \t]+"
           rf"|(?:{alternation(c for c in cues if c.endswith('-'))})")
    ordinal = r"(?:er|re|st|nd|rd|th)?"
    # Digit-led and letter-led expressions are guarded apart, so a word that
    # starts with neither a digit nor one of these letters costs one test.
    first_letters = re.escape("".join(sorted({w[0].lower() for w in [*months, *cues]})))
    sp = r"[ \t]+"
    # Every date starts a word: the leading look-behind rejects the other
    # positions before any alternative is tried (4 times faster).
    pattern = re.compile(
        r"(?<!\w)(?:(?=\d)(?:" + "|".join([
            # year first is ISO order whatever the separator: "2026-04-28", "2026/04/28", "2026.04.28"
            r"(?P<iso>(?<![\d/.-])(?P<iso_y>(?:19|20)\d\d)(?P<isep>[-/.])(?P<iso_m>\d\d)(?P=isep)"
            r"(?P<iso_d>\d\d)(?![\d/.-]\d))",
            rf"(?P<num>(?<![\d/.,-])(?P<num_a>\d{{1,2}})(?P<sep>[/.-])(?P<num_b>\d{{1,2}})(?P=sep)"
            rf"(?P<num_y>{year})(?![/.-]\d))",
            rf"(?P<dmy>(?<![\d.,/])(?P<dmy_d>\d{{1,2}}){ordinal}{sp}(?:(?:of|de){sp})?(?P<dmy_m>{month})"
            rf"(?:,?{sp}(?P<dmy_y>{year}))?)",
        ]) + f")|(?=[{first_letters}])(?:" + "|".join([
            rf"(?P<mdy>(?P<mdy_m>{month}){sp}(?P<mdy_d>\d{{1,2}}){ordinal}(?![\d,.]\d|\w)"
            rf"(?:(?:,[ \t]*|{sp})(?P<mdy_y>{year}))?)",
            rf"(?P<my>(?P<my_m>{month}){sp}(?:(?:de|of){sp})?(?P<my_y>{year}))",
            rf"(?P<y>(?:{cue})(?P<y_y>{year}))",
            # "in March", "en mars": a month without its year, after a cue, is the last one
            rf"(?P<bm>(?:{cue})(?P<bm_m>{month})(?![ \t,.]*(?:(?:de|of)[ \t]+)?(?:19|20)\d\d|\.?[ \t]+\d))",
        ]) + "))",
        re.IGNORECASE,
    )
    return _Lexicon(months, capitalised, pattern)


def _trie(words: set[str]) -> str:
    """A regex matching any of `words`, factored by shared prefixes, so that a
    position is rejected after a character or two instead of one try per word."""
    if "" in words and len(words) == 1:
        return ""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        rest = _trie({w[1:] for w in words if w and w[0] == first})
        branches.append(re.escape(first) + rest)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


_DIGITS = re.compile(r"\d+")
# the runs of `_DIGITS` a date may open on: one or two digits, or four from "19" or "20" (a year)
_DATE_DIGITS = re.compile(r"(?<!\d)(?:\d{1,2}|(?:19|20)\d\d)(?!\d)")


@cache
def _word_starts() -> tuple[ahocorasick_rs.AhoCorasick, frozenset[str], frozenset[int]] | None:
    """An automaton of the lower-cased month forms and year cues, the words a letter-led date starts
    with, the characters the pattern matches for one of their letters though `str.lower` does not
    turn them into it ("ı", "ſ"), and the indexes of the words ending in "-", which a year follows
    without a space; None when the regex engine's case table is not known."""
    if _EXTRA_CASES is None:
        return None
    words = sorted({r["word"].lower() for r in rows("date_words") if r["kind"] in ("month", "year_cue")})
    if not all(words):
        return None
    unsafe = {chr(c) for w in words for ch in w for c in _EXTRA_CASES.get(ord(ch), ())}
    open_ended = frozenset(k for k, w in enumerate(words) if w.endswith("-"))
    return ahocorasick_rs.AhoCorasick(words), frozenset(unsafe), open_ended


def _matches(text: str):
    """`_lexicon().pattern.finditer(text)`, tried only where a date can start: the start of a run of
    digits, or a month form or year cue found by one Aho-Corasick pass over the lower-cased text (the
    pattern tried at every position of the text cost more than the rest of `find_dates`)."""
    pattern = _lexicon().pattern
    starts = _word_starts()
    folded = text.lower()
    if starts is None or len(folded) != len(text) or any(c in text for c in starts[1]):
        yield from pattern.finditer(text)  # a character lower-casing changes or misses: the plain scan
        return
    # a digit-led date opens on a day or a month (one or two digits) or an ISO year ("2024-06-12")
    at = [m.start() for m in _DATE_DIGITS.finditer(text)]
    # a month form or year cue is a whole word, but for a cue ending in "-" ("mi-2024")
    open_ended = starts[2]
    at += [
        a
        for k, a, b in starts[0].find_matches_as_indexes(folded, overlapping=True)
        if (not a or not (text[a - 1].isalnum() or text[a - 1] == "_"))
        and (b == len(text) or k in open_ended or not (text[b].isalnum() or text[b] == "_"))
    ]
    last_end = -1
    for pos in sorted(set(at)):
        if pos < last_end:
            continue  # inside the previous date, as `finditer` resumes after it
        m = pattern.match(text, pos)
        if m is not None:
            last_end = m.end()
            yield m


def _month(word: str) -> int | None:
    lex = _lexicon()
    word = word.rstrip(".")
    key = word.lower()
    if key in lex.capitalised and not word[0].isupper():
        return None
    return lex.months.get(key)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    """The date with this month and day closest to `ref` (a year is rarely written near its news)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe(y, month, day))]
    return min(options, key=lambda d: abs((d - ref).days)) if options else None


@cache
def _day_first(language: str) -> bool:
    """Whether a numeric date both ways valid reads day first (`numeric_dates`: `day_first`, the
    default, or `unsure`)."""
    return _conventions("numeric_dates").get(language, "day_first") != "unsure"


def _numeric(a: int, b: int, y: int, language: str) -> date | None:
    day_first, month_first = _safe(y, b, a), _safe(y, a, b)
    if day_first and month_first and a != b:
        return day_first if _day_first(language) else None
    return day_first or month_first


def find_dates(text: str, language: str = "fr", *, years: bool = False,
               ref: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order.

    `years=True` also returns bare years introduced by a cue ("en 2023",
    "since 2021") with precision 'year'. `ref` (usually the publication date)
    resolves day and month without a year ("le 7 mars", "on June 11") to the
    nearest such date, and a month after a cue ("in March", "en mars") to the
    last such month up to `ref`; without it they are not returned.
    """
    out: list[DateMention] = []
    for m in _matches(text):
        kind = m.lastgroup
        value: date | None = None
        precision = "day"
        if kind == "iso":
            value = _safe(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        elif kind == "num":
            value = _numeric(int(m["num_a"]), int(m["num_b"]), int(m["num_y"]), language)
        elif kind in ("dmy", "mdy"):
            month = _month(m[f"{kind}_m"])
            day = int(m[f"{kind}_d"])
            if month is None:
                continue
            if m[f"{kind}_y"]:
                value = _safe(int(m[f"{kind}_y"]), month, day)
            elif ref is not None:
                value = _nearest_year(month, day, ref)
        elif kind == "my":
            month = _month(m["my_m"])
            if month is not None:
                value, precision = date(int(m["my_y"]), month, 1), "month"
        elif kind == "bm" and ref is not None:
            month = _month(m["bm_m"])
            if month is not None:
                value, precision = date(ref.year - (month > ref.month), month, 1), "month"
        elif kind == "y" and years:
            value, precision = date(int(m["y_y"]), 1, 1), "year"
        if value is not None:
            out.append(DateMention(m.start(), m.end(), value, precision))
    return out


_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?\s*$")


def parse_date(s: str | None, language: str = "fr") -> date | None:
    """A date from a metadata string: ISO 8601, RFC 2822, or a written date; else None.

    The calendar date is the one written, whatever the time zone.
    """
    if not s or not isinstance(s, str):
        return None
    if m := _ISO.match(s):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if isinstance(parsed, datetime):
        return parsed.date()
    found = [d for d in find_dates(s, language) if d.precision == "day"]
    return found[0].value if found else None


def dateline(text: str, language: str = "fr", window: int = 400, marked: int = 3000) -> date | None:
    """The publication date a news text gives near its start ("PARIS, 12 juin 2024 —",
    "Publié le 18 novembre 2023", "By X | 08/03/2024"): the first full date in
    the first `window` characters; else, past a long headline and standfirst, the first full date
    that a publication word (`published` in `date_words.csv`: "Publié le", "Posted") introduces in
    the first `marked` characters; else None."""
    for mention in find_dates(text[:window], language):
        if mention.precision == "day":
            return mention.value
    head = text[:marked]
    for m in _published_marker().finditer(head):
        after = head[m.end() : m.end() + 50]
        for mention in find_dates(after, language):
            # only a weekday's name, a colon or a comma between the word and its date
            if mention.precision == "day" and _BEFORE_PUBLISHED_DATE.fullmatch(after[: mention.start]):
                return mention.value
    return None


_BEFORE_PUBLISHED_DATE = re.compile(r"[\s:,]*(?:[^\W\d]+,?\s+)?")

# where a dateline ends: a dash or a plain hyphen within a dateline's length ("PARIS, 12 juin 2024 —
# X a levé ...", "RABAT, 21 oct 2026 (AFP) - Le Maroc a signé mardi ..."); further on, a dash is the
# sentence's own ("X raised $5m on 2 May 2025 — its largest round")
_DATELINE_DASH = re.compile(r"^[^\n]{0,60}? [—–-] ")


def dateline_dash(sentence: str) -> int | None:
    """The offset of the dash that closes a sentence's opening dateline, if any: a date before it dates
    the article, not what the sentence tells."""
    m = _DATELINE_DASH.search(sentence)
    return m.end() - 3 if m else None


def yearless_dateline(text: str, language: str, today: date, window: int = 400) -> date | None:
    """A wire dateline's day without its year ("PARIS, Feb 17 (Reuters) - X said on Tuesday"): the
    latest year, up to `today`, in which that day falls on the weekday the same sentence names; None
    when the lead names no weekday (the year is then anyone's guess)."""
    head = text[:window]
    found = next(
        (m for m in _matches(head) if m.lastgroup in ("dmy", "mdy") and not m[f"{m.lastgroup}_y"]), None
    )
    if found is None:
        return None
    kind = found.lastgroup
    month, day = _month(found[f"{kind}_m"]), int(found[f"{kind}_d"])
    stop = re.compile(r"[.!?]\s").search(head, found.end())
    lead = head[found.end() : stop.start() if stop else None]  # the rest of the dateline's sentence
    named = {
        int(r["weekday"])
        for r in for_language("relative_days", language)
        if r["weekday"] and re.search(rf"\b{re.escape(r['word'])}\b", lead, re.IGNORECASE)
    }
    if month is None or len(named) != 1:
        return None
    weekday = named.pop()
    for year in range(today.year, today.year - 12, -1):
        value = _safe(year, month, day)
        if value is not None and value <= today and value.weekday() == weekday:
            return value
    return None


@cache
def _published_marker() -> re.Pattern[str]:
    """ "Publié le", "Posted on", "Last updated": the publication words of `date_words.csv`, opening a
    line or after a byline's separator ("Par A. Martin | publié le"), never inside a sentence."""
    words = sorted({r["word"] for r in rows("date_words") if r["kind"] == "published"}, key=len)[::-1]
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(
        r"(?:^[ \t]*|[|•·—–][ \t]*)(?:" + alternation + r")(?:\s+(?:le|on|at))?(?!\w)",
        re.IGNORECASE | re.MULTILINE,
    )
