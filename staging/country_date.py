"""The country and date of a candidate (`finish`): the place the money goes, the article's country,
relative days.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import cache

from warehouse.staging.candidates import Candidate
from warehouse.staging.countries import SITE_OF
from warehouse.staging.dates import _month, dateline_dash
from warehouse.staging.lexicon import rows
from warehouse.staging.money import local_currencies, shared_currency_words
from warehouse.staging.parties import Entity
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import (
    _FIRM_NOUN_AFTER,
    _FIRM_NOUNS,
    _LANGUAGE_HOMES,
    _LOC_PREP,
    _currency_homes,
    _relative_days,
    _relday_automaton,
)

# a byline after a dash or a bar: the line dates and signs the article ("— Par Serge Ngono", "| By X")
_BYLINE_AFTER = re.compile(r"[—–|]\s*(?:Par|By)\s+[A-ZÀ-ÖØ-Þ]")
# a sentence about the announcement itself: "L'annonce a été faite mardi", "The deal was announced on"
_ANNOUNCEMENT = re.compile(
    r"\b(?:l['’]annonce|the announcement|annoncée?s?|announced|dévoilée?s?|unveiled|officialisée?s?"
    # the event that seals it: "au cours d'une cérémonie organisée jeudi", "la signature a eu lieu dimanche"
    r"|cérémonie|ceremony|la signature|the signing|a signé|ont signé|signed)\b",
    re.IGNORECASE,
)
# "in Glomfjord, " before a country's name: the town, then its country
_IN_TOWN_COMMA = re.compile(r"\b(?:in|à|near|près de)\s+[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?,\s*$")
# a quotation: « ... », “ ... ”, " ... " (within a paragraph)
_QUOTED = re.compile(r"«[^»\n]{1,600}»|“[^”\n]{1,600}”|\"[^\"\n]{1,600}\"")
_YEAR = re.compile(r"\b(?:en|in|since|depuis|fin|début|mi-)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_BASED = r"(?:basée?s?|based|installée?s?|située?s?|headquartered)"
# the year a firm was born, no date of its deal: "X, founded in 2019, raised", "fondée en 2019"
_FOUNDED = (
    r"\b(?:founded|established|created|incorporated|set\s+up|spun\s+(?:out|off)|fondée?s?|créée?s?|"
    r"immatriculée?s?)\s*"
)
# a relative clause between commas: ", which Orbis has backed since 2021,", ", which led the startup's
# $14 million Series A in 2024," (also read by passes.backers_elsewhere)
# (a decimal comma or point, "1,2 million", is no end of it)
_RELATIVE_ASIDE = re.compile(
    r",\s*(?:which|who|that|qui|lequel|laquelle)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,120},(?!\d)"
)
_FOUNDED_IN = re.compile(_FOUNDED + r"(?:(?:in|en|on|le)\s*)?$", re.IGNORECASE)
_FOUNDED_BEFORE = re.compile(_FOUNDED + r"$", re.IGNORECASE)

# what may stand between a country word and the party it qualifies
# the end of a sentence of prose (a heading has none)
_SENTENCE_END = re.compile(r"[.!?…]\s*$")
# a flag emoji opening a line, after a bullet if any
_FLAG_LINE = re.compile(r"(?:^|\n)[ \t]*(?:[•·▪*–-][ \t]*)?([\U0001F1E6-\U0001F1FF]{2})")
# a paragraph opening on a town and a full stop, the way newsletters and regional papers place an item:
# "Abidjan. Lagune IA raised ...", "Toulouse. Garonne Robotics décroche ..."
_PLACE_STOP_LINE = re.compile(
    r"\n[ \t]*([A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t][A-ZÀ-ÖØ-Þ][\w'’-]+){0,2})\.[ \t]+(?=[A-ZÀ-ÖØ-Þ])"
)
# a round-up item's heading: a number or a bullet, a name, a dash ("1. Kalamos AI (Greece) — March")
_ITEM_HEADING = re.compile(r"\s*(?:\d{1,2}[.)]|[•·▪*–-])\s+[^\n]{1,80}?\s[—–-]\s(?P<tail>[^\n]{1,40})$")
_BEFORE_GAP = {
    "demonym": r"(?:\s+[\w'’-]+){0,2}\s+",  # "la start-up japonaise X", "Indian conglomerate X"
    "name": r"['’]s\s+(?:[\w-]+\s+){0,2}",  # "India's Yotta"
    "city": r"(?:-based|-headquartered|['’]s)\s+(?:[\w'’-]+\s+){0,2}",  # "Paris-based H"
}
_AFTER_GAP = {
    "demonym": r"(?:\s*,\s*|\s+\()(?:[\w'’-]+\s+){0,5}|\s+",  # "X, la pépite française"
    "name": r"\s+\(|\s*,\s*(?:[\w'’-]+\s+){0,5}" + _BASED + r"\s+(?:en|au|aux|in)\s+|[ \t]*\|[ \t]*",
    # "X (Warsaw)"; a table's next cell: "| X | Helsinki, Finland |"
    "city": r"\s+\(|\s*,\s*(?:[\w'’-]+\s+){0,5}" + _BASED + r"\s+(?:à|in)\s+|[ \t]*\|[ \t]*"
    # "X, une jeune pousse d'Asunción", "X, a start-up from Asunción"
    r"|\s*,\s*(?:une?|a|an)\s+(?:[\w-]+\s+){0,2}?(?:" + _FIRM_NOUNS + r")\s+(?:de\s+|d['’]|from\s+)",
}
# the end of a heading line after a place: "Paragraf AI, Austria (September)"
_LINE_END_AFTER_PLACE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:\n|\Z)")
_COMMA = re.compile(r"[ \t]*,[ \t]*")
# a sentence that opens on a country or a place in one: "Au Sénégal, ...", "En Lombardie, ...",
# "In Kenya, ...", "À Riga, ..."
_OPENING_COUNTRY = re.compile(r"\s*(?:Au|Aux|En|In|À)\s+([^\W\d][\w'’ -]{1,30}?),\s")
# "d'ici fin 2026", "by 2030": a deadline, not the day of the announcement
_DEADLINE = re.compile(
    r"(?:d['’]ici|by|until|jusqu['’]à|jusqu['’]en|avant|before|horizon)\s*(?:à\s+)?(?:la\s+)?(?:fin|end|mi-)?"
    r"\s*(?:de\s+|of\s+)?$",
    re.IGNORECASE,
)
_DEAL_NOUN = re.compile(
    r"\b(?:aides?|subventions?|grants?|subsid(?:y|ies)|rumeurs?|rumou?rs?|commandes?|orders?|investissements?|"
    r"investments?|financements?|funding|prêts?|loans?|contrats?|contracts?|enveloppes?)\b",
    re.IGNORECASE,
)
# a definite description opening a clause, up to its firm noun: ": the Dutch regional cloud operator",
# "\nThe Thai data center and cloud firm", ". La start-up" (a French demonym follows the noun)
_DESCRIPTION = re.compile(
    rf"(?:[.:;!?—–]\s+|\n\s*)(?P<np>the|la|le|l['’]|cette|this)\s*(?:[\w'’-]+\s+){{0,4}}?(?:{_FIRM_NOUNS})\b",
    re.IGNORECASE,
)
# a short bracket a description may stand past: "Zeeland Compute (Middelburg) — ..."
_BRACKETED = re.compile(r"\([^()\n]{0,40}\)")
# a capitalised word right after a description: "the French start-up Kelpmind" describes that firm
_NAME_NEXT = re.compile(r"\s+[A-ZÀ-ÖØ-Þ]")
# what may stand before a country a sentence opens on: "Le Qatar", "The Netherlands", "In Qatar"
_COUNTRY_LEAD = re.compile(r"[\W_]*(?:(?:Au|Aux|En|In|À)\s+|(?:Le|La|Les|L['’]|The)\s*)?")
# the site a place names, before it: "son site de Kajaani", "le centre de données de Kajaani"
_SITE_OF_BEFORE = re.compile(SITE_OF + "$")
# a site a demonym qualifies: "Norwegian campus", "French data centre"
_SITE_AFTER = re.compile(
    r"\s+(?:AI\s+)?(?:campus|data\s*cent(?:re|er)s?|site|facility|cluster|supercomputer)\b", re.IGNORECASE
)


# the lead of a news article: the sentences, headline and byline included, where it says when
_LEAD_SENTENCES = 6
_LEAD_MIN_WORDS = 5
# a round-up item opening with its firm and the firm's place in brackets: "• Kuura Systems (Helsinki) —";
# without its bullet (a Markdown list read as text), a capitalised name of a few words: "Kuura
# Systems (Helsinki) —". Searched for in "\n" + text: a pattern opening on a line break is searched
# for fast, `^` is tried at every position
_ITEM_PLACE = re.compile(
    r"\n[ \t]*(?:(?P<bullet>[-•·▪*]\s+|\d{1,2}[.)]\s*)[^\n()]{1,60}"
    r"|[A-ZÀ-ÖØ-Þ][^\s()]*(?:[ \t][^\s()]+){0,4}[ \t]+)\(([^()\n]{1,40})\)\s*[—–:-]"
)
# a line heading an item or a section of a round-up: "2) Budget earmarks Rs 2,000 crore", "VIETNAM"
_SECTION_HEADING = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+[^\n]{1,80}|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ &'’-]{2,40})[ \t]*$", re.M
)
_LEAD_LAG = timedelta(days=14)


@cache
def _speech_verb() -> re.Pattern:
    """ "said", "announced", "a annoncé": the speech verbs of `person_markers.csv`, any language."""
    words = sorted({r["word"] for r in rows("person_markers") if r["kind"] == "speech"}, key=len)[::-1]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def _relative_months() -> tuple[re.Pattern, dict[str, tuple[str, int]]]:
    """ "last month" -> ("relative_month", -1), "la semaine dernière" -> ("relative_week", -1), "last
    year" -> ("relative_year", -1): the `relative_month`, `relative_week` and `relative_year` rows of
    `date_words.csv`, any language."""
    offsets = {
        r["word"].lower(): (r["kind"], int(r["value"]))
        for r in rows("date_words")
        if r["kind"] in ("relative_month", "relative_week", "relative_year")
    }
    words = sorted(offsets, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE), offsets


@cache
def _spoken_before() -> re.Pattern:
    """A speech verb just before a day: "said on Friday", "said Friday", "a annoncé vendredi"."""
    return re.compile(r"(?:" + _speech_verb().pattern + r")\s+(?:on\s+|ce\s+)?$", re.IGNORECASE)


class CountryDate:
    """The country and date of a candidate (`finish`): the place the money goes, the article's country,
    relative days."""

    # -- country, date, background ------------------------------------------------------------
    def party_country(
        self, ent: Entity, s: Sentence, ce: int, capex: bool = False, located: bool = False
    ) -> str | None:
        """Where the money or chips go. A firm's own spending: where it spends ("au Japon"), else the
        country the article is about. A round or a purchase: the party's country as the text gives it,
        else the seeds' (left null for known firms), else a place named in the sentence, else the
        article's country."""
        if located and (site := self.site_country(s, ce)):
            return site  # "for the Kajaani site", "pour son site de Kajaani": whoever buys
        if ent.source == "public_body":
            inside = self.countries_in(max(s.start, ent.start - 40), min(s.end, ent.end + 40))
            return inside[0].code if inside else self.local_country(s)
        own = [c for c in self.countries_in(ent.start, ent.end) if c.kind != "city"]
        if own and self.is_public(ent):
            return own[0].code  # "the Saudi government will buy ...": its own country
        if capex:
            # money a firm spends goes where it spends it: "au Japon", "in the UK", else the
            # country the article is about
            # the place after the spending verb first: "à Washington, X a annoncé investir au Japon"
            here = sorted(self.countries_in(s.start, s.end), key=lambda c: (c.start < ce, c.start))
            for c in here:
                if c.kind in ("name", "city") and _LOC_PREP.search(
                    self.text[max(s.start, c.start - 15) : c.start]
                ):
                    return c.code
            if self.country_at(s.start):
                return self.country_at(s.start)
        if located and not self.is_public(ent):
            # a firm's chips go where they are installed: "for its new Norwegian campus", "in Norway"
            # (not where someone speaks of them: "..., its chief executive confirmed on a panel in Riyadh")
            said = _speech_verb().search(self.text, ce, s.end)
            for c in self.countries_in(ce, said.start() if said else s.end):
                if not self.placed_in_story(c):
                    continue
                before = self.text[max(s.start, c.start - 15) : c.start]
                if c.kind in ("name", "city") and _LOC_PREP.search(before):
                    return c.code
                # "for its campus in Glomfjord, Norway", "in Vineland, New Jersey": a town the lexicons
                # do not know, then its country or region
                if c.kind in ("name", "city") and _IN_TOWN_COMMA.search(
                    self.text, max(s.start, c.start - 45), c.start
                ):
                    return c.code
        near = self.near_country(ent)
        if near:
            return near
        if ent.source == "gazetteer":
            return None  # the firm's own country comes from the seeds
        # "Au Sénégal, la jeune pousse X ...", "In Kenya, X ...": the sentence opens on its country
        frame = _OPENING_COUNTRY.match(s.text)
        if frame is not None:
            lo, hi = s.start + frame.start(1), s.start + frame.end(1)
            here = [c for c in self.countries_in(lo, hi) if c.kind in ("name", "city")]
            if here:
                return here[0].code
        if located:
            for c in self.countries_in(s.start, s.end):
                if c.kind in ("name", "city") and self.placed_in_story(c) and _LOC_PREP.search(
                    self.text[max(s.start, c.start - 15) : c.start]
                ):
                    return c.code
        return self.local_country(s)

    def relative_asides(self, s: Sentence) -> list[tuple[int, int]]:
        """The relative clauses between commas of a sentence (`_RELATIVE_ASIDE`), as spans of the text,
        read once."""
        if s.start not in self._asides:
            self._asides[s.start] = [
                (s.start + m.start(), s.start + m.end()) for m in _RELATIVE_ASIDE.finditer(s.text)
            ]
        return self._asides[s.start]

    def local_country(self, s: Sentence) -> str | None:
        """Where a sentence stands when it names no place of its party: the heading it falls under,
        else the one country whose currency its money is in ("2.1 billion baht"), else the country
        its paragraph opens on ("Le Qatar, troisième acteur, a choisi ..."), else the article's."""
        heading = self.country_at(s.start) if any(h <= s.start for h, _c in self._headings) else None
        if heading:
            return heading
        # each local amount with its home: the country of a demonym after its word ("dinars
        # bahreïniens"), else of its currency; a word several currencies share ("dinars", "kr", "$")
        # was resolved from the country, so it tells nothing without the demonym
        local = [
            (m, named or _currency_homes().get(m.currency))
            for m in self.money
            if s.start <= m.start < s.end
            and m.currency != "USD"
            and m.written.lower() not in local_currencies()
            and (
                (named := self.currency_demonym(m.end))
                or m.written.lower().rstrip(".") not in shared_currency_words()
            )
        ]
        # "Rp 2.1 trillion (about S$172 million)": a restatement in brackets converts for the reader,
        # unless it is the only local money ("US$26 million (about S$34 million)")
        local = [(m, home) for m, home in local if not self.bracketed(m.start, s)] or local
        homes = {home for _m, home in local}
        if len(homes) == 1 and None not in homes:
            return homes.pop()
        return self.paragraph_country(s) or self._doc_country

    def currency_demonym(self, end: int) -> str | None:
        """The country of a demonym right after a currency word ("dinars bahreïniens"), if any."""
        return next(
            (
                x.code
                for x in self.countries_in(end, min(len(self.text), end + 30))
                if x.kind == "demonym" and not self.text[end : x.start].strip()
            ),
            None,
        )

    def bracketed(self, pos: int, s: Sentence) -> bool:
        """Whether a point of sentence s is inside brackets that open after other words of it."""
        opening = self.text.rfind("(", s.start, pos)
        return opening > s.start and self.text.find(")", opening, pos) < 0

    def paragraph_country(self, s: Sentence) -> str | None:
        """The country the latest sentence of the paragraph before `s` opens on, as its subject or its
        place: "Le Qatar, troisième acteur, a choisi", "Poland has chosen", "In Qatar, ..."."""
        para = self.text.rfind("\n", 0, s.start) + 1
        found = None
        for t in self.sentences:
            if t.start >= s.start:
                break
            if t.start < para:
                continue
            first = next(iter(self.countries_in(t.start, min(t.end, t.start + 40))), None)
            if (
                first is not None
                and first.kind == "name"
                and _COUNTRY_LEAD.fullmatch(self.text, t.start, first.start)
            ):
                found = first.code
        return found

    def placed_in_story(self, c) -> bool:
        """A place the story is set in: a country, or a city, region or town of a country the text names,
        counts its money in or is about. "installés à la Gombe, le quartier des affaires de la capitale"
        in a story about Kinshasa is no Nigerian state (a site the text names by its town, "at its
        Tønsberg facility", needs no such check)."""
        if c.kind != "city" or c.code == self._doc_country:
            return True
        if self._named_codes is None:
            self._named_codes = {m.code for m in self.country_mentions if m.kind in ("name", "demonym")} | {
                _currency_homes().get(m.currency) for m in self.money if m.currency != "USD"
            }
        return c.code in self._named_codes

    def site_country(self, s: Sentence, ce: int) -> str | None:
        """The country of a site named after the cue: "at its Luleå facility", "for its new Norwegian
        campus", "pour son site de Kajaani"."""
        for c in self.countries_in(ce, s.end):
            if c.kind in ("demonym", "city") and _SITE_AFTER.match(self.text, c.end):
                return c.code
            if c.kind in ("name", "city") and _SITE_OF_BEFORE.search(
                self.text, max(s.start, c.start - 30), c.start
            ):
                return c.code
        return None

    def near_country(self, ent: Entity) -> str | None:
        """A demonym or country in apposition to a mention of the party, anywhere in the document
        ("la start-up japonaise X", "X, the Indian firm", "le géant chinois de l'IA, X")."""
        if ent.name not in self._near_cache:
            self._near_cache[ent.name] = self._near_country(ent)
        return self._near_cache[ent.name]

    def _near_country(self, ent: Entity) -> str | None:
        best = None
        for m in self.occurrences(ent.name):
            lo, hi = max(0, m.start() - 45), min(len(self.text), m.end() + 45)
            for c in self.countries_in(lo, hi):
                based = self.text.startswith("-based", c.end)
                if c.end <= m.start():
                    gap = self.text[c.end : m.start()]
                    if "\n" in gap or not re.fullmatch(_BEFORE_GAP[c.kind], gap):
                        continue
                else:
                    gap = self.text[m.end() : c.start]
                    if "\n" in gap:
                        continue
                    if based and re.fullmatch(r"\s*,\s*(?:[\w'’-]+\s+){0,3}", gap):
                        pass  # "X, a Paris-based start-up"
                    elif (
                        c.kind == "city"
                        and re.fullmatch(r"\s*,\s*(?:a|an)\s+", gap)
                        and _FIRM_NOUN_AFTER.match(self.text, c.end)
                    ):
                        pass  # "X, a Bogotá startup that sells ..."
                    elif _COMMA.fullmatch(gap) and _LINE_END_AFTER_PLACE.match(self.text, c.end):
                        pass  # a round-up item's heading line: "6. Paragraf AI, Austria (September)"
                    elif not re.fullmatch(_AFTER_GAP[c.kind], gap):
                        continue
                if re.search(r"\b(?:et|and|à|au|in|en)\b", gap) and c.kind == "demonym":
                    continue
                if _DEAL_NOUN.search(gap):
                    continue  # "10 000 GPU pour X, une aide italienne pour Y": the next item's money

                if len(gap) > 3 and self.ex.parties.find(gap):
                    continue
                dist = len(gap)
                if best is None or dist < best[0]:
                    best = (dist, c.code)
        return best[1] if best else self._described_country(ent)

    def _described_country(self, ent: Entity) -> str | None:
        """The demonym of the description that takes up a name as the next clause's subject: "Zeeland
        Compute (Middelburg) — worth flagging: the Dutch cloud operator has ordered", "SIAM CLOUD
        (SCLOUD.BK)\nThe Thai data center firm said", "X. La start-up néerlandaise a ..."; only when no
        other firm is named in between."""
        for m in self.occurrences(ent.name):
            d = _DESCRIPTION.search(self.text, m.end(), min(len(self.text), m.end() + 250))
            if d is None:
                continue
            gap = _BRACKETED.sub("", self.text[m.end() : d.start()])
            if (
                gap.count("\n") > 1
                or len(re.findall(r"[.!?…](?:\s|$)", gap)) > 1
                or (len(gap) > 3 and self.ex.parties.find(gap))
            ):
                continue
            if _NAME_NEXT.match(self.text, d.end()):
                continue  # "the French start-up Kelpmind": another firm's description
            for c in self.countries_in(d.start(), min(len(self.text), d.end() + 25)):
                if (
                    c.kind == "demonym"
                    and re.fullmatch(r"[\w\s'’-]*", self.text[d.start("np") : c.start])
                    and (c.start < d.end() or re.fullmatch(r"\s+", self.text[d.end() : c.start]))
                ):
                    return c.code
        return None

    def _heading_countries(self) -> list[tuple[int, str | None]]:
        """Countries that open a line as a heading ("VIETNAM — ...", "Kenya : ...", "TCHAD · ..."): each
        places what follows it, up to the next such heading. A city dateline ("LONDON, May 2 —") only says
        where the reporter writes from."""
        out = []
        for m in _ITEM_PLACE.finditer("\n" + self.text):
            # "• Caravela AI (Lisbon) — ...", "2. Okéanos IA (Nantes) —": a round-up item's place, from
            # the start of its line (none when the lexicons do not know it: not the previous item's);
            # m.start() is the line's start in the text, m.start(2) - 1 the place's
            place = [c for c in self.countries_in(m.start(2) - 1, m.end(2) - 1) if c.kind in ("name", "city")]
            # an item without a bullet opens a round-up only with a place the lexicons know; past the
            # first item, it ends the one before
            if place or m.group("bullet") or out:
                out.append((m.start(), place[0].code if place else None))
        # "🇨🇴 Quindío ML, a startup ...": a flag opening a line places it (two regional indicator letters)
        for m in _FLAG_LINE.finditer(self.text):
            code = "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in m.group(1))
            end = self.text.find("\n", m.end(1))
            out.append((self.text.rfind("\n", 0, m.start(1)) + 1, code))
            line = self.text[m.end(1) : len(self.text) if end == -1 else end]
            if end != -1 and (len(line) > 80 or _SENTENCE_END.search(line)):
                # an item of prose places its own line only; a heading ("🇭🇷 ZAGREB — 9 M€ POUR LIKA
                # LOGIC") places its section, up to the next heading
                out.append((end + 1, None))
        for m in _PLACE_STOP_LINE.finditer("\n" + self.text):
            # m.start() is the line's start in the text, m.start(1) - 1 the place's; it places its
            # own paragraph only
            a, b = m.start(1) - 1, m.end(1) - 1
            place = [c for c in self.countries_in(a, b) if c.kind in ("name", "city") and c.end == b]
            if place:
                end = self.text.find("\n", b)
                out += [(m.start(), place[0].code), (len(self.text) if end == -1 else end + 1, None)]
        for c in self.country_mentions:
            if c.kind not in ("name", "city"):
                continue
            head = self.text[max(0, c.start - 8) : c.start]
            # "1. INDONÉSIE — ...", "▸ Burundi — Un fonds rwandais à Bujumbura": a number or a bullet first
            # (a city or region only then: "LONDON —" opening a line is a dateline, "▸ Açores —" an item)
            item = re.search(r"(?:^|\n)[ \t]*(?:(\d{1,2}[.)]|[▸►•·▪*])[ \t]*)?$", head)
            if item is None or (c.kind == "city" and item.group(1) is None):
                continue
            if re.match(r"[ \t]*[—–:·|-]", self.text[c.end : c.end + 4]):
                # from the start of its line: "1. INDONÉSIE — X se dote de ..." is one sentence
                out.append((self.text.rfind("\n", 0, c.start) + 1, c.code))
        return sorted(out, key=lambda h: h[0])

    def country_name(self, code: str) -> str:
        """The name the country table gives a country code ("FR" -> "France"), else the code."""
        return next((f for f, ck in self.ex.countries.table.items() if ck == (code, "name")), code)

    def country_at(self, pos: int) -> str | None:
        """The article's country at a point: the latest heading's place, else the dominant one."""
        code = None
        for start, head in self._headings:
            if start > pos:
                break
            code = head
        return code or self._doc_country

    def in_quotation(self, pos: int) -> bool:
        """Whether a point of the text is inside a quotation (« ... », “ ... ”, " ... ")."""
        if self._quotations is None:
            self._quotations = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text)]
        k = bisect_left(self._quotations, (pos + 1,)) - 1  # the last quotation opening at or before pos
        return k >= 0 and pos < self._quotations[k][1]

    def _dominant_country(self) -> str | None:
        counts: dict[str, int] = {}
        title_end = self.sentences[0].end if self.sentences else 0
        for c in self.country_mentions:
            if self.in_quotation(c.start):
                continue  # what someone says in quotes ("« ... un cloud américain »") does not place it
            counts[c.code] = counts.get(c.code, 0) + (3 if c.start < title_end else 1)
        if counts:
            # the money the article counts in ("15 millions de francs", "Rs 350 crore") votes for the one
            # country issuing it, as a mention would: selling "en Allemagne" makes no German firm
            for m in self.money:
                home_of = _currency_homes().get(m.currency) if m.currency != "USD" else None
                if home_of:
                    counts[home_of] = counts.get(home_of, 0) + 1
            return max(counts, key=counts.get)
        # no place named at all: the home of the first currency one country issues ("2 billion
        # yuan"), else the language's home (French news is French; a bare "$" in English news is
        # American)
        for m in self.money:
            # the US dollar is quoted the world over: only English news makes it American (below)
            home_of = _currency_homes().get(m.currency) if m.currency != "USD" else None
            if home_of:
                return home_of
        written = {(m.currency, m.written.lower()) for m in self.money}
        home = _LANGUAGE_HOMES.get(self.lang)
        if home and (home[1] is None or any(code == home[1] and w in home[2] for code, w in written)):
            return home[0]
        return None

    def relative_day(self, s: Sentence) -> date | None:
        """ "mardi", "on Tuesday", "hier": the latest such day on or before the article's date."""
        if self.published is None:
            return None
        if not self.may_start(_relday_automaton(self.lang), s.start, s.end):
            return None  # no day word in the sentence (a quick test before the pattern)
        # "at today's rate", "yesterday's close": a possessive names no day of the deal
        days = [
            d
            for d in _relative_days(self.lang)[0].finditer(s.text)
            if s.text[d.end() : d.end() + 2] not in ("'s", "’s")
        ]
        if not days:
            return None
        # "X, selected on Thursday, has raised $12m, the company said on Friday": the day someone says
        # it is the announcement's; the others date what the clauses tell
        spoken = _spoken_before()
        m = next((d for d in days if spoken.search(s.text, 0, d.start())), days[0])
        weekday, offset = _relative_days(self.lang)[1][m.group(0).lower().replace("’", "'")]
        if offset is not None:
            return self.published + timedelta(days=offset)
        back = (self.published.weekday() - weekday) % 7
        if back == 0 and (
            re.search(r"\b(?:last|past)\s+$", s.text[max(0, m.start() - 12) : m.start()], re.IGNORECASE)
            or re.match(r"\s+derni(?:er|ère)\b", s.text[m.end() : m.end() + 10])
        ):
            back = 7  # "last Tuesday", "mardi dernier" written on a Tuesday: the week before
        return self.published - timedelta(days=back)

    def news_date(self) -> date | None:
        """The day the article's news was announced, as its lead says it ("said on Monday", "a annoncé
        mardi 4 février"): the first of its opening sentences with a speech verb and a day no later than
        the article's date and at most a fortnight before it. Undated facts of the news take it."""
        if self._news_date is not False:
            return self._news_date
        self._news_date = None
        if self.published is None:
            return None
        speech = _speech_verb()
        lead = 0  # the sentences of the lead: bylines, date lines and page furniture do not count
        for s in self.sentences:
            if self.is_noise(s) or len(s.text.split()) < _LEAD_MIN_WORDS or _BYLINE_AFTER.search(s.text):
                continue  # ("Investir au Cameroun — 15 septembre 2026 — Par X": the article's date line)
            lead += 1
            if lead > _LEAD_SENTENCES:
                break
            # someone says it, announces it, or does the deal ("a remis des chèques", "has ordered")
            if speech.search(s.text) is None and _ANNOUNCEMENT.search(s.text) is None and not self.cues_in(s):
                continue
            dash = dateline_dash(s.text)  # not the dateline's date: the article's
            days = [
                d.value
                for d in self.dates_in(s.start, s.end)
                if d.precision == "day"
                and timedelta(0) <= self.published - d.value <= _LEAD_LAG
                and not (dash is not None and d.end <= s.start + dash)
            ]
            relative = self.relative_day(s)
            if relative is not None and not days:
                days.append(relative)
            if days:
                self._news_date = days[0]
                self._news_date_at = s.end
                break
        return self._news_date

    def relative_period(self, s: Sentence, asides: list[tuple[int, int]] = ()) -> tuple[date, str] | None:
        """ "last month", "le mois dernier", "ce mois-ci": that month of the article's date; "last week",
        "la semaine dernière": the month of that week's middle (a week names no day); "last year",
        "l'an dernier": the year before the article's."""
        if self.published is None:
            return None
        rx, offsets = _relative_months()
        # (not in a relative clause about something else: "Unlike X, which raised €40m last year, Y ...")
        m = next(
            (m for m in rx.finditer(s.text) if not any(a <= s.start + m.start() < b for a, b in asides)), None
        )
        if m is None:
            return None
        kind, offset = offsets[m.group(0).lower()]
        if kind == "relative_year":
            return date(self.published.year + offset, 1, 1), "year"
        if kind == "relative_week":
            day = self.published
            if offset:
                monday = day - timedelta(days=day.weekday())
                day = monday + timedelta(days=7 * offset + 3)  # that week's Thursday
            return date(day.year, day.month, 1), "month"
        months = self.published.year * 12 + self.published.month - 1 + offset
        return date(months // 12, months % 12 + 1, 1), "month"

    def finish(self, c: Candidate, i: int, s: Sentence, flags: set[str]) -> None:
        # a deadline ("by 2030") or a date after the article's ("in 2027") says when something is
        # planned, never when it was announced; a date past another amount is that amount's ("$4.7bn,
        # down from the $6.4bn unveiled in April")
        mine = max(self._deal_ends)  # where the deal's own words end, when this sentence's cue set it
        if not s.start <= mine <= s.end:
            mine = c.amounts[-1].end if c.amounts else s.end
        # a relative clause that holds neither the cue nor an amount tells of something else: "X, which
        # Orbis has backed since 2021, raised ..."
        asides = [
            (a, b)
            for a, b in self.relative_asides(s)
            if not a <= c.cue_start < b and not any(a <= x.start < b for x in c.amounts)
        ]
        inside = [
            d
            for d in self.dates_in(s.start, s.end)
            if not any(a <= d.start < b for a, b in asides)
            and not _DEADLINE.search(self.text[max(s.start, d.start - 25) : d.start])
            and not _FOUNDED_IN.search(self.text[max(s.start, d.start - 30) : d.start])
            and not (self.published and d.value > self.published)
            and not any(mine <= m.start and m.end <= d.start for m in self.money_in(s))
        ]
        # a dateline ("PARIS, 12 juin 2024 —") dates the article, not the event
        dash = dateline_dash(s.text)
        own = [d for d in inside if not (dash is not None and d.end <= s.start + dash)]
        relative = self.relative_day(s)
        c.date_source = None
        if own and (relative is None or any(d.precision == "day" for d in own)):
            best = next((d for d in own if d.precision == "day"), own[0])
            c.announced_on, c.date_precision = best.value, best.precision
        elif relative is not None:
            c.announced_on, c.date_precision = relative, "day"
        elif not inside and (period := self.relative_period(s, asides)) is not None:
            c.announced_on, c.date_precision = period
        elif inside:
            c.announced_on, c.date_precision = inside[0].value, inside[0].precision
        else:
            # "Le même jour, ...", "In the same statement, ...": the date of the paragraph so far
            for j in (i - 1, i - 2):
                if j < 0 or "\n\n" in self.text[self.sentences[j].end : s.start]:
                    break
                prev = self.sentences[j]
                days = [d for d in self.dates_in(prev.start, prev.end) if d.precision == "day"]
                heading = _ITEM_HEADING.match(prev.text)
                if heading is not None and self.published is not None and not days:
                    # a round-up item's heading dates its paragraph by its month: "1. Kalamos AI (Greece)
                    # — March" (the latest such month up to the article's)
                    month = _month(heading.group("tail").split()[0])
                    if month is not None:
                        year = self.published.year - (month > self.published.month)
                        c.announced_on, c.date_precision = date(year, month, 1), "month"
                        break
                dash = dateline_dash(prev.text)
                days = [d for d in days if not (dash is not None and d.end <= prev.start + dash)]
                rel = self.relative_day(prev)
                if days:
                    c.announced_on, c.date_precision = days[0].value, "day"
                    break
                if rel is not None:
                    c.announced_on, c.date_precision = rel, "day"
                    break
        if c.announced_on is None and i + 1 < len(self.sentences):
            # "... a bouclé une ronde de 30 M$. L'annonce a été faite mardi": the next sentence of the
            # paragraph dates the announcement
            nxt = self.sentences[i + 1]
            if "\n\n" not in self.text[s.end : nxt.start] and _ANNOUNCEMENT.search(nxt.text):
                days = [d for d in self.dates_in(nxt.start, nxt.end) if d.precision == "day"]
                days = [d for d in days if not (self.published and d.value > self.published)]
                rel = self.relative_day(nxt)
                if days or rel is not None:
                    c.announced_on, c.date_precision = (days[0].value if days else rel), "day"
        background = "background" in flags
        if self.published and c.announced_on and c.announced_on.year < self.published.year:
            background = True
        if not inside:
            for m in _YEAR.finditer(s.text):
                if any(a <= s.start + m.start() < b for a, b in asides):
                    continue
                if _FOUNDED_BEFORE.search(s.text[max(0, m.start() - 30) : m.start()]):
                    continue  # "X, founded in 2019, raised ...": the firm's birth, not the deal's
                if self.published and int(m.group(1)) < self.published.year:
                    background = True
        c.is_background = background
        if c.announced_on is not None:
            c.date_source = "text"
        elif (
            not background
            and (lead := self.news_date()) is not None
            # a round-up's next item ("2) Budget earmarks ...", "INDONESIA") tells other news
            and _SECTION_HEADING.search(self.text, self._news_date_at, s.start) is None
        ):
            c.announced_on, c.date_precision, c.date_source = lead, "day", "lead"
