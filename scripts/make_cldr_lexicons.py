"""Generate the extractor's lexicons drawn from CLDR (babel) and ISO 3166/4217 (pycountry).

Run from the project root (offline; pycountry and babel are dependencies):

    python scripts/make_cldr_lexicons.py            # writes into staging/lexicons/
    python scripts/make_cldr_lexicons.py --out DIR  # writes elsewhere (tests compare)

The extractor reads these files, never the libraries, so a new babel or
pycountry release changes what it finds only when someone regenerates them
and reviews the diff. Rows keep the libraries' order where the reader lets
the first (or last) of two equal names win, so the output is deterministic
for given library versions:

- `cldr_cities.csv` (zone, country_code, language, city): the exemplar city of
  each CLDR time zone in each language of `staging/lexicons/<lang>/` (English and
  French: "Sao Paulo", "Pékin");
- `region_names.csv` (country_code, subdivision_code, name): ISO 3166-2
  first-level states, provinces and regions with their English and French
  names and unaccented forms ("Karnataka", "Bavaria", "Bavière");
- `language_names.csv` (language, code, name): language names in English and
  French ("Japanese", "japonais");
- `currency_names.csv` (currency_code, language, count, name): every current
  ISO 4217 currency's CLDR name, singular (1) and plural (2);
- `currency_territories.csv` (currency_code, country_code): the countries
  using each currency on `AS_OF`;
- `currency_symbols.csv` (surface, currency_code, position, territory): the
  symbol of each currency that is tender in a territory on `AS_OF`, in every
  locale of that territory ("R" in en_ZA, "Ksh" in sw_KE, "zł" in pl_PL), and of
  every current currency in the folders' languages (territory empty: "CA$" in
  English, "$CA" in French), with where the locale writes it (`prefix`:
  "¤#,##0.00", `suffix`: "#,##0.00 ¤", `both` when its locales differ). Only
  symbols the French and English press can write: no letter of another script,
  not the ISO code itself (babel keeps no narrow symbols).
"""

from __future__ import annotations

import argparse
import datetime
import gettext
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location
from babel.localedata import locale_identifiers
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies
from make_country_seeds import write_csv

HERE = Path(__file__).resolve().parent
LEXICONS = HERE.parent / "staging" / "lexicons"
# the languages are the folders of staging/lexicons/ (a new folder: rerun this script)
LANGUAGES = tuple(sorted(p.name for p in LEXICONS.iterdir()
                         if p.is_dir() and not p.name.startswith((".", "_"))))
# the day whose currencies count as in use (bump it when regenerating)
AS_OF = datetime.date(2026, 12, 1)

# first-level subdivisions with a government of their own (a state, province, Land, canton,
# prefecture): "the Karnataka government", "a cluster in Texas"
REGION_TYPES = {
    "State", "Province", "Land", "Canton", "Prefecture", "Territory", "Union territory",
    "Metropolitan region", "Autonomous community", "Emirate", "Autonomous region", "Region",
}
# a name followed by its type: "Wallonia, Region", "Asturias, Principado de" (not a list of names:
# "Tierra del Fuego, Antártida, e Islas del Atlántico Sur")
INVERTED = re.compile(
    r"[A-ZÀ-Þ][^,]+, (?i:r[eé]gion|regi[oó]n|comunidad|communaut[eé]|principado|principaut[eé])(?: \w+)*"
)
# Chinese province, municipality and region names carry their level in pinyin
CN_SUFFIX = re.compile(r" (?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu)$")


def fold(name: str) -> str:
    """ "Karnātaka" -> "Karnataka": transliteration marks dropped, French accents kept."""
    kept = (
        ch for ch in unicodedata.normalize("NFD", name)
        if not unicodedata.combining(ch) or ch in "\u0301\u0300\u0302\u0308\u0327"
    )
    return unicodedata.normalize("NFC", "".join(kept))


def ascii_form(name: str) -> str:
    """ "Montréal" -> "Montreal": English texts drop the accents."""
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
    )


def cldr_cities() -> list[tuple[str, str, str, str]]:
    out = []
    for zone, territory in get_global("zone_territories").items():
        # Antarctic stations and county-level US zones are named after people and small towns
        if zone.startswith(("Antarctica/", "Etc/")) or zone.count("/") > 1 or territory in ("AQ", "001"):
            continue
        for language in LANGUAGES:
            try:
                city = get_timezone_location(zone, locale=language, return_city=True)
            except (LookupError, ValueError):
                continue
            if city:
                out.append((zone, territory, language, city))
    return out


