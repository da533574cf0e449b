"""Generate `staging/lexicons/first_names.csv`: given names in Latin script, from Faker's person
providers (a maintained package: per-locale name lists drawn from national name statistics).

Run from the project root (offline; faker is in the `seeds` extra, never imported by the build):

    python scripts/make_first_names.py            # writes into staging/lexicons/
    python scripts/make_first_names.py --out DIR  # writes elsewhere (tests compare)

`first_names.csv` (name, locales): one row per name, in alphabetical order, with the
space-separated Faker locales that list it ("Camille,fr_BE fr_CA fr_FR"). The person detector
(`staging/people.py`) reads it: a capitalised name opening on one of these words followed by one
or two capitalised words is a person ("Camille Berthier"). Kept here are the names of the
locales whose press the corpus quotes, in Latin script (Japanese and Chinese names in their
romanised forms); a name shorter than three letters is left out ("Li", "Jo": too many other
readings). Which names are also common words or firm words is decided where they are read
(`staging/people.py` drops the extractor's own vocabulary, places and seed firm words), so that
this file is a function of the Faker release alone.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
import warnings
from pathlib import Path

from faker import Faker
from make_country_seeds import write_csv

HERE = Path(__file__).resolve().parent
LEXICONS = HERE.parent / "staging" / "lexicons"

# the locales whose given names the articles quote (founders, ministers, investors), Latin script
# (Icelandic's 3,700 names are left out: many are short common words of other languages)
LOCALES = (
    "az_AZ", "cs_CZ", "da_DK", "de_AT", "de_CH", "de_DE", "de_LU", "en_GB", "en_IE", "en_IN", "en_KE",
    "en_NG", "en_NZ", "en_PK", "en_US", "es_AR", "es_CL", "es_CO", "es_ES", "es_MX", "et_EE", "fi_FI",
    "fr_BE", "fr_CA", "fr_CH", "fr_DZ", "fr_FR", "ga_IE", "ha_NG", "hr_HR", "hu_HU", "id_ID", "ig_NG",
    "it_IT", "ja_JP", "lt_LT", "lv_LV", "nl_BE", "nl_NL", "no_NO", "pl_PL", "pt_BR", "pt_PT", "ro_RO",
    "sk_SK", "sl_SI", "sv_SE", "sw", "tr_TR", "tw_GH", "uz_UZ", "vi_VN", "yo_NG", "zh_CN", "zh_TW", "zu_ZA",
)
# the attributes holding a provider's given names; romanised forms where the script is not Latin
ATTRIBUTES = ("first_names", "first_names_female", "first_names_male", "first_romanized_names",
              "first_romanized_names_female", "first_romanized_names_male")
MIN_LETTERS = 3


def latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def cased(name: str) -> str:
    """ "CHIA-HAO" -> "Chia-Hao": romanised lists in capitals are written as the press writes them."""
    return "-".join(part.capitalize() for part in name.split("-")) if name.isupper() else name


def provider_names(locale: str) -> set[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a deprecated locale alias
        provider = Faker(locale).provider("faker.providers.person")
    out: set[str] = set()
    for attribute in ATTRIBUTES:
        values = getattr(provider, attribute, None) or ()
        out.update(v for v in values if isinstance(v, str))
    return out


def first_names() -> list[tuple[str, str]]:
    by_name: dict[str, set[str]] = {}
    for locale in LOCALES:
        for raw in provider_names(locale):
            name = unicodedata.normalize("NFC", cased(raw.strip()))
            if " " in name or not latin(name) or sum(ch.isalpha() for ch in name) < MIN_LETTERS:
                continue
            by_name.setdefault(name, set()).add(locale)
    return [(name, " ".join(sorted(locales))) for name, locales in sorted(by_name.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LEXICONS, help="default: staging/lexicons/")
    out_dir = parser.parse_args(argv).out
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv("first_names.csv", ["name", "locales"], first_names(), out_dir)
    if out_dir.resolve() == LEXICONS.resolve():
        from generated_with import record

        record(Path(__file__).name, ["faker"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
