"""Subsidy roles: grantor and recipients, public sources of money, programmes, paired amounts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from warehouse.staging.candidates import Amount, Candidate, Party
from warehouse.staging.lexicon import for_language
from warehouse.staging.money import Money
from warehouse.staging.numbers import number_word_pattern, parse_digits, parse_words
from warehouse.staging.parties import Entity
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import (
    _CHANNEL_OPENING,
    _CHIP_WORDS,
    _FUND_WORDS,
    _PLACE_OF_FIRM,
    _PROGRAMME_BEFORE,
    _PUBLIC_ADJ,
    _RECEIVE,
    _RESTATE_GAP,
    _ROUND_WORDS,
    _SOURCE_GAP,
    _STATE_INVESTOR_AFTER,
    _TO_IT_BEFORE,
    _fronted,
    _markers,
    _programmes,
    _public_words,
)

# between two firms of a list: a place in brackets, an apposition between commas, then "," / "et" / "and"
# a speech verb, then the reported clause's own subject before the cue: "said a group of partners had"
_REPORTED_SUBJECT = re.compile(
    r"\b(?:said|says|announced|a indiqué|a annoncé|a précisé|indique|précise)\s+(?:that\s+|que\s+|qu['’])?"
    r"(?:a|an|the|some|several|un|une|des|plusieurs|les)\s+(?:[\w-]+\s+){0,4}(?:had|have|has|will|would|ont|avaient|"
    r"vont|a|avait)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# a relative clause whose subject owns the project: "que X veut installer", "that X is building"
_PROJECT_OWNER = re.compile(r"\b(?:que|qu['’]|that|which)\s*$", re.IGNORECASE)
_OWNER_VERB = re.compile(
    r"\s+(?:(?:is|are|was|will|plans to|wants to|veut|va|compte|prévoit d['’]|prévoit de)\s+)?"
    r"(?:building|developing|installing|constructing|build|develop|install|construire|installer|développer|"
    r"construit|développe|installe|bâtir|bâtit)\b",
    re.IGNORECASE,
)
_FIRM_LIST_GAP = re.compile(
    # (its town after "of": "Prairie Tensor Inc. of Calgary and Chinook Robotics Ltd. of Edmonton")
    r"\.?(?:\s+(?:of|from)\s+[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)?)?"
    r"(?:\s*\([^()\d]{1,40}\))?(?:\s*,[^,;:\d]{1,120},)?\s*(?:,|,?\s+(?:et|and|&)\s+)\s*"
    # ... and the kind of the next firm: "et la fintech X", ", l'entreprise de Bouaké X"
    r"(?:(?:l['’]|la\s|le\s|les\s|the\s|an?\s)\s*(?:[\w'’-]+\s+){0,3})?"
    # ... or its place: "Chennai's X", "Pune-headquartered X"
    r"(?:[\w.-]+(?:['’]s|-based|-headquartered)\s+)?",
)
# bare numbers before an amount that share its scale and currency: "35, 22 et " (18 millions d'euros)
# ... each maybe with the same scale word: "250 millions, 150 millions et " (100 millions de FCFA)
_BARE_RUN = re.compile(
    r"(?:\d+(?:[,.]\d+)?(?:\s+(?:millions?|milliards?|billions?))?(?:\s*,\s*|,?\s+(?:et|and)\s+))+$"
)
# a pronoun subject: "On Monday it approved", "Elle a octroyé"
_PRONOUN_OPENS = re.compile(
    r"(?:^|[,;:]\s*|^(?:[\w-]+\s+){1,3})(?:it|they|elle|il|elles|ils)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# the nouns of a grant: what a firm gets, never what it spends
_GRANT_NOUN = re.compile(
    r"(?:aides?|subventions?|subsides?|grants?|subsid(?:y|ies)|appels? à projets|"
    r"calls? for (?:projects|proposals))",
    re.IGNORECASE,
)
# a firm pointed back to right after a giving verb: "octroyé à l'entreprise", "awarded to the company"
_TO_THE_FIRM_AFTER = re.compile(
    r"\s+(?:(?:à|to)\s+(?:l['’]|la\s+|le\s+|the\s+)(?:entreprise|société|start-?up|jeune\s+pousse|company|firm)\b)",
    re.IGNORECASE,
)
# a modal before a grant word makes it a verb: "X will grant €4m to Y" gives, "X scores a grant" gets
_MODAL_BEFORE = re.compile(r"\b(?:will|would|shall|to|can|may|must|could|might)\s+$", re.IGNORECASE)
# what leads from an amount to the programme it comes from: "$1bn in CHIPS Act funding", "from its
# France 2030 investment plan", "au titre du Chips Act", "dans le cadre du plan ..."
_PROGRAMME_LEAD = re.compile(
    r"\s*\)?\s*,?\s*(?:in|from|under|through|via|out of|de|du|des|d['’]|au titre d(?:e|u|es)|"
    r"dans le cadre d(?:e|u)|grâce à|grâce au|issus? d(?:e|u|es)|provenant d(?:e|u|es))\s*"
    r"(?:(?:the|its|their|this year['’]s|last year['’]s|la|le|les|l['’]|son|sa|ses|leur)\s*)?",
    re.IGNORECASE,
)
# between an amount and the firm it goes to: "35 M€ à A", "C$48 million contribution to A", "8 M€ pour B"
_PAIR_TO = re.compile(
    r"\s*(?:[a-zà-ÿ][\w-]*\s+){0,2}?(?:à|au|aux|to|for|pour)\s+(?:(?:la|le|les|the)\s+|l['’])?", re.IGNORECASE
)
# between two amounts of one list: "€3m and €2m", "35, 22 et 18 millions"
_AMOUNT_LIST_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and|et)?\s*", re.IGNORECASE)
# between an amount and the firm it is invested in: "€3m in A and €2m in B", "3 M€ dans A"
_PAIR_IN = re.compile(r"\s*(?:in|into|dans)\s+(?:(?:la|le|les|the)\s+|l['’])?", re.IGNORECASE)
# "to the X", "à l'X", "au X": a name right after the giving marker
_RECIPIENT_DIRECT = re.compile(
    r"\b(?:to|à|au|aux|for|pour)\s+(?:(?:the|la|le|les)\s+|l['’])?$", re.IGNORECASE
)
_PROGRAMME_NAME = re.compile(
    r"\b(?:mission|plan|programme|program|initiative|stratégie|strategy)\b", re.IGNORECASE
)
# "le plan X", "la stratégie « X 2030 »": a programme's name follows
_PROGRAMME_NOUN_BEFORE = re.compile(r"\b(?:plan|programme|program|stratégie|strategy)\s+[«\"“]?\s*$", re.I)
# an infinitive after "to"/"pour": "to build X", "pour financer X" (not "to the", "to local firms")
_PURPOSE_VERB = re.compile(
    r"(?<=\bto)\s+(?!(?:a|an|the|its|their|local|national|regional|young|new|startups?|firms?|companies)\b)"
    r"(?:build|fund|finance|develop|create|expand|train|buy|purchase|upgrade|install|set up|launch)\b"
    # "pour soutenir X", "to help X" name the one helped: not here
    r"|(?<=\bpour)\s+(?:financer|construire|développer|créer|acheter|installer|former|lancer|équiper|"
    r"moderniser)\b",
    re.IGNORECASE,
)
# "Son président a annoncé", "its chairman said": an office holder of a body named before
_POSSESSIVE_TITLE = re.compile(
    r"(?:^|[.;,]\s+|\b(?:et|and)\s+)(?:son|sa|its|their|leur)\s+(?:[\w-]+\s+)?(?:président|présidente|"
    r"ministre|president|chairman|chairwoman|minister|governor|gouverneur|maire|mayor)\b",
    re.IGNORECASE,
)
# a name that says where: "installer à X", "based in X", "à 10 km de l'usine de X"
_LOCATED_AT = re.compile(
    r"(?:\b(?:install\w*|implant\w*|bas[ée]e?s?|situ[ée]e?s?|located|based|headquartered)\s+(?:à|au|en|in|at|near)\s+"
    r"|\b(?:kilomètres|km|miles|minutes)\s+(?:de|du|from|of)\s+(?:[\w'’-]+\s+){0,3}(?:de|du|d['’]|of)?\s*)$",
    re.IGNORECASE,
)
# what ends a list of recipients: another clause ("..., as the minister hosted ...", "tandis que")
_RECIPIENT_STOP = re.compile(
    r"[;—–]|\b(?:while|whereas|when|where|handing|tandis|alors|lorsque|où)\b"
    r"|(?<!such )(?<!well )\bas\b(?! well)",
    re.IGNORECASE,
)
# what follows a dateline's place: "COPENHAGEN —", "RABAT, 14 avril 2026 (AFP) -"
_DATELINE_AFTER = re.compile(r"(?:,[^.—–]{0,40}?)?\s+[—–-]{1,2}\s")
# ... and, once one is named, a relative clause ("X, une jeune entreprise qui veut construire à Metz")
_RELATIVE = re.compile(r"\b(?:qui|which|who)\b", re.IGNORECASE)
# between two names of one list: "A, B et C", "à A et à l'B", "A, and to the B"
_LIST_GAP = re.compile(
    r"\)?\s*(?:,\s*(?:and|et)?|and|et|&|as well as|ainsi que)\s*(?:(?:à|de|du|des|to|of|for|pour)\s+)?"
    r"(?:(?:la|le|les|the)\s+|l['’]|d['’])?"
    # "A, le programme commun de B et de C": an apposition naming the members
    r"|\s*,\s*(?:(?:le|la|les|the|a|an|un|une)\s+|l['’])(?:[a-zà-ÿ][\w-]*\s+){0,4}"
    r"(?:of|de|du|des|d['’])\s*(?:(?:la|le|les|the)\s+|l['’])?",
    re.IGNORECASE,
)

# a giving verb whose first object receives: "awarded X a grant", "nous a accordé"
_GIVE = (
    r"\b(?:award(?:s|ed)?|grant(?:s|ed)?|g[ai]ve[ns]?|giving|hand(?:s|ed)|offer(?:s|ed)?|provid(?:es?|ed|ing)|"
    # "will fund X with", "subventionne X à hauteur de", "soutient X à hauteur de"
    r"fund(?:s|ed|ing)?|back(?:s|ed|ing)?|support(?:s|ed|ing)?|subsidi[sz](?:es?|ed|ing)|"
    r"subventionn(?:e|ent|era|é)|soutien(?:t|nent|dra)|soutenu|financ(?:e|ent|era|é))"
    r"\s+"
)
# a giving verb right before a name: "awarded X", "soutient X"
_GIVE_BEFORE = re.compile(_GIVE + "$", re.IGNORECASE)
# a grant noun given to a firm named after it: " attribuée à", " awarded to", " accordée par l'État à"
_GIVEN_TO = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:attribuée?s?|accordée?s?|octroyée?s?|versée?s?|awarded|granted|given|paid)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:à|au|aux|to)\b",
    re.IGNORECASE,
)
# a giving verb whose first object points back to a firm: "give the company an", "awarded it a"
_GIVE_IT = re.compile(
    _GIVE + r"(?:it|them|the\s+(?:[\w-]+\s+)?(?:company|start-?up|firm|group))\s+(?!to\b|back\b|up\b)[a-z]",
    re.IGNORECASE,
)

# the complements of a French body's name: capitalised ("des Affaires économiques et du Made in
# Italy") or one lowercase domain noun ("de l'innovation")
_FR_BODY_TAIL = re.compile(
    r"(?:,?\s+(?:et\s+)?(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:in|of|[a-zà-ÿ]+ques?|[a-zà-ÿ]+les?|[A-ZÀ-ÖØ-Þ][\w'’-]*))*"
    r"|(?:innovation|recherche|industrie|économie|numérique|énergie|culture|santé|éducation|défense)\b))+"
)

# a group of recipients named by its members
_CONSORTIUM = re.compile(
    r"\b(?:consortium|alliance|groupement)\s+(?:[A-Z][\w-]*\s*,?\s+)?(?:led by|made up of|comprising|"
    r"formed by|of|formé par|mené par|emmené par|composé de|réunissant|qui réunit|regroupant)\s+",
    re.IGNORECASE,
)
# between two members of a consortium: "X and Y", "X, auquel participe Y", "X, which includes Y"
_MEMBERS_GAP = re.compile(
    r"\s*(?:,\s*(?:and|et)?|and|et|as well as|ainsi que|,?\s*(?:with|avec)|"
    r",\s*(?:auquel|auxquels|à laquelle)\s+(?:participent|participe|s['’]associent|s['’]associe)|"
    r",?\s*(?:which|that|qui)\s+(?:includes|include|also includes|comprend|inclut)|"
    r",?\s*(?:including|dont|notamment))?\s*",
    re.IGNORECASE,
)
_SOURCE_PHRASE = re.compile(
    r"\b(?:according to|selon|d['’]après|said|a indiqué|a annoncé|reported|a rapporté)\b", re.IGNORECASE
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



@cache
def _counted_firms(language: str) -> re.Pattern:
    """ "six entreprises locales", "the three companies": a count of firms (its number in group 1); the
    nouns are the language's `firm_noun` rows of person_markers.csv and their plurals."""
    nouns = {r["word"] for r in for_language("person_markers", language) if r["kind"] == "firm_noun"}
    forms = sorted(nouns | {_plural(w) for w in nouns}, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)
    count = rf"({number_word_pattern(language)}|\d{{1,2}})"
    return re.compile(rf"\b{count}\s+(?:[\w-]+\s+)?(?:{alt})\b", re.IGNORECASE)


