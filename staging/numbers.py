"""Numbers as news writes them: digit groups in French and English style, and number words."""

from __future__ import annotations

import re
from functools import cache

from warehouse.staging.lexicon import for_language, rows

# one space-like separator between thousands; never a newline
_SP = "[ \u00a0\u202f\u2009]"
# A number has at most MAX_GROUPS groups of three digits after its first (10^21) and a run of number
# words at most MAX_NUMBER_WORDS words ("deux cent cinquante mille"): a longer run is no amount, and
# an unbounded one made every number of "100 100 100 ..." or "a a a ..." try every shorter run
# before failing (quadratic: 16 KB took 4 s).
MAX_GROUPS = 6
MAX_NUMBER_WORDS = 8
# (Swiss style groups with an apostrophe too: "250'000 francs", "CHF 2’500’000")
DIGITS = rf"\d{{1,3}}(?:(?:{_SP}|[.,'’])\d{{3}}){{1,{MAX_GROUPS}}}(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?"


@cache
def decimal_mark(language: str) -> str:
    """The language's decimal mark (`decimal_mark` in `lexicons/<lang>/conventions.csv`): "," (French
    `1,2`), "." (English `1.5`), or "" when the language sets none."""
    return next((r["value"] for r in rows("conventions")
                 if r["language"] == language and r["setting"] == "decimal_mark"), "")


def parse_digits(surface: str, language: str, scaled: bool = False) -> float | None:
    """Read a digit string: `10 372`, `1,2` (fr decimal), `1,250` (en thousands), `1.5`.

    `scaled`: a scale word follows (`1,250 milliard`), so a French comma is a decimal one even
    before three digits; without one, `10,000` is ten thousand in any language. The language's
    decimal mark says how to read the ambiguous groups (`decimal_mark`)."""
    s = re.sub(_SP, " ", surface.strip())
    if not s or not s[0].isdigit():
        return None
    s = re.sub(r"(?<=\d)['’](?=\d{3}(?!\d))", "", s.replace(" ", ""))
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        # the last separator is the decimal one: 1.234,5 or 1,234.5
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        s = s.replace(thou, "").replace(dec, ".")
    elif commas:
        groups = s.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        # French writes decimals with a comma; English writes thousands with it
        if thousands and (decimal_mark(language) == "." or not scaled):
            s = s.replace(",", "")
        elif commas == 1:
            s = s.replace(",", ".")
        elif thousands:
            s = s.replace(",", "")
        else:
            return None
    elif dots:
        groups = s.split(".")
        thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        if dots > 1 and thousands:
            s = s.replace(".", "")
        elif dots == 1 and thousands and decimal_mark(language) == ",":
            s = s.replace(".", "")  # 1.500 in French is fifteen hundred
        elif dots > 1:
            return None
    try:
        return float(s)
    except ValueError:
        return None


@cache
def number_words(language: str) -> dict[str, tuple[float, str]]:
    """word -> (value, kind) where kind is unit, multiplier or article."""
    return {r["word"].lower(): (float(r["value"]), r["kind"])
            for r in for_language("number_words", language) if r["kind"] != "joiner"}


@cache
def _joiners(language: str) -> tuple[str, ...]:
    """The words that join number words (`joiner` rows: *vingt et un*, *-et-* for *vingt-et-un*,
    *one hundred and twenty*): between spaces, or as written when they start with a hyphen."""
    return tuple(r["word"].lower() for r in for_language("number_words", language) if r["kind"] == "joiner")


@cache
def number_word_pattern(language: str) -> str:
    """Regex for a run of number words (`dix mille`, `ten thousand`, `twenty-five`)."""
    words = sorted(number_words(language), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    joined = (re.escape(j) if j.startswith("-") else f" {re.escape(j)} " for j in _joiners(language))
    sep = "|".join(["[ -]", *joined])
    # sentence-initial capitals too: "Dix milliards", "Ten thousand"
    return rf"(?i:(?:{alt})(?:(?:{sep})(?:{alt})){{0,{MAX_NUMBER_WORDS - 1}}})"


def parse_words(surface: str, language: str) -> tuple[float, bool] | None:
    """Value of a run of number words, and whether it is only an article (`a`, `un`)."""
    table = number_words(language)
    text = surface.lower()
    for w in sorted(table, key=len, reverse=True):
        if " " in w:
            text = text.replace(w, w.replace(" ", "_"))
    joiners = {j.strip("-") for j in _joiners(language)}
    tokens = [t.replace("_", " ") for t in re.split(r"[ -]+", text) if t and t not in joiners]
    total, current, only_article = 0.0, 0.0, True
    for tok in tokens:
        if tok not in table:
            return None
        value, kind = table[tok]
        if kind != "article":
            only_article = False
        if kind == "multiplier":
            current = (current or 1.0) * value
            if value >= 1000:
                total += current
                current = 0.0
        else:
            current += value
    return total + current, only_article
