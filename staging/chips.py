"""Quantities of AI chips (`10 000 GPU H100`, `ten thousand Nvidia H100 chips`) and chip models."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warehouse.staging.lexicon import for_language, rows
from warehouse.staging.numbers import DIGITS, number_word_pattern, parse_digits, parse_words

_SP = "[ \u00a0\u202f\u2009]"


@dataclass(frozen=True)
class ChipQuantity:
    start: int
    end: int
    quantity: int
    model: str | None


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", _SP) for w in sorted(set(words), key=len, reverse=True))


@cache
def chip_models() -> dict[str, str]:
    """model surface -> vendor name."""
    return {r["surface"]: r["vendor"] for r in rows("chips") if r["kind"] == "model"}


@cache
def chip_units() -> list[str]:
    return [r["surface"] for r in rows("chips") if r["kind"] == "unit"]


@cache
def maker_regex() -> re.Pattern:
    """Nouns a chip word qualifies, or that a count counts instead of chips: "two chip designers",
    "trois fabricants de puces"."""
    words = [r["surface"] for r in rows("chips") if r["kind"] == "maker"]
    return re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.IGNORECASE)


@cache
def model_regex() -> re.Pattern:
    # "H100s": a model in the plural
    # (the look-ahead for the models' first characters: a quick skip of every other position)
    firsts = {m[0] for m in chip_models() if m}
    guard = f"(?=[{re.escape(''.join(sorted(firsts)))}])" if firsts and all(chip_models()) else ""
    return re.compile(rf"(?<![\w-]){guard}(?:{_alt(chip_models())})(?=s?(?![\w-]))")


def _connectives(language: str) -> str:
    """The words between a chip count and its unit ("10 000 *de* ses GPU", "thousands *of* chips";
    `count_unit` rows of `lexicons/<lang>/connectives.csv`), as an alternation."""
    words = [r["word"] for r in for_language("connectives", language) if r["kind"] == "count_unit"]
    return "|".join(re.escape(w).replace("'", "['’]") for w in words)


@cache
def quantity_regex(language: str) -> re.Pattern:
    units = _alt(chip_units())
    models = _alt(chip_models())
    words = number_word_pattern(language)
    # number, then up to four short words (brand, model, "de ses"), then a chip unit or a model
    filler = r"(?:[\w’'.-]+ ){0,4}?"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<num>{DIGITS})|(?P<words>{words}))(?:{_SP}?(?P<scale>k|K|millions?|thousand|mille|milliers?))?"
        rf"(?:\+)?{_SP}"
        rf"(?:(?:{_connectives(language)}){_SP}?)?{filler}(?P<unit>{units}|(?:{models})s?)(?![\w])",
        re.IGNORECASE,
    )


# the largest chip count read as one: beyond a billion units a number is a typo or noise
MAX_QUANTITY = 1_000_000_000


@cache
def box_regex(language: str) -> re.Pattern:
    """A count of machines that hold chips: "96 nœuds", "eight Nvidia DGX B200 systems", "18 racks"."""
    words = number_word_pattern(language)
    return re.compile(
        # (the words between start with a letter: "18 novembre l'achat de 32 serveurs" counts 32)
        rf"(?<![\w.,])(?:(?P<num>{DIGITS})|(?P<words>{words})){_SP}(?:[^\W\d][\w’'.-]* ){{0,4}}?"
        r"(?P<box>serveurs|servers|nœuds|noeuds|nodes|systèmes|systems|baies|racks|machines)(?![\w])",
        re.IGNORECASE,
    )


# what says a count is per machine: "équipés chacun de", "each containing", "de huit GPU chacun"
_EACH = re.compile(
    r"\b(?:chacun|chacune|each|per\s+(?:server|node|rack|system)|par\s+(?:serveur|nœud|baie))\b",
    re.IGNORECASE,
)


def _per_box(text: str, language: str, found: list[ChipQuantity], start: int, end: int) -> list[ChipQuantity]:
    """ "96 nœuds équipés chacun de quatre GPU", "eight DGX systems, each containing eight GPUs": the
    chips are the machines times the chips of each (a total the text states itself wins)."""
    for b in box_regex(language).finditer(text, start, end):
        if b.group("num"):
            n = parse_digits(b.group("num"), language)
        else:
            n = (parse_words(b.group("words"), language) or (None,))[0]
        if not n or n != int(n) or n < 1:
            continue
        each = next((q for q in found if b.end() <= q.start <= b.end() + 90), None)
        if each is None:
            continue
        around = text[b.end() : min(end, each.end + 12)]
        if not _EACH.search(around) or re.search(r"[.;]", text[b.end() : each.start]):
            continue
        total = int(n) * each.quantity
        # the machines counted are no chips: "640 serveurs Nvidia HGX B300" counts servers
        found = [q for q in found if q is not each and not (b.start() <= q.start < b.end())]
        if any(q.quantity == total for q in found):
            continue  # "soit 5 120 puces au total"
        named = model_regex().search(text, b.start(), each.end)
        model = each.model or (named.group(0) if named else None)
        found.append(ChipQuantity(b.start(), each.end, total, model))
    return sorted(found, key=lambda q: q.start)


def find_quantities(text: str, language: str, start: int = 0, end: int | None = None) -> list[ChipQuantity]:
    """Chip quantities inside text[start:end]."""
    end = len(text) if end is None else end
    seg = text[start:end]
    out = []
    rx = quantity_regex(language)
    pos = 0
    while (m := rx.search(seg, pos)) is not None:
        # a skipped number (a year, a price) must not hide the count after it: "en mai 2025 l'achat
        # de 18 000 puces" is tried again just after "2025"
        pos = m.end("num") if m.group("num") is not None else m.end("words")
        if m.group("num") is not None:
            value = parse_digits(m.group("num"), language)
        else:
            parsed = parse_words(m.group("words"), language)
            if parsed is None or (parsed[1] and not m.group("scale")):
                continue  # "un", "a" count only with a scale word: "un million de puces"
            value = parsed[0]
        scale = (m.group("scale") or "").lower()
        if scale:
            value = (value or 0) * (1_000_000 if scale.startswith("million") else 1000)
        if not value or value < 2 or value > MAX_QUANTITY or value != int(value):
            continue  # "99999999999999999999 GPUs" is no count (and no 64-bit integer)
        if m.group("num") and re.fullmatch(r"(19|20)\d\d", m.group("num")):
            continue  # a year, not a count
        between = seg[
            m.end("scale")
            if m.group("scale")
            else m.end("num")
            if m.group("num")
            else m.end("words") : m.start("unit")
        ]
        if re.search(r"\d", between):
            continue
        if maker_regex().search(between) or maker_regex().match(seg, m.end("unit") + 1):
            continue  # "two chip designers", "trois fabricants de puces": firms counted, not chips
        window = seg[m.start() : min(len(seg), m.end() + 40)]
        model = model_regex().search(window)
        out.append(
            ChipQuantity(start + m.start(), start + m.end(), int(value), model.group(0) if model else None)
        )
        pos = m.end()
    if out and _EACH.search(seg):
        out = _per_box(text, language, out, start, end)
    return out
