"""What a document mentions: organisations and people (`ents`, `is_person`, `is_public`, `is_vendor`, ...),
money, countries, dates, chip counts, and where a name occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from warehouse.staging.candidates import Party
from warehouse.staging.chips import chip_models, find_quantities, model_regex
from warehouse.staging.countries import CountryMention
from warehouse.staging.dates import dateline_dash
from warehouse.staging.lexicon import stop_words
from warehouse.staging.money import Money
from warehouse.staging.parties import Entity, _function_words
from warehouse.staging.people import firm_words, titled
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import (
    _ARM_OF,
    _CHIP_WORDS,
    _FIRM_NOUN_WORDS,
    _FUND_WORDS,
    _OWN_PREMISES,
    _PUBLIC_ADJ,
    _STATE_INVESTOR_AFTER,
    _agency_words,
    _language_names,
    _markers,
    _media,
    _media_automaton,
    _model_automaton,
    _origin_automaton,
    _origins,
    _periodicals,
    _public_bodies,
    _public_words,
    _sites,
    _title_automaton,
    _title_words,
    _unit_automaton,
    _vendor_names,
)

# "led by", "mené par", "led to": the word after a marker that turns it around (not "à nouveau")
_AGENT_AFTER = re.compile(
    r"\s+(?:by|par|to|à(?!\s+nouveau\b|\s+l['’]opération\b|\s+la\s+levée\b|\s+ce\s+tour\b))\b", re.IGNORECASE
)
# the space after a name, with an adverb the verb may carry ("Monashees also joined")
_ADVERB_GAP = re.compile(r" (?:(?:also|too|then|later|aussi|également|ensuite) )?")
# "in Kyushu", "près de Saclay", over a line break but not a paragraph's ("Who's in\n\nKaszek led")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|près de)(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)\Z", re.I)
_NAME_RUN = r"(?:[A-ZÀ-ÖØ-Þ][\w-]+)(?: [A-ZÀ-ÖØ-Þ][\w-]+)*"
# "the Karnataka government", "Ontario's provincial government": the name is a government's
_GOV_AFTER_NAME = re.compile(
    rf"({_NAME_RUN})(?:['’]s)? (?:state |provincial |regional |federal |local )?government\b"
)
_GOVERNMENT_WORD = re.compile(r"government\b")
# how far before "government" its name may start
_GOV_NAME_WINDOW = 200
# "gouvernement du Québec", "State of Bavaria", "Région Grand Est", "canton de Vaud"
_GOV_BEFORE_NAME = re.compile(
    rf"\b(?=[GgÉSRrCcPp])"  # (the first letters below: a quick skip of every other position)
    rf"(?:[Gg]ouvernement|[Gg]overnment|État|State|[Rr]égion|[Cc]anton|[Pp]rovince|[Cc]onseil régional)"
    rf"\s+(?:du |de la |de l['’]|de |d['’]|des |of the |of )?({_NAME_RUN})"
)
# the words `_GOV_BEFORE_NAME` opens on, without the first letter it writes in either case
_GOV_WORDS = (("ouvernement", 1), ("overnment", 1), ("État", 0), ("State", 0), ("égion", 1), ("anton", 1),
              ("rovince", 1), ("onseil régional", 1))
# "X, l'Agence suisse pour ...", "X, the national research agency": an apposition names a body
_APPOSED = re.compile(r"\s*,\s*(?:l['’]|la\s|le\s|the\s|an?\s|its\s|son\s|sa\s)?")
_BODY_OF_PERSON = re.compile(r"\b(?:chef|visite|head|leader)\s+(?:de|d['’]|du|of)\s*(?:l['’]|the\s+)?$", re.I)
_BODY_LEFT = re.compile(
    # "X a annoncé que l'État accorde": the subject of a clause after "que"/"that"
    r"(?:^|[—–:,.!?]\s+|\b(?:le|la|les|l['’]|the|du|au|des|of|by|par|que|that)\s*|['’]s\s+)(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)

# before a name used as a place: "in", "en", "dans l'", a site's "campus de", or "à" after a site or chips
_PLACE_BEFORE_NAME = re.compile(
    r"(?:\b(?:near|en|dans\s+l['’]|dans\s+le|dans\s+la)\s+"
    r"|\b(?:campus|centre|center|site|data\s*cent(?:re|er))\s+(?:de\s+l['’]|de\s+|d['’]|in\s+|à\s+)"
    # "ses bureaux du Mile-Ex", "ses locaux de la Presqu'île" (but "les bureaux de Quantelis": a firm's)
    r"|\b(?:bureaux|locaux)\s+(?:de\s+la|de\s+l['’]|du)\s+"
    # "dans ses locaux d'Ankorondrano": the firm's own premises, so a place after them
    rf"|{_OWN_PREMISES.pattern[:-1]}"
    r"|\b(?:GPU|GPUs|puces|chips|installer|installés?|installées?|situé|située|implanté|implantée)\b[^.\n]{0,25}\bà\s+"
    # "Fondée en 2022 à Cologne", "founded in 2021 in Tartu"
    r"|\b(?:fondée?s?|créée?s?|founded|established)\s+(?:(?:en|in)\s+\d{4}\s+)?(?:à|in)\s+)$",
    re.IGNORECASE,
)
# a press release's French dateline: "Cologne, le 17 mars 2026 —" (the town, at a line's start)
_DATELINE_AFTER_NAME = re.compile(r",\s+le\s+\d{1,2}(?:er)?\s+[^\W\d]+\s+\d{4}\b")
# what follows a wire dateline's town: its date and agency, then a dash ("HÀ NỘI -", "OSLO, May 3 (AP) -")
_WIRE_DATELINE_AFTER = re.compile(r"(?:,[^\n—–]{0,60}?)?[ \t]+[—–-][ \t]")
# a body's field in lower case after its head: "Agence nationale des infrastructures numériques"
_DOMAIN_COMPLEMENT = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][\w-]+(?: [a-zà-ÿ]+)? (?:des|du|de la|de l['’]|de|d['’]) ?[a-zà-ÿ]{4,}"
)
# a place made the adjective of a firm, an abbreviation's stop included: "Minn.-based", "Oslo-born"
_PLACE_ADJECTIVE_AFTER = re.compile(r"\.?-(?:based|born|headquartered|basée?s?)\b")
# what opens a line or a list item before its first word ("5. ", "- ", "• "), and a label's colon
_ITEM_OPENING = re.compile(r"[ \t]*(?:(?:\d{1,2}[.)]|[-•*–])[ \t]+)?")
_LABEL_COLON = re.compile(r"[ \t]?:[ \t]+[a-zà-ÿ]")
# the state of a wire dateline, between its city in capitals and its dash: "MONTERREY, N.L. —",
# "SAN JOSE, Calif. —", "AUSTIN, Texas (Reuters) -"
_DATELINE_CITY_BEFORE = re.compile(r"(?:^|\n)[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,30},\s*$")
_DATELINE_DASH_AFTER = re.compile(r"\.?\s*(?:\([^()\n]{1,30}\)\s*)?[—–-]\s")


# the noun phrase right before a name that says what it is: "the state development agency "
_BODY_KIND_BEFORE = re.compile(
    r"\b(?:the|its|la|le|l['’]|du|de\s+la|de\s+l['’])\s*(?:[\w-]+\s+){0,3}[\w-]+\s+$", re.IGNORECASE
)
# what may follow a body word before the name it heads: "ministère des", "Ministry of"
_OF_TAIL = re.compile(
    r"(?:(?:\s+[a-zà-ÿ]+)?\s+(?:of|de|des|du|d['’])|\s+(?:for|pour))?\s*", re.IGNORECASE
)  # ... "le département américain du Commerce"
# a French minister by the portfolio: "le ministre de la Transition numérique" (not "Premier ministre")
_MINISTER_OF = re.compile(
    r"(?<![Pp]remier )(?<![Pp]remière )\bministre(?=\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+)[A-ZÀ-ÖØ-Þ])"
)
# a country's name, maybe a word, and a year: a national plan ("France 2030")
_NATIONAL_PLAN = re.compile(r"(\w[\w-]*(?: \w[\w-]*)?)(?: [A-Z][\w-]*)? 20[2-9]\d")
# a minister's portfolio before a capitalised word: "chargé de l'Industrie", "Minister for Industry"
_PORTFOLIO = re.compile(
    r"\b(?:(?:chargée?s?|ministre(?:\s+[\w-]+)?)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)"
    r"|[Mm]inister\s+for\s+(?:the\s+)?)"
    # ... and the next part of the portfolio: "ministre de la Transition numérique et de la Digitalisation"
    r"(?:[^,;.()]{1,50}?\s(?:et|and)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|for\s+)?)?$"
)
# how many sentences back "the department" looks for the department named in full
_NAMED_BODY_REACH = 40
# a government named after its leader: "the Crisafulli Government", "the Trump administration"
_LEADERS_GOVERNMENT = re.compile(r" (?:Government|government|Govt|administration|Administration)\b")
# a wire dateline: a place in capitals, a date, the agency in brackets, a dash
# "TOKYO, March 23 (Kyodo) --", and the agency alone: "(Bloomberg) --"
_WIRE_DATELINE = re.compile(
    r"\s*(?:[A-ZÀ-Ö][A-ZÀ-Ö' .-]{2,},[^—–\n]{0,40}?)?\([^()]{2,30}\)\s*(?:—|–|-{1,2})\s"
)
_DATELINE = re.compile(r"^[A-ZÀ-Ö' -]{3,}(?:,|\s[—–-])")
_PERIPHRASIS = re.compile(
    r"\b(?:groupe|firme|géant|société|entreprise|group|firm|giant)\s+(?:de|of)\s+$", re.I
)

_NEAR_PLACE = r"\b(?:near|outside|around|près de|aux abords de)\s+$"
_REPORTED = re.compile(
    r"\s*(?:,\s*)?(?:reported|reports|said|says|a rapporté|rapporte|rapportait|a indiqué|indique|écrit|wrote)"
    r"\b",
    re.IGNORECASE,
)
# a legal form closing a firm's name: "Sarine Compute SA", "Kelp Robotics Ltd", "Orvale GmbH"
_LEGAL_FORM_END = re.compile(
    r"(?<=\w)\s+(?:SA|S\.A\.?|SAS|SE|AG|GmbH|Inc\.?|Ltd\.?|Corp\.?|Corporation|plc|PLC|LLC|BV|NV|SpA|S\.p\.A\.?)$"
)
_APPOSITION = re.compile(
    r"\s*,\s*(?:qui|which|who|un|une|le|la|l['’]|a|an|the|one|filiale|start-up|startup|"
    # "Kalis, founded in 2023 by ...", "Kalis, fondée en 2024": a firm's founding or seat
    r"founded|established|based|headquartered|fondée?|créée?|basée?|installée?)\b",
    re.IGNORECASE,
)
# (past up to two words of a description: "Newport chip designer Usk Semiconductor", no grammar word:
# not "Orbis Capital and venture firm Halden")
_QUALIFIES_NAME = re.compile(
    r"\s+(?:(?!(?:and|or|with|from|by|the|an?|of|to|for|in|at|its|their)\s)[a-z][\w-]*\s+){0,2}"
    r"(?:" + _FIRM_NOUN_WORDS + r"|designer|developer|fund|investor)\s+[A-Z0-9][\w-]*"
)
_TOWN_FIRM_NOUN = re.compile(r"\s+(?i:" + _FIRM_NOUN_WORDS + r")\b")
_QUALIFIES_PLURAL = re.compile(
    r"\s+(?:AI\s+|IA\s+|tech\s+)?(?:start-?ups|startups|companies|firms|operators|providers|founders)\b"
)
# "A Derry technology company that ...", "Rochester startup raises": a word qualifying a firm noun
# that no name follows (a place, mostly, or "CPA firm"), never the firm itself
_QUALIFIER_OPENS = re.compile(r"(?:^|[:—–-]\s*|\b(?i:an?|the)\s+)$")
_QUALIFIES_UNNAMED = re.compile(
    r"\s+(?:(?!(?:the|an?)\s)(?:[a-z][\w-]*|AI)\s+){0,2}(?:company|firm|start-?up|outfit)\b(?!\s+[A-Z0-9])"
)
# "Columbus, Ohio-based X": a city before its state's "-based"
_PLACE_BASED = re.compile(
    r",\s+[A-ZÀ-ÖØ-Þ][\w.]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.]*)?-(?:based|headquartered)\s+[A-ZÀ-ÖØ-Þ0-9]"
)
# a site's name: "son data center DC5", "le campus Orion"; "its Vineland, New Jersey site": a city and
# its region before a site noun
_FACILITY_BEFORE = re.compile(
    r"\b(?:data[ -]?cent(?:er|re)|datacenter|centre de (?:données|calcul)|campus|technop[ôo]le|technopark|"
    r"science park|parc (?:scientifique|technologique))\s+$",
    re.IGNORECASE,
)
_CITY_OF_SITE = re.compile(
    r",\s+[A-ZÀ-ÖØ-Þ][\w.]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.]*)?\s+"
    r"(?:site|campus|facility|plant|data[ -]?cent(?:er|re))\b"
)
# a capitalised sentence adverb: "Séparément", "Parallèlement", "Separately", "Additionally"
_SENTENCE_ADVERB = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{4,}ment|[A-Z][a-z]{4,}ly")
# what may follow a public-body word up to a word of its name: "de l'Économie, de la Recherche et de l'"
_BODY_NAME_REST = re.compile(
    r"(?:\s*(?:de|du|des|d['’]|of|and|et|for|pour|the|la|le|l['’]|,|&)\s*|\s*[A-ZÀ-ÖØ-Þ][\w-]*)*"
)
# a stock exchange the text names as one: a ticker "(ASX: TCX)", "(Euronext Paris: ALXYZ)", an
# "ASX-listed" firm, a firm "listed on the ASX" / "cotée sur Euronext"
# (three patterns, each tried only where its literal part stands: one alternation tried at every capital)
_EXCHANGE_NAMED = (
    ("(", re.compile(r"\(\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*:\s*[A-Z0-9][A-Z0-9.]{0,7}\s*\)")),
    ("-listed", re.compile(r"\b([A-Z]\w*(?: [A-Z]\w*)?)-listed\b")),
    ("list", re.compile(r"\b(?:listed on|listing on)\s+(?:the\s+)?([A-Z]\w*(?: [A-Z]\w*)?)")),
    ("coté", re.compile(r"\bcotée?s? (?:sur|à)\s+(?:la\s+|l['’])?([A-Z]\w*(?: [A-Z]\w*)?)")),
)
# a stock exchange by its name ("the Stock Exchange of Thailand", "la Bourse de Casablanca")
_EXCHANGE_NAME = re.compile(r"\b(?:Stock|Securities)\s+Exchange\b|\bBourse\b")
_EXCHANGE_POSSESSIVE = re.compile(r"\bExchange['’]s\s+$")
# the phrase that says where the news comes from, up to the name: no clause break in between
_ATTRIBUTION = re.compile(
    r"\b(?:according\s+to|citing|selon|d['’]après|(?:reviewed|seen|obtained|cited)\s+by|"
    r"(?:consulté|obtenu|cité|vu)e?s?\s+par)\b[^,;.()«»\"“”\n]*$",
    re.IGNORECASE,
)
# the place right before a bracket: "Vitry-sur-Seine (", "Garching ("
_PLACE_BEFORE_BRACKET = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]*)*)\s*\(\s*$")
# a compound modifier inside a capitalised run, with the name after it: "Nvidia-backed Lirra Labs"
_MODIFIER_IN_NAME = re.compile(
    r"(?:\S+\s+)*?\S+-(?:backed|funded|owned|controlled|listed|founded|led|born|based|headquartered)\s+(?=\S)"
)
# a name owning an amount or a round: "Kelpmind's €6 million Series A", "X's seed round"
_POSSESSED_DEAL = re.compile(
    r"['’]s?\s+(?:(?:US|NZ|A|C|HK|S)?[$€£¥₹]|\d|(?:seed|series|funding|pre-seed|latest\s+round)\b)",
    re.IGNORECASE,
)
# a firm's verb of one subject right after a word: "Kelpmind builds", "Kelpmind develops" (not "is"
# or "has": "Progress has been uneven")
_SINGULAR_VERB = re.compile(r"\s+(?:builds|develops|designs|makes|sells|offers|provides|operates|runs)\b")
# a capitalised participle before "by"/"par": "Prepared by", "Written by", "Rédigé par"
_PARTICIPLE_BY = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:ed|é|ée)\s+(?:by|par)\s")
# ... opening its line or a part of it ("October 29 · Prepared by", "| Rédigé par")
_CREDIT_LEAD = re.compile(r"(?:^|[·|—–\n])\s*$")
# a capitalised word or a glued part right after a name: the name is part of a longer one ("Tupã
# Labs", "Maki.vc")
_NAME_GOES_ON = re.compile(
    r"[ \t]+(?:[A-ZÀ-ÖØ-Þ0-9]|(?i:fund|fonds|group|groupe|bank|banque)\b)|[.&-]\w"
)
# an institution named after its town: "l'université de Tromsø", "University of Tartu"
_INSTITUTION_OF = re.compile(
    r"\b(?:universit[yéà]|universidad|universität|institut[e]?|college|école|school|hospital|hôpital|"
    r"centre hospitalier(?: universitaire)?)\s+(?:of|de|du|d['’])\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_WORD = re.compile(r"according|citing|selon|d['’]après|\b(?:by|par)\b", re.IGNORECASE)
# (the name ends the line, or a bar, a comma, a dash or a middle dot follows: "Par A B — 16 juin 2026")
_BYLINE = re.compile(
    r"\s*(?:Par|By)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+){0,3}\s*(?:\||,|[—–·]|$)"
)


_WORD_RUN = re.compile(r"\w+")
_VOCAB_WORD = re.compile(r"[\w&-]+")
_LOWER_WORD = re.compile(r"[\w-]+")
_LOWER_START = re.compile(r" [a-zà-ÿ]")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
# the small words inside names ("Bank of America", "Trade and Industry", "Caisse des Dépôts")
_NAME_JOINERS = frozenset(
    {"of", "and", "the", "for", "de", "du", "des", "la", "le", "les", "et", "für", "und"}
)
# the regex scans for name occurrences a document may use (in whole texts, plus a fixed allowance)
# before a word index takes over: linear in the text either way
_SCAN_BUDGET, _SCAN_FLOOR = 30, 300_000
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class _Occurrence:
    """A word-bounded occurrence of a name: the `start()` / `end()` of a regex match."""

    at: int
    to: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


def _vocab_char(c: str) -> bool:
    """A character of `_VOCAB_WORD` ([\\w&-])."""
    return c.isalnum() or c in "_&-"


class _MidTokens:
    """The capitalised words seen inside a document's sentences, for `in` tests only."""

    __slots__ = ("doc",)

    def __init__(self, doc):
        self.doc = doc

    def __contains__(self, word: str) -> bool:
        return self.doc._mid_token(word)