def _plural(noun: str) -> str:
    """ "company" -> "companies", "jeune pousse" -> "jeunes pousses", "fonds" -> "fonds"."""
    return " ".join(
        w if w.endswith(("s", "x", "z")) else w[:-1] + "ies" if re.search(r"[^aeiou]y$", w) else w + "s"
        for w in noun.split()
    )


# a firm raising money: "raised", "raises", "lève", "a levé"
_RAISED = re.compile(r"\b(?:rais(?:e|es|ed|ing)|l[èe]v(?:e|ent|é|ée|er))\b", re.IGNORECASE)
# a grant's own nouns, between an amount and the body it comes from
_AWARD_NOUN = re.compile(rf"\b(?:{_GRANT_NOUN.pattern}|awards?)\b", re.IGNORECASE)
# what introduces the body that pays: "by", "from", "par", "de la part de", "auprès de"; before a
# named body (`_AGENT_BEFORE`) or a body word up to two words on (`_BODY_AGENT_BEFORE`)
_AGENT_WORDS = r"(?:from|by|par|de la part d[eu']|du|de l['’]|auprès d[eu'])"
_AGENT_BEFORE = re.compile(rf"\b(?:{_AGENT_WORDS}|de)\s*(?:the\s+|la\s+|le\s+)?$")
_BODY_AGENT_BEFORE = re.compile(rf"\b{_AGENT_WORDS}\s*(?:[\w-]+\s+){{0,2}}$")


