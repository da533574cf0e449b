"""Document-level post-passes over the candidates of a whole document (run after every sentence is read).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from warehouse.staging.candidates import Amount, Candidate, Party
from warehouse.staging.chips import box_regex, model_regex
from warehouse.staging.country_date import _speech_verb
from warehouse.staging.lexicon import rows
from warehouse.staging.mentions import _AGENT_AFTER
from warehouse.staging.money import local_currencies, shared_currency_words
from warehouse.staging.numbers import number_words, parse_digits
from warehouse.staging.parties import Entity
from warehouse.staging.vocabulary import (
    _CHIP_WORDS,
    _ITEM_MARK,
    _LOCATIVE,
    _RECEIVE,
    _ROUND_WORDS,
    _SOURCE_GAP,
    _currency_users,
    _markers,
    _sentence_flags,
)

# a sentence giving the chips of each machine: "Each of the systems carries eight GPUs"
_EACH_MACHINE = re.compile(
    r"\b(?:each|chacun|chacune)\b.{0,40}?\b(?:systems?|servers?|nodes?|racks?|serveurs?|nœuds?|baies?|machines?)\b",
    re.IGNORECASE,
)
# a markdown table: its lines, its header rule ("|---|:--:|"), and the headers that type its amounts
_TABLE = re.compile(r"(?:^[ \t]*\|.*\|[ \t]*(?:\n|\Z))+", re.MULTILINE)
_TABLE_RULE = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?\|?")
_TABLE_GRANT = re.compile(
    r"\b(?:subventions?|subsides?|aides?|grants?|awards?|subsid(?:y|ies)|dotations?|financement public|"
    r"accordée?s?|octroyée?s?|attribuée?s?|awarded|granted)\b",
    re.IGNORECASE,
)
# a money column that its header does not type: the sentence before the table does ("les trois
# lauréats suivants, qui bénéficieront chacun d'une subvention :" above "| Montant |")
_TABLE_AMOUNT = re.compile(r"\b(?:montants?|amounts?|sums?|sommes?|valeur|value)\b", re.IGNORECASE)
_TABLE_ROUND = re.compile(
    r"\b(?:round|raised?|levée|tour|montant levé|investment|investissement|funding)\b", re.IGNORECASE
)
# a rank in a table's cell: "1", "#2", "1er prix", "2e prix", "3rd place"
_TABLE_RANK = re.compile(
    r"[\d\s.#°)-]*|\d+\s*(?:er|re|e|ème|st|nd|rd|th)\b(?:\s+(?:prix|place|prize))?", re.IGNORECASE
)
_TABLE_BACKERS = re.compile(r"\b(?:investors?|co-investors?|investisseurs?|backers?|led by|mené par)\b", re.I)
# a second clause without its verb: ", et la lyonnaise Datawise Santé " before its amount
_ELIDED_GAP = re.compile(
    # "..., et la lyonnaise X 4 M€", "; B, €1.5 million; and C, €1 million", ", B €2m"
    r"(?:,?\s+(?:et|and)|\s*;(?:\s+(?:et|and))?|,)\s+(?:(?:la|le|l['’]|les|the)\s*(?:[a-zà-ÿ][\w-]*\s+){0,2})?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][^,;:()]{1,50}?),?\s+"
)
# a purchase's object pointing back at chips already told: "will buy the chips itself", "achète ces GPU"
_TOLD_CHIPS = re.compile(
    rf"\s*(?:\S+\s+)?(?:the|these|those|them|les|ces|celles-ci|ceux-ci)\b\s*(?:[\w-]+\s+)?{_CHIP_WORDS}",
    re.IGNORECASE,
)
# firms sharing money out: "se partagent", "will share"
_SHARE = re.compile(
    r"\b(?:se\s+partagent|se\s+partageront|se\s+sont\s+partagé|share|will\s+share|shared)\b", re.IGNORECASE
)
# the nouns of public money shared out
_GRANT_WORD = re.compile(
    r"\b(?:enveloppe|aides?|subventions?|dotation|prix|grants?|subsid(?:y|ies)|award|prize|funding)\b",
    re.IGNORECASE,
)
# the party a share per firm goes to, by fact type
_SHARED_ROLE = {"investment": "investee", "subsidy": "recipient", "chip_purchase": "buyer"}
# the results of a public call: its winners named with what each gets
_CALL_RESULTS = re.compile(
    # (the look-ahead names the first letters: a quick skip of every other position)
    r"(?=[lLaAwWcC])\b(?:lauréats?\s+(?:de\s+l['’]|du\s+|de\s+)(?:appel|concours|programme)|appel\s+à\s+projets"
    r"|winners?\s+of\s+(?:the|a|its)\s+(?:[\w-]+\s+){0,3}(?:call|competition|challenge|tender)"
    r"|call\s+for\s+(?:projects|proposals))\b",
    re.IGNORECASE,
)
# the winners of public money, named before one of them gets it: "a désigné le premier bénéficiaire",
# "the first recipients", "les lauréats"
_BENEFICIARY = re.compile(
    r"\b(?:bénéficiaires?|lauréats?|recipients?|beneficiar(?:y|ies)|winners?)\b", re.IGNORECASE
)
# the end of a list's gap before its next item: "... and 8,000", ", to be delivered in 2026, and 8,000"
_LIST_AND = re.compile(r"(?:\band|\bet|,)\s*\Z")
# who pays an aid, right before the state's name: "versée par la France", "granted by Spain"
_PAID_BY = re.compile(
    r"\b(?:versée?s?|accordée?s?|octroyée?s?|financée?s?|paid|granted|provided|funded)\s+(?:par|by)\s+"
    r"(?:la\s+|le\s+|l['’]|les\s+|the\s+)?$",
    re.IGNORECASE,
)
# a name's acronym in brackets right after it: "Vlaams Supercomputer Centrum (VSC)"
_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,8})\s*[),]")
# a filing's defined term for the name before it: 'X S.A. (the "Company")', 'X (« la Société »)'
_DEFINED_TERM = re.compile(
    r"\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?|ci-après\s+(?:la\s+|le\s+|l['’])?)?[\"“«]\s*"
    r"(?:the\s+|la\s+|le\s+)?([A-ZÀ-Ö][\w-]+)\s*[\"”»]"
)
# ... or a filing's header field: "Company: ANATOLIA YAPAY ZEKA A.Ş."
_TERM_FIELD = re.compile(r"(?m)^[ \t]*(Company|Issuer|Société|Emetteur|Émetteur)[ \t]*:[ \t]*(?=\S)")
# one grant, with an indefinite article: "une subvention", "a $1.5 million matching grant", "an award"
_ONE_GRANT = re.compile(
    r"\b(?:a|an|une|un)\s+(?:[^\s,;]+\s+){0,4}?(?:grant|subsidy|award|subvention|aide(?! publique))\b",
    re.IGNORECASE,
)
# money given to a firm named before: "to the project", "for the company", "à la jeune pousse"
_TO_THE_FIRM = re.compile(
    # ... the double object of a giving verb ("awarded the company a €1.8 million grant"), the object of
    # a supporting verb ("soutient le projet à hauteur de 3 M€"), or its possessor ("the company's
    # expansion will be facilitated by a $1.5 million grant")
    r"\b(?:to|for|into|à|pour|au|dans|en faveur de|awarded|granted|gave|given|offered|supports|backs|"
    r"soutient|soutiendra|accompagne|finance|financera)\s+"
    r"(?:the|its|this|le|la|l['’]|ce|cette|son|sa)\s*"
    r"(?:[\w-]+\s+)?(?:project|company|start-?up|firm|venture|projet|société|entreprise|jeune\s+pousse)\b"
    r"|\b(?:the|its)\s+(?:company|start-?up|firm)['’]s\b"
    # ... or a pronoun for it: "lui avait accordé une subvention", "en sa faveur", "allocated it 1.2 billion"
    r"|\blui\s+(?:(?:a|avait|ont|avaient|aura|va)\s+)?(?:\w+\s+)?"
    r"(?:accordé|octroyé|attribué|versé|alloué|remis|accorde|octroie|attribue|verse|alloue|remet)\b"
    r"|\ben\s+sa\s+faveur\b|\b(?:allocated|gave|awarded|granted|offered)\s+it\b",
    re.IGNORECASE,
)
# a share per firm of a list: "chacune", "each", "apiece"
_EACH = re.compile(r"\b(?:each|apiece|chacun|chacune|chacuns|chacunes)\b", re.IGNORECASE)
_EACH_OF_OPENING = re.compile(r"\s*(?:each\s+of|chacune?\s+(?:des|de\s+ces))\b", re.IGNORECASE)
# between two names of a list, a place in brackets allowed: "A (Lyon), B (Nantes) et C"
_EACH_LIST_GAP = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:et|and)?|et|and|&)\s*"
    # a place before the next name: "Lagos-based A, Abuja's B and Kano-based C"
    r"(?:[A-ZÀ-Ý][\w-]*-based\s+|[A-ZÀ-Ý][\w-]*['’]s\s+)?"
)
# between two bodies of a list: ", the", " and the", " et le"
_GIVERS_GAP = re.compile(r"\s*(?:,\s*(?:and|et)?|and|et|&)\s*(?:the\s+|le\s+|la\s+|les\s+|l['’])?")
# a clause that continues a grant in the same sentence: "..., tandis qu'Y obtient"
_CONTINUES = re.compile(r"\b(?:(?:tandis|alors) qu(?:e\b|['’])|(?:while|whereas|and|et)\b)", re.IGNORECASE)
# a sentence that continues the previous one's grant: "Y obtient de son côté ...", "Y also gets ...",
# "Y et Z obtiennent respectivement ..." (the rest shared out)
_CONTINUES_NEXT = re.compile(
    r"\b(?:de son côté|pour sa part|quant à (?:elle|lui)|à son tour|également|aussi|for its part|also|too"
    r"|respectivement|respectively)\b",
    re.IGNORECASE,
)


@cache
def _many_recipients(language: str) -> re.Pattern:
    """A number of recipients a grant goes to: "for three foundation-model startups", "à cinq projets"."""
    numbers = "|".join(
        re.escape(w) for w, (value, kind) in number_words(language).items() if kind == "unit" and value >= 2
    )
    return re.compile(
        rf"\b(?:for|to|among|between|pour|à|entre)\s+(?:the\s+|les\s+|ces\s+)?(?:{numbers}|\d{{1,2}})\s+"
        r"(?:[\w-]+\s+){0,3}?(?:start-?ups?|firms|companies|projects|laureates|winners|teams|consortia|"
        r"developers|labs|universities|beneficiaries|entreprises|sociétés|projets|lauréats|équipes|"
        r"jeunes pousses|laboratoires|universités|bénéficiaires|développeurs)\b",
        re.IGNORECASE,
    )


# the round itself, named by a definite noun: "joined the round", "l'accompagnent dans cette levée"
_THE_ROUND = re.compile(
    r"\b(?:the|this|that|its)\s+(?:\w+\s+){0,2}?(?:round|raise|financing|fundraise|series\s+[a-h])\b|"
    r"\b(?:le|ce|son)\s+(?:\w+\s+)?(?:tour|financement)\b|\b(?:cette|la|sa)\s+(?:\w+\s+)?(?:levée|série\s+[a-h])\b|"
    r"\bl['’]opération\b",
    re.IGNORECASE,
)
# a marker that names the round ("complète le tour", "led the round"): "par"/"by" after it is the means
_ROUND_NOUN_END = re.compile(r"\b(?:round|tour|opération|financement)$", re.IGNORECASE)
# an amount alone in brackets: "(2,7 millions d'euros)"
_IN_BRACKETS = re.compile(r"\s*\)")
# a round-up item's heading line: "3. Vercors Analytics (Lyon) — 8 millions d'euros", "• Orvala: $4m"
_ITEM_HEADING = re.compile(
    r"\s*(?:\d{1,2}[.)]\s*|[•·▪*–-]\s+)?(?P<name>[^\W\d_][^—–:(\n]{1,60}?)\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:[—–:]|\s-)\s*[^\n]{1,40}"
)
# an approximation before an amount: "about NOK 490m", "soit environ 45 M$"
_APPROX_BEFORE = re.compile(
    r"\b(?:about|around|roughly|approximately|some|environ|soit|près de|quelque)\s*$|[~≈]\s*$", re.I
)
# a count with nothing after it: "with more than 60,000."
# a number with no unit after it; a list goes on after it ("B 3 056 et C 2 424")
_BARE_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d{3,})"
    r"(?![\w%$€£¥]|\s*(?:%|(?!(?:et|and|while|whereas|tandis|alors|but|mais)\b)[A-Za-zÀ-ÿ$€£¥]))"
)
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|tandis que|alors que|and|et)\b|[,;]")
# the nouns of a state's aid scheme: "a €120 million Portuguese scheme", "un régime italien de 50 M€"
_SCHEME_NOUN = re.compile(r"\s+(?:scheme|measure|programme|program|aid|régime|mesure|dispositif)\b", re.I)
_SCHEME_NOUN_BEFORE = re.compile(r"\b(?:régime|mesure|dispositif|programme|aide)\s+$", re.I)
# the verbs of who puts a figure on a deal, and the name opening a sentence before them
_VALUING = r"puts?|a\s+(?:chiffré|évalué|estimé)|chiffre|évalue|estime"
_NAME_OPENING = r"\s*[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}\s+"
# who says what the sentence tells: "Najd said (that) ", "La société a précisé que "
_SAID_PREFIX = re.compile(
    # (its speaker's title and name too: "X chief executive Hamza Qureshi told this paper")
    _NAME_OPENING
    + r"(?:(?:chief\s+executive|chief\s+financial\s+officer|(?:co-?)?founder|CEO|CFO|president|"
    + r"spokes(?:man|woman|person))\s+(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,3})?"
    + r"(?:said|says|added|told\s+(?:(?:this|the|a)\s+[\w'’]+|reporters|journalists|analysts|investors|"
    + r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*)?)|a\s+(?:indiqué|précisé|ajouté)|"
    # ... or who values it: "Alem Cloud put the value of the order at", "X a chiffré le montant"
    + _VALUING
    + r")\s+(?:that\s+|que\s+|qu['’])?"
)
# the buyer valuing its order: "Alem Cloud put the value of", "X a chiffré le montant"
_VALUER = re.compile(_NAME_OPENING + r"(?:" + _VALUING + r")\s")
# ... the value of the purchase itself: "It put the value at €68 million"
_PUTS_VALUE = re.compile(
    _NAME_OPENING
    + r"(?:" + _VALUING + r"|valued|valorise)\s+(?:the|its|la|sa)\s+(?:value|price|cost|valeur)\b"
)
# a sentence about the purchase just reported: "The purchase was funded with ...", "La commande s'élève à ..."
_THE_PURCHASE = re.compile(
    r"\s*(?:the|this|that|these|la|le|les|l['’]|cette|ce|ces)\s*(?:purchase|order|deal|contract|acquisition|"
    r"bill|invoice|facture|"
    r"chips|GPUs|accelerators|processors|achat|commande|contrat|opération|puces|processeurs|accélérateurs|"
    # "L'investissement représente environ 8 millions", "The systems were bought ... under a contract worth"
    r"investment|investissement|systems|servers|machines|systèmes|serveurs|"
    # "Le montant du contrat s'élève à ...", "The value of the order": the purchase's amount
    r"(?:montant|valeur)\s+(?:du|de\s+la|de\s+l['’])\s*(?:contrat|commande|achat|acquisition|marché|transaction|"
    r"opération)|value\s+of\s+the\s+(?:order|orders|deal|contract|transaction|purchase))\b"
    # ... or a label: "Price tag: around $190m", "Montant : 41 M€"
    r"|\s*(?:price(?:\s+tag)?|cost|value|prix|montant|coût)\s*:",
    re.IGNORECASE,
)
# a line labelling the order's value: "Montant de la commande :", "Value of the order:", "Order value:"
_ORDER_VALUE_LABEL = re.compile(
    r"\s*(?:(?:montant|valeur|prix)\s+(?:de\s+la\s+commande|du\s+contrat|de\s+l['’]achat|du\s+marché)"
    r"|(?:value|price)\s+of\s+the\s+(?:order|contract|purchase)|(?:order|contract|deal)\s+(?:value|price))"
    r"\s*:\s*",
    re.IGNORECASE,
)
_WORTH_BEFORE = re.compile(
    r"\b(?:worth|valued\s+at|at\s+a\s+cost\s+of|d['’]un\s+montant\s+de|d['’]une\s+valeur\s+de)\s+"
    r"(?:(?:about|around|some|roughly|environ)\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|that|qui|dont|lequel|laquelle)\b", re.IGNORECASE)
# "The order is valued at A$410 million": the value of the purchase itself is its price, no valuation
_PURCHASE_VALUED = re.compile(
    # (past an aside: "The deal, signed Tuesday, is valued at")
    r"(?:\s*,[^,;]{1,40},)?[^,;]{0,30}?\b(?:is|was|are|were|has been|will be|est|a été|sera)\s+(?:\w+\s+)?"
    r"(?:valued|estimated|"
    r"évaluée?s?|estimée?s?)\s+(?:at|à)\b",
    re.IGNORECASE,
)
# the object of a firm's spending right after its amount: "$300 million on 6,000 GPUs", "300 M€ dans
# l'achat de 6 000 GPU"
_ON_COUNT = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:on|in|into|for|to|pour|dans|sur|à)\s+(?:(?:l['’]|the\s+)?(?:achat|acquisition|"
    r"purchase)\s+(?:de|d['’]|of)\s*)?(?:(?:about|around|some|environ|près de|plus de|more than)\s+)?",
    re.IGNORECASE,
)


@cache
def _chips_ahead() -> re.Pattern:
    """Chips named without a count: a chip word or a model up to three words ahead."""
    units = "|".join(re.escape(r["surface"]) for r in rows("chips") if r["kind"] == "unit")
    models = "|".join(re.escape(r["surface"]) for r in rows("chips") if r["kind"] == "model")
    return re.compile(rf"(?:[\w'’-]+\s+){{0,3}}?(?:{units}|{models})\b", re.IGNORECASE)


@dataclass
class _Uncounted:
    """Chips without a count, in the shape of a quantity that `_quantities` finds."""

    quantity: None
    model: str | None
    start: int


# the US dollar named as such: "dollars américains", "US$", "USD"
# words that introduce a conversion of an amount into another currency
_CONVERSION_BEFORE = re.compile(
    r"\b(?:soit|environ|représente|représentent|équivaut|l['’]équivalent de|au taux de change|about"
    r"|roughly)\b[^.;]*$",
    re.IGNORECASE,
)
# English news that writes the US dollar apart from its own: "US$42 million", "USD 40m"
_US_DOLLAR_WRITTEN = re.compile(r"\bUS\s?\$|\bUSD\b|\bU\.S\.\s?\$|\bUS dollars?\b")
_US_DOLLAR_NAMED = re.compile(r"\bdollars?\s+(?:américains?|US)\b|\bUS\s?\$|\bUSD\b", re.IGNORECASE)


def _in_quotes(text: str) -> bool:
    """Whether a quotation opened in `text` is still open at its end."""
    return text.count('"') % 2 == 1 or text.count("«") > text.count("»") or text.count("“") > text.count("”")


class Passes:
    """Document-level post-passes over the candidates of a whole document (run after every sentence is
    read)."""

    def recipient_pointed_to(self, candidates: list[Candidate]) -> None:
        """ "The Quebec government will contribute $80 million to the project", "une subvention de 5 M€
        pour la société": a grant to a firm the text points back to goes to that firm. One grant that
        names no one to receive it ("Le financement est complété par une subvention de 400 000 € de la
        Région", "a $1.2 million matching grant") goes to the firm of the deal told before it."""
        for c in candidates:
            if c.fact_type != "subsidy" or any(p.role == "recipient" for p in c.parties):
                continue
            s = c.sentence
            end = c.amounts[-1].end if c.amounts else c.cue_start
            # the firm may be named before a noun cue: "a remis à l'entreprise une dotation de 750 M FCFA"
            if _TO_THE_FIRM.search(self.text, max(c.cue_start - 60, s.start), min(s.end, end + 60)):
                firm = self.pointed_firm(self._sentence_index[s.start])
                if firm is not None and not self.is_public(firm):
                    c.parties.append(Party("recipient", firm.name, firm.start, firm.end, "pointed"))
                    continue
            if _ONE_GRANT.search(self.text, max(s.start, c.cue_start - 40), min(s.end, end + 30)):
                told = [
                    x
                    for x in candidates
                    if x.fact_type in ("investment", "chip_purchase")
                    and x.cue_start < c.cue_start
                    and x.parties
                    and x.parties[0].role in ("investee", "buyer")
                    and all(x.parties[0].name != p.name for p in c.parties)  # not the grantor
                ]
                if told:
                    main = max(told, key=lambda x: x.cue_start).parties[0]
                    c.parties.append(Party("recipient", main.name, main.start, main.end, "pointed"))

    def vague_purchases(self, candidates: list[Candidate]) -> None:
        """A purchase that says nothing of what was bought (no count, price, vendor or model, even
        from the sentences around it: "a GPU order in Buenos Aires that is bigger than it looks",
        "neighbouring countries had acquired thousands of GPUs") tells no given order: dropped. Its
        object pointing back ("will buy the chips itself", "achètera ces puces") takes the count an
        earlier sentence gave. Run after the passes that bring a count, price or vendor from nearby."""
        kept = []
        for c in candidates:
            if (
                c.fact_type != "chip_purchase"
                or c.amounts
                or c.quantity
                or c.chip_model
                or any(p.role == "vendor" for p in c.parties)
                or self._chips_told_before(c)
            ):
                kept.append(c)
        candidates[:] = kept

    def _chips_told_before(self, c: Candidate) -> bool:
        """A purchase whose object is "the chips" / "ces GPU": the count of the nearest of the three
        sentences before it that gives one becomes its own."""
        end = self.text.find(" ", c.cue_start)
        if end < 0 or not _TOLD_CHIPS.match(self.text, end, c.sentence.end):
            return False
        k = self._sentence_index[c.sentence.start]
        for j in range(k - 1, max(-1, k - 4), -1):
            found = self._quantities(self.sentences[j].start, self.sentences[j].end)
            if found:
                self.take_count(c, found[0])
                return True
        return False

    def take_count(self, c: Candidate, q) -> None:
        """A chip count read in another sentence becomes the purchase's, with its model, and the
        model's maker as vendor when the purchase names none."""
        c.quantity = q.quantity
        c.chip_model = c.chip_model or q.model
        vendor = self.vendor_from_model(q.model)
        if vendor and not any(p.role == "vendor" for p in c.parties):
            c.parties.append(Party("vendor", vendor, None, None, "chip_model"))

    def each_shares(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "A, B et C bénéficieront chacune d'une aide de 4 M€", "A, B and C will each receive €4m":
        one fact per firm of the list, each with the amount."""
        out = []
        for c in candidates:
            givers = self.each_giver(c)
            if givers:
                # "A and B will each contribute €25 million to X": one grant per body
                grantor = next(p for p in c.parties if p.role == "grantor")
                for n, e in enumerate(givers):
                    share = replace(c, suffix=c.suffix + (f".giver{n}" if n else ""), flags=list(c.flags))
                    share.parties = [
                        Party("grantor", e.name, e.start, e.end, "each"),
                        *(p for p in c.parties if p is not grantor),
                    ]
                    out.append(share)
                continue
            role = _SHARED_ROLE.get(c.fact_type)
            main = next((p for p in c.parties if p.role == role and p.start is not None), None)
            s = c.sentence
            if c.fact_type == "chip_purchase":
                # "Nvidia will supply 3,000 GPUs each to A, B and C": the chips, not money, are shared
                # (a list before the verb, "A, B and C will each receive", is split as it is read)
                if not c.quantity or main is None or main.rule in ("each", "respectively") or not (
                    c.cue_start < main.start < s.end
                ):
                    out.append(c)
                    continue
                lo, hi = min(c.cue_start, main.start), max(c.cue_start, main.start)
            elif role is None or not c.amounts or (main is not None and not (s.start <= main.start < s.end)):
                out.append(c)
                continue
            else:
                lo, hi = min(c.cue_start, c.amounts[0].start), max(c.cue_start, c.amounts[-1].end)
            if not (
                _EACH.search(self.text, max(s.start, lo - 30), min(s.end, hi + 15))
                # "Each of the three start-ups, A, B and C, will receive": the sentence opens on it
                or _EACH_OF_OPENING.match(self.text, s.start)
            ):
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
                share = replace(c, suffix=c.suffix + (f".each{n}" if n else ""), flags=list(c.flags))
                share.parties = [Party(role, e.name, e.start, e.end, "each"), *rest]
                out.append(share)
        return out

    def each_giver(self, c: Candidate) -> list[Entity]:
        """The public bodies listed as a grant's subject that give the amount each ("The Free State of
        Bavaria and the Federal Ministry of Research will each contribute €25 million")."""
        grantor = next((p for p in c.parties if p.role == "grantor" and p.start is not None), None)
        if c.fact_type != "subsidy" or grantor is None or not c.amounts or grantor.start > c.cue_start:
            return []
        if not _EACH.search(self.text, grantor.end, c.amounts[0].start):
            return []
        ents = self.ents(self._sentence_index[c.sentence.start])
        # the name holding the grantor ("Free State of Bavaria" for the body word "State")
        k = next((k for k, e in enumerate(ents) if e.start <= grantor.start < e.end), None)
        if k is None:
            return []
        # the list the grantor is part of, before and after it ("A and the Ministry of X")
        while k > 0 and _GIVERS_GAP.fullmatch(self.text, ents[k - 1].end, ents[k].start):
            k -= 1
        members = [ents[k]]
        while k + 1 < len(ents) and ents[k + 1].end <= c.cue_start and _GIVERS_GAP.fullmatch(
            self.text, ents[k].end, ents[k + 1].start
        ):
            k += 1
            members.append(ents[k])
        return members if len(members) > 1 and all(self.is_public(e) for e in members) else []

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
            prev_start = self.sentences[i - 1].start if i > 0 else None
            same = [g for g in grants if g.sentence.start == c.sentence.start and g.cue_start < c.cue_start]
            if same and _CONTINUES.search(self.text[same[-1].amounts[-1].end : c.cue_start]):
                g = same[-1]
            elif (
                i > 0
                and _CONTINUES_NEXT.search(head)
                and (g := next((g for g in reversed(grants) if g.sentence.start == prev_start), None))
            ):
                pass  # the previous sentence's grant; else, below, a public call's
            elif g := self.shared_out_grant(c, grants):
                pass  # "subsidies worth Rs 461 crore for three startups. A will receive Rs 246 crore"
            elif self._call_for_projects() and (
                earlier := [g for g in grants if g.sentence.start < c.sentence.start]
            ):
                # "Les lauréats. Kyutai reçoit 12 M€ ...": in the results of a public call, what a
                # winner gets is the call's grant
                g = earlier[-1]
            else:
                g = None
            investee = next((p for p in c.parties if p.role == "investee"), None)
            if g is not None:
                grantor, country = next((p for p in g.parties if p.role == "grantor"), None), g.country_code
            else:
                # "A will receive Rs 98 crore, the Ministry of X said": the body that announces it gives it
                grantor, country = self.announcing_body(c)
                if grantor is None and (
                    self._call_for_projects() or (i > 0 and _BENEFICIARY.search(self.sentences[i - 1].text))
                ):
                    # "Le gouvernement fédéral a désigné le premier bénéficiaire de sa Stratégie. Cohere
                    # recevra 240 M$", a call's winners: the public body the article named last gives it
                    grantor, country = self.grantor_before(i)
            if investee is None or grantor is None:
                continue
            c.fact_type, c.rule, c.flags = "subsidy", "subsidy:continued", []
            c.parties = [
                Party("grantor", grantor.name, grantor.start, grantor.end, "continued"),
                Party("recipient", investee.name, investee.start, investee.end, investee.rule),
            ]
            c.country_code = country
            if g is not None:
                # the firm is this grant's recipient, not the earlier one's
                g.parties = [p for p in g.parties if not (p.role == "recipient" and p.name == investee.name)]

    def grantor_before(self, i: int) -> tuple[Party | None, str | None]:
        """The public body acting in the nearest sentence before sentence i that names one, as a
        grantor and its country."""
        found = self.body_before(i, i)
        return self.body_grantor(found[0], found[1], found[2]) if found is not None else (None, None)

    def announcing_body(self, c: Candidate) -> tuple[Party | None, str | None]:
        """The public body that says, after the amount, that a firm receives it: "..., the Ministry of
        Electronics and Information Technology said in a statement", "..., a indiqué le ministère"."""
        s = c.sentence
        body = self.find_body(s, c.amounts[-1].end, s.end)
        if body is None or not (
            _speech_verb().search(self.text, body.end(), min(s.end, body.end() + 60))
            or _speech_verb().search(self.text, max(c.amounts[-1].end, body.start() - 25), body.start())
        ):
            # "the ministry said three firms -- A, B and C -- will each receive 5 billion won": the body
            # that says it, before the firms
            first = min((p.start for p in c.parties if p.start is not None), default=c.cue_start)
            body = self.find_body(s, s.start, first)
            said = body and _speech_verb().search(self.text, body.end(), min(s.end, body.end() + 30))
            if body is None or said is None or self.text[body.end() : said.start()].strip():
                return None, None
        return self.body_grantor(self._sentence_index[s.start], s, body)

    def body_grantor(self, i: int, s, body: re.Match) -> tuple[Party, str | None]:
        """A public body found in sentence i (`find_body`) as a grantor, and its country: one named
        around it, else the article's there."""
        name = self.grantor_name(i, s, body.start(), body.end())
        inside = self.countries_in(max(s.start, body.start() - 40), min(s.end, body.end() + 40))
        country = inside[0].code if inside else self.country_at(s.start)
        return Party("grantor", name, body.start(), body.start() + len(name), "public_body"), country

    def shared_out_grant(self, c: Candidate, grants: list[Candidate]) -> Candidate | None:
        """A grant of the two sentences before `c`, or one told earlier that holds c's amount, that
        names no recipient but a number of them ("for three startups", "à cinq projets"): what a firm
        receives after it is its share."""
        i = self._sentence_index[c.sentence.start]
        starts = {self.sentences[j].start for j in (i - 1, i - 2) if j >= 0}
        many = _many_recipients(self.lang)

        def holds(g: Candidate) -> bool:
            # "IndiaAI approves ₹1,150 crore for four developers ... A will receive ₹310 crore"
            return (
                g.cue_start < c.cue_start
                and bool(c.amounts)
                and g.amounts[0].currency == c.amounts[0].currency
                and g.amounts[0].amount > c.amounts[0].amount
            )

        for g in reversed(grants):
            if (
                (g.sentence.start in starts or holds(g))
                and not any(p.role == "recipient" for p in g.parties)
                and many.search(self.text, g.amounts[-1].end, g.sentence.end)
            ):
                return g
        return None

    def spent_on_chips(self, made: list[Candidate]) -> list[Candidate]:
        """ "X will spend $300 million on 6,000 GPUs", "investit 300 M€ dans l'achat de 6 000 GPU": a
        firm's own spending whose object is a chip count is the price of a chip purchase."""
        out = []
        for c in made:
            a = c.amounts[0] if c.amounts else None
            m = _ON_COUNT.match(self.text, a.end) if a is not None and "capex" in c.flags else None
            found = (
                self._quantities(m.end(), min(c.sentence.end, m.end() + 60)) if m else []
            )
            q = found[0] if found and found[0].start == m.end() else None
            if q is None and m is not None and c.fact_type == "investment":
                # "commits NT$4.85bn to Blackwell racks", "consacre 40 M€ à l'achat de processeurs
                # graphiques Nvidia": chips without a count are still what the money buys
                q = self.chips_ahead(m.end(), c.sentence.end)
            if c.fact_type != "investment" or q is None:
                out.append(c)
                continue
            same = [
                x
                for x in made
                if x.fact_type == "chip_purchase"
                and (x.quantity == q.quantity if q.quantity else x.sentence is c.sentence and not x.amounts)
            ]
            if same:
                for x in same:
                    if not x.amounts:
                        self.trace(x, "passes", "spent_on_chips", "changed", "amounts")
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

    def chips_ahead(self, start: int, end: int) -> _Uncounted | None:
        """Chips named right after `start` without a count ("Nvidia GPUs", "Blackwell racks"): a
        quantity of None, with the model when one is named."""
        hit = _chips_ahead().match(self.text, start, min(end, start + 60))
        if hit is None:
            return None
        model = model_regex().search(self.text, start, hit.end())
        return _Uncounted(None, model.group(0) if model else None, start)

    def funded_buyer(self, candidates: list[Candidate]) -> None:
        """ "X lève 42 M$ auprès de Z. [...] Une partie des fonds servira à payer 256 GPU": the firm
        that raised the money buys the chips, not its investor read as the most-mentioned name."""
        # each investor's rounds in candidate order, with their sentence: one look-up per buyer
        # instead of a scan of every round (a text of many deals was quadratic)
        funded_by: dict[str, list[tuple[int, Candidate, Party]]] = {}
        for r in candidates:
            if r.fact_type != "investment":
                continue
            investors = {x.name for x in r.parties if x.role == "investor"}
            investee = next((x for x in r.parties if x.role == "investee"), None)
            if investee is None or investee.name in investors:
                continue
            j = self._sentence_index[r.sentence.start]
            for name in investors:
                funded_by.setdefault(name, []).append((j, r, investee))
        for c in candidates:
            if c.fact_type != "chip_purchase":
                continue
            i = self._sentence_index[c.sentence.start]
            for p in c.parties:
                if p.role != "buyer" or p.rule not in ("previous_sentence", "subject"):
                    continue
                for j, r, investee in funded_by.get(p.name, ()):
                    if j > i or (p.rule == "subject" and j != i):
                        continue
                    p.name, p.start, p.end, p.rule = investee.name, investee.start, investee.end, "funded"
                    c.country_code = r.country_code or c.country_code
                    break

    def restated_titles(self, candidates: list[Candidate]) -> None:
        """A title line (one of the first three, no final stop) that restates the body's deal with a
        shorter or mistaken party: "Science ministry to buy 13,000 Nvidia chips" beside "The Ministry of
        Science and ICT will purchase 13,000 Nvidia B200 GPUs", "Abu Dhabi's MGX leads $250m bet on
        Qalam" beside "Qalam AI raised $250 million in a round led by MGX". The title's reading is left
        out when the body's has the same count and maker and a buyer whose name holds the title's, or
        the same amount with the title's main party among its investors, or a grant of the same amount
        to the title's firm."""
        titles = {
            t.start for t in self.sentences[:3] if not re.search(r"[.!?…»”\"']\s*$", t.text)
        }
        if not titles or not any(c.sentence.start in titles for c in candidates):
            return

        def named(c: Candidate, role: str) -> list[str]:
            return [p.name for p in c.parties if p.role == role]

        def same_amount(c: Candidate, x: Candidate) -> bool:
            return bool(c.amounts and x.amounts) and (c.amounts[0].currency, round(c.amounts[0].amount)) == (
                x.amounts[0].currency,
                round(x.amounts[0].amount),
            )

        def word_set(name: str) -> set[str]:
            return set(re.findall(r"\w+", name.lower()))

        def restated(c: Candidate, x: Candidate) -> bool:
            if x.sentence.start in titles:
                return False
            if c.fact_type == "investment" and x.fact_type == "subsidy":
                # "Trondheim AI firm lands NOK 45 million" over "Innovation Norway granted NOK 45 million to
                # Fjordmind AS": the title's money is the body's grant
                return same_amount(c, x) and any(
                    word_set(n) <= word_set(r) for n in named(c, "investee") for r in named(x, "recipient")
                )
            if x.fact_type != c.fact_type:
                return False
            if c.fact_type == "chip_purchase":
                words = word_set(" ".join(named(c, "buyer")))
                title_buyer = next((p for p in c.parties if p.role == "buyer"), None)
                return (
                    bool(c.quantity)
                    and c.quantity == x.quantity
                    # (a title may leave the maker out: "Science ministry to buy 13,000 AI chips")
                    and named(c, "vendor") in (named(x, "vendor"), [])
                    and bool(words)
                    and (
                        any(words <= word_set(b) for b in named(x, "buyer"))
                        # "Le Gouvernement princier soutient X, le cloud souverain s'équipe de 96 GPU": a
                        # title's buyer borrowed from a state or its country is the body's named buyer
                        or (title_buyer is not None and title_buyer.rule in ("country", "public_body"))
                        # "Schwarz Group's cloud arm orders 10k Nvidia chips" over "STACKIT ... has ordered
                        # 10k Nvidia B300 chips for €300 million": the body tells the same order, priced
                        or (not c.amounts and bool(x.amounts))
                    )
                    and named(c, "buyer") != named(x, "buyer")
                )
            if c.fact_type == "investment":
                return same_amount(c, x) and (
                    any(
                        n in named(x, "investor") and n not in named(x, "investee")
                        for n in named(c, "investee")
                    )
                    # "Rochester health startup lands $11M" over "Kasota Health, a Rochester start-up, has
                    # raised $11 million": the body names the firm the title describes
                    # (a name the text writes only there: a description, not the firm)
                    or all(
                        n not in self.text[x.sentence.start : x.sentence.end] and self.mentions(n) <= 1
                        for n in named(c, "investee")
                    )
                )
            return False

        candidates[:] = [
            c
            for c in candidates
            if c.sentence.start not in titles or not any(restated(c, x) for x in candidates)
        ]  # the passes after it read the same list

    def listed_counts(self, candidates: list[Candidate]) -> None:
        """ "has placed orders for 16,000 AMD Instinct accelerators and 8,000 Nvidia GPUs", "ordered 20,000
        Nvidia GPUs, to be delivered from 2026, and 8,000 AMD accelerators": each count the purchase
        lists with another maker's chips is a purchase of the same buyer from that maker; a count that
        is the sum of a buyer's purchases ("orders 28,000 GPUs from Nvidia and AMD") is their total."""
        for c in list(candidates):
            if c.fact_type != "chip_purchase" or not c.quantity:
                continue
            s = c.sentence
            counts = self._quantities(s.start, s.end)
            mine = next((q for q in counts if q.quantity == c.quantity and q.start >= c.cue_start), None)
            if mine is None:
                continue
            vendor = self.vendor_from_model(mine.model) or self.count_vendor(mine)
            at = mine.end
            for q in counts:
                if q.start < at:
                    continue
                if not _LIST_AND.search(self.text, at, q.start) or q.start - at > 120:
                    break
                other = self.vendor_from_model(q.model) or self.count_vendor(q)
                if other is None or other == vendor:
                    break
                new = replace(c, quantity=q.quantity, chip_model=q.model, suffix=f".q{q.start - s.start}")
                new.amounts, new.flags = [], list(c.flags)
                new.parties = [p for p in c.parties if p.role != "vendor"] + [
                    Party("vendor", other, None, None, "chip_model")
                ]
                candidates.append(new)
                at = q.end
        totals = []
        for c in candidates:
            if c.fact_type != "chip_purchase" or not c.quantity:
                continue
            buyer = self._buyer(c)
            parts = {x.quantity for x in candidates if x.fact_type == "chip_purchase" and x.quantity
                     and x.quantity != c.quantity and self._buyer(x) == buyer}
            if len(parts) >= 2 and sum(parts) == c.quantity:
                totals.append(c)
                for x in candidates:
                    # "for its Norwegian AI campus": where the total goes, its parts go
                    if x.fact_type == "chip_purchase" and x.quantity in parts and self._buyer(x) == buyer:
                        x.country_code = c.country_code or x.country_code
        if totals:
            candidates[:] = [c for c in candidates if c not in totals]  # the passes after it read it

    def count_vendor(self, q) -> str | None:
        """The chip maker a count names inside it ("8,000 Nvidia Blackwell Ultra GPUs")."""
        i = self._sentence_at(q.start)
        if i is None:
            return None
        return next((e.name for e in self.ents(i) if q.start <= e.start < q.end and self.is_vendor(e)), None)

    def headline_buyers(self, candidates: list[Candidate]) -> None:
        """ "TELEKOM S'OFFRE 10 000 GPU", "VIREO COMPUTE PLACES ... ORDER": a buyer read in a line in
        capitals is the name the body writes in mixed case (Deutsche Telekom, Vireo Compute)."""
        body: list[Entity] | None = None
        raw = self.doc.text  # as written (`recase` gives lines in capitals the body's casing)
        for c in candidates:
            s = c.sentence
            if c.fact_type != "chip_purchase" or raw[s.start : s.end].upper() != raw[s.start : s.end]:
                continue
            for p in c.parties:
                if p.role != "buyer" or p.start is None or not raw[p.start : p.end].isupper():
                    continue
                if body is None:
                    body = [
                        e
                        for j, t in enumerate(self.sentences)
                        if raw[t.start : t.end].upper() != raw[t.start : t.end]
                        for e in self.ents(j)
                        if not raw[e.start : e.end].isupper()
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
            k = self._sentence_index[c.sentence.start]
            found = self.machine_counts_next(k)
            if found:
                nxt = self.sentences[k + 1]
                self.take_count(c, found[0])
                buyer = next((p for p in c.parties if p.role == "buyer"), None)
                for other in candidates:
                    # "The system will use 1,536 GPUs" read on its own: the machine is this purchase's
                    if (
                        buyer is not None
                        and other.fact_type == "chip_purchase"
                        and other.sentence.start == nxt.start
                        and other.quantity == c.quantity
                    ):
                        other.parties = [replace(buyer, rule="the_machine")] + [
                            p for p in other.parties if p.role != "buyer"
                        ]
                        other.country_code = c.country_code

    def chips_per_machine(self, candidates: list[Candidate]) -> None:
        """ "X has ordered 2,304 HGX B300 systems. Each of the systems carries eight GPUs": a count of
        machines times the chips the next sentence gives each."""
        factors: dict[tuple[str | None, int], int] = {}
        machine_counts: list[Candidate] = []
        for c in candidates:
            if c.fact_type != "chip_purchase" or not c.quantity:
                continue
            s = c.sentence
            machines = any(
                parse_digits(b.group("num"), self.lang) == c.quantity
                for b in box_regex(self.lang).finditer(self.text, s.start, s.end)
                if b.group("num")
            )
            if machines:
                machine_counts.append(c)
            k = self._sentence_index[s.start] + 1
            if not machines or k >= len(self.sentences):
                continue
            nxt = self.sentences[k]
            if not _EACH_MACHINE.search(nxt.text):
                continue
            found = self._quantities(nxt.start, nxt.end)
            if found and found[0].quantity < 1000:
                factors[(self._buyer(c), c.quantity)] = found[0].quantity
        for c in candidates:
            # ... and so do the restatements of the same count by the same buyer (a headline)
            each = factors.get((self._buyer(c), c.quantity)) if c.fact_type == "chip_purchase" else None
            if each:
                c.quantity *= each
            elif c in machine_counts:
                c.quantity = None  # "600 GB200 NVL72 racks": machines, and the text gives no chips each

    @staticmethod
    def _buyer(c: Candidate) -> str | None:
        return next((p.name for p in c.parties if p.role == "buyer"), None)

    def priced_count(self, c: Candidate) -> bool:
        """The amount of a chip purchase is the price of its chips: it stands next to the count, with
        no other deal between them ("$1.5bn for 8,000 GPUs", "2 048 GPU ..., pour 70 M€"), not "secures
        $40 million and 1,500 GPUs" nor "orders 1,200 GPUs, secures $60 million"."""
        if not c.amounts or not c.quantity:
            return False
        a = c.amounts[0]
        s = c.sentence
        cues = [x for x, _y, _ft in self.cue_starts]
        # "$1.5bn for 8,000 GPUs"; "a S$120 million contract for 1,600 GPUs": the purchase noun after it
        priced = re.search(
            r"\b(?:for|pour|at|worth)\s*$", self.text[max(s.start, a.start - 8) : a.start]
        ) or 0 <= c.cue_start - a.end <= 2
        for q in self._quantities(s.start, s.end):
            if q.quantity != c.quantity:
                continue
            lo, hi = (q.end, a.start) if q.end <= a.start else (a.end, q.start)
            if (
                # (an apposition may stand between: "to X, a Nairobi-based cloud provider, in a deal worth")
                hi - lo <= 100
                and not re.search(r"\b(?:and|et|while|tandis que)\b", self.text[lo:hi])
                # ... its own cue aside before a price: "13,000 chips the ministry agreed to buy for 1.5
                # trillion won" (not "orders 1,200 chips, secures $60 million")
                and not any(lo <= x < hi and (x != c.cue_start or not priced) for x in cues)
            ):
                return True
        return False

    @staticmethod
    def the_purchase(text: str) -> re.Match | None:
        """A sentence whose subject is the purchase itself, after who says it or not ("The order is
        worth ...", "Najd said the deal was worth ...", "X a précisé que le contrat ...")."""
        said = _SAID_PREFIX.match(text)
        # "It put the value at €68 million": who bought it values it
        return (
            _THE_PURCHASE.match(text, said.end()) if said else _THE_PURCHASE.match(text)
        ) or _PUTS_VALUE.match(text)

    def price_next_sentence(self, candidates: list[Candidate]) -> None:
        """ "X has purchased 2,000 GPUs. The purchase was funded with S$120 million": the next
        sentence that speaks of the purchase itself gives its price."""
        prices = set()
        for c in candidates:
            if c.fact_type != "chip_purchase" or c.amounts:
                continue
            # the next sentence, or the one after a sentence without money or a purchase of its own
            # ("... a commandé 1 024 GPU. L'intégration sera assurée par Eviden. Le montant de la
            # commande atteint 41 millions d'euros")
            # ... up to two such sentences ("The racks hold 4,608 GPUs. The systems will be built by X.
            # Khaleej put the value of the order at AED 1.1 billion")
            k = self._sentence_index[c.sentence.start] + 1
            for _ in range(2):
                if (
                    k + 1 < len(self.sentences)
                    and not self.money_in(self.sentences[k])
                    and not any(
                        x.fact_type == "chip_purchase" and x.sentence is self.sentences[k] for x in candidates
                    )
                ):
                    k += 1
            if k >= len(self.sentences) or not (subject := self.the_purchase(self.sentences[k].text)):
                continue
            nxt = self.sentences[k]
            # (a buyer putting a value on it values the purchase: "It put the value at €68 million")
            valued = _PURCHASE_VALUED.match(nxt.text, subject.end()) or subject.re is _PUTS_VALUE
            # "Alem Cloud put the value of the order at about $190 million": the buyer's own figure, not
            # an analyst's estimate
            valuer = _VALUER.match(nxt.text)
            money = [
                m for m in self.money_in(nxt)
                if (
                    self.money_labels.get(m) in ("fact", "other", None)
                    or (valued and self.money_labels.get(m) == "valuation")
                    or (valuer and self.money_labels.get(m) == "estimate"
                        # (the buyer's short name too: "Khaleej put the value" after "Khaleej Compute"; or
                        # a pronoun for it: "It put the value at €68 million")
                        and (any(p.name.split()[0] in valuer.group(0) for p in c.parties if p.role == "buyer")
                             or re.match(r"\s*(?:It|They|Il|Elle)\s", valuer.group(0))))
                )
                # (near the subject, or right after "worth": "... under a contract worth NT$13.6 billion")
                and (
                    m.start - nxt.start <= 100
                    or _WORTH_BEFORE.search(self.text, max(nxt.start, m.start - 16), m.start)
                )
                # "The purchase is financed by X, which is taking a stake for MAD 1.2 billion": the
                # relative clause's own deal
                and not _RELATIVE_CLAUSE.search(self.text, nxt.start + subject.end(), m.start)
            ]
            if money:
                # "The chips will cost 1.46 trillion won ($1.06 billion)": the restatement goes with it
                c.amounts = self.pick_amounts(money, nxt.start, nxt.start)
                prices.add(c.amounts[0].start)
        # "Core42 said the AMD portion of the order was worth Dh2.9 billion": a price the text gives
        # one vendor's part of an order split between vendors, in the sentences after it
        for c in candidates:
            vendor = next((p.name for p in c.parties if p.role == "vendor"), None)
            if c.fact_type != "chip_purchase" or c.amounts or vendor is None:
                continue
            part = re.compile(
                rf"\b{re.escape(vendor)}\s+(?:portion|part|share|component|tranche)\b"
                rf"|\b(?:partie|part|volet|tranche)\s+(?:\w+\s+)?{re.escape(vendor)}\b",
                re.IGNORECASE,
            )
            i = self._sentence_index[c.sentence.start]
            for nxt in self.sentences[i + 1 : i + 7]:
                hit = part.search(nxt.text)
                money = [m for m in self.money_in(nxt) if hit and m.start >= nxt.start + hit.end()]
                if money:
                    c.amounts = self.pick_amounts(money, nxt.start, nxt.start)
                    prices.add(c.amounts[0].start)
                    break
        # "Montant de la commande : 1,1 milliard de dirhams" paragraphs after the story's one purchase:
        # a line that labels the order's value prices it, when every unpriced purchase has one buyer
        unpriced = [c for c in candidates if c.fact_type == "chip_purchase" and not c.amounts]
        buyers = {p.name for c in unpriced for p in c.parties if p.role == "buyer"}
        if unpriced and len(buyers) == 1 and not any(
            c.fact_type == "chip_purchase" and c.amounts for c in candidates
        ):
            for nxt in self.sentences:
                label = _ORDER_VALUE_LABEL.match(nxt.text)
                money = [m for m in self.money_in(nxt) if label and m.start - nxt.start <= label.end() + 30]
                if money:
                    for c in unpriced:
                        c.amounts = self.pick_amounts(money, nxt.start, nxt.start)
                    prices.add(money[0].start)
                    break
        # the price is the purchase's, no deal of its own ("Le montant du contrat s'élève à 7,4 milliards
        # de dinars, selon un document dont El Watan a obtenu copie")
        # ... and a buyer's spending of that very sum elsewhere ("Un investissement de 48 millions de
        # francs" in the lead, "Le montant de la transaction s'élève à 48 millions de francs" after the
        # order) is the purchase told again, not an investment of its own
        priced = {
            (p.name, c.amounts[0].amount, c.amounts[0].currency)
            for c in candidates
            if c.fact_type == "chip_purchase" and c.amounts
            for p in c.parties
            if p.role == "buyer"
        }
        candidates[:] = [
            c for c in candidates
            if c.fact_type == "chip_purchase" or not c.amounts or (
                c.amounts[0].start not in prices
                and not ("capex" in c.flags and any(
                    (p.name, c.amounts[0].amount, c.amounts[0].currency) in priced for p in c.parties
                ))
            )
        ]

    def states_buying(self, candidates: list[Candidate]) -> None:
        """ "Le Maroc commande 2 000 GPU" and "le ministère marocain a commandé 2 000 GPU" are one
        purchase by one state: a government buyer is named by its country, as the text first writes it."""
        first: dict[str, str] = {}
        for m in self.country_mentions:
            if m.kind == "name":
                first.setdefault(m.code, m.surface)
        buying = [
            (c, p)
            for c in candidates
            if c.fact_type == "chip_purchase" and c.country_code
            for p in c.parties
            if p.role == "buyer" and (p.rule in ("public_body", "country") or self._public_name(p))
        ]
        # "The department has ordered 2,000 GPUs": the department the article named in full
        for _c, p in buying:
            if p.start is not None and not self.proper_body(p.name):
                p.name = self.named_body(p.name, p.start) or p.name
        # ... and the state's body named in full ("la mission IndiaAI retient 18 693 GPU") names
        # the state's other purchases ("le gouvernement indien a retenu 18 693 GPU")
        named: dict[str, str] = {}
        for c in candidates:
            for p in c.parties:
                code = c.country_code or self.ex.parties.home(p.name)
                if c.fact_type == "chip_purchase" and p.role == "buyer" and code and (
                    self._public_name(p) or self.ex.parties.firms.get(p.name, ("", "", ""))[2] == "project"
                ) and self.proper_body(p.name):
                    named.setdefault(code, p.name)
        for c, p in buying:
            if not self.proper_body(p.name) and (c.country_code in named or c.country_code in first):
                p.name = named.get(c.country_code) or first[c.country_code]

    def state_aid(self, candidates: list[Candidate]) -> None:
        """ "The European Commission has approved, under EU State aid rules, a €5 billion German
        measure": the Commission authorises the aid, the state its demonym names grants it."""
        rx = _sentence_flags(self.lang).get("state_aid")
        if rx is None:
            return
        for c in candidates:
            s = c.sentence
            scheme = self.state_scheme(c) if c.fact_type == "subsidy" else None
            if c.fact_type != "subsidy" or (rx.search(s.text) is None and scheme is None):
                continue
            grantor = next((p for p in c.parties if p.role == "grantor"), None)
            home = self.ex.parties.home(grantor.name) if grantor else None
            start = c.amounts[0].start if c.amounts else c.cue_start
            state = scheme or next(
                (
                    m
                    for m in self.countries_in(start, s.end)
                    if m.code != home
                    and (
                        m.kind == "demonym"
                        # "une aide d'État de 300 millions d'euros versée par la France"
                        or (
                            m.kind == "name" and _PAID_BY.search(self.text, max(start, m.start - 25), m.start)
                        )
                    )
                ),
                None,
            )
            if grantor is None or state is None:
                continue
            # the country as the text names it, else as the country table does
            named = (m.surface for m in self.country_mentions if m.code == state.code and m.kind == "name")
            names = (f for f, ck in self.ex.countries.table.items() if ck == (state.code, "name"))
            name = next(named, None) or next(names, state.code)
            grantor.name, grantor.start, grantor.end, grantor.rule = name, None, None, "state_aid"
            c.country_code = state.code

    def state_scheme(self, c: Candidate):
        """The demonym that makes the amount a state's scheme: "approved ... a €120 million Portuguese
        scheme", "un régime italien de 50 millions d'euros" (a country mention), else None."""
        if not c.amounts:
            return None
        a = c.amounts[0]
        near = self.countries_in(max(c.sentence.start, a.start - 30), min(c.sentence.end, a.end + 30))
        return next(
            (
                m
                for m in near
                if m.kind == "demonym"
                and (
                    (0 <= m.start - a.end <= 2 and _SCHEME_NOUN.match(self.text, m.end))
                    or (
                        _SCHEME_NOUN_BEFORE.search(self.text, max(0, m.start - 20), m.start)
                        and 0 <= a.start - m.end <= 8
                    )
                )
            ),
            None,
        )

    def rounds_of_targets(self, candidates: list[Candidate]) -> None:
        """ "X will invest £8m in Y as part of a £20m round led by Z": the round is Y's, and X one
        of its investors (not a round raised by X)."""
        shares: dict[int, list[Candidate]] = {}  # by sentence: one pass, not every pair of candidates
        for o in candidates:
            if o.fact_type == "investment" and "target" in o.flags:
                shares.setdefault(o.sentence.start, []).append(o)
        for c in candidates:
            if c.fact_type != "investment" or not c.rule.startswith("investment:investee"):
                continue
            investee = next((p for p in c.parties if p.role == "investee"), None)
            if investee is None:
                continue
            for o in shares.get(c.sentence.start, ()):
                if o is c or o.cue_start > c.cue_start:
                    continue
                target = next((p for p in o.parties if p.role == "investee"), None)
                share = [p for p in o.parties if p.role == "investor" and p.rule == "subject"]
                if target is None or not share:
                    continue
                if investee.name == share[0].name:  # "X ... a round" read as X's own round
                    c.parties = [replace(target)] + [p for p in c.parties if p.role != "investee"]
                elif investee.name != target.name:
                    continue
                known = {p.name for p in c.parties}
                c.parties += [replace(p) for p in share if p.name not in known]
                break

    def backers_of_shares(self, candidates: list[Candidate]) -> None:
        """ "Ardenne Labs boucle 14 M€. ... Wallonie Entreprendre apporte 9 millions d'euros. Le solde est
        apporté par Noshaq et par Smartfin": who puts a share of a firm's round in, in a later sentence,
        backs the round. Only for a round whose backers are not named, and a share smaller than it (in
        its currency)."""
        rounds = [
            c for c in candidates
            if c.fact_type == "investment" and c.rule.startswith("investment:investee") and c.amounts
            and not c.is_background and not any(p.role == "investor" for p in c.parties)
        ]
        for c in rounds:
            investee = next((p.name for p in c.parties if p.role == "investee"), None)
            whole = c.amounts[0]
            for o in candidates:
                if (
                    o is c or o.fact_type != "investment" or "target" not in o.flags or not o.amounts
                    or o.sentence.start <= c.sentence.start or o.is_background
                    or next((p.name for p in o.parties if p.role == "investee"), None) != investee
                ):
                    continue
                part = o.amounts[0]
                if part.currency != whole.currency or not part.amount < whole.amount:
                    continue
                known = {p.name for p in c.parties}
                c.parties += [replace(p) for p in o.parties if p.role == "investor" and p.name not in known]
                known |= {p.name for p in c.parties}

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
                c.flags.append("abroad")

    def local_dollars(self, candidates: list[Candidate]) -> None:
        """ "Le gouvernement du Québec versera 5 millions de dollars": a government pays in its own
        dollar, and so does a firm in the French-language press of its country ("Nordaxe IA récolte
        30 M$"), and in English news of its country that writes the US dollar as such ("raised $65
        million ... worth about US$42 million": Sydney's press). Elsewhere a firm's bare "$" stays the
        US dollar."""
        table = local_currencies()
        written = {m.start: m.written.lower() for m in self.money}
        # French-language press in a dollar country (Québec) writes its own dollar as "$" and "dollars",
        # unless it names the US dollar somewhere
        # ... (a conversion into US dollars, "soit environ 27 millions de dollars américains", names
        # the other dollar)
        home_press = None  # read at the first candidate that needs it: most articles have none

        def is_home_press() -> bool:
            nonlocal home_press
            if home_press is None:
                if self.lang == "fr":
                    home_press = not any(
                        not _CONVERSION_BEFORE.search(self.text, max(0, m.start() - 60), m.start())
                        for m in _US_DOLLAR_NAMED.finditer(self.text)
                    )
                else:
                    home_press = _US_DOLLAR_WRITTEN.search(self.text) is not None
            return home_press

        # an article writes one dollar: where its state pays in "$", the state's own, so do its firms
        # ("Queensland backs Reefline with $12 million ... Reefline closed a $12 million round")
        state_dollar = any(
            c.fact_type == "subsidy"
            and c.country_code
            and c.country_code == self._doc_country
            and any(table.get(written.get(a.start, ""), {}).get(c.country_code) for a in c.amounts)
            for c in candidates
        )
        for c in candidates:
            for a in c.amounts:
                # "500 millions de FCFA" in Cameroon: the franc CFA of the country's own bank (XAF,
                # not the West African XOF), whoever pays
                # (a bare number of a run, "200, 180 et 120 millions de FCFA", takes the run's currency)
                k = bisect_left(self._money_starts, a.start)
                m = self.money[k] if k < len(self.money) else None
                local = table.get(m.written.lower(), {}).get(c.country_code or "") if m else None
                if local and a.currency != "USD" and a.currency != local:
                    a.currency = local
            public = c.fact_type == "subsidy" or any(
                p.role == "buyer" and p.rule == "public_body" for p in c.parties
            )
            if not c.country_code or not (
                public or (c.country_code == self._doc_country and (state_dollar or is_home_press()))
            ):
                continue
            stated = {a.currency for a in c.amounts}
            for a in c.amounts:
                local = table.get(written.get(a.start, ""), {}).get(c.country_code)
                # "S$70 million (about $52 million)": next to the local amount, "$" is its conversion
                if a.currency == "USD" and local and local not in stated:
                    a.currency = local

    def acronym_names(self, candidates: list[Candidate]) -> None:
        """ "le Vlaams Supercomputer Centrum (VSC)", "Chile's National Center for Artificial
        Intelligence (CENIA)": a party named later by the acronym the text gave a name is that name."""
        full: dict[str, str] = {}
        for m in _ACRONYM_AFTER.finditer(self.text):
            acronym, at = m.group(1), m.start()
            while at and self.text[at - 1].isspace():  # the name ends before the spaces (no text copy)
                at -= 1
            named = None if acronym in full else self.ents_at(at)
            if named is None:
                continue
            name = named.name
            letters = re.sub(r"[^a-z]", "", name.lower())
            if len(name.split()) >= 2 and all(ch in letters for ch in acronym.lower() if ch.isalpha()):
                full[acronym] = name
        if not full:
            return
        for c in candidates:
            named = {p.name for p in c.parties}
            for p in c.parties:
                # both written out ("l'Institut Varnel (IVA)" as a recipient) stay as the text lists them
                if p.name in full and full[p.name] not in named:
                    p.name = full[p.name]

    def defined_terms(self, candidates: list[Candidate]) -> None:
        """ 'CARPATHIA DATA S.A. (the "Company")', "Company: ANATOLIA A.Ş.": a party named by the term a
        filing defines ("The Company issued ...", "our Company") is the name it stands for."""
        if "(" not in self.text and ":" not in self.text:
            return
        full: dict[str, str] = {}
        for m in _DEFINED_TERM.finditer(self.text):
            at = m.start()
            while at and self.text[at - 1].isspace():
                at -= 1
            named = self.ents_at(at) or (self.ents_at(at - 1) if self.text[at - 1] == "." else None)  # "S.A."
            if named is not None and m.group(1) not in full:
                # "The Board of Directors of X S.A. (the "Company")": the firm, not its board
                full[m.group(1)] = re.split(r"\s+of\s+(?=[A-ZÀ-Ö])", named.name)[-1]
        for m in _TERM_FIELD.finditer(self.text):
            k = self._sentence_at(m.end())
            named = next((e for e in self.ents(k) if e.start == m.end()), None) if k is not None else None
            if named is not None:
                full.setdefault(m.group(1), named.name)
        if not full:
            return
        for term in list(full):
            # 'issued by the Company (the "Offering")': a term defined by another term stands for that
            # term's name
            seen = {term}
            while full[term] in full and full[term] not in seen:
                seen.add(full[term])
                full[term] = full[full[term]]
        for c in candidates:
            for p in c.parties:
                if p.name in full:
                    p.name = full[p.name]

    def ents_at(self, end: int) -> Entity | None:
        """The entity that ends at `end` (before a bracket), if any."""
        k = self._sentence_at(end)
        if k is None:
            return None
        return next((e for e in self.ents(k) if e.end == end), None)

    def local_names(self, candidates: list[Candidate]) -> None:
        """ "1 600 milliards de roupies" in a story about a Jakarta firm, "120 millions de dirhams" from
        Rabat: a currency word several currencies share is the one of the fact's country (else the
        article's), when that country uses one of them (CLDR names and territories)."""
        shared = shared_currency_words()
        written = {m.start: m.written.lower().rstrip(".") for m in self.money}
        for c in candidates:
            stated = {a.currency for a in c.amounts}
            for a in c.amounts:
                codes = shared.get(written.get(a.start, ""))
                if not codes:
                    continue
                # "38 millions de dinars bahreïniens", "dinars algériens": the demonym after the word
                # names its country, whatever the story's
                named = self.currency_demonym(a.end)
                country = named or c.country_code or self._doc_country
                own = [code for code in codes if country in _currency_users().get(code, ())]
                if len(own) == 1 and (named or own[0] not in stated):
                    a.currency = own[0]

    def elided_counts(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "A and B will each deploy 50,000 GPUs, while C will expand with more than 60,000": a bare
        count later in a purchase sentence is another buyer's purchase of the same chips."""
        out = []
        done = set()
        names_in: dict[int, set[str]] = {}  # the parties of each sentence's candidates
        for x in candidates:
            names_in.setdefault(x.sentence.start, set()).update(p.name for p in x.parties)
        for c in candidates:
            s = c.sentence
            if c.fact_type != "chip_purchase" or c.quantity is None or s.start in done:
                continue
            done.add(s.start)
            i = self._sentence_index[s.start]
            buyers = set(names_in[s.start])
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

    def restated_rounds(self, candidates: list[Candidate]) -> None:
        """ "X has closed a $38 million Series A. In local currency, the round comes to roughly R$210
        million": the next sentence of the paragraph gives the same round in another currency, as an
        approximation; its amount joins the round's, and it is no round of its own."""
        index = {s.start: k for k, s in enumerate(self.sentences)}
        dropped: set[int] = set()
        for c in candidates:
            if c.fact_type != "investment" or not c.amounts or id(c) in dropped:
                continue
            head = next((p.name.split()[0] for p in c.parties if p.role == "investee"), None)
            i = index[c.sentence.start]
            for x in candidates:
                if (
                    x is c
                    or x.fact_type != "investment"
                    or len(x.amounts) != 1
                    or index[x.sentence.start] != i + 1
                    or "\n\n" in self.text[c.sentence.end : x.sentence.start]
                    or not _THE_ROUND.search(x.sentence.text)
                    or not self.restates(x.amounts[0], c)
                    or any(p.name.split()[0] != head for p in x.parties if p.role == "investee")
                ):
                    continue
                c.amounts.append(x.amounts[0])
                c.parties += [p for p in x.parties if p.role == "investor" and p.name not in
                              {q.name for q in c.parties}]
                dropped.add(id(x))
        if dropped:
            candidates[:] = [c for c in candidates if id(c) not in dropped]  # the passes after it read it

    def investors_nearby(self, candidates: list[Candidate]) -> None:
        """Investors named in the next sentences of a round ("Le tour de table est mené par A, aux
        côtés de B", "The round was led by A"), up to the next sentence with an amount of its own."""
        index = {s.start: k for k, s in enumerate(self.sentences)}
        # sentences telling another kind of deal ("HUMAIN also said it had ordered 600 racks from Nvidia")
        told = {}
        for x in candidates:
            told.setdefault(x.sentence.start, set()).add(x.fact_type)

        def in_aside(m, s) -> bool:
            """An amount in a relative clause about the backers ("A and B, which led the startup's $14
            million Series A in 2024, also joined"): no new deal."""
            return any(a <= m.start and m.end <= b for a, b in self.relative_asides(s))
        for c in candidates:
            if c.fact_type == "investment" and (
                # a round with its firm: "X raises ...", "A mène un tour de table dans X"
                c.rule.startswith("investment:investee")
                or (c.rule == "investment:investor" and "target" in c.flags)
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
            found_before = False  # the sentence before named backers: the list may go on
            for j in (i - 1, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6):
                if j < 0:
                    continue
                if j >= len(self.sentences):
                    break
                gap = self.text[self.sentences[j - 1].end : self.sentences[j].start] if j else ""
                s = self.sentences[j]
                if j > i and (
                    any(self.money_labels.get(m) == "fact" and not self.restates(m, c)
                        and not in_aside(m, s)
                        for m in self.money_in(s))
                    or _ITEM_MARK.match(self.text, s.start)
                    or told.get(s.start, {c.fact_type}) - {c.fact_type}
                ):
                    # a new deal; "• Saar AI (Tallinn) — ...", "2. Okéanos IA —": the next item of a
                    # list, another firm's news
                    break
                if j > i + 3 and (not found_before or "\n\n" in gap):
                    # past three sentences, only the same paragraph's list going on, or a sentence
                    # that speaks of the round itself ("A, B and C all joined the round")
                    if role != "investor" or not _THE_ROUND.search(s.text):
                        continue
                if j < i and (
                    # "A a conduit un tour de table dans X, aux côtés de B. X a réuni 100 M$": the
                    # sentence before names the same round's backers when it names the firm and no sum
                    investee is None
                    or not self.occurs_in(investee, s.start, s.end)
                    or self.money_in(s)
                    or role != "investor"
                ):
                    continue
                found = self.backers_in(j, rx, role, before)
                if role == "investor" and j == i + 3 and not found:
                    continue
                found_before = False
                # a person listed after a marker backs the round, as in the deal's own sentence ("We're
                # joined by A, by B, and by Marko Zupan, who founded ...")
                marker = rx.search(self.text, s.start, s.end)
                for e in sorted(found, key=lambda e: e.start):
                    listed = role == "investor" and marker is not None and marker.end() <= e.start
                    if e.name in known or self.periphrasis(e) or not self.follower_ok(j, e, role, listed):
                        continue
                    if any(
                        a < e.start and e.end <= b and not rx.search(self.text, a, b)
                        and not (before and before.search(self.text, a, b))
                        for a, b in self.relative_asides(s)
                    ):
                        # "A, qui a cru en nous dans un garage d'Ivandry, et B": what A did (but "A led the
                        # round, which also drew B and C")
                        continue
                    known.add(e.name)
                    found_before = j > i
                    c.parties.append(Party(role, e.name, e.start, e.end, "next_sentence"))

    def backers_in(self, j: int, rx: re.Pattern, role: str, before: re.Pattern | None) -> list[Entity]:
        """The names a sentence gives as backers: after a marker ("mené par A, aux côtés de B") and
        before one ("Orbis Capital led the round", "A et B suivent", "A y participe")."""
        s = self.sentences[j]
        found: list[Entity] = []
        hits = list(rx.finditer(self.text, s.start, s.end))
        if hits:
            found += self.listed_after(j, hits, role)
        if before is not None:
            last = None
            for h in before.finditer(self.text, s.start, s.end):
                # not "led by" (the investor follows) nor "led to" (no round); but "y participe à
                # nouveau", "complète le tour par une prise de participation"
                if not _AGENT_AFTER.match(self.text, h.end()) or _ROUND_NOUN_END.search(h.group(0)):
                    last = h
            if last is not None:
                found += [e for e in self.ents(j) if e.end <= last.start()]
        return found

    def backers_elsewhere(self, candidates: list[Candidate]) -> None:
        """ "Zhipu a réussi à attirer des capitaux de poids lourds tels que Alibaba, Tencent et Xiaomi",
        four paragraphs after the round: a sentence that names the firm and lists backers, with no amount
        of its own, names the investors of the firm's round when the article tells of one round only."""
        rx = _markers(self.lang, "investment").get("investor")
        rounds: dict[str, list[Candidate]] = {}
        for c in candidates:
            investee = next((p for p in c.parties if p.role == "investee"), None)
            if c.fact_type == "investment" and c.rule.startswith("investment:investee") and investee:
                # "Tupã Labs" in the title, "Tupã" in the text: one firm
                rounds.setdefault(investee.name.split()[0], []).append(c)
        if rx is None or not rounds:
            return
        before = _markers(self.lang, "investment").get("investor_before")
        background = _sentence_flags(self.lang).get("background")
        told = {c.sentence.start for c in candidates}
        # names another round already took ("It previously raised a seed round. The seed round was led by
        # A": A backs that round)
        taken = {p.start for c in candidates for p in c.parties if p.role == "investor"}
        for head, cands in rounds.items():
            # one round: one amount in each currency ("$38 million ... roughly R$210 million"), past
            # rounds told as such aside
            amounts: dict[str, set[int]] = {}
            cands = [c for c in cands if not c.is_background] or cands
            for c in cands:
                for a in c.amounts[:1]:
                    amounts.setdefault(a.currency, set()).add(round(a.amount))
            if any(len(v) != 1 for v in amounts.values()) or any(
                p.role == "investor" for c in cands for p in c.parties
            ):
                continue  # several rounds, or backers already named
            named = re.compile(r"\b" + re.escape(head) + r"\b")
            for j, s in enumerate(self.sentences):
                if s.start in told or self.money_in(s):
                    continue
                # markers of several words only: "from 60 to 150 people", "chips from AMD" are no backers
                hits = [h for h in rx.finditer(self.text, s.start, s.end) if " " in h.group(0).strip()]
                if hits and named.search(self.text, s.start, hits[0].start()):
                    # the firm named before the marker: "Zhipu a réussi à attirer des capitaux de A, B et C"
                    found = self.listed_after(j, hits, "investor")
                elif len(rounds) == 1 and self.of_the_round(s, before):
                    # "The new round, which closed last week, was led by A", "B led the round": the
                    # article's one round, paragraphs after it
                    found = self.backers_in(j, rx, "investor", before)
                else:
                    continue
                # a past round ("The seed round, which had already closed, was led by"), not a relative
                # clause after the backers ("led by A, which had already worked with X")
                ends = [h.start() for h in hits] + [s.end]
                if before is not None:
                    ends += [h.end() for h in before.finditer(self.text, s.start, s.end)]
                if background and background.search(self.text, s.start, min(ends)):
                    continue
                def backs(k: int, e: Entity, head: str = head) -> bool:
                    # not the firm itself (any name opening on its head word), nor a name another round took
                    return (
                        e.name.split()[0] != head
                        and e.start not in taken
                        and self.follower_ok(k, e, "investor")
                    )

                backers = [e for e in found if backs(j, e)]
                k = j + 1
                while backers and k < len(self.sentences):
                    # the paragraph goes on with the list: "Monashees also joined, as did BNDESPar."
                    nxt = self.sentences[k]
                    if "\n\n" in self.text[self.sentences[k - 1].end : nxt.start] or self.money_in(nxt):
                        break
                    more = [e for e in self.backers_in(k, rx, "investor", before) if backs(k, e)]
                    if not more:
                        break
                    backers += more
                    k += 1
                if backers:
                    for c in cands:
                        c.parties += [Party("investor", e.name, e.start, e.end, "elsewhere") for e in backers]
                    break

    def of_the_round(self, s, before: re.Pattern | None) -> bool:
        """The sentence speaks of the round itself: it opens on it ("The new round, which closed last
        week, was led by", "Le tour est mené par") or a backer's verb takes it ("A led the round")."""
        if _THE_ROUND.match(s.text):
            return True
        # (a round noun somewhere first: most sentences have none)
        return before is not None and _THE_ROUND.search(s.text) is not None and any(
            _THE_ROUND.match(self.text[h.end() : h.end() + 40].lstrip()) or _THE_ROUND.search(h.group(0))
            for h in before.finditer(self.text, s.start, s.end)
        )

    def restates(self, m, c: Candidate) -> bool:
        """An amount that gives the deal's own in another currency, as an approximation: "will use the
        money, about NOK 490m, to hire", "soit environ 45 M$"."""
        if any(a.start == m.start for a in c.amounts):
            return True  # already the deal's own (`restated_rounds`)
        return m.currency not in {a.currency for a in c.amounts} and bool(
            _APPROX_BEFORE.search(self.text, max(0, m.start - 20), m.start)
        )

    def listed_after(self, j: int, hits: list, role: str) -> list[Entity]:
        """The names after the markers of a sentence ("mené par A, aux côtés de B et de la banque C"),
        except where a match opens on a person who puts no money in ("piloté par le professeur X, la
        société rivalise avec Y et Z": X runs the firm, and what follows is no list of backers) - up to
        the next match."""
        out: list[Entity] = []
        starts = [h.end() for h in hits]
        skipping = False
        for e in self.ents(j):
            if e.start < starts[0]:
                continue
            if _in_quotes(self.text[starts[0] : e.start]):
                break  # "..., who said he was putting in money \"because Nordic languages ...\""
            opened = [a for a in starts if a <= e.start]
            first = not any(opened[-1] <= x.start < e.start for x in self.ents(j))
            if first:
                skipping = self.is_person(e) and not self.follower_ok(j, e, role)
            if not skipping:
                out.append(e)
        return out

    def _call_for_projects(self) -> bool:
        """The article gives the results of a public call: "lauréats de l'appel à projets", "winners
        of the call for proposals"."""
        call = getattr(self, "_call", None)
        if call is None:
            t = self.text
            # (the regex only where one of its words can be: most articles hold none)
            maybe = "auréat" in t or "ppel" in t or "inner" in t or "all for" in t
            call = self._call = maybe and bool(_CALL_RESULTS.search(t))
        return call

    def elided_receivers(self, candidates: list[Candidate]) -> None:
        """ "Lumen obtient 8 M€, et la lyonnaise Datawise Santé 4 M€", "A gets €8m and B €4m", "A lève
        3 M€, B 2 millions": the verb left out of the next clause is the first one's; the firm before
        the amount gets it."""
        for c in list(candidates):
            main = next((p for p in c.parties if p.role in ("investee", "recipient")), None)
            if (
                not c.amounts
                or main is None
                # ... a verb of getting money, or of raising it: "A lève 3 M€, B 2 millions"
                or not (
                    _RECEIVE.search(self.text, c.cue_start, c.cue_start + 30)
                    or (c.rule == "investment:investee" and main.rule == "subject")
                )
                or any(p.role == "investor" for p in c.parties)
            ):
                continue
            s = c.sentence
            i = self._sentence_index[s.start]
            last = c.amounts[-1].end
            for m in self.money_in(s):
                if m.start <= last:
                    continue
                gap = _ELIDED_GAP.fullmatch(self.text, last, m.start)
                named = gap and next((e for e in self.ents(i) if e.start == gap.start("name")), None)
                if (
                    not named
                    or named.end != gap.end("name")
                    or self.is_public(named)
                    or self.is_person(named)
                ):
                    break
                new = replace(c, suffix=f"{c.suffix}.e{m.start - s.start}", flags=list(c.flags))
                new.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]
                new.parties = [p for p in c.parties if p is not main]
                new.parties.append(Party(main.role, named.name, named.start, named.end, "elided_verb"))
                candidates.append(new)
                last = m.end

    def _item_amounts(self, candidates: list[Candidate], longest: int | None = None):
        """The amounts no candidate holds that stand alone, after its name, in a round-up item's heading
        line ("3. Vercors Analytics (Lyon) — 8 millions d'euros"), of `longest` characters at most: the
        line's sentence index, the sentence, the heading's match and the amount."""
        told = {a.start for c in candidates for a in c.amounts}
        for m in self.money:
            i = self._sentence_at(m.start)
            if i is None or m.start in told:
                continue
            s = self.sentences[i]
            if (longest is not None and s.end - s.start > longest) or len(self.money_in(s)) != 1:
                continue
            head = _ITEM_HEADING.fullmatch(self.text, s.start, s.end)
            if head is not None and head.start("name") < m.start:
                yield i, s, head, m

    def heading_rounds(self, candidates: list[Candidate]) -> None:
        """ "3. Vercors Analytics (Lyon) — 8 millions d'euros", then "Vercors Analytics a convaincu
        Elaia de mener sa série A": an item of a round-up names the firm and the amount in its heading
        line, and its paragraph tells of a round without giving the amount again."""
        for i, s, head, m in self._item_amounts(candidates, longest=120):
            if i + 1 >= len(self.sentences):
                continue
            # the item's paragraph: up to the next heading line, with no amount of its own
            body = []
            for j in range(i + 1, min(i + 6, len(self.sentences))):
                nxt = self.sentences[j]
                if _ITEM_HEADING.fullmatch(self.text, nxt.start, nxt.end) or self.money_in(nxt):
                    break
                body.append(j)
            if not any(_ROUND_WORDS.search(self.sentences[j].text) for j in body):
                continue
            # the heading's name, or the same name read in its paragraph ("Pixelune, qui ...")
            name = self.text[head.start("name") : head.end("name")]
            firm = next((e for e in self.ents(i) if e.start == head.start("name")), None) or next(
                (e for j in body for e in self.ents(j) if e.name == name), None
            )
            if firm is None or self.is_public(firm) or self.is_person(firm) or firm.name != name:
                continue
            firm = replace(firm, start=head.start("name"), end=head.end("name"))
            cue = self.text[firm.start : firm.end]
            c = Candidate(self.doc.document_id, "investment", "investment:investee", cue, firm.start, s)
            c.flags = ["heading"]
            c.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]
            c.parties = [Party("investee", firm.name, firm.start, firm.end, "heading")]
            c.country_code = self.party_country(firm, s, firm.end)
            self._deal_ends = [s.end]
            self.finish(c, i, s, set())
            candidates.append(c)

    def listed_grants(self, candidates: list[Candidate]) -> None:
        """ "Les subventions octroyées par la Région wallonne se répartissent comme suit :" then
        "• Meuse Analytics SRL (Liège) – 1 250 000 €": a list that a grant sentence ending on a colon
        introduces gives one grant an item, to the item's firm, from the body the text names before."""
        if ":" not in self.text:
            return
        for i, s, head, m in self._item_amounts(candidates):
            # the list's introduction: the nearest sentence before the items that ends on a colon
            intro = next(
                (
                    j
                    for j in range(i - 1, max(-1, i - 12), -1)
                    if not _ITEM_HEADING.fullmatch(self.text, self.sentences[j].start, self.sentences[j].end)
                    and self.sentences[j].text.rstrip().endswith(":")
                ),
                None,
            )
            if intro is None or not _TABLE_GRANT.search(self.sentences[intro].text):
                continue
            firm = next((e for e in self.ents(i) if e.start == head.start("name")), None)
            if firm is None or self.is_public(firm) or self.is_person(firm):
                continue
            grantor, country = self.grantor_before(i)
            if grantor is None:
                continue
            c = Candidate(self.doc.document_id, "subsidy", "subsidy:listed", firm.name, firm.start, s)
            c.flags = ["listed"]
            c.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]
            c.parties = [grantor, Party("recipient", firm.name, firm.start, firm.end, "item")]
            c.country_code = country or self.country_at(s.start)
            self._deal_ends = [s.end]
            self.finish(c, i, s, set())
            candidates.append(c)

    def bracketed_awards(self, candidates: list[Candidate]) -> None:
        """ "Viennent ensuite Neurosia, à Sophia Antipolis, qui conçoit ... (2,7 millions d'euros), et
        Clavis Edge (1,9 million d'euros)": in the results of a public call, an amount in brackets
        after a winner is that winner's grant, from the call's grantor."""
        grants = [
            c for c in candidates if c.fact_type == "subsidy" and any(p.role == "grantor" for p in c.parties)
        ]
        call = self._call_for_projects()
        if not call and not grants:
            return
        told = {a.start for c in candidates for a in c.amounts}
        for m in self.money:
            if m.start in told or not _IN_BRACKETS.match(self.text, m.end):
                continue
            if not re.search(r"\(\s*$", self.text[max(0, m.start - 3) : m.start]):
                continue
            i = self._sentence_at(m.start)
            if i is None:
                continue
            s = self.sentences[i]
            earlier = [g for g in grants if g.sentence.start <= s.start]
            if not call and not any(g.sentence is s for g in earlier):
                continue  # outside a call's results, only a grant of the same sentence lists its winners
            home = self.country_at(s.start)
            if not earlier and not home:
                continue
            # the winner: the first firm after the previous bracket (or the sentence's start)
            closed = [s.start + b.end() for b in re.finditer(r"\)", self.text[s.start : m.start])]
            lo = max([s.start, *closed])
            firm = next(
                (
                    e
                    for e in self.ents(i)
                    if lo <= e.start < m.start
                    and not (self.is_public(e) or self.is_person(e) or self.is_place_use(e))
                    and not self.is_vendor(e)
                    and not _LOCATIVE.search(self.text, max(s.start, e.start - 12), e.start)
                ),
                None,
            )
            if firm is None:
                continue
            if earlier:
                g = earlier[-1]
                grantor = replace(next(p for p in g.parties if p.role == "grantor"), rule="continued")
                country = g.country_code
            else:
                # "Les lauréats sont A (2 M€), B (1,5 million)": the call's state grants
                grantor = Party("grantor", self.country_name(home), None, None, "document_country")
                country = home
            c = Candidate(self.doc.document_id, "subsidy", "subsidy:continued", m.surface, m.start, s)
            c.flags = ["bracketed"]
            c.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]
            c.parties = [grantor, Party("recipient", firm.name, firm.start, firm.end, "bracketed")]
            c.country_code = country
            self._deal_ends = [m.end]
            self.finish(c, i, s, set())
            candidates.append(c)
            told.add(m.start)

    def table_rows(self, candidates: list[Candidate]) -> None:
        """ "| Lauréat | Ville | Subvention |" then "| Carthage Vision | Tunis | 450 000 dinars |": a
        table that lists firms with an amount each tells one deal a row, the firm in its first
        column; the amount column's header types it (a grant word: a subsidy from the public body
        the text names before the table; a round word: an investment, with the backers of an
        investors' column). A first column of ranks ("| 1 | Wendkouni Data |") is passed over."""
        if "|" not in self.text:
            return
        told = {(p.name, a.amount, a.currency) for c in candidates for p in c.parties for a in c.amounts}
        for block in _TABLE.finditer(self.text):
            lines = block.group(0).rstrip("\n").split("\n")
            if len(lines) < 3 or not _TABLE_RULE.fullmatch(lines[1].strip()):
                continue
            header = [h.strip() for h in lines[0].strip().strip("|").split("|")]
            above = len(self.text[: block.start()].rstrip())  # the paragraph above the table
            lead = self.text[self.text.rfind("\n\n", 0, above) + 1 : above]
            lead_kind = "subsidy" if _TABLE_GRANT.search(lead) else None
            if lead_kind is None and _TABLE_ROUND.search(lead):
                lead_kind = "investment"
            kinds = [
                "subsidy" if _TABLE_GRANT.search(h) else "investment" if _TABLE_ROUND.search(h)
                else lead_kind if _TABLE_AMOUNT.search(h) else None
                for h in header
            ]
            backers = next((k for k, h in enumerate(header) if _TABLE_BACKERS.search(h)), None)
            at = block.start() + len(lines[0]) + len(lines[1]) + 2
            for line in lines[2:]:
                row_start, at = at, at + len(line) + 1
                cells, pos = [], row_start + line.index("|") + 1
                for part in line.strip().strip("|").split("|"):
                    lead = len(part) - len(part.lstrip())
                    cells.append((pos + lead, pos + lead + len(part.strip())))
                    pos += len(part) + 1
                if len(cells) != len(header):
                    continue
                i = self._sentence_at(row_start + line.index("|") + 1)
                if i is None:
                    continue
                s = self.sentences[i]
                # the first money column the header types
                hit = next(
                    (
                        (k, m)
                        for k, (a, b) in enumerate(cells)
                        if kinds[k]
                        for m in self.money_in(s)
                        if a <= m.start and m.end <= b
                    ),
                    None,
                )
                # the firm in the first column that is no rank ("| 1 | Wendkouni Data | ...", "| 1er prix |")
                name_start, name_end = next(
                    ((a, b) for a, b in cells if not _TABLE_RANK.fullmatch(self.text[a:b])), cells[0]
                )
                name = self.text[name_start:name_end]
                if (
                    hit is None
                    or not name[:1].isupper()
                    or any(name_start <= x.start < name_end for x in self.money_in(s))
                ):
                    continue
                k, m = hit
                # a cue word inside the row's own cells ("Assistant pour les dossiers d'aide sociale")
                # tells the row less well than its columns do
                for x in [x for x in candidates if x.sentence.start == s.start and x.fact_type == kinds[k]]:
                    if any(a.start == m.start for a in x.amounts):
                        candidates.remove(x)
                        told.discard((name, m.amount, m.currency))
                if (name, m.amount, m.currency) in told:
                    continue  # the text tells the same deal in a sentence too
                fact_type = kinds[k]
                c = Candidate(self.doc.document_id, fact_type, f"{fact_type}:table_row", name, name_start, s)
                c.flags = ["table"]
                c.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]
                role = "recipient" if fact_type == "subsidy" else "investee"
                firm = Party(role, name, name_start, name_end, "table_row")
                if fact_type == "subsidy":
                    grantor, country = self.grantor_before(i)
                    if grantor is None:
                        continue
                    c.parties = [grantor, firm]
                    c.country_code = country or self.country_at(s.start)
                else:
                    c.parties = [firm]
                    if backers is not None:
                        a, b = cells[backers]
                        for e in self.ents(i):
                            if a <= e.start and e.end <= b and e.name != name:
                                c.parties.append(Party("investor", e.name, e.start, e.end, "table_row"))
                    named = next((e for e in self.ents(i) if e.start == name_start), None)
                    c.country_code = (
                        self.party_country(named, s, name_end) if named else self.country_at(s.start)
                    )
                self._deal_ends = [m.end]
                self.finish(c, i, s, set())
                candidates.append(c)
                told.add((name, m.amount, m.currency))

    def bracketed_rounds(self, candidates: list[Candidate]) -> None:
        """ "Funding round-up: A ($12M), B ($5M), C ($3M)": a round whose firm has its amount in brackets
        after it is one of a list; each other firm with its bracketed amount raised its own."""
        told = {a.start for c in candidates for a in c.amounts}
        for c in list(candidates):
            main = next((p for p in c.parties if p.role == "investee"), None)
            if c.fact_type != "investment" or not c.amounts or main is None or main.end is None:
                continue
            if not re.match(r"\s*\(\s*$", self.text[main.end : c.amounts[0].start]):
                continue  # the round's own amount is not bracketed after its firm
            s = c.sentence
            i = self._sentence_index[s.start]
            for m in self.money_in(s):
                if m.start in told or not _IN_BRACKETS.match(self.text, m.end):
                    continue
                firm = next(
                    (
                        e
                        for e in self.ents(i)
                        if re.fullmatch(r"\s*\(\s*", self.text[e.end : m.start])
                        and not (self.is_public(e) or self.is_person(e) or self.is_vendor(e))
                    ),
                    None,
                )
                if firm is None:
                    continue
                new = replace(c, suffix=f"{c.suffix}.b{m.start - s.start}", flags=[*c.flags, "bracketed"])
                new.amounts = [Amount(m.amount, m.currency, m.start, m.end, m.surface, True)]
                new.parties = [Party("investee", firm.name, firm.start, firm.end, "bracketed")]
                new.country_code = self.party_country(firm, s, firm.end)
                candidates.append(new)
                told.add(m.start)

    def shared_grants(self, candidates: list[Candidate]) -> None:
        """ "A, B et C se partagent une enveloppe de 12 M€", "A, B and C will share a $12 million
        grant": one grant whose recipients are the listed firms, from the grantor of the article's
        grants before it, else from its state."""
        grants = [c for c in candidates if c.fact_type == "subsidy"]
        for c in candidates:
            s = c.sentence
            share = _SHARE.search(self.text, s.start, c.amounts[0].start) if c.amounts else None
            end = min(s.end, c.amounts[-1].end + 30) if c.amounts else s.end
            if share is None or not _GRANT_WORD.search(self.text, share.end(), end):
                continue
            i = self._sentence_index[s.start]
            firms = self._listed_firms(i, s, share.start())
            if len(firms) < 2:
                continue
            before = [g for g in grants if g is not c and g.sentence.start < s.start]
            own = next((p for p in c.parties if p.role == "grantor" and c.fact_type == "subsidy"), None)
            if own is not None and any(f.name == own.name for f in firms):
                own = None  # "A et B se partagent une aide publique": a sharer grants nothing
            grantor = next((p for p in before[-1].parties if p.role == "grantor"), None) if before else None
            if own is not None:
                grantor = own  # "A and B will share a €6m grant from the Ministry": the sentence's body
            elif grantor is not None:
                grantor = Party("grantor", grantor.name, grantor.start, grantor.end, "continued")
                c.country_code = before[-1].country_code
            else:
                home = self.country_at(s.start)
                if not home:
                    continue
                grantor = Party("grantor", self.country_name(home), None, None, "document_country")
                c.country_code = home
            c.fact_type, c.rule, c.flags = "subsidy", "subsidy:shared", []
            c.parties = [grantor, *(Party("recipient", f.name, f.start, f.end, "shared") for f in firms)]

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
        new = replace(c, fact_type="subsidy", rule="subsidy:continued", flags=[])
        new.parties = [grantor, Party("recipient", investee.name, investee.start, investee.end, "subject")]
        new.country_code = g.country_code
        return new
