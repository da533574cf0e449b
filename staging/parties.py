"""Names of organisations in text: the firms gazetteer (seeds) plus capitalised-name patterns
for firms the seeds do not know."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs
from warehouse.staging.lexicon import rows


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    name: str
    source: str  # 'gazetteer' | 'pattern'
    firm_id: str | None = None
    kind: str | None = None  # firm_kind from the seeds


_UP = "A-ZÀ-ÖØ-Þ"
# a capitalised word, a camel-case word (xAI, iFlytek) or a digit-led word (01.AI), and a web name's
# domain ("Maki.vc", "Character.ai")
_TOKEN = (
    rf"(?:[{_UP}][\w&\-]*(?:\.(?=[{_UP}\d]))?[\w&\-]*(?:\.(?:ai|vc|io|co|so|app|dev|tech|xyz|com)(?!\w))?"
    # (not a measure: "200MW", "40GWh", "80GB", "3nm")
    rf"|[a-z]{{1,3}}[{_UP}][\w&\-]*|\d+(?!(?:[kMGT]Wh?|[KMGTP]B|[GM]Hz|[TPE]FLOPS)\b)[{_UP}][\w&\-]*)"
)
# the words a fund's or bank's name ends with, for the particles inside it
_FIRM_END = (
    r"(?:Ventures|Capital|Partners|Fund|Fondo|Fundo|Bank|Banco|Group|Grupo|Investments|Inversiones|"
    r"Investimentos)"
)
_NAME = re.compile(
    # (a look-ahead for how a token starts: a quick skip of the positions no name starts at)
    rf"(?=[{_UP}]|[a-z]{{1,3}}[{_UP}]|\d+[{_UP}])"
    # a name starts after a space, or after an elided article ("d'OpenAI", "l'Élysée")
    rf"(?:(?<=\b[lLdDnNsScCjJ]['’])|(?<=\bqu['’])|(?<![\w’']))"
    rf"(?:{_TOKEN})(?:(?: |-)(?:{_TOKEN})"
    # "Ministry of Education and Science", "Centre for Research and Development", "Ministry of
    # Information Technology and Telecommunication": a body's field of two is one name
    rf"|(?: (?:of|for) (?:the )?)(?:{_TOKEN})(?: (?:{_TOKEN}))?(?: and (?:{_TOKEN})(?![\w&-]| [{_UP}\d]))?"
    # "Science and ICT" is one name; "X and AI Sweden" is two
    rf"|(?: and )(?=[{_UP}][A-Z]+\b(?![ -][{_UP}\d]))(?:{_TOKEN})"
    # "3IA Côte d'Azur", "Caisse d'Épargne": an elided "de" between two capitalised words
    rf"|(?: d['’])(?=[{_UP}])(?:{_TOKEN})"
    # "Río de la Plata Ventures", "Banco do Nordeste": a Spanish or Portuguese "de la", "del", "do",
    # "da" inside a name that a firm word ends
    rf"|(?: (?:de la|de las|de los|del|do|da|dos|das) )(?=(?:[{_UP}][\w&\-]* )*?{_FIRM_END}\b)(?:{_TOKEN}))*"
)


# a fiscal period ("H1", "Q3", "FY2026", "3Q25"): a word of reports, never part of a firm's name
_PERIOD = re.compile(r"(?:[HQ][1-4]|FY\d{2}(?:\d{2})?|[1-4]Q\d{2})")
_NON_SPACE = re.compile(r"\S+")
# a place made an adjective of a firm: "Paris-based", "Pune-headquartered"
_PLACE_SUFFIXES = ("-based", "-born", "-headquartered")
# after an institution's head, its adjectives ("cantonale vaudoise", "souverain") and what it is
# for ("de l'innovation", "pour le numérique et l'innovation")
_ADJECTIVE = (
    r"[a-zà-ÿ]+(?:ale?s?|aux|ique|oise|ois|aise|ais|ienne|ien|éenne|éen|aine?|onne|on|ive|if|elle|el|ière|ier)"
)
_COMPLEMENT = (
    r"(?:de la |de l['’]|du |des |de |d['’]|pour le |pour la |pour l['’]|pour les )[a-zà-ÿA-ZÀ-ÖØ-Þ][\w-]*"
)
_AND_MORE = r"(?: et (?:de la |de l['’]|du |des |la |l['’]|le |les )[a-zà-ÿ][\w-]*)?"
# ... and the complement's own adjective and complement ("d'investissements stratégiques du Sénégal",
# "des industries émergentes de l'Anhui")
_MORE = rf"(?: {_ADJECTIVE}s?\b(?: {_COMPLEMENT})?)?"
_INSTITUTION_TAIL = re.compile(
    rf"(?:(?: {_ADJECTIVE}\b){{1,2}}(?: {_COMPLEMENT}{_AND_MORE}{_MORE})?"
    rf"|(?: {_ADJECTIVE}\b)?(?: {_COMPLEMENT}{_AND_MORE}{_MORE}))(?![\w'’-])"
)

# an English ministry or department named by its fields: "Department of Information", then the rest of
# its list up to an acronym in brackets: "and Communications Technology (DICT)"
_EN_BODY = re.compile(r"(?:Ministry|Department|Secretariat|Office)\s+(?:of|for)\s+[A-Z]")
_EN_BODY_TAIL = re.compile(
    r"(?P<name>(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*,?\s+(?:and|&)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
    r"(?:\s*\((?P<acronym>[A-Z][A-Za-z]{1,7})\))?"
)


# a French ministry and its portfolios: "ministère de l'Économie et des Finances", "Ministère de la
# Communication, des Télécommunications et du Numérique" (a portfolio's adjective too: "supérieur")
_FR_PORTFOLIO = (
    # (a complement in lower case after the head: "de l'Économie de la connaissance")
    r"(?:de la |de l['’]|du |des |de |d['’])[A-ZÀ-ÖØ-Þ][\w-]*(?: de la [a-zà-ÿ][\w-]+(?=[ ,.]))?"
    r"(?: (?!(?:et|ou|a|à|qui|que|en|pour|le|la|les|du|de|des|au|aux|sur|dans|avec|par|ont|est|sont|va|vont|"
    r"avait|avaient|dont|nous|vous|lui|leur|leurs|se|ne|y|il|elle|ils|elles|on)\b)[a-zà-ÿ][\w-]*"
    # (an adjective's ending: "numérique", "digitale", "supérieur", "durable", "étrangères"; not a verb
    # after the name, "... et des Micro-entreprises porte à la connaissance")
    r"(?:iques?|ales?|aux|al|elles?|els?|eure?s?|ives?|ifs?|ables?|ibles?|aires?|ères?|iers?|iens?|iennes?"
    r"|ée?s?|ics|ants?|antes?|aines?|ains?)(?=[ ,.]))?"
)
_FR_MINISTRY = re.compile(
    rf"\b[Mm]inist(?:ère|re) {_FR_PORTFOLIO}"
    rf"(?:, {_FR_PORTFOLIO}|(?: et | & )(?:{_FR_PORTFOLIO}|[A-ZÀ-ÖØ-Þ][\w-]*\b(?! [A-ZÀ-ÖØ-Þ])))*"
)
# a fund's number right after its name: " 2" of "SoftBank Vision Fund 2" (not "Fund 2.5 billion", "Fund 20%")
_FUND_NUMBER = re.compile(
    r" \d{1,2}(?![\w%]|[.,]\d)(?! (?:million|billion|milliard|percent|per cent|[A-Za-z]*GPU))"
)
# a bare number right before a name: "212 " of "212 VC" (not "2,000 ", "$5 ", nor a year)
_NUMBER_BEFORE = re.compile(r"(?<![\w$€£¥.,])(?!(?:19|20)\d\d\s)\d{1,4} $")


# an officer's title in capitals inside a run of names: "Woodward CEO Andre Mitchell" is a firm, then
# its chief executive
_TITLE_INSIDE = re.compile(r" (?:CEO|CFO|CTO|COO|CIO|CMO|CSO|CRO|EVP|SVP|VP|PDG|DG) ")


def _split_at_title(e: Entity) -> list[Entity]:
    """The names on both sides of an officer's title inside a pattern name."""
    m = _TITLE_INSIDE.search(e.name) if e.source == "pattern" else None
    if m is None:
        return [e]
    left = Entity(e.start, e.start + m.start(), e.name[: m.start()], "pattern")
    right = Entity(e.start + m.end(), e.end, e.name[m.end() :], "pattern")
    return [left, *_split_at_title(right)]


