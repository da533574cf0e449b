"""Country names and demonyms in text, from `seeds/country_names.csv` (pycountry/babel generated)."""

from __future__ import annotations

import csv
import re
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
    zones (lexicons/cldr_cities.csv, generated from babel). A city never shadows a country name
    or demonym; of two equal names the first in CLDR's order wins."""
    from warehouse.staging.lexicon import rows

    taken = {name for _code, name, _kind in entries}
    out: list[tuple[str, str, str]] = []
    for r in rows("cldr_cities"):
        city = r["city"]
        if city not in taken and len(city) > 3:
            taken.add(city)
            out.append((r["country_code"], city, "city"))
    return out


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


def _regions(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """States, provinces and regions with their country (lexicons/region_names.csv, English and
    French names generated from pycountry), read like cities. Names two countries share, short
    names and common words are left out."""
    from warehouse.staging.lexicon import rows

    stop = {r["word"] for r in rows("name_filters") if r["kind"] in ("place_stop", "stop", "generic")}
    taken = {name for _code, name, _kind in entries}
    found: dict[str, set[str]] = {}
    for r in rows("region_names"):
        name, code = r["name"], r["country_code"]
        if len(name) < 5 or "," in name or "(" in name or "[" in name or name in taken:
            continue
        if name.split()[0] in stop or name in stop:
            continue
        found.setdefault(name, set()).add(code)
        if name.endswith("a") and " " not in name:  # "Bavaria" -> "the Bavarian government"
            found.setdefault(name + "n", set()).add(code)
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
            # the name as written first, then its other forms in a fixed order: the table's order
            # names a country in output ("Britain", not "BRITAIN"), whatever the hash seed
            for form in [name, *sorted(forms - {name})]:
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
