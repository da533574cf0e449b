"""Country names and demonyms in text, from `seeds/country_names.csv` (pycountry/babel generated)."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
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
    # "le Canton de Vaud": a word that names a level of government is no city (French CLDR's "Canton")
    bodies = {r["word"].lower() for r in rows("public_bodies")}
    out: list[tuple[str, str, str]] = []
    for r in rows("cldr_cities"):
        city = r["city"]
        if city not in taken and len(city) > 3 and city.lower() not in bodies:
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


# the slots where the syntax says a firm's seat stands, read for the towns of lexicons/towns.csv:
# "Tartu-based", "Tartu-headquartered" (the town before the match)
_SEAT_BEFORE = re.compile(r"-(?:based|headquartered)\b")
# a possessive before a capitalised name: "Cluj-Napoca's Someș AI" (the town before the match)
_OWNS_NAME = re.compile(r"['’]s[ \t]+(?=[A-ZÀ-ÖØ-Þ])")
_RUN_BEFORE = re.compile(r"(?:[\w'’.-]+[ \t]){0,4}[\w'’.-]+$")
# "based in Tartu", "basée à Tartu", "dont le siège est à Tartu" (the town after): the words,
# found by one automaton (a case-insensitive regex would try every position of the text), then
# what follows them
_SEAT_WORDS = (
    "based", "headquartered", "headquarters", "located",
    *(stem + end for stem in ("basé", "installé", "implanté", "situé", "domicilié")
      for end in ("", "e", "s", "es")),
    "siège",
)
_SEAT_LEAD = ahocorasick_rs.AhoCorasick(
    sorted({form for w in _SEAT_WORDS for form in (w, w[:1].upper() + w[1:])}),
    matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
)
_SEAT_LEAD_REST = re.compile(
    r"(?:[ \t]+social)?(?:[ \t]+est)?(?:[ \t]+(?:situé|installé))?"
    r"[ \t]+(?:in|à|out[ \t]+of)[ \t]+(?=[A-ZÀ-ÖØ-Þ])"
)
# "la société de Louvain-la-Neuve", "une start-up d'Oulu": a French firm noun, then its town
_FIRM_OF = re.compile(
    # (the look-ahead names the first letters: a quick skip of every other position)
    r"(?=[sSeEjJpP])\b(?:société|start-?up|entreprise|jeune pousse|pépite|scale-?up|PME)[ \t]+"
    r"(?:de[ \t]+|d['’])(?=[A-ZÀ-ÖØ-Þ])"
)
_FIRM_OF_WORDS = (
    "ociété", "tart-up", "tartup", "ntreprise", "eune pousse", "épite", "cale-up", "cale up", "PME"
)
# a dateline opening a line, in capitals: "TARTU, Estonia —", "KANNAPOLIS, N.C. —"
# (a line break first: a pattern opening on a literal is searched for fast, `^` is tried everywhere)
_DATELINE = re.compile(
    r"\n[ \t]*(?=[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:[ \t][A-ZÀ-ÖØ-Þ'’.-]+){0,3}(?:,|[ \t]+[—–-][ \t]))"
)
# "X (Tartu)", "X (Tartu, Estonia)": a bracket holding a place right after a name
_BRACKET = re.compile(r"\((?=[A-ZÀ-ÖØ-Þ])")
_RUN_AFTER = re.compile(r"[\w'’.-]+(?:[ \t][\w'’.-]+){0,4}")
# what closes a bracket holding a place: its end, or a comma and the country or state ("Tartu, Estonia")
_BRACKET_END = re.compile(r"\)|,[ \t]*[^()\n,]{2,30}(?:,[ \t]*[^()\n,]{2,30})?\)")
# a university named after its town: "l'université de Liège", "University of Tartu"
_UNIVERSITY_OF = re.compile(r"\b[Uu]niversit(?:y|é)[ \t]+(?:of|de|d['’])[ \t]*(?=[A-ZÀ-ÖØ-Þ])")
# a site named by its town: "at its Luleå facility", "the Kajaani site" (the town between a
# determiner and the site noun); "son site de Kajaani", "le campus d'Oulu" (the town after)
_SITE_NOUN = re.compile(r"[ \t](?:AI[ \t]+)?(?:campus|data[ \t]*cent(?:re|er)|site|facility|plant)\b")
_SITE_DETERMINER = re.compile(
    r"\b(?:its|their|the|his|her|our)[ \t]+(?:(?:new|planned|future)[ \t]+)?$", re.IGNORECASE
)
# (also read by country_date, for a place already found after it)
SITE_OF = (
    r"\b(?:site|campus|centre[ \t]+de[ \t]+(?:données|calcul)|data[ \t]*cent(?:er|re)|usine)[ \t]+"
    r"(?:de[ \t]+|d['’])"
)
_SITE_OF = re.compile(SITE_OF + r"(?=[A-ZÀ-ÖØ-Þ])")
# "a Tartu speech start-up", "an Oulu robotics firm": a town between an indefinite article and a
# firm noun, past up to two words
_INDEFINITE = re.compile(r"\b(?:a|an)[ \t]+(?=[A-ZÀ-ÖØ-Þ])")
_FIRM_NOUN_CLOSE = re.compile(
    r"(?:[ \t]+[a-zA-Z][\w-]*){0,2}?[ \t]+"
    r"(?:start-?up|startup|firm|company|lab|developer|provider|operator|maker)s?\b"
)
# a line that opens on a place and a colon: "Liège : Meuse Intelligence lève 7 millions d'euros"
_HEADING_PLACE = re.compile(r"\n[ \t]*(?=[A-ZÀ-ÖØ-Þ][^\n:]{1,30}?[ \t]?:[ \t]+[A-ZÀ-ÖØ-Þ])")
_HEADING_COLON = re.compile(r"[ \t]?:[ \t]")
# a dateline's town: capitals, then a comma or a dash, and a dash further on the line
_DATELINE_END = re.compile(r"(?:,[^\n]{0,60}?)?[ \t]+[—–-][ \t]")
# the possessive or full stop after a town: "Tartu's", "based in Tartu."
_TRAILING = re.compile(r"(?:['’]s|\.)$")


# one spelling of letters written two ways: the apostrophe, Romanian s and t with a comma below
# (GeoNames writes them with a cedilla: "Braşov", the press "Brașov")
_TOWN_SPELLING = str.maketrans({"’": "'", "ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})


@cache
def _unaccented() -> dict[int, str]:
    """The Latin letters with accents (Latin-1 to Latin Extended-B, Latin Extended Additional) and
    the same letters without them ("ä" -> "a", "ș" -> "s"): a `str.translate` table."""
    out = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        bare = "".join(ch for ch in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(ch))
        if bare != chr(cp):
            out[cp] = bare
    return out


@cache
def _shared_towns() -> dict[str, frozenset[str]]:
    """Town -> the countries whose towns bear the name (lexicons/towns_shared.csv, the names
    towns.csv leaves out), with the same names without accents."""
    from warehouse.staging.lexicon import LEXICON_DIR

    table: dict[str, set[str]] = {}
    unaccented = _unaccented()
    with open(LEXICON_DIR / "towns_shared.csv", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        for code, town in reader:
            spelled = town.translate(_TOWN_SPELLING)
            for form in {spelled, spelled.translate(unaccented)}:
                table.setdefault(form, set()).add(code)
    return {name: frozenset(codes) for name, codes in table.items()}


@cache
def _town_table() -> dict[str, str]:
    """Town -> country: the towns of 15,000 people or more one country names (lexicons/towns.csv,
    drawn from GeoNames by scripts/make_towns.py, which leaves out the names two countries share,
    with or without accents), and the same names without accents ("Jyvaskyla"). Read as plain CSV
    rows (31,000 of them), once, when a seat slot first holds a capitalised word."""
    from warehouse.staging.lexicon import LEXICON_DIR

    with open(LEXICON_DIR / "towns.csv", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        table = {town.translate(_TOWN_SPELLING): code for code, town in reader}
    unaccented = _unaccented()
    for name, code in [(n, c) for n, c in table.items() if not n.isascii()]:
        table.setdefault(name.translate(unaccented), code)
    return table


@cache
def _town_stop() -> tuple[frozenset[str], frozenset[str]]:
    """Common words no town slot reads as a town: `name_filters.csv` place_stop/stop/generic words
    (case-sensitive, "Mobile", "Central") and every language's stop words (any case)."""
    from warehouse.staging.lexicon import rows

    stop = {r["word"] for r in rows("name_filters") if r["kind"] in ("place_stop", "stop", "generic")}
    return frozenset(stop), frozenset(r["word"].lower() for r in rows("stopwords"))


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

    def town(self, name: str, dateline: bool = False, named: frozenset[str] = frozenset()) -> str | None:
        """The country of a town of `towns.csv` ("Tartu" -> "EE"; in capitals in a dateline,
        "KANNAPOLIS"), unless the name is a common word or a country, city or region name of this
        finder's table (theirs wins, in any case: "Nice", "Paris")."""
        name = name.translate(_TOWN_SPELLING)
        if dateline:
            name = name.title()  # "KANNAPOLIS" -> "Kannapolis", "L'AQUILA" -> "L'Aquila"
        code = _town_table().get(name)
        if code is None and named:
            # "Dolomiti Reasoning (Trento)" in a story that names Italy: a name several countries' towns
            # bear is the town of the one country the document names
            hits = _shared_towns().get(name, frozenset()) & named
            code = next(iter(hits)) if len(hits) == 1 else None
        if code is None:
            return None
        stop, stop_lower = _town_stop()
        if name in stop or name.lower() in stop_lower or name in self.table or name.upper() in self.table:
            return None
        return code

    def seats(self, text: str, named: frozenset[str] = frozenset()) -> list[CountryMention]:
        """Towns of `towns.csv` where the syntax says a place stands, never as free matches (a town
        is often a common word or a firm's name: "Mobile", "Aurora Labs"): "a Tartu-based start-up",
        "Tartu Token Labs (Tartu) —", "(Tartu, Estonia)", "based in Tartu", "installée à Tartu", a
        dateline "TARTU, Estonia —". The longest town name the slot holds wins. `named`: the countries
        the text names, which place a town several countries' towns share."""
        out: list[CountryMention] = []
        for m in _SEAT_BEFORE.finditer(text):
            if town := self._town_before(text, m.start(), named=named):
                out.append(town)
        for m in _OWNS_NAME.finditer(text):  # "Cluj-Napoca's Someș AI": the town owning a name
            if town := self._town_before(text, m.start(), named=named):
                out.append(town)
        def determined(a: int) -> bool:  # "at its Luleå facility": a determiner before the town
            return _SITE_DETERMINER.search(text, max(0, a - 30), a) is not None

        for m in _SITE_NOUN.finditer(text):
            if town := self._town_before(text, m.start(), determined, named):
                out.append(town)
        slots: list[tuple[int, str]] = []  # where a town may start, and its slot
        for m in _BRACKET.finditer(text):
            k = m.start()
            if k >= 2 and text[k - 1] in " \t" and (text[k - 2].isalnum() or text[k - 2] in "_.)"):
                slots.append((m.end(), "bracket"))
        for _idx, s, e in _SEAT_LEAD.find_matches_as_indexes(text):
            if s > 0 and text[s - 1].isalnum():
                continue
            rest = _SEAT_LEAD_REST.match(text, e)
            if rest:
                slots.append((rest.end(), "lead"))
        if "niversit" in text:  # "l'université de Liège", "the University of Tartu": its town places it
            slots += [(m.end(), "lead") for m in _UNIVERSITY_OF.finditer(text)]
        slots += [(m.end(), "lead") for m in _SITE_OF.finditer(text)]
        if any(w in text for w in _FIRM_OF_WORDS):  # (a quick test before the regex: English has none)
            slots += [(m.end(), "lead") for m in _FIRM_OF.finditer(text)]
        slots += [(m.end(), "firm_noun") for m in _INDEFINITE.finditer(text)]
        slots += [(m.end() - 1, "dateline") for m in _DATELINE.finditer("\n" + text)]
        if ":" in text:
            slots += [(m.end() - 1, "heading") for m in _HEADING_PLACE.finditer("\n" + text)]
        for a, slot in slots:
            run = _RUN_AFTER.match(text, a)
            if run is None:
                continue
            # word ends of the run, the longest name first; a possessive or full stop is no part of it
            ends = [k for k in range(run.end(), a, -1) if k == run.end() or text[k] in " \t"]
            for e in ends:
                trail = _TRAILING.search(text, a, e)
                for b in (e, trail.start()) if trail else (e,):
                    code = self.town(text[a:b], slot == "dateline", named)
                    if code is None or not self._seat_closes(text, b, slot):
                        continue
                    out.append(CountryMention(a, b, code, "city", text[a:b]))
                    break
                else:
                    continue
                break
        return out

    def _town_before(
        self, text: str, end: int, ok=lambda a: True, named: frozenset[str] = frozenset()
    ) -> CountryMention | None:
        """The longest town of `towns.csv` ending a run of words at `end` ("the Estonian Tartu-based" ->
        "Tartu"), starting where `ok` allows."""
        lo = max(0, end - 60, text.rfind("\n", 0, end) + 1)
        run = _RUN_BEFORE.search(text, lo, end)
        if run is None:
            return None
        # word starts of the run, the longest name first
        starts = [run.start()] + [k + 1 for k in range(run.start(), run.end()) if text[k] in " \t"]
        for a in starts:
            if ok(a) and (code := self.town(text[a:end], named=named)):
                return CountryMention(a, end, code, "city", text[a:end])
        return None

    @staticmethod
    def _seat_closes(text: str, end: int, slot: str) -> bool:
        """Whether what follows a town closes its slot: a bracket holding only the place, a dateline's
        comma or dash, the end of a word elsewhere."""
        if slot == "bracket":
            return _BRACKET_END.match(text, end) is not None
        if slot == "dateline":
            return _DATELINE_END.match(text, end) is not None
        if slot == "heading":
            return _HEADING_COLON.match(text, end) is not None
        if slot == "firm_noun":
            return _FIRM_NOUN_CLOSE.match(text, end) is not None
        return end == len(text) or not (text[end].isalnum() or text[end] in "-")

    def find(self, text: str) -> list[CountryMention]:
        out = self._find(text)
        seats = self.seats(text, frozenset(c.code for c in out))
        if seats:
            # a town where the lexicons already know a place there is theirs
            seats = [t for t in seats if not any(c.start < t.end and t.start < c.end for c in out)]
            out = sorted(out + seats, key=lambda c: c.start)
        return out

    def _find(self, text: str) -> list[CountryMention]:
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