def _acronym_of(acronym: str, name: str) -> bool:
    """Whether an acronym's capitals follow the name's in order, from its first ("MSIT" of "Ministry of
    Science and ICT", "DICT" of "Department of Information and Communications Technology")."""
    capitals = [ch for ch in name if ch.isupper()]
    letters = [ch for ch in acronym if ch.isupper()]
    if len(letters) < 3 or not capitals or letters[0] != capitals[0]:
        return False
    it = iter(capitals)
    return all(ch in it for ch in letters)


# how many trimmed runs a finder keeps (then it starts afresh): bounded memory on any input
_CLEAN_CACHE = 20_000

# generic words that still end a name when something precedes them (Mistral AI, Naver Cloud)
_NAME_TAILS = {"AI", "IA", "Cloud", "Data", "Tech", "Internet", "Intelligence"}


@cache
def _firm_words() -> frozenset[str]:
    """The words firms' names are made of ("Capital", "Investment", "Partners": `firm_word` rows)."""
    return frozenset(r["word"] for r in rows("person_markers") if r["kind"] == "firm_word")


@cache
def _function_words() -> frozenset[str]:
    """Every language's stop words, lower-cased ("the", "according", "après")."""
    return frozenset(r["word"].lower() for r in rows("stopwords"))


@cache
def _stop_languages() -> dict[str, frozenset[str]]:
    """Each stop word of `name_filters` -> the languages whose folder lists it ("Par" -> {"fr"})."""
    langs: dict[str, set[str]] = {}
    for r in rows("name_filters"):
        if r["kind"] == "stop":
            langs.setdefault(r["word"], set()).add(r.get("language") or "any")
    return {w: frozenset(v) for w, v in langs.items()}


