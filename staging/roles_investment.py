"""Investment roles: investee and investors of a cue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from warehouse.staging.candidates import Candidate, Party
from warehouse.staging.country_date import _speech_verb
from warehouse.staging.parties import Entity
from warehouse.staging.people import speaker
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import (
    _FUND_ANAPHOR,
    _FUND_WORDS,
    _LOCATIVE,
    _MEANS_BEFORE,
    _PLACE_OF_FIRM,
    _PRONOUN_OPENING,
    _ROUND_WORDS,
    _TO_IT_BEFORE,
    _gov_titles,
    _markers,
    _sites,
)

# an investment noun's backer right after it: "a strategic investment from X", "un investissement de
# la part de X"
_FROM_BACKER = re.compile(r"\s+(?:from|de la part d[eu']|de la part de la)\s+", re.IGNORECASE)
# right after a cue, what opens its object: "entre au capital | de la société"
_OBJECT_OF_CUE = re.compile(r"(?<![\w'’])\s*(?:de|du|dans|in|into)\b|(?<![\w'’])\s*d['’]", re.IGNORECASE)


# "lui accorde", "leur a apporté", "granted it", "gave them": the subject gives to the firm pointed back to
_GIVES_TO_IT = re.compile(
    r"\s*(?:,[^,]{0,40},\s*)?(?:(?:lui|leur)\s+(?:(?:a|ont|avait|va|vont)\s+)?"
    r"(?:accord|apport|octroi|vers|prêt|consent|allou|attribu|avanc)\w*"
    r"|(?:has\s+|have\s+|will\s+)?(?:granted|gave|lent|awarded|gives|grants|lends|give|grant|lend)\s+(?:it|them)\b)",
    re.IGNORECASE,
)
# "a participé à", "took part in", "joined", "co-led": the subject puts money in another's round
_TAKES_PART = re.compile(
    r"\s*(?:,[^,]{0,40},\s*)?(?:\w+\s+){0,2}?(?:a|ont|avait|has|have|had)?\s*(?:\w+\s+)?"
    r"(?:particip\w*|pris\s+part|took\s+part|takes\s+part|joined|joins|co-?led|co-?leads|co-?mené)\b",
    re.IGNORECASE,
)
# a round named with its firm right after an investing verb: "in the Series B of ", "à la levée de fonds de "
_ROUND_OF = re.compile(
    r"\s+(?:(?:in|to|à|au)\s+)?(?:the|a|its|la|le|l['’])\s*(?:[\w$€£.-]+\s+){0,3}?"
    r"(?:round|series\s+[a-h]|seed|financing|tour|levée(?:\s+de\s+fonds)?|série\s+[a-h])\s+(?:of|de|d['’]|du)\s*",
    re.IGNORECASE,
)
# what the money is for, after the backers: ", to build", "in order to hire", "pour développer", "afin de"
_PURPOSE_CLAUSE = re.compile(
    r",\s*(?:in order |so as )?to\s+[a-z]+\b|\b(?:afin\s+d['’e]\s*|pour\s+)[a-zéèê]+(?:er|ir|re)\b",
    re.IGNORECASE,
)
# a fund named by its kind right before its name: "Le fonds régional X", "the venture firm X"
_FUND_NOUN_LEAD = re.compile(
    r"\b(?:le\s+fonds|the\s+(?:\w+\s+)?(?:fund|venture\s+firm|investor))\s+(?:[a-zà-ÿ]+\s+){0,2}$",
    re.IGNORECASE,
)
# verbs of money brought to someone else (not spent on a project): "apporte", "injecte", "contributes"
_BRINGS = re.compile(r"(?:apport|inject|contribu|put|bring|brought|met\b|mett)\w*", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|nous)\b", re.IGNORECASE)
# a subject that led the round it names: "X led a €40m round", "X avait mené un tour de"
_LED_IT = re.compile(
    # "Orbis, qui avait mené le tour d'amorçage", "Orbis, which led the seed round"
    r"(?:\s*,\s*(?:qui|which|who))?\s+(?:(?:has|had|a|avait|ont|avaient)\s+)?"
    r"(?:co-?)?(?:led|mené|menée|conduit|emmené|piloté)\s+"
    r"(?:a|an|the|its|un|une|le|la|son|sa)\s",
    re.IGNORECASE,
)
# the next name of a subject list, past the apposition of the one before: "A, B et C injectent", "A, le
# bras financier de la Région, et B, l'investisseur liégeois, qui apportent", "A, a Boston fund, and B"
_APPOSITION = r",\s*(?:le|la|les|l['’]|un|une|son|sa|the|an?|its)\b[^,;.«»\"“”]{1,80}"
_NEXT_IN_LIST = re.compile(rf"(?:{_APPOSITION})?\s*(?:,|,?\s*(?:et|and)|&)\s*", re.IGNORECASE)
_IN_APPOSITION = re.compile(rf"{_APPOSITION}", re.IGNORECASE)
# the passive agent after a cue: "led by", "mené par"
_BY = re.compile(r"\s+(?:by|par)\b", re.IGNORECASE)
# a cue that only says who leads a round
_LEAD_CUE = re.compile(
    r"(?:(?:is|are)\s+)?(?:co-?)?(?:led|leads|lead|leading|mené|menée|mène|conduit|emmené)", re.IGNORECASE
)
# what names the round's firm after the cue: "la levée de 66 M$ de X", "the round of X"
_ROUND_OWNER = re.compile(r"\b(?:(?:de|du|of)\b|d['’])\s*", re.IGNORECASE)  # (not "Du" of "Dutch")
# a definite article or demonstrative right before a noun cue: "L'investissement", "This investment"
# the round a backer's cue points back to: "participated in the round", "joined this financing",
# "a participé à la levée", "au tour de table"
_ROUND_OBJECT = re.compile(
    r"\s*(?:à\s+|au\s+|in\s+)?(?:the|this|that|its|la|le|cette|ce|l['’])\s*(?:[\w-]+\s+){0,2}?"
    r"(?:round|raise|financing|funding|fundraising|levée|tour|opération|financement)\b",
    re.IGNORECASE,
)
# an owner of the firm pointed back to, in apposition to the subject: "Its majority owner, X,", "X, its
# parent company,", "X, son actionnaire de référence,"
_OWNER_WORDS = (
    r"(?:its|their|son|sa|leur)\s+(?:[\w-]+\s+){0,2}?(?:owner|parent|shareholder|actionnaire|propriétaire|"
    r"maison[\s-]mère)s?\b"
)
_OWNER_OF_IT_BEFORE = re.compile(rf"\b{_OWNER_WORDS}\s*,\s*(?:[\w'’-]+\s+){{0,4}}$", re.IGNORECASE)
_OWNER_OF_IT_AFTER = re.compile(rf"\s*,\s*{_OWNER_WORDS}[^,]{{0,30}},", re.IGNORECASE)
# capitalised words and "&" between a name and a place that goes on with it ("Vertex Ventures| Southeast
# Asia & |India")
_NAME_RUN_TO = re.compile(r"(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w-]*|&))+[ \t]+")
# what follows the object of a backing verb before its amount: "backing X with €6m", "X's round",
# "soutient X à hauteur de 6 M€", "avec 6 M€", "hands X €5m"
_WITH_AMOUNT = re.compile(r"\s+with\b|['’]s\b|\s+avec\b|\s+à\s+hauteur\b|\s+(?=(?:US|C|A|S)?[$€£¥]\s?\d)")
# from a speech verb to the subject of the clause it reports: " on Monday that ", " lundi que "
_CLAUSE_AFTER_SPEECH = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:that|que|qu['’])\s*|\s+(?:that\s+)?")
_DEFINITE_NOUN_CUE = re.compile(r"(?:\b(?:the|this|that|le|la|cet|cette|ce)\s+|\bl['’])$", re.IGNORECASE)
# a firm's spending named as a noun: "capital expenditures of $7bn", "Capex:", "dépenses d'investissement"
_CAPEX_NOUN = re.compile(
    r"capex|capital\s+(?:expenditures?|spending)|dépenses\s+d['’]investissement", re.IGNORECASE
)

# a firm's board, which approves its spending: "Board approved ...", "the Board of Directors"
_BOARD = re.compile(r"(?:[Tt]he\s+)?(?:Board|BOARD)(?:\s+of\s+Directors)?|[Cc]onseil\s+d['’]administration")
# the firm's own project named after a spending noun: "in stage two of the company's Northgate campus"
_OWN_PROJECT_BEFORE = re.compile(
    r"\b(?:the\s+(?:company|group|firm|operator)['’]s|its|de\s+la\s+société|du\s+groupe|son|sa|ses)"
    r"\s+(?:[a-z][\w-]*\s+)?$"
)


class InvestmentRoles:
    """Investment roles: investee and investors of a cue."""

    def reporting_firm(self, i: int, s: Sentence, subj: Entity | None) -> Entity | None:
        """ "Lirra Labs said on Monday that Halden Ventures had invested €8m in the company": the firm
        that reports the deal, before a speech verb that opens the clause of the backer."""
        if subj is None:
            return None
        hits = list(_speech_verb().finditer(self.text, s.start, subj.start))
        said = hits[-1] if hits else None
        if said is None or not _CLAUSE_AFTER_SPEECH.fullmatch(self.text, said.end(), subj.start):
            return None
        return next(
            (
                e
                for e in self.ents(i)
                if s.start <= e.start
                and e.end <= said.start()
                and not self.financier(e)
                and not self.is_person(e)
                and not self.is_public(e)
                and not self.is_vendor(e)
            ),
            None,
        )

    def listed_with(self, i: int, first: Entity, end: int) -> list[Entity]:
        """The names listed after `first` before `end`: "A, B et C injectent", "A, B and C have won",
        past an apposition ("A, le bras financier de la Région, et B"); a chip maker, a school a firm
        comes from or a person speaking for it ends the list."""
        out, last = [], first
        for e in self.ents(i):
            if e.start < last.end or e.end > end:
                continue
            gap = self.text[last.end : e.start]
            if _IN_APPOSITION.fullmatch(gap):
                continue  # inside the apposition
            if not _NEXT_IN_LIST.fullmatch(gap):
                break
            if self.is_vendor(e, in_context=True) or self.is_origin(e):
                break
            if self.is_person(e) and speaker(self.text, e.start, e.end):
                break  # "Le PDG de A, X, a annoncé": X speaks for A
            out.append(e)
            last = e
        return out

    def owned_round_firm(self, i: int, s: Sentence, subj: Entity, cs: int) -> Entity | None:
        """The firm a fund's round belongs to: the first name of the sentence before the cue that is no
        financier, person, place or chip maker, else the firm the article points back to."""
        return next(
            (
                e
                for e in self.ents(i)
                if e.end <= cs
                and e.name != subj.name
                and not self.financier(e)
                and not self.is_person(e)
                and not self.is_vendor(e)
                and e.name not in self.ex.countries.table
            ),
            None,
        ) or self.pointed_firm(i)

    def investment_roles(self, i, s, role, cs, ce, base) -> list[Candidate]:
        cands = self._investment_roles(i, s, role, cs, ce, base)
        if not _LEAD_CUE.fullmatch(self.text, cs, ce):
            return cands
        # "The Danish state led a DKK 50 million round in X", "a round that Norway led": who leads a
        # round takes equity in it, a state, its fund or its bank too; no grant
        # (one that names no firm is the round another cue of the sentence reads: "raised €7m in a round
        # that Norway led")
        led = [self.led_round(c, i, s, ce) for c in cands]
        return [c for c in led if c.fact_type == "investment"]

    def led_round(self, c: Candidate, i: int, s: Sentence, ce: int) -> Candidate:
        """A grant built from a round's leading verb, as the investment it is: the grantor invests, the
        (first) recipient raises."""
        recipient = next((p for p in c.parties if p.role == "recipient"), None)
        grantor = next((p for p in c.parties if p.role == "grantor"), None)
        if c.fact_type != "subsidy" or recipient is None or grantor is None or grantor.start is None:
            return c
        investee = next((e for e in self.ents(i) if e.start == recipient.start), None)
        if investee is None:
            return c
        new = replace(c, fact_type="investment", rule="investment:investor", flags=[*c.flags, "target"])
        new.parties = [replace(grantor, role="investor"), replace(recipient, role="investee")]
        new.country_code = self.party_country(investee, s, ce, capex=False)
        return new

    def _investment_roles(self, i, s, role, cs, ce, base) -> list[Candidate]:
        markers = _markers(self.lang, "investment")
        subj, how = self.subject(i, s, cs, ce, allow_persons=(role == "investor"))
        parties: list[Party] = []
        investee = None
        rule = f"investment:{role}"
        flags: list[str] = []
        equity = subj is not None and self.is_public(subj) and _ROUND_WORDS.search(s.text) is not None
        if equity and role == "investee" and "investee" in markers:
            # "The Office will invest £8m in X as part of a £20m round": the round is X's, the body
            # one of its investors
            target = self.directly_after(i, s, markers["investee"], s.start)
            if target is not None and target.start < cs and not self.is_public(target):
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                subj, how = target, "target"
        if subj is None and role == "investor" and self.public_body_before(s, cs):
            # "Welsh Government invests £4.5m in X": a government named by its kind, not by a name
            return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"})
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
                # "Vertex Ventures Southeast Asia & India is leading": the name of a fund's regional arm
                and not _NAME_RUN_TO.fullmatch(self.text, subj.end, capital[-1].start)
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
            # "participated in the Series B of X", "a participé à la levée de fonds de X": X's round
            of = _ROUND_OF.match(self.text, ce)
            target = next((e for e in self.ents(i) if e.start == of.end()), None) if of else None
            if target is None and "investee" in markers:
                target = self.directly_after(i, s, markers["investee"], ce)
            if target is not None and not of and not self.near_deal(target):
                target = None  # "spend ₹75,000 crore on data centres in Jamnagar": a place, not a firm
            if target is not None and _sites().match(self.text, target.end):
                target = None  # "investment in Kyushu AI campus": a site named after a place
            if target is not None and self.named_as_place(target.name):
                target = None  # "commits SEK 1bn to X" where the text also says "a site near X"
            if target is None:
                # "X is backing Kelpmind with €6 million", "X led Kelpmind's round": the verb's object
                target = next((e for e in self.ents(i) if e.start > ce), None)
                if target is None or not (
                    re.fullmatch(r"\s+", self.text[ce : target.start])
                    # ... "X soutient Kelpmind à hauteur de 6 M€", "avec 6 M€"
                    and _WITH_AMOUNT.match(self.text, target.end)
                    and not (self.is_public(target) or self.is_person(target) or self.is_vendor(target))
                ):
                    target = None
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
                # "A and B also participated in the round", "X a participé à l'opération": a round
                # the text already named is another firm's, never the backers' own spending
                or _ROUND_OBJECT.match(self.text, ce) is not None
                # "Its majority owner, X, is injecting NOK 800m", "X, son actionnaire principal, apporte":
                # the owner's money goes into the firm it owns
                or (
                    subj is not None
                    and (
                        _OWNER_OF_IT_BEFORE.search(self.text, max(s.start, subj.start - 80), subj.start)
                        or _OWNER_OF_IT_AFTER.match(self.text, subj.end, cs)
                    )
                    is not None
                )
                # "Le fonds mène un tour de 100 M$ dans un opérateur de Jakarta": a fund pointed back to
                # invests, it does not spend on itself
                or (how == "previous_sentence" and subj is not None and self.financier(subj))
                # "Orbis Capital, which led the seed round in 2024", "Le bras financier de la Région, X,
                # apporte 9 M€": a fund puts money in another firm, never in itself
                or (
                    subj is not None
                    and self.financier(subj)
                    # (a fund's money goes into a firm: "Le fonds régional X apporte 9 M€", no capex)
                    and (
                        _LEAD_CUE.fullmatch(self.text, cs, ce)
                        or self.investing_arm(subj)
                        or (
                            _FUND_NOUN_LEAD.search(self.text, max(s.start, subj.start - 30), subj.start)
                            and _BRINGS.match(self.text, cs, ce) is not None
                        )
                    )
                )
            ):
                firm = self.reporting_firm(i, s, subj) or self.pointed_firm(i)
                if firm is not None and (subj is None or firm.name != subj.name):
                    target = firm
            if subj:
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                if how == "subject":
                    # "A, B et C injectent 300 M€": every name of the subject list invests
                    listed = self.listed_with(i, subj, cs)
                    parties += [Party("investor", e.name, e.start, e.end, "subject") for e in listed]
            if target and (not subj or target.name != subj.name):
                investee = target
                flags.append("target")
            elif self.find_body(s, max(s.start, self.text.find(" : ", s.start, cs) + 3), cs) is not None:
                # "France 2030 : l'État apporte 50 millions": the state acts, whatever the headline's topic
                return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"})
            elif (topic := self.headline_topic(i, s, cs)) is not None:
                investee = topic
                flags.append("topic")
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
                title = (
                    _gov_titles().search(self.text, max(s.start, subj.start - 40), subj.start)
                    if subj is not None
                    else None
                )
                if (
                    subj is not None
                    and self.is_person(subj)
                    and title is not None
                    # "Microsoft President Brad Smith": a firm's officer, not the state's
                    and not any(
                        e.end <= title.start() and not self.text[e.end : title.start()].strip()
                        and e.name not in self.ex.countries.table
                        for e in self.ents(i)
                    )
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
                if subj is not None and (
                    _BOARD.fullmatch(subj.name)
                    or (how == "after_cue" and _OWN_PROJECT_BEFORE.search(self.text, s.start, subj.start))
                ):
                    # "Board approved a €300 million capex programme", "a A$350 million investment in stage
                    # two of the company's Northgate AI campus": the firm the article is about spends
                    firm = self.main_firm(
                        lambda e: not (self.financier(e) or self.is_vendor(e) or self.is_person(e))
                        and not self.is_place_name(e)
                        and not _BOARD.fullmatch(e.name)
                        and e.name != subj.name
                    )
                    if firm is None:
                        return []
                    subj, how = firm, "previous_sentence"
                    parties = [Party("investor", subj.name, subj.start, subj.end, how)]
                investee = subj
                if _LEAD_CUE.fullmatch(self.text, cs, ce) and _BY.match(self.text, ce):
                    # "the first close of €6M, led by X", "un tour mené par X": a round is led, and
                    # the subject's firm raises it; the leaders come after "by"
                    parties = [p for p in parties if p.name != subj.name]
                elif _FROM_BACKER.match(self.text, ce):
                    # "announced a $12 million strategic investment from X": the subject receives it
                    parties = [p for p in parties if p.name != subj.name]
                elif how == "after_cue" and _CAPEX_NOUN.fullmatch(self.text, cs, ce):
                    # "Capex: X expects capital expenditures of $7bn", "capital expenditure of NOK 4bn for
                    # the X site": a spending noun whose spender comes after it is guidance or a budget
                    return self.reject(s, "investment", cs, ce, "roles", "capex.spender_after_cue", subj.name)
                elif (
                    how == "subject"
                    and subj.end <= cs
                    and subj.kind != "project"  # "le projet américain Stargate, doté de": a venture's plan
                    # "une levée de fonds ... auprès d'un fonds régional qui a pris une participation"
                    and not _ROUND_WORDS.search(s.text)
                    and (self.programme(subj) or self.state_fund(subj))
                ):
                    # "Le FIAS, doté de 25 milliards FCFA", "the X Strategy would mobilise €25 million of
                    # public funds": money a public programme or fund spends, with no firm it goes into,
                    # is public money
                    return self.subsidy_roles(i, s, cs, ce, {**base, "fact_type": "subsidy"}, actor=subj)
                else:
                    flags.append("capex")
                noun = _DEFINITE_NOUN_CUE.search(self.text, max(s.start, cs - 12), cs)
                means = how == "after_cue" and _MEANS_BEFORE.search(
                    self.text, max(s.start, subj.start - 40), subj.start
                )
                if (how == "previous_sentence" and noun) or means:
                    # "L'investissement de 340 M$ provient de fonds en yuan": the deal of the firm the
                    # text is about, not money it spends itself; "10 Md$ investis grâce à l'alliance X":
                    # X brings the money together, it does not spend it
                    parties = [p for p in parties if p.role != "investor"]
        else:
            investee = subj
            if (
                subj is not None
                and how == "subject"
                and _GIVES_TO_IT.match(self.text, subj.end, cs) is not None
                and (firm := self.pointed_firm(i)) is not None
                and firm.name != subj.name
            ):
                # "Bpifrance lui accorde de son côté un prêt d'amorçage de 500 000 euros": the firm of
                # the previous sentences receives it from the subject
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                investee = firm
                flags.append("target")
            elif (
                subj is not None
                and (
                    (how == "subject" and _TAKES_PART.match(self.text, subj.end, cs) is not None)
                    # "We participated pro rata in the Series B of X": the fund writing
                    or (
                        how == "first_person"
                        and (we := _WE.search(self.text, s.start, cs)) is not None
                        and _TAKES_PART.match(self.text, we.end(), cs) is not None
                    )
                    # "Il a notamment participé à ...": the firm pointed back to
                    or (
                        how == "previous_sentence"
                        and (pronoun := _PRONOUN_OPENING.match(self.text, s.start, cs)) is not None
                        and _TAKES_PART.match(self.text, pronoun.end(), cs) is not None
                    )
                )
                and (owner := self.directly_after(i, s, _ROUND_OWNER, ce)) is not None
                and owner.name != subj.name
                and not self.is_person(owner)
            ):
                # "X a participé à la levée de 66 M$ de Y", "X took part in the $66m round of Y": Y raises
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                investee = owner
                flags.append("target")
            elif (
                subj is not None
                and how in ("subject", "after_cue")
                and _LED_IT.match(self.text, subj.end, s.end) is not None
                and (firm := self.directly_after(i, s, _ROUND_OWNER, ce) or self.pointed_firm(i)) is not None
                and firm.name != subj.name
                and not self.is_person(firm)
            ):
                # "six months after ASML led a 1.7 billion euro round", "Orbis avait mené un tour de 40
                # M€": who leads a round puts money in it; the round is its firm's, or the article's
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                investee = firm
                flags.append("target")
            elif (
                how == "subject"
                and subj is not None
                and (subj.kind == "investor" or _FUND_WORDS.search(subj.name) is not None)
                and not self.is_public(subj)
                and _ROUND_WORDS.search(self.text, cs, ce) is not None
                and (firm := self.owned_round_firm(i, s, subj, cs)) is not None
            ):
                # "Orbis Capital, which led X's seed round, has now doubled down with a €10m Series A": a
                # fund by its name or the seeds raises no round; the firm the sentence names does
                parties.append(Party("investor", subj.name, subj.start, subj.end, how))
                investee = firm
                flags.append("target")
            elif how == "previous_sentence" and subj is not None and self.financier(subj):
                # "L'enveloppe se décompose en ...": the firm pointed back to raises, not its fund;
                # "The holding is putting in 20 million euros in a round": the fund invests
                investee = self.pointed_firm(i) or subj
                if investee is not subj and _FUND_ANAPHOR.search(self.text, s.start, cs):
                    parties.append(Party("investor", subj.name, subj.start, subj.end, how))
            # "a $25 million Series A in Kalis": the round is named with its firm
            target = self.directly_after(i, s, markers["investee"], ce) if "investee" in markers else None
            if target is not None and re.search(r"\bfor\s+(?:\w+['’]s\s+)?$", self.text[ce : target.start]):
                target = None  # "X lands a $40m Series A for Arabic AI agents": what the money is for
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
                investee = target
                flags.append("target")
        if investee is None:
            return []
        parties.insert(0, Party("investee", investee.name, investee.start, investee.end, how or "target"))
        if "investor" in markers:
            _lo, hi = self.clause(s, cs, ce, "investment")
            if (purpose := _PURPOSE_CLAUSE.search(self.text, ce, hi)) is not None:
                # "from A and B, to build models for Baltic and Finno-Ugric languages": the backers'
                # list ends where the money's purpose begins
                hi = purpose.start()
            for e in self.after_marker(i, s, markers["investor"], ce if role != "investor" else s.start):
                if e.start >= hi:
                    break
                if e.name != investee.name and all(p.name != e.name for p in parties):
                    if not self.follower_ok(i, e, "investor", persons=True):
                        continue  # a place, a name in brackets or a description ("du prince X" invests)
                    parties.append(Party("investor", e.name, e.start, e.end, "role_marker"))
        c = Candidate(rule=rule, flags=flags, **base)
        c.parties = parties
        c.country_code = self.party_country(investee, s, ce, capex="capex" in flags)
        return [c]
