"""Fact candidates from one document: cue sentences, amounts, chip quantities, parties, roles, country, date.

Every rule is driven by the CSV lexicons in `lexicons/`; nothing here names a firm or an article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import ahocorasick_rs
from warehouse.staging.chips import ChipQuantity, chip_models, find_quantities, model_regex
from warehouse.staging.countries import CountryFinder, CountryMention
from warehouse.staging.lexicon import for_language, languages, rows
from warehouse.staging.money import Money, find_money, local_currencies, shared_currency_words
from warehouse.staging.numbers import parse_digits
from warehouse.staging.parties import Entity, PartyFinder
from warehouse.staging.people import People, affiliation, invests, speaker, titled
from warehouse.staging.sentences import Sentence, split_sentences

try:  # the date patterns live in their own module; extraction works without them
    from warehouse.staging.dates import find_dates
except ImportError:  # pragma: no cover
    find_dates = None

FACT_TYPES = ("investment", "subsidy", "chip_purchase")
_CHIP_WORDS = "|".join(re.escape(r["surface"]) for r in rows("chips") if r["kind"] in ("unit", "system"))
_CHIP_WORDS = rf"\b(?:{_CHIP_WORDS})\b"
_EQUIPMENT = re.compile(
    r"\b(?:" + "|".join(re.escape(r["surface"]) for r in rows("chips") if r["kind"] == "equipment") + r")\b",
    re.IGNORECASE,
)
# a purchase denied or contrasted: "plutôt qu'une commande", "rather than an order", "n'a pas commandé"
_NEGATED_CUE = re.compile(
    r"\b(?:pas|not|never|jamais|non|rather than|instead of|plutôt qu['’]|plutôt que)\s*"
    r"(?:(?:encore|yet|une?|an?|the|la|le|les|de|d['’]|des)\s*){0,2}$",
    re.IGNORECASE,
)
# chips named only to be denied ("une acquisition d'équipement et non de puces") or made ("to build chips")
_NOT_BOUGHT = re.compile(
    r"\b(?:non|not|pas|rather than|plutôt que|instead of|build|builds|make|makes|produce|produces|design|"
    r"designs|manufacture|manufactures|fabriquer|fabrique|produire|produit|concevoir|conçoit)\s+"
    r"(?:(?:de|d['’]|des|of|any|the|les|its|their|ses|leurs)\s*)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "une étape technique plutôt qu'une commande": the sentence says it is no purchase
_NO_PURCHASE = re.compile(
    r"\b(?:plutôt qu['’]|plutôt que|rather than|instead of|et non|and not|not)\s*(?:une?|an?)\s+"
    r"(?:commande|achat|acquisition|order|purchase)\b",
    re.IGNORECASE,
)
_TO_BUYER = re.compile(r"\b(?:to|à|au|aux)\s+(?:l['’]|la |le |les |the )?$")
# "13 000 puces seront acquises par trois hébergeurs", "were bought by several operators": a passive
# whose agent is an unnamed plural names no buyer
_UNNAMED_AGENT = re.compile(
    r"\s+(?:[\w'’]+\s+){0,3}?(?:par|by)\s+(?:\d+|deux|trois|quatre|cinq|six|plusieurs|divers|différents|"
    r"several|two|three|four|five|six|various|multiple|some)\s+[a-zà-ÿ]",
    re.IGNORECASE,
)
_PASSIVE_BE = re.compile(
    r"\b(?:be|been|being|is|are|was|were|être|été|est|sont|sera|seront|serait|seraient)\s+$", re.IGNORECASE
)
# a target, not a purchase: "aims to deploy 10,000 GPUs", "vise à déployer", "l'objectif est de"
_AIM = re.compile(
    r"\b(?:(?:aims?|aiming|seeks?|seeking|hopes?|hoping|wants?|wanting)\s+to|(?:target|goal|objective|ambition|"
    r"objectif)\s+(?:is\s+to|of|est\s+de|de|d['’])|(?:vise|visent|viser)\s+à|veut|veulent|vouloir|espère|espèrent|"
    r"(?:ambitionne|ambitionnent)\s+de)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# a machine described as it stands, not bought: "already operates a cluster equipped with"
_EXISTING = re.compile(
    r"\b(?:already|existing|currently|déjà|existant|existante|actuel|actuelle|actuellement)\b", re.IGNORECASE
)
# money whose purpose is buying chips is no purchase yet: "ce financement sert à acheter des puces",
# "meant to cover the cost of purchases of GPUs"
_MONEY_PURPOSE = re.compile(
    r"\b(?:sert|servent|servira|serviront|servir|used|meant|intended|earmarked|destinée?s?)\b"
    r"(?:\s+[\w'’]+){0,2}?\s+(?:à|to)\b|\b(?:to|pour|afin de)\s+(?:fund|finance|financer|cover|couvrir)\b",
    re.IGNORECASE,
)


@dataclass
class Amount:
    amount: float
    currency: str
    start: int
    end: int
    surface: str
    is_primary: bool


@dataclass
class Party:
    role: str
    name: str
    start: int | None
    end: int | None
    rule: str


@dataclass
class Candidate:
    document_id: str
    fact_type: str
    rule: str
    cue: str
    cue_start: int
    sentence: Sentence
    quantity: int | None = None
    chip_model: str | None = None
    country_code: str | None = None
    announced_on: date | None = None
    date_precision: str | None = None
    is_background: bool = False
    amounts: list[Amount] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    suffix: str = ""

    @property
    def candidate_id(self) -> str:
        return f"{self.document_id}:{self.cue_start}{self.suffix}"


@dataclass
class LabelledMoney:
    money: Money
    sentence_start: int
    label: str


def _apos(s: str) -> str:
    return re.sub(r"['’]", "['’]", re.escape(s)).replace(r"\ ", " +")


def _first_chars(words) -> str:
    """A look-ahead for the first characters of `words` ("(?=[abc])"), put before their alternation:
    the regex engine then skips a position whose character starts no word at one test instead of
    trying every word. It changes no match, since every match starts with one of those characters."""
    firsts = set()
    for w in words:
        if not w:
            return ""
        firsts.update("'’" if w[0] in "'’" else w[0])
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])" if firsts else "(?!)"  # no words: no match


def _word_regex(words: list[str], flags=0) -> re.Pattern:
    # a word ending in an apostrophe ("au capital d'") runs straight into the next one
    alt = "|".join(
        _apos(w) + ("" if w[-1:] in "'’" else r"(?![\w])") for w in sorted(set(words), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w]){_first_chars(words)}(?:{alt})", flags)


def _inflections(cue: str, language: str) -> list[str]:
    """The other forms of a French chip-purchase cue the lexicon lists once: a past participle agrees
    with its object ("256 GPU commandés", "les puces acquises", "retenues"), a verb in the future or
    the present takes a plural subject ("ils en recevront", "les hébergeurs commandent")."""
    if language != "fr":
        return []
    head, _sp, last = cue.rpartition(" ")
    pre = f"{head} " if head else ""
    if cue.startswith("a ") and len(cue) > 4:
        return ["ont " + cue[2:]]  # a reçu -> ont reçu
    if len(last) < 4:
        return []  # "iront au": a preposition ends the cue
    if last.endswith(("é", "u")):
        return [pre + last + x for x in ("s", "e", "es")]
    if last.endswith("is") and len(last) > 3:  # acquis, pris
        return [pre + last + x for x in ("e", "es")]
    if last.endswith("ra") and len(last) > 4:  # recevra -> recevront
        return [pre + last[:-1] + "ont"]
    if not head and last.endswith("e") and not last.endswith("ée") and len(last) > 4:
        return [last + "nt"]  # commande -> commandent
    return []


@cache
def _cues(language: str) -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for r in for_language("cues", language):
        table.setdefault(r["cue"].lower().replace("’", "'"), []).append((r["fact_type"], r["subject_role"]))
    for cue, entries in list(table.items()):
        for fact_type, role in entries:
            if fact_type != "chip_purchase":
                continue
            for form in _inflections(cue, language):
                if not any(ft == fact_type for ft, _r in table.get(form, [])):
                    table.setdefault(form, []).append((fact_type, role))
    return _word_regex(list(table), re.IGNORECASE), table


# "will each receive", "a finalement commandé": adverbs between an auxiliary and the verb of a cue
_AUX_ADVERB = re.compile(
    # (the look-ahead names the auxiliaries' first letters: a quick skip of every other position)
    r"(?=[whaovs])(?<![\w'’])(will|would|shall|has|have|had|a|ont|avait|avaient|va|vont|sera|seront)"
    r"((?:\s+(?:\w+ly|\w+ment|each|also|both|all|now|already|still|jointly|together|first|then|soon|just"
    r"|chacun|chacune|déjà|aussi|bien|encore|enfin|ainsi|d['’]abord)){1,3})\s+(\w+)(?![\w])",
    re.IGNORECASE,
)


def _aux_cues(text: str, table: dict) -> list[tuple[int, int, str]]:
    """(start, end, key) of cues split by adverbs: the key is the cue without them ("will receive")."""
    out = []
    for m in _AUX_ADVERB.finditer(text):
        key = f"{m.group(1)} {m.group(3)}".lower()
        if any(ft == "chip_purchase" for ft, _r in table.get(key, [])):
            out.append((m.start(), m.end(), key))
    return out


@cache
def _cue_automaton(language: str) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """Aho-Corasick over the lower-cased cues: one pass over a document finds them all."""
    _rx, table = _cues(language)
    patterns = sorted(table)
    return ahocorasick_rs.AhoCorasick(patterns), patterns


@cache
def _markers(language: str, fact_type: str) -> dict[str, list[tuple[re.Pattern, int]]]:
    """role -> regexes of the markers that introduce it."""
    out: dict[str, list[str]] = {}
    for r in for_language("role_markers", language):
        if r["fact_type"] == fact_type:
            out.setdefault(r["role"], []).append(r["marker"])
            # a French participle agrees with the round or the firms: "suivi par", "suivie par",
            # "suivis par", "rejointes par"
            m = re.fullmatch(r"(\w*[éiut]) (par|de|d')", r["marker"]) if language == "fr" else None
            if m:
                out[r["role"]] += [f"{m.group(1)}{end} {m.group(2)}" for end in ("e", "s", "es")]
            # "aux côtés de" is also written "aux côtés du fonds", "aux côtés des fonds"
            if language == "fr" and r["marker"].endswith(" de") and " " in r["marker"][:-3]:
                out[r["role"]] += [r["marker"][:-3] + " du", r["marker"][:-3] + " des"]
    return {role: _word_regex(ws, re.IGNORECASE) for role, ws in out.items()}


@cache
def _nonfact(language: str) -> list[tuple[re.Pattern, str, str]]:
    out = []
    for r in for_language("nonfact_markers", language):
        if r["label"] != "adverb":
            out.append((r["marker"], r["label"], r["position"]))
    by: dict[tuple[str, str], list[str]] = {}
    for marker, label, pos in out:
        by.setdefault((label, pos), []).append(marker)
    return [(_word_regex(ws, re.IGNORECASE), label, pos) for (label, pos), ws in by.items()]


@cache
def _adverbs(language: str) -> re.Pattern | None:
    """Adverbs that may stand inside a marker ("could eventually cost"): read as absent."""
    words = [r["marker"] for r in for_language("nonfact_markers", language) if r["label"] == "adverb"]
    return re.compile(_word_regex(words, re.IGNORECASE).pattern + r"\s+", re.IGNORECASE) if words else None


@cache
def _language_names() -> frozenset[str]:
    """Language names in English and French (lexicons/language_names.csv, from CLDR), capitalised
    as prose writes them."""
    return frozenset(
        r["name"][:1].upper() + r["name"][1:]
        for r in rows("language_names")
        if " " not in r["name"] and len(r["name"]) >= 4
    )


@cache
def _sentence_flags(language: str) -> dict[str, re.Pattern]:
    by: dict[str, list[str]] = {}
    for r in for_language("sentence_markers", language):
        by.setdefault(r["label"], []).append(r["marker"])
    return {label: _word_regex(ws, re.IGNORECASE) for label, ws in by.items()}


@cache
def _any_sentence_flag(language: str) -> re.Pattern:
    """Every sentence marker at once: most sentences have none, and one search says so (a yes/no
    test: the markers are factored by shared beginnings, see `_word_trie`)."""
    words = [r["marker"] for r in for_language("sentence_markers", language)]
    if not all(len(c.lower()) == 1 for w in words for c in w):
        return _word_regex(words, re.IGNORECASE)
    trie = _word_trie({w.lower() for w in words})
    return re.compile(rf"(?<![\w]){_first_chars(words)}{trie}", re.IGNORECASE)


@cache
def _relative_days(language: str) -> tuple[re.Pattern, dict[str, tuple[int | None, int | None]]]:
    table = {}
    for r in for_language("relative_days", language):
        table[r["word"].lower()] = (
            int(r["weekday"]) if r["weekday"] else None,
            int(r["offset"]) if r["offset"] else None,
        )
    return _word_regex(list(table), re.IGNORECASE), table


@cache
def _noise(language: str) -> re.Pattern:
    """Lines that link to other articles or credit images: their deals are not this article's."""
    words = [r["marker"] for r in for_language("noise_markers", language)]
    alt = "|".join(_apos(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"  # none: no match
    return re.compile(rf"^\s*(?:{alt})\b", re.IGNORECASE)


@cache
def _public_bodies(language: str) -> re.Pattern:
    return _word_regex([r["word"] for r in for_language("public_bodies", language)])


@cache
def _public_words() -> re.Pattern:
    """Public-body words of both languages, to read a name ("Latvia's Ministry of ...")."""
    return _word_regex([r["word"] for r in rows("public_bodies")])


@cache
def _programmes() -> tuple[re.Pattern, re.Pattern]:
    """(public, named) programme, law and budget words (lexicons/public_programmes.csv)."""
    by: dict[str, list[str]] = {"public": [], "named": []}
    for r in rows("public_programmes"):
        by[r["kind"]].append(r["word"])
    return _word_regex(by["public"]), _word_regex(by["named"])


# what leads from an amount to the programme it comes from: "$1bn in CHIPS Act funding", "from its
# France 2030 investment plan", "au titre du Chips Act", "dans le cadre du plan ..."
_PROGRAMME_LEAD = re.compile(
    r"\s*\)?\s*,?\s*(?:in|from|under|through|via|out of|de|du|des|d['’]|au titre d(?:e|u|es)|"
    r"dans le cadre d(?:e|u)|grâce à|grâce au|issus? d(?:e|u|es)|provenant d(?:e|u|es))\s*"
    r"(?:(?:the|its|their|this year['’]s|last year['’]s|la|le|les|l['’]|son|sa|ses|leur)\s*)?",
    re.IGNORECASE,
)
_PUBLIC_ADJ = re.compile(
    r"\b(?:public|publique|publics|state|federal|fédéral|government|national|nationale|provincial|regional|"
    r"régional|municipal|sovereign|souverain)\b",
    re.IGNORECASE,
)


# names of money managers are never public grantors, whatever public word they hold
_FUND_WORDS = re.compile(
    r"\b(?:Invest\w*|Fund|Funds|Fonds|Capital|Ventures?|Bank|Banque|Holdings?|Wealth|Partners)\b"
)
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
# "X, l'Agence suisse pour ...", "X, the national research agency": an apposition names a body
_APPOSED = re.compile(r"\s*,\s*(?:l['’]|la\s|le\s|the\s|an?\s|its\s|son\s|sa\s)?")
# what stands between an amount and the body it comes from: "1,5 million de francs d'X", "$5m from X"
_SOURCE_GAP = re.compile(
    r"\s*(?:d['’]|de\s+(?:la\s+|l['’])?|du\s+|des\s+|from\s+(?:the\s+)?|by\s+(?:the\s+)?)", re.IGNORECASE
)


# a public body acts when an article or a sentence start precedes it (one adjective allowed:
# "The British government"), not in "visite d'État"
# "the state investment fund", "Finnish state-owned investment company", "banque publique
# d'investissement": a public word that heads a money manager names an investor, never a grantor
_STATE_INVESTOR_AFTER = re.compile(
    r"(?:[ -](?:owned|backed|run|détenue?|contrôlée?))?(?:\s+[\w'’-]+){0,2}?\s+"
    r"(?:d['’]|de\s+l['’]|pour\s+l['’])?"
    r"(?:investments?|investment|investor|investisseur|investissement|funds?|fonds|bank|banque|holding|"
    r"wealth|capital)\b",
    re.IGNORECASE,
)
# a cue word that ends an institution's name: "Mohammed VI Investment Fund", "Fonds ... pour
# l'Investissement", "Ministry of Investment", "Banque publique d'investissement"
_NAME_HEAD = re.compile(
    r"\b(?:Fund|Fonds|Bank|Banque|Caisse|Agency|Agence|Authority|Autorité|Corporation|Company|Société|"
    r"Ministry|Ministère|Council|Conseil|Office|Board|Commission|Department)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:for|of|pour|de|d['’]|du|des)\s*(?:l['’]|the\s+)?$"
)
_NAME_TAIL = re.compile(
    r"(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*){0,2}\s+(?:Fund|Funds|Fonds|Bank|Banque|Authority|Corporation|Company|Agency|"
    r"Office|Trust|Holdings?|Partners|Capital|Management|Council|Board|Promotion|Ministry)\b"
)
_BODY_OF_PERSON = re.compile(r"\b(?:chef|visite|head|leader)\s+(?:de|d['’]|du|of)\s*(?:l['’]|the\s+)?$", re.I)
_BODY_LEFT = re.compile(
    # "X a annoncé que l'État accorde": the subject of a clause after "que"/"that"
    r"(?:^|[—–:,.!?]\s+|\b(?:le|la|les|l['’]|the|du|au|des|of|by|par|que|that)\s*|['’]s\s+)(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


@cache
def _vendor_names() -> set[str]:
    return {v.lower() for v in chip_models().values() if v}


_SOURCE_BEFORE = re.compile(
    r"(?:selon|d['’]après|according to|par)\s*(?:les?\s+|la\s+|l['’]|the\s+)?$", re.IGNORECASE
)
_LOC_PREP = re.compile(
    r"(?:\b(?:au|aux|en|in|à|dans|to|into|across)\s+(?:l['’]|la |le |les |the )?)$", re.IGNORECASE
)
_RESTATE_GAP = re.compile(
    r"^\s*[,(–—-]?\s*(?:soit|environ|about|around|roughly|approximately|or|some|près de|quelque|"
    r"l['’]équivalent de|equivalent to|c['’]est-à-dire|ou|~|\s)*\s*$",
    re.IGNORECASE,
)
# between an amount and the firm it goes to: "35 M€ à A", "C$48 million contribution to A", "8 M€ pour B"
_PAIR_TO = re.compile(
    r"\s*(?:[a-zà-ÿ][\w-]*\s+){0,2}?(?:à|au|aux|to|for|pour)\s+(?:(?:la|le|les|the)\s+|l['’])?", re.IGNORECASE
)
# "the founders of X", "le patron de X": the firm a person comes from is no party of the deal
_AFFILIATION = re.compile(
    r"\b(?:co-?founders?|founders?|cofondateurs?|co-fondateurs?|fondateurs?|fondatrices?|CEO|patron|patronne|"
    r"chief executive|head|directeur|directrice|président|présidente|chairman|famille|family)\s+"
    r"(?:of|de|du|d['’])\s*(?:the\s+|la\s+|l['’])?$",
    re.IGNORECASE,
)
# "lui accorde", "leur a apporté": the firm given to stands before the verb as a pronoun
_TO_IT_BEFORE = re.compile(r"\b(?:lui|leur)\s+(?:(?:a|ont|avait|avaient|va|vont|aurait)\s+)?$")
# "to the X", "à l'X", "au X": a name right after the giving marker
_RECIPIENT_DIRECT = re.compile(
    r"\b(?:to|à|au|aux|for|pour)\s+(?:(?:the|la|le|les)\s+|l['’])?$", re.IGNORECASE
)
_PROGRAMME_NAME = re.compile(
    r"\b(?:mission|plan|programme|program|initiative|stratégie|strategy)\b", re.IGNORECASE
)
# after a name, a giving verb it is the subject of: " (NEDO) a accordé", ", the agency, awarded"
_GIVER_AFTER = re.compile(
    # "l'Organisation pour le développement des énergies nouvelles (NEDO) a accordé"
    r"(?:\s+(?:pour|de|du|des|of|for)\b[^,.;()]{1,90}?)?"
    r"(?:\s*\([^()]{1,40}\))?(?:\s*,[^,.;]{1,60},)?\s*(?:a|ont|has|have|had|will|va|vont)?\s*"
    r"(?:accordé|accorde|accordera|octroie|octroyé|octroiera|attribué|attribue|attribuera|versé|verse|versera|"
    r"alloue|alloué|allouera|awarded|awards|granted|grants|gave|gives|allocated|allocates)\b",
    re.IGNORECASE,
)
# an infinitive after "to"/"pour": "to build X", "pour financer X" (not "to the", "to local firms")
_PURPOSE_VERB = re.compile(
    r"(?<=\bto)\s+(?!(?:a|an|the|its|their|local|national|regional|young|new|startups?|firms?|companies)\b)"
    r"(?:build|fund|finance|develop|create|expand|train|buy|purchase|upgrade|install|set up|launch)\b"
    # "pour soutenir X", "to help X" name the one helped: not here
    r"|(?<=\bpour)\s+(?:financer|construire|développer|créer|acheter|installer|former|lancer|équiper|"
    r"moderniser)\b",
    re.IGNORECASE,
)
# right after a cue, what opens its object: "entre au capital | de la société"
_OBJECT_OF_CUE = re.compile(r"(?<![\w'’])\s*(?:de|du|dans|in|into)\b|(?<![\w'’])\s*d['’]", re.IGNORECASE)
# a subject naming a money manager by its kind: "la banque publique", "le fonds", "the holding"
_FUND_ANAPHOR = re.compile(
    r"(?<![\w'’])(?:la|le|l['’]|the|this|ce|cette)\s*(?:[\w-]+\s+)?(?:banque|bank|fonds|fund|investisseur|"
    r"investor|holding)\b(?!(?-i:\s+[A-ZÀ-ÖØ-Þ]))",
    re.IGNORECASE,
)
# "son fonds X", "its venture arm X": a vehicle of an investor already named
_OWN_VEHICLE = re.compile(
    r"\b(?:son|sa|ses|its|their|leur)\s+(?:[\w-]+\s+)?(?:fonds|fund|arm|bras|filiale)\s+$", re.IGNORECASE
)
# "In Espoo, X ...", "À Lyon, X": the place a sentence opens with
_OPENING_PLACE = re.compile(r"\s*(?:in|at|à|au|en|near|près de)\s+", re.IGNORECASE)
# "Son président a annoncé", "its chairman said": an office holder of a body named before
_POSSESSIVE_TITLE = re.compile(
    r"(?:^|[.;,]\s+|\b(?:et|and)\s+)(?:son|sa|its|their|leur)\s+(?:[\w-]+\s+)?(?:président|présidente|"
    r"ministre|president|chairman|chairwoman|minister|governor|gouverneur|maire|mayor)\b",
    re.IGNORECASE,
)
# a sentence opening on the deal and its size: "L'opération porte sur", "The deal is worth"
_THE_DEAL_AMOUNT = re.compile(
    r"\s*(?:the|this|that|la|le|l['’]|cette|ce)\s*(?:deal|transaction|investment|operation|opération|"
    r"investissement|prise de participation|stake|montant|amount)\b[^.;]{0,30}?\b(?:porte sur|portera sur|"
    r"s['’]élève à|atteint|représente|is worth|was worth|totals?|totalled|amounts to|is valued at|values|"
    r"comes to|came to)\b",
    re.IGNORECASE,
)
# a name that says where: "installer à X", "based in X", "à 10 km de l'usine de X"
_LOCATED_AT = re.compile(
    r"(?:\b(?:install\w*|implant\w*|bas[ée]e?s?|situ[ée]e?s?|located|based|headquartered)\s+(?:à|au|en|in|at|near)\s+"
    r"|\b(?:kilomètres|km|miles|minutes)\s+(?:de|du|from|of)\s+(?:[\w'’-]+\s+){0,3}(?:de|du|d['’]|of)?\s*)$",
    re.IGNORECASE,
)
# "A, through his family office B", "A, via son fonds B": the named vehicle invests, not A
_THROUGH_VEHICLE = re.compile(
    r"\s*,?\s*(?:through|via|par l['’]intermédiaire de|à travers|par le biais de)\s+"
    r"(his|her|its|their|son|sa|ses|leur)\s+(?:[a-zà-ÿ][\w-]*\s+){0,3}[A-ZÀ-ÖØ-Þ]"
)
# between two names of a list: "A, B et C", "A and B"
_NAME_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:et|and|ou|or)|&)\s*(?:(?:la|le|les|the)\s+|l['’])?")
# "le fonds américain A", "venture firms A and B", "la banque publique A": a money manager named
_FUND_NOUN_BEFORE = re.compile(
    r"\b(?:fonds|fund|funds|investisseurs?|investors?|banque|bank|venture firms?|VC firms?|family office|"
    r"sovereign wealth fund|fonds souverain)\s+(?:[a-zà-ÿ][\w-]*\s+){0,2}$",
    re.IGNORECASE,
)
# words that present people as backers: "Individual investors include ...", "business angels"
_INVESTOR_WORD = re.compile(
    r"\b(?:investors?|investisseurs?|business angels?|angels?|mécènes?|backers?)\b", re.IGNORECASE
)
# "A, le fonds de la famille B": B stands in a description of A
_APPOSED_DESCRIPTION = re.compile(
    r"\)?\s*,\s*(?:(?:le|la|les|un|une|the|a|an|its|son|sa|ses)\s+|l['’])[^,;()]*?\s", re.IGNORECASE
)
# what ends a list of recipients: another clause ("..., as the minister hosted ...", "tandis que")
_RECIPIENT_STOP = re.compile(
    r"[;—–]|\b(?:while|whereas|when|where|handing|tandis|alors|lorsque|où)\b"
    r"|(?<!such )(?<!well )\bas\b(?! well)",
    re.IGNORECASE,
)
# a programme or channel the money comes under: "au titre de France 2030", "under the CHIPS Act"
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:au titre d[eu]s?|au titre de l['’]|under|dans le cadre d[eu]s?|as part of|par le biais d[eu]|"
    r"via)\s+"
    r"(?:(?:the|la|le|les)\s+|l['’])?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# between two names of one list: "A, B et C", "à A et à l'B", "A, and to the B"
_LIST_GAP = re.compile(
    r"\)?\s*(?:,\s*(?:and|et)?|and|et|&|as well as|ainsi que)\s*(?:(?:à|de|du|des|to|of|for|pour)\s+)?"
    r"(?:(?:la|le|les|the)\s+|l['’]|d['’])?"
    # "A, le programme commun de B et de C": an apposition naming the members
    r"|\s*,\s*(?:(?:le|la|les|the|a|an|un|une)\s+|l['’])(?:[a-zà-ÿ][\w-]*\s+){0,4}"
    r"(?:of|de|du|des|d['’])\s*(?:(?:la|le|les|the)\s+|l['’])?",
    re.IGNORECASE,
)
_COMPARED = re.compile(
    r"\b(?:first|largest|biggest|record|premi\w+|plus (?:grosse?|importante?)|round|tour|levée)\b",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(r"\s+(?:(?:fin|début|mi-?|early|late|mid-?)\s*)?(?:19|20)\d\d\b")
_YEAR = re.compile(r"\b(?:en|in|since|depuis|fin|début|mi-)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


class Extractor:
    """Holds the seeds-derived finders for one project; `extract(doc)` is pure and deterministic."""

    def __init__(self, project_dir: Path | None):
        self.countries = CountryFinder.from_project(project_dir)
        forms = {form: kind for form, (_code, kind) in self.countries.table.items()}
        self.parties = PartyFinder.from_project(project_dir, forms)
        self.people = People(self.parties.firms, forms, self.parties.generic)

    # -- document -----------------------------------------------------------------------------
    def extract(self, doc) -> tuple[list[Candidate], list[LabelledMoney]]:
        text, lang = doc.text, (doc.language if doc.language in languages() else "fr")
        sentences = split_sentences(text)
        money = find_money(text, lang)
        country_mentions = self.countries.find(text)
        ctx = _DocContext(self, doc, text, lang, sentences, money, country_mentions)
        return ctx.run()


def _filter_words(kind: str) -> list[str]:
    return [r["word"] for r in rows("name_filters") if r["kind"] == kind]


@cache
def _filter_first(kind: str) -> str:
    """The first-character look-ahead of the `name_filters` words of one kind (see `_first_chars`)."""
    return _first_chars(_filter_words(kind))


@cache
def _filter_alt(kind: str) -> str:
    """A regex alternation of the `name_filters` words of one kind, longest first."""
    words = [r["word"] for r in rows("name_filters") if r["kind"] == kind]
    return "|".join(_apos(w) for w in sorted(words, key=len, reverse=True))


@cache
def _title_words() -> re.Pattern:
    """Any title word (`name_filters` kind `title`), to skip sentences that title no one: a yes/no
    test, so the words are factored by shared beginnings (`_trie_alt`), which rejects a position
    after a letter or two instead of one try per word."""
    words = _filter_words("title")
    trie = _trie_alt({w.lower() for w in words})
    return re.compile(rf"(?<![\w]){_first_chars(words)}{trie}", re.IGNORECASE)


def _word_trie(words: set[str], last: str = "") -> str:
    """A regex matching what `_word_regex(words)` matches after its look-behind (each word ends at a
    word boundary unless it ends in an apostrophe), factored by shared prefixes: for yes/no tests."""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        rest = _word_trie({w[1:] for w in words if w and w[0] == first}, first)
        edge = " +" if first == " " else "['’]" if first in "'’" else re.escape(first)
        branches.append(edge + rest)
    if "" in words:
        branches.append("" if last in "'’" else r"(?![\w])")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _trie_alt(words: set[str]) -> str:
    """A regex matching what the alternation of `_apos(w)` for `words` matches (a space stands for
    one or more, either apostrophe for both), factored by shared prefixes. Which word wins at a
    position may differ from the plain alternation: for yes/no tests only."""
    if words == {""}:
        return ""
    branches = []
    for first in sorted({w[0] for w in words if w}):
        rest = _trie_alt({w[1:] for w in words if w and w[0] == first})
        edge = " +" if first == " " else "['’]" if first in "'’" else re.escape(first)
        branches.append(edge + rest)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


@cache
def _media() -> re.Pattern:
    alt = _filter_alt("media")
    return re.compile(
        rf"(?<![\w-]){_filter_first('media')}(?:{alt})(?![\w-])(?:\s+[\w'’-]+){{0,2}}?\s+$", re.IGNORECASE
    )


@cache
def _origins() -> re.Pattern:
    """Where founders come from ("Issue de l'EPFL", "deux anciens chercheurs de l'Inria", "former
    Google engineers"): a school or a former employer, never the deal's actor."""
    alt = _filter_alt("origin")
    return re.compile(
        rf"(?<![\w-]){_first_chars(['former', 'ex', 'ancien', *_filter_words('origin')])}"
        rf"(?:(?:{alt})(?:[\s-]+[\w'’-]+){{0,3}}?\s+(?:de|d['’]|du|des|of|at|from|out of|chez)"
        rf"\s*(?:l['’]|la\s+|le\s+|les\s+|the\s+)?|(?:former|ex|anciens?)[\s-]+)$",
        re.IGNORECASE,
    )


@cache
def _fronted() -> re.Pattern:
    """A sentence opening on a participle ("Fondée en 2022 par ..., la jeune pousse X lève"): the
    names of that opening phrase are not its subject."""
    alt = _filter_alt("fronted")
    return re.compile(rf"\s*(?:{alt})(?![\w-])", re.IGNORECASE)


@cache
def _sites() -> re.Pattern:
    """Common nouns of sites a name may qualify ("X campus", "X data centre"): then X is no firm."""
    alt = _filter_alt("site")
    return re.compile(rf"\s+(?:{alt})(?![\w-])")


@cache
def _gov_titles() -> re.Pattern:
    """Titles of office holders whose spending is the state's ("le ministre-président X")."""
    alt = _filter_alt("gov_title")
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])(?:\s+[\w'’-]+){{0,2}}?[\s,]+$")


_DATELINE = re.compile(r"^[A-ZÀ-Ö' -]{3,}(?:,|\s[—–-])")
_POSSESSIVE = re.compile(r"^['’]s\s")
_SUBORDINATE = re.compile(
    r"\b(?:que|qu['’]|that|said|says|a indiqué|a annoncé|a confirmé|a déclaré|announced|confirmed|"
    r"as|while|whereas|alors que|tandis que|tandis qu['’])\s+"
)
_PERIPHRASIS = re.compile(
    r"\b(?:groupe|firme|géant|société|entreprise|group|firm|giant)\s+(?:de|of)\s+$", re.I
)
_BASED = r"(?:basée?s?|based|installée?s?|située?s?|headquartered)"
_PLACE_OF_FIRM = re.compile(r"-(?:based|born|headquartered|basée?s?)\b", re.IGNORECASE)

# a giving verb whose first object receives: "awarded X a grant", "nous a accordé"
_GIVE = r"\b(?:award(?:s|ed)?|grant(?:s|ed)?|g[ai]ve[ns]?|giving|hand(?:s|ed)|offer(?:s|ed)?)\s+"

_NEAR_PLACE = r"\b(?:near|outside|around|près de|aux abords de)\s+$"

# the complements of a French body's name: capitalised ("des Affaires économiques et du Made in
# Italy") or one lowercase domain noun ("de l'innovation")
_FR_BODY_TAIL = re.compile(
    r"(?:,?\s+(?:et\s+)?(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:in|of|[a-zà-ÿ]+ques?|[a-zà-ÿ]+les?|[A-ZÀ-ÖØ-Þ][\w'’-]*))*"
    r"|(?:innovation|recherche|industrie|économie|numérique|énergie|culture|santé|éducation|défense)\b))+"
)

# French institutions written in lower case before their town: "l'université de Pise"
_INSTITUTION_OF = re.compile(
    r"\b((?:université|école|institut|centre hospitalier(?: universitaire)?)\s+(?:de\s+|d['’]|du\s+))$"
)

# a group of recipients named by its members
_CONSORTIUM = re.compile(
    r"\b(?:consortium|alliance|groupement)\s+(?:[A-Z][\w-]*\s*,?\s+)?(?:led by|made up of|comprising|"
    r"formed by|of|formé par|mené par|emmené par|composé de|réunissant|qui réunit|regroupant)\s+",
    re.IGNORECASE,
)

# who speaks after a quote: "», explique X", "," said X"
_SPEAKER = re.compile(
    r"[»\"”]\s*,?\s*(?:a\s+|ont\s+)?(?:said|says|told|explained|added|explique|expliquent|expliqué|"
    r"déclare|déclaré|indique|indiqué|souligne|souligné|précise|précisé|ajoute|ajouté)\s+"
    r"(?:(?:le|la|les|l['’]|the)\s+(?:[\w-]+\s+){0,2})?",
    re.IGNORECASE,
)

# a first-person subject: the firm speaks of itself in a post or a quote
_FIRST_PERSON = re.compile(r"(?:^|[«“\"(,;:!]\s*|\b(?:et|and)\s+)(?:we|nous)\b", re.IGNORECASE)

# what may stand between a country word and the party it qualifies
_BEFORE_GAP = {
    "demonym": r"(?:\s+[\w'’-]+){0,2}\s+",  # "la start-up japonaise X", "Indian conglomerate X"
    "name": r"['’]s\s+(?:[\w-]+\s+){0,2}",  # "India's Yotta"
    "city": r"(?:-based|['’]s)\s+(?:[\w'’-]+\s+){0,2}",  # "Paris-based H"
}
_AFTER_GAP = {
    "demonym": r"(?:\s*,\s*|\s+\()(?:[\w'’-]+\s+){0,5}|\s+",  # "X, la pépite française"
    "name": r"\s+\(|\s*,\s*(?:[\w'’-]+\s+){0,5}" + _BASED + r"\s+(?:en|au|aux|in)\s+",
    "city": r"\s*,\s*(?:[\w'’-]+\s+){0,5}" + _BASED + r"\s+(?:à|in)\s+",
}
# "d'ici fin 2026", "by 2030": a deadline, not the day of the announcement
_DEADLINE = re.compile(
    r"(?:d['’]ici|by|until|jusqu['’]à|jusqu['’]en|avant|before|horizon)\s*(?:à\s+)?(?:la\s+)?(?:fin|end|mi-)?"
    r"\s*(?:de\s+|of\s+)?$",
    re.IGNORECASE,
)
_RECEIVE = re.compile(
    r"\b(?:received|receives|will receive|has won|won|obtained|gets|got|will get|is set to get|"
    r"lands|landed|secures|secured|wins|"
    r"a reçu|reçoit|recevra|a obtenu|obtient|obtenu|obtiendra|décroche|a décroché|décroché|"
    r"bénéficie|bénéficiera|a bénéficié|touchera|a touché|"
    # plural subjects: "A, B et C bénéficieront chacune d'une aide", "A and B will each receive"
    r"recevront|reçoivent|obtiennent|obtiendront|bénéficient|bénéficieront|toucheront|"
    r"receive|will each receive|will each get|each receive|each get)\b",
    re.IGNORECASE,
)
# money given to a firm named before: "to the project", "for the company", "à la jeune pousse"
_TO_THE_FIRM = re.compile(
    r"\b(?:to|for|into|à|pour|au|dans)\s+(?:the|its|this|le|la|l['’]|ce|cette|son|sa)\s*"
    r"(?:[\w-]+\s+)?(?:project|company|start-?up|firm|venture|projet|société|entreprise|jeune\s+pousse)\b",
    re.IGNORECASE,
)
# a share per firm of a list: "chacune", "each", "apiece"
_EACH = re.compile(r"\b(?:each|apiece|chacun|chacune|chacuns|chacunes)\b", re.IGNORECASE)
# between two names of a list, a place in brackets allowed: "A (Lyon), B (Nantes) et C"
_EACH_LIST_GAP = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:et|and)?|et|and|&)\s*"
    # a place before the next name: "Lagos-based A, Abuja's B and Kano-based C"
    r"(?:[A-ZÀ-Ý][\w-]*-based\s+|[A-ZÀ-Ý][\w-]*['’]s\s+)?"
)
# a clause that continues a grant in the same sentence: "..., tandis qu'Y obtient"
_CONTINUES = re.compile(r"\b(?:(?:tandis|alors) qu(?:e\b|['’])|(?:while|whereas|and|et)\b)", re.IGNORECASE)
_ROUND_WORDS = re.compile(
    r"\b(?:round|tour de table|série|series|seed|pre-seed|amorçage|levée|equity|fonds propres|valuation|"
    r"valorisation|investors|investisseurs)\b",
    re.IGNORECASE,
)
# a sentence that continues the previous one's grant: "Y obtient de son côté ...", "Y also gets ..."
_CONTINUES_NEXT = re.compile(
    r"\b(?:de son côté|pour sa part|quant à (?:elle|lui)|à son tour|également|aussi|for its part|also|too)\b",
    re.IGNORECASE,
)
# a count with nothing after it: "with more than 60,000."
# a number with no unit after it; a list goes on after it ("B 3 056 et C 2 424")
_BARE_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d{3,})"
    r"(?![\w%$€£¥]|\s*(?:%|(?!(?:et|and|while|whereas|tandis|alors|but|mais)\b)[A-Za-zÀ-ÿ$€£¥]))"
)
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|tandis que|alors que|and|et)\b|[,;]")
# the object of a purchase verb given as a bare number, its chips named before: "A en achète 7 656,
# B 3 056", "A, B and C each take 50,000"
_COUNT_AFTER_CUE = re.compile(
    r"\s+(?:(?:each|chacun|chacune|respectively|respectivement|about|around|some|environ|près de|more than|"
    r"plus de)\s+)*"
    r"(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d{2,})"
    r"(?=\s*(?:[,;.)]|$)|\s+(?:et|and|while|whereas|tandis|alors|but|mais|each|chacun|chacune|apiece)\b)",
    re.IGNORECASE,
)
_SOURCE_PHRASE = re.compile(
    r"\b(?:according to|selon|d['’]après|said|a indiqué|a annoncé|reported|a rapporté)\b", re.IGNORECASE
)
_REPORTED = re.compile(
    r"\s*(?:,\s*)?(?:reported|reports|said|says|a rapporté|rapporte|rapportait|a indiqué|indique|écrit|wrote)"
    r"\b",
    re.IGNORECASE,
)
_TARGET_GAP = re.compile(
    # a duration may come first: "30 millions d'euros sur trois ans dans X", "$1bn over five years in X"
    r"\s*(?:(?:sur|over|within|en)\s+\w+\s+(?:ans|années|mois|years|months)\s*,?\s+)?"
    r"(?:(?!(?:on|sur|for|pour|with|avec)\b)[\w,.]+\s*%?\s+){0,3}(?:in|into|dans|au capital d[e'’]|to)\s+"
    # one target marker only: "in a data centre in Ohio" names a place, not a firm
    r"(?:(?!\b(?:in|into|dans|to|at|near|à|au|aux|en)\b).)*"
)
# "to" then a lowercase word that is no article or possessive opens an infinitive of purpose
_PURPOSE_TO = re.compile(
    r"\s+(?!(?:a|an|the|its|their|his|her|our|local|domestic|fellow|national|regional|young|new|"
    r"emerging|startup|start-up|scale-up|company|firm|group|developer|operator|lab|chipmaker|"
    r"provider|maker|unicorn|consortium|fund)\b)[a-z]"
)
_FILLER_STOP = re.compile(
    r"for|pour|with|avec|to|à|au|aux|from|by|par|and|et|or|ou|which|qui|that|que|in|dans|of|on|sur|de|du|des|"
    r"near|près|around|outside|close|autour|at",
    re.IGNORECASE,
)
_NAME_TAILS_OK = {"AI", "IA"}
_APPOSITION = re.compile(
    r"\s*,\s*(?:qui|which|who|un|une|le|la|l['’]|a|an|the|one|filiale|start-up|startup)\b", re.IGNORECASE
)
# a place, possibly in a list: "campus in Catania, ", "universities in Oslo, Bergen, Trondheim and "
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:in|at|across|near|dans|près de|en)\s+|(?:campus|site|ville|city|town|région|region)\s+"
    r"(?:de\s+|d['’]|of\s+))(?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*"
    r"\s*(?:,|and|et|, and)\s*)*$"
)
# a programme a grant is paid under: "au titre de France 2030", "under its PERTE Chip programme"
_PROGRAMME_CHANNEL = re.compile(
    r"\b(?:au titre d(?:e|u|es)|dans le cadre d(?:e|u|es)|under|through|via)\s+"
    r"(?:(?:the|its|their|le|la|les|l['’]|son|sa|ses|leur)\s*)?$",
    re.IGNORECASE,
)
# "Abu Dhabi AI firm G42", "Gulf AI group Kairo": a name followed by a firm noun and another name
_FIRM_NOUN_WORDS = r"(?:firm|company|start-?up|group|operator|giant|maker|lab|outfit|provider)"
_QUALIFIES_NAME = re.compile(r"\s+" + _FIRM_NOUN_WORDS + r"\s+[A-Z0-9][\w-]*")
_QUALIFIER_END = re.compile(r"\b" + _FIRM_NOUN_WORDS + r"\s*$")
# "Columbus, Ohio-based X": a city before its state's "-based"
_PLACE_BASED = re.compile(
    r",\s+[A-ZÀ-ÖØ-Þ][\w.]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.]*)?-(?:based|headquartered)\s+[A-ZÀ-ÖØ-Þ0-9]"
)
_FREE_RELATIVE = re.compile(r"\b(?:what|ce qu['’]|ce que)\s*(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_DEAL_NOUN = re.compile(
    r"\b(?:aides?|subventions?|grants?|subsid(?:y|ies)|rumeurs?|rumou?rs?|commandes?|orders?|investissements?|"
    r"investments?|financements?|funding|prêts?|loans?|contrats?|contracts?|enveloppes?)\b",
    re.IGNORECASE,
)
# a capitalised sentence adverb: "Séparément", "Parallèlement", "Separately", "Additionally"
_SENTENCE_ADVERB = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{4,}ment|[A-Z][a-z]{4,}ly")
_INFINITIVE = re.compile(r"\b(?:to|pour|afin d['’]|afin de|de|d['’])\s*$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|il|elle|ils|elles|qu['’]il|qu['’]elle)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|être|été|sera|seront)\s+$", re.IGNORECASE)
_MAKER_VERB = re.compile(
    r"\b(?:built|made|designed|developed|assembled|manufactured|constructed|supplied|delivered|provided|"
    r"construit|construite|conçu|conçue|fabriqué|fabriquée|développé|développée|fourni|fournie|livré|livrée)\s+"
    r"(?:\w+\s+)?(?:by|par)\s*$",
    re.IGNORECASE,
)
# a site a demonym qualifies: "Norwegian campus", "French data centre"
_SITE_AFTER = re.compile(
    r"\s+(?:AI\s+)?(?:campus|data\s*cent(?:re|er)s?|site|facility|cluster|supercomputer)\b", re.IGNORECASE
)


