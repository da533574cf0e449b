"""Non-fact filters: money that is no deal (valuations, totals, estimates), noise lines, chip cues that
report no purchase.
"""

from __future__ import annotations

import re

from warehouse.staging.chips import model_regex
from warehouse.staging.lexicon import rows
from warehouse.staging.money import Money
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import _CHIP_WORDS, _adverbs, _noise, _nonfact

# from a total to a part of it: "€51m in total, including a €9m seed", "16 M€, dont 4 M€"; or to the
# figure it is compared with: "fell to about $330 million in 2025 from a peak of nearly $800 million"
_PART_OF = re.compile(
    r"[^.;:]{0,30}?,?\s+(?:(?:including|of which|dont|y compris)|"
    r"(?:from|down from|up from|contre|après)\s+"
    r"(?:(?:a|un|une)\s+(?:peak|high|low|record|pic|sommet)\s+(?:of|de)\s+)?)"
    r"\s*(?:(?:a|an|un|une|some|près de|about|nearly|almost|around|environ)\s+)?"
)

_EQUIPMENT = re.compile(
    r"\b(?:" + "|".join(re.escape(r["surface"]) for r in rows("chips") if r["kind"] == "equipment") + r")\b",
    re.IGNORECASE,
)
# a purchase denied or contrasted: "plutôt qu'une commande", "rather than an order", "n'a pas commandé"
_NEGATED_CUE = re.compile(
    r"(?:\b(?:pas|not|never|jamais|non|rather than|instead of|plutôt qu['’]|plutôt que)\s*"
    # "n'a pas l'intention d'acheter", "does not plan to buy", "has no plans to buy"
    r"(?:l['’]intention\s+(?:de\s+|d['’])|(?:intend|plan)\s+(?:to\s+)?)?"
    r"|\bno\s+(?:plans?|intention)\s+(?:to|of)?\s*"
    # "sans préciser de commande ferme", "without placing an order"
    r"|\b(?:sans|without)\s+(?:[\w'’-]+\s+)?)"
    r"(?:(?:encore|yet|une?|an?|any|the|la|le|les|de|d['’]|des)\s*){0,2}$",
    re.IGNORECASE,
)
# no deal is smaller than this in any currency: an amount below it is a share price or a unit's price
MIN_DEAL_AMOUNT = 1000
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
# chips rented under the contract or order the cue names: "contrat pour louer 512 GPU", "a deal to lease"
_LEASE = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:pour|to|afin de)\s+(?:louer|lease|rent)\b", re.IGNORECASE
)
# money whose purpose is buying chips is no purchase yet: "ce financement sert à acheter des puces",
# "meant to cover the cost of purchases of GPUs", "un prêt pour l'achat de serveurs"
_MONEY_PURPOSE = re.compile(
    r"\b(?:sert|servent|servira|serviront|servir|used|meant|intended|earmarked|destinée?s?)\b"
    r"(?:\s+[\w'’]+){0,2}?\s+(?:à|to)\b|\b(?:to|pour|afin de)\s+(?:fund|finance|financer|cover|couvrir)\b"
    # "un prêt de 7 M$ pour l'achat de serveurs", "a loan for the purchase of": what money is for
    r"|\b(?:pour|for)\s+(?:l['’]|the\s+)?$",
    re.IGNORECASE,
)
_COMPARED = re.compile(
    r"\b(?:first|largest|biggest|record|premi\w+|plus (?:grosse?|importante?)|round|tour|levée)\b",
    re.IGNORECASE,
)
# a sum raised by a whole group of firms, or a country's venture investment: "les start-up tunisiennes ont
# levé environ", "1 000 start-up, qui ont levé", "AI start-ups raised a combined", "Domestic venture
# capital investment totaled around"
_AGGREGATE = re.compile(
    # (not "Kalmar Robotics and two other startups raised": a firm among them)
    r"(?:(?<!\bother\s)(?<!\bautres\s)\b(?:start-?ups|startups|scale-?ups|companies|firms|entreprises|"
    r"sociétés|jeunes pousses)|"
    r"\b(?:les|des|ces|[\d\s\u00a0\u202f]{2,})\s+start-?up)\b(?:\s+[\w'’-]+){0,3}?"
    # (a comma right before the verb ends an apposition: "X, a company building models for engineering
    # firms, raised": one firm's round; "firms, which together raised" is the group's)
    r"(?:,\s+(?:(?:qui|that|which|have|had|ont|avaient|together|collectively|ensemble)\s+){1,3}|"
    r"\s+(?:(?:qui|that|which|have|had|ont|avaient|together|collectively|ensemble)\s+){0,3})"
    r"(?:raised|levé|attracted|attiré|secured|drew|pulled in)\b(?:\s+[\w'’-]+){0,4}\s*$|"
    # "Elles ont levé au total l'équivalent de", "they have raised a combined": a group's sum
    r"\b(?:elles|ils|they)\s+(?:ont|have|had)\s+(?:raised|levé)\s+(?:au total|in total|a combined|"
    r"together|ensemble|collectively)\b(?:\s+[\w'’-]+){0,4}\s*$|"
    # "Startup funding in Egypt fell to about", "announced investments reached", "les financements
    # ont atteint": a sector's or a region's total
    r"(?<!\ba\s)(?<!\ban\s)\b(?:(?:venture capital|venture|VC|start-?up|tech|AI)\s+(?:investments?|funding)|"
    r"investments|financements|investissements)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:(?:ont|a)\s+)?"
    r"(?:totall?ed|reached|rose|fell|amounted to|hit|climbed|dropped|atteint|totalisé|chuté|reculé)\b"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.IGNORECASE,
)
# a line opening on a figure and a caption in lower case after a colon or a dash: "$14M: median seed
# valuation for AI startups", "€2.3bn — total raised by ..." (the start of the line, after a bullet)
_FIGURE_CAPTION = re.compile(r"\s*[:—–]\s+[a-zà-ÿ]")
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[•·▪*–-][ \t]*)?$")
# a figure a "what" clause explains as a group's sum: "US$1.2bn — what Latin American AI startups raised"
_AGGREGATE_AFTER = re.compile(
    r"\s*[—–:-]\s*(?:what|ce que|ce qu['’])\s*(?:[\w'’-]+\s+){0,4}?(?:start-?ups|startups|companies|"
    r"firms|entreprises|sociétés|jeunes pousses)\s+(?:(?:have|had|ont)\s+)?"
    r"(?:raised|levé|attracted|attiré|secured)\b",
    re.IGNORECASE,
)
# the verbs `_AGGREGATE` ends on, looked for first (most amounts have none before them)
_AGGREGATE_VERB = re.compile(
    r"raised|levé|attracted|attiré|secured|drew|pulled|total|reached|rose|fell|amounted|hit|climbed|dropped"
    r"|atteint|chuté|reculé",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(r"\s+(?:(?:fin|début|mi-?|early|late|mid-?)\s*)?(?:19|20)\d\d\b")

# the end of a sentence of running text (a headline has none)
_FINAL_STOP = re.compile(r"[.!?…:;»”\"']\s*$")
# a line of section names: "Entreprises & Marchés | Tech", "ECONOMY > POLICY" (no figure in it)
_BREADCRUMB = re.compile(r"[^\W\d_][^\d|›>»/\n]{0,30}(?:\s*[|›>»/]\s*[^\W\d_][^\d|›>»/\n]{0,30}){1,4}")


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause holding text[hi] starts: after the last of ",;:—–" in text[lo:hi], else lo. Found
    from `hi` back (a sentence of many amounts read its whole head again for each amount)."""
    return max(lo, 1 + max(text.rfind(p, lo, hi) for p in ",;:—–"))



# chips as a bare or indefinite plural, right after the cue or right before it
_BARE_CHIPS_AFTER = re.compile(
    r"\s*(?:des|de|d['’]|additional|new|extra|some)?\s*(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:GPUs?|puces|chips|accélérateurs|accelerators)\b(?!\s*(?:worth|for|pour|d['’]une?\s+valeur))",
)
_BARE_CHIPS_BEFORE = re.compile(
    r"(?:^|[.:;!?]\s+|\b(?:[Aa]dditional|[Nn]ew|[Ee]xtra)\s+)(?:GPUs|chips|puces)\s+$"
)
# a fund's own close: "Fund II closed at DKK 450 million", "our second fund, which closed at $42 million"
_FUND_CLOSE = re.compile(
    r"\b(?:fund|fonds)\b[^.;:]{0,40}?\b(?:closed|closes|clôturé|clôture)\s+(?:at|à)\s+(?:about\s+|environ\s+)?$",
    re.IGNORECASE,
)
# an amount a change starts from: "increasing the award from the 9 billion yen", "raised from $5m to"
_PREVIOUS_FIGURE = re.compile(
    r"\b(?:increas\w*|rais(?:ed|ing)|lift(?:ed|ing)|boost(?:ed|ing)|revis(?:ed|ing)|cut(?:ting)?|reduc\w*)"
    r"\b[^.;:]{0,40}?\bfrom\s+(?:the\s+|its\s+|an?\s+)?(?:(?:initial|original|previous|earlier)\s+)?$",
    re.IGNORECASE,
)
# a deal's noun right before "valued at" / "valorisé à": the deal's own price, no firm's valuation
_DEAL_VALUED = re.compile(
    r"\b(?:transactions?|deals?|orders?|contracts?|agreements?|purchases?|acquisitions?|commandes?|"
    r"contrats?|accords?|achats?)\s+(?:(?:was|is|were|été|est)\s+)?$",
    re.IGNORECASE,
)
# a receiving or granting verb right before an amount, maybe with its noun: "receive", "were awarded
# grants of", "will get": "each" after the amount shares it out
_SHARE_VERB_BEFORE = re.compile(
    r"\b(?:receive[sd]?|receiving|get|gets|got|awarded|granted|won|obtain(?:ed|s)?|given)\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:grants?|awards?|subsid(?:y|ies)|funding|support)\s+(?:of|worth)\s+)?$",
    re.IGNORECASE,
)

class Filters:
    """Non-fact filters: money that is no deal (valuations, totals, estimates), noise lines, chip cues that
    report no purchase."""

    def is_noise(self, s: Sentence) -> bool:
        """A "Lire aussi" / "Related coverage" line, or a list item under one."""
        cache = self._noise_cache
        if s.start not in cache:
            cache[s.start] = self._is_noise(s)
        return cache[s.start]

    def _is_noise(self, s: Sentence) -> bool:
        if _noise(self.lang).match(s.text):
            return True
        if len(s.text) <= 60 and _BREADCRUMB.fullmatch(s.text):
            return True  # "Entreprises & Marchés | Tech", "ECONOMY > POLICY": the site's sections
        line_start = self.text.rfind("\n", 0, s.start) + 1
        line_end = self.text.find("\n", s.end)
        line = self.text[line_start : len(self.text) if line_end < 0 else line_end]
        bullet = re.match(r"\s*[-•·*>→▸►–›]\s", line) is not None
        # a headline standing alone on its line ("Tarnow Compute buys 2,000 Nvidia GPUs")
        headline = not bullet and not _FINAL_STOP.search(line)
        if not (bullet or headline):
            return False
        # noise when the block it belongs to is headed by a noise line: "Related articles", then
        # bullets or headlines, up to a blank line
        k = line_start - 1
        while k > 0:
            prev_start = self.text.rfind("\n", 0, k) + 1
            prev = self.text[prev_start:k]
            if not prev.strip():
                return False
            if _noise(self.lang, ("links",) if headline else ("links", "furniture")).match(prev):
                return True
            if bullet != (re.match(r"\s*[-•·*>→▸►–›]\s", prev) is not None) or (
                headline and _FINAL_STOP.search(prev)
            ):
                return False  # the block is a paragraph, or the list starts on another kind of line
            k = prev_start - 1
        return False

    # -- money labels -------------------------------------------------------------------------
    def label_money(
        self, s: Sentence, cue_spans: list[tuple[int, int]], flags: set[str], purchase_spans=()
    ) -> dict[Money, str]:
        """Each amount's label: "fact", or why it is none (valuation, revenue, estimate, other...).
        `purchase_spans` are the chip-purchase cues among `cue_spans`."""
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
                        if lab == "valuation" and _DEAL_VALUED.search(before, 0, hit.start()):
                            # "an order ... in a transaction valued at C$180 million": the deal's price
                            at = hit.start() + 1
                            continue
                        dist = len(before) - hit.end()
                        if best is None or dist < best:
                            best, label = dist, lab
                        at = hit.start() + 1
                if pos in ("after", "both"):
                    hit = rx.search(after)
                    if hit and re.fullmatch(
                        r"[\s,:]*(?:de|d['’]|des|in|of|en|du)?\s*(?:[\w-]+\s+)?", after[: hit.start()]
                    ) and not re.match(r"\s+(?:to|à|aux?)\s", after[hit.end() :]) and not (
                        # "A, B and C receive €2m each", "were awarded grants of €2m apiece": shares
                        hit.group(0).strip().lower() in ("each", "apiece")
                        and _SHARE_VERB_BEFORE.search(before)
                    ) and not any(
                        # "a €120m procurement contract", "a S$120m contract for 1,600 GPUs": a purchase
                        # cue before the marker, or starting with it, prices it
                        m.end <= a <= m.end + hit.start() for a, b in purchase_spans
                    ):
                        # "€4 million each to A, B and C" shares money out; "$30,000 each" prices a unit
                        best, label = -1, lab
            # "brings the total ... to ¥1.7 trillion", "recommended ... that the country spend €5 billion":
            # a marker anywhere earlier in the amount's clause governs it, whatever cue stands between
            clause_start = _clause_start(self.text, s.start, m.start)
            prior = self.text[max(clause_start, m.start - 160) : m.start]
            strong = None
            for rx, lab, pos in _nonfact(self.lang):
                if pos == "clause" and rx.search(prior):
                    strong = lab
                elif pos == "after_clause":
                    # "raised about €35m from venture investors since its creation": a total to date
                    stop = re.search(r"[,;:.()]", self.text[m.end : next_start])
                    rest = self.text[m.end : (m.end + stop.start()) if stop else next_start][:80]
                    if rx.search(rest):
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
            if strong is None and _PREVIOUS_FIGURE.search(self.text, max(s.start, m.start - 70), m.start):
                # "increasing the award from the 9 billion yen it had earmarked": the figure it replaces
                strong = "other"
            if strong is None and _FUND_CLOSE.search(self.text, max(s.start, m.start - 70), m.start):
                strong = "other"  # a fund raising its own capital from its backers, no deal in AI
            if strong is None and _FIGURE_CAPTION.match(self.text, m.end) and _LINE_OPENING.search(
                self.text, max(0, m.start - 6), m.start
            ):
                # "$14M: median seed valuation for AI startups": a figure and its caption, no deal
                strong = "other"
            if strong is None and (
                (
                    _AGGREGATE_VERB.search(self.text, max(s.start, m.start - 60), m.start)
                    and _AGGREGATE.search(self.text, max(s.start, m.start - 160), m.start)
                )
                or _AGGREGATE_AFTER.match(self.text, m.end)
            ):
                strong = "market_size"
            if strong:
                label, best = strong, -1
            part = k and _PART_OF.fullmatch(self.text, ms[k - 1].end, m.start)
            if part and out.get(ms[k - 1], "fact") != "fact":
                # "raised €51m in total, including a €9m seed round": a part of what is no deal
                label, best = out[ms[k - 1]], -1
            cue_dist = min((m.start - e for _s, e in cue_spans if e <= m.start), default=None)
            if label and best is not None and best > 0 and cue_dist is not None and best > cue_dist:
                # "un prêt d'amorçage de 500 000 euros": the cue word only qualifies the marker's noun
                mark_end = m.start - best
                nearest = min((a for a, e in cue_spans if mark_end <= a and e <= m.start), default=None)
                if nearest is not None and re.fullmatch(
                    r"\s*(?:de|d['’]|of|for)?\s*", self.text[mark_end:nearest], re.IGNORECASE
                ):
                    best = cue_dist
            # a tie is a cue word ending the marker ("total levé", "cumulative funding"): the marker wins
            if label and (best == -1 or cue_dist is None or best <= cue_dist or label == "estimate"):
                out[m] = label
            elif flags & {"denial", "cancelled", "rumour", "pledge"}:
                out[m] = "other"
            elif cue_spans and m.amount < MIN_DEAL_AMOUNT:
                # "closed 0.5 per cent lower at S$2.11", "A$1.20 per share": a price, never a deal
                out[m] = "unit_price"
            elif cue_spans:
                out[m] = "fact"
            else:
                out[m] = "other"
        return out

    def not_a_purchase(self, lo: int, hi: int, cs: int, ce: int, counted: bool) -> str | None:
        """A chip cue that reports no purchase: negated or contrasted, its object chip-making
        equipment, or, with no count, chips that are not its object ("prioritise orders from the EU
        ... next-generation chips"), a generic plural ("the companies' purchases of GPUs") or money's
        purpose ("sert à acheter des puces"). Returns the id of the filter that applies, else None."""
        before, after = self.text[lo:cs], self.text[ce:hi]
        # (past the clause's start when another cue opens it: "does not plan to buy")
        wide = self.text[max(0, cs - 40) : cs]
        wide = wide[max(wide.rfind("."), wide.rfind("\n")) + 1 :]
        if _NEGATED_CUE.search(before) or _NEGATED_CUE.search(wide):
            return "not_a_purchase.negated"
        if _NO_PURCHASE.search(self.text, lo, hi):
            return "not_a_purchase.no_purchase"
        if _LEASE.match(after):
            return "not_a_purchase.lease"  # "a signé un contrat pour louer 512 GPU": rented, not bought
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
            # "installed its first EUV lithography machine", "ASML livre ses machines"
            return "not_a_purchase.equipment"
        if (
            re.fullmatch(r"(?:order|purchase|acquisition|commande|achat)s?", self.text[cs:ce], re.I)
            and re.search(r",\s*(?:a|an|un|une)\s+(?:[\w-]+\s+)?$", before, re.I)
            and re.match(r"\s+(?:that|which|qui|dont)\b", after)
        ):
            # "has bought 2,048 GPUs, a purchase that will make it ...": the apposition restates the
            # purchase its sentence told
            return "not_a_purchase.restated"
        if counted:
            return None
        if not any(lo <= m.start and m.end <= hi for m in self.money) and (
            _BARE_CHIPS_AFTER.match(self.text, ce, hi) or _BARE_CHIPS_BEFORE.search(self.text, lo, cs)
        ):
            # "va déployer des GPU Instinct", "Additional GPUs ordered", "Are you buying GPUs?": chips
            # named by no count, no price and no article point at no purchase of a given order
            return "not_a_purchase.bare_plural"
        if re.search(r"\b[a-zà-ÿ][\w-]*s['’]\s+$|\b(?:their|leurs)\s+$", before):
            return "not_a_purchase.generic_plural"
        noun = re.fullmatch(
            r"(?:order|purchase|acquisition|deal|commande|achat)s?(?:\s+(?:of|for|de|d['’]|pour))?",
            self.text[cs:ce],
            re.I,
        )
        if noun and re.search(
            r"\b(?:the|this|that|its|la|le|l['’]|cette|ce|cet|sa|son)\s+(?:[\w-]+\s+)?$", before, re.I
        ):
            return "not_a_purchase.told_before"  # "the cost of the GPU order": the purchase already told
        if noun and re.search(r"(?:^|[,:;]\s*)(?:a|an|un|une)\s+(?:[\w-]+\s+){0,2}$", before, re.I):
            return "not_a_purchase.topic_in_list"  # "In this issue: X upgrades Y, a Swedish GPU order, ..."
        if _MONEY_PURPOSE.search(before):
            return "not_a_purchase.money_purpose"
        # a chip word or model right before a noun cue: "a GPU order", "GPU ORDER"
        named_before = re.search(rf"(?:{_CHIP_WORDS}|{model_regex().pattern})\s+(?:\w+\s+)?$", before, re.I)
        return "not_a_purchase.no_chip_object" if not chips and not named_before else None