class Mentions:
    """What a document mentions: organisations and people (`ents`, `is_person`, `is_public`, `is_vendor`,
    ...), money, countries, dates, chip counts, and where a name occurs."""

    def _governments(self) -> set[str]:
        """Names the text itself calls a government ("the Karnataka government", "gouvernement du
        Québec"): a region or state the seeds need not know."""
        out = set()
        for m in [*self._gov_after_name(), *self._gov_before_name()]:
            if m is not None:
                words = m.group(1).split()
                while words and (words[0] in self.ex.parties.stop or words[0] in self.ex.parties.generic):
                    words.pop(0)
                if words:
                    out.add(" ".join(words))
        return out

    def _gov_before_name(self):
        """`_GOV_BEFORE_NAME.finditer(text)`, tried only where one of its words stands (found by
        `str.find`: a regex that opens on a look-behind gets no fast literal search)."""
        text, starts = self.text, []
        for word, back in _GOV_WORDS:
            at = text.find(word)
            while at >= 0:
                if at >= back:
                    starts.append(at - back)
                at = text.find(word, at + 1)
        end = -1
        for at in sorted(set(starts)):
            if at >= end and (m := _GOV_BEFORE_NAME.match(text, at)) is not None:
                end = m.end()
                yield m

    def _gov_after_name(self):
        """`_GOV_AFTER_NAME.finditer(text)`, searched only in a window before each "government": from
        every start in a long run of capitalised words the name part ran to the end of the run (quadratic)."""
        pos = 0
        for g in _GOVERNMENT_WORD.finditer(self.text):
            if g.start() < pos:
                continue
            m = _GOV_AFTER_NAME.search(self.text, max(pos, g.start() - _GOV_NAME_WINDOW), g.end())
            if m is not None:
                pos = m.end()
                yield m

    def _public_name(self, p: Party) -> bool:
        """A party named like a government body ("ministère marocain de ..."), or a seed public body."""
        known = self.ex.parties.firms.get(p.name)
        if known is not None:
            return known[2] == "public_body"
        return bool(_public_words().search(p.name)) and not _FUND_WORDS.search(p.name)

    def proper_body(self, name: str) -> bool:
        """A public body named in full ("Department for Science, Innovation and Technology", "mission
        IndiaAI"), not by a common noun and its country ("the department", "le gouvernement indien",
        "Government of India")."""
        stop, places = self.ex.parties.stop, self.ex.countries.table
        if _DOMAIN_COMPLEMENT.search(name):
            return True  # "Agence nationale des infrastructures numériques": French capitalises its head only
        return any(
            w[:1].isupper() and w not in stop and w not in places and not _public_words().fullmatch(w)
            for w in re.findall(r"[\w-]+", name)
        )

    def _sentence_starts_list(self) -> list[int]:
        if self._sentence_starts is None:
            self._sentence_starts = [x.start for x in self.sentences]
        return self._sentence_starts

    def named_body(self, generic: str, before: int) -> str | None:
        """The latest public body named in full before `before` whose name holds the common noun
        `generic` ("the department" -> "Department for Science, Innovation and Technology")."""
        noun = _public_words().search(generic)
        if noun is None:
            return None
        word = re.compile(rf"\b{re.escape(noun.group(0))}\b", re.IGNORECASE)
        last = bisect_left(self._sentence_starts_list(), before) - 1
        for j in range(last, max(-1, last - _NAMED_BODY_REACH), -1):
            for e in reversed(self.ents(j)):
                if e.end <= before and word.search(e.name) and self.is_public(e) and self.proper_body(e.name):
                    return e.name
        return None

    def is_public(self, e: Entity) -> bool:
        """A government, ministry, agency or region: by the seeds, by a public word in its name,
        by the text calling it a government, or by an apposition ("X, l'Agence suisse ...")."""
        if e.source == "public_body" or e.kind == "public_body":
            return True
        if e.name.startswith(("ministre ", "Ministre ")):
            return True  # "la ministre de la Transition digitale, des Postes et ...": an office of the state
        plan = _NATIONAL_PLAN.fullmatch(e.name)
        if plan and self.ex.countries.table.get(plan.group(1), ("", ""))[1] == "name":
            return True  # "France 2030", "Maroc Digital 2030": a country's plan, named by its horizon
        if e.source != "gazetteer" and self.agency_of_place(e.name):
            return True  # ... "Invest Nova Scotia", whose agency word is also a fund's ("CDG Invest")
        if e.source == "gazetteer" or _FUND_WORDS.search(e.name):
            return False
        if e.name in self._public_names or _public_words().search(e.name):
            return True
        if _LEADERS_GOVERNMENT.match(self.text, e.end):
            return True  # "the Crisafulli Government invests", "the Trump administration": the state
        # "the state development agency CORFO", "l'agence publique X": a body named after its kind
        lead = self.text[max(0, e.start - 45) : e.start]
        kind = _BODY_KIND_BEFORE.search(lead)
        head = " ".join(kind.group(0).split()[-2:]) if kind else ""  # the noun heads its phrase
        # ... the body word ends the phrase: "the state development agency CORFO", never "le
        # gouvernement soutient X" (a verb between the body and the name)
        body = next(
            (m for m in _public_words().finditer(head) if _OF_TAIL.fullmatch(head, m.end())), None
        )  # ... "le ministère des Postes": a body of something
        if body is not None and not _FUND_WORDS.search(kind.group(0)):
            return True
        # "l'Agence de développement du digital (ADD)": the acronym of a body named before it, here or
        # where the text defines it ("DICT to invest" after "the Department of ... (DICT)")
        opening = self.text.rfind("(", max(0, e.start - 3), e.start)
        openings = [opening] if opening >= 0 and not self.text[opening + 1 : e.start].strip() else []
        if e.name.isupper() and 2 <= len(e.name) <= 8:
            openings += [m.start() for m in re.finditer(rf"\(\s*{re.escape(e.name)}\s*\)", self.text)]
        for opening in openings:
            phrase = re.split(r"[,;:.()«»\"]", self.text[max(0, opening - 80) : opening])[-1]
            if _public_words().search(phrase) and not _FUND_WORDS.search(phrase):
                return True
        m = _APPOSED.match(self.text, e.end)
        if not m or m.end() == e.end:
            return False
        at = m.end()
        for _ in range(3):  # the body word, after up to two adjectives ("the national research agency")
            if (hit := _public_words().match(self.text, at)) is not None:
                # "Tesi, the Finnish state-owned investment company": a state investor
                return _STATE_INVESTOR_AFTER.match(self.text, hit.end()) is None
            w = re.match(r"[\w-]+\s+", self.text[at : at + 30])
            if not w:
                return False
            at += w.end()
        return False

    def _vocabulary(self) -> tuple[set[str], set[str]]:
        """Capitalised words seen inside sentences, and every lower-case word of the document."""
        return self._mid_vocabulary(), self._lower_vocabulary()

    def _mid_vocabulary(self) -> set[str]:
        """Capitalised words seen inside sentences (not as their first word)."""
        mid: set[str] = set()
        for s in self.sentences:
            words = _VOCAB_WORD.findall(s.text)
            mid.update([w for w in words[1:] if w[:1].isupper()])
        return mid

    def _lower_vocabulary(self) -> set[str]:
        """Every lower-case word of the document."""
        return {w for w in set(_LOWER_WORD.findall(self.text)) if w.islower()}  # each word tested once

    @property
    def _mid_tokens(self) -> _MidTokens:
        """`_mid_vocabulary()` for `in` tests: a document asks about a word or two, looked up in the
        text (`_mid_token`), when the whole set costs a pass over every sentence."""
        return _MidTokens(self)

    def _mid_token(self, word: str) -> bool:
        """`word in self._mid_vocabulary()`: a capitalised token ([\\w&-]+) of a sentence, not its first.
        Answered once per word and document (a name that opens every sentence is read at each of its
        occurrences before the answer is no: asked once a sentence, that was quadratic)."""
        known = self._mid_known.get(word)
        if known is None:
            known = self._mid_known[word] = self._mid_token_read(word)
        return known

    def _mid_token_read(self, word: str) -> bool:
        """`_mid_token(word)`, read in the text."""
        if not word[:1].isupper() or _VOCAB_WORD.fullmatch(word) is None:
            return False
        text, size = self.text, len(word)
        at = text.find(word)
        while at >= 0:
            end = at + size
            k = self._sentence_at(at)
            if k is not None:
                s = self.sentences[k]
                if (
                    end <= s.end
                    and (at == s.start or not _vocab_char(text[at - 1]))
                    and (end == s.end or not _vocab_char(text[end]))
                    and _VOCAB_WORD.search(text, s.start, at) is not None  # a token before it
                ):
                    return True
            at = text.find(word, at + 1)
        return False

    def title_case(self, s: Sentence) -> bool:
        """A headline written in title case: most of its long words capitalised (read once a sentence)."""
        known = self._title_case.get(s.start)
        if known is None and len(_LOWER_START.findall(s.text)) * 2 > s.text.count(" "):
            known = self._title_case[s.start] = False  # prose: most words start in lower case
        if known is None:
            long_words = _LONG_WORD.findall(s.text)
            capitals = sum(w[0].isupper() for w in long_words)
            known = self._title_case[s.start] = len(long_words) >= 3 and capitals >= 0.85 * len(long_words)
        return known

    def prose_words(self, e: Entity) -> list[tuple[int, int]]:
        """The spans of the words of a title-case name that the article's prose writes in lower case and
        never capitalises inside a sentence ("Data", "Center", "In"); not the small words names are
        joined with ("of", "and", "de")."""
        out = []
        for m in _WORD_RUN.finditer(self.text, e.start, e.end):
            w = m.group(0)
            if (
                m.start() == e.start
                or not w[:1].isupper()
                or w.lower() in _NAME_JOINERS
                or not self.written_lower(w.lower())
                or self.capitalised_in_prose(w)
                # "Nusantara Labs" where the prose speaks of "labs": a firm word ending a name is the name's
                or (m.end() == e.end and w in firm_words())
            ):
                continue
            out.append((m.start(), m.end()))
        return out

    def written_lower(self, word: str) -> bool:
        """The word, or the verb a headline inflects ("Announces" for "announced"), in lower case in the
        document."""
        lower = self._lower_words
        return word in lower or (word.endswith("s") and (word[:-1] in lower or word[:-1] + "d" in lower))

    def capitalised_in_prose(self, word: str) -> bool:
        """The word written capitalised after the first word of a sentence that is not in title case."""
        known = self._prose_capitals.get(word)
        if known is None:
            known = False
            for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text):
                k = self._sentence_at(m.start())
                if k is None:
                    continue
                s = self.sentences[k]
                if m.start() > s.start and _VOCAB_WORD.search(self.text, s.start, m.start()) and not (
                    self.title_case(s)
                ):
                    known = True
                    break
            self._prose_capitals[word] = known
        return known

    # -- helpers ------------------------------------------------------------------------------
    def is_dateline(self, e: Entity) -> bool:
        """A name in capitals opening its line before a dash (after a date and agency): a dateline."""
        line = self.text.rfind("\n", 0, e.start) + 1
        return (
            not self.text[line : e.start].strip()
            and e.name.upper() == e.name
            and _WIRE_DATELINE_AFTER.match(self.text, e.end) is not None
        )

    def is_label(self, e: Entity) -> bool:
        """One word opening its line or list item before a colon and a lower-case word: a field's
        label ("5. Eligibility: bidders must ...", "Budget : les dépenses"), no name."""
        line = self.text.rfind("\n", 0, e.start) + 1
        return (
            " " not in e.name
            and _ITEM_OPENING.fullmatch(self.text, line, e.start) is not None
            and _LABEL_COLON.match(self.text, e.end) is not None
        )

    def ents(self, i: int) -> list[Entity]:
        if i in self.entities:
            return self.entities[i]
        s = self.sentences[i]
        found = self.ex.parties.find(self.text, s.start, s.end, self.lang)
        blocked = [(m.start, m.end) for m in self.money_in(s)]
        here = self.countries_in(s.start, s.end)
        # a country word blocks a name it covers, not a longer name it starts ("Korea Development Bank")
        countries = [(c.start, c.end) for c in here if c.kind != "city"]
        # a city is a name of its own only when nothing longer contains it ("Tokyo Electron" stays)
        cities = {(c.start, c.end) for c in here if c.kind == "city"}
        out = []
        if self._cue_hits is None:
            self.cues_in(s)
        lo_k = bisect_left(self._cue_starts_list, s.start)
        hi_k = bisect_left(self._cue_starts_list, s.end, lo_k)
        cue_spans = [(a, b) for a, b, _k in self._cue_hits[lo_k:hi_k]]  # the cues that start in s
        expanded = []
        title_case = None  # read when a cue or an amount cuts a name only
        spans = cue_spans + blocked
        # "HÀ NỘI - X signed ...": a town in capitals opening its line before a dash is a dateline, no
        # name, known town or not; "5. Eligibility: bidders ...": a field's label; "Minn.-based": a place
        found = [
            e
            for e in found
            if not (
                e.source == "pattern"
                and (
                    self.is_dateline(e) or self.is_label(e) or _PLACE_ADJECTIVE_AFTER.match(self.text, e.end)
                )
            )
        ]
        for e in found:
            cuts = [(a, b) for a, b in spans if e.start < b and a < e.end]
            if (cuts or (" " in e.name and e.source == "pattern")) and title_case is None:
                title_case = self.title_case(s)
            if title_case and e.source == "pattern" and " " in e.name:
                # "... Grant For Lonestar Tensor AI Data Center In Taylor": a headline's words that the
                # article writes in lower case and never capitalises in prose are no name's
                cuts += self.prose_words(e)
            if not title_case:
                # "Investment Authority" is one name; a name does not start inside a cue ("a Series B
                # for X": not "B for X")
                cuts = [(a, b) for a, b in cuts if (a, b) in blocked or a < e.start]
            if e.source == "pattern" and (mod := _MODIFIER_IN_NAME.match(e.name)) is not None:
                # "Nvidia-backed Lirra Labs", "Y Combinator-backed X": who backs it qualifies the name
                cuts.append((e.start, e.start + mod.end()))
            if cuts and e.source == "pattern":
                # a title-case headline: "Kalmar Raises $5 Million Led By Orbis" has names between
                # its cues and amounts
                at = e.start
                for a, b in sorted(cuts):
                    if a > at:
                        expanded.extend(self.ex.parties._clean(self.text, at, a, 0))
                    at = max(at, b)
                if e.end > at:
                    expanded.extend(self.ex.parties._clean(self.text, at, e.end, 0))
            else:
                expanded.append(e)
        byline = _BYLINE.match(s.text)
        # what the dateline tests read of the sentence, the same for each of its names
        lead = None
        if (dash := dateline_dash(s.text)) is not None:
            lead = s.text[:dash]
            if not re.search(r"\b(?:19|20)\d\d\b", lead):
                lead = None
        wire = _WIRE_DATELINE.match(s.text)
        for e in expanded:
            inst = _INSTITUTION_OF.search(self.text, max(s.start, e.start - 30), e.start)
            if inst is not None and self.text[inst.start()].islower():
                # "l'université de Liège", "the university of X": the institution is the name (and
                # its town no place of its own)
                e = replace(e, start=inst.start(), name=self.text[inst.start() : e.end])
            if any(a < e.end and e.start < b for a, b in blocked) or (e.start, e.end) in cities:
                continue
            if any(a <= e.start and e.end <= b for a, b in cities):
                continue  # "N'Djamena": a part of a city's name the elision cut off
            if any(a <= e.start and e.end <= b for a, b in countries):
                continue
            head = self.text[s.start : e.start]
            first = e.name.split()[0]
            if e.source == "pattern":
                # a capitalised common word opening the sentence is not a name unless the document
                # also writes it capitalised mid-sentence
                # (a quotation opening the sentence opens it too: '"Customers keep telling us')
                if not head.strip(" \t\n\"“«‘'") or head.rstrip(" \"“«‘'").endswith((":", "—", "–")):
                    # "Norrsken22 et X y participent", "DeepMind a ...": a digit or an inner capital
                    # makes a name, not a capitalised common word
                    # (and so does a web domain: "Maki.vc, who backed us at seed, came back in")
                    if " " not in e.name and not re.search(r"\d|[a-zà-ÿ][A-ZÀ-Ö]|\.[a-z]{2,4}$", first) and (
                        first.lower() in self._lower_words
                        or (first not in self._mid_tokens and not self.name_context(e))
                    ):
                        continue
                    if (
                        " " not in e.name
                        and _SENTENCE_ADVERB.fullmatch(e.name)
                        and self.text[e.end] == ","
                        and e.name not in self._mid_tokens  # "Tarsoly, founded ..." after "... said Tarsoly"
                    ):
                        continue  # "Séparément, ...", "Additionally, ...": a sentence adverb, not a name
                    if " " not in e.name and first.lower() in stop_words(self.lang):
                        continue  # "Last year we bought ...", "Dernier point : ...": a grammar word
                if " " not in e.name and e.name.lower() in self._lower_words and not self.name_context(e):
                    continue  # "le Sommet" when the text also writes "sommet": a common noun
                if " " in e.name and e.name.rsplit(None, 1)[1].lower() in _periodicals():
                    continue  # "Levant Tech Monthly", "Semiconductor Asia Insider": a publication
                if (
                    _DATELINE.match(self.text[e.start : e.end + 2])
                    and e.name.isupper()
                    and not self.text[max(self.text.rfind("\n", 0, e.start) + 1, s.start) : e.start].strip()
                ):
                    continue  # "PARIS, 12 mai —" opening a line, not "mené par ALLVP, aux côtés de"
                if first.endswith(("-based", "-born")):
                    continue
                site = _FACILITY_BEFORE.search(self.text, max(s.start, e.start - 25), e.start)
                if site or _CITY_OF_SITE.match(self.text, e.end):
                    continue  # "son data center DC5", "its Vineland, New Jersey site": a site, not a firm
                if _PLACE_BASED.match(self.text, e.end):
                    continue  # "Columbus, Ohio-based Halvard Cloud": the city of a firm's seat
                demonym = e.name.rpartition("-")[2]
                if " " not in e.name and "-" in e.name and demonym in self.ex.countries.table:
                    continue  # "The Franco-Italian group": a compound demonym
                if self.place_then_generic(e, here) or _QUALIFIES_NAME.match(self.text, e.end):
                    continue  # "Abu Dhabi AI firm G42": words qualifying the firm named after them
                if _QUALIFIES_PLURAL.match(self.text, e.end):
                    continue  # "Funding to Mena start-ups", "Nordic AI companies": a region qualifying many
                if (
                    self.lang == "en"
                    and _QUALIFIES_UNNAMED.match(self.text, e.end)
                    and _QUALIFIER_OPENS.search(self.text[s.start : e.start])
                    and e.name not in self.ex.parties.firms
                ):
                    # "A Derry technology company that ...": a place qualifying an unnamed firm (not
                    # "invests in Kestrel AI compute firm", a headline's name before its noun)
                    continue
                if " " not in e.name and e.name in _language_names():
                    continue  # "models for Hausa and Yoruba": a language, not a firm
                if _PORTFOLIO.search(self.text, max(s.start, e.start - 90), e.start):
                    continue  # "ministre chargé de l'Industrie", "Minister for Digital Affairs": a portfolio
                if re.fullmatch(r"[A-Z]\w*-[a-z]+", first):
                    continue  # "AI-dedicated", "Spanish-language AI": a compound modifier, not a name
                if self.town_only(e.name):
                    continue  # "Vitry-sur-Seine", "Diamniadio": a town GeoNames names, not a firm
                if self.text[max(0, e.start - 2) : e.start].endswith("("):
                    place = _PLACE_BEFORE_BRACKET.search(self.text, max(0, e.start - 60), e.start)
                    if place and (
                        self.town_only(place.group(1))
                        or any(c.end == place.end(1) for c in self.countries_in(place.start(1), place.end(1)))
                    ):
                        continue  # "Vitry-sur-Seine (Val-de-Marne)": the region of the place before it
            if (
                " " not in e.name
                and _PARTICIPLE_BY.match(self.text, e.start)
                and _CREDIT_LEAD.search(self.text, max(0, e.start - 4), e.start)
            ):
                continue  # "· Prepared by our research desk", "Written by": a credit line's verb, no name
            if e.name in self.exchanges() or _EXCHANGE_NAME.search(e.name):
                continue  # "Tasman Compute (ASX: TCX)", "listed on the ASX": where shares trade, no party
            if _EXCHANGE_POSSESSIVE.search(self.text, max(s.start, e.start - 14), e.start):
                continue  # "the Tokyo Stock Exchange's Growth market": a board of the exchange
            if self.text[max(s.start, e.start - 1) : e.start] == "@":
                continue  # "@Handle": a social-media account signing a post, not a party
            if self.text[max(0, e.start - 1) : e.start] == "[" and self.text[e.end : e.end + 1] == "]":
                continue  # "[Business] Korea signs ...": a section tag, not a party
            if self.text[max(0, e.start - 1) : e.start] == "/" and self.text[e.end : e.end + 1] == "/":
                continue  # "July 8, 2026 /PRNewswire/ --": the wire that carries a release, not a party
            if lead is not None and e.end <= s.start + len(lead):
                continue  # dateline: "SUNNYVALE, Calif., July 21, 2023 —"
            if wire is not None and e.end <= s.start + wire.end():
                continue  # "TOKYO, March 23 (Kyodo) --", "BERLIN, Nov 5 (Reuters) -": place, date, agency
            if (
                e.source == "pattern"
                and self.may_start(_model_automaton(), e.start, e.end + 12)
                and model_regex().search(self.text, e.start, e.end + 12)
            ):
                hit = model_regex().search(self.text, max(s.start, e.start - 1), e.end + 12)
                if hit and hit.start() <= e.start + 1:
                    continue  # "Grace Hopper" is a chip, not a firm
            back = max(s.start, e.start - 20)
            if e.source == "pattern" and self.may_start(_model_automaton(), back, e.end):
                # "72 Blackwell Ultra GPUs": the end of a model's name that starts before it
                inside = model_regex().search(self.text, back, e.end)
                if inside and inside.start() < e.start and inside.end() >= e.end:
                    continue
            if (
                self.may_start(_title_automaton(), max(s.start, e.start - 100), e.start)
                and titled(self.text, s.start, e.start)
                # "CFO Brivel Robotics": a firm's word makes the name after a title a firm's
                and not any(w in firm_words() for w in e.name.split())
            ) or byline:
                self.persons.add(e.start)  # "le ministre X", and the author in "Par X | 10 mars 2026"
            if self.may_start(_media_automaton(), max(s.start, e.start - 40), e.start) and _media().search(
                self.text[max(s.start, e.start - 40) : e.start]
            ):
                continue  # "le quotidien économique Handelsblatt": a news source, never a party
            out.append(e)
        self.entities[i] = out
        return out

    def agency_of_place(self, name: str) -> bool:
        """ "Enterprise Ireland", "Innovation Norway", "Innovate UK": an agency word and a country's or
        region's name make the whole name, the way states name their development agencies."""
        words = name.split()
        if len(words) < 2:
            return False
        table = self.ex.countries.table
        return (words[0] in _agency_words() and " ".join(words[1:]) in table) or (
            words[-1] in _agency_words() and " ".join(words[:-1]) in table
        )

    def town_only(self, name: str) -> bool:
        """A town of `towns.csv` that the text never uses inside a longer name ("Tupã Labs" makes
        "Tupã" the firm's short name) and no seed firm bears ("Nokia", "Toyota")."""
        if name in self.ex.parties.firms or name in self._public_names:
            return False  # ... nor a government the text names by it ("the Tavira government")
        if self.ex.countries.town(name) is None:
            return False
        return not (
            any(_NAME_GOES_ON.match(self.text, m.end()) for m in self.occurrences(name))
            or self.preceded_somewhere(name, _INSTITUTION_OF, 30)
        )

    def exchanges(self) -> set[str]:
        """The stock exchanges the text names as such (`_EXCHANGE_NAMED`), read once."""
        if self._exchanges is None:
            self._exchanges = {
                m.group(1)
                for word, rx in _EXCHANGE_NAMED
                if word in self.text
                for m in rx.finditer(self.text)
            }
        return self._exchanges

    def place_then_generic(self, e: Entity, here: list[CountryMention]) -> bool:
        """A pattern name made of a place and generic words only ("Abu Dhabi AI")."""
        place = next((c for c in here if c.start == e.start and c.end < e.end), None)
        if place is not None:
            end = place.end
        else:
            # "Tartu AI firm lands €3m", "in Osaka AI startup X": a town, generic words, then a firm
            # noun (a town is often a firm's name: it needs the noun)
            words = e.name.split()
            town = self.ex.countries.town
            k = next((k for k in range(len(words) - 1, 0, -1) if town(" ".join(words[:k]))), 0)
            if not k or not _TOWN_FIRM_NOUN.match(self.text, e.end):
                return False
            end = e.start + len(" ".join(words[:k]))
        rest = self.text[end : e.end].split()
        return bool(rest) and all(w in self.ex.parties.generic for w in rest)

    def name_context(self, e: Entity) -> bool:
        """A capitalised first word is a name when an apposition or a cue verb follows it
        ("Kalis, qui ...", "Kalis, a start-up", "Kalis lève ...")."""
        after = self.text[e.end : e.end + 40]
        if _APPOSITION.match(after) or _POSSESSED_DEAL.match(after):
            return True  # "Kalis, a start-up", "Kalis's €6 million Series A"
        if self.lang == "en" and _SINGULAR_VERB.match(after):
            # "Kelpmind builds speech models": a word the text never writes in lower case, then a
            # verb agreeing with one subject (the caller has ruled out words written in lower case)
            return True
        joins = _markers(self.lang, "investment").get("investor_before")
        if joins is not None and e.name.lower() not in _function_words():
            # "Monashees also joined", "Kaszek led the round": a backer's verb after it
            gap = _ADVERB_GAP.match(self.text, e.end)
            hit = joins.match(self.text, gap.end()) if gap else None
            if hit is not None and not _AGENT_AFTER.match(self.text, hit.end()):
                return True
        if self._cue_hits is None:
            self.cues_in(self.sentences[0]) if self.sentences else None
        k = bisect_left(self._cue_starts_list or [], e.end + 1)
        if k < len(self._cue_hits or []):
            gap = self.text[e.end : self._cue_hits[k][0]]
            return bool(
                re.fullmatch(r"\s+(?:a\s+|has\s+|have\s+|had\s+|avait\s+|will\s+|va\s+|vient de\s+)?", gap)
            )
        return False

    def is_person(self, e: Entity) -> bool:
        """A name with a title before it ("le ministre X", "chaired by X"), or one the text titles
        elsewhere ("Emmanuel Macron a dévoilé" after "le président Emmanuel Macron"), or the
        surname of such a name."""
        return e.start in self.persons or e.name in self._person_names()

    def _person_names(self) -> set[str]:
        if self._persons_named is None:
            self._persons_named = set()
            for i, s in enumerate(self.sentences):
                # only a sentence with a title word or a byline can title a person (see ents)
                titles = self.may_title(s.start, s.end) and _title_words().search(s.text)
                if not (titles or _BYLINE.match(s.text)):
                    continue
                for e in self.ents(i):
                    words = e.name.split()
                    # a first name and a surname: "Metz" or "Budget" after a title is too short to tell
                    if e.start in self.persons and e.source == "pattern" and 2 <= len(words) <= 3:
                        self._persons_named.update((e.name, words[-1]))
            # a first name and surnames, a title after the name, a quote's speaker (staging/people.py)
            self._persons_named |= self.ex.people.names(self.text, self._lower_words)
        return self._persons_named

    def may_title(self, lo: int, hi: int) -> bool:
        """Whether a title word may start in text[lo:hi] read on its own: False when none does, a quick
        test before `_title_words` or `people.titled` on that stretch (True when unsure)."""
        return self.may_start(_title_automaton(), lo, hi)

    def may_start(self, heads, lo: int, hi: int, word_start: bool = True) -> bool:
        """Whether a word of `heads` (a `vocabulary._head_automaton`) may start in text[lo:hi] read on its
        own: False when none does (True when unsure). With `word_start`, only where a word starts, as
        the patterns that look behind for a word character ("(?<![\\w])") find them."""
        if heads is None:
            return True
        found = self._head_starts.get(id(heads), False)  # (the automata are kept by their @cache)
        if found is False:
            found = self._head_starts[id(heads)] = self._starts_of(heads)
        if found is None:
            return True
        if word_start:
            starts = found[0]
            k = bisect_left(starts, lo)
            # a stretch read on its own also starts a word where the text does not
            return (k < len(starts) and starts[k] < hi) or lo in found[1]
        every = found[2]
        k = bisect_left(every, lo)
        return k < len(every) and every[k] < hi

    def _starts_of(self, heads) -> tuple[list[int], set[int], list[int]] | None:
        """(the starts of the words of `heads` at a word start, every start as a set, and as a list), in
        order; None when unsure (a character lower-casing changes or misses)."""
        text = self.text
        if self._folded is None:
            self._folded = text.lower()
        if len(self._folded) != len(text) or any(c in text for c in heads[1]):
            return None
        every = sorted({a for _i, a, _b in heads[0].find_matches_as_indexes(self._folded, overlapping=True)})
        starts = [a for a in every if not a or not (text[a - 1].isalnum() or text[a - 1] == "_")]
        return starts, set(every), every

    def money_in(self, s: Sentence) -> list[Money]:
        k = bisect_left(self._money_starts, s.start)
        out = []
        while k < len(self.money) and self.money[k].start < s.end:
            if self.money[k].end <= s.end:
                out.append(self.money[k])
            k += 1
        return out

    def countries_in(self, start: int, end: int) -> list[CountryMention]:
        k = bisect_left(self._country_starts, start)
        out = []
        while k < len(self.country_mentions) and self.country_mentions[k].start < end:
            if self.country_mentions[k].end <= end:
                out.append(self.country_mentions[k])
            k += 1
        return out

    def dates_in(self, start: int, end: int) -> list:
        k = bisect_left(self._date_starts, start)
        out = []
        while k < len(self.dates) and self.dates[k].start < end:
            if self.dates[k].end <= end:
                out.append(self.dates[k])
            k += 1
        return out

    def known_private(self, name: str) -> bool:
        """A name that is, or starts with, a firm the seeds know ("Nvidia Inception")."""
        words = name.split()
        for k in range(len(words), 0, -1):
            known = self.ex.parties.firms.get(" ".join(words[:k]))
            if known is not None:
                return known[2] not in ("public_body", "project")
        return False

    def named_as_place(self, name: str) -> bool:
        """The text elsewhere writes the name as a place only a place can be: "near X", "près de X"."""
        return any(
            re.search(_NEAR_PLACE, self.text[max(0, m.start() - 20) : m.start()])
            for m in self.occurrences(name)
        )

    def is_place_use(self, e: Entity) -> bool:
        """A name used as a place ("an AI campus in Kyushu", "à Saclay") or naming a site ("X campus")."""
        return bool(
            # not "à": "accorde 3 M€ à X" gives to X
            _PLACE_PREPOSITION.search(self.text[max(0, e.start - 10) : e.start])
            or _sites().match(self.text, e.end)
        )

    def is_place_name(self, e: Entity) -> bool:
        """A name the document uses as a place somewhere ("installer 6 144 GPU à Vitry", "en Essonne",
        "son campus de l'Essonne"): no buyer, wherever it stands ("in" is left out: "a stake in X")."""
        return self.is_place_use(e) or self.written_as_place(e)

    def written_as_place(self, e: Entity) -> bool:
        """A name the document puts where places go ("à Vitry", "en Essonne", "ses bureaux du
        Mile-Ex") somewhere; "in" does not count ("a stake in X")."""
        known = self._place_names.get(e.name)
        if known is None:
            known = self.preceded_somewhere(e.name, _PLACE_BEFORE_NAME, 40) or any(
                (
                    (m.start() == 0 or self.text[m.start() - 1] == "\n")
                    and _DATELINE_AFTER_NAME.match(self.text, m.end())
                )
                or (
                    _DATELINE_DASH_AFTER.match(self.text, m.end())
                    and _DATELINE_CITY_BEFORE.search(self.text, max(0, m.start() - 34), m.start())
                )
                for m in self.occurrences(e.name)
            )
            self._place_names[e.name] = known
        return known

    def preceded_somewhere(self, name: str, rx: re.Pattern, back: int) -> bool:
        """Whether `rx` finds what it looks for in the `back` characters before one of the name's
        mentions ("à Vitry", "issue de l'EPFL")."""
        return any(rx.search(self.text, max(0, m.start() - back), m.start()) for m in self.occurrences(name))

    def is_origin(self, e: Entity) -> bool:
        """A founders' school or former employer ("Issue de l'EPFL", "anciens de Mila"), or its
        acronym in brackets right after it."""
        before = self.text[max(0, e.start - 90) : e.start]
        if self.may_start(_origin_automaton(), max(0, e.start - 90), e.start) and _origins().search(before):
            return True
        if before.endswith("("):
            i = self._sentence_at(e.start)
            prev = [x for x in self.ents(i) if x.end <= e.start - 1] if i is not None else []
            return bool(prev) and re.fullmatch(r"\s*\(", self.text[prev[-1].end : e.start]) is not None and (
                self.is_origin(prev[-1])
            )
        return False

    def origin_somewhere(self, name: str) -> bool:
        """A name the text gives as the founders' school or former employer at one of its mentions ("La
        jeune pousse issue de l'EPFL"): "la start-up" of a later sentence is never that name."""
        return self.preceded_somewhere(name, _origins(), 90)

    def _sentence_at(self, pos: int) -> int | None:
        k = bisect_left(self._sentence_starts_list(), pos + 1) - 1
        return k if k >= 0 else None

    def in_body_name(self, s: Sentence, e: Entity) -> bool:
        """ "ministère de l'Industrie, de la Recherche et de l'Innovation": the capitalised words after
        a public-body word are its name."""
        before = self.text[max(s.start, e.start - 80) : e.start]
        hits = list(_public_words().finditer(before))
        if not hits:
            return False
        return bool(_BODY_NAME_REST.fullmatch(before, hits[-1].end()))

    def periphrasis(self, e: Entity) -> bool:
        """ "le groupe de Redmond": a firm named by its home town, not a name of its own."""
        return e.source == "pattern" and bool(_PERIPHRASIS.search(self.text[max(0, e.start - 30) : e.start]))

    def is_vendor(self, e: Entity, in_context: bool = False) -> bool:
        """A chip maker named as such: a known AI-chip brand, or a chip-making firm right next to
        chip words ("Nvidia GPUs", "puces de Samsung"). `in_context`: only the latter."""
        if e.name.lower() in _vendor_names() and not in_context:
            return True
        if e.kind != "chip_vendor" and e.name.lower() not in _vendor_names():
            return False
        after = self.text[e.end : e.end + 25]
        before = self.text[max(0, e.start - 25) : e.start]
        return bool(
            re.match(rf"\s*(?:{_CHIP_WORDS}|{model_regex().pattern})", after)
            or re.search(r"\b(?:de|d['’]|from|auprès de|by|par|chez)\s+$", before)
            # "2.000 puces Nvidia", "des GPU AMD": French puts the maker after the chips
            or re.search(rf"(?:{_CHIP_WORDS})\s+$", before)
        )

    def occurrences(self, name: str) -> list:
        r"""Word-bounded occurrences of a name in the document (cached): what
        `re.finditer(r"(?<!\w)NAME(?!\w)")` finds, looked up from the positions of the name's first word
        instead of scanning the whole text once per name (which made long texts quadratic)."""
        if name not in self._occurrences:
            first = _WORD_RUN.match(name)
            if first is None or self._scanned < _SCAN_BUDGET * len(self.text) + _SCAN_FLOOR:
                # a short text, or the first few names: one scan each is cheaper than the index
                self._scanned += len(self.text)
                self._occurrences[name] = self._scan(name)
                return self._occurrences[name]
            if self._word_starts is None:
                self._word_starts = {}
                for m in _WORD_RUN.finditer(self.text):
                    self._word_starts.setdefault(m.group(), []).append(m.start())
            out, last, size, text = [], 0, len(name), self.text
            for p in self._word_starts.get(first.group(), ()):
                # p starts a run of word characters, so nothing word-like precedes it
                if p < last or not text.startswith(name, p):
                    continue
                end = p + size
                if end < len(text) and _WORD_CHAR.match(text, end):
                    continue
                out.append(_Occurrence(p, end))
                last = end  # finditer's matches do not overlap
            self._occurrences[name] = out
        return self._occurrences[name]

    def occurs_in(self, name: str, start: int, end: int) -> bool:
        """Whether an occurrence of the name starts in `text[start:end]`: a bisection of the sorted
        `occurrences` (a scan of them all for every sentence asked about made long texts quadratic)."""
        found = self.occurrences(name)
        k = bisect_left(found, start, key=lambda m: m.start())
        return k < len(found) and found[k].start() < end

    def _scan(self, name: str) -> list:
        """`re.finditer(r"(?<!\\w)NAME(?!\\w)", text)` by `str.find` (a regex that opens on a
        look-behind gets no fast literal search)."""
        if not name:
            return list(re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", self.text))
        text, size, out, pos = self.text, len(name), [], 0
        while (p := text.find(name, pos)) >= 0:
            end = p + size
            # a word character on either side (\w is a character isalnum finds, or "_")
            if (p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_")) or (
                end < len(text) and (text[end].isalnum() or text[end] == "_")
            ):
                pos = p + 1
                continue
            out.append(_Occurrence(p, end))
            pos = end
        return out

    def _quantities(self, lo: int, hi: int) -> list:
        """`find_quantities` over text[lo:hi], kept per span: several rules ask for the same span."""
        key = (lo, hi)
        if key not in self._quantity_cache:
            # a chip count ends on a unit or a model: none in the span, no count
            counted = self.may_start(_unit_automaton(), lo, hi, word_start=False)
            self._quantity_cache[key] = find_quantities(self.text, self.lang, lo, hi) if counted else []
        return list(self._quantity_cache[key])

    def mentions(self, name: str) -> int:
        """How often the text names it: "Sarine Compute SA" counts the "Sarine Compute" of later
        sentences too (a legal form is written once, in full)."""
        short = _LEGAL_FORM_END.sub("", name)
        return len(self.occurrences(short if short and short != name else name))

    def is_source(self, e: Entity) -> bool:
        """ "..., the New York Times reported", "according to data from Tracxn", "selon un document dont
        El Watan a obtenu copie", "a letter reviewed by ET": a source of the news, no party."""
        if _REPORTED.match(self.text, e.end):
            return True
        i = self._sentence_at(e.start)
        if i is None:
            return False
        s = self.sentences[i]
        attributed = self._attributed.get(i)
        if attributed is None:  # no attribution word in the sentence: most sentences, read once
            attributed = self._attributed[i] = _ATTRIBUTION_WORD.search(s.text) is not None
        return attributed and _ATTRIBUTION.search(self.text, max(s.start, e.start - 120), e.start) is not None

    def find_body(self, s: Sentence, start: int, end: int):
        """The first public body acting in text[start:end] (a match object), else None."""
        for m in _public_bodies(self.lang).finditer(self.text, start, end):
            if _STATE_INVESTOR_AFTER.match(self.text, m.end()):
                continue  # "the state investment fund": an investor, not a grantor
            if self.text[m.end() : m.end() + 1] == "-":
                continue  # "a state-linked group", "government-backed": an adjective, not the body
            if _ARM_OF.search(self.text, max(s.start, m.start() - 40), m.start()):
                continue  # "le bras financier de la Région": the arm invests, not the region
            left = self.text[max(s.start, m.start() - 30) : m.start()]
            if _BODY_LEFT.search(left) and not _BODY_OF_PERSON.search(left):
                return m
        if self.lang == "fr":
            # "le ministre de la Transition numérique a remis les subventions": a minister named by
            # the portfolio acts for the ministry (not "le ministre X", a person)
            for m in _MINISTER_OF.finditer(self.text, start, end):
                if _BODY_LEFT.search(self.text[max(s.start, m.start() - 30) : m.start()]):
                    return m
        return None

    def public_body_before(self, s: Sentence, cs: int) -> bool:
        return self.find_body(s, s.start, cs) is not None

    def state_fund(self, e: Entity) -> bool:
        """A fund named after its state or as public ("Innovation Fund Denmark", "National Growth
        Fund", "Fonds national pour ..."): with a grant verb it grants, it does not spend."""
        if not _FUND_WORDS.search(e.name):
            return False
        inside = [c for c in self.countries_in(e.start, e.end) if c.kind in ("name", "demonym")]
        return bool(inside) or _PUBLIC_ADJ.search(e.name) is not None

    def vendor_from_model(self, model: str | None) -> str | None:
        return chip_models().get(model) if model else None