# verbs of only receiving money (not "raises", "secures", "lands", which rounds share)
_RECEIVED_ONLY = re.compile(
    r"(?:(?:will|to|shall)\s+(?:[a-z]+\s+)?)?(?:receives?|received|receiving|get)|(?:a|ont|avoir)\s+reçu|"
    r"reçoi\w*|recevr\w+|recevoir|toucher\w*|(?:a|ont)\s+touché|bénéfici\w+(?:\s+d(?:e|['’]))?|(?:a|ont)\s+bénéficié",
    re.IGNORECASE,
)

# what an award verb gives when it is a contract: "awarded HPE a $40m contract", "a attribué le marché"
_CONTRACT_AWARDED = re.compile(
    r"(?:\s+(?:[^\s,.;:]|[,.](?=\S))+){0,6}?\s+(?:contracts?|contrats?|marchés?)\b", re.IGNORECASE
)
# the verbs that give a grant to a firm (not "funded", "earmarked": "would be funded from its cash")
_AWARD_VERB = re.compile(r"award\w*|grant(?:ed|s)?|attribu\w*|accord\w*|octroy\w*", re.IGNORECASE)
# a passive auxiliary right before a giving verb: "was awarded", "were each granted", "se voit attribuer"
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|are|been|be)\s+(?:(?:each|also|jointly|now|recently|officially)\s+)?"
    r"|\b(?:se\s+voi(?:t|ent)|s['’]est\s+vue?s?|se\s+sont\s+vue?s?|se\s+verr(?:a|ont))\s+)$",
    re.IGNORECASE,
)
# a sentence whose subject is a minister: "La ministre du Numérique, X, a signé", "The minister said"
_MINISTER_OPENING = re.compile(
    r"\W*(?:(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*[,—–-]\s*){0,2}(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?:minister|ministre|secretary\s+of\s+state|secrétaire\s+d['’]état|premier\s+ministre|prime\s+minister)\b",
    re.IGNORECASE,
)
# who signs with the firm it names next: "a signé avec la start-up X", "signed an agreement with X"
_SIGNED_WITH = re.compile(
    r"\b(?:signé|signed|conclu|concluded)\s+(?:[\w'’-]+\s+){0,3}?(?:avec|with)\s+"
    r"(?:(?:la|le|les|the)\s+|l['’])?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_MINISTER_NAME = re.compile(r"(?:minister|ministre|secretary|secrétaire)\b", re.IGNORECASE)
# securities and loans sold for money: "received commitments for a A$85 million placement"
_SECURITIES = re.compile(
    r"\b(?:placements?|placings?|offerings?|IPO|shares|bonds?|loans?|debt|prêts?|dette|obligations|actions|"
    r"introduction en bourse|augmentation de capital)\b",
    re.IGNORECASE,
)


def _grant_base(c: Candidate, s: Sentence) -> dict:
    """The fields of a grant built from the cue of candidate `c` (an investment read as public money)."""
    return {"document_id": c.document_id, "fact_type": "subsidy", "cue": c.cue, "cue_start": c.cue_start,
            "sentence": s}


class SubsidyRoles:
    """Subsidy roles: grantor and recipients, public sources of money, programmes, paired amounts."""

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
        for m in sorted(self.money_in(s), key=lambda m: m.start):
            # "received €3m and €2m respectively from the ministry": the source after the list of amounts
            if m.start >= last.end and _AMOUNT_LIST_GAP.fullmatch(self.text, last.end, m.start):
                last = m
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
        if grantor is None and (agent := self.public_agent_after(i, s, last.end)) is not None:
            if _AWARD_NOUN.search(self.text, last.end, agent.start):
                grantor = agent  # "a €1.2m award from the Department of ...": a grant noun names it
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
        if grantor is None and investee is not None and not investors and _MINISTER_OPENING.match(s.text):
            # "La ministre du Numérique, X, a signé avec la start-up Y une convention de financement de
            # 500 millions": what a minister signs for is the state's money
            # ... to the firm the sentence names, not the minister's office or name
            firm = next(
                (
                    e
                    for e in self.ents(i)
                    if not (self.is_public(e) or self.is_person(e) or _MINISTER_NAME.match(e.name))
                ),
                None,
            )
            how = "object" if firm else investee.rule
            return self.received_from_state(s, firm or investee, how, _grant_base(c, s)) or c
        if grantor is None and investee is not None and not investors:
            return self.received_plainly(i, s, c, investee, last) or c
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

    def received_plainly(self, i: int, s: Sentence, c: Candidate, investee: Party, last: Amount):
        """ "X will receive €2 million", "Y recevra 800 000 euros": money a firm only receives, from no
        source it states and in no round (none in its sentence or the next), is a grant of the state of the
        article, given by the body acting in the sentences before if any. Firms raise money from
        investors; what they receive with no investor named is public money."""
        if not _RECEIVED_ONLY.fullmatch(c.cue):
            return None
        if _SOURCE_GAP.match(self.text, last.end):
            return None  # "from Halden Ventures", "from its shareholders": the source said decides
        if any(self.is_public(e) for e in self.ents(i)) or _public_words().search(s.text):
            return None  # "..., the Ministry of Industry said": the body the sentence names grants
        after = self.sentences[i + 1].text if i + 1 < len(self.sentences) else ""
        if any(w.search(t) for w in (_ROUND_WORDS, _SECURITIES) for t in (s.text, after)):
            return None  # "... will receive €5m. The round was led by X", "a placement": an investor's money
        return self.received_from_state(s, investee, investee.rule, _grant_base(c, s))

    def split_pairs(
        self, i: int, s: Sentence, c: Candidate, money: list[Money], role: str = "recipient"
    ) -> list[Candidate]:
        """ "a accordé 35 M€ à A et 23,9 M€ à B", "awarded ¥50bn to A, ¥10bn to telecom operator B",
        "invested €3m in A and €2m in B": each amount with the firm right after it is a deal of its
        own (`role`: the firm's, "recipient" or "investee"). A total the pairs share out ("20 M€, dont
        12 M€ pour A et 8 M€ pour B") stays a fact of its own."""
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
        grantor = next((p for p in c.parties if p.role in ("grantor", "investor")), None)
        ents = self.ents(i)
        pairs: list[tuple[list[Money], Party]] = []
        marker = _PAIR_TO if role == "recipient" else _PAIR_IN
        for k, g in enumerate(groups):
            stop = groups[k + 1][0].start if k + 1 < len(groups) else s.end
            to = marker.match(self.text, g[-1].end, stop)
            if to is None:
                continue
            e = next((e for e in ents if to.end() <= e.start < stop), None)
            if (
                e is None
                or not re.fullmatch(r"(?:[a-zà-ÿ][\w-]*\s+){0,3}", self.text[to.end() : e.start])
                or self.is_public(e)
                or self.is_person(e)
                or (role == "recipient" and self.is_place_use(e))  # ("in X" is where money is invested)
                or e.name in self.ex.countries.table
                or (grantor is not None and e.name == grantor.name)
            ):
                continue
            end = e.end
            for f in ents:  # "Openchip & Software Technologies": one name
                if f.start > end and re.fullmatch(r"\s*&\s*", self.text[end : f.start]):
                    end = f.end
            pairs.append((g, Party(role, self.text[e.start : end], e.start, end, "amount_pair")))
        if len(pairs) < 2:
            return [c]
        out = []
        primary = c.amounts[0].start if c.amounts else None
        if primary is not None and not any(g[0].start == primary for g, _p in pairs):
            out.append(c)  # the total the pairs share out
        for g, party in pairs:
            new = replace(c, suffix=f"{c.suffix}.r{g[0].start - s.start}", flags=list(c.flags))
            new.amounts = [
                Amount(m.amount, m.currency, m.start, m.end, m.surface, k == 0) for k, m in enumerate(g)
            ]
            new.parties = [p for p in c.parties if p.role != role] + [party]
            out.append(new)
        return out
    def money_respectively(self, i: int, s: Sentence, cands: list[Candidate]) -> list[Candidate]:
        """ "A et B obtiennent respectivement 6,5 M€ et 4 M€", "A, B and C will receive $35m, $22m and
        $18m respectively", "recevront respectivement 35, 22 et 18 millions d'euros": the n-th firm
        of the subject list gets the n-th amount, one fact each."""
        money = sorted(self.money_in(s), key=lambda m: m.start)
        if not cands or len(money) == 0:
            return cands
        firms = self._listed_firms(i, s, money[0].start)
        said = re.search(r"\b(?:respectively|respectivement)\b", self.text[s.start : s.end])
        after = False
        if len(firms) < 2 and said:
            # "awarded €2m and €1.5m to A and B respectively": the firms listed after the amounts
            firms = self._listed_firms(i, s, s.start + said.start())
            after = len(firms) >= 2 and all(m.end <= firms[0].start for m in money)
        if len(firms) < 2:
            return cands
        amounts: list[Amount] = []
        for m in money:
            if m.start < firms[-1].end and not after:
                continue
            lead = _BARE_RUN.search(self.text, max(s.start, m.start - 60), m.start)
            number = re.match(r"[\d.,\u00a0\u202f ]*\d", m.surface.lstrip("$€£¥"))
            if lead and number and not amounts:
                unit = m.amount / (parse_digits(number.group(0).strip(), self.lang) or m.amount)
                for b in re.finditer(r"\d+(?:[,.]\d+)?(?![\d])", lead.group(0)):
                    value = parse_digits(b.group(0), self.lang)
                    if value:
                        at = lead.start() + b.start()
                        end = at + len(b.group(0))
                        amounts.append(Amount(value * unit, m.currency, at, end, b.group(0), True))
            amounts.append(Amount(m.amount, m.currency, m.start, m.end, m.surface, True))
        n = len(firms)
        if said and len(amounts) > n and amounts[n - 1].end <= s.start + said.start() <= amounts[n].start:
            # "... ₹280 crore and ₹270 crore respectively, taking the total to ₹1,150 crore"
            amounts = amounts[:n]
        if len(amounts) != n:
            return cands
        role = "recipient" if cands[0].fact_type == "subsidy" else "investee"
        names = {f.name for f in firms}
        mains = [p.name for p in cands[0].parties if p.role == role]
        if mains and not set(mains) & names:
            return cands  # "A and B invested $8m and $6m respectively in X": the list are investors
        out = []
        for k, (firm, amount) in enumerate(zip(firms, amounts, strict=True)):
            c = cands[0]
            suffix = f"{c.suffix}.v{k}" if k else c.suffix
            new = replace(c, suffix=suffix, flags=list(c.flags), amounts=[amount])
            # the listed firms are the receivers, not investors of each other
            new.parties = [p for p in c.parties if p.role != role and p.name not in names]
            new.parties.append(Party(role, firm.name, firm.start, firm.end, "respectively"))
            out.append(new)
        return out

    def _listed_firms(self, i: int, s: Sentence, before: int) -> list[Entity]:
        """The firms coordinated right before `before` ("A (Rabat), qui ..., B et C"), in order."""
        start = s.start
        fronted = _fronted().match(self.text, s.start) or _CHANNEL_OPENING.match(self.text, s.start)
        # (not a name that looks like a participle: "Bouaké Data, la start-up X et Y ont reçu")
        if fronted and not any(e.start < fronted.end() for e in self.ents(i)):
            # "Through the X Fund, and delivered by Y, A and B will receive": the opening phrase (and
            # what "and" + a verb adds to it) names no receiver
            comma = self.text.find(",", s.start, before)
            while comma >= 0 and re.match(r",\s+(?:and|et)\s+[a-zà-ÿ]", self.text[comma:before]):
                comma = self.text.find(",", comma + 1, before)
            start = comma + 1 if comma >= 0 else start
        firms = [
            e
            for e in self.ents(i)
            if start <= e.start
            and e.end <= before
            and not (self.is_public(e) or self.is_person(e) or self.is_place_use(e) or self.is_vendor(e))
            and e.name not in self.ex.countries.table
            and not re.search(r"\(\s*$", self.text[max(s.start, e.start - 3) : e.start])  # "A (Tanger)"
            and not re.match(r"['’]s\s", self.text[e.end : e.end + 3])  # "Bergen's X": X's place
            # "X of Aarhus": the town of the firm before
            and not re.search(r"\s(?:of|from)\s+$", self.text[max(s.start, e.start - 6) : e.start])
        ]
        chain: list[Entity] = []
        for e in reversed(firms):
            if chain and not _FIRM_LIST_GAP.fullmatch(self.text, e.end, chain[0].start):
                break
            chain.insert(0, e)
        return chain

    def programme_spends(self, c: Candidate) -> bool:
        """ "The X Chip plan foresees €12bn", "plan France 2030, doté de 54 milliards", "la stratégie
        « X 2030 », dotée d'un budget de 11 milliards": a programme's size is no firm's spending."""
        if c.fact_type != "investment" or "capex" not in c.flags:
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
        # "le plan X", "la stratégie « X 2030 »"
        before = self.text[max(0, investee.start - 14) : investee.start]
        return _PROGRAMME_NOUN_BEFORE.search(before) is not None

    def programme_source(self, i: int, s: Sentence, at: int) -> Entity | None:
        """The public programme, law or budget named right after an amount ("$1.5 billion from the
        CHIPS program", "in CHIPS Act funding", "from Ottawa's innovation fund"), as an entity."""
        lead = _PROGRAMME_LEAD.match(self.text, at)
        public, named = _programmes()
        if lead is None or lead.end() == at:
            # "gets €2.4m government boost", "$5 million state aid": public money's own noun right after
            # the amount
            a = at + 1 if self.text[at : at + 1] == " " else at
            hit = public.match(self.text, a) if a > at else None
            return Entity(a, hit.end(), hit.group(0), "public_body") if hit else None
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
                    re.search(r"invest", before, re.IGNORECASE)
                    or _ROUND_WORDS.search(s.text)
                    # "raised NT$600 million from the National Development Fund": what a firm raises
                    # from a fund is equity
                    or _RAISED.search(self.text, s.start, at)
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

    def subsidy_roles(
        self, i, s, cs, ce, base, strong: bool = True, actor: Entity | None = None
    ) -> list[Candidate]:
        """`actor`: an office holder known to act for the state ("le ministre X")."""
        if _CONTRACT_AWARDED.match(self.text, ce):
            return []  # "awarded a RON 143.6m contract for 512 GPUs": a purchase the body makes, no grant
        reported = _REPORTED_SUBJECT.search(self.text, s.start, cs)
        if reported and not _public_words().search(reported.group(0)):
            # "The ministry also said a group of development partners had pledged $100m": the body
            # reports what others give
            return []
        body = None if actor is not None else self.find_body(s, s.start, cs)
        named = actor
        recipient_first = None
        body_i, body_s = i, s
        if body is None and actor is None and _POSSESSIVE_TITLE.search(self.text[s.start : cs]):
            # "La Région ne compte pas rester spectatrice. Son président a annoncé une subvention":
            # the body of the previous sentences grants
            if (before := self.body_before(i, 2)) is not None:
                body_i, body_s, body = before
        if body is None:
            later = self.find_body(s, ce, s.end)
            if later is not None and _BODY_AGENT_BEFORE.search(
                self.text[max(s.start, later.start() - 30) : later.start()]
            ):
                # "X will receive a subsidy of ¥5bn from the Ministry": the ministry grants, X receives
                body = later
                recipient_first, _how = self.subject(i, s, cs)
                if recipient_first is not None and self.financier(recipient_first):
                    # "The aid ... managed by the Ministry", after "the Commission approved": who pays
                    # or authorises receives nothing
                    recipient_first = None
        if body is None and actor is None and (agent := self.public_agent_after(i, s, ce)) is not None:
            # "X has been awarded a £1.2m grant by Innovate UK": the named body after "by"/"from"
            # grants, the subject receives
            named = agent
            recipient_first, _how = self.subject(i, s, cs)
            if recipient_first is not None and (
                recipient_first.name == agent.name or self.financier(recipient_first)
            ):
                recipient_first = None
        received = _RECEIVE.search(self.text[s.start : cs])
        if received is None and _AWARD_VERB.fullmatch(self.text, cs, ce):
            # "X was awarded DKK 2m", "A and B were each awarded", "X se voit attribuer": the subject
            # receives what the passive verb gives
            received = _PASSIVE_BEFORE.search(self.text, max(s.start, cs - 30), cs)
        if not strong and received:
            # "Intel a obtenu fin novembre une aide de 7,8 milliards": a grant noun the firm gets
            near = re.fullmatch(r"[^,;.]{0,40}", self.text[s.start + received.end() : cs])
            # "secured an allocation of 4,096 GPUs" is chips
            received = near and not re.search(_CHIP_WORDS, self.text[ce : ce + 60])
        if body is None and named is None and received:
            # "Rapidus has received ¥920 billion in subsidies": the state of the article grants
            subj, how = self.subject(i, s, cs)
            if subj is not None and (received_from := self.received_from_state(s, subj, how, base)):
                return [received_from]
            if subj is not None:
                return []  # the firm receives: it grants nothing, and the text names no state
        if body is None and named is None:
            subj, how = self.subject(i, s, cs)
            # (an investor the seeds know that gives a grant, "BNDES approved R$ 20 million in
            # non-reimbursable funding", is a state's bank granting, not a firm spending)
            known_firm = (
                subj is not None
                and subj.source == "gazetteer"
                and subj.kind != "public_body"
                and not (strong and subj.kind == "investor")
            )
            if (
                subj is not None
                and how == "subject"
                and _GRANT_NOUN.fullmatch(self.text[cs:ce])
                and not _MODAL_BEFORE.search(self.text, max(s.start, cs - 10), cs)
                # ... a firm: no body, fund or programme ("Commerce", "the Job Development Investment Grant")
                and not self.financier(subj)
                and not self.programme(subj)
                and not self.grant_named(subj)
                and not re.search(_GIVE, self.text[subj.end : cs], re.IGNORECASE)
                # ... nor the object of one: "Norway will give X a $50 million grant"
                and not _GIVE_BEFORE.search(self.text, max(s.start, subj.start - 20), subj.start)
                # ... a verb between: "A Texas Enterprise Fund (TEF) grant" names the programme
                and re.search(r"\b[a-zà-ÿ]{3,}\b", self.text[subj.end : cs]) is not None
                # ... and no other firm it goes to: "X a finalisé la subvention attribuée à Y"
                and not _GIVEN_TO.match(self.text, ce)
                and (received_from := self.received_from_state(s, subj, how, base))
            ):
                # "X scores a €3m EU grant", "X décroche une subvention": a firm before a grant noun, with
                # no giving verb between, receives it
                return [received_from]
            if subj is not None and how == "subject" and not known_firm and self.state_fund(subj):
                pass  # "Innovation Fund Denmark has awarded DKK 450 million to X": a state fund grants
            elif subj is not None and how == "subject" and (known_firm or not strong):
                if _GRANT_NOUN.fullmatch(self.text[cs:ce]) and not self.is_public(subj):
                    # "X avait été présélectionnée avec une aide de 10 M€": a grant noun is never the
                    # firm's own spending; the state of the article grants it
                    if received_from := self.received_from_state(s, subj, how, base):
                        return [received_from]
                # "X alloue 20 milliards à un campus": a firm's own spending plan
                return self.investment_roles(i, s, "investor", cs, ce, {**base, "fact_type": "investment"})
            lead = next(
                (
                    c
                    for c in self.countries_in(s.start, subj.start if subj is not None else cs)
                    if c.kind in ("name", "city")
                    and re.fullmatch(r"\s*(?:(?:the|le|la|l['’])\s*)?", self.text[s.start : c.start], re.I)
                    # "COPENHAGEN — The agency ...": a dateline's place, not the state acting
                    and not _DATELINE_AFTER.match(self.text, c.end)
                ),
                None,
            )
            if (
                lead is not None
                and subj is not None
                and how == "subject"
                and not self.is_public(subj)
                # "Norway's NORFA awarded ...": the country's own body acts, it receives nothing
                and not re.fullmatch(r"['’]s\s+", self.text[lead.end : subj.start])
                # "Tasman Compute orders ... Tasman said": a firm's short name, not the region
                and not self.heads_firm_name(lead.surface)
            ):
                # "Texas will give X a $50 million grant": the state opening the sentence grants
                # (not "The US Commerce Department has finalized a grant": the body grants)
                c = Candidate(rule="subsidy:country", **base)
                c.parties = [
                    Party("grantor", lead.surface, lead.start, lead.end, "country"),
                    Party("recipient", subj.name, subj.start, subj.end, "subject"),
                ]
                c.country_code = lead.code
                return [c]
            if (
                subj is not None
                and how == "subject"
                and not self.is_public(subj)
                and not _FUND_WORDS.search(subj.name)  # "Through the X Fund, it will contribute ... a grant"
                # the firm's verb right after it, its amount, and only then the grant word
                and any(
                    ft == "investment"
                    and subj.end <= a <= subj.end + 20
                    and any(b <= m.start and m.end <= cs for m in self.money_in(s))
                    for a, b, ft in self.cue_starts
                )
            ):
                # "Fluxion investira 1,2 milliard ..., aide publique comprise": the firm's own verb
                # tells its deal; the grant noun after it grants nothing of the firm's
                return []
            head = self.item_head(i, s) if subj is not None and how == "subject" else None
            if head is not None and head[0].start == subj.start and not self.is_public(subj):
                # "- **Kelip AI** (Kuala Lumpur) — RM 20 million government grant": the item's firm gets
                # the grant; the state of its place gives it
                placed = [c.code for c in self.countries_in(subj.end, head[1]) if c.kind in ("name", "city")]
                home = placed[-1] if placed else None
                if received_from := self.received_from_state(s, subj, how, base, home):
                    return [received_from]
            if subj is not None and how == "subject":
                named = subj  # "Berne octroie ...": a capital or body the seeds do not know
            elif (
                subj is not None
                and how == "previous_sentence"
                and self.is_public(subj)
                and _PRONOUN_OPENS.search(self.text[s.start : cs])
            ):
                named = subj  # "The agency CORFO ... On Monday it approved a grant": the body named before
            else:
                body = self.find_body(s, s.start, s.end)
        obj = self.first_object(i, s, ce)
        if named is not None and obj is not None and named.start == obj.start:
            named = None  # "Spain's agency has awarded X a €5m grant": X receives, it does not grant
        country = None
        if named is not None and body is None:
            name, gstart, gend = named.name, named.start, named.end
            if _public_words().fullmatch(name):
                # "The Xunta de Galicia will invest": a body word's name runs on past the entity
                name = self._grantor_tail(i, s, gstart, gend)
                gend = gstart + len(name)
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
                    # "a filing to the Stock Exchange of Thailand": where shares trade, not a state acting
                    and not self.text[max(s.start, c.start - 12) : c.start].endswith("Exchange of ")
                    and not self.heads_firm_name(c.surface)  # "Tasman said": Tasman Compute's short name
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
        if (
            not any(p.role == "recipient" for p in c.parties)
            and _TO_THE_FIRM_AFTER.match(self.text, ce)
            and (firm := self.pointed_firm(i)) is not None
            and not self.is_public(firm)
        ):
            # "a octroyé à l'entreprise un subside de 1,2 million": the firm the text points back to
            # receives, not a name further on
            c.parties.append(Party("recipient", firm.name, firm.start, firm.end, "pointed"))
        if "recipient" in markers and not any(p.role == "recipient" for p in c.parties):
            _lo, hi = self.clause(s, cs, ce, "subsidy")
            source = _SOURCE_PHRASE.search(self.text, ce, hi)
            hi = source.start() if source else hi
            last, last_place, taken = None, False, False
            granting = [(p.start, p.end) for p in c.parties if p.role == "grantor" and p.start is not None]
            for e in self.after_marker(i, s, markers["recipient"], ce):
                if e.start >= hi or self.is_vendor(e, in_context=True):
                    break
                if any(a <= e.start < b for a, b in granting):
                    break  # "accordés par le Service public de Wallonie": the grantor's own name
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
                # ("et l'université de Pise" is one name: mentions.ents reads the institution with its town)
                at = e.start
                since = self.text[last.end if last is not None else ce : at]
                if (
                    _RECIPIENT_STOP.search(since)
                    or (taken and _RELATIVE.search(since))
                    or _PROGRAMME_BEFORE.search(self.text[max(s.start, e.start - 40) : e.start])
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
                    c.parties.append(Party("recipient", e.name, e.start, e.end, "role_marker"))
            if not any(p.role == "recipient" for p in c.parties):
                # "the Tremaine Government invests $12 million in X": the firm an investing verb names
                into = _markers(self.lang, "investment").get("investee")
                target = self.directly_after(i, s, into, ce) if into is not None else None
                if (
                    target is not None
                    and target.start - ce <= 40  # "invests $12 million in X", not a place further on
                    and "," not in self.text[ce : target.start]
                    and not self.countries_in(target.start, target.end)
                    and target.name != name
                    and not self.is_public(target)
                    and not self.written_as_place(target)
                    and not self.place_or_programme(s, target, places=False)
                ):
                    c.parties.append(Party("recipient", target.name, target.start, target.end, "target"))
            if not any(p.role == "recipient" for p in c.parties):
                c.parties.extend(self.consortium_members(i, s, ce, s.end, name))
            if not any(p.role == "recipient" for p in c.parties):
                c.parties.extend(self.counted_firms(i, s, ce, name))
            if not any(p.role == "recipient" for p in c.parties):
                # "pour financer la ligne de tests que Quantelis veut installer", "the cost of a data
                # center that KDDI is building": the firm whose project the money pays for
                owner = next(
                    (
                        e
                        for e in self.ents(i)
                        if e.name != name
                        and _PROJECT_OWNER.search(self.text, max(s.start, e.start - 12), e.start)
                        and _OWNER_VERB.match(self.text, e.end)
                        and not (self.is_public(e) or self.is_person(e))
                    ),
                    None,
                )
                if owner is not None:
                    c.parties.append(Party("recipient", owner.name, owner.start, owner.end, "project_owner"))
            if not any(p.role == "recipient" for p in c.parties):
                # "a signé avec la start-up X une convention de financement", "signed with X an agreement":
                # the body's counterpart receives
                signed = next(
                    (
                        e
                        for e in self.ents(i)
                        if e.name != name
                        and _SIGNED_WITH.search(self.text, max(s.start, e.start - 60), e.start)
                        and not (self.is_public(e) or self.is_person(e))
                    ),
                    None,
                )
                if signed is not None:
                    c.parties.append(Party("recipient", signed.name, signed.start, signed.end, "counterpart"))
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

    def grant_named(self, e: Entity) -> bool:
        """A grant's name, or the acronym the text gives one: "the Job Development Investment Grant
        (JDIG)", then "JDIG"."""
        if _GRANT_NOUN.search(e.name):
            return True
        defined = re.search(rf"\(\s*{re.escape(e.name)}\s*\)", self.text) if e.name.isupper() else None
        if defined is None:
            return False
        return _GRANT_NOUN.search(self.text, max(0, defined.start() - 12), defined.start()) is not None

    def received_from_state(
        self, s: Sentence, subj: Entity, how: str, base: dict, home: str | None = None
    ) -> Candidate | None:
        """A grant `subj` receives from the state of `home`, else of the article (its section's
        country), or None when the article has no country."""
        home = home or self.country_at(s.start)
        if not home:
            return None
        c = Candidate(rule="subsidy:received", **base)
        grantor = Party("grantor", self.country_name(home), None, None, "document_country")
        # "The Ministry of X named three start-ups ... A, B and C will receive support of": the body the
        # sentences before show acting
        if (before := self.body_before(self._sentence_index[s.start], 3)) is not None:
            j, sj, body = before
            name = self.grantor_name(j, sj, body.start(), body.end())
            grantor = Party("grantor", name, body.start(), body.start() + len(name), "public_body_before")
        c.parties = [grantor, Party("recipient", subj.name, subj.start, subj.end, how)]
        c.country_code = home
        return c

    def public_agent_after(self, i: int, s: Sentence, ce: int) -> Entity | None:
        """The first name after `ce`, in its clause, that "by", "from", "par" or "de" introduces, when
        it is a public body ("awarded ... by Innovate UK", "a ... award from the Department of X")."""
        _lo, hi = self.clause(s, ce, ce, "subsidy")
        for e in self.ents(i):
            if ce <= e.start < hi and _AGENT_BEFORE.search(self.text, max(s.start, e.start - 30), e.start):
                return e if self.is_public(e) else None
        return None

    def body_before(self, i: int, depth: int):
        """The public body acting in the nearest of the `depth` sentences before sentence i, as (its
        sentence's index, the sentence, the match), else None."""
        for j in range(i - 1, max(-1, i - 1 - depth), -1):
            sj = self.sentences[j]
            hit = self.find_body(sj, sj.start, sj.end)
            if hit is not None:
                return j, sj, hit
        return None

    def place_or_programme(self, s: Sentence, e: Entity, places: bool = True) -> bool:
        """A name that is no recipient: a place ("universities in Oslo, Bergen and Tromsø") or a
        programme ("au titre de France 2030", "a new Enterprise Compute Initiative"); with `places`
        false, the preposition before it names no place ("invests $12m in X")."""
        before = self.text[max(s.start, e.start - 80) : e.start]
        if (places and _PLACE_BEFORE.search(before)) or _PROGRAMME_CHANNEL.search(before):
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
            gap = self.text[at : e.start]
            # "led by Munich start-up X", "emmené par la start-up munichoise X, auquel participe Y":
            # a member's description, and the clause that names more members
            joined = _MEMBERS_GAP.match(gap)
            if joined is None or not (joined.end() == len(gap) or self.descriptor_only(gap[joined.end() :])):
                break
            if e.name != grantor and not self.is_public(e) and not self.is_person(e):
                out.append(Party("recipient", e.name, e.start, e.end, "consortium"))
            at = e.end
        return out

    def counted_firms(self, i: int, s: Sentence, ce: int, grantor: str) -> list[Party]:
        """ "pour aider six entreprises locales", "to the three companies": the list of exactly that many
        firms that the previous sentences name ("A, B, C, D, E et F, que le ministère a certifiés")."""
        m = _counted_firms(self.lang).search(self.text, ce, s.end)
        if m is None:
            return []
        parsed = parse_words(m.group(1), self.lang)
        n = int(parsed[0]) if parsed is not None else int(m.group(1)) if m.group(1).isdigit() else 0
        if n < 2:
            return []
        for j in range(i - 1, max(-1, i - 4), -1):
            run: list[Entity] = []
            for e in self.ents(j):
                if run and not _LIST_GAP.fullmatch(self.text, run[-1].end, e.start):
                    if len(run) == n:
                        break
                    run = []
                if e.name == grantor or self.is_public(e) or self.is_person(e) or self.is_place_use(e):
                    run = []
                    continue
                run.append(e)
            if len(run) == n:
                return [Party("recipient", e.name, e.start, e.end, "counted") for e in run]
        return []

    def first_object(self, i: int, s: Sentence, ce: int) -> Entity | None:
        """The first object of a giving verb: "awarded X a €5m grant", "granted us a ..." (us: the
        article's firm)."""
        if re.search(_GIVE + r"(?:us|nous)\b", s.text, re.IGNORECASE):
            return self.main_firm(lambda e: not self.is_person(e) and not self.is_vendor(e))
        if _GIVE_IT.search(s.text):
            # "would give the company an incentive of MXN 50 million", "granted it a €2m loan"
            return self.pointed_firm(i)
        for e in self.ents(i):
            if (
                _GIVE_BEFORE.search(self.text, max(s.start, e.start - 20), e.start)
                # "awarded X a €5m grant", "will provide X with ¥4.2 billion"
                # ... past an apposition: "backing X, a Tartu start-up, with €3 million"
                and re.match(
                    r"(?:,\s+(?:a|an|the|une?|la|le)\s+[^,;.]{1,40},)?\s+"
                    r"(?:(?:a|an|its|their|with|à hauteur)\s|(?:US|C|A|S)?[$€£¥]\s?\d)",  # "hands X €3m"
                    self.text[e.end : e.end + 70],
                )
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
        name = self._grantor_tail(i, s, bs, be)
        # "le ministre de la Transition numérique a remis les subventions": the minister's ministry grants
        name = re.sub(r"^ministre\b", "ministère", name)
        if _public_words().fullmatch(name):
            # "the ministry said it would cover ...": the ministry the article named before
            return self.named_before(name, s.start) or name
        return name

    def named_before(self, word: str, before: int) -> str | None:
        """The last body named in full before `before` whose head is `word` ("the Ministry of Science
        and ICT" for "the ministry"), else None."""
        found = None
        for j, sj in enumerate(self.sentences):
            if sj.start >= before:
                break
            for m in _public_words().finditer(self.text, sj.start, sj.end):
                if m.group(0).lower() == word.lower():
                    name = self._grantor_tail(j, sj, m.start(), m.end())
                    if not _public_words().fullmatch(name):
                        found = name
        return found

    def _grantor_tail(self, i, s, bs, be) -> str:
        end = be
        for e in self.ents(i):
            if e.start <= be < e.end or (
                be <= e.start <= be + 4
                # "accordée par l'État à Lirra Labs": who receives, after "à", "to", "for"
                and not re.fullmatch(r"\s+(?:à|au|aux|to|for|pour)\s+", self.text[be : e.start])
            ):
                end = max(end, e.end)
                break
        for c in self.countries_in(be, min(s.end, be + 40)):
            gap = self.text[end : c.start]
            # (two words at most between: "gouvernement fédéral allemand"; not "Commission concluded
            # that the Spanish")
            if c.start - end <= 30 and not re.search(r"[,;:.()]", gap) and len(gap.split()) <= 2:
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