@cache
def _continents() -> tuple[frozenset[str], frozenset[str]]:
    """The continent words that may end a name ("Partech Africa") and the direction words that only
    place one ("East Africa", "Southeast Asia")."""
    kinds = {"continent": set(), "direction": set()}
    for r in rows("name_filters"):
        if r["kind"] in kinds:
            kinds[r["kind"]].add(r["word"])
    return frozenset(kinds["continent"]), frozenset(kinds["direction"])


def _load_filters() -> tuple[set[str], set[str]]:
    stop = {r["word"] for r in rows("name_filters") if r["kind"] == "stop"}
    generic = {r["word"] for r in rows("name_filters") if r["kind"] in ("generic", "continent")}
    for r in rows("chips"):
        generic.add(r["surface"])
    for r in rows("currencies"):
        generic.add(r["surface"])
    return stop, generic


class PartyFinder:
    """Finds organisation names: gazetteer matches first, then capitalised spans that do not overlap them."""

    def __init__(self, firms: dict[str, tuple[str, str, str]], country_forms: dict[str, str]):
        """`country_forms`: every country name, demonym and city form -> its kind."""
        # firms: surface -> (firm_id, canonical name, firm_kind)
        self.firms = firms
        self.patterns = sorted(firms)
        self.ac = (
            ahocorasick_rs.AhoCorasick(self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if self.patterns
            else None
        )
        self.stop, self.generic = _load_filters()
        self.titles = {r["word"] for r in rows("name_filters") if r["kind"] == "title"}
        # the last words of institutions' names, which keep the demonym they start with
        self.institutions = {r["word"] for r in rows("name_filters") if r["kind"] == "institution"}
        self.institution_heads = {r["word"] for r in rows("name_filters") if r["kind"] == "institution_head"}
        self.country_forms = country_forms
        self.homes: dict[str, str] = {}  # firm_id -> home country from the seeds
        self.demonym_prefixes = sorted(
            (f + " " for f, kind in country_forms.items() if kind == "demonym" and " " in f),
            key=len,
            reverse=True,
        )
        self._demonym_starts = tuple(self.demonym_prefixes)
        self._cleaned: dict[tuple[str, bool], list[tuple[int, int, str]]] = {}

    @classmethod
    def from_project(cls, project_dir: Path | None, country_forms: dict[str, str]) -> PartyFinder:
        seeds = Path(project_dir or ".") / "seeds"
        firms: dict[str, tuple[str, str, str]] = {}
        by_id: dict[str, tuple[str, str]] = {}
        homes: dict[str, str] = {}
        if (seeds / "firms.csv").exists():
            with open(seeds / "firms.csv", encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    fid, name = (r.get("firm_id") or "").strip(), (r.get("firm_name") or "").strip()
                    if fid and name:
                        kind = (r.get("firm_kind") or "").strip()
                        by_id[fid] = (name, kind)
                        firms[name] = (fid, name, kind)
                        homes[fid] = (r.get("country_code") or "").strip().upper()
        if (seeds / "firm_aliases.csv").exists():
            with open(seeds / "firm_aliases.csv", encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    alias, fid = (r.get("alias") or "").strip(), (r.get("firm_id") or "").strip()
                    if alias and fid in by_id and len(alias) >= 2:
                        firms.setdefault(alias, (fid, by_id[fid][0], by_id[fid][1]))
        finder = cls(firms, country_forms)
        finder.homes = homes
        return finder

    def home(self, name: str) -> str | None:
        """The seeds' home country of a name (canonical or alias), else None."""
        hit = self.firms.get(name)
        return self.homes.get(hit[0]) or None if hit else None

    def find(
        self, text: str, start: int = 0, end: int | None = None, language: str | None = None
    ) -> list[Entity]:
        """Entities inside text[start:end], left to right, not overlapping. With the text's `language`,
        another language's stop word opening a name mid-sentence stays in it ("led by Par Equity")."""
        end = len(text) if end is None else end
        seg = text[start:end]
        found: list[Entity] = []
        taken = bytearray(len(seg))
        if self.ac:
            for idx, s, e in self.ac.find_matches_as_indexes(seg):
                if s > 0 and (seg[s - 1].isalnum()):
                    continue
                if e < len(seg) and (seg[e].isalnum()):
                    continue
                fid, canon, kind = self.firms[self.patterns[idx]]
                found.append(Entity(start + s, start + e, seg[s:e], "gazetteer", fid, kind))
                taken[s:e] = b"\x01" * (e - s)
        for m in _NAME.finditer(seg):
            for ent in self._clean(seg, m.start(), m.end(), start, language):
                if 1 not in taken[ent.start - start : ent.end - start]:
                    found.append(ent)
                    continue
                # "SK Networks" over the known "SK": a longer name that starts with a known one
                inner = [
                    g for g in found if g.source == "gazetteer" and ent.start <= g.start and g.end <= ent.end
                ]
                if len(inner) == 1 and inner[0].start == ent.start and inner[0].end < ent.end:
                    added = seg[inner[0].end - start : ent.end - start].split()
                    if added and not any(
                        w in self.generic or w in self.stop or w in self.titles for w in added
                    ):
                        found.remove(inner[0])
                        found.append(ent)
        heads = self.institution_heads
        if any(e.source == "pattern" and e.name.split(" ", 1)[0] in heads for e in found):
            found = self._institutions(text, found)
        if any(e.source == "pattern" and _EN_BODY.match(e.name) for e in found):
            found = self._listed_bodies(text, found)
        if "inist" in seg:
            found = self._ministries(text, start, end, found)
        # "SoftBank Vision Fund 2": a fund's number closes its name
        found = [
            Entity(e.start, m.end(), text[e.start : m.end()], e.source, e.firm_id, e.kind)
            if e.name.endswith(("Fund", "Fonds")) and (m := _FUND_NUMBER.match(text, e.end)) is not None
            else e
            for e in found
        ]
        # "led by 212 VC", "500 Global": a number opening a fund's name (a firm word right after it)
        found = [
            Entity(m.start(), e.end, text[m.start() : e.end], "pattern")
            if e.source == "pattern" and e.name.split(" ", 1)[0] in _firm_words()
            and (m := _NUMBER_BEFORE.search(text, max(0, e.start - 6), e.start)) is not None
            else e
            for e in found
        ]
        if any(e.source == "pattern" and _TITLE_INSIDE.search(e.name) for e in found):
            found = [part for e in found for part in _split_at_title(e)]
        found.sort(key=lambda e: e.start)
        return found

    def _foreign_name_start(self, words: list[str], language: str | None) -> bool:
        """Whether a stop word opening a name mid-sentence is another language's word that the name
        begins with ("led by Par Equity", "soutenu par The Family"): the text's `language` has no such
        stop word, and a capitalised word follows."""
        if language is None or len(words) < 2 or language in _stop_languages().get(words[0], {language}):
            return False
        return words[1][:1].isupper() and words[1] not in self.stop

    def _institutions(self, text: str, found: list[Entity]) -> list[Entity]:
        """A French institution named by a capitalised head and the words after it: "Banque cantonale
        vaudoise", "Fonds ivoirien pour le numérique et l'innovation", "Fonds Mohammed VI pour
        l'Investissement" (the names it runs over go; not over a known firm: "le Fonds de Bpifrance")."""
        found = sorted(found, key=lambda e: e.start)
        out: list[Entity] = []
        covered = -1
        for k, e in enumerate(found):
            if e.start < covered:
                continue
            m = None
            if e.source == "pattern" and e.name.split(" ", 1)[0] in self.institution_heads:
                m = _INSTITUTION_TAIL.match(text, e.end)
            inner = [x for x in found[k + 1 :] if m is not None and x.start < m.end()]
            if m is None or any(x.source == "gazetteer" for x in inner):
                out.append(e)
                continue
            out.append(Entity(e.start, m.end(), text[e.start : m.end()], "pattern"))
            covered = m.end()
        return out

    def _ministries(self, text: str, start: int, end: int, found: list[Entity]) -> list[Entity]:
        """A French ministry named by its portfolios, "le ministère des Postes et Télécommunications",
        "ministère de la Communication, des Télécommunications et du Numérique": one name (the
        portfolios were read as names of their own)."""
        for m in _FR_MINISTRY.finditer(text, start, end):
            inside = [e for e in found if m.start() <= e.start < m.end()]
            if not inside or any(e.source == "gazetteer" or e.end > m.end() for e in inside):
                continue  # "le ministère de l'Économie et Bpifrance": a known firm is no portfolio
            if re.match(r" (?:[a-z]+ )?[A-ZÀ-ÖØ-Þ]", text[m.end() : m.end() + 40]):
                continue  # "... et du Made in Norway": a name the pattern does not close
            found = [e for e in found if not (m.start() <= e.start < m.end())]
            found.append(Entity(m.start(), m.end(), m.group(), "pattern"))
        return sorted(found, key=lambda e: e.start)

    def _listed_bodies(self, text: str, found: list[Entity]) -> list[Entity]:
        """An English ministry whose name lists its fields, confirmed by the acronym after it: "the
        Department of Information and Communications Technology (DICT)", "the Ministry of Business,
        Innovation and Employment (MBIE)", "the Ministry of Higher Education, Science and Innovation"
        (the names it runs over go). Without an acronym or a list "and" may join two parties ("the
        Department of Energy and Kestrel Labs")."""
        out: list[Entity] = []
        covered = -1
        for e in sorted(found, key=lambda x: x.start):
            if e.start < covered:
                continue
            m = _EN_BODY_TAIL.match(text, e.end) if e.source == "pattern" and _EN_BODY.match(e.name) else None
            # confirmed by its acronym, or by the commas of a list ("of Higher Education, Science and
            # Innovation": two parties are seldom written so)
            if m is None or not (
                (m.group("acronym") and _acronym_of(m.group("acronym"), text[e.start : m.end("name")]))
                or m.group("name").startswith(",")
            ):
                out.append(e)
                continue
            out.append(Entity(e.start, m.end("name"), text[e.start : m.end("name")], "pattern"))
            covered = m.end("name")
        return out

    def _clean(self, seg: str, s: int, e: int, offset: int, language: str | None = None) -> list[Entity]:
        """The name in the capitalised run seg[s:e], trimmed (as entities indexing the text, with
        `offset` the position of `seg` in it). A pure function of the run's text and of whether it
        opens `seg`: the same names recur in every document, so the answers are kept."""
        # another language's stop word may open a name only mid-sentence, after a lower-case word
        mid = None
        if language is not None and seg[s:e].split(" ", 1)[0] in self.stop:
            mid = language if seg[max(0, s - 40) : s].rstrip()[-1:].islower() else None
        key = (seg[s:e], s == 0, mid)
        hit = self._cleaned.get(key)
        if hit is None:
            hit = [(a - s, b - s, name) for a, b, name in self._trim(seg, s, e, mid)]
            if len(self._cleaned) >= _CLEAN_CACHE:
                self._cleaned.clear()
            self._cleaned[key] = hit
        return [Entity(offset + s + a, offset + s + b, name, "pattern") for a, b, name in hit]

    def _continent_ends_name(self, words: list[str]) -> bool:
        """Whether the continent ending `words` is part of the name: "Partech Africa", "SoftBank Latin
        America"; not in "East Africa", "Southeast Asia" (only direction words before it)."""
        continents, directions = _continents()
        if len(words) < 2 or words[-1] not in continents:
            return False
        k = len(words) - 2
        while k >= 0 and words[k] in directions:
            k -= 1
        return k >= 0 and words[k] not in self.stop and words[k] not in self.generic

    def _generic(self, word: str) -> bool:
        """A common word of the lexicons ("GPU", "Cloud") or a fiscal period ("H1", "Q3 FY2026")."""
        return word in self.generic or _PERIOD.fullmatch(word) is not None

    def _trim(self, seg: str, s: int, e: int, language: str | None = None) -> list[tuple[int, int, str]]:
        """`language`: the text's, when the run follows a lower-case word (see `_foreign_name_start`)."""
        tokens = [(t.start() + s, t.end() + s) for t in _NON_SPACE.finditer(seg[s:e])]
        words = [seg[a:b] for a, b in tokens]
        # "São Paulo-based start-up X", "Pune-headquartered X": the place before "-based" is no part of
        # the name
        for k in range(len(words) - 1, -1, -1):
            if words[k].endswith(_PLACE_SUFFIXES):
                words, tokens = words[k + 1 :], tokens[k + 1 :]
                break
        # drop leading stop words and leading/trailing generic words
        # "Polish Development Fund", "Norwegian Compute Agency": an institution keeps its demonym
        institution = bool(tokens) and seg[tokens[-1][0] : tokens[-1][1]] in self.institutions
        before_strip = (list(words), list(tokens))
        while words and (
            (words[0] in self.stop and not self._foreign_name_start(words, language))
            or (words[0].isupper() and words[0].title() in self.stop)  # "THE Department of ..."
            # "European Innovation Council", "Polish Development Fund": an institution keeps its opening
            # adjective
            or (self._generic(words[0]) and not (institution and len(words) > 2))
            or (self.country_forms.get(words[0]) == "demonym" and not (institution and len(words) > 2))
            or words[0].endswith(_PLACE_SUFFIXES)
        ):
            words.pop(0)
            tokens.pop(0)
        while words and words[0].lower() in ("of", "for", "the", "and"):
            words.pop(0)
            tokens.pop(0)
        if institution and words and len(words) < len(before_strip[0]) and all(
            w in self.generic or w in self.institutions or w in _firm_words() for w in words
        ):
            # "Africa Investment Fund", "Gulf Development Bank": once its opening word is gone, an
            # institution's name is only common words; the region word before them is its own
            k = len(before_strip[0]) - len(words) - 1
            if before_strip[0][k][:1].isupper() and before_strip[0][k].lower() not in _function_words():
                words, tokens = before_strip[0][k:], before_strip[1][k:]
        continents, directions = _continents()
        if words and all(w in directions for w in words[:-1]) and words[-1] in continents | directions:
            # "Central Asia", "East Africa", and "Central, Eastern and Northern Europe": a region, no name
            return []
        while words and not self._continent_ends_name(words) and (
            (self._generic(words[-1]) and not (len(words) > 1 and words[-1] in _NAME_TAILS))
            or words[-1].lower() in ("of", "for", "the", "and")
        ):
            words.pop()
            tokens.pop()
        if not words:
            return []
        name = seg[tokens[0][0] : tokens[-1][1]]
        prefixes = self.demonym_prefixes if name.startswith(self._demonym_starts) and not institution else ()
        for prefix in prefixes:  # "South Korean Samsung"
            if name.startswith(prefix):
                skip = prefix.count(" ")
                words, tokens = words[skip:], tokens[skip:]
                if not words:
                    return []
                name = seg[tokens[0][0] : tokens[-1][1]]
                break
        if name in self.country_forms or name in self.stop:
            return []
        if len(name) < 3 and not name.isupper():
            return []
        if len(name) < 2 or (name.isupper() and len(name) > 4 and " " not in name and tokens[0][0] == 0):
            return []  # datelines: PARIS, GYEONGJU
        return [(tokens[0][0], tokens[-1][1], name)]
