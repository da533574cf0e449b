"""Chip-purchase roles: buyer, vendor, count of a purchase cue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from warehouse.staging.candidates import Candidate, Party
from warehouse.staging.chips import ChipQuantity, model_regex
from warehouse.staging.numbers import parse_digits
from warehouse.staging.parties import Entity
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import _ANAPHOR, _CHIP_WORDS, _LOC_PREP, _markers, _public_bodies

_TO_BUYER = re.compile(r"\b(?:to|à|au|aux)\s+(?:l['’]|la |le |les |the )?$")
# the object of a purchase verb given as a bare number, its chips named before: "A en achète 7 656,
# B 3 056", "A, B and C each take 50,000"
_COUNT_AFTER_CUE = re.compile(
    r"\s+(?:(?:each|chacun|chacune|respectively|respectivement|about|around|some|environ|près de|more than|"
    r"plus de)\s+)*"
    # (the whole number: not "12" of "12,000 AMD accelerators")
    r"(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d{2,})(?![ \u00a0\u202f,.]?\d)"
    r"(?=\s*(?:[,;.)]|$)|\s+(?:et|and|while|whereas|tandis|alors|but|mais|each|chacun|chacune|apiece)\b)",
    re.IGNORECASE,
)
_MAKER_VERB = re.compile(
    r"\b(?:built|made|designed|developed|assembled|manufactured|constructed|supplied|delivered|provided|"
    # "through a public tender won by HPE": the tender's winner supplies
    r"won|integrated|installed|(?:construit|conçu|fabriqué|développé|fourni|livré|remporté|intégré|installé)"
    r"(?:e|s|es)?)\s+"
    r"(?:\w+\s+)?(?:by|par)\s*$",
    re.IGNORECASE,
)


# a country's record: "Egypt's biggest AI accelerator order", "Africa's largest GPU cluster"
_SCOPE_SUPERLATIVE = re.compile(r"['’]s\s+(?:biggest|largest|first|top|most|single\s+largest)\b", re.I)
# a speech verb between a body and the name after it: "the ministry said X will deploy"
_SAID_BETWEEN = re.compile(
    r"\s*(?:\w+\s+)?(?:said|says|announced|confirmed|a\s+(?:indiqué|annoncé|précisé|confirmé)|indique|précise)"
    r"\s+(?:that\s+|que\s+|qu['’])?(?:[\w'’-]+\s+){0,4}",
    re.IGNORECASE,
)
# a place word before a country: "in the US", "en France", "aux États-Unis", "across Europe"
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|across|from|of|en|au|aux|à|dans|depuis|de)\s+(?:the\s+|la\s+|le\s+|l['’])?$", re.IGNORECASE
)

# a winning verb between a firm and an order noun: "HPE has won an order", "X books 16-rack GB200 order",
# "X a remporté une commande"
_WON_ORDER = re.compile(
    r"\s+(?:has\s+|have\s+|a\s+|ont\s+)?(?:just\s+|vient\s+de\s+)?"
    r"(?:won|wins|books|booked|lands|landed|secures|secured|receives|received|bags|bagged|clinche[sd]|"
    r"remporte|remporté|décroche|décroché|obtient|obtenu|reçoit|reçu)\s+"
    r"(?:an?\s+|the\s+|its\s+|une\s+|la\s+|sa\s+)?(?:[\w-]+\s+){0,4}",
    re.IGNORECASE,
)
# who an order comes from: "from Meuse AI Factory", "de la part de X", "auprès de X"
_FROM_BEFORE = re.compile(
    r"\b(?:from\s+|de\s+la\s+part\s+d(?:e\s+|['’])|auprès\s+d(?:e\s+|['’]))(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?:[A-ZÀ-Þ][\w-]*['’]s\s+)?$"
)

# a state's body described, not named, after its body word: "state artificial intelligence institute"
_BODY_DESCRIBED = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,3}(institute|agency|authority|centre|center|council|university|laboratory)\b"
)

# an indefinite article: "a government", "une agence"
_INDEFINITE = re.compile(r"\b(?:an?|une?|any|some)\s+$", re.IGNORECASE)

# a comma opening the passive agent right after a purchase noun: "l'acquisition, par l'ASIN, de"
_AGENT_COMMA = re.compile(r"^\s*,\s*(?=(?:par|by)\b)")
# what parts a cue from a passive agent that is not its buyer's: another clause, a bracket
_AGENT_GAP_BREAK = re.compile(r",\s|[;()]|\b(?:qui|which|that|who)\b")

class ChipRoles:
    """Chip-purchase roles: buyer, vendor, count of a purchase cue."""

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
            c = replace(
                cands[0], suffix="" if k == 0 else f".{k}", quantity=int(n), flags=list(cands[0].flags)
            )
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

    def chip_roles(self, i, s, role, cs, ce, base) -> list[Candidate]:
        markers = _markers(self.lang, "chip_purchase")
        out = []
        role = "buyer" if role == "buyer_weak" else role
        if role == "vendor":
            if re.match(r"\s+(?:by|par|through|via)\b", self.text[ce : ce + 9]):
                # "GPUs supplied by Nvidia", "supplied through a local integrator": the maker or the
                # channel of chips another cue tells of
                return []
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
                # (not "to Kenya's Savanna Cloud": the country qualifies the buyer)
                and not re.match(r"['’]s\s", self.text[c.end : c.end + 3])
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
        # ... nor after a body that buys: "L'État a acheté 1 000 GPU pour X" is the state's purchase
        beneficiary = how != "subject" and (body is None or body.start() > cs)
        for marker, when in (("buyer_agent", True), ("buyer_beneficiary", beneficiary)):
            agent = self.directly_after(i, s, markers[marker], ce) if when and marker in markers else None
            if (
                agent is not None
                and agent.start < hi
                and not self.is_vendor(agent)
                and not self.is_place_name(agent)  # "Commande de 6 144 GPU pour Vitry": where, not who
                # ... the agent may stand between commas right after the cue: "l'achat, par l'ASIN, de GPU"
                and not _AGENT_GAP_BREAK.search(_AGENT_COMMA.sub("", self.text[ce : agent.start], 1))
                # "a supercomputer built by X": the system's maker, not the buyer
                and not _MAKER_VERB.search(self.text[ce : agent.start])
            ):
                subj, how, body = agent, marker, None
                break
        if how == "subject" and subj is not None and _WON_ORDER.fullmatch(self.text, subj.end, cs):
            # "HPE has won an order for 16 racks from Meuse AI Factory", "X books a GPU order from Y":
            # the firm that wins an order supplies it; who it comes from buys
            source = next(
                (
                    e
                    for e in self.ents(i)
                    if ce <= e.start < hi
                    and _FROM_BEFORE.search(self.text, max(ce, e.start - 30), e.start)
                    and not self.is_vendor(e)
                ),
                None,
            )
            if source is not None:
                subj, how, body = source, "buyer_agent", None
        if subj is not None and how in ("previous_sentence", "after_cue") and self.is_place_name(subj):
            subj, how = None, None  # "Le campus de l'Essonne ... - Commande de 600 M€ de puces": a place
        if body is not None and _INDEFINITE.search(self.text, max(s.start, body.start() - 6), body.start()):
            return []  # "a government buying GPUs in Finland": any government, no buyer
        if body is not None and (
            subj is None
            or how != "subject"
            # "The government plans to deploy ..." after a name; not "the ministry said X will deploy":
            # the reported clause's subject buys
            or (subj.start > body.end() and not _SAID_BETWEEN.fullmatch(self.text, body.end(), subj.start))
        ):
            # "The government plans to deploy 50,000 GPUs"
            name = self.grantor_name(i, s, body.start(), body.end())
            subj = Entity(body.start(), body.start() + len(name), name, "public_body")
            how = "public_body"
            described = _BODY_DESCRIBED.match(self.text, body.end())
            if described is not None:
                # "Ethiopia's state artificial intelligence institute has bought": the institute buys, by
                # the name the story gives it ("the Ethiopian Artificial Intelligence Institute")
                head = described.group(1).capitalize()
                named = next(
                    (e for j in range(len(self.sentences)) for e in self.ents(j) if head in e.name.split()),
                    None,
                )
                if named is not None:
                    subj = Entity(body.start(), described.end(), named.name, "public_body")
        if subj is None or how not in ("subject", "buyer_agent", "buyer_beneficiary", "public_body"):
            lo, _hi = self.clause(s, cs, ce, "chip_purchase")
            state = next(
                (
                    c
                    for c in self.countries_in(lo, cs)
                    # "France 2030", "Vision 2030": a programme, not the state acting
                    if c.kind == "name" and not re.match(r"\s+\d{4}\b", self.text[c.end : c.end + 6])
                    # "GPU clouds in the US and Europe, where operators bought": a place, not who buys
                    and not _LOCATIVE_BEFORE.search(self.text, max(lo, c.start - 16), c.start)
                    # "AMD lands Egypt's biggest AI order": the country is the record's scope, not the buyer
                    and not _SCOPE_SUPERLATIVE.match(self.text, c.end)
                    # "In the month Bulgaria joined the euro, the Sofia operator ordered": the firm the
                    # clause after the comma takes up buys
                    and not any(
                        _ANAPHOR.match(self.text, c.end + m.end())
                        for m in re.finditer(r",\s*", self.text[c.end : cs])
                    )
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
        if (
            vendor is not None
            and not self.is_vendor(vendor)
            and vendor.kind != "chip_vendor"
            # "accelerators supplied by X", "puces fournies par X": the maker the text names, known or not
            and not _MAKER_VERB.search(self.text, max(s.start, vendor.start - 30), vendor.start)
        ):
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
