"""Role assignment shared by every fact type: `build` (a cue in its clause into candidates), the actor of a
cue (`subject`), financiers, the firm an article or an anaphor is about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from warehouse.staging.candidates import Candidate, Party
from warehouse.staging.chips import model_regex
from warehouse.staging.country_date import _speech_verb
from warehouse.staging.frames import FEW_CUES
from warehouse.staging.mentions import _WIRE_DATELINE
from warehouse.staging.parties import Entity
from warehouse.staging.people import affiliation, invests, speaker
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import (
    _ANAPHOR,
    _ARM_OF,
    _ARM_WORDS,
    _BULLET,
    _CHANNEL_OPENING,
    _CHIP_WORDS,
    _FIRM_NOUN_AFTER,
    _FIRM_NOUNS,
    _FUND_ANAPHOR,
    _FUND_WORDS,
    _ITEM_MARK,
    _LOCATIVE,
    _MEANS_BEFORE,
    _OWN_PREMISES,
    _POSSESSIVE,
    _PROGRAMME_BEFORE,
    _PRONOUN_OPENING,
    _RECEIVE,
    _THE_MACHINE,
    _filter_alt,
    _fronted,
    _markers,
    _public_words,
    _sites,
    _territory_end,
)

# "13 000 puces seront acquises par trois hébergeurs", "were bought by several operators": a passive
# whose agent is an unnamed plural names no buyer
_UNNAMED_AGENT = re.compile(
    r"\s+(?:[\w'’]+\s+){0,3}?(?:par|by)\s+(?:\d+|deux|trois|quatre|cinq|six|plusieurs|divers|différents|"
    r"several|two|three|four|five|six|various|multiple|some)\s+[a-zà-ÿ]",
    re.IGNORECASE,
)
# a line naming a listed firm by its name and its ticker: "SAKURA INTERNET (3778.T)", "Orbis AG (XETRA: ORB)"
_TICKER_LINE = re.compile(
    r"\s*(?P<name>[^\s()][^\n()]{1,59}?)\s*\((?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|[A-Z]{2,8}:\s*[A-Z0-9.]{1,8})\)\s*"
)
# "A Southland start-up": an indefinite article, a name, a firm noun
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|An?)\s+$")
@cache
def _described_by(stem: str) -> tuple[re.Pattern, re.Pattern]:
    """The firm noun starting with `stem` in an apposition after a name (", the Makati-based startup")
    and right before one ("la start-up X"): compiled once per noun."""
    stem = re.escape(stem)
    after = re.compile(rf",\s*(?:a|an|the|une?|la|le|l['’])\s*(?:[\w-]+\s+){{0,3}}{stem}", re.IGNORECASE)
    before = re.compile(rf"{stem}[\w-]*\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
    return after, before


# a purchase compared with an earlier one: "follows the 10,000 GPUs", "fait suite aux 2 000 puces"
_FOLLOWS = re.compile(
    r"\b(?:follows|comes after|succeeds|adds to|fait suite (?:à|aux?)|s['’]ajoute (?:à|aux?)"
    r"|succède (?:à|aux?))\b",
    re.IGNORECASE,
)
_PASSIVE_BE = re.compile(
    r"\b(?:be|been|being|is|are|was|were|être|été|est|sont|sera|seront|serait|seraient)\s+$", re.IGNORECASE
)
# a target, not a purchase: "aims to deploy 10,000 GPUs", "vise à déployer", "l'objectif est de"
_AIM = re.compile(
    r"\b(?:(?:aims?|aiming|seeks?|seeking|hopes?|hoping|wants?|wanting)\s+to|(?:target|goal|objective|ambition|"
    r"objectif)\s+(?:is\s+to|of|est\s+de|de|d['’])|(?:vise|visent|viser)\s+à|veut|veulent|vouloir|espère|espèrent|"
    r"souhaite|souhaitent|(?:ambitionne|ambitionnent|envisage|envisagent|prévoit|prévoient)\s+d['’e]|plans?\s+to)"
    r"\s*(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# a conditional before a purchase verb: "would buy", "could deploy", "pourrait acheter"
_CONDITIONAL = re.compile(
    r"\b(?:would|could|might|pourrait|pourraient|permettrait|permettraient)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# a machine described as it stands, not bought: "already operates a cluster equipped with"
_EXISTING = re.compile(
    r"\b(?:already|existing|currently|déjà|existant|existante|actuel|actuelle|actuellement)\b", re.IGNORECASE
)


_SOURCE_BEFORE = re.compile(
    r"(?:selon|d['’]après|according to|par)\s*(?:les?\s+|la\s+|l['’]|the\s+)?$", re.IGNORECASE
)
# "the founders of X", "le patron de X": the firm a person comes from is no party of the deal
_AFFILIATION = re.compile(
    r"\b(?:co-?founders?|founders?|cofondat(?:eur|rice)s?|co-fondat(?:eur|rice)s?|fondat(?:eur|rice)s?|CEO|"
    r"patron|patronne|chief executive|head|directeur|directrice|président|présidente|chairman|famille|"
    r"family)\s+"
    # "founder of one of the Baltics' biggest ...", "fondateur de l'une des ..."
    r"(?:(?:of|de|du)\b|d['’])\s*(?:(?:one of|l['’]une? des|un des|une des)\s+)?"
    r"(?:the\s+|la\s+|le\s+|l['’])?"
    # "founder of payments company Pagora", "cofondatrice de l'éditeur Dataviz": the firm's kind before it
    r"(?:[a-zà-ÿ][\w-]*\s+){0,2}$",
    re.IGNORECASE,
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
# "son fonds X", "its venture arm X": a vehicle of an investor already named
_OWN_VEHICLE = re.compile(
    r"\b(?:son|sa|ses|its|their|leur)\s+(?:[\w-]+\s+)?(?:fonds|fund|arm|bras|filiale)\s+$", re.IGNORECASE
)
# "In Espoo, X ...", "À Lyon, X": the place a sentence opens with
_OPENING_PLACE = re.compile(r"\s*(?:in|at|à|au|en|near|près de)\s+", re.IGNORECASE)
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
# what follows the name heading a bulleted line: "(Warsaw) — ", " – ", ": "
_HEAD_DASH = re.compile(r"[*_]{0,2}\s*(?:\([^()\n]{1,40}\)\s*)?(?:[—–:]|-{1,2})\s")
# ... or the item's heading line of its own: "6. Paragraf AI, Austria (September)" above its text
_HEAD_LINE = re.compile(r"[*_]{0,2}(?:,[ \t]*[^\n,()]{1,30})?[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?=\n|\Z)")
_RESPECTIVELY = re.compile(r"\b(?:respectively|respectivement)\b", re.IGNORECASE)
# a firm described, not named, opening the sentence: "A Singapore start-up building ...", "Une jeune pousse"
_INDEFINITE_FIRM = re.compile(rf"[\W_]*(?:an?|une?)\s+(?:[\w-]+\s+){{0,3}}(?:{_FIRM_NOUNS})\b", re.IGNORECASE)
# the firm a description pointed at, named: "The company is Vardar Vision", "La société s'appelle X"
_FIRM_IS = re.compile(
    rf"\b(?:the|la|le|l['’])\s*(?:{_FIRM_NOUNS})\s+(?:is|est|is called|is named|s['’]appelle|se nomme)\s+",
    re.IGNORECASE,
)
# a subsidiary named by its parent: "la filiale cloud d'Iliad", "the cloud unit of X"
_SUBSIDIARY_OF = re.compile(
    r"\b(?:filiale|subsidiary|unit|division|arm)\s+(?:[\w-]+\s+)?(?:de\s+|d['’]|of\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
# a relative clause on the name before: "A, which is backed by X", "A, qui est détenu par X"
_BACKER_OF_NAME = re.compile(
    r",\s*(?:which|who|that|qui)\s+(?:is|are|was|est|sont)\s+(?:[a-zà-ÿ]+\s+)?(?:backed|owned|controlled|"
    r"funded|soutenue?s?|détenue?s?|contrôlée?s?|financée?s?)\s+(?:by|par)\s+(?:the\s+|le\s+|la\s+|l['’])?$",
    re.IGNORECASE,
)
# an apposition telling how a firm named before the comma relates to another: its parent, manager or
# backer ("CDG Invest, filiale de la Caisse de dépôt", "PFR Ventures, part of the state-owned Polish
# Development Fund", "MGX, the investment company backed by Mubadala and G42", "X Fund II, géré par Y")
_RELATION_APPOSITION = re.compile(
    r"^[)\s]*,\s*(?:"
    # a relation noun: "filiale de", "part of", "the venture arm of"
    r"[^,;:]*?\b(?:filiales?|subsidiary|part|unit|division|arm|bras|véhicule|vehicle|member|membre|spin-?off|"
    r"émanation)\s+(?:[\w-]+\s+){0,2}?(?:of|de|du|des|d['’])"
    # a participle after a noun, never right after the comma ("X, backed by Y" may tell of the round):
    # "the investment company backed by", "véhicule d'amorçage soutenu par", "which is managed by"
    r"|(?:(?:the|a|an|le|la|les|un|une|son|sa|ses|its|their|leur)\s+|l['’]"
    r"|(?:which|who|that|qui)\s+(?:is|are|was|were|est|sont|était)\s+"
    r"|(?![\w-]*(?:é|ée|és|ées|ed|u|ue|us|ues)\b)[a-zà-ÿ][\w-]*\s+)"
    r"[^,;:]*?\b(?:backed|owned|managed|run|operated|sponsored|controlled|soutenue?s?|détenue?s?|gérée?s?|"
    r"contrôlée?s?|pilotée?s?|adossée?s?)\s+(?:by|par|à)"
    # "qui gère", "which manages"
    r"|(?:qui|which|that)\s+(?:gère|manages|détient|owns|contrôle|controls)"
    r")\b[^,;:]*$",
    re.IGNORECASE,
)
# "the Temasek-backed network", "a Sequoia-backed start-up": a backer qualifying another firm
_BACKED_COMPOUND = re.compile(r"-(?:backed|owned|funded|led|soutenue?s?|financée?s?)\b", re.IGNORECASE)
# a seat's place, up to the name: "basé aux Berges du ", "headquartered in the Docklands of "
_SEATED_IN = re.compile(
    r"\b(?:basée?s?|based|installée?s?|située?s?|implantée?s?|headquartered|founded|fondée?s?|créée?s?)"
    r"\s+(?:à|au|aux|en|dans|in|at)\s"
    r"[^,.;:()]{0,25}$",
    re.IGNORECASE,
)
# "Y's venture arm": a possessor qualifying a common noun
_POSSESSOR_OF_NOUN = re.compile(r"['’]s\s+[a-z]")
_SUBORDINATE = re.compile(
    r"\b(?:que|qu['’]|that|said|says|a indiqué|a annoncé|a confirmé|a déclaré|announced|confirmed|"
    r"as|while|whereas|alors que|tandis que|tandis qu['’])\s+"
)

# from a name to its verb across an apposition: ", a two-year-old lab that trains models, has "
_APPOSITION_TO_CUE = re.compile(
    r"\s*,\s*(?:a|an|the|un|une|le|la|l['’])\s*[^;()]*?,\s*(?:(?:has|have|had|a|ont|will|is|est)\s+)?",
    re.IGNORECASE,
)
# who speaks after a quote: "», explique X", "," said X"
_SPEAKER = re.compile(
    r"[»\"”]\s*,?\s*(?:a\s+|ont\s+)?(?:said|says|told|explained|added|explique|expliquent|expliqué|"
    r"déclare|déclaré|indique|indiqué|souligne|souligné|précise|précisé|ajoute|ajouté)\s+"
    r"(?:(?:le|la|les|l['’]|the)\s+(?:[\w-]+\s+){0,2})?",
    re.IGNORECASE,
)

# a transcript's speaker label opening a line: "OTIENO:", "ACHIENG OTIENO:", "KAMAU MWANGI (host):",
# after a timestamp: "[00:01:05] AMARAL:"
_SPEAKER_LABEL = re.compile(
    r"[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?"
    r"([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3})[ \t]*"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?:"
)
# an apposition that presents a body as an investor: ", the Estonian state's venture capital arm",
# ", le fonds d'investissement de la Région"
_INVESTING_APPOSITION = re.compile(
    r"\s*,\s+(?:(?:the|a|an|le|la|son|its)\s+|l['’])(?:[\w'’-]+\s+){0,3}?"
    r"(?:venture|investment|capital|fund|fonds|investissement|bras financier|sovereign)\b",
    re.IGNORECASE,
)
# a name in apposition to an investing arm: "Le bras financier de la Région, X, apporte"
_ARM_NAMED = re.compile(rf"\b{_ARM_WORDS}\b[^,;.]{{0,40}},\s*$", re.IGNORECASE)
# a site named by a place with its article: "son site de l'Essonne", "le campus du Var" (not "le campus
# de Tarnwell", a firm's)
_SITE_OF_THE = re.compile(
    r"\b(?:site|campus|centre|center|usine|locaux|bureaux)\s+(?:de\s+la|de\s+l['’]|du|des)\s*$", re.IGNORECASE
)
# a first-person subject: the firm speaks of itself in a post or a quote
# ("nous" may be an object, "we" never is: "When we raised", "In total we've raised")
_FIRST_PERSON = re.compile(r"(?:^|[«“\"(,;:!]\s*|\b(?:et|and)\s+)(?:we|nous)\b|\bwe\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\b(?:to|pour|afin d['’]|afin de|de|d['’])\s*$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|il|elle|ils|elles|qu['’]il|qu['’]elle)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)
# an owner's noun in apposition to a name: "Nvidia's venture arm, NVentures,", "Le fonds de la
# famille Mulliez, Creadev,"
_OWNER_OF_NOUN = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s")
_NOUN_OF_OWNER = re.compile(
    r"\s*(?:le|la|les|l['’])\s*(?:[a-zà-ÿ][\w-]*\s+){1,3}(?:de|du|des|d['’])\s*(?:la\s+famille\s+|l['’])?",
    re.IGNORECASE,
)
# "au", "aux", "à", "at": a place follows ("in" names firms too: "a stake in X")
_AT_PLACE_BEFORE = re.compile(r"\b(?:au|aux|à|at)\s+(?:la\s+|l['’]|the\s+)?$", re.IGNORECASE)
# a chip count given as the order's total
_TOTAL_BEFORE = re.compile(
    r"\b(?:a\s+total\s+of|totall?ing|in\s+all|soit(?:\s+au\s+total)?|au\s+total|un\s+total\s+de|"
    r"the\s+total\s+to|le\s+total\s+à)\s+$",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(r"\s+(?:in\s+total|au\s+total|en\s+tout)\b", re.IGNORECASE)
# a relative pronoun right before a cue: "Kelpmind, which gets", "X, qui lève"; the name before it
# acts unless it sits in a complement ("le bras financier de la Région, qui apporte")
_RELATIVE_BEFORE_CUE = re.compile(r",\s+(?:which|who|qui)\s+(?:(?:also|has|have|will|a|va|vient de)\s+)?$")
# "avaient permis à Mistral de réunir", "allowed Kelpmind to raise": the one the verb lets act acts
_ENABLED_BEFORE_CUE = re.compile(
    r"\b(?:(?:permis|permet|permettent|permettra|permettait|permettaient|permettre)\s+(?:à|a)"
    r"|(?:allowed|allows|allow|enabled|enables|enable|helped|helps|help))\s+$"
)
_ENABLED_GAP = re.compile(r"\s+(?:de\s+|d['’]|to\s+)$")
# a verb of a deal denied: "is not raising", "has never received", "n'a pas levé", "ne touchera pas"
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|jamais|pas)\s+(?:(?:yet|currently|actually|encore|actuellement)\s+)?$", re.IGNORECASE
)
_COMPLEMENT_BEFORE = re.compile(r"\b(?:de|du|des|d['’]|of|la|le|les|l['’])\s*$", re.IGNORECASE)
# the prepositions of a place: the name after them is where, not who acts
_WHERE_BEFORE = re.compile(
    r"\b(?:à|au|aux|dans|en|in|at|near|près de)\s+(?:la\s+|le\s+|l['’]|the\s+)?$", re.IGNORECASE
)
# an institution named by its kind opening a sentence: "L'université a acquis", "The institute will"
_INSTITUTION_ANAPHOR = re.compile(
    r"[\W_]*(?:the|this|l['’]|le|la|cette|ce)\s*(?P<noun>université|university|institut|institute|"
    r"laboratoire|laboratory|centre|center|école|school|hôpital|hospital)\b",
    re.IGNORECASE,
)
# what may stand before a sentence's subject: markup, "The", "La société"
_SUBJECT_OPENING = re.compile(r"[\W_]*(?:(?:the|la|le|les|l['’])\s*)?", re.IGNORECASE)
# the subject's verb or its apposition right after the name: "X is", "X, which", "X has"
_VERB_AFTER_SUBJECT = re.compile(
    r"[*_]*\s*(?:,|(?:is|was|has|had|have|will|would|can|est|a|avait|va|sera|doit|were|are|"
    r"[a-zà-ÿ]+(?:s|ed|e|ent|it|ait))\b)"
)
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|être|été|sera|seront)\s+$", re.IGNORECASE)
# "<place> start-up <Name>", "<X> chipmaker <Name>": a name used as a modifier of the next one
_MODIFIER_BEFORE_NAME = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}(?:start-?ups?|firm|company|group|operator|unicorn|lab|giant|developer|"
    r"maker|chipmaker|provider|outfit)\s+(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Z])"
)
# between an amount and the noun that says what it is: "$3 million grant", "¥90 billion in subsidies"
# one or two modifiers between an amount and its noun: "a €2m research grant", "$3m state subsidy"
# ... or a pair of them: "a £4.1 million research and development grant"
_MODIFIER_GAP = re.compile(
    r"\s+(?:(?!(?:to|for|from|in|into|with|and|or|as|of|by|on|at|the|a|an|its|their|this|that)\b)"
    r"[a-z][a-z-]*\s+){1,2}"
    r"|\s+(?!(?:to|for|from|in|into|with|as|of|by|on|at|the|a|an|its|their|this|that)\b)[a-z][a-z-]*\s+"
    r"(?:and|&)\s+[a-z][a-z-]*\s+"
)
_BRACKETED_GAP = re.compile(r"\s*\([^()\n]{1,40}\)\s*")
_NOUN_AFTER = re.compile(r"\s*(?:(?:in|en|of|as|de|d['’]|des|sous forme de)\s*)?", re.IGNORECASE)
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
# a money noun's many receivers: "funding to Mena start-ups", "les investissements dans les start-up"
_TO_MANY = re.compile(
    r"\s+(?:to|for|in|into|pour|dans|vers|aux)\s+(?:the\s+|les\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:start-?ups|scale-?ups|companies|firms|entreprises|jeunes\s+pousses|sociétés|start-?up\s+\w+(?:es|s))\b",
    re.IGNORECASE,
)
# a list of names going on after a name: "A, B et C", "A, B and C"
_LIST_GOES_ON = re.compile(r"\s*(?:,|\bet\b|\band\b|&)\s*[A-ZÀ-ÖØ-Þ]")
# a possessive right before an amount: "Kalmar Robotics' $26 million", "Orvala's €8m"
_OWNS_AMOUNT = re.compile(r"['’]s?\s+")
_FIRM_OWNS_AMOUNT = re.compile(
    r"\b(?:the|this)\s+(?:[\w-]+\s+)?(?:start-?up|company|firm|group|lab)['’]s\s+$", re.IGNORECASE
)
# a sentence about a public scheme named by its kind: "Le dispositif, doté de ...", "The scheme ..."
_SCHEME_SUBJECT = re.compile(
    r"\s*(?:(?:le|ce|cette|la|the|this)\s+|l['’]\s*)(?:dispositif|programme|program|scheme|appel à projets|"
    r"call for projects|stratégie|strategy|plan|feuille de route|roadmap)\b",
    re.IGNORECASE,
)
_FIRM_NOUN = re.compile(
    rf"(?<![\w'’])(?:the|la|le|l['’]|cette|this)\s*(?:[\w-]+-based\s+|[\w-]+\s+(?=(?:{_FIRM_NOUNS})\b))?"
    rf"(?:{_FIRM_NOUNS})\b",
    re.IGNORECASE,
)


# a sentence opening with a firm noun and its qualifiers only, no article: "Azores AI start-up raises"
_BARE_FIRM_NOUN_SUBJECT = re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}(?:{_FIRM_NOUNS})\s+", re.IGNORECASE)


class Roles:
    """Role assignment shared by every fact type: `build` (a cue in its clause into candidates), the actor
    of a cue (`subject`), financiers, the firm an article or an anaphor is about."""

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
        if self.programme(e):
            return False  # "dans le cadre de l'initiative Choose Africa": the frame, not a backer
        after = self.text[e.end : e.end + 60]
        vehicle = _THROUGH_VEHICLE.match(after)
        if vehicle and (self.is_person(e) or vehicle.group(1) in ("his", "her")):
            return False  # "Bernard X, through his family office Y": Y invests (a firm's fund does not)
        if re.match(rf"\s+(?:{_filter_alt('title')})(?:-[\w]+)*\s+[A-ZÀ-ÖØ-Þ]", after, re.IGNORECASE):
            return False  # "Iliad founder Xavier Niel", "X cofounder-turned-angel Y": the person's firm
        if (
            role == "investor"
            and self.is_public(e)
            and not _FUND_WORDS.search(e.name)
            # "SmartCap, the Estonian state's venture capital arm": a state's investing arm invests
            and not _INVESTING_APPOSITION.match(self.text, e.end)
            # "with participation from Enterprise Ireland": a development agency takes equity too
            and not self.agency_of_place(e.name)
        ):
            return False
        if role == "investor" and (
            _LOCATIVE.search(self.text, max(s.start, e.start - 12), e.start)
            or _SEATED_IN.search(self.text, max(s.start, e.start - 40), e.start)
        ):
            # "une société installée à Sfax", "a lab in Tromsø", "un fonds basé aux Berges du Lac": where,
            # not who pays
            return False
        if e.name in self.ex.countries.table:
            return False
        left = self.text[max(s.start, e.start - 40) : e.start]
        opened = self.text[s.start : e.start]
        if opened.count("(") > opened.count(")") or _AFFILIATION.search(left):
            return False  # "(NSIA)", "le groupe X (Lidl, Kaufland)": inside brackets, a part or an acronym
        if _OWN_VEHICLE.search(left):
            return False  # "piloté par son fonds X": a vehicle of the investor named before
        if _BACKER_OF_NAME.search(left):
            return False  # "A, which is backed by Temasek, led the round": A's own backer
        if any(  # "du ministère de l'Économie": the name of a body
            re.fullmatch(r"\s*(?:de|du|des|of|for|pour)?\s*(?:la\s+|l['’]|d['’]|the\s+)?", left[h.end() :])
            for h in _public_words().finditer(left)
        ):
            return False
        prev = [x for x in self.ents(j) if x.end <= e.start]
        if _BACKED_COMPOUND.match(self.text, e.end):
            return False  # "the Temasek-backed Vertex network": the backer of another firm
        if any(_RELATION_APPOSITION.match(self.text[x.end : e.start]) for x in prev):
            return False  # "CDG Invest, filiale de la Caisse de dépôt": the parent describes the investor
        gap = self.text[prev[-1].end : e.start] if prev else ""
        if prev and re.fullmatch(r"\s*,\s*", gap) and _POSSESSOR_OF_NOUN.match(self.text, e.end):
            return False  # "NVentures, Nvidia's venture arm,": the arm invests, its owner describes it
        if self.is_person(e) and any(
            _APPOSED_DESCRIPTION.fullmatch(self.text, x.end, e.start)
            and not re.search(r"\b(?:and|et)\s", self.text[x.end : e.start])  # "A, the X network B and Y"
            for x in prev
        ):
            return False  # "Prima Materia, the investment firm of Spotify co-founder Daniel Ek"
        return not (prev and _APPOSED_DESCRIPTION.fullmatch(gap))

    def build(self, i, s, fact_type, role, cue, cs, ce, facts_money, flags) -> list[Candidate]:
        lo, hi = self.clause(s, cs, ce, fact_type)
        if len(self.cue_starts) <= FEW_CUES:
            mine = {(a, b) for a, b, ft in self.cue_starts if ft == fact_type}
            others = [
                (a, b)
                for a, b, ft in self.cue_starts
                if ft != fact_type and ft != "chip_purchase" and (a, b) not in mine
                # "a $7.8 billion funding award": a cue word right before ours only qualifies it
                and not (b == cs - 1 and self.text[b] == " ")
            ]
        else:  # the same, looked up in the sentence's index
            mine, others, other_ends = self.cue_pairs(fact_type)
            if cs - 1 in other_ends and self.text[cs - 1] == " ":
                others = [(a, b) for a, b in others if not (b == cs - 1 and self.text[b] == " ")]
        own_money = [
            m
            for m in facts_money
            if lo <= m.start
            and m.end <= hi
            # "a €1 billion investment": an amount touching another kind of cue is that cue's; the
            # noun after it wins over the verb before it ("received a $3 million grant")
            and not any(
                (0 <= a - m.end <= 2 and "," not in self.text[m.end : a])
                or _MODIFIER_GAP.fullmatch(self.text, m.end, a)
                # "a SR15 million (about $4 million) grant": its restatement in brackets between
                or _BRACKETED_GAP.fullmatch(self.text, m.end, a)
                for a, b in others
            )
            and not (
                any(0 <= m.start - b <= 4 for a, b in others)
                and not any(
                    a >= m.end
                    and (
                        _NOUN_AFTER.fullmatch(self.text, m.end, a)
                        or _MODIFIER_GAP.fullmatch(self.text, m.end, a)
                        or _BRACKETED_GAP.fullmatch(self.text, m.end, a)
                    )
                    for a, b in mine
                )
            )
        ]
        # "X, which led Y's seed round last year, has now doubled down with €10m": a cue inside a relative
        # clause tells of that clause's money only
        aside = next(((a, b) for a, b in self.relative_asides(s) if a <= cs < b), None)
        if aside is not None:
            own_money = [m for m in own_money if aside[0] <= m.start and m.end <= aside[1]]
        amounts = self.pick_amounts(own_money, cs, ce)
        # where the deal's own words end: after the cue, or after its amount when that follows
        self._deal_ends = [ce] + [a.end for a in amounts if a.start >= ce and a.start - ce <= 60]
        if _RESPECTIVELY.search(s.text):
            # "invested $8m and $6m respectively in X": the deal's words run over every amount
            self._deal_ends += [m.end for m in own_money if m.start >= ce and m.start - ce <= 80]
        base = dict(document_id=self.doc.document_id, fact_type=fact_type, cue=cue, cue_start=cs, sentence=s)

        def reject(stage: str, rule_id: str) -> list:
            return self.reject(s, fact_type, cs, ce, stage, rule_id, f"cue {cue!r}")

        passed: list[str] = []  # the filters of this cue's path that kept it
        if fact_type != "chip_purchase" and _NEGATED_BEFORE.search(self.text, max(lo, cs - 30), cs):
            # '"is not raising $200 million, or any amount," its spokesperson said', "n'a pas levé": no deal
            return reject("filters", "negated")
        if fact_type == "chip_purchase":
            quantities = self._quantities(lo, hi)
            quantities = [
                q
                for q in quantities
                if not any(m.start < q.end and q.start < m.end for m in self.money_in(s))
            ]
            model = model_regex().search(self.text, lo, hi)
            qty = min(quantities, key=lambda q: abs(q.start - ce)) if quantities else None
            # "32 DGX B200 systems, for a total of 256 GPUs", "soit 256 GPU au total": the total counts
            total = [
                q
                for q in quantities
                if _TOTAL_BEFORE.search(self.text, max(lo, q.start - 25), q.start)
                or _TOTAL_AFTER.match(self.text, q.end)
            ]
            if total:
                qty = total[0]
            bare, antecedent = self.bare_count(i, s, lo, cs, ce)
            if role == "destination":
                # "50,000 will go to the government": the count is the subject, the buyer follows
                bare, antecedent = self.count_before(i, s, lo, cs), None
                if bare is None:
                    return reject("roles", "chip.no_count_before")
            if bare is not None:
                qty = bare
                if model is None and bare.model:
                    model = model_regex().search(bare.model)
            # "awarded a contract to HPE to supply a new AI partition. The system will use 1,536 GPUs":
            # the machine's chips are counted in the next sentence
            counted_next = qty is None and bool(self.machine_counts_next(i))
            has_chip = (
                qty is not None
                or model is not None
                or re.search(_CHIP_WORDS, self.text[lo:hi])
                or counted_next
            )
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
                    return reject("roles", "chip.count_not_object")
                role = "buyer_weak"
            if role == "buyer_weak" and qty is None and not counted_next:
                # "utilise des GPU", "accueillera des puces": a purchase only with a count
                return reject("filters", "chip.weak_cue_without_count")
            if (
                role == "buyer_weak"
                and not re.search(r"\s(?:with|by|avec|de|sur|on)$", cue)
                and _PASSIVE_AUX.search(self.text[max(lo, cs - 12) : cs]) is not None
            ):
                # "to be installed in 2026": a passive says when, not who buys
                return reject("filters", "chip.passive_when")
            if not has_chip:
                return reject("filters", "chip.no_chips")
            if qty and qty.start > ce and _FOLLOWS.search(self.text, ce, qty.start):
                # "The new purchase follows the 10,000 GPUs the government bought last year": the count
                # is the earlier purchase's, told by its own verb
                return reject("filters", "chip.earlier_purchase")
            if re.match(r"\s*(?:\w+\s+){0,2}\d+(?:[.,]\d+)?\s?%", self.text[ce : ce + 30]):
                # "acquis 10 % d'Anthropic" is a stake, not chips
                return reject("filters", "chip.stake_percent")
            if why := self.not_a_purchase(lo, hi, cs, ce, counted=qty is not None or counted_next):
                return reject("filters", why)
            near = self.text[max(lo, cs - 40) : cs]
            # a target, or a machine described as it already stands ("aims to have 5,000 GPUs", the
            # count a target wherever the cue stands)
            if _AIM.search(near) or (qty and _AIM.search(self.text, max(s.start, qty.start - 40), qty.start)):
                return reject("filters", "not_a_purchase.aim")
            if _CONDITIONAL.search(near) and not _speech_verb().search(self.text, s.start, cs):
                # "$1.2 billion would buy 30,000 chips": what money could buy, not reported speech
                return reject("filters", "not_a_purchase.conditional")
            if role == "buyer_weak" and _EXISTING.search(self.text[lo:cs]):
                return reject("filters", "not_a_purchase.existing_cluster")
            if _PASSIVE_BE.search(self.text[max(lo, cs - 12) : cs]) and _UNNAMED_AGENT.match(
                self.text, ce, min(hi, ce + 60)
            ):
                # bought by unnamed buyers: the article's subject is not the buyer
                return reject("filters", "chip.unnamed_buyers")
            if role == "buyer_weak":
                passed += ["chip.weak_cue_without_count", "chip.passive_when"]
            passed += ["chip.no_chips", "chip.stake_percent", "not_a_purchase", "chip.unnamed_buyers"]
            if role == "destination":
                cands = self.destination_roles(i, s, ce, base)
            else:
                cands = self.chip_roles(i, s, role, cs, ce, base)
            if not cands:
                return reject("roles", "no_party")
            for c in cands:
                self.trace_built(c)
            for c in cands:
                if qty:
                    c.quantity = qty.quantity
                # (a model elsewhere in the clause names another count's chips when there are several)
                c.chip_model = (
                    qty.model if qty and qty.model
                    else model.group(0) if model and (qty is None or len(quantities) <= 1)
                    else None
                )
                if qty and qty.start > ce:
                    c.flags.append("count_after_cue")
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
            if cands and _RESPECTIVELY.search(s.text):
                split = self.respectively(i, s, cs, ce, hi, cands)
                self._trace_new(split, cands, "respectively")
                cands = split
        elif fact_type != "chip_purchase" and self.chip_object(ce):
            # "an allocation of 1,760 GPUs for NT$5.2 billion" is a chip purchase
            return reject("filters", "chip_object_of_cue")
        elif fact_type == "investment":
            if _TO_MANY.match(self.text, ce):
                # "Funding to Mena start-ups reached $2.3 billion": a market's total, no deal
                return reject("filters", "market_total")
            if not amounts and role == "investor":
                # "X prend une participation dans Y. L'opération porte sur 750 millions": the amount
                # the next sentence gives the deal
                amounts = self.next_sentence_amounts(i)
            if not amounts:
                return reject("roles", "no_amount")
            if role == "investor" and re.match(r"\s+(?:en|à|au|aux)\s+[a-zà-ÿ]", self.text[ce : ce + 12]):
                # "la mise en service", "s'engage à livrer": the cue word used as a noun
                return reject("filters", "cue_used_as_noun")
            cands = self.investment_roles(i, s, role, cs, ce, base)
            cands = [self.possessed_round(i, c, amounts[0].start) for c in cands]
            if _SCHEME_SUBJECT.match(self.text, s.start, cs) and all(
                p.rule == "previous_sentence" for c in cands for p in c.parties
            ):
                # "Le dispositif, doté de 150 M€, ...": a programme's budget, not the firm named before
                return reject("filters", "programme_budget")
            cands = self._money_roles(i, s, cands, amounts)
            # "Orbis Capital invested €3m in A and €2m in B": one round each
            split = [
                x
                for c in cands
                for x in (
                    self.split_pairs(i, s, c, own_money, "investee")
                    if c.fact_type == "investment" and "target" in c.flags
                    else [c]
                )
            ]
            self._trace_new(split, cands, "split_pairs")
            cands = split
        else:
            if not amounts:
                return reject("roles", "no_amount")
            cands = self.subsidy_roles(i, s, cs, ce, base, strong=(role == "grantor"))
            cands = self._money_roles(i, s, cands, amounts)
            split = [x for c in cands for x in self.split_pairs(i, s, c, own_money)]
            self._trace_new(split, cands, "split_pairs")
            cands = split
        if fact_type != "chip_purchase" and len(cands) == 1 and _RESPECTIVELY.search(s.text):
            split = self.money_respectively(i, s, cands)
            self._trace_new(split, cands, "respectively")
            cands = split
        if not cands:
            return reject("roles", "no_party") if not self._rejected_here(cs) else []
        for c in cands:
            if c.fact_type == "subsidy":
                self.listed_recipients(i, c, cs)
            self.finish(c, i, s, flags)
            if passed:
                self.trace_kept(c, [("filters", f) for f in passed])
        return cands

    def listed_recipients(self, i: int, c: Candidate, cs: int) -> None:
        """ "A, B and C have won a grant", "Les lauréats, A et B, recevront": a recipient that is the
        subject brings the names listed with it."""
        subject = [p for p in c.parties if p.role == "recipient" and p.rule == "subject"]
        if len(subject) != 1:
            return
        first = next((e for e in self.ents(i) if e.start == subject[0].start), None)
        if first is None:
            return
        named = {p.name for p in c.parties}
        c.parties += [
            Party("recipient", e.name, e.start, e.end, "subject")
            for e in self.listed_with(i, first, cs)
            if e.name not in named and not self.is_public(e)
        ]

    def possessed_round(self, i: int, c: Candidate, at: int) -> Candidate:
        """ "Orbis Capital is leading Kalmar Robotics' $26 million Series A": the round belongs to the
        name that owns the amount; the subject that leads it invests."""
        owner = next(
            (e for e in self.ents(i) if e.end <= at and _OWNS_AMOUNT.fullmatch(self.text, e.end, at)), None
        )
        investee = next((p for p in c.parties if p.role == "investee"), None)
        if (owner is None and _FIRM_OWNS_AMOUNT.search(self.text, max(0, at - 40), at)
                and investee is not None and investee.rule != "previous_sentence"):
            # "A and B, which led the startup's $14 million Series A": the firm pointed back to (an
            # investee already found before the sentence is the firm pointed back to)
            owner = self.pointed_firm(i)
        if owner is None or investee is None or investee.name == owner.name or self.is_public(owner):
            return c
        if "target" in c.flags and investee.start > at:
            return c  # "Orbis Capital's €8 million investment in Lirra Labs": the owner invests in the target
        c.parties = [p for p in c.parties if p.role != "investee" and p.name != owner.name]
        if not any(p.name == investee.name for p in c.parties):
            c.parties.append(Party("investor", investee.name, investee.start, investee.end, investee.rule))
        c.parties.append(Party("investee", owner.name, owner.start, owner.end, "possessor"))
        return c

    def _money_roles(self, i, s, cands: list[Candidate], amounts) -> list[Candidate]:
        """The candidates an investment or subsidy cue built: a public source retypes one, a
        programme's size is none; each gets the cue's amounts."""
        if not cands:
            return cands
        for c in cands:
            self.trace_built(c)
        sourced = [self.public_source(i, s, c, amounts) for c in cands]
        for c, new in zip(cands, sourced, strict=True):
            if new is not c or new.fact_type != c.fact_type:
                outcome = "retyped" if new.fact_type != c.fact_type else "changed"
                self.trace(new, "roles", "public_source", outcome, new.rule)
        out = []
        for c in sourced:
            if self.programme_spends(c):
                self.trace(c, "filters", "programme_size", "rejected")
            else:
                self.trace(c, "filters", "programme_size", "kept")
                out.append(c)
        for c in out:
            c.amounts = amounts
        return out

    def _trace_new(self, after: list[Candidate], before: list[Candidate], how: str) -> None:
        """Candidates a split made out of the built ones (one per buyer or per amount)."""
        known = {id(c) for c in before}
        for c in after:
            if id(c) not in known:
                self.trace_built(c, "roles", how)

    def _rejected_here(self, cs: int) -> bool:
        """A rejection of the built candidates of the cue at cs was just recorded."""
        return bool(self.steps) and self.steps[-1].outcome == "rejected" and self.steps[-1].start == cs

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
        # "..., and Kelpmind, which gets €1.5 million": a relative clause's verb has the name before it
        relative = _RELATIVE_BEFORE_CUE.search(self.text, max(s.start, cs - 14), cs)
        if relative is not None:
            antecedent = next((e for e in self.ents(i) if e.end == relative.start()), None)
            if (
                antecedent is not None
                and not self.is_person(antecedent)
                # "X, le bras financier de la Région, qui apporte": the apposition's head acts, not a
                # name inside its complement
                and not _COMPLEMENT_BEFORE.search(
                    self.text, max(s.start, antecedent.start - 8), antecedent.start
                )
            ):
                return antecedent, "subject"
        enabled = next(
            (
                e
                for e in self.ents(i)
                if e.end < cs
                and _ENABLED_GAP.fullmatch(self.text, e.end, cs)
                and _ENABLED_BEFORE_CUE.search(self.text, max(s.start, e.start - 20), e.start)
            ),
            None,
        )
        if enabled is not None:
            return enabled, "subject"
        # "X orders ..., secures ...": verbs coordinated after a comma share the first subject
        coordinated = re.search(
            r"(?:,|\bet|\band)\s+(?:[a-zà-ÿ]+\s+)?$", self.text[max(s.start, cs - 20) : cs]
        )
        if not coordinated and len(self.cue_starts) <= FEW_CUES:
            for a, b, _ft in self.cue_starts:
                if b <= cs:
                    lo = max(lo, b) if a != cs else lo
        elif not coordinated:
            ends = self.cue_bounds(None)[0]  # the last cue ending before ours (bisected)
            k = bisect_right(ends, cs)
            if k:
                lo = max(lo, ends[k - 1])
        if _PRONOUN_SUBJECT.search(self.text[lo:cs]) or _INFINITIVE.search(
            self.text[max(s.start, cs - 12) : cs]
        ):
            lo = s.start  # "X raised ..., and that it will purchase ...": "it" is X
        colon = max(self.text.rfind(" : ", s.start, cs), self.text.rfind(": ", s.start, cs) - 1)
        if colon >= 0:
            lo = max(lo, colon + 3)
        dash = max(self.text.rfind(" — ", s.start, cs), self.text.rfind(" – ", s.start, cs))
        if (
            dash >= 0
            # a title: no final stop, no list item's bullet or number
            and not re.search(r"[.!?]\W*$", s.text)
            and not _ITEM_MARK.match(self.text, self.text.rfind("\n", 0, s.start) + 1)
            # ... nor a round-up item's head: "Athena Tensor (Athens) — USD 4 million seed from X"
            and not any(
                e.start == s.start and _HEAD_DASH.fullmatch(self.text, e.end, dash + 3) for e in self.ents(i)
            )
            and any(dash < e.start and e.end <= cs for e in self.ents(i))
        ):
            # "The quiet engineer who wants the Baltics to own their AI — Gintaras Labs raises €30m": a
            # title's clause after the dash acts (not "X — a Paris start-up — raised": no name after it)
            lo = max(lo, dash + 3)
        item = self.item_head(i, s)
        after_dash = item[1] if item is not None else cs + 1
        if after_dash <= cs and any(after_dash <= e.start and e.end <= cs for e in self.ents(i)):
            lo = max(lo, after_dash)  # "• X (Oslo) — Tarnow Capital led ...": the clause after the dash acts
        # a subordinate clause has its own subject: "... prévoyant que le fonds X investira"
        sub = list(re.finditer(_SUBORDINATE, self.text[lo:cs]))
        head = next((e for e in self.ents(i) if e.start >= lo), None)
        if (
            sub
            and any(e.start >= lo + sub[-1].end() and e.end <= cs for e in self.ents(i))
            # ... not inside an apposition: "X, a lab that trains models on Y data, has raised"
            and not (head is not None and _APPOSITION_TO_CUE.fullmatch(self.text, head.end, cs))
            # ... nor the relative clause of an indefinite subject: "An Edinburgh company that builds
            # models for Gaelic has secured" (its firm is named elsewhere)
            and not (
                (described := _INDEFINITE_FIRM.match(self.text, lo, cs)) is not None
                and re.fullmatch(r"\s+that\s+", self.text[described.end() : lo + sub[0].end()])
            )
        ):
            lo += sub[-1].end()

        # "AMARAL: Yes, we closed ...": a transcript's speaker label names who speaks, no actor
        label = _SPEAKER_LABEL.match(self.text, self.text.rfind("\n", 0, s.start) + 1)
        label_end = label.end() if label is not None and label.end() > s.start else s.start

        # "La jeune pousse de N'Djamena, qui analyse les pâturages du Sahel, lève": a relative clause
        # before the verb tells of its subject; its names do not act
        asides = [(a, b) for a, b in self.relative_asides(s) if b <= cs + 1]

        def ok(e: Entity) -> bool:
            if s.start <= e.start < label_end:
                return False
            if any(a < e.start and e.end < b for a, b in asides):
                return False
            if self.is_origin(e):
                return False
            if _ARM_OF.search(self.text, max(s.start, e.start - 40), e.start):
                return False  # "Le bras financier de la Région, X, apporte": X acts, not the region
            if avoid_vendors and self.is_vendor(e):
                return False
            if self.is_vendor(e, in_context=True):
                return False  # "10,000 AMD GPUs": the chips' maker, not the actor
            if self.is_person(e) and (not allow_persons or speaker(self.text, e.start, e.end)):
                return False
            if e.source == "pattern" and self.site_place(e.name):
                return False  # "sur son site de l'Essonne, la start-up ...": a place, not who acts
            return True

        anaphor = False
        opening = _ANAPHOR.match(self.text, lo + len(self.text[lo:cs]) - len(self.text[lo:cs].lstrip()))
        if opening is not None and _ADJECTIVES_COMMA.match(self.text[opening.end() : cs]):
            # "La pépite grenobloise, lauréate de l'appel à projets X, a acquis ...": the names of
            # the apposition are not the subject; the anaphor points back
            anaphor = True
        opening = s.start  # where the sentence's own subject may stand: past a fronted phrase
        if _fronted().match(self.text, s.start) or (
            # "Through the X Fund, A will receive": where the money comes from, never who receives it
            _CHANNEL_OPENING.match(self.text, s.start) and _RECEIVE.fullmatch(self.text[cs : ce or cs])
        ):
            # "Fondée en 2022 par A et B, la jeune pousse X lève": the subject stands after the
            # opening phrase; "..., la jeune pousse a levé" points back to an earlier sentence
            for m in reversed(list(re.finditer(r",\s*", self.text[s.start : cs]))):
                seg = s.start + m.end()
                if any(seg <= e.start and e.end <= cs and ok(e) for e in self.ents(i)):
                    lo, opening = max(lo, seg), seg
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
        # (past a wire's dateline: "PONTA DELGADA, Portugal, Feb 10 (Reuters) - A Ponta Delgada-based ...")
        wire = _WIRE_DATELINE.match(self.text, lo, cs) if lo == s.start else None
        described = _INDEFINITE_FIRM.match(self.text, wire.end() if wire else lo, cs)
        if described and not any(
            ok(e) and described.end() <= e.start <= described.end() + 3 for e in self.ents(i)
        ):
            # "A Skopje-based startup ... has raised zł 6.5 million. ... The company is Vardar Vision": the
            # firm the next sentences name
            for j in range(i + 1, min(i + 3, len(self.sentences))):
                t = self.sentences[j]
                named = _FIRM_IS.search(self.text, t.start, t.end)
                firm = next((e for e in self.ents(j) if named and e.start == named.end() and ok(e)), None)
                if firm is not None:
                    return firm, "named_after"
            # "PONTA DELGADA (Reuters) - A Ponta Delgada-based company ... has raised 18 million euros.
            # Marégrafo AI, founded in 2022, said ...": a wire's next sentence opens on the firm's name
            nxt = self.lead(i + 1) if i + 1 < len(self.sentences) else None
            if (
                nxt is not None
                and nxt.start == self.sentences[i + 1].start
                and ok(nxt)
                and not (self.financier(nxt) or self.is_public(nxt) or self.is_person(nxt))
                and not self.is_vendor(nxt)
            ):
                return nxt, "named_after"
            # "A Singapore start-up building models for Bahasa Indonesia has raised": the firm the
            # headline or the lead named, not a name inside the description
            firm = self.main_firm(lambda e: ok(e) and not self.financier(e) and not self.is_vendor(e))
            if firm is not None:
                return firm, "previous_sentence"
        if not anaphor:
            found = self.first_actor(i, s, lo, cs, ok) or self.first_actor(i, s, opening, cs, ok)
        at = found.start if found is not None else s.start
        if found is not None and _SUBSIDIARY_OF.search(self.text, max(s.start, at - 40), at):
            # "La filiale cloud d'Iliad a commandé": the unit the article is about acts, not its parent
            unit = self.main_firm(lambda e: ok(e) and e.name != found.name and not self.financier(e))
            if unit is not None:
                return unit, "previous_sentence"
        if found is not None and (
            _OWNER_OF_NOUN.match(self.text, found.end)
            or _NOUN_OF_OWNER.fullmatch(self.text, s.start, found.start)
        ):
            # "Nvidia's venture arm, NVentures, invested", "Le fonds de la famille Mulliez, Creadev, a
            # investi": the name in apposition to the owner's noun acts
            comma = self.text.find(",", found.end, cs)
            named = next((e for e in self.ents(i) if comma >= 0 and e.start > comma and e.end < cs), None)
            if (
                named is not None
                and ok(named)
                and not self.text[comma + 1 : named.start].strip()
                and self.text[named.end : named.end + 1] == ","
            ):
                found = named
        if found is not None:
            return found, "subject"
        named = self.named_by_noun(i, s, cs, ok)
        if named is not None:
            return named, "previous_sentence"
        topic = self.bullet_topic(i, s)
        if topic is not None and ok(topic):
            return topic, "topic"
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
        # ... after a fronted date or place too: "In 2023 it agreed to buy", "En mars, elle a levé"
        pronoun = re.search(
            r"(?:^(?:(?:in|en|on|at|last|this|cette|ce|début|fin|mi-)\s+[\w-]+\s*,?\s+)?|[,;:]\s*|"
            r"\b(?:et|and|but|mais)\s+)(?:il|elle|it|they|ils|elles|she|he)\s",
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
            # "OTIENO: We closed our seed": the firm of the transcript's speaker
            firm = self.speaker_firm(label, ok) if label is not None else None
            if firm is not None:
                return firm, "speaker"
            # "We've raised ...", "Nous avons levé ...": a post by the firm its headline names, else by
            # the firm the article is about
            # (the headline, not a section label above it: "AFRIQUE TECH | ENTRETIEN")
            # (the first of the three that names someone: "AFRIQUE TECH MAGAZINE", "Entretien" name no one)
            t = next(
                (k for k, x in enumerate(self.sentences[:3]) if not self.is_noise(x) and self.ents(k)), 0
            )
            title = self.sentences[t] if self.sentences else None
            heads = list(self.ents(t)) if title is not None and title.start < s.start else []
            for k in range(len(heads) - 1):
                # "Hery Rakotomalala (Tsiky AI) : « ... »": an interview's headline names the speaker,
                # then the firm in brackets
                e, nxt = heads[k], heads[k + 1]
                bracketed = self.text[nxt.end : nxt.end + 1] == ")"
                if bracketed and re.fullmatch(r"\s*\(", self.text[e.end : nxt.start]):
                    heads[k] = nxt
            main = next(
                (
                    e
                    for e in heads
                    if ok(e) and not self.financier(e) and not self.is_vendor(e) and not self.is_public(e)
                ),
                None,
            ) or self.main_firm(lambda e: ok(e) and not self.is_vendor(e))  # not the chip maker it buys from
            return (main, "first_person") if main is not None else (None, "")
        # "En 2023, la société avait levé 30 M€ auprès de A": the subject is the firm pointed back to,
        # not the name after the cue
        noun_phrase = _FIRM_NOUN.search(self.text, lo, cs) is not None or (
            # "Azores AI start-up raises ...": a headline's firm noun with no article
            _BARE_FIRM_NOUN_SUBJECT.fullmatch(self.text, s.start, cs) is not None
        )
        if ce is not None and not pronoun and not anaphor and not noun_phrase:
            if len(self.cue_starts) <= FEW_CUES:
                hi = min([a for a, _b, _ft in self.cue_starts if a > ce] + [s.end])
            else:
                starts = self.cue_bounds(None)[1]  # the first cue starting after ours (bisected)
                k = bisect_right(starts, ce)
                hi = min(starts[k], s.end) if k < len(starts) else s.end
            skipped = None  # the last name passed over as an agent or source
            for e in self.ents(i):
                if (
                    ce <= e.start < hi
                    and ok(e)
                    and not self.periphrasis(e)
                    and not _LOCATIVE.search(self.text[max(s.start, e.start - 12) : e.start])
                ):
                    before = self.text[max(s.start, e.start - 30) : e.start]
                    if _MEANS_BEFORE.search(self.text, max(s.start, e.start - 40), e.start):
                        return e, "after_cue"  # "invested thanks to X": X's deal, though not its money
                    if re.search(
                        r"\b(?:par|by|from|auprès|de|of|à|to|particip\w*)\s+(?:\w+\s+){0,2}$"
                        r"|\b(?:auprès\s+)?d['’]$",  # "auprès d'Orbis Capital"
                        before,
                    ) or (skipped is not None and _NAME_LIST_GAP.fullmatch(self.text, skipped.end, e.start)):
                        skipped = e  # "aux côtés de Toyota, Sony et NTT": the rest of the list too
                        continue
                    return e, "after_cue"
        if _PRONOUN_OPENING.match(self.text, s.start) and i > 0:
            # "Helsing is not a model maker. Its €900m Series E ...": a pronoun opening the sentence
            # takes up the subject that opens the previous one, however often others are named
            prev = self.sentences[i - 1]
            head = next(iter(self.ents(i - 1)), None)
            if (
                head is not None
                and _SUBJECT_OPENING.fullmatch(self.text, prev.start, head.start)
                and ok(head)
                and not self.periphrasis(head)
                and not self.is_place_use(head)
                and _VERB_AFTER_SUBJECT.match(self.text, head.end)
            ):
                return head, "previous_sentence"
        if _ANAPHOR.search(self.text, s.start, cs) or pronoun:
            # "2. Okéanos IA (Nantes) — 2,5 M€ ... La jeune pousse nantaise lève": the item's firm
            item = self.item_firm(i)
            if item is not None and ok(item) and not self.financier(item):
                return item, "previous_sentence"
        # a pronoun or "la société": the most mentioned name of the two previous sentences
        previous = [
            e
            for j in (i - 1, i - 2)
            if j >= 0 and not self.is_noise(self.sentences[j])
            for e in self.ents(j)
            # "pour Vitry" after "installer 6 144 GPU à Vitry": a place the text names as one elsewhere
            if ok(e) and not self.periphrasis(e) and not self.is_place_use(e) and not self.written_as_place(e)
            and not _territory_end().search(e.name)  # "data centres in the Eastern Province"
            and not self.in_quotation(e.start)  # "« ... to an API »": what someone says, not the firm
            and not self.is_origin(e)  # "a former officer in an IDF technology unit"
            and not self.at_place(e)  # "qui emploie douze personnes au Technopole de La Réunion"
        ]
        if not previous and (_ANAPHOR.search(self.text, s.start, cs) or pronoun):
            # "le groupe a indiqué qu'il investirait ...", "Last month it bought", after sentences naming
            # no one: the firm the article is about, the most mentioned name so far
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
            leads, described = set(), set()
            if noun := _FIRM_NOUN.search(self.text, s.start, cs):  # "The company has also agreed to buy ..."
                # "la jeune pousse", "the company": a firm, never the fund, bank or ministry that
                # pays it; when the previous sentences name none, the firm the article is about
                # ... nor a programme ("France 2030", "au titre du dispositif X")
                firms = [
                    e
                    for e in previous
                    if not self.financier(e)
                    and not self.programme(e)
                    and not self.is_person(e)
                    and not self.origin_somewhere(e.name)  # "issue de l'EPFL": the school, never the firm
                ]
                # "... an agreement with AMD covering 4,608 accelerators. The company raised Rp 2.1
                # trillion": a chip maker the firm deals with is not the firm, when another is named
                firms = [e for e in firms if e.kind != "chip_vendor"] or firms
                if not firms:
                    main = self.main_firm(lambda e: ok(e) and not self.financier(e))
                    firms = [main] if main is not None else []
                previous = firms or [e for e in previous if not self.is_public(e)] or previous
                leads = self.sentence_leads(i, self.is_public)
                # "The startup previously raised" after "Bayanihan Labs, the Makati-based startup": the
                # firm the text described with the same noun
                described = {e.name for e in previous if self.described_as(e.name, noun.group(0))}
            if pronoun and not leads:
                # "Last month it bought ...": a pronoun takes up the subject of the sentences just before
                leads = self.sentence_leads(i, self.financier)
            # the firm heading the item the sentence belongs to ("SIAM CLOUD (SCLOUD.BK)") first
            item = self.item_firm(i)
            if item is not None and ok(item) and not self.financier(item):
                return item, "previous_sentence"
            return max(
                previous,
                key=lambda e: (
                    e.name in described,
                    e.start in leads,
                    self.mentions(e.name),
                    -previous.index(e),
                ),
            ), "previous_sentence"
        return None, ""

    def at_place(self, e: Entity) -> bool:
        """A name after "au", "aux", "à" or "at" names where ("au Technopole de La Réunion"), unless it
        owns what follows ("at Norte Cómputo's data center"); "in" names firms too ("a stake in X")."""
        return bool(_AT_PLACE_BEFORE.search(self.text, max(0, e.start - 8), e.start)) and not (
            self.text.startswith(("'s", "’s"), e.end)
        )

    def sentence_leads(self, i: int, skip) -> set[int]:
        """Where the names opening the three sentences before sentence i start (not noise, and not a
        name `skip` rejects): the subjects a pronoun or "the company" most likely takes up."""
        leads = (self.lead(j) for j in range(max(0, i - 3), i) if not self.is_noise(self.sentences[j]))
        return {e.start for e in leads if e is not None and not skip(e)}

    def lead(self, j: int) -> Entity | None:
        """The name opening sentence j, past an opening participle's phrase ("Installée au Technopole
        de Saint-Denis, Piton Data héberge ...": Piton Data), none when the sentence opens on a noun
        that points back."""
        s = self.sentences[j]
        # a name after "au", "in", "at" is where, not who ("Il travaille au Technopole")
        where = _WHERE_BEFORE.search
        ents = [e for e in self.ents(j) if not where(self.text, max(s.start, e.start - 12), e.start)]
        noun = _ANAPHOR.match(self.text, s.start)
        if noun is not None:
            # "La start-up algéroise Tafat AI, qui ...": the noun's name; "La jeune entreprise, qui
            # emploie douze personnes au Technopole": none, the noun points back
            named = re.match(r"(?:\s+[a-zà-ÿ][\w-]*){0,2}\s+", self.text[noun.end() : noun.end() + 30])
            at = noun.end() + (named.end() if named else 0)
            return next((e for e in ents if e.start == at), None)
        if ents and _fronted().match(self.text, s.start):
            # the phrase may hold commas of its own ("Fondée par X, fils d'éleveurs du Finistère, et
            # par Y, ..."): the subject is the name after a comma that a verb follows
            after = next(
                (
                    e
                    for e in ents
                    if re.search(r",\s*$", self.text[max(s.start, e.start - 3) : e.start])
                    and re.match(r"\s+[a-zà-ÿ]", self.text[e.end : e.end + 3])
                ),
                None,
            )
            if after is not None:
                return after
        return ents[0] if ents else None

    def described_as(self, name: str, phrase: str) -> bool:
        """Whether the text presents the firm `name` with the noun that ends `phrase` ("the startup"):
        "X, the Makati-based startup", "X, a startup", "la start-up X". A common noun ("company")
        presents too many firms to tell them apart: only the nouns of a firm's kind count."""
        noun = phrase.split()[-1].lower().replace("-", "")
        if noun in ("company", "firm", "group", "société", "entreprise", "groupe"):
            return False
        after, before = _described_by(noun[:5])
        return any(
            after.match(self.text, m.end()) or before.search(self.text, max(0, m.start() - 30), m.start())
            for m in self.occurrences(name)
        )

    def machine_counts_next(self, i: int) -> list:
        """The chip counts of the next sentence when it speaks of the machine itself ("The system will
        use 1,536 GPUs"), else none."""
        if i + 1 >= len(self.sentences) or not _THE_MACHINE.match(self.sentences[i + 1].text):
            return []
        nxt = self.sentences[i + 1]
        return self._quantities(nxt.start, nxt.end)

    def named_by_noun(self, i: int, s: Sentence, cs: int, ok) -> Entity | None:
        """The institution a definite noun opening the sentence takes up: "L'université a acquis ..."
        after "l'Université Mohammed VI Polytechnique", "The institute ordered ..." after "the Vector
        Institute": the nearest earlier name holding that noun."""
        m = _INSTITUTION_ANAPHOR.match(self.text, s.start, cs)
        if m is None:
            return None
        noun = m.group("noun").lower()
        for j in range(i - 1, max(-1, i - 6), -1):
            for e in reversed(self.ents(j)):
                if noun in e.name.lower() and ok(e):
                    return e
        return None

    def item_head(self, i: int, s: Sentence) -> tuple[Entity, int] | None:
        """ "• Kuura Systems (Helsinki) — Lifeline Ventures led ...": the firm heading the bulleted line
        this sentence opens, and where the dash after it (and its place in brackets) ends."""
        line = self.text.rfind("\n", 0, s.start) + 1
        head = _BULLET.match(self.text, line)
        if head is None and line == s.start:
            # a list whose bullets the page's markup carried: "Kelip AI (Kuala Lumpur, Malaysia) — RM 20
            # million government grant", the name, its place in brackets and a dash opening the line
            found = self._line_head(i, line)
            return found if found is not None and "(" in self.text[found[0].end : found[1]] else None
        if head is None or head.end() < s.start - 3 or head.end() > s.end:
            return None
        return self._line_head(i, head.end())

    def item_firm(self, i: int) -> Entity | None:
        """The firm heading the round-up item sentence i belongs to: the name opening the nearest
        earlier line that starts with a number or a bullet and a name then a dash ("2. Okéanos IA
        (Nantes) — 2,5 millions d'euros"), within five sentences and with no other such line between."""
        for j in range(i - 1, max(-1, i - 6), -1):
            t = self.sentences[j]
            line_start = self.text.rfind("\n", 0, t.start) + 1
            if line_start != t.start and self.text[line_start : t.start].strip():
                continue
            mark = _ITEM_MARK.match(self.text, t.start)
            if mark is not None:
                head = self._line_head(j, mark.end())
                return head[0] if head is not None else None
            if (ticker := _TICKER_LINE.fullmatch(self.text, t.start, t.end)) is not None:
                # a market wrap's item: "SIAM CLOUD (SCLOUD.BK)" heads the paragraph on that firm
                a, b = ticker.span("name")
                named = (e for e in self.ents(j) if e.start == a and e.end == b)
                return next(named, Entity(a, b, self.text[a:b], "pattern"))
        return None

    def bullet_topic(self, i: int, s: Sentence) -> Entity | None:
        """ "• Kestrel Vision (Warsaw) — computer vision. Closed a €6m seed": in a bulleted line headed
        by a name and a dash, a later sentence of the line without a subject is about that name."""
        line_start = self.text.rfind("\n", 0, s.start) + 1
        head = _BULLET.match(self.text, line_start)
        if head is None or head.end() > s.start:
            return None
        j = i
        while j > 0 and self.sentences[j - 1].end > line_start:
            j -= 1
        found = self._line_head(j, head.end())
        return found[0] if found is not None else None

    def _line_head(self, j: int, at: int) -> tuple[Entity, int] | None:
        """The name of sentence j that starts right after a line's bullet (at `at`) when a dash follows
        it (past its place in brackets), and where that dash ends."""
        first = next((e for e in self.ents(j) if e.start >= at), None)
        # (a name in bold opens the item as well: "- **Kelip AI** (Kuala Lumpur) — ...")
        if first is None or not re.fullmatch(r"[*_]{0,2}", self.text[at : first.start]):
            return None
        dash = _HEAD_DASH.match(self.text, first.end) or _HEAD_LINE.match(self.text, first.end)
        return (first, dash.end()) if dash is not None else None

    def heads_firm_name(self, place: str) -> bool:
        """The text writes a place's name as the first word(s) of a firm's name ("Tasman Compute
        orders ..."), so the place alone is that firm's short name ("Tasman said ...")."""
        return any(
            e.name.startswith(place + " ")
            and not (self.is_public(e) or self.financier(e) or self.programme(e))
            for j in range(len(self.sentences))
            for e in self.ents(j)
        )

    def programme(self, e: Entity) -> bool:
        """A public programme, not a firm: a seed project ("France 2030") or a name introduced as the
        frame of public money ("au titre du dispositif « Pass X »")."""
        if e.kind == "project":
            return True
        return _PROGRAMME_BEFORE.search(self.text, max(0, e.start - 40), e.start) is not None

    def pointed_firm(self, i: int) -> Entity | None:
        """The firm "la jeune entreprise", "the startup" or "lui" points back to: the first name of the
        nearest earlier sentence that names a firm receiving money (not a fund, body, person, chip
        maker or place), else the article's most mentioned firm; in a round-up's item, the item's
        firm ("• Kuura Systems (Helsinki) — X led a round in the Finnish startup")."""
        item = self.item_head(i, self.sentences[i])
        if item is not None and not self.financier(item[0]):
            return item[0]
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
                    or self.origin_somewhere(e.name)  # "issue de l'EPFL": the school, never the firm
                    or self.periphrasis(e)
                    or e.name in self.ex.countries.table
                    or _territory_end().search(e.name)  # "in the Eastern Province"
                    or self.programme(e)  # "au titre du dispositif « Pass X »"
                    # "dans ses bureaux du Mile-Ex", "« le contremaître à Bécancour »": a place, or
                    # what someone says, not the firm the story tells of
                    or self.written_as_place(e)
                    or self.in_quotation(e.start)
                ):
                    continue
                return e
        return self.salient(i)

    def investing_arm(self, e: Entity) -> bool:
        """A name in apposition to an investing arm: "X, le bras financier de la Région", "Le bras
        financier de la Région, X", "SmartCap, the Estonian state's venture capital arm"."""
        return not self.is_person(e) and bool(
            _INVESTING_APPOSITION.match(self.text, e.end)
            or _ARM_NAMED.search(self.text, max(0, e.start - 80), e.start)
        )

    def financier(self, e: Entity) -> bool:
        """A name that pays rather than receives: a public body, a fund or bank by its name or by the
        seeds, or a name the text puts after an investor marker ("auprès de A", "led by A")."""
        if self.is_public(e) or _FUND_WORDS.search(e.name) or e.kind == "investor":
            return True
        if self.investing_arm(e):
            return True
        # "l'Organisation X (NEDO) a accordé à Y une subvention": the subject of a giving verb pays
        if _GIVER_AFTER.match(self.text, e.end):
            return True
        # "Commerce" where the text also writes "the Commerce Department": a body's short name; "le
        # Caillou" where it writes "Caillou Capital": a fund's
        if any(
            _public_words().match(self.text, m.end() + 1) or _FUND_WORDS.match(self.text, m.end() + 1)
            for m in self.occurrences(e.name)
        ):
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
        if before is not None and any(
            re.fullmatch(r"\s*(?:,\s*)?(?:[a-zà-ÿ][\w'’-]*\s+){0,2}", right[: h.start()])
            for h in before.finditer(right)
        ):
            return True
        # "Wallonie Entreprendre mise 9 millions sur X": the subject of an investing verb
        return any(
            ft == "investment"
            and role == "investor"
            and re.fullmatch(r"\s*(?:[a-zà-ÿ][\w'’-]*\s+){0,2}", self.text[tail.end : cs])
            for ft, role, _cue, cs, _ce in self.cues_in(s)
            if cs >= tail.end
        )

    def speaker_firm(self, label: re.Match, ok) -> Entity | None:
        """The firm of the speaker whose label (`_SPEAKER_LABEL`) opens a transcript's line ("OTIENO: We
        closed ..."), as the text introduces them: "Achieng Otieno, co-founder and CEO of Jamii Compute"."""
        words = {w.casefold() for w in label.group(1).split()}
        for name in sorted(self._person_names()):
            if " " not in name or name.split()[-1].casefold() not in words:
                continue
            for occ in self.occurrences(name):
                at = affiliation(self.text, occ.end())
                j = self._sentence_at(at) if at is not None else None
                firm = next((e for e in self.ents(j) if e.start == at), None) if j is not None else None
                if firm is not None and ok(firm):
                    return firm
        return None

    def site_place(self, name: str) -> bool:
        """A name the text gives as the place of a site with its article ("son site de l'Essonne"), at one
        of its mentions; read once per name."""
        known = self._site_places.get(name)
        if known is None:
            known = self._site_places[name] = self.preceded_somewhere(name, _SITE_OF_THE, 30)
        return known

    def speaker_label(self, e: Entity) -> bool:
        """A transcript's speaker label ("HOST:", "[00:01:05] OTIENO:") names who speaks, no firm."""
        line = self.text.rfind("\n", 0, e.start) + 1
        label = _SPEAKER_LABEL.match(self.text, line)
        return label is not None and e.start >= label.start(1) and e.end <= label.end(1)

    def main_firm(self, ok) -> Entity | None:
        """The firm the article is about: its most mentioned private name (the first of equals)."""
        if self._firm_pool is None:
            # private names of the text in order, with their mentions; the same for every call
            self._firm_pool = [
                (e, self.mentions(e.name))
                for j, s in enumerate(self.sentences)
                if not self.is_noise(s)
                for e in self.ents(j)
                # nor the founders' school or former employer ("issue de l'EPFL")
                if not (
                    self.is_public(e)
                    or self.periphrasis(e)
                    or self.is_place_use(e)
                    or _territory_end().search(e.name)  # "the Eastern Province"
                    or self.qualifies_firm_noun(e.name)  # "A Southland start-up": a place or a kind
                    or self.preceded_somewhere(e.name, _SEATED_IN, 40)  # "founded in Invercargill"
                    or self.origin_somewhere(e.name)
                    or self.speaker_label(e)
                )
            ]
        best, most = None, -1
        for e, n in self._firm_pool:
            if n > most and ok(e):
                best, most = e, n
        return best

    def qualifies_firm_noun(self, name: str) -> bool:
        """The text writes the name as the qualifier of an indefinite firm noun ("A Southland start-up
        that wants ...", "une start-up bretonne"): it describes a firm, it is not one."""
        return any(
            _INDEFINITE_BEFORE.search(self.text, max(0, m.start() - 4), m.start())
            and _FIRM_NOUN_AFTER.match(self.text, m.end())
            for m in self.occurrences(name)
        )

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
            if agent_list and re.fullmatch(r"\s*(?:,|et|and|&)\s*", gap) and (
                "," not in gap or _LIST_GOES_ON.match(self.text, e.end)
            ):
                # the rest of the "par A, B et C" list; it ends with the name after "et" ("According
                # to A, B has raised": B, followed by no other name, opens the clause)
                agent_list, last_end = not re.search(r"\b(?:et|and)\b|&", gap), e.end
                continue
            agent_list = False
            if _LOCATIVE.search(self.text[max(s.start, e.start - 12) : e.start]):
                continue  # "À Jakarta, l'opérateur X": a place, not the actor
            if _OWN_PREMISES.search(self.text, max(s.start, e.start - 30), e.start):
                continue  # "dans ses locaux d'Ankorondrano, la jeune pousse a annoncé": where, not who
            if _MODIFIER_BEFORE_NAME.match(self.text, e.end):
                continue  # "Barcelona start-up Tessera AI": the place describes the firm that follows
            if _POSSESSIVE.match(self.text[e.end : e.end + 3]) and re.match(
                r"['’]s\s+(?:[\w-]+\s+){0,2}[A-ZÀ-Ö]", self.text[e.end : e.end + 40]
            ):
                continue  # "Abu Dhabi's G42": the owner of the name is not the actor ("X's data arm" is)
            if ok(e):
                return e
        return None

    def headline_topic(self, i: int, s: Sentence, cs: int) -> Entity | None:
        """ "Kyutai : X et Y injectent ...": the name a headline puts before its colon."""
        colon = self.text.find(" : ", s.start, cs)
        if colon < 0:
            return None
        names = [e for e in self.ents(i) if e.end <= colon]
        return names[0] if len(names) == 1 and not self.is_person(names[0]) else None
