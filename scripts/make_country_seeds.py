"""Generate seeds/countries.csv, seeds/country_names.csv and seeds/currencies.csv.

Run from the project root (offline; pycountry and babel are dependencies):

    python scripts/make_country_seeds.py            # writes into seeds/
    python scripts/make_country_seeds.py --out DIR  # writes elsewhere (tests compare)

Sources, in order:
- pycountry: the ISO 3166-1 country list and ISO 4217 currencies;
- babel (CLDR): English and French names as news writes them ("Corée du Sud",
  "États-Unis"), and language names that double as demonyms ("japonais",
  "Japanese") where a language is the majority official language of exactly
  one country and CLDR's likely territory for it is that country;
- hand-curated files next to this script, for what no library has:
  `country_names_extra.csv` (short forms, abbreviations, spelling variants),
  `demonyms_extra.csv` (demonyms; French feminine and plural forms are
  derived by rule, with an optional irregular feminine),
  `country_names_drop.csv` (forms that collide with common words or are
  ambiguous, removed from the output whatever their source),
  `country_names_notes.csv` (cautions on forms that are kept, written to the
  `note` column with the curated files' own notes).
The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import babel
import pycountry
from babel.core import get_global

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"

# babel's display names that are not how news names the country
NAME_OVERRIDES = {
    ("en", "HK"): "Hong Kong",
    ("fr", "HK"): "Hong Kong",
    ("en", "MO"): "Macao",
    ("fr", "MO"): "Macao",
    ("en", "MM"): "Myanmar",
    ("fr", "MM"): "Myanmar",
    ("en", "CD"): "Democratic Republic of the Congo",
    ("fr", "CD"): "République démocratique du Congo",
    ("en", "CG"): "Republic of the Congo",
    ("fr", "CG"): "République du Congo",
    ("en", "PS"): "Palestine",
    ("fr", "PS"): "Palestine",
    ("en", "KN"): "Saint Kitts and Nevis",
    ("en", "VC"): "Saint Vincent and the Grenadines",
    ("en", "LC"): "Saint Lucia",
    ("en", "PM"): "Saint Pierre and Miquelon",
    ("en", "BL"): "Saint Barthélemy",
    ("en", "MF"): "Saint Martin",
    ("en", "SH"): "Saint Helena",
    ("en", "TC"): "Turks and Caicos Islands",
    ("en", "TT"): "Trinidad and Tobago",
    ("en", "AG"): "Antigua and Barbuda",
    ("en", "BA"): "Bosnia and Herzegovina",
    ("en", "ST"): "São Tomé and Príncipe",
    ("en", "WF"): "Wallis and Futuna",
    ("en", "HM"): "Heard Island and McDonald Islands",
    ("en", "GS"): "South Georgia and the South Sandwich Islands",
    ("en", "SJ"): "Svalbard and Jan Mayen",
    ("en", "UM"): "United States Minor Outlying Islands",
    ("en", "VI"): "United States Virgin Islands",
}

# ISO 4217 numeric codes of withdrawn currencies still in the ECB history since 2015
WITHDRAWN_ECB_CURRENCIES = {"HRK": "191", "BGN": "975"}

# languages whose names are nationalities only for their own country
MIN_POPULATION_PERCENT = 50


def read_csv(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(name: str, header: list[str], rows: list[tuple], out_dir: Path = SEEDS) -> None:
    path = out_dir / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {path}")


# a territory CLDR names and news reports on that ISO 3166-1 has not assigned: Kosovo's user-assigned
# code, the one the European Commission, the IMF and CLDR use
UNASSIGNED = [SimpleNamespace(alpha_2="XK", alpha_3="XKX", name="Kosovo")]


def country_list() -> list:
    return sorted([*pycountry.countries, *UNASSIGNED], key=lambda c: c.alpha_2)


def display_names(codes: list[str]) -> dict[tuple[str, str], str]:
    """(language, alpha-2) -> the news-style name, from babel with overrides."""
    names = {}
    for language in ("en", "fr"):
        territories = babel.Locale(language).territories
        for code in codes:
            names[(language, code)] = NAME_OVERRIDES.get((language, code), territories.get(code))
    return names


def babel_language_demonyms(codes: set[str]) -> list[tuple[str, str, str]]:
    """(alpha-2, language, adjective) from language names with one home country."""
    territory_languages = get_global("territory_languages")
    likely = get_global("likely_subtags")
    homes: dict[str, list[str]] = defaultdict(list)
    for territory, languages in territory_languages.items():
        # (Kosovo's Albanian and Serbian keep their one ISO home: "Albanian" stays Albania's)
        if territory not in codes or territory in {c.alpha_2 for c in UNASSIGNED}:
            continue
        for lang, info in languages.items():
            official = info.get("official_status") in ("official", "de_facto_official")
            if official and info.get("population_percent", 0) >= MIN_POPULATION_PERCENT:
                homes[lang].append(territory)
    out = []
    locales = {lang: babel.Locale(lang) for lang in ("en", "fr")}
    for lang, territories in sorted(homes.items()):
        if len(territories) != 1 or "_" in lang:
            continue
        territory = territories[0]
        likely_tag = likely.get(lang, "")
        if not likely_tag.endswith("_" + territory):
            continue
        for out_lang, locale in locales.items():
            name = locale.languages.get(lang)
            if name:
                out.append((territory, out_lang, name))
    return out


def french_forms(base: str, feminine: str | None = None) -> list[str]:
    """Masculine/feminine, singular/plural of a French demonym, by rule."""
    if feminine is None:
        if base.endswith("en"):
            feminine = base + "ne"
        elif base.endswith("on"):
            feminine = base + "ne"
        elif base.endswith("e"):
            feminine = base
        else:
            feminine = base + "e"
    masc_plural = base if base.endswith(("s", "x")) else base + "s"
    fem_plural = feminine + "s"
    return [base, feminine, masc_plural, fem_plural]


def english_forms(base: str) -> list[str]:
    """Adjective plus the plural noun where English forms one (Americans, Saudis)."""
    forms = [base]
    last = base.split()[-1]
    if last.endswith(("an", "i")) and not base[0].islower():
        forms.append(base + "s")
    return forms


def strip_initial_accent(name: str) -> str:
    """'États-Unis' -> 'Etats-Unis': French often drops accents on capitals."""
    first = unicodedata.normalize("NFD", name[0])[0]
    return first + name[1:]


def overseas_departments(countries: list) -> dict[str, str]:
    """The ISO 3166-1 codes of France's overseas departments, with their ISO 3166-2:FR code
    (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte), matched by name."""
    fr_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])

    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text.split("(")[0]).casefold()
        return "".join(ch for ch in text if not unicodedata.combining(ch)).removeprefix("la ").strip()

    out = {}
    for sub in pycountry.subdivisions.get(country_code="FR"):
        if sub.type not in ("Overseas departmental collectivity", "Overseas unique territorial collectivity"):
            continue
        for country in countries:
            names = {fold(country.name), fold(fr_iso.gettext(country.name))}
            if country.alpha_2 != "FR" and any(fold(sub.name) in n for n in names):
                out[country.alpha_2] = sub.code
    return out


def build_country_names(countries: list, names: dict) -> list[tuple[str, str, str, str, str]]:
    codes = {c.alpha_2 for c in countries}
    rows: set[tuple[str, str, str, str]] = set()
    notes: dict[tuple[str, str], str] = {
        (r["language"], r["name"]): r["note"] for r in read_csv("country_names_notes.csv")
    }
    fr_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])

    def add(code: str, language: str, name: str | None, kind: str) -> None:
        if name:
            rows.add((code, language, unicodedata.normalize("NFC", name.strip()), kind))

    for country in countries:
        code = country.alpha_2
        for language in ("en", "fr"):
            name = names[(language, code)]
            add(code, language, name, "name")
            if "’" in (name or ""):
                add(code, language, name.replace("’", "'"), "name")
        fr_name = names[("fr", code)]
        if fr_name and fr_name[0] in "ÉÈÊ":
            add(code, "fr", strip_initial_accent(fr_name), "name")
        # pycountry's names where they read as prose, not as ISO index entries
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value and not value.startswith("the "):
                add(code, "en", value, "name")
        iso_fr = fr_iso.gettext(country.name)
        if iso_fr and "," not in iso_fr and "(" not in iso_fr:
            add(code, "fr", iso_fr, "name")
    # babel's display names in parentheses ("Myanmar (Burma)") are not prose forms
    rows = {r for r in rows if "(" not in r[2]}

    for row in read_csv("country_names_extra.csv"):
        add(row["country_code"], row["language"], row["name"], "name")
        if row["note"]:
            notes.setdefault((row["language"], row["name"]), row["note"])

    dropped = {(r["language"], r["name"], r["kind"]) for r in read_csv("country_names_drop.csv")}
    curated = read_csv("demonyms_extra.csv")
    curated_bases = {(r["language"], r["name"]) for r in curated}
    for code, language, name in babel_language_demonyms(codes):
        if (language, name) in curated_bases:  # the curated row knows irregular forms
            continue
        if (language, name, "demonym") in dropped:  # a language name, not a nationality
            continue
        forms = french_forms(name) if language == "fr" else english_forms(name)
        for form in forms:
            add(code, language, form, "demonym")
    for row in curated:
        if row["language"] == "fr":
            forms = french_forms(row["name"], row["fr_feminine"] or None)
        else:
            forms = english_forms(row["name"])
        for form in forms:
            add(row["country_code"], row["language"], form, "demonym")
            if row["note"]:
                notes.setdefault((row["language"], form), row["note"])

    rows = {r for r in rows if (r[1], r[2], r[3]) not in dropped}
    # France's overseas departments are France: a grant of "la Région Réunion" is France's, a firm of
    # Saint-Denis de La Réunion a French one (ISO 3166-2:FR lists them among France's subdivisions)
    departments = overseas_departments(countries)
    for code, language, name, kind in sorted(rows):
        if code in departments:
            rows.discard((code, language, name, kind))
            rows.add(("FR", language, name, kind))
            notes.setdefault((language, name), f"an overseas department of France ({departments[code]})")

    # a surface form that names two countries is ambiguous: keep neither
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, language, name, _kind in rows:
        owners[(language, name)].add(code)
    ambiguous = {key for key, owner in owners.items() if len(owner) > 1}
    if ambiguous:
        print("dropped ambiguous forms:", sorted(ambiguous))
    rows = {r for r in rows if (r[1], r[2]) not in ambiguous}
    # one row per (country, language, name): a name wins over a demonym
    best: dict[tuple[str, str, str], str] = {}
    for code, language, name, kind in rows:
        key = (code, language, name)
        if key not in best or kind == "name":
            best[key] = kind
    unknown = {code for code, _, _ in best} - codes
    if unknown:
        raise SystemExit(f"unknown country codes in curated files: {sorted(unknown)}")
    return sorted(
        (code, language, name, kind, notes.get((language, name), ""))
        for (code, language, name), kind in best.items()
    )


def currency_rows() -> list[tuple[str, str, str, bool]]:
    """ISO 4217 from pycountry, plus the withdrawn codes the ECB history still uses.

    pycountry lists current codes only; seeds/fx_rates.csv has rows for HRK
    (replaced by the euro in 2023) and BGN (2026), so they are kept here,
    named by babel and flagged not current, for every FX code to resolve.
    """
    rows = [(c.alpha_3, c.name, c.numeric, True) for c in pycountry.currencies]
    current = {r[0] for r in rows}
    english = babel.Locale("en").currencies
    for code, numeric in WITHDRAWN_ECB_CURRENCIES.items():
        if code not in current:
            rows.append((code, english[code], numeric, False))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SEEDS, help="output folder (default: seeds/)")
    out_dir = parser.parse_args(argv).out
    out_dir.mkdir(parents=True, exist_ok=True)
    countries = country_list()
    names = display_names([c.alpha_2 for c in countries])
    write_csv(
        "countries.csv",
        ["country_code", "alpha3", "name_en", "name_fr"],
        [(c.alpha_2, c.alpha_3, names[("en", c.alpha_2)], names[("fr", c.alpha_2)]) for c in countries],
        out_dir,
    )
    write_csv(
        "country_names.csv",
        ["country_code", "language", "name", "kind", "note"],
        build_country_names(countries, names),
        out_dir,
    )
    write_csv(
        "currencies.csv",
        ["currency_code", "currency_name", "numeric_code", "is_current"],
        currency_rows(),
        out_dir,
    )
    if out_dir.resolve() == SEEDS.resolve():
        from generated_with import record

        record(Path(__file__).name, ["babel", "pycountry"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