def region_names() -> list[tuple[str, str, str]]:
    translations = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[code]).gettext
                    for code in LANGUAGES]
    out = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        base = CN_SUFFIX.sub("", sub.name)  # "Beijing Shi" -> "Beijing"
        if sub.type not in REGION_TYPES and base == sub.name:
            continue
        names = {base} | {translate(sub.name) for translate in translations}  # "Bayern" -> "Bavaria"
        # ISO writes some names with their type after a comma, "Wallonia, Region", "Murcia, Región de":
        # the press writes the name alone
        names |= {n.split(",")[0] for n in names if INVERTED.fullmatch(n)}
        names |= {fold(n) for n in names} | {ascii_form(n) for n in names}
        out.extend((sub.country_code, sub.code, name) for name in sorted(names))
    return out


def language_names() -> list[tuple[str, str, str]]:
    return [(language, code, name)
            for language in LANGUAGES for code, name in Locale(language).languages.items()]


def currency_names() -> list[tuple[str, str, int, str]]:
    out = []
    for language in LANGUAGES:
        for currency in pycountry.currencies:
            for count in (1, 2):
                name = get_currency_name(currency.alpha_3, count, language)
                if name and name != currency.alpha_3:
                    out.append((currency.alpha_3, language, count, name))
    return out


def currency_territories() -> list[tuple[str, str]]:
    out = set()
    for country in pycountry.countries:
        try:
            codes = get_territory_currencies(country.alpha_2, start_date=AS_OF)
        except Exception:  # noqa: BLE001 - a territory babel does not know
            continue
        out.update((code, country.alpha_2) for code in codes)
    return sorted(out)


# direction marks and zero-width spaces around Arabic and Hebrew symbols ("\u200f₪")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u061c"), None) | {0x202F: " ", 0xA0: " "}


def _symbol(code: str, locale: Locale) -> str | None:
    """The locale's symbol for the currency, if the French and English press can write it."""
    symbol = get_currency_symbol(code, locale).translate(INVISIBLE).strip()
    if not symbol or symbol == code:
        return None
    if any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in symbol):
        return None  # "ج.م.", "руб.": another script
    return symbol


def _position(locale: Locale) -> str:
    """`prefix` when the locale's currency pattern puts ¤ before the number ("¤#,##0.00"), else `suffix`."""
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    number = min(pattern.index(ch) for ch in "#0" if ch in pattern)
    return "prefix" if pattern.index("¤") < number else "suffix"


def currency_symbols() -> list[tuple[str, str, str, str]]:
    by_territory: dict[str, list[Locale]] = defaultdict(list)
    for ident in locale_identifiers():
        locale = Locale.parse(ident)
        if locale.territory and not locale.variant:
            by_territory[locale.territory].append(locale)
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    current = set()
    for country in pycountry.countries:
        try:
            codes = get_territory_currencies(country.alpha_2, start_date=AS_OF)
        except Exception:  # noqa: BLE001 - a territory babel does not know
            continue
        current.update(codes)
        for locale in by_territory.get(country.alpha_2, ()):
            for code in codes:
                symbol = _symbol(code, locale)
                if symbol:
                    found[(symbol, code, country.alpha_2)].add(_position(locale))
    for language in LANGUAGES:  # the articles' own languages: "CA$", "$CA", "F CFA"
        locale = Locale.parse(language)
        for code in sorted(current):
            symbol = _symbol(code, locale)
            if symbol:
                found[(symbol, code, "")].add(_position(locale))
    return [(symbol, code, "both" if len(positions) > 1 else positions.pop(), territory)
            for (symbol, code, territory), positions in sorted(found.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LEXICONS, help="default: staging/lexicons/")
    out_dir = parser.parse_args(argv).out
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv("cldr_cities.csv", ["zone", "country_code", "language", "city"], cldr_cities(), out_dir)
    write_csv("region_names.csv", ["country_code", "subdivision_code", "name"], region_names(), out_dir)
    write_csv("language_names.csv", ["language", "code", "name"], language_names(), out_dir)
    write_csv("currency_names.csv", ["currency_code", "language", "count", "name"], currency_names(), out_dir)
    write_csv("currency_territories.csv", ["currency_code", "country_code"], currency_territories(), out_dir)
    write_csv("currency_symbols.csv", ["surface", "currency_code", "position", "territory"],
              currency_symbols(), out_dir)
    if out_dir.resolve() == LEXICONS.resolve():
        from generated_with import record

        record(Path(__file__).name, ["babel", "pycountry"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
