"""Country names and demonyms in text, from `seeds/country_names.csv` (pycountry/babel generated)."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str
    kind: str  # 'name' | 'demonym' | 'city'
    surface: str


def _cities(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Cities with their country, in English and French: the exemplar cities of the CLDR time
    zones (babel). A city never shadows a country name or demonym."""
    try:
        from babel.core import get_global
        from babel.dates import get_timezone_location
    except ImportError:  # pragma: no cover
        return []
    taken = {name for _code, name, _kind in entries}
    out: list[tuple[str, str, str]] = []
    for zone, territory in get_global("zone_territories").items():
        # Antarctic stations and county-level US zones are named after people and small towns
        if zone.startswith(("Antarctica/", "Etc/")) or zone.count("/") > 1 or territory in ("AQ", "001"):
            continue
        for locale in ("en", "fr"):
            try:
                city = get_timezone_location(zone, locale=locale, return_city=True)
            except (LookupError, ValueError):
                continue
            if city and city not in taken and len(city) > 3:
                taken.add(city)
                out.append((territory, city, "city"))
    return out


# first-level subdivisions with a government of their own (a state, province, Land, canton,
# prefecture): "the Karnataka government", "a cluster in Texas"
_REGION_TYPES = {
    "State", "Province", "Land", "Canton", "Prefecture", "Territory", "Union territory",
    "Metropolitan region", "Autonomous community", "Emirate", "Autonomous region",
}


# Chinese province, municipality and region names carry their level in pinyin
_CN_SUFFIX = re.compile(r" (?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu)$")


def _fold(name: str) -> str:
    """ "Karnātaka" -> "Karnataka": transliteration marks dropped, French accents kept."""
    out = []
    for ch in unicodedata.normalize("NFD", name):
        if unicodedata.combining(ch) and ch not in "\u0301\u0300\u0302\u0308\u0327":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _large_cities(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """National capitals and cities of 500,000 people or more (lexicons/cities.csv, drawn from
    GeoNames), minus the names that are common words."""
    from warehouse.staging.lexicon import rows

    stop = {r["word"] for r in rows("name_filters") if r["kind"] in ("place_stop", "stop", "generic")}
    taken = {name for _code, name, _kind in entries}
    return [
        (r["country_code"], r["city"], "city")
        for r in rows("cities")
        if r["city"] not in taken and r["city"] not in stop
    ]


def _ascii(name: str) -> str:
    """ "Montréal" -> "Montreal": English texts drop the accents."""
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch)
    ))


def _regions(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """States, provinces and regions with their country (pycountry, English and French names), read
    like cities. Names two countries share, short names and common words are left out."""
    try:
        import gettext

        import pycountry
    except ImportError:  # pragma: no cover
        return []
    languages = []
    for code in ("en", "fr"):
        try:
            catalog = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[code])
            languages.append(catalog.gettext)
        except OSError:  # pragma: no cover
            pass
    from warehouse.staging.lexicon import rows

    stop = {r["word"] for r in rows("name_filters") if r["kind"] in ("place_stop", "stop", "generic")}
    taken = {name for _code, name, _kind in entries}
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        base = _CN_SUFFIX.sub("", sub.name)  # "Beijing Shi" -> "Beijing"
        if sub.type not in _REGION_TYPES and base == sub.name:
            continue
        names = {base}
        for translate in languages:  # "Bayern" -> "Bavaria", "Bavière"
            names.add(translate(sub.name))
        names |= {_fold(n) for n in names} | {_ascii(n) for n in names}
        for name in names:
            if len(name) < 5 or "," in name or "(" in name or "[" in name or name in taken:
                continue
            if name.split()[0] in stop or name in stop:
                continue
            found.setdefault(name, set()).add(sub.country_code)
            if name.endswith("a") and " " not in name:  # "Bavaria" -> "the Bavarian government"
                found.setdefault(name + "n", set()).add(sub.country_code)
    return [(codes.pop(), name, "city") for name, codes in sorted(found.items()) if len(codes) == 1]


class CountryFinder:
    """Finds country names and demonyms (word-bounded, longest match)."""

    def __init__(self, entries: list[tuple[str, str, str]]):
        table: dict[str, tuple[str, str]] = {}
        for code, name, kind in entries:
            forms = {name}
            if kind == "demonym" or name[:1].islower():
                forms |= {name[:1].upper() + name[1:], name.lower()}
            if kind in ("name", "city") and len(name) >= 4:
                forms.add(name.upper())  # a heading or dateline in capitals: "VIETNAM —", "SYDNEY,"
            for form in forms:
                # a name wins over a demonym with the same spelling (Suisse / suisse)
                if form not in table or (kind == "name" and table[form][1] != "name"):
                    table[form] = (code, kind)
        self.patterns = sorted(table)
        self.table = table
        self.ac = (
            ahocorasick_rs.AhoCorasick(self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if self.patterns
            else None
        )

    @classmethod
    def from_project(cls, project_dir: Path | None) -> CountryFinder:
        path = Path(project_dir or ".") / "seeds" / "country_names.csv"
        entries: list[tuple[str, str, str]] = []
        if path.exists():
            with open(path, encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    name = (row.get("name") or "").strip()
                    code = (row.get("country_code") or "").strip().upper()
                    # two-letter all-caps names (US, UK) clash with codes in prose only rarely; keep them
                    if name and code and len(name) >= 2:
                        entries.append((code, name, (row.get("kind") or "name").strip()))
        cities = _cities(entries)
        cities += _large_cities(entries + cities)
        return cls(entries + cities + _regions(entries + cities))

    def find(self, text: str) -> list[CountryMention]:
        if not self.ac:
            return []
        out = []
        for idx, s, e in self.ac.find_matches_as_indexes(text):
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-"):
                continue
            if e < len(text) and (text[e].isalnum() or text[e] in "$"):
                continue
            form = self.patterns[idx]
            code, kind = self.table[form]
            if kind == "city" and re.match(r" [A-ZÀ-ÖØ-Þ]\w", text[e : e + 3]):
                continue  # "Falcon Grid", "Texas Instruments": a place word opening a longer name
            out.append(CountryMention(s, e, code, kind, form))
        return out