@cache
def _currency_users() -> dict[str, frozenset[str]]:
    """Currency -> the countries that use it (lexicons/currency_territories.csv, CLDR)."""
    users: dict[str, set[str]] = {}
    for r in rows("currency_territories"):
        users.setdefault(r["currency_code"], set()).add(r["country_code"])
    return {code: frozenset(c) for code, c in users.items()}


@cache
def _currency_homes() -> dict[str, str]:
    """Currency -> the country that issues it (yen, yuan, won, rupee, franc), from
    lexicons/currency_territories.csv (CLDR); the euro, which no one country issues, is left out."""
    users = _currency_users()
    # a currency several territories use belongs to the one its ISO code names (CHF -> CH, INR -> IN)
    return {
        code: next(iter(c)) if len(c) == 1 else code[:2]
        for code, c in users.items()
        if len(c) == 1 or code[:2] in c
    }


# language -> (country, currency, how it is written) read as the text's country when it names no place
_LANGUAGE_HOMES = {
    # French news naming no place at all is French news, whatever currency it quotes
    "fr": ("FR", None, set()),
    "en": ("US", "USD", {"$", "dollars", "dollar"}),
}
# "<place> start-up <Name>", "<X> chipmaker <Name>": a name used as a modifier of the next one
_MODIFIER_BEFORE_NAME = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}(?:start-?ups?|firm|company|group|operator|unicorn|lab|giant|developer|"
    r"maker|chipmaker|provider|outfit)\s+(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Z])"
)
# between an amount and the noun that says what it is: "$3 million grant", "¥90 billion in subsidies"
# one or two modifiers between an amount and its noun: "a €2m research grant", "$3m state subsidy"
_MODIFIER_GAP = re.compile(
    r"\s+(?:(?!(?:to|for|from|in|into|with|and|or|as|of|by|on|at|the|a|an|its|their|this|that)\b)"
    r"[a-z][a-z-]*\s+){1,2}"
)
_NOUN_AFTER = re.compile(r"\s*(?:(?:in|en|of|as|de|d['’]|des|sous forme de)\s*)?", re.IGNORECASE)
# what may follow a public-body word up to a word of its name: "de l'Économie, de la Recherche et de l'"
_BODY_NAME_REST = re.compile(
    r"(?:\s*(?:de|du|des|d['’]|of|and|et|for|pour|the|la|le|l['’]|,|&)\s*|\s*[A-ZÀ-ÖØ-Þ][\w-]*)*"
)
# the common nouns a text uses for the firm it is about: "la jeune pousse", "l'hébergeur", "the startup"
_FIRM_NOUNS = (
    r"jeune\s+pousse|jeune\s+entreprise|start-?up|société|entreprise|firme|groupe|pépite|licorne|hébergeur|"
    r"fabricant|éditeur|concepteur|opérateur|scale-?up|company|firm|group|outfit|operator|unicorn|chipmaker|"
    r"developer|provider|designer|maker|"
    r"\w+tech"  # "la legaltech bordelaise", "the Berlin fintech"
)
# up to two lowercase adjectives, then a comma: "la pépite grenobloise, ..."
_ADJECTIVES_COMMA = re.compile(r"(?:\s+[a-zà-ÿ][\w'’-]*){0,2}\s*,")
# a plural, collective subject: "Swedish AI startups raised $900m in 2025", "les start-up bretonnes
# ont levé": a sector's total, no one firm's deal
_COLLECTIVE = re.compile(
    r"\b(?:start-?ups|scale-?ups|companies|firms|businesses|projects|unicorns)\b"
    r"|\b(?:les|des|ces|nos|leurs|plusieurs)\s+(?:[\w'’-]+\s+){0,2}"
    r"(?:start-?ups?|scale-?ups?|jeunes\s+pousses|entreprises|sociétés|projets|licornes|pépites)\b"
    # "a group of development partners had pledged": an unnamed group
    r"|\b(?:a|an|un|une)\s+(?:group|consortium|syndicate|pool|handful|number|groupe|collectif)\s+(?:of|de|d['’])",
    re.IGNORECASE,
)
# a subject that points back: "la jeune pousse", "the Paris-based start-up", "elle"
_ANAPHOR = re.compile(
    rf"(?:(?:la|le|l['’]|cette|ce|the|this|its)\s*(?:[\w-]+-based\s+|[\w-]+\s+(?=(?:{_FIRM_NOUNS})\b))?"
    rf"(?:{_FIRM_NOUNS})|\b(?:elle|il|it|they|ils|elles)\b)",
    re.IGNORECASE,
)
# a sentence about the purchase just reported: "The purchase was funded with ...", "La commande s'élève à ..."
_THE_PURCHASE = re.compile(
    r"\s*(?:the|this|that|la|le|l['’]|cette|ce)\s*(?:purchase|order|deal|contract|acquisition|achat|commande|"
    r"contrat|acquisition|opération)\b",
    re.IGNORECASE,
)
# the object of a firm's spending right after its amount: "$300 million on 6,000 GPUs", "300 M€ dans
# l'achat de 6 000 GPU"
_ON_COUNT = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:on|in|into|for|pour|dans|sur)\s+(?:(?:l['’]|the\s+)?(?:achat|acquisition|"
    r"purchase)\s+(?:de|d['’]|of)\s*)?(?:(?:about|around|some|environ|près de|plus de|more than)\s+)?",
    re.IGNORECASE,
)
_THE_MACHINE = re.compile(
    r"\s*(?:the|this|that|its|la|le|l['’]|cette|ce|sa|son)\s*(?:new\s+|nouvelle?\s+)?(?:machine|system|"
    r"supercomputer|cluster|supercalculateur|système|grappe)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"\s*(?:Par|By)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+){0,3}\s*(?:\||,|$)")
_FIRM_NOUN = re.compile(
    rf"(?<![\w'’])(?:the|la|le|l['’]|cette|this)\s*(?:[\w-]+-based\s+|[\w-]+\s+(?=(?:{_FIRM_NOUNS})\b))?"
    rf"(?:{_FIRM_NOUNS})\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"(?:^|\b)(?:à|À|in|In|at|At|near|près de|basée? à|based in)\s+$")


_WORD_RUN = re.compile(r"\w+")
_VOCAB_WORD = re.compile(r"[\w&-]+")
_LOWER_WORD = re.compile(r"[\w-]+")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
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


class _DocContext:
    def __init__(self, ex: Extractor, doc, text, lang, sentences, money, countries):
        self.ex, self.doc, self.text, self.lang = ex, doc, text, lang
        self.sentences = sentences
        self.money = money
        self._money_starts = [m.start for m in money]
        self.money_labels: dict[Money, str] = {}
        self.country_mentions: list[CountryMention] = countries
        self.published = getattr(doc, "published_on", None)
        self.entities: dict[int, list[Entity]] = {}
        self.persons: set[int] = set()
        self._firm_pool: list[tuple[Entity, int]] | None = None
        self._persons_named: set[str] | None = None
        self.dates = []
        if find_dates is not None:
            try:
                self.dates = find_dates(text, lang, years=True, ref=self.published)
            except TypeError:  # an older signature
                self.dates = find_dates(text, lang)
        self._mid_tokens, self._lower_words = self._vocabulary()
        self._cue_rx, self._cue_table = _cues(lang)
        self._cue_hits: list[tuple[int, int, str]] | None = None
        self._deal_ends = [0]
        self._cue_starts_list: list[int] = []
        self._doc_country = self._dominant_country()
        self._headings = self._heading_countries()
        self._near_cache: dict[str, str | None] = {}
        self._occurrences: dict[str, list] = {}
        self._word_starts: dict[str, list[int]] | None = None
        self._scanned = 0  # characters the occurrence regexes have read so far
        self._sentence_starts: list[int] | None = None
        self._quantity_cache: dict[tuple[int, int], list] = {}
        self._sentence_index = {x.start: k for k, x in enumerate(sentences)}
        self.country_mentions.sort(key=lambda c: c.start)
        self._country_starts = [c.start for c in self.country_mentions]
        self.dates = sorted(self.dates, key=lambda d: d.start)
        self._date_starts = [d.start for d in self.dates]
        self._public_names = self._governments()

    def _governments(self) -> set[str]:
        """Names the text itself calls a government ("the Karnataka government", "gouvernement du
        Québec"): a region or state the seeds need not know."""
        out = set()
        for m in [*self._gov_after_name(), *_GOV_BEFORE_NAME.finditer(self.text)]:
            if m is not None:
                words = m.group(1).split()
                while words and (words[0] in self.ex.parties.stop or words[0] in self.ex.parties.generic):
                    words.pop(0)
                if words:
                    out.add(" ".join(words))
        return out

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

    def is_public(self, e: Entity) -> bool:
        """A government, ministry, agency or region: by the seeds, by a public word in its name,
        by the text calling it a government, or by an apposition ("X, l'Agence suisse ...")."""
        if e.source == "public_body" or e.kind == "public_body":
            return True
        if e.source == "gazetteer" or _FUND_WORDS.search(e.name):
            return False
        if e.name in self._public_names or _public_words().search(e.name):
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
        mid: set[str] = set()
        for s in self.sentences:
            words = _VOCAB_WORD.findall(s.text)
            mid.update([w for w in words[1:] if w[:1].isupper()])
        lower = {w for w in _LOWER_WORD.findall(self.text) if w.islower()}
        return mid, lower

    # -- helpers ------------------------------------------------------------------------------
    def ents(self, i: int) -> list[Entity]:
        if i in self.entities:
            return self.entities[i]
        s = self.sentences[i]
        found = self.ex.parties.find(self.text, s.start, s.end)
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
        for e in found:
            cuts = [(a, b) for a, b in cue_spans + blocked if e.start < b and a < e.end]
            if cuts and title_case is None:
                long_words = _LONG_WORD.findall(s.text)
                capitals = sum(w[0].isupper() for w in long_words)
                title_case = len(long_words) >= 3 and capitals >= 0.85 * len(long_words)
            if not title_case:
                cuts = [(a, b) for a, b in cuts if (a, b) in blocked]  # "Investment Authority" is one name
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
        for e in expanded:
            if any(a < e.end and e.start < b for a, b in blocked) or (e.start, e.end) in cities:
                continue
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
                    if " " not in e.name and not re.search(r"\d|[a-zà-ÿ][A-ZÀ-Ö]", first) and (
                        first.lower() in self._lower_words
                        or (first not in self._mid_tokens and not self.name_context(e))
                    ):
                        continue
                    if " " not in e.name and _SENTENCE_ADVERB.fullmatch(e.name) and self.text[e.end] == ",":
                        continue  # "Séparément, ...", "Additionally, ...": a sentence adverb, not a name
                if " " not in e.name and e.name.lower() in self._lower_words and not self.name_context(e):
                    continue  # "le Sommet" when the text also writes "sommet": a common noun
                if _DATELINE.match(self.text[e.start : e.end + 2]) and e.name.isupper():
                    continue
                if first.endswith(("-based", "-born")):
                    continue
                if _PLACE_BASED.match(self.text, e.end):
                    continue  # "Columbus, Ohio-based Halvard Cloud": the city of a firm's seat
                demonym = e.name.rpartition("-")[2]
                if " " not in e.name and "-" in e.name and demonym in self.ex.countries.table:
                    continue  # "The Franco-Italian group": a compound demonym
                if self.place_then_generic(e, here) or _QUALIFIES_NAME.match(self.text, e.end):
                    continue  # "Abu Dhabi AI firm G42": words qualifying the firm named after them
                if " " not in e.name and e.name in _language_names():
                    continue  # "models for Hausa and Yoruba": a language, not a firm
                if re.fullmatch(r"[A-Z]\w*-[a-z]+", first):
                    continue  # "AI-dedicated", "Spanish-language AI": a compound modifier, not a name
            if self.text[max(s.start, e.start - 1) : e.start] == "@":
                continue  # "@Handle": a social-media account signing a post, not a party
            if " — " in s.text or " – " in s.text or " - " in s.text:
                lead = s.text.split(" — ")[0].split(" – ")[0].split(" - ")[0]
                if re.search(r"\b(?:19|20)\d\d\b", lead) and e.end <= s.start + len(lead):
                    continue  # dateline: "SUNNYVALE, Calif., July 21, 2023 —"
            if model_regex().search(self.text, e.start, e.end + 12) and e.source == "pattern":
                hit = model_regex().search(self.text, max(s.start, e.start - 1), e.end + 12)
                if hit and hit.start() <= e.start + 1:
                    continue  # "Grace Hopper" is a chip, not a firm
            if titled(self.text, s.start, e.start) or _BYLINE.match(s.text):
                self.persons.add(e.start)  # "le ministre X", and the author in "Par X | 10 mars 2026"
            if _media().search(self.text[max(s.start, e.start - 40) : e.start]):
                continue  # "le quotidien économique Handelsblatt": a news source, never a party
            out.append(e)
        self.entities[i] = out
        return out

    def place_then_generic(self, e: Entity, here: list[CountryMention]) -> bool:
        """A pattern name made of a place and generic words only ("Abu Dhabi AI")."""
        place = next((c for c in here if c.start == e.start and c.end < e.end), None)
        if place is None:
            return False
        rest = self.text[place.end : e.end].split()
        return bool(rest) and all(w in self.ex.parties.generic for w in rest)

    def is_noise(self, s: Sentence) -> bool:
        """A "Lire aussi" / "Related coverage" line, or a list item under one."""
        if _noise(self.lang).match(s.text):
            return True
        line_start = self.text.rfind("\n", 0, s.start) + 1
        if not re.match(r"\s*[-•·*>→▸►–›]\s", self.text[line_start : s.end]):
            return False
        # a bullet: noise when the block it belongs to is headed by a noise line
        k = line_start - 1
        while k > 0:
            prev_start = self.text.rfind("\n", 0, k) + 1
            line = self.text[prev_start:k]
            if not line.strip():
                return False
            if not re.match(r"\s*[-•·*>→▸►–›]\s", line):
                return bool(_noise(self.lang).match(line))
            k = prev_start - 1
        return False

    def name_context(self, e: Entity) -> bool:
        """A capitalised first word is a name when an apposition or a cue verb follows it
        ("Kalis, qui ...", "Kalis, a start-up", "Kalis lève ...")."""
        after = self.text[e.end : e.end + 40]
        if _APPOSITION.match(after):
            return True
        if self._cue_hits is None:
            self.cues_in(self.sentences[0]) if self.sentences else None
        k = bisect_left(self._cue_starts_list or [], e.end + 1)
        if k < len(self._cue_hits or []):
            gap = self.text[e.end : self._cue_hits[k][0]]
            return bool(re.fullmatch(r"\s+(?:a\s+|has\s+|have\s+|will\s+|va\s+|vient de\s+)?", gap))
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
                if not (_title_words().search(s.text) or _BYLINE.match(s.text)):
                    continue
                for e in self.ents(i):
                    words = e.name.split()
                    # a first name and a surname: "Metz" or "Budget" after a title is too short to tell
                    if e.start in self.persons and e.source == "pattern" and 2 <= len(words) <= 3:
                        self._persons_named.update((e.name, words[-1]))
            # a first name and surnames, a title after the name, a quote's speaker (staging/people.py)
            self._persons_named |= self.ex.people.names(self.text, self._lower_words)
        return self._persons_named

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

    # -- money labels -------------------------------------------------------------------------
    def label_money(self, s: Sentence, cue_spans: list[tuple[int, int]], flags: set[str]) -> dict[Money, str]:
        out = {}
        ms = self.money_in(s)
        for k, m in enumerate(ms):
            before = self.text[max(s.start, m.start - 90) : m.start]
            if _adverbs(self.lang) is not None:
                before = _adverbs(self.lang).sub("", before)[-70:]
            next_start = ms[k + 1].start if k + 1 < len(ms) else s.end
            after = self.text[m.end : min(next_start, m.end + 45)]
            label, best = None, None
            for rx, lab, pos in _nonfact(self.lang):
                if pos in ("before", "both"):
                    at = 0
                    # overlapping hits: "bringing its total funding to" ends with "total funding to"
                    while (hit := rx.search(before, at)) is not None:
                        dist = len(before) - hit.end()
                        if best is None or dist < best:
                            best, label = dist, lab
                        at = hit.start() + 1
                if pos in ("after", "both"):
                    hit = rx.search(after)
                    if hit and re.fullmatch(
                        r"[\s,:]*(?:de|d['’]|des|in|of|en|du)?\s*(?:\w+\s+)?", after[: hit.start()]
                    ) and not re.match(r"\s+(?:to|à|aux?)\s", after[hit.end() :]):
                        # "€4 million each to A, B and C" shares money out; "$30,000 each" prices a unit
                        best, label = -1, lab
            # "brings the total ... to ¥1.7 trillion", "recommended ... that the country spend €5 billion":
            # a marker anywhere earlier in the amount's clause governs it, whatever cue stands between
            clause_start = s.start + max(
                [0] + [k.end() for k in re.finditer(r"[,;:—–]", self.text[s.start : m.start])]
            )
            prior = self.text[max(clause_start, m.start - 160) : m.start]
            strong = None
            for rx, lab, pos in _nonfact(self.lang):
                if pos == "clause" and rx.search(prior):
                    strong = lab
                elif pos == "after_year":
                    # "raised $95 million from investors since 2021", "levé 16 milliards au total depuis 2019"
                    stop = re.search(r"[,;:.()]", self.text[m.end : next_start])
                    rest = self.text[m.end : (m.end + stop.start()) if stop else next_start][:80]
                    hit = rx.search(rest)
                    # "its largest round since 2021" compares this deal; it is not a total
                    compared = hit is not None and _COMPARED.search(rest, 0, hit.start())
                    if hit and _SINCE_YEAR.match(rest, hit.end()) and not compared:
                        strong = lab
            if strong:
                label, best = strong, -1
            cue_dist = min((m.start - e for _s, e in cue_spans if e <= m.start), default=None)
            if label and (best == -1 or cue_dist is None or best < cue_dist or label == "estimate"):
                out[m] = label
            elif flags & {"denial", "cancelled", "rumour", "pledge"}:
                out[m] = "other"
            elif cue_spans:
                out[m] = "fact"
            else:
                out[m] = "other"
        return out

    # -- main ---------------------------------------------------------------------------------
    def _all_cues(self) -> list[tuple[int, int, str]]:
        """(start, end, key) of every cue word in the document, word-bounded."""
        folded = self.text.lower().replace("’", "'")
        valid = []
        if len(folded) != len(self.text):  # a few characters change length when lower-cased
            for m in self._cue_rx.finditer(self.text):
                valid.append((m.start(), -m.end(), re.sub(" +", " ", m.group(0).lower().replace("’", "'"))))
        else:
            ac, patterns = _cue_automaton(self.lang)
            for idx, a, b in ac.find_matches_as_indexes(folded, overlapping=True):
                if (a > 0 and folded[a - 1].isalnum()) or (b < len(folded) and folded[b].isalnum()):
                    continue  # "a investi" inside "va investir" is no cue
                valid.append((a, -b, patterns[idx]))
        valid += [(a, -b, key) for a, b, key in _aux_cues(self.text, self._cue_table)]
        out, end = [], -1
        for a, neg_b, key in sorted(valid):  # leftmost, then longest, not overlapping
            if a >= end:
                out.append((a, -neg_b, key))
                end = -neg_b
        return out

    def cues_in(self, s: Sentence) -> list[tuple[str, str, str, int, int]]:
        if self._cue_hits is None:
            self._cue_hits = self._all_cues()
            self._cue_starts_list = [h[0] for h in self._cue_hits]
        cues = []
        k = bisect_left(self._cue_starts_list, s.start)
        while k < len(self._cue_hits) and self._cue_hits[k][0] < s.end:
            a, b, key = self._cue_hits[k]
            k += 1
            if b > s.end:
                continue
            for fact_type, role in self._cue_table.get(key, []):
                cues.append((fact_type, role, self.text[a:b], a, b))
        return cues

    def run(self) -> tuple[list[Candidate], list[LabelledMoney]]:
        flags_rx = _sentence_flags(self.lang)
        candidates: list[Candidate] = []
        labelled: list[LabelledMoney] = []
        for i, s in enumerate(self.sentences):
            cues = [
                c
                for c in self.cues_in(s)
                if not self.cue_in_name(s, c[3], c[4])
                # "a fraction of what its rivals spend": a free relative compares, it reports no deal
                and not _FREE_RELATIVE.search(self.text[max(s.start, c[3] - 60) : c[3]])
            ]
            if not cues and not self.money_in(s):
                continue
            flags = (
                {label for label, rx in flags_rx.items() if rx.search(s.text)}
                if _any_sentence_flag(self.lang).search(s.text)
                else set()
            )
            if "report" in flags and i + 1 < len(self.sentences) and "retraction" in flags_rx:
                # "un quotidien affirmait que X avait commandé 5 000 GPU. L'opérateur a démenti":
                # a report the next sentence opens by denying
                nxt = self.sentences[i + 1]
                hit = flags_rx["retraction"].search(self.text, nxt.start, nxt.end)
                if hit is not None and hit.start() - nxt.start <= 60:
                    flags.add("denial")
            if "report" in flags and i > 0 and "retraction" in flags_rx:
                # "X denied a media report that ... The report said the company had agreed to buy":
                # a report the previous sentence denies
                prev = self.sentences[i - 1]
                if flags_rx["retraction"].search(self.text, prev.start, prev.end) is not None:
                    flags.add("denial")
            labels = self.label_money(s, [(c[3], c[4]) for c in cues], flags)
            for m, lab in labels.items():
                labelled.append(LabelledMoney(m, s.start, lab))
                self.money_labels[m] = lab
            if not cues or flags & {"denial", "cancelled", "rumour", "pledge"} or self.is_noise(s):
                continue
            facts_money = [m for m in self.money_in(s) if labels.get(m) == "fact"]
            self.cue_starts = sorted({(c[3], c[4], c[0]) for c in cues})
            made: list[Candidate] = []
            converted: list[Candidate] = []
            for fact_type in FACT_TYPES:
                seen: set = set()
                for ft, role, cue, cs, ce in cues:
                    if ft != fact_type:
                        continue
                    for cand in self.build(i, s, ft, role, cue, cs, ce, facts_money, flags):
                        key = (
                            cand.fact_type,
                            cand.amounts[0].start if cand.amounts else None,
                            tuple(p.name for p in cand.parties if p.role in ("investee", "buyer")),
                        )
                        if key in seen:
                            continue
                        seen.add(key)
                        (made if cand.fact_type == ft else converted).append(cand)
            # a fact read by its own kind of cue ("attribuer" for a grant) wins over one another
            # kind of cue turned into it ("réunit" read with a public subject)
            made += converted
            made = self.spent_on_chips(made)
            made = [self.grant_continued(c, made) for c in made]
            # one amount read by an investment and a subsidy cue is the subsidy's
            sub_amounts = {c.amounts[0].start for c in made if c.fact_type == "subsidy" and c.amounts}
            # ... and one read by a chip purchase is the purchase's price ("$1.5bn for 8,000 GPUs")
            sub_amounts |= {
                a.start
                for c in made
                if c.fact_type == "chip_purchase" and self.priced_count(c)
                for a in c.amounts
            }
            made = [
                c
                for c in made
                if not (c.fact_type == "investment" and c.amounts and c.amounts[0].start in sub_amounts)
            ]
            # one candidate per amount and type in a sentence
            by_amount: dict = {}
            for c in made:
                k = (c.fact_type, c.amounts[0].start if c.amounts else None, c.suffix)
                if c.fact_type == "chip_purchase":
                    k = (c.fact_type, c.quantity, tuple(p.name for p in c.parties if p.role == "buyer"))
                by_amount.setdefault(k, c)
            kept = list(by_amount.values())
            # "invest SEK 900 million (about €80 million)": the restated amount read by another cue
            # is part of the fact that holds both, not a fact of its own
            spans = [{a.start for a in c.amounts} for c in kept]
            candidates.extend(
                c
                for c, own in zip(kept, spans, strict=True)
                if not (
                    own
                    and any(
                        o is not c and o.fact_type == c.fact_type and own < other
                        for o, other in zip(kept, spans, strict=True)
                    )
                )
            )
        candidates.extend(self.elided_counts(candidates))
        self.continued_grants(candidates)
        self.vendor_before(candidates)
        self.headline_buyers(candidates)
        self.investors_nearby(candidates)
        self.funded_buyer(candidates)
        self.price_next_sentence(candidates)
        self.count_next_sentence(candidates)
        self.local_dollars(candidates)
        self.local_names(candidates)
        self.recipient_pointed_to(candidates)
        self.granted_abroad(candidates)
        self.states_buying(candidates)
        return self.each_shares(candidates), labelled

    def recipient_pointed_to(self, candidates: list[Candidate]) -> None:
        """ "The Quebec government will contribute $80 million to the project", "une subvention de 5 M€
        pour la société": a grant to a firm the text points back to goes to that firm."""
        for c in candidates:
            if c.fact_type != "subsidy" or any(p.role == "recipient" for p in c.parties):
                continue
            s = c.sentence
            end = c.amounts[-1].end if c.amounts else c.cue_start
            if not _TO_THE_FIRM.search(self.text, max(c.cue_start, s.start), min(s.end, end + 60)):
                continue
            firm = self.pointed_firm(self._sentence_index[s.start])
            if firm is not None and not self.is_public(firm):
                c.parties.append(Party("recipient", firm.name, firm.start, firm.end, "pointed"))

    def each_shares(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "A, B et C bénéficieront chacune d'une aide de 4 M€", "A, B and C will each receive €4m":
        one fact per firm of the list, each with the amount."""
        out = []
        for c in candidates:
            role = {"investment": "investee", "subsidy": "recipient"}.get(c.fact_type)
            main = next((p for p in c.parties if p.role == role and p.start is not None), None)
            s = c.sentence
            if role is None or not c.amounts or (main is not None and not (s.start <= main.start < s.end)):
                out.append(c)
                continue
            lo, hi = min(c.cue_start, c.amounts[0].start), max(c.cue_start, c.amounts[-1].end)
            if not _EACH.search(self.text, max(s.start, lo - 30), min(s.end, hi + 15)):
                out.append(c)
                continue
            ents = [
                e
                for e in self.ents(self._sentence_index[s.start])
                if not self.is_vendor(e)
                and not (self.text[e.start - 1 : e.start] == "(" and self.text[e.end : e.end + 1] == ")")
            ]
            if main is None:
                # "grants of 50 million naira each to three startups — A, B and C": the list after it
                k = next(
                    (
                        k
                        for k, e in enumerate(ents[:-1])
                        if e.start >= hi
                        and not self.is_public(e)
                        and _EACH_LIST_GAP.fullmatch(self.text, e.end, ents[k + 1].start)
                    ),
                    None,
                )
            else:
                k = next((k for k, e in enumerate(ents) if e.start == main.start), None)
            if k is None:
                out.append(c)
                continue
            first = last = k
            while first > 0 and _EACH_LIST_GAP.fullmatch(self.text, ents[first - 1].end, ents[first].start):
                first -= 1
            while last + 1 < len(ents) and _EACH_LIST_GAP.fullmatch(
                self.text, ents[last].end, ents[last + 1].start
            ):
                last += 1
            members = ents[first : last + 1]
            if len(members) < 2:
                out.append(c)
                continue
            names = {e.name for e in members}
            # the members were read as the subject's co-investors when the verb was misread
            rest = [p for p in c.parties if p.role != role and p.name not in names]
            for n, e in enumerate(members):
                share = replace(c, suffix=c.suffix + (f".each{n}" if n else ""))
                share.parties = [Party(role, e.name, e.start, e.end, "each"), *rest]
                out.append(share)
        return out

    def continued_grants(self, candidates: list[Candidate]) -> None:
        """ "Le gouvernement a accordé 35 M€ à X, tandis qu'Y obtient 8,5 M€", "Y obtient de son côté
        10 milliards de yens": money a firm gets next to a public grant, in the same sentence or
        continuing the previous one, comes from the same grantor."""
        index = self._sentence_index
        grants = [c for c in candidates if c.fact_type == "subsidy" and c.amounts]
        for c in candidates:
            if (
                c.fact_type != "investment"
                or not c.rule.startswith("investment:investee")
                or not c.amounts
                or any(p.role == "investor" for p in c.parties)
                or not _RECEIVE.fullmatch(c.cue)
            ):
                continue
            i = index[c.sentence.start]
            if _ROUND_WORDS.search(self.text, c.cue_start, c.sentence.end):
                continue  # "and Y secured $10M in a seed round": a round of its own
            head = self.text[c.sentence.start : c.amounts[0].start]
            same = [g for g in grants if g.sentence.start == c.sentence.start and g.cue_start < c.cue_start]
            if same and _CONTINUES.search(self.text[same[-1].amounts[-1].end : c.cue_start]):
                g = same[-1]
            elif i > 0 and _CONTINUES_NEXT.search(head):
                prev = self.sentences[i - 1].start
                g = next((g for g in reversed(grants) if g.sentence.start == prev), None)
                if g is None:
                    continue
            else:
                continue
            investee = next((p for p in c.parties if p.role == "investee"), None)
            grantor = next((p for p in g.parties if p.role == "grantor"), None)
            if investee is None or grantor is None:
                continue
            c.fact_type, c.rule = "subsidy", "subsidy:continued"
            c.parties = [
                Party("grantor", grantor.name, grantor.start, grantor.end, "continued"),
                Party("recipient", investee.name, investee.start, investee.end, investee.rule),
            ]
            c.country_code = g.country_code
            # the firm is this grant's recipient, not the earlier one's
            g.parties = [p for p in g.parties if not (p.role == "recipient" and p.name == investee.name)]

    def cue_in_name(self, s: Sentence, a: int, b: int) -> bool:
        """A cue word inside an institution's name is no cue: "Mohammed VI Investment Fund",
        "Fonds ... pour l'Investissement", "Banque publique d'investissement"."""
        word = self.text[a:b].lower()
        if not (word.startswith("invest") and word.endswith(("ment", "ments"))):
            return False  # only the noun names an institution ("Invests In X Capital" is a verb)
        if _NAME_HEAD.search(self.text[max(s.start, a - 60) : a]):
            return True
        return a > s.start and self.text[a].isupper() and _NAME_TAIL.match(self.text, b) is not None

    def spent_on_chips(self, made: list[Candidate]) -> list[Candidate]:
        """ "X will spend $300 million on 6,000 GPUs", "investit 300 M€ dans l'achat de 6 000 GPU": a
        firm's own spending whose object is a chip count is the price of a chip purchase."""
        out = []
        for c in made:
            a = c.amounts[0] if c.amounts else None
            m = _ON_COUNT.match(self.text, a.end) if a is not None and c.rule.endswith(":capex") else None
            found = (
                self._quantities(m.end(), min(c.sentence.end, m.end() + 60)) if m else []
            )
            if c.fact_type != "investment" or not found or found[0].start != m.end():
                out.append(c)
                continue
            q = found[0]
            same = [x for x in made if x.fact_type == "chip_purchase" and x.quantity == q.quantity]
            if same:
                for x in same:
                    x.amounts = x.amounts or c.amounts
                continue
            buyer = next((p for p in c.parties if p.role in ("investor", "investee")), None)
            if buyer is None:
                out.append(c)
                continue
            chip = Candidate(
                document_id=c.document_id,
                fact_type="chip_purchase",
                rule="chip_purchase:spent_on_chips",
                cue=c.cue,
                cue_start=c.cue_start,
                sentence=c.sentence,
                quantity=q.quantity,
                chip_model=q.model,
                country_code=c.country_code,
                announced_on=c.announced_on,
                date_precision=c.date_precision,
                is_background=c.is_background,
                amounts=c.amounts,
            )
            chip.parties = [Party("buyer", buyer.name, buyer.start, buyer.end, buyer.rule)]
            vendor = self.vendor_from_model(q.model)
            if vendor is None:
                i = self._sentence_index[c.sentence.start]
                seller = next((e for e in self.ents(i) if self.is_vendor(e)), None)
                vendor = seller.name if seller is not None else None
            if vendor:
                chip.parties.append(Party("vendor", vendor, None, None, "chip_model"))
            out.append(chip)
        return out

    def funded_buyer(self, candidates: list[Candidate]) -> None:
        """ "X lève 42 M$ auprès de Z. [...] Une partie des fonds servira à payer 256 GPU": the firm
        that raised the money buys the chips, not its investor read as the most-mentioned name."""
        rounds = [c for c in candidates if c.fact_type == "investment"]
        for c in candidates:
            if c.fact_type != "chip_purchase":
                continue
            i = self._sentence_index[c.sentence.start]
            for p in c.parties:
                if p.role != "buyer" or p.rule not in ("previous_sentence", "subject"):
                    continue
                for r in rounds:
                    j = self._sentence_index[r.sentence.start]
                    if j > i or (p.rule == "subject" and j != i):
                        continue
                    investors = {x.name for x in r.parties if x.role == "investor"}
                    investee = next((x for x in r.parties if x.role == "investee"), None)
                    if p.name in investors and investee is not None and investee.name not in investors:
                        p.name, p.start, p.end, p.rule = investee.name, investee.start, investee.end, "funded"
                        c.country_code = r.country_code or c.country_code
                        break

    def headline_buyers(self, candidates: list[Candidate]) -> None:
        """ "TELEKOM S'OFFRE 10 000 GPU", "VIREO COMPUTE PLACES ... ORDER": a buyer read in a line in
        capitals is the name the body writes in mixed case (Deutsche Telekom, Vireo Compute)."""
        body: list[Entity] | None = None
        for c in candidates:
            if c.fact_type != "chip_purchase" or c.sentence.text.upper() != c.sentence.text:
                continue
            for p in c.parties:
                if p.role != "buyer" or not p.name.isupper():
                    continue
                if body is None:
                    body = [
                        e
                        for j, t in enumerate(self.sentences)
                        if t.text.upper() != t.text
                        for e in self.ents(j)
                        if not e.name.isupper()
                    ]
                words = p.name.split()
                for k in range(len(words), 0, -1):
                    head = " ".join(words[:k]).casefold()
                    if len(head) < 4:
                        break
                    tail = re.compile(rf"(?:.+ )?{re.escape(head)}")
                    hit = next((e for e in body if tail.fullmatch(e.name.casefold())), None)
                    if hit is not None:
                        p.name = hit.name
                        break

    def vendor_before(self, candidates: list[Candidate]) -> None:
        """ "A, B and C will each receive 50,000 Nvidia GPUs. D will take 60,000 GPUs": chips named
        by no model or maker right after a purchase of one maker's chips are that maker's."""
        by_sentence: dict[int, list[Candidate]] = {}
        for c in candidates:
            if c.fact_type == "chip_purchase":
                by_sentence.setdefault(self._sentence_index[c.sentence.start], []).append(c)
        for k, cs in by_sentence.items():
            makers = {p.name for c in by_sentence.get(k - 1, []) for p in c.parties if p.role == "vendor"}
            if len(makers) != 1:
                continue
            for c in cs:
                if c.chip_model is None and c.quantity and not any(p.role == "vendor" for p in c.parties):
                    c.parties.append(Party("vendor", next(iter(makers)), None, None, "previous_purchase"))

    def count_next_sentence(self, candidates: list[Candidate]) -> None:
        """ "X has agreed to buy a $100 million supercomputer. The machine links 64 CS-2 systems": the
        next sentence that speaks of the machine itself gives its count of chips."""
        for c in candidates:
            if c.fact_type != "chip_purchase" or c.quantity is not None:
                continue
            k = self._sentence_index[c.sentence.start] + 1
            if k >= len(self.sentences) or not _THE_MACHINE.match(self.sentences[k].text):
                continue
            nxt = self.sentences[k]
            found = self._quantities(nxt.start, nxt.end)
            if found:
                c.quantity = found[0].quantity
                c.chip_model = c.chip_model or found[0].model
                vendor = self.vendor_from_model(found[0].model)
                if vendor and not any(p.role == "vendor" for p in c.parties):
                    c.parties.append(Party("vendor", vendor, None, None, "chip_model"))

    def priced_count(self, c: Candidate) -> bool:
        """The amount of a chip purchase is the price of its chips: it stands next to the count, with
        no other deal between them ("$1.5bn for 8,000 GPUs", "2 048 GPU ..., pour 70 M€"), not "secures
        $40 million and 1,500 GPUs" nor "orders 1,200 GPUs, secures $60 million"."""
        if not c.amounts or not c.quantity:
            return False
        a = c.amounts[0]
        s = c.sentence
        cues = [x for x, _y, _ft in self.cue_starts]
        for q in self._quantities(s.start, s.end):
            if q.quantity != c.quantity:
                continue
            lo, hi = (q.end, a.start) if q.end <= a.start else (a.end, q.start)
            if (
                hi - lo <= 80
                and not re.search(r"\b(?:and|et|while|tandis que)\b", self.text[lo:hi])
                and not any(lo <= x < hi for x in cues)
            ):
                return True
        return False

    def price_next_sentence(self, candidates: list[Candidate]) -> None:
        """ "X has purchased 2,000 GPUs. The purchase was funded with S$120 million": the next
        sentence that speaks of the purchase itself gives its price."""
        for c in candidates:
            if c.fact_type != "chip_purchase" or c.amounts:
                continue
            k = self._sentence_index[c.sentence.start] + 1
            if k >= len(self.sentences) or not _THE_PURCHASE.match(self.sentences[k].text):
                continue
            money = [
                m for m in self.money_in(self.sentences[k])
                if self.money_labels.get(m) in ("fact", "other", None)
            ]
            if money:
                m = money[0]
                c.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]

    def states_buying(self, candidates: list[Candidate]) -> None:
        """ "Le Maroc commande 2 000 GPU" and "le ministère marocain a commandé 2 000 GPU" are one
        purchase by one state: a government buyer is named by its country, as the text first writes it."""
        first: dict[str, str] = {}
        for m in self.country_mentions:
            if m.kind == "name":
                first.setdefault(m.code, m.surface)
        for c in candidates:
            if c.fact_type != "chip_purchase" or not c.country_code or c.country_code not in first:
                continue
            for p in c.parties:
                if p.role == "buyer" and (p.rule in ("public_body", "country") or self._public_name(p)):
                    p.name = first[c.country_code]

    def granted_abroad(self, candidates: list[Candidate]) -> None:
        """A body whose home country the article never names ("EuroHPC" in an article about Riga, a
        European agency funding a Czech lab) grants to the country the text gives: the rule says so
        to the models, which otherwise take the grantor's home country."""
        named = {m.code for m in self.country_mentions}
        for c in candidates:
            if c.fact_type != "subsidy" or not c.country_code:
                continue
            grantor = next((p.name for p in c.parties if p.role == "grantor"), None)
            home = self.ex.parties.home(grantor) if grantor else None
            if home and home not in named and home != c.country_code:
                c.rule += ":abroad"

    def local_dollars(self, candidates: list[Candidate]) -> None:
        """ "Le gouvernement du Québec versera 5 millions de dollars": a government pays in its own
        dollar. Only public money is read so; a firm's bare "$" stays the US dollar."""
        table = local_currencies()
        written = {m.start: m.written.lower() for m in self.money}
        for c in candidates:
            public = c.fact_type == "subsidy" or any(
                p.role == "buyer" and p.rule == "public_body" for p in c.parties
            )
            if not public or not c.country_code:
                continue
            stated = {a.currency for a in c.amounts}
            for a in c.amounts:
                local = table.get(written.get(a.start, ""), {}).get(c.country_code)
                # "S$70 million (about $52 million)": next to the local amount, "$" is its conversion
                if a.currency == "USD" and local and local not in stated:
                    a.currency = local

    def local_names(self, candidates: list[Candidate]) -> None:
        """ "1 600 milliards de roupies" in a story about a Jakarta firm, "120 millions de dirhams" from
        Rabat: a currency word several currencies share is the one of the fact's country (else the
        article's), when that country uses one of them (CLDR names and territories)."""
        shared = shared_currency_words()
        written = {m.start: m.written.lower() for m in self.money}
        for c in candidates:
            country = c.country_code or self._dominant_country()
            if not country:
                continue
            stated = {a.currency for a in c.amounts}
            for a in c.amounts:
                codes = shared.get(written.get(a.start, ""))
                own = [code for code in codes or () if country in _currency_users().get(code, ())]
                if len(own) == 1 and own[0] not in stated:
                    a.currency = own[0]

    def elided_counts(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "A and B will each deploy 50,000 GPUs, while C will expand with more than 60,000": a bare
        count later in a purchase sentence is another buyer's purchase of the same chips."""
        out = []
        done = set()
        for c in candidates:
            s = c.sentence
            if c.fact_type != "chip_purchase" or c.quantity is None or s.start in done:
                continue
            done.add(s.start)
            i = self._sentence_index[s.start]
            buyers = {p.name for x in candidates if x.sentence.start == s.start for p in x.parties}
            taken = [(q.start, q.end) for q in self._quantities(s.start, s.end)]
            taken += [(m.start, m.end) for m in self.money_in(s)]
            taken += [(d.start, d.end) for d in self.dates_in(s.start, s.end)]
            # the purchase's own count without a unit ("NHN Cloud en achète 7 656, Naver Cloud 3 056")
            taken += [
                (m.start(), m.end())
                for m in _BARE_COUNT.finditer(self.text, c.cue_start, s.end)
                if parse_digits(m.group(1), self.lang) == c.quantity
            ][:1]
            if not taken:
                continue
            for m in _BARE_COUNT.finditer(self.text, s.start, s.end):
                if m.start() < min(a for a, _b in taken) or any(a <= m.start() < b for a, b in taken):
                    continue
                value = parse_digits(m.group(1), self.lang)
                if value is None or value < 100 or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
                    continue
                ents = [e for e in self.ents(i) if e.end <= m.start() and not self.is_vendor(e)]
                if (
                    not ents
                    or ents[-1].name in buyers
                    or not _CLAUSE_BREAK.search(self.text[c.cue_start : ents[-1].start])
                ):
                    continue
                e = ents[-1]
                new = Candidate(
                    document_id=c.document_id,
                    fact_type="chip_purchase",
                    rule="chip_purchase:elided_count",
                    cue=c.cue,
                    cue_start=c.cue_start,
                    sentence=s,
                    suffix=f".n{m.start() - s.start}",
                )
                new.quantity, new.chip_model = int(value), c.chip_model
                new.parties = [Party("buyer", e.name, e.start, e.end, "elided_count")]
                new.parties += [p for p in c.parties if p.role == "vendor"]
                new.country_code = self.party_country(e, s, c.cue_start, located=True)
                new.announced_on, new.date_precision, new.is_background = (
                    c.announced_on,
                    c.date_precision,
                    c.is_background,
                )
                out.append(new)
                buyers.add(e.name)
        return out

    def investors_nearby(self, candidates: list[Candidate]) -> None:
        """Investors named in the next sentences of a round ("Le tour de table est mené par A, aux
        côtés de B", "The round was led by A"), up to the next sentence with an amount of its own."""
        index = {s.start: k for k, s in enumerate(self.sentences)}
        for c in candidates:
            if c.fact_type == "investment" and (
                # a round with its firm: "X raises ...", "A mène un tour de table dans X"
                c.rule.startswith("investment:investee") or c.rule.startswith("investment:investor:target")
            ):
                rx, role = _markers(self.lang, "investment").get("investor"), "investor"
            elif c.fact_type == "subsidy":
                rx, role = _markers(self.lang, "subsidy").get("recipient_nearby"), "recipient"
            else:
                continue
            if rx is None:
                continue
            before = _markers(self.lang, "investment").get("investor_before") if role == "investor" else None
            i = index[c.sentence.start]
            known = {p.name for p in c.parties}
            investee = next((p.name for p in c.parties if p.role in ("investee", "recipient")), None)
            for j in (i - 1, i + 1, i + 2, i + 3):
                if j < 0:
                    continue
                if j >= len(self.sentences):
                    break
                s = self.sentences[j]
                if j < i and (
                    # "A a conduit un tour de table dans X, aux côtés de B. X a réuni 100 M$": the
                    # sentence before names the same round's backers when it names the firm and no sum
                    investee is None
                    or not self.occurrences(investee)
                    or not any(s.start <= m.start() < s.end for m in self.occurrences(investee))
                    or self.money_in(s)
                    or role != "investor"
                ):
                    continue
                if any(self.money_labels.get(m) == "fact" for m in self.money_in(s)):
                    break  # a new deal
                found: list[Entity] = []
                hit = rx.search(self.text, s.start, s.end)
                if hit is not None:
                    found += [e for e in self.ents(j) if e.start >= hit.end()]
                if before is not None:
                    # "Orbis Capital led the round", "A et B suivent", "A y participe": the investors
                    # stand before the verb
                    last = None
                    for h in before.finditer(self.text, s.start, s.end):
                        # not "led by" (the investor follows) nor "led to" (no round)
                        if not re.match(r"\s+(?:by|par|to|à)\b", self.text[h.end() : h.end() + 5]):
                            last = h
                    if last is not None:
                        found += [e for e in self.ents(j) if e.end <= last.start()]
                if role == "investor" and j == i + 3 and not found:
                    continue
                for e in sorted(found, key=lambda e: e.start):
                    if e.name in known or self.periphrasis(e) or not self.follower_ok(j, e, role):
                        continue
                    known.add(e.name)
                    c.parties.append(Party(role, e.name, e.start, e.end, "next_sentence"))

    def follower_ok(self, j: int, e: Entity, role: str, persons: bool = False) -> bool:
        """A name in a sentence after a deal that may be one of its parties: not a person, a
        ministry (for a round), a place, a news source, the acronym of the name before it ("NSIA"
        after its full name), a name inside an apposition ("A, le fonds de la famille B,") or the
        firm a person comes from ("the founders of B")."""
        s = self.sentences[j]
        if self.is_person(e) and not persons and not (
            # "Individual investors include ... Eric Schmidt": a person who invests is an investor
            role == "investor"
            and (_INVESTOR_WORD.search(self.text, s.start, e.start) or invests(self.text, e.end))
        ):
            return False
        if self.is_person(e) and speaker(self.text, e.start, e.end):
            return False  # "», a déclaré X", "X said": who speaks of a deal puts no money in it
        if self.is_source(e) or self.is_place_use(e) or self.is_origin(e):
            return False
        after = self.text[e.end : e.end + 60]
        vehicle = _THROUGH_VEHICLE.match(after)
        if vehicle and (self.is_person(e) or vehicle.group(1) in ("his", "her")):
            return False  # "Bernard X, through his family office Y": Y invests (a firm's fund does not)
        if re.match(rf"\s+(?:{_filter_alt('title')})\s+[A-ZÀ-ÖØ-Þ]", after, re.IGNORECASE):
            return False  # "Iliad founder Xavier Niel": the person's firm
        if role == "investor" and self.is_public(e) and not _FUND_WORDS.search(e.name):
            return False
        if e.name in self.ex.countries.table:
            return False
        left = self.text[max(s.start, e.start - 40) : e.start]
        opened = self.text[s.start : e.start]
        if opened.count("(") > opened.count(")") or _AFFILIATION.search(left):
            return False  # "(NSIA)", "le groupe X (Lidl, Kaufland)": inside brackets, a part or an acronym
        if _OWN_VEHICLE.search(left):
            return False  # "piloté par son fonds X": a vehicle of the investor named before
        if any(  # "du ministère de l'Économie": the name of a body
            re.fullmatch(r"\s*(?:de|du|des|of|for|pour)?\s*(?:la\s+|l['’]|d['’]|the\s+)?", left[h.end() :])
            for h in _public_words().finditer(left)
        ):
            return False
        prev = [x for x in self.ents(j) if x.end <= e.start]
        gap = self.text[prev[-1].end : e.start] if prev else ""
        return not (prev and _APPOSED_DESCRIPTION.fullmatch(gap))

    # -- one cue ------------------------------------------------------------------------------
    def clause(self, s: Sentence, cs: int, ce: int, fact_type: str) -> tuple[int, int]:
        """The stretch of the sentence a cue governs: from the previous cue of another type to the next."""
        lo, hi = s.start, s.end
        for a, b, ft in self.cue_starts:
            if ft != fact_type and fact_type == "chip_purchase" and self.chip_object(b):
                continue  # "secured an allocation of 512 GPUs": the noun's object is the chips bought
            if ft != fact_type and b <= cs:
                lo = max(lo, b)
            if ft != fact_type and a >= ce:
                hi = min(hi, a)
        return lo, hi

    def chip_object(self, end: int) -> bool:
        """A cue word whose object is a number of chips: "an allocation of 512 GPUs", "une enveloppe
        de 2 000 puces"."""
        m = re.match(r"\s+(?:of|de|d['’])\s*", self.text[end : end + 8])
        if m is None:
            return False
        q = self._quantities(end + m.end(), min(len(self.text), end + m.end() + 60))
        return bool(q) and q[0].start == end + m.end()

    def build(self, i, s, fact_type, role, cue, cs, ce, facts_money, flags) -> list[Candidate]:
        lo, hi = self.clause(s, cs, ce, fact_type)
        mine = {(a, b) for a, b, ft in self.cue_starts if ft == fact_type}
        others = [
            (a, b)
            for a, b, ft in self.cue_starts
            if ft != fact_type and ft != "chip_purchase" and (a, b) not in mine
        ]
        own_money = [
            m
            for m in facts_money
            if lo <= m.start
            and m.end <= hi
            # "a €1 billion investment": an amount touching another kind of cue is that cue's; the
            # noun after it wins over the verb before it ("received a $3 million grant")
            and not any(
                0 <= a - m.end <= 2 or _MODIFIER_GAP.fullmatch(self.text, m.end, a) for a, b in others
            )
            and not (
                any(0 <= m.start - b <= 4 for a, b in others)
                and not any(
                    a >= m.end
                    and (
                        _NOUN_AFTER.fullmatch(self.text, m.end, a)
                        or _MODIFIER_GAP.fullmatch(self.text, m.end, a)
                    )
                    for a, b in mine
                )
            )
        ]
        amounts = self.pick_amounts(own_money, cs, ce)
        # where the deal's own words end: after the cue, or after its amount when that follows
        self._deal_ends = [ce] + [a.end for a in amounts if a.start >= ce and a.start - ce <= 60]
        base = dict(document_id=self.doc.document_id, fact_type=fact_type, cue=cue, cue_start=cs, sentence=s)
        if fact_type == "chip_purchase":
            quantities = self._quantities(lo, hi)
            quantities = [
                q
                for q in quantities
                if not any(m.start < q.end and q.start < m.end for m in self.money_in(s))
            ]
            model = model_regex().search(self.text, lo, hi)
            qty = min(quantities, key=lambda q: abs(q.start - ce)) if quantities else None
            bare, antecedent = self.bare_count(i, s, lo, cs, ce)
            if role == "destination":
                # "50,000 will go to the government": the count is the subject, the buyer follows
                bare, antecedent = self.count_before(i, s, lo, cs), None
                if bare is None:
                    return []
            if bare is not None:
                qty = bare
                if model is None and bare.model:
                    model = model_regex().search(bare.model)
            has_chip = qty is not None or model is not None or re.search(_CHIP_WORDS, self.text[lo:hi])
            if role == "buyer_count":
                # "take 60,000 GPUs", "a retenu 18 693 GPU": only a count as the verb's own object
                # ("takes a stake" is no purchase)
                # ... or the chips the participle qualifies: "les 640 puces H200 retenues par X"
                if qty is None or not (
                    re.fullmatch(
                        r"\s+(?:(?:each|chacun|chacune|about|around|some|nearly|almost|environ|près de|"
                        r"more than|plus de|over|up to)\s+)*",
                        self.text[ce : qty.start],
                        re.IGNORECASE,
                    )
                    or (qty.end <= cs and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", self.text[qty.end : cs]))
                ):
                    return []
                role = "buyer_weak"
            if role == "buyer_weak" and qty is None:
                return []  # "utilise des GPU", "accueillera des puces": a purchase only with a count
            if (
                role == "buyer_weak"
                and not re.search(r"\s(?:with|by|avec|de|sur|on)$", cue)
                and _PASSIVE_AUX.search(self.text[max(lo, cs - 12) : cs]) is not None
            ):
                return []  # "to be installed in 2026": a passive says when, not who buys
            if not has_chip or re.match(r"\s*(?:\w+\s+){0,2}\d+(?:[.,]\d+)?\s?%", self.text[ce : ce + 30]):
                return []  # "acquis 10 % d'Anthropic" is a stake, not chips
            if self.not_a_purchase(lo, hi, cs, ce, counted=qty is not None):
                return []
            near = self.text[max(lo, cs - 40) : cs]
            if _AIM.search(near) or (role == "buyer_weak" and _EXISTING.search(self.text[lo:cs])):
                return []  # a target, or a machine described as it already stands
            if _PASSIVE_BE.search(self.text[max(lo, cs - 12) : cs]) and _UNNAMED_AGENT.match(
                self.text, ce, min(hi, ce + 60)
            ):
                return []  # bought by unnamed buyers: the article's subject is not the buyer
            if role == "destination":
                cands = self.destination_roles(i, s, ce, base)
            else:
                cands = self.chip_roles(i, s, role, cs, ce, base)
            for c in cands:
                if qty:
                    c.quantity = qty.quantity
                c.chip_model = qty.model if qty and qty.model else (model.group(0) if model else None)
                # a price belongs to the purchase only when it follows the purchase verb
                # ... or stands right before a purchase noun: "a $500 million order for 10,000 GPUs"
                priced = amounts and (amounts[0].start >= ce or 0 <= cs - amounts[-1].end <= 2)
                c.amounts = amounts if priced else []
                vendor = self.vendor_from_model(c.chip_model)
                if vendor:
                    # the model's maker sells the chips, not another vendor the sentence names
                    # ("cartes Gaudi 3 d'Intel, face à Nvidia")
                    c.parties = [p for p in c.parties if p.role != "vendor" or p.name == vendor]
                if vendor and not any(p.role == "vendor" for p in c.parties):
                    c.parties.append(Party("vendor", vendor, None, None, "chip_model"))
                if antecedent is not None and not any(p.role == "vendor" for p in c.parties):
                    # "Nvidia livrera 260 000 GPU. A et B en recevront chacun 50 000": the chips' maker
                    seller = next((e for e in self.ents(antecedent) if self.is_vendor(e)), None)
                    if seller is not None:
                        c.parties.append(Party("vendor", seller.name, seller.start, seller.end, "antecedent"))
            if cands and re.search(r"\b(?:respectively|respectivement)\b", s.text, re.IGNORECASE):
                cands = self.respectively(i, s, cs, ce, hi, cands)
        elif fact_type != "chip_purchase" and self.chip_object(ce):
            return []  # "an allocation of 1,760 GPUs for NT$5.2 billion" is a chip purchase
        elif fact_type == "investment":
            if not amounts and role == "investor":
                # "X prend une participation dans Y. L'opération porte sur 750 millions": the amount
                # the next sentence gives the deal
                amounts = self.next_sentence_amounts(i)
            if not amounts:
                return []
            if role == "investor" and re.match(r"\s+(?:en|à|au|aux)\s+[a-zà-ÿ]", self.text[ce : ce + 12]):
                return []  # "la mise en service", "s'engage à livrer": the cue word used as a noun
            cands = self.investment_roles(i, s, role, cs, ce, base)
            cands = [self.public_source(i, s, c, amounts) for c in cands]
            cands = [c for c in cands if not self.programme_spends(c)]
            for c in cands:
                c.amounts = amounts
        else:
            if not amounts:
                return []
            cands = self.subsidy_roles(i, s, cs, ce, base, strong=(role == "grantor"))
            cands = [self.public_source(i, s, c, amounts) for c in cands]
            cands = [c for c in cands if not self.programme_spends(c)]
            for c in cands:
                c.amounts = amounts
            cands = [x for c in cands for x in self.split_pairs(i, s, c, own_money)]
        for c in cands:
            self.finish(c, i, s, flags)
        return cands

    def not_a_purchase(self, lo: int, hi: int, cs: int, ce: int, counted: bool) -> bool:
        """A chip cue that reports no purchase: negated or contrasted, its object chip-making
        equipment, or, with no count, chips that are not its object ("prioritise orders from the EU
        ... next-generation chips"), a generic plural ("the companies' purchases of GPUs") or money's
        purpose ("sert à acheter des puces")."""
        before, after = self.text[lo:cs], self.text[ce:hi]
        if _NEGATED_CUE.search(before) or _NO_PURCHASE.search(self.text, lo, hi):
            return True
        obj = after[:80]
        # the object ends where a coordinated clause starts ("orders from X and help design chips")
        joined = re.search(r"\b(?:and|et|but|mais|while|tandis que|alors que)\b", obj)
        if joined and joined.start() > 0:
            obj = obj[: joined.start()]
        equipment = _EQUIPMENT.search(obj)
        chips = [
            m
            for m in re.finditer(rf"{_CHIP_WORDS}|{model_regex().pattern}", obj)
            if not _NOT_BOUGHT.search(obj[: m.start()])
        ]
        if equipment and not chips:
            return True  # "installed its first EUV lithography machine", "ASML livre ses machines"
        if counted:
            return False
        if re.search(r"\b[a-zà-ÿ][\w-]*s['’]\s+$|\b(?:their|leurs)\s+$", before):
            return True
        noun = re.fullmatch(
            r"(?:order|purchase|acquisition|deal|commande|achat)s?(?:\s+(?:of|for|de|d['’]|pour))?",
            self.text[cs:ce],
            re.I,
        )
        if noun and re.search(
            r"\b(?:the|this|that|its|la|le|l['’]|cette|ce|cet|sa|son)\s+(?:[\w-]+\s+)?$", before, re.I
        ):
            return True  # "the cost of the GPU order": the purchase already told, no new one
        if noun and re.search(r"(?:^|[,:;]\s*)(?:a|an|un|une)\s+(?:[\w-]+\s+){0,2}$", before, re.I):
            return True  # "In this issue: X upgrades Y, a Swedish GPU order, ...": a topic in a list
        if _MONEY_PURPOSE.search(before):
            return True
        # a chip word or model right before a noun cue: "a GPU order", "GPU ORDER"
        named_before = re.search(rf"(?:{_CHIP_WORDS}|{model_regex().pattern})\s+(?:\w+\s+)?$", before, re.I)
        return not chips and not named_before

    def respectively(self, i, s, cs, ce, hi, cands: list[Candidate]) -> list[Candidate]:
        """ "A, B and C bought 5,000, 3,000 and 1,000 GPUs respectively": the n-th buyer, the n-th count."""
        first = min(
            (p.start for c in cands for p in c.parties if p.role == "buyer" and p.start is not None),
            default=None,
        )
        if first is None or first >= cs:
            return cands
        buyers = [e for e in self.ents(i) if first <= e.start and e.end <= cs and not self.is_vendor(e)]
        run = re.match(
            r"(?:\s+(?:respectively|respectivement))?\s+((?:\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+)"
            r"(?:(?:\s*,\s*|\s+(?:et|and)\s+|,\s+(?:et|and)\s+)(?:\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+))+)",
            self.text[ce:hi],
            re.IGNORECASE,
        )
        if run is None:
            return cands
        numbers = re.findall(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{1,3}(?:,\d{3})+|\d+", run.group(1))
        counts = [parse_digits(n, self.lang) for n in numbers]
        if len(counts) != len(buyers) or len(buyers) < 2 or not all(counts):
            return cands
        out = []
        for k, (b, n) in enumerate(zip(buyers, counts, strict=True)):
            c = replace(cands[0], suffix="" if k == 0 else f".{k}", quantity=int(n))
            c.parties = [Party("buyer", b.name, b.start, b.end, "respectively")]
            c.parties += [p for p in cands[0].parties if p.role == "vendor"]
            c.country_code = self.party_country(b, s, ce, located=True)
            out.append(c)
        return out

    def count_before(self, i: int, s: Sentence, lo: int, cs: int) -> ChipQuantity | None:
        """The count a destination verb has as subject: "the remaining 50,000 will go to", "50 000
        iront à", "2,000 GPUs will go to"; a bare number needs chips named in the sentence or the one
        before."""
        for q in self._quantities(lo, cs):
            if re.fullmatch(r"\s*", self.text[q.end : cs]):
                return q
        m = re.search(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d{2,})\s+$", self.text[lo:cs])
        if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            return None
        value = parse_digits(m.group(1), self.lang)
        if not value or value < 2 or value != int(value):
            return None
        for j in (i, i - 1):
            if j < 0:
                continue
            t = self.sentences[j]
            text = self.text[t.start : t.end]
            if re.search(_CHIP_WORDS, text) or model_regex().search(text):
                found = model_regex().search(text)
                start = lo + m.start(1)
                return ChipQuantity(
                    start, start + len(m.group(1)), int(value), found.group(0) if found else None
                )
        return None

    def destination_roles(self, i: int, s: Sentence, ce: int, base: dict) -> list[Candidate]:
        """The buyer right after a destination verb: a name, a public body ("the government", "l'État",
        read as its country), else a country; the chips' maker named in the sentence or the one before."""
        article = r"\s*(?:the\s+|la\s+|le\s+|les\s+|l['’])?"
        buyer = next((e for e in self.ents(i) if e.start >= ce), None)
        if buyer is not None and not re.fullmatch(article, self.text[ce : buyer.start]):
            buyer = None
        cand = Candidate(rule="chip_purchase:destination", **base)
        if buyer is not None and not self.is_vendor(buyer):
            cand.parties = [Party("buyer", buyer.name, buyer.start, buyer.end, "role_marker")]
            cand.country_code = self.party_country(buyer, s, ce, located=True)
        else:
            body = _public_bodies(self.lang).search(self.text, ce, min(s.end, ce + 30))
            country = next((c for c in self.countries_in(ce, min(s.end, ce + 25)) if c.kind == "name"), None)
            if body is not None and re.fullmatch(article, self.text[ce : body.start()]):
                name = self.grantor_name(i, s, body.start(), body.end())
                cand.parties = [Party("buyer", name, body.start(), body.start() + len(name), "public_body")]
                inside = self.countries_in(max(s.start, body.start() - 40), min(s.end, body.end() + 40))
                cand.country_code = inside[0].code if inside else self.country_at(s.start)
            elif country is not None:
                cand.parties = [Party("buyer", country.surface, country.start, country.end, "country")]
                cand.country_code = country.code
            else:
                return []
        for j in (i, i - 1):
            seller = next((e for e in self.ents(j) if self.is_vendor(e)), None) if j >= 0 else None
            if seller is not None:
                cand.parties.append(Party("vendor", seller.name, seller.start, seller.end, "vendor"))
                break
        return [cand]

    def bare_count(
        self, i: int, s: Sentence, lo: int, cs: int, ce: int
    ) -> tuple[ChipQuantity | None, int | None]:
        """A count with no unit right after a purchase verb ("en achète 7 656", "each take 50,000") is
        a number of chips when the chips are named before it: earlier in the clause, or, after the
        French pronoun "en", in the previous sentence. The model comes from there."""
        m = _COUNT_AFTER_CUE.match(self.text, ce, s.end)
        if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            return None, None
        value = parse_digits(m.group(1), self.lang)
        if not value or value < 2 or value != int(value):
            return None, None
        spans = [(lo, cs, None)]
        clitic = r"(?<![\w'’])en\s+(?:(?:a|ont|avait|avaient|aura|auront|va|vont)\s+)?$"
        if re.search(clitic, self.text[max(s.start, cs - 12) : cs]) and i > 0:
            prev = self.sentences[i - 1]
            spans.append((prev.start, prev.end, i - 1))
        for a, b, where in spans:
            before = self.text[a:b]
            if not (re.search(_CHIP_WORDS, before) or model_regex().search(before)):
                continue
            found = model_regex().search(before)
            return ChipQuantity(m.start(1), m.end(1), int(value), found.group(0) if found else None), where
        return None, None

    def public_source(self, i: int, s: Sentence, c: Candidate, amounts: list[Amount]) -> Candidate:
        """Money a firm gets from a public body is a subsidy, whatever the verb: "X obtient 1,5 million
        de francs d'Innosuisse", "X secures $4m from the Department of ...", or a round whose every
        named investor is a government body."""
        if c.fact_type != "investment" or not amounts:
            return c
        investee = next((p for p in c.parties if p.role == "investee"), None)
        by_start = {e.start: e for e in self.ents(i)}
        investors = [by_start.get(p.start) for p in c.parties if p.role == "investor"]
        grantor = prog = None
        last = max(amounts, key=lambda a: a.end)
        for e in self.ents(i):
            if e.start >= last.end:
                gap = _SOURCE_GAP.match(self.text, last.end)
                if gap and gap.end() == e.start and self.is_public(e):
                    grantor = e
                break
        if grantor is None:
            # "gets €8m from Germany's research ministry", "reçoit 1 M€ de l'État": a body named by
            # its kind, not by a name
            gap = _SOURCE_GAP.match(self.text, last.end)
            at = gap.end() if gap else None
            starts = {e.start for e in self.ents(i)}
            for _ in range(4 if gap else 0):  # the body word after up to three words
                if at in starts:
                    break  # a name: the named source was looked at above
                hit = _public_words().match(self.text, at)
                if hit and _STATE_INVESTOR_AFTER.match(self.text, hit.end()):
                    break  # "from Norway's state investment fund": a state investor, not a grantor
                if hit:
                    grantor = Entity(gap.end(), hit.end(), self.text[gap.end() : hit.end()], "public_body")
                    break
                w = re.match(r"[\w'’-]+ +", self.text[at : at + 40])
                if not w or at + w.end() >= s.end:
                    break
                at += w.end()
        if grantor is None and (prog := self.programme_source(i, s, last.end)) is not None:
            # "will receive $4.7 billion in CHIPS Act funding", "from its France 2030 investment plan"
            grantor = prog
            if investee is not None and prog.start <= investee.start < prog.end:
                investee = next(
                    (
                        e
                        for e in self.ents(i)
                        if e.end <= last.start
                        and not prog.start <= e.start < prog.end
                        and not self.is_public(e)
                        and not self.is_person(e)
                    ),
                    None,
                )
        if grantor is None and investors and all(e is not None and self.is_public(e) for e in investors):
            if not (investee is not None and any(e.name == investee.name for e in investors)):
                grantor = investors[0]
        if grantor is None or (investee is not None and grantor.name == investee.name):
            return c
        new = Candidate(
            document_id=c.document_id,
            fact_type="subsidy",
            rule="subsidy:public_source",
            cue=c.cue,
            cue_start=c.cue_start,
            sentence=s,
        )
        new.parties = [Party("grantor", grantor.name, grantor.start, grantor.end, "public_source")]
        if investee is not None:
            new.parties.append(Party("recipient", investee.name, investee.start, investee.end, "subject"))
        near = self.countries_in(max(s.start, grantor.start - 40), min(s.end, grantor.end + 60))
        if prog is not None and grantor is prog:
            # a programme after the amount: its own words place it ("France 2030"), not the site after
            near = self.countries_in(grantor.start, grantor.end)
        new.country_code = near[0].code if near else self.country_at(s.start)
        return new

    def split_pairs(self, i: int, s: Sentence, c: Candidate, money: list[Money]) -> list[Candidate]:
        """ "a accordé 35 M€ à A et 23,9 M€ à B", "awarded ¥50bn to A, ¥10bn to telecom operator B":
        each amount with the firm right after it is a grant of its own. A total the pairs share out
        ("20 M€, dont 12 M€ pour A et 8 M€ pour B") stays a fact of its own."""
        groups: list[list[Money]] = []
        for m in sorted(money, key=lambda m: m.start):
            last = groups[-1][-1] if groups else None
            if last is not None and m.currency != last.currency and _RESTATE_GAP.match(
                self.text[last.end : m.start]
            ):
                groups[-1].append(m)  # "S$35 million (US$26 million)": one amount restated
            else:
                groups.append([m])
        if len(groups) < 2:
            return [c]
        grantor = next((p for p in c.parties if p.role == "grantor"), None)
        ents = self.ents(i)
        pairs: list[tuple[list[Money], Party]] = []
        for k, g in enumerate(groups):
            stop = groups[k + 1][0].start if k + 1 < len(groups) else s.end
            to = _PAIR_TO.match(self.text, g[-1].end, stop)
            if to is None:
                continue
            e = next((e for e in ents if to.end() <= e.start < stop), None)
            if (
                e is None
                or not re.fullmatch(r"(?:[a-zà-ÿ][\w-]*\s+){0,3}", self.text[to.end() : e.start])
                or self.is_public(e)
                or self.is_person(e)
                or self.is_place_use(e)
                or e.name in self.ex.countries.table
                or (grantor is not None and e.name == grantor.name)
            ):
                continue
            end = e.end
            for f in ents:  # "Openchip & Software Technologies": one name
                if f.start > end and re.fullmatch(r"\s*&\s*", self.text[end : f.start]):
                    end = f.end
            pairs.append((g, Party("recipient", self.text[e.start : end], e.start, end, "amount_pair")))
        if len(pairs) < 2:
            return [c]
        out = []
        primary = c.amounts[0].start if c.amounts else None
        if primary is not None and not any(g[0].start == primary for g, _p in pairs):
            out.append(c)  # the total the pairs share out
        for g, party in pairs:
            new = replace(c, suffix=f"{c.suffix}.r{g[0].start - s.start}")
            new.amounts = [
                Amount(m.amount, m.currency, m.start, m.end, m.surface, k == 0) for k, m in enumerate(g)
            ]
            new.parties = [p for p in c.parties if p.role != "recipient"] + [party]
            out.append(new)
        return out

    def grant_continued(self, c: Candidate, made: list[Candidate]) -> Candidate:
        """ "Le gouvernement a accordé 35 M€ à A, tandis que B obtient 8,5 M€", "A receives $5m from
        the state and B receives $3m": a firm receiving money in a clause joined to a grant of the
        same sentence gets its own grant from the same body."""
        if c.fact_type != "investment" or not c.rule.startswith("investment:investee") or not c.amounts:
            return c
        if any(p.role == "investor" for p in c.parties):
            return c  # "B obtient 8 M€ auprès de X": a source of its own
        if not _RECEIVE.search(self.text, c.cue_start, c.cue_start + 30):
            return c  # "Ottawa débloque 2,4 Md$, Cohere lève 500 M$": a round, not a share of the grant
        grants = [
            g
            for g in made
            if g.fact_type == "subsidy" and g.amounts and g.amounts[-1].end <= c.cue_start
        ]
        if not grants:
            return c
        g = max(grants, key=lambda g: g.amounts[-1].end)
        gap = self.text[g.amounts[-1].end : c.cue_start]
        if not re.search(r"\b(?:et|and|while|whereas|tandis qu|alors qu)|[,;]", gap) or _SOURCE_GAP.match(
            self.text, c.amounts[-1].end
        ):
            return c
        investee = next((p for p in c.parties if p.role == "investee"), None)
        grantor = next((p for p in g.parties if p.role == "grantor"), None)
        if investee is None or grantor is None:
            return c
        new = replace(c, fact_type="subsidy", rule="subsidy:continued")
        new.parties = [grantor, Party("recipient", investee.name, investee.start, investee.end, "subject")]
        new.country_code = g.country_code
        return new

    def next_sentence_amounts(self, i: int) -> list[Amount]:
        """The amounts of the next sentence when it opens on the deal itself ("L'opération porte sur
        750 millions de riyals", "The deal is worth $200 million")."""
        if i + 1 >= len(self.sentences):
            return []
        nxt = self.sentences[i + 1]
        if not _THE_DEAL_AMOUNT.match(nxt.text):
            return []
        money = [m for m in self.money_in(nxt) if m.start - nxt.start <= 90]
        return self.pick_amounts(money, nxt.start, nxt.start) if money else []
    def programme_spends(self, c: Candidate) -> bool:
        """ "The X Chip plan foresees €12bn", "plan France 2030, doté de 54 milliards": a programme's
        size is no firm's spending."""
        if c.fact_type != "investment" or not c.rule.endswith(":capex"):
            return False
        investee = next((p for p in c.parties if p.role == "investee"), None)
        if investee is None or investee.start is None:
            return False
        public, named = _programmes()
        at = investee.end + 1
        word = named.match(self.text, at) or public.match(self.text, at)
        bodies = ("fund", "fonds", "initiative", "mission")  # bodies that may spend on their own
        if self.text[investee.end : at] == " " and word and word.group(0).lower() not in bodies:
            return True
        before = self.text[max(0, investee.start - 12) : investee.start]
        return re.search(r"\b(?:plan|programme|program|Plan|Programme|Program)\s+$", before) is not None

    def known_private(self, name: str) -> bool:
        """A name that is, or starts with, a firm the seeds know ("Nvidia Inception")."""
        words = name.split()
        for k in range(len(words), 0, -1):
            known = self.ex.parties.firms.get(" ".join(words[:k]))
            if known is not None:
                return known[2] not in ("public_body", "project")
        return False

    def programme_source(self, i: int, s: Sentence, at: int) -> Entity | None:
        """The public programme, law or budget named right after an amount ("$1.5 billion from the
        CHIPS program", "in CHIPS Act funding", "from Ottawa's innovation fund"), as an entity."""
        lead = _PROGRAMME_LEAD.match(self.text, at)
        if lead is None or lead.end() == at:
            return None
        public, named = _programmes()
        stop = re.search(r"[,;:.()]", self.text[lead.end() : min(s.end, lead.end() + 70)])
        end = lead.end() + (stop.start() if stop else min(s.end, lead.end() + 70) - lead.end())
        words = list(re.finditer(r"[\w'’&-]+", self.text[lead.end() : end]))[:7]
        for w in words:
            a = lead.end() + w.start()
            hit = public.match(self.text, a)
            kind = "public"
            if hit is None:
                hit, kind = named.match(self.text, a), "named"
            if hit is None:
                continue
            stop_at = hit.end()
            if kind == "named":
                before = self.text[lead.end() : a]
                # French names the programme after its word: "du plan France 2030", "programme national X"
                tail = re.match(
                    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ0-9][\w&-]*|national|nationale|public|publique|fédéral|d['’]État))+",
                    self.text[hit.end() : end],
                )
                after = tail.group(0) if tail else ""
                stop_at += len(after)
                # a country, or a city acting as its government ("Ottawa's"), not a city in a name
                state = any(
                    c.kind in ("name", "demonym") or self.text.startswith(("'s", "’s"), c.end)
                    for c in self.countries_in(lead.end(), stop_at)
                )
                capitalised = re.search(r"(?:^|\s)[A-ZÀ-ÖØ-Þ][\w&-]*\s+$", before) and not re.search(
                    r"['’]s\s", before
                )
                # a fund, an initiative or a mission may be private ("Chan Zuckerberg Initiative"):
                # only a state or a public word makes it public
                fund = hit.group(0).lower() in ("fund", "fonds", "initiative", "mission")
                inside = [e for e in self.ents(i) if lead.end() <= e.start < stop_at]
                firm = any(self.known_private(e.name) for e in inside)
                if firm:
                    return None  # "from the Google for Startups program": a firm's programme
                if re.search(r"\b(?:led|co-led|backed|mené|menée|co-mené|with|avec)\b", before):
                    return None  # "in a round led by the National Fund": an investor, not a source
                if hit.group(0).lower() in ("fund", "fonds") and (
                    re.search(r"invest", before, re.IGNORECASE) or _ROUND_WORDS.search(s.text)
                ):
                    return None  # "from the state's investment fund", a fund in a round: equity
                if not (
                    state
                    or _PUBLIC_ADJ.search(before + after)
                    or _public_words().search(before + after)
                    or ((capitalised or re.match(r"\s+[A-ZÀ-ÖØ-Þ0-9]", after)) and not fund)
                ):
                    return None
            return Entity(lead.end(), stop_at, self.text[lead.end() : stop_at], "public_body")
        return None

    def pick_amounts(self, facts_money: list[Money], cs: int, ce: int) -> list[Amount]:
        if not facts_money:
            return []
        after = [m for m in facts_money if m.start >= ce]
        primary = after[0] if after else facts_money[-1]
        k = facts_money.index(primary)
        # a restatement is never primary: go back to the amount it restates
        while k > 0 and _RESTATE_GAP.match(self.text[facts_money[k - 1].end : facts_money[k].start]):
            k -= 1
        primary = facts_money[k]
        out = [Amount(primary.amount, primary.currency, primary.start, primary.end, primary.surface, True)]
        k = facts_money.index(primary)
        prev = primary
        for m in facts_money[k + 1 :]:
            if _RESTATE_GAP.match(self.text[prev.end : m.start]) and m.currency != prev.currency:
                out.append(Amount(m.amount, m.currency, m.start, m.end, m.surface, False))
                prev = m
            else:
                break
        return out

    # -- roles --------------------------------------------------------------------------------
    def subject(
        self,
        i: int,
        s: Sentence,
        cs: int,
        ce: int | None = None,
        avoid_vendors: bool = False,
        allow_persons: bool = False,
    ) -> tuple[Entity | None, str]:
        """The actor of a cue: the first name of its clause before the cue, else the first name after
        it (passive: "investis ... grâce à X"), else the salient name of the previous sentences."""
        lo = s.start
        # "X orders ..., secures ...": verbs coordinated after a comma share the first subject
        coordinated = re.search(
            r"(?:,|\bet|\band)\s+(?:[a-zà-ÿ]+\s+)?$", self.text[max(s.start, cs - 20) : cs]
        )
        if not coordinated:
            for a, b, _ft in self.cue_starts:
                if b <= cs:
                    lo = max(lo, b) if a != cs else lo
        if _PRONOUN_SUBJECT.search(self.text[lo:cs]) or _INFINITIVE.search(
            self.text[max(s.start, cs - 12) : cs]
        ):
            lo = s.start  # "X raised ..., and that it will purchase ...": "it" is X
        colon = max(self.text.rfind(" : ", s.start, cs), self.text.rfind(": ", s.start, cs) - 1)
        if colon >= 0:
            lo = max(lo, colon + 3)
        # a subordinate clause has its own subject: "... prévoyant que le fonds X investira"
        sub = list(re.finditer(_SUBORDINATE, self.text[lo:cs]))
        if sub and any(e.start >= lo + sub[-1].end() and e.end <= cs for e in self.ents(i)):
            lo += sub[-1].end()

        def ok(e: Entity) -> bool:
            if self.is_origin(e):
                return False
            if avoid_vendors and self.is_vendor(e):
                return False
            if self.is_vendor(e, in_context=True):
                return False  # "10,000 AMD GPUs": the chips' maker, not the actor
            if self.is_person(e) and (not allow_persons or speaker(self.text, e.start, e.end)):
                return False
            return True

        anaphor = False
        opening = _ANAPHOR.match(self.text, lo + len(self.text[lo:cs]) - len(self.text[lo:cs].lstrip()))
        if opening is not None and _ADJECTIVES_COMMA.match(self.text[opening.end() : cs]):
            # "La pépite grenobloise, lauréate de l'appel à projets X, a acquis ...": the names of
            # the apposition are not the subject; the anaphor points back
            anaphor = True
        if _fronted().match(self.text, s.start):
            # "Fondée en 2022 par A et B, la jeune pousse X lève": the subject stands after the
            # opening phrase; "..., la jeune pousse a levé" points back to an earlier sentence
            for m in reversed(list(re.finditer(r",\s*", self.text[s.start : cs]))):
                seg = s.start + m.end()
                if any(seg <= e.start and e.end <= cs and ok(e) for e in self.ents(i)):
                    lo = max(lo, seg)
                    break
                if _ANAPHOR.match(self.text, seg):
                    anaphor = True
                    break
        # the sentence's subject, whichever of its cues: "AI startups raised €250m, less than one round"
        collective = _COLLECTIVE.search(self.text, s.start, cs)
        if (
            collective
            and not any(  # "Kalmar and two other startups raised", "a group of A and B": they act
                ok(e)
                and not (e.end <= collective.start() and not self.text[e.end : collective.start()].strip())
                for e in self.ents(i)
                if s.start <= e.start and e.end <= cs
            )
            and not any(a.end() <= collective.start() for a in _ANAPHOR.finditer(self.text, s.start, cs))
        ):
            return None, ""  # "Nordic AI startups raised": the name only qualifies them
        found = None
        if not anaphor:
            found = self.first_actor(i, s, lo, cs, ok) or self.first_actor(i, s, s.start, cs, ok)
        if found is not None:
            return found, "subject"
        if _FUND_ANAPHOR.search(self.text, lo, cs):
            # "la banque publique a mené un tour", "The holding is putting in ...": the money manager
            # an earlier sentence names
            earlier = [e for j in range(i - 1, max(-1, i - 4), -1) for e in self.ents(j)]
            backers = [e for e in earlier if ok(e) and self.financier(e)]
            # a fund or bank by its name or the seeds before a public body or programme
            funds = [e for e in backers if e.kind == "investor" or _FUND_WORDS.search(e.name)]
            if funds or backers:
                return (funds or backers)[0], "previous_sentence"
        # "elle était devenue ..., après une levée": a pronoun subject points back, not forward
        pronoun = re.search(
            r"(?:^|[,;:]\s*|\b(?:et|and|but|mais)\s+)(?:il|elle|it|they|ils|elles|she|he)\s",
            self.text[s.start : cs],
            re.IGNORECASE,
        )
        if _FIRST_PERSON.search(self.text[s.start : cs]):
            # "« Nous avons investi ... », explique X": the speaker named after the quote
            said = _SPEAKER.search(self.text, cs, s.end)
            if said is not None:
                said_by = next((e for e in self.ents(i) if e.start == said.end()), None)
                if said_by is not None and self.is_person(said_by):
                    # "», explique X, associée chez Y": the firm X speaks for
                    at = affiliation(self.text, said_by.end)
                    said_by = next((e for e in self.ents(i) if e.start == at), None)
                if said_by is not None and ok(said_by):
                    return said_by, "speaker"
            # "We've raised ...", "Nous avons levé ...": a post by the firm the article is about
            main = self.main_firm(ok)
            return (main, "first_person") if main is not None else (None, "")
        # "En 2023, la société avait levé 30 M€ auprès de A": the subject is the firm pointed back to,
        # not the name after the cue
        noun_phrase = _FIRM_NOUN.search(self.text, lo, cs) is not None
        if ce is not None and not pronoun and not anaphor and not noun_phrase:
            hi = min([a for a, _b, _ft in self.cue_starts if a > ce] + [s.end])
            skipped = None  # the last name passed over as an agent or source
            for e in self.ents(i):
                if (
                    ce <= e.start < hi
                    and ok(e)
                    and not self.periphrasis(e)
                    and not _LOCATIVE.search(self.text[max(s.start, e.start - 12) : e.start])
                ):
                    before = self.text[max(s.start, e.start - 30) : e.start]
                    if re.search(
                        r"\b(?:par|by|from|auprès|de|of|à|to|particip\w*)\s+(?:\w+\s+){0,2}$"
                        r"|\b(?:auprès\s+)?d['’]$",  # "auprès d'Orbis Capital"
                        before,
                    ) or (skipped is not None and _NAME_LIST_GAP.fullmatch(self.text, skipped.end, e.start)):
                        skipped = e  # "aux côtés de Toyota, Sony et NTT": the rest of the list too
                        continue
                    return e, "after_cue"
        # a pronoun or "la société": the most mentioned name of the two previous sentences
        previous = [
            e
            for j in (i - 1, i - 2)
            if j >= 0
            for e in self.ents(j)
            if ok(e) and not self.periphrasis(e) and not self.is_place_use(e)
        ]
        if not previous and _ANAPHOR.search(self.text, s.start, cs):
            # "le groupe a indiqué qu'il investirait ...", after quotes naming no one: the firm the
            # article is about, the most mentioned name so far
            previous = [
                e
                for j in range(i - 3, -1, -1)
                if not self.is_noise(self.sentences[j])
                for e in self.ents(j)
                if ok(e) and not self.periphrasis(e) and not self.is_public(e)
            ]
        if previous and not _ANAPHOR.search(self.text, s.start, cs):
            # "Un projet de loi prévoit une prise de participation de 100 milliards": a deal that names
            # no one is about the firm of the article, when the previous sentences name it less
            main = self.main_firm(lambda e: ok(e) and not self.financier(e) and not self.is_vendor(e))
            if main is not None:
                previous.append(main)
        if previous:
            # the subject of an earlier sentence first, then the most mentioned name
            leads = set()
            if _FIRM_NOUN.search(self.text, s.start, cs):  # "The company has also agreed to buy ..."
                # "la jeune pousse", "the company": a firm, never the fund, bank or ministry that
                # pays it; when the previous sentences name none, the firm the article is about
                firms = [e for e in previous if not self.financier(e)]
                if not firms:
                    main = self.main_firm(lambda e: ok(e) and not self.financier(e))
                    firms = [main] if main is not None else []
                previous = firms or [e for e in previous if not self.is_public(e)] or previous
                leads = {
                    self.ents(j)[0].start
                    for j in range(max(0, i - 3), i)
                    if self.ents(j) and not self.is_public(self.ents(j)[0])
                }
            return max(
                previous, key=lambda e: (e.start in leads, self.mentions(e.name), -previous.index(e))
            ), "previous_sentence"
        return None, ""

    def points_back(self, rx, lo: int, hi: int) -> bool:
        """A marker in text[lo:hi] followed by a noun for the firm: "à l'entreprise", "to the
        startup", "au capital de la société", "à la jeune entreprise" (the marker took the article)."""
        for h in rx.finditer(self.text, lo, hi):
            at = h.end() + (self.text[h.end() : h.end() + 1] == " ")
            if _ANAPHOR.match(self.text, at) or (
                re.search(r"(?:\b(?:la|le|the)|l['’])\s*$", h.group(0), re.IGNORECASE)
                and re.match(
                    rf"\s*(?:[\w-]+\s+)?(?:{_FIRM_NOUNS})\b", self.text[h.end() : h.end() + 40], re.I
                )
            ):
                return True
        return False

    def pointed_firm(self, i: int) -> Entity | None:
        """The firm "la jeune entreprise", "the startup" or "lui" points back to: the first name of the
        nearest earlier sentence that names a firm receiving money (not a fund, body, person, chip
        maker or place), else the article's most mentioned firm."""
        for j in range(i - 1, max(-1, i - 4), -1):
            if self.is_noise(self.sentences[j]):
                continue
            for e in self.ents(j):
                s = self.sentences[j]
                if (
                    self.financier(e)
                    or self.is_person(e)
                    or self.is_vendor(e)
                    # "In Espoo, X ...": a place opening the sentence ("a stake in X" names a firm)
                    or _OPENING_PLACE.fullmatch(self.text, s.start, e.start)
                    or _sites().match(self.text, e.end)
                    or self.is_origin(e)
                    or self.periphrasis(e)
                    or e.name in self.ex.countries.table
                ):
                    continue
                return e
        return self.salient(i)

    def financier(self, e: Entity) -> bool:
        """A name that pays rather than receives: a public body, a fund or bank by its name or by the
        seeds, or a name the text puts after an investor marker ("auprès de A", "led by A")."""
        if self.is_public(e) or _FUND_WORDS.search(e.name) or e.kind == "investor":
            return True
        # "l'Organisation X (NEDO) a accordé à Y une subvention": the subject of a giving verb pays
        if _GIVER_AFTER.match(self.text, e.end):
            return True
        # "Commerce" where the text also writes "the Commerce Department": a body's short name
        if any(_public_words().match(self.text, m.end() + 1) for m in self.occurrences(e.name)):
            return True
        markers = _markers(self.lang, "investment")
        rx, before = markers.get("investor"), markers.get("investor_before")
        k = self._sentence_at(e.start)
        if k is None:
            return False
        s, ents = self.sentences[k], self.ents(k)
        # the first name of the list it stands in: "rejoints par A, B et C", "A et B suivent"
        at = next((n for n, x in enumerate(ents) if x.start == e.start), None)
        if at is None:
            return False
        first = last = at
        listed = _NAME_LIST_GAP.fullmatch
        while first > 0 and listed(self.text, ents[first - 1].end, ents[first].start):
            first -= 1
        while last + 1 < len(ents) and listed(self.text, ents[last].end, ents[last + 1].start):
            last += 1
        head, tail = ents[first], ents[last]
        if first > 0 and _APPOSED_DESCRIPTION.fullmatch(self.text, ents[first - 1].end, head.start):
            if self.financier(ents[first - 1]):
                return True  # "SETT, the state-owned Society for ...": the backer's full name
        left = self.text[max(s.start, head.start - 45) : head.start]
        if _FUND_NOUN_BEFORE.search(left):
            return True  # "le fonds américain A", "venture firms A, B and C"
        if rx is not None and any(
            re.fullmatch(
                r"\s*(?:(?:du|des|de|la|le|les|l['’]|the|its|son|sa)\s*)?(?:[a-zà-ÿ][\w-]*\s+){0,3}",
                left[h.end() :],
            )
            for h in rx.finditer(left)
        ):
            return True
        right = self.text[tail.end : min(s.end, tail.end + 40)]
        return before is not None and any(
            re.fullmatch(r"\s*(?:,\s*)?(?:[a-zà-ÿ][\w'’-]*\s+){0,2}", right[: h.start()])
            for h in before.finditer(right)
        )

    def main_firm(self, ok) -> Entity | None:
        """The firm the article is about: its most mentioned private name (the first of equals)."""
        if self._firm_pool is None:
            # private names of the text in order, with their mentions; the same for every call
            self._firm_pool = [
                (e, self.mentions(e.name))
                for j, s in enumerate(self.sentences)
                if not self.is_noise(s)
                for e in self.ents(j)
                if not (self.is_public(e) or self.periphrasis(e) or self.is_place_use(e))
            ]
        best, most = None, -1
        for e, n in self._firm_pool:
            if n > most and ok(e):
                best, most = e, n
        return best

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
            re.search(r"\b(?:in|at|near|près de)\s+$", self.text[max(0, e.start - 10) : e.start], re.I)
            or _sites().match(self.text, e.end)
        )

    def is_origin(self, e: Entity) -> bool:
        """A founders' school or former employer ("Issue de l'EPFL", "anciens de Mila"), or its
        acronym in brackets right after it."""
        before = self.text[max(0, e.start - 60) : e.start]
        if _origins().search(before):
            return True
        if before.endswith("("):
            i = self._sentence_at(e.start)
            prev = [x for x in self.ents(i) if x.end <= e.start - 1] if i is not None else []
            return bool(prev) and re.fullmatch(r"\s*\(", self.text[prev[-1].end : e.start]) is not None and (
                self.is_origin(prev[-1])
            )
        return False

    def _sentence_at(self, pos: int) -> int | None:
        if self._sentence_starts is None:
            self._sentence_starts = [x.start for x in self.sentences]
        k = bisect_left(self._sentence_starts, pos + 1) - 1
        return k if k >= 0 else None

    def in_body_name(self, s: Sentence, e: Entity) -> bool:
        """ "ministère de l'Industrie, de la Recherche et de l'Innovation": the capitalised words after
        a public-body word are its name."""
        before = self.text[max(s.start, e.start - 80) : e.start]
        hits = list(_public_words().finditer(before))
        if not hits:
            return False
        return bool(_BODY_NAME_REST.fullmatch(before, hits[-1].end()))

    def salient(self, i: int) -> Entity | None:
        """The firm the text has been about up to sentence i: the most mentioned private name of the
        sentences before it."""
        before = [
            e
            for j in range(i - 1, -1, -1)
            if not self.is_noise(self.sentences[j])
            for e in self.ents(j)
            if not (self.is_public(e) or self.is_person(e) or self.is_vendor(e))
            and not (self.is_origin(e) or self.periphrasis(e))
        ]
        first: dict[Entity, int] = {}  # before.index(e), without a scan of the list per name
        for k, e in enumerate(before):
            first.setdefault(e, k)
        return max(before, key=lambda e: (self.mentions(e.name), -first[e])) if before else None

    def periphrasis(self, e: Entity) -> bool:
        """ "le groupe de Redmond": a firm named by its home town, not a name of its own."""
        return e.source == "pattern" and bool(_PERIPHRASIS.search(self.text[max(0, e.start - 30) : e.start]))

    def first_actor(self, i: int, s: Sentence, lo: int, cs: int, ok) -> Entity | None:
        agent_list, last_end = False, lo
        for e in self.ents(i):
            if e.end > cs:
                break
            if e.start < lo:
                continue
            if self.periphrasis(e):
                return None
            if _SOURCE_BEFORE.search(self.text[max(s.start, e.start - 25) : e.start]):
                agent_list, last_end = True, e.end
                continue
            gap = self.text[last_end : e.start]
            if agent_list and re.fullmatch(r"\s*(?:,|et|and|&)\s*", gap):
                # the rest of the "par A, B et C" list; it ends with the name after "et"
                agent_list, last_end = not re.search(r"\b(?:et|and)\b|&", gap), e.end
                continue
            agent_list = False
            if _LOCATIVE.search(self.text[max(s.start, e.start - 12) : e.start]):
                continue  # "À Jakarta, l'opérateur X": a place, not the actor
            if _MODIFIER_BEFORE_NAME.match(self.text, e.end):
                continue  # "Barcelona start-up Tessera AI": the place describes the firm that follows
            if _POSSESSIVE.match(self.text[e.end : e.end + 3]) and re.match(
                r"['’]s\s+(?:[\w-]+\s+){0,2}[A-ZÀ-Ö]", self.text[e.end : e.end + 40]
            ):
                continue  # "Abu Dhabi's G42": the owner of the name is not the actor ("X's data arm" is)
            if ok(e):
                return e
        return None

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

    def _scan(self, name: str) -> list:
        """`re.finditer(r"(?<!\\w)NAME(?!\\w)", text)` by `str.find` (a regex that opens on a
        look-behind gets no fast literal search)."""
        if not name:
            return list(re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", self.text))
        text, size, out, pos = self.text, len(name), [], 0
        while (p := text.find(name, pos)) >= 0:
            end = p + size
            if (p > 0 and _WORD_CHAR.match(text, p - 1)) or (end < len(text) and _WORD_CHAR.match(text, end)):
                pos = p + 1
                continue
            out.append(_Occurrence(p, end))
            pos = end
        return out

    def _quantities(self, lo: int, hi: int) -> list:
        """`find_quantities` over text[lo:hi], kept per span: several rules ask for the same span."""
        key = (lo, hi)
        if key not in self._quantity_cache:
            self._quantity_cache[key] = find_quantities(self.text, self.lang, lo, hi)
        return list(self._quantity_cache[key])

    def mentions(self, name: str) -> int:
        return len(self.occurrences(name))

    def is_source(self, e: Entity) -> bool:
        """ "..., the New York Times reported": a news source, no party."""
        return bool(_REPORTED.match(self.text, e.end)) or bool(
            re.search(
                r"\b(?:selon|d['’]après|according to)\s+(?:les?\s+|la\s+|l['’]|the\s+)?$",
                self.text[max(0, e.start - 25) : e.start],
                re.IGNORECASE,
            )
        )

    def after_marker(self, i: int, s: Sentence, rx, start: int) -> list[Entity]:
        """Entities that come after a marker match, from `start` on (news sources left out)."""
        hits = [
            h
            for h in rx.finditer(self.text, start, s.end)
            if not re.search(
                r"\baccording\s+$|\bgrâce\s+$", self.text[max(s.start, h.start() - 12) : h.start()]
            )
        ]
        if not hits:
            return []
        first = hits[0].end()
        return [e for e in self.ents(i) if e.start >= first and not self.is_source(e)]

    def directly_after(self, i: int, s: Sentence, rx, start: int) -> Entity | None:
        ents = self.ents(i)
        for k, e in enumerate(ents):
            if e.start < start:
                continue
            before = self.text[max(s.start, e.start - 30) : e.start]
            hits = list(rx.finditer(before))
            m = hits[-1] if hits else None
            if m and m.group(0).lower() == "to" and _PURPOSE_TO.match(before[m.end() :]):
                continue  # "raised $5M to build models for X": a purpose, not a recipient
            if m and m.group(0).lower() == "to" and re.search(
                r"\b(?:according|thanks|due|compared|close|next)\s+$", before[: m.start()], re.IGNORECASE
            ):
                continue  # "according to Dealroom", "compared to X": a source or a yardstick
            if m and self.descriptor_only(before[m.end() :]):
                # "in Abu Dhabi's G42": the possessed name is the one meant
                if (
                    k + 1 < len(ents)
                    and _POSSESSIVE.match(self.text[e.end : ents[k + 1].start])
                    # "X's Montreal lab": a place qualifying a common noun, X is meant
                    and not re.match(r"\s+[a-z]", self.text[ents[k + 1].end : ents[k + 1].end + 3])
                ):
                    return ents[k + 1]
                return e
        return None

    def near_deal(self, e: Entity) -> bool:
        """The "in X" / "dans X" of an investment comes right after its cue or amount, up to a short
        description ("$3bn in Japanese AI start-up X")."""
        deal_end = max([x for x in self._deal_ends if x <= e.start] or [self._deal_ends[0]])
        gap = self.text[deal_end : e.start]
        if re.search(r"capital\s*$", self.text[max(0, deal_end - 12) : deal_end], re.IGNORECASE):
            return bool(re.fullmatch(r"\s*d['’]|\s+de\s+(?:la\s+|l['’])?", gap))  # "entre au capital d'X"
        return len(gap) <= 60 and bool(_TARGET_GAP.fullmatch(gap))

    def descriptor_only(self, gap: str) -> bool:
        """Between a marker and a name only articles and a short description may stand:
        "dans la start-up française X", "in Japanese AI start-up X", not "in data centres for X"."""
        for place in reversed(self.ex.countries.find(gap)):  # "in Abu Dhabi's G42"
            if re.match(r"['’]s\b", gap[place.end :]):
                gap = gap[: place.start] + gap[place.end + 2 :]
        words = re.findall(r"[^\s]+", gap)
        if len(words) > 5 or re.search(r"[,;:()]", gap):
            return False
        for w in words:
            bare = re.sub(r"^(?:l|d)['’]", "", w, flags=re.IGNORECASE)  # "l'opérateur"
            if _FILLER_STOP.fullmatch(bare):
                return False
            qualifier = _QUALIFIER_END.search(gap) is not None  # "in Abu Dhabi AI firm G42"
            if re.fullmatch(r"[\w'’.-]+-based", bare):
                continue  # "in Copenhagen-based X": a place qualifying the firm
            if bare[:1].isupper() and bare not in self.ex.countries.table and bare not in _NAME_TAILS_OK:
                if not qualifier:
                    return False  # another name, not a description
        return True

    def headline_topic(self, i: int, s: Sentence, cs: int) -> Entity | None:
        """ "Kyutai : X et Y injectent ...": the name a headline puts before its colon."""
        colon = self.text.find(" : ", s.start, cs)
        if colon < 0:
            return None
        names = [e for e in self.ents(i) if e.end <= colon]
        return names[0] if len(names) == 1 and not self.is_person(names[0]) else None

    def find_body(self, s: Sentence, start: int, end: int):
        """The first public body acting in text[start:end] (a match object), else None."""
        for m in _public_bodies(self.lang).finditer(self.text, start, end):
            if _STATE_INVESTOR_AFTER.match(self.text, m.end()):
                continue  # "the state investment fund": an investor, not a grantor
            left = self.text[max(s.start, m.start() - 30) : m.start()]
            if _BODY_LEFT.search(left) and not _BODY_OF_PERSON.search(left):
                return m
        return None

    def public_body_before(self, s: Sentence, cs: int) -> bool:
        return self.find_body(s, s.start, cs) is not None

    def investment_roles(self, i, s, role, cs, ce, base) -> list[Candidate]:
        markers = _markers(self.lang, "investment")
        subj, how = self.subject(i, s, cs, ce, allow_persons=(role == "investor"))
        parties: list[Party] = []
        investee = None
        rule = f"investment:{role}"
        equity = subj is not None and self.is_public(subj) and _ROUND_WORDS.search(s.text) is not None
        if equity and role == "investee" and "investee" in markers:
            # "The Office will invest £8m in X as part of a £20m round": the round is X's, the body
            # one of its investors
            target = self.directly_after(i, s, markers["investee"], s.start)
            if target is not None and target.start < cs and not self.is_public(target):
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                subj, how = target, "target"
        if (
            subj is not None
            and how != "previous_sentence"
            and self.is_public(subj)
            # "The Sovereign AI Unit will invest £8m in X as part of a £20m round": equity, an investor
            and not equity
        ):
            # "the ministry will add €45m", "EuroHPC announces funding of €90m": public money is a subsidy
            return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"}, actor=subj)
        if how == "previous_sentence" or (subj is not None and subj.end <= cs - 40):
            # "... that the ministry received in the budget": a public body right before the verb
            # acts, not a firm farther off
            body = self.find_body(s, max(s.start, cs - 30), cs)
            if body is not None and re.fullmatch(r"\s+(?:[\w'’]+\s+){0,1}", self.text[body.end() : cs]):
                return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"})
        if subj is not None and how in ("subject", "previous_sentence"):
            # "for which Berlin has promised €9.9 billion", "Nordic roundup: Denmark backs X with
            # DKK 450 million": a capital or a state right before the verb acts, not a name before it
            capital = self.countries_in(max(s.start, cs - 30), cs)
            if (
                role == "investor"
                and capital
                and (how == "previous_sentence" or subj.end <= capital[-1].start)
                and capital[-1].kind in ("name", "city")
                and re.fullmatch(r"\s+(?:has|have|had|will|a|va|avait)?\s*", self.text[capital[-1].end : cs])
                and not _LOCATIVE.search(self.text[max(s.start, capital[-1].start - 12) : capital[-1].start])
            ):
                state = Entity(capital[-1].start, capital[-1].end, capital[-1].surface, "country")
                return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"}, actor=state)
        if role == "investor" and (subj is None or how != "subject"):
            lo, _hi = self.clause(s, cs, ce, "investment")
            for c in self.countries_in(lo, cs):
                if (
                    c.kind in ("name", "city")
                    and re.fullmatch(r"\s+(?:[\w'’]+\s+){0,2}", self.text[c.end : cs])
                    and not _LOCATIVE.search(self.text[max(s.start, c.start - 12) : c.start])
                ):
                    # "Ottawa commits $40 million to X": a capital or a state acting is its government
                    return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"})
        if role == "investor":
            target = self.directly_after(i, s, markers["investee"], ce) if "investee" in markers else None
            if target is not None and not self.near_deal(target):
                target = None  # "spend ₹75,000 crore on data centres in Jamnagar": a place, not a firm
            if target is not None and _sites().match(self.text, target.end):
                target = None  # "investment in Kyushu AI campus": a site named after a place
            if target is not None and self.named_as_place(target.name):
                target = None  # "commits SEK 1bn to X" where the text also says "a site near X"
            if target is None:
                # "Nvidia mise 500 millions sur Mistral", "bets $500 million on X": the name right
                # after the amount and "sur"/"on"
                for end in self._deal_ends[1:]:
                    on = re.match(r"\s+(?:sur|on)\s+", self.text[end : end + 8])
                    if on:
                        target = next((e for e in self.ents(i) if e.start == end + on.end()), None)
                        if target is not None and (self.is_public(target) or self.is_vendor(target)):
                            target = None
            if target is None and (
                # "entre au capital de la société", "invests $5m in the startup"
                ("investee" in markers and self.points_back(markers["investee"], ce, min(s.end, ce + 80)))
                # the cue ends in "au capital": "de la société"
                or self.points_back(_OBJECT_OF_CUE, ce, ce + 8)
                # "Le fonds X lui apporte 10 millions": the firm of the previous sentences
                or _TO_IT_BEFORE.search(self.text[max(s.start, cs - 25) : cs]) is not None
                # "Le fonds mène un tour de 100 M$ dans un opérateur de Jakarta": a fund pointed back to
                # invests, it does not spend on itself
                or (how == "previous_sentence" and subj is not None and self.financier(subj))
            ):
                firm = self.pointed_firm(i)
                if firm is not None and (subj is None or firm.name != subj.name):
                    target = firm
            if subj:
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                if how == "subject":
                    # "A, B et C injectent 300 M€": every name of the subject list invests
                    last = subj
                    for e in self.ents(i):
                        if e.start < last.end or e.end > cs:
                            continue
                        if not re.fullmatch(r"\s*(?:,|,?\s*(?:et|and)|&)\s*", self.text[last.end : e.start]):
                            break
                        if self.is_vendor(e, in_context=True) or self.is_origin(e):
                            break
                        if self.is_person(e) and speaker(self.text, e.start, e.end):
                            break  # "Le PDG de A, X, a annoncé": X speaks for A
                        parties.append(Party("investor", e.name, e.start, e.end, "subject"))
                        last = e
            if target and (not subj or target.name != subj.name):
                investee = target
                rule += ":target"
            elif self.find_body(s, max(s.start, self.text.find(" : ", s.start, cs) + 3), cs) is not None:
                # "France 2030 : l'État apporte 50 millions": the state acts, whatever the headline's topic
                return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"})
            elif (topic := self.headline_topic(i, s, cs)) is not None:
                investee = topic
                rule += ":topic"
            else:
                lo, _hi = self.clause(s, cs, ce, "investment")
                state = next(
                    (
                        c
                        for c in self.countries_in(lo, cs)
                        if c.kind in ("name", "city") and not _PLACE_OF_FIRM.match(self.text, c.end)
                    ),
                    None,
                )
                if self.public_body_before(s, cs) or (
                    state is not None and (subj is None or how != "subject")
                ):
                    # a government spending its own money on a programme is a subsidy
                    return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"})
                if (
                    subj is not None
                    and self.is_person(subj)
                    and _gov_titles().search(self.text[max(s.start, subj.start - 40) : subj.start])
                    # "visite du Premier ministre X à Washington, le groupe de Redmond a annoncé"
                    and not re.search(
                        r",\s*(?:le|la|les|l['’]|the)\s", self.text[subj.end : cs], re.IGNORECASE
                    )
                ):
                    # "le ministre-président X a promis 3,5 milliards": the government spends
                    return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"}, actor=subj)
                if subj is not None and self.is_person(subj):
                    # a person spends no capex of their own: look for the firm acting instead
                    subj, how = self.subject(i, s, cs, ce)
                    if subj is None:
                        return []
                    parties = [Party("investor", subj.name, subj.start, subj.end, how)]
                investee = subj
                rule += ":capex"
        else:
            investee = subj
            if how == "previous_sentence" and subj is not None and self.financier(subj):
                # "L'enveloppe se décompose en ...": the firm pointed back to raises, not its fund;
                # "The holding is putting in 20 million euros in a round": the fund invests
                investee = self.pointed_firm(i) or subj
                if investee is not subj and _FUND_ANAPHOR.search(self.text, s.start, cs):
                    parties.append(Party("investor", subj.name, subj.start, subj.end, how))
            # "a $25 million Series A in Kalis": the round is named with its firm
            target = self.directly_after(i, s, markers["investee"], ce) if "investee" in markers else None
            if (
                target is not None
                and self.near_deal(target)
                and not self.countries_in(ce, target.start)
                # "a round in Spain": a place, not the firm
                and not any(c.start == target.start and c.end == target.end
                            for c in self.countries_in(target.start, target.end))
            ):
                if subj is not None and subj.name != target.name:
                    parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                investee, rule = target, rule + ":target"
        if investee is None:
            return []
        parties.insert(0, Party("investee", investee.name, investee.start, investee.end, how or "target"))
        if "investor" in markers:
            _lo, hi = self.clause(s, cs, ce, "investment")
            for e in self.after_marker(i, s, markers["investor"], ce if role != "investor" else s.start):
                if e.start >= hi:
                    break
                if e.name != investee.name and all(p.name != e.name for p in parties):
                    if not self.follower_ok(i, e, "investor", persons=True):
                        continue  # a place, a name in brackets or a description ("du prince X" invests)
                    parties.append(Party("investor", e.name, e.start, e.end, "role_marker"))
        c = Candidate(rule=rule, **base)
        c.parties = parties
        c.country_code = self.party_country(investee, s, ce, capex=rule.endswith(":capex"))
        return [c]

    def chip_roles(self, i, s, role, cs, ce, base) -> list[Candidate]:
        markers = _markers(self.lang, "chip_purchase")
        out = []
        role = "buyer" if role == "buyer_weak" else role
        if role == "vendor":
            if re.match(r"\s+(?:by|par)\b", self.text[ce : ce + 5]):
                return []  # "GPUs supplied by Nvidia": the maker of chips another cue tells of
            vendor, how = self.subject(i, s, cs)
            buyer = self.directly_after(i, s, markers["buyer"], ce) if "buyer" in markers else None
            if buyer is None:
                # "will supply X with 1,456 GPUs": the buyer is the verb's object
                obj = next((e for e in self.ents(i) if e.start >= ce), None)
                if (
                    obj is not None
                    and re.fullmatch(r"\s+(?:the\s+)?", self.text[ce : obj.start])
                    and re.match(r"\s+with\b", self.text[obj.end : obj.end + 6])
                    and not self.is_vendor(obj)
                ):
                    buyer = obj
            if buyer is not None and any(
                c.kind == "name"
                and re.search(_TO_BUYER, self.text[c.start - 12 : c.start])
                for c in self.countries_in(ce, buyer.start)
            ):
                buyer = None  # "ship 260,000 GPUs to Korea as Samsung ...": the country named first
            country = None
            if buyer is None:
                for c in self.countries_in(ce, s.end):
                    if _LOC_PREP.search(self.text[max(s.start, c.start - 15) : c.start]):
                        country = c
                        break
                if country is None:
                    return []
                cand = Candidate(rule="chip_purchase:vendor_to_country", **base)
                cand.parties = [Party("buyer", country.surface, country.start, country.end, "country")]
                cand.country_code = country.code
            else:
                cand = Candidate(rule="chip_purchase:vendor_to_buyer", **base)
                cand.parties = [Party("buyer", buyer.name, buyer.start, buyer.end, "role_marker")]
                cand.country_code = self.party_country(buyer, s, ce)
            if vendor:
                cand.parties.append(Party("vendor", vendor.name, vendor.start, vendor.end, how))
            return [cand]
        body = self.find_body(s, s.start, cs)
        subj, how = self.subject(i, s, cs, ce, avoid_vendors=True)
        if how == "subject" and subj is not None and subj.end <= cs and ";" in self.text[subj.end : cs]:
            # "Nordic roundup: Denmark backs X; Finnish firm buys AMD chips": another clause's name
            subj, how = None, None
        if how == "previous_sentence" and subj is not None and self.is_public(subj):
            # "The ministry will contribute €150m to a supercomputer at X. The machine will use ...":
            # the machine is X's, not its funder's
            others = [
                e
                for j in (i - 1, i - 2)
                if j >= 0
                for e in self.ents(j)
                if not self.is_public(e) and not self.is_vendor(e) and not self.is_person(e)
            ]
            if others:
                subj = max(others, key=lambda e: (self.mentions(e.name), -others.index(e)))
        _lo, hi = self.clause(s, cs, ce, "chip_purchase")
        # "the purchase of 18,000 GPUs by X": a passive agent is the buyer; "pour X" only without a subject
        for marker, when in (("buyer_agent", True), ("buyer_beneficiary", how != "subject")):
            agent = self.directly_after(i, s, markers[marker], ce) if when and marker in markers else None
            if (
                agent is not None
                and agent.start < hi
                and not self.is_vendor(agent)
                and not re.search(r",\s|[;()]|\b(?:qui|which|that|who)\b", self.text[ce : agent.start])
                # "a supercomputer built by X": the system's maker, not the buyer
                and not _MAKER_VERB.search(self.text[ce : agent.start])
            ):
                subj, how, body = agent, marker, None
                break
        if body is not None and (subj is None or how != "subject" or subj.start > body.end()):
            # "The government plans to deploy 50,000 GPUs"
            name = self.grantor_name(i, s, body.start(), body.end())
            subj = Entity(body.start(), body.start() + len(name), name, "public_body")
            how = "public_body"
        if subj is None or how not in ("subject", "buyer_agent", "buyer_beneficiary", "public_body"):
            lo, _hi = self.clause(s, cs, ce, "chip_purchase")
            state = next(
                (
                    c
                    for c in self.countries_in(lo, cs)
                    # "France 2030", "Vision 2030": a programme, not the state acting
                    if c.kind == "name" and not re.match(r"\s+\d{4}\b", self.text[c.end : c.end + 6])
                ),
                None,
            )
            if state is not None:
                # "India will buy 10,000 GPUs": the state buys
                cand = Candidate(rule="chip_purchase:country", **base)
                cand.parties = [Party("buyer", state.surface, state.start, state.end, "country")]
                cand.country_code = state.code
                vendor = next((e for e in self.ents(i) if self.is_vendor(e)), None)
                if vendor is not None:
                    cand.parties.append(Party("vendor", vendor.name, vendor.start, vendor.end, "vendor"))
                return [cand]
        if subj is None:
            return []
        buyers = [subj]
        # "A, B and C will each deploy ...": one purchase per buyer
        near = self.text[max(s.start, cs - 40) : ce + 40]
        if how == "subject" and re.search(r"\b(?:each|chacun|chacune)\b", near, re.I):
            buyers = [
                e for e in self.ents(i) if subj.start <= e.start and e.end <= cs and not self.is_vendor(e)
            ]
        vendor = self.directly_after(i, s, markers["vendor"], ce) if "vendor" in markers else None
        if vendor is not None and not self.is_vendor(vendor) and vendor.kind != "chip_vendor":
            vendor = None
        if vendor is None:
            vendor = next((e for e in self.ents(i) if self.is_vendor(e) and e not in buyers), None)
        for k, b in enumerate(buyers):
            cand = Candidate(rule=f"chip_purchase:{how}", suffix="" if k == 0 else f".{k}", **base)
            cand.parties = [Party("buyer", b.name, b.start, b.end, how)]
            if vendor is not None and vendor.name != b.name:
                cand.parties.append(Party("vendor", vendor.name, vendor.start, vendor.end, "vendor"))
            cand.country_code = self.party_country(b, s, ce, located=True)
            out.append(cand)
        return out

    def subsidy_roles(
        self, i, s, cs, ce, base, strong: bool = True, actor: Entity | None = None
    ) -> list[Candidate]:
        """`actor`: an office holder known to act for the state ("le ministre X")."""
        body = None if actor is not None else self.find_body(s, s.start, cs)
        named = actor
        recipient_first = None
        body_i, body_s = i, s
        if body is None and actor is None and _POSSESSIVE_TITLE.search(self.text[s.start : cs]):
            # "La Région ne compte pas rester spectatrice. Son président a annoncé une subvention":
            # the body of the previous sentences grants
            for j in (i - 1, i - 2):
                if j >= 0:
                    sj = self.sentences[j]
                    hit = self.find_body(sj, sj.start, sj.end)
                    if hit is not None:
                        body, body_i, body_s = hit, j, sj
                        break
        if body is None:
            later = self.find_body(s, ce, s.end)
            if later is not None and re.search(
                r"\b(?:from|by|de la part d[eu']|du|de l['’]|auprès d[eu'])\s*(?:[\w-]+\s+){0,2}$",
                self.text[max(s.start, later.start() - 30) : later.start()],
            ):
                # "X will receive a subsidy of ¥5bn from the Ministry": the ministry grants, X receives
                body = later
                recipient_first, _how = self.subject(i, s, cs)
        received = _RECEIVE.search(self.text[s.start : cs])
        if not strong and received:
            # "Intel a obtenu fin novembre une aide de 7,8 milliards": a grant noun the firm gets
            near = re.fullmatch(r"[^,;.]{0,40}", self.text[s.start + received.end() : cs])
            # "secured an allocation of 4,096 GPUs" is chips
            received = near and not re.search(_CHIP_WORDS, self.text[ce : ce + 60])
        if body is None and named is None and received:
            # "Rapidus has received ¥920 billion in subsidies": the state of the article grants
            subj, how = self.subject(i, s, cs)
            home = self.country_at(s.start)
            if subj is not None and home:
                c = Candidate(rule="subsidy:received", **base)
                name = next(
                    (f for f, ck in self.ex.countries.table.items() if ck == (home, "name")),
                    home,
                )
                c.parties = [
                    Party("grantor", name, None, None, "document_country"),
                    Party("recipient", subj.name, subj.start, subj.end, how),
                ]
                c.country_code = home
                return [c]
            if subj is not None:
                return []  # the firm receives: it grants nothing, and the text names no state
        if body is None and named is None:
            subj, how = self.subject(i, s, cs)
            known_firm = subj is not None and subj.source == "gazetteer" and subj.kind != "public_body"
            if subj is not None and how == "subject" and not known_firm and self.state_fund(subj):
                pass  # "Innovation Fund Denmark has awarded DKK 450 million to X": a state fund grants
            elif subj is not None and how == "subject" and (known_firm or not strong):
                # "X alloue 20 milliards à un campus": a firm's own spending plan
                return self.investment_roles(i, s, "investor", cs, ce, {**base, "fact_type": "investment"})
            lead = next(
                (
                    c
                    for c in self.countries_in(s.start, subj.start if subj is not None else cs)
                    if c.kind in ("name", "city")
                    and re.fullmatch(r"\s*(?:(?:the|le|la|l['’])\s*)?", self.text[s.start : c.start], re.I)
                ),
                None,
            )
            if lead is not None and subj is not None and how == "subject" and not self.is_public(subj):
                # "Texas will give X a $50 million grant": the state opening the sentence grants
                # (not "The US Commerce Department has finalized a grant": the body grants)
                c = Candidate(rule="subsidy:country", **base)
                c.parties = [
                    Party("grantor", lead.surface, lead.start, lead.end, "country"),
                    Party("recipient", subj.name, subj.start, subj.end, "subject"),
                ]
                c.country_code = lead.code
                return [c]
            if subj is not None and how == "subject":
                named = subj  # "Berne octroie ...": a capital or body the seeds do not know
            else:
                body = self.find_body(s, s.start, s.end)
        obj = self.first_object(i, s, ce)
        if named is not None and obj is not None and named.start == obj.start:
            named = None  # "Spain's agency has awarded X a €5m grant": X receives, it does not grant
        country = None
        if named is not None and body is None:
            name, gstart, gend = named.name, named.start, named.end
            near = self.countries_in(max(s.start, gstart - 40), min(s.end, gend + 40))
            country = near[0].code if near else None
            rule = "subsidy:named_actor"
        elif body:
            name = self.grantor_name(body_i, body_s, body.start(), body.end())
            gstart, gend = body.start(), body.start() + len(name)
            near = self.countries_in(max(body_s.start, gstart - 40), min(body_s.end, gend + 40))
            country = near[0].code if near else None
            rule = "subsidy:public_body"
        else:
            subj_country = next(
                (
                    c
                    for c in self.countries_in(s.start, cs)
                    # "the Sydney-based firm": a place qualifying a firm, not a state acting
                    if c.kind in ("name", "city")
                    and not _PLACE_OF_FIRM.match(self.text, c.end)
                    # "data centres in western Sydney": a place where, not a state acting
                    and not re.search(
                        r"\b(?:in|at|near|à|en|dans)\s+(?:\w+\s+)?(?:[\w-]+(?:,\s*|\s+(?:and|et)\s+))?$",
                        self.text[max(s.start, c.start - 40) : c.start],
                    )
                ),
                None,
            )
            if subj_country is None:
                return []
            name, gstart, gend = subj_country.surface, subj_country.start, subj_country.end
            country = subj_country.code
            rule = "subsidy:country"
        if country is None:
            country = self.country_at(s.start)  # the section's country under a heading ("Suisse : ...")
        c = Candidate(rule=rule, **base)
        c.parties = [Party("grantor", name, gstart, gend, rule.split(":")[1])]
        if recipient_first is not None:
            c.parties.append(
                Party(
                    "recipient", recipient_first.name, recipient_first.start, recipient_first.end, "subject"
                )
            )
        markers = _markers(self.lang, "subsidy")
        if obj is not None and obj.name != name and not any(p.role == "recipient" for p in c.parties):
            c.parties.append(Party("recipient", obj.name, obj.start, obj.end, "object"))
        if "recipient" in markers and not any(p.role == "recipient" for p in c.parties):
            _lo, hi = self.clause(s, cs, ce, "subsidy")
            source = _SOURCE_PHRASE.search(self.text, ce, hi)
            hi = source.start() if source else hi
            last, last_place, taken = None, False, False
            for e in self.after_marker(i, s, markers["recipient"], ce):
                if e.start >= hi or self.is_vendor(e, in_context=True):
                    break
                if self.is_public(e) or self.in_body_name(s, e):
                    # "allocated KSh 2.3 billion to the Konza ... Authority": a public body right after
                    # the marker receives; "par l'entremise du ministère de ...": the channel
                    direct = _RECIPIENT_DIRECT.search(self.text, max(ce, e.start - 16), e.start)
                    if (
                        taken
                        or last is not None
                        or direct is None
                        or self.in_body_name(s, e)
                        or _PROGRAMME_NAME.search(e.name)  # "pour la mission IndiaAI": a programme
                    ):
                        break
                    taken, last = True, e
                    if e.name != name:
                        c.parties.append(Party("recipient", e.name, e.start, e.end, "role_marker"))
                    continue
                if e.name in self.ex.countries.table:
                    last, last_place = e, True  # "in Oslo, Bergen and X": the list goes on with places
                    continue
                inst = _INSTITUTION_OF.search(self.text, max(s.start, e.start - 40), e.start)
                at = inst.start(1) if inst is not None else e.start  # "et l'université de Pise"
                since = self.text[last.end if last is not None else ce : at]
                if _RECIPIENT_STOP.search(since) or _PROGRAMME_BEFORE.search(
                    self.text[max(s.start, e.start - 40) : e.start]
                ):
                    break  # "..., as Prime Minister X hosted", "au titre de France 2030"
                # "A (EPFL) et B": an acronym in brackets continues the list
                listed = last is not None and bool(_LIST_GAP.fullmatch(since) or since.strip() == "(")
                marker_hits = list(markers["recipient"].finditer(self.text, ce, at))
                hits = [h.end() for h in marker_hits]
                marker_gap = self.text[max(hits or [ce]) : at]
                if marker_hits and _PURPOSE_VERB.match(self.text, marker_hits[-1].end()):
                    last, last_place = e, False
                    continue  # "awards £225m to build X", "pour financer X": what the money is for
                # "in Oslo, Bergen and X": a list that a known place opens goes on with places
                after_place = any(
                    _LIST_GAP.fullmatch(self.text, c.end, at)
                    for c in self.countries_in(last.end if last is not None else ce, at)
                )
                place = (
                    self.is_place_use(e)
                    or after_place
                    or (listed and last_place)
                    # "veut installer à X", "à quelques kilomètres de l'usine de Y": where, not who
                    or bool(_LOCATED_AT.search(self.text, max(s.start, e.start - 60), e.start))
                    # "campus in Catania, Sicily", "au titre du Chips and Science Act"
                    or self.place_or_programme(s, e)
                )
                last, last_place = e, place
                if place or self.is_person(e):
                    continue  # "campus in Catania, Sicily", "Prime Minister X"
                if not listed and not (
                    len(marker_gap.split()) <= 5 and not re.search(r"[,;:()«»\"]", marker_gap)
                ):
                    if taken:
                        break  # a name past the list of recipients
                    continue  # "aux écoles polytechniques, Lugano inaugure": no name after the marker
                taken = True
                if e.name != name and all(p.name != e.name for p in c.parties):
                    if inst is not None:  # "l'université de Pise": the university, not the town
                        full = self.text[inst.start(1) : e.end]
                        c.parties.append(Party("recipient", full, inst.start(1), e.end, "role_marker"))
                    else:
                        c.parties.append(Party("recipient", e.name, e.start, e.end, "role_marker"))
            if not any(p.role == "recipient" for p in c.parties):
                c.parties.extend(self.consortium_members(i, s, ce, s.end, name))
            if not any(p.role == "recipient" for p in c.parties):
                # "versera 5 millions à l'entreprise", "a grant to the startup", "le ministère lui
                # accorde", "awarded it a grant": the firm the previous sentences are about
                pointed = self.points_back(markers["recipient"], ce, hi)
                pronoun = _TO_IT_BEFORE.search(self.text[max(s.start, cs - 25) : cs]) or re.match(
                    r"\s+(?:it|them)\s+(?:a|an|the|its|their)\s", self.text[ce : ce + 14]
                )
                if pointed or pronoun:
                    firm = self.pointed_firm(i)
                    if firm is not None:
                        c.parties.append(
                            Party("recipient", firm.name, firm.start, firm.end, "previous_sentence")
                        )
        c.country_code = country
        return [c]

    def place_or_programme(self, s: Sentence, e: Entity) -> bool:
        """A name that is no recipient: a place ("universities in Oslo, Bergen and Tromsø") or a
        programme ("au titre de France 2030", "a new Enterprise Compute Initiative")."""
        before = self.text[max(s.start, e.start - 80) : e.start]
        if _PLACE_BEFORE.search(before) or _PROGRAMME_CHANNEL.search(before):
            return True
        public, named = _programmes()
        last = e.name.split()[-1]
        # an initiative, a mission or a fund may well be a body that receives ("Swiss AI Initiative"),
        # unless the text introduces it as new ("a new Enterprise Compute Initiative")
        bodies = ("fund", "fonds", "initiative", "mission")
        new = re.search(r"\b(?:a|an|the|un|une)\s+(?:new|nouveau|nouvelle)\s+$", before) is not None
        if " " in e.name and (public.fullmatch(last) or named.fullmatch(last)):
            return new or last.lower() not in bodies  # "Science Act"
        word = named.match(self.text, e.end + 1) or public.match(self.text, e.end + 1)
        if word is None or self.text[e.end : e.end + 1] != " ":
            return False
        return new or word.group(0).lower() not in bodies

    def state_fund(self, e: Entity) -> bool:
        """A fund named after its state or as public ("Innovation Fund Denmark", "National Growth
        Fund", "Fonds national pour ..."): with a grant verb it grants, it does not spend."""
        if not _FUND_WORDS.search(e.name):
            return False
        inside = [c for c in self.countries_in(e.start, e.end) if c.kind in ("name", "demonym")]
        return bool(inside) or _PUBLIC_ADJ.search(e.name) is not None

    def consortium_members(self, i: int, s: Sentence, lo: int, hi: int, grantor: str) -> list[Party]:
        """ "to a consortium led by X and Y", "au consortium formé par X et Y": the members receive."""
        m = _CONSORTIUM.search(self.text, lo, hi)
        if m is None:
            return []
        out: list[Party] = []
        at = m.end()
        for e in self.ents(i):
            if e.start < at:
                continue
            if not re.fullmatch(r"\s*(?:,|and|et|, and)?\s*(?:the|le|la|l['’])?\s*", self.text[at : e.start]):
                break
            if e.name != grantor and not self.is_public(e) and not self.is_person(e):
                out.append(Party("recipient", e.name, e.start, e.end, "consortium"))
            at = e.end
        return out

    def first_object(self, i: int, s: Sentence, ce: int) -> Entity | None:
        """The first object of a giving verb: "awarded X a €5m grant", "granted us a ..." (us: the
        article's firm)."""
        if re.search(_GIVE + r"(?:us|nous)\b", s.text, re.IGNORECASE):
            return self.main_firm(lambda e: not self.is_person(e) and not self.is_vendor(e))
        for e in self.ents(i):
            if (
                re.search(_GIVE + "$", self.text[max(s.start, e.start - 20) : e.start], re.IGNORECASE)
                and re.match(r"\s+(?:a|an|its|their)\s", self.text[e.end : e.end + 7])
                and not self.is_public(e)
            ):
                return e
        return None

    def grantor_name(self, i, s, bs, be) -> str:
        """The public body's name: the body word with the name or demonym that follows it, the
        body words it runs into ("state government") and the proper adjective before it
        ("the Bavarian state government")."""
        more = _public_words().match(self.text, be + 1) if self.text[be : be + 1] == " " else None
        if more is not None:
            be = more.end()
        lo = max(s.start, bs - 40)
        lead = re.search(r"(?:[A-ZÀ-ÖØ-Þ][\w-]+\s+)+$", self.text[lo:bs])
        if lead:
            tokens = [(lo + lead.start() + t.start(), t.group(0)) for t in re.finditer(r"\S+", lead.group(0))]
            stop = self.ex.parties.stop
            while tokens and (tokens[0][1] in stop or _public_words().fullmatch(tokens[0][1])):
                tokens.pop(0)
            if tokens:
                bs = tokens[0][0]
        return self._grantor_tail(i, s, bs, be)

    def _grantor_tail(self, i, s, bs, be) -> str:
        end = be
        for e in self.ents(i):
            if e.start <= be < e.end or (be <= e.start <= be + 4):
                end = max(end, e.end)
                break
        for c in self.countries_in(be, min(s.end, be + 40)):
            gap = self.text[end : c.start]
            if c.start - end <= 30 and not re.search(r"[,;:.()]", gap):
                # "ministère japonais", "Ministry of Finance of Japan"; not "ministry ... to Sapporo"
                if c.kind != "city" or re.fullmatch(r"\s*(?:(?:of|de|du|des|de la|of the)\s+|d['’])?", gap):
                    end = c.end
                break
        if self.lang == "fr":
            # "ministère des Entreprises et du Made in Italy", "Autorité israélienne de l'innovation"
            tail = _FR_BODY_TAIL.match(self.text, end)
            if tail is not None and tail.end() <= s.end:
                end = tail.end()
        return self.text[bs:end]

    # -- country, date, background ------------------------------------------------------------
    def party_country(
        self, ent: Entity, s: Sentence, ce: int, capex: bool = False, located: bool = False
    ) -> str | None:
        """Where the money or chips go. A firm's own spending: where it spends ("au Japon"), else the
        country the article is about. A round or a purchase: the party's country as the text gives it,
        else the seeds' (left null for known firms), else a place named in the sentence, else the
        article's country."""
        if ent.source == "public_body":
            inside = self.countries_in(max(s.start, ent.start - 40), min(s.end, ent.end + 40))
            return inside[0].code if inside else self.country_at(s.start)
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
            for c in self.countries_in(ce, s.end):
                before = self.text[max(s.start, c.start - 15) : c.start]
                if (c.kind in ("name", "city") and _LOC_PREP.search(before)) or (
                    c.kind == "demonym" and _SITE_AFTER.match(self.text, c.end)
                ):
                    return c.code
        near = self.near_country(ent)
        if near:
            return near
        if ent.source == "gazetteer":
            return None  # the firm's own country comes from the seeds
        if located:
            for c in self.countries_in(s.start, s.end):
                if c.kind in ("name", "city") and _LOC_PREP.search(
                    self.text[max(s.start, c.start - 15) : c.start]
                ):
                    return c.code
        return self.country_at(s.start)

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
        return best[1] if best else None

    def _heading_countries(self) -> list[tuple[int, str]]:
        """Countries that open a line as a heading ("VIETNAM — ...", "Kenya : ..."): each places
        what follows it, up to the next such heading. A city dateline ("LONDON, May 2 —") only says
        where the reporter writes from."""
        out = []
        for c in self.country_mentions:
            if c.kind != "name":
                continue
            head = self.text[max(0, c.start - 8) : c.start]
            if not re.search(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)][ \t]*)?$", head):
                continue
            if re.match(r"[ \t]*[—–:-]", self.text[c.end : c.end + 4]):
                out.append((c.start, c.code))
        return sorted(out)

    def country_at(self, pos: int) -> str | None:
        """The article's country at a point: the latest heading's place, else the dominant one."""
        code = None
        for start, head in self._headings:
            if start > pos:
                break
            code = head
        return code or self._doc_country

    def _dominant_country(self) -> str | None:
        counts: dict[str, int] = {}
        title_end = self.sentences[0].end if self.sentences else 0
        for c in self.country_mentions:
            counts[c.code] = counts.get(c.code, 0) + (3 if c.start < title_end else 1)
        if counts:
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
        m = _relative_days(self.lang)[0].search(s.text)
        if m is None:
            return None
        weekday, offset = _relative_days(self.lang)[1][m.group(0).lower().replace("’", "'")]
        if offset is not None:
            return self.published + timedelta(days=offset)
        back = (self.published.weekday() - weekday) % 7
        return self.published - timedelta(days=back)

    def vendor_from_model(self, model: str | None) -> str | None:
        return chip_models().get(model) if model else None

    def finish(self, c: Candidate, i: int, s: Sentence, flags: set[str]) -> None:
        # a deadline ("by 2030") or a date after the article's ("in 2027") says when
        # something is planned, never when it was announced
        inside = [
            d
            for d in self.dates_in(s.start, s.end)
            if not _DEADLINE.search(self.text[max(s.start, d.start - 25) : d.start])
            and not (self.published and d.value > self.published)
        ]
        # a dateline ("PARIS, 12 juin 2024 —") dates the article, not the event
        dash = re.search(r" [—–] ", s.text)
        own = [d for d in inside if not (dash and d.end <= s.start + dash.start())]
        relative = self.relative_day(s)
        if own and (relative is None or any(d.precision == "day" for d in own)):
            best = next((d for d in own if d.precision == "day"), own[0])
            c.announced_on, c.date_precision = best.value, best.precision
        elif relative is not None:
            c.announced_on, c.date_precision = relative, "day"
        elif inside:
            c.announced_on, c.date_precision = inside[0].value, inside[0].precision
        else:
            # "Le même jour, ...", "In the same statement, ...": the date of the paragraph so far
            for j in (i - 1, i - 2):
                if j < 0 or "\n\n" in self.text[self.sentences[j].end : s.start]:
                    break
                prev = self.sentences[j]
                days = [d for d in self.dates_in(prev.start, prev.end) if d.precision == "day"]
                dash = re.search(r" [—–] ", prev.text)
                days = [d for d in days if not (dash and d.end <= prev.start + dash.start())]
                rel = self.relative_day(prev)
                if days:
                    c.announced_on, c.date_precision = days[0].value, "day"
                    break
                if rel is not None:
                    c.announced_on, c.date_precision = rel, "day"
                    break
        background = "background" in flags
        if self.published and c.announced_on and c.announced_on.year < self.published.year:
            background = True
        if not inside:
            for m in _YEAR.finditer(s.text):
                if self.published and int(m.group(1)) < self.published.year:
                    background = True
        c.is_background = background
