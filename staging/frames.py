"""Cues and the clause each governs: the cue words of a sentence, the stretch a cue rules, the amounts and
names right after a marker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from warehouse.staging.candidates import Amount
from warehouse.staging.lexicon import for_language
from warehouse.staging.money import Money
from warehouse.staging.parties import Entity
from warehouse.staging.sentences import Sentence
from warehouse.staging.vocabulary import (
    _ANAPHOR,
    _FIRM_NOUN_WORDS,
    _FIRM_NOUNS,
    _POSSESSIVE,
    _RESTATE_GAP,
    _aux_cues,
    _cue_automaton,
    _word_regex,
)

# a cue word that ends an institution's name: "Mohammed VI Investment Fund", "Fonds ... pour
# l'Investissement", "Ministry of Investment", "Banque publique d'investissement"
# "of", "de" before a cue's object
_OF = re.compile(r"\s+(?:of|de|d['’])\s*")
# "according to X", "grâce à X": a source or a cause before a marker, not the party it introduces
_SOURCE_BEFORE = re.compile(r"\baccording\s+$|\bgrâce\s+$")
# between an amount and the noun it qualifies: "$4.7 billion direct funding award", "€20m grant"
_OWN_AMOUNT_GAP = re.compile(r"(?:\s+[a-z][a-z-]*){0,2}\s*")
_NAME_HEAD = re.compile(
    r"\b(?:Fund|Fonds|Bank|Banque|Caisse|Agency|Agence|Authority|Autorité|Corporation|Company|Société|"
    r"Ministry|Ministère|Council|Conseil|Office|Board|Commission|Department)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:for|of|pour|de|d['’]|du|des)\s*(?:l['’]|the\s+)?$"
)
_NAME_TAIL = re.compile(
    r"(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*){0,2}\s+(?:Fund|Funds|Fonds|Bank|Banque|Authority|Corporation|Company|Agency|"
    r"Office|Trust|Holdings?|Partners|Capital|Management|Council|Board|Promotion|Ministry)\b"
)
_KIND_AFTER = re.compile(
    r"\s+(?:funds?|firms?|compan(?:y|ies)|banks?|arm|vehicles?|managers?|house|groups?|offices?)\b"
)
_KIND_BEFORE = re.compile(r"\b(?:fonds|société|sociétés|banque|banques|bras|véhicule)\s+d['’]$")
# a sentence opening on the deal and its size: "L'opération porte sur", "The deal is worth"
_THE_DEAL_AMOUNT = re.compile(
    r"\s*(?:the|this|that|la|le|l['’]|cette|ce)\s*(?:deal|transaction|investment|operation|opération|"
    r"investissement|prise de participation|stake|montant|amount)\b[^.;]{0,30}?\b(?:porte sur|portera sur|"
    r"s['’]élève à|atteint|représente|is worth|was worth|totals?|totalled|amounts to|is valued at|values|"
    r"comes to|came to)\b",
    re.IGNORECASE,
)
_TARGET_GAP = re.compile(
    # a duration may come first: "30 millions d'euros sur trois ans dans X", "$1bn over five years in X"
    r"\s*(?:(?:sur|over|within|en)\s+\w+\s+(?:ans|années|mois|years|months)\s*,?\s+)?"
    r"(?:(?!(?:on|sur|for|pour|with|avec)\b)[\w,.]+\s*%?\s+){0,3}"
    # "leads $65m raise for X", "a Series B for X": the round's "for" names its firm
    r"(?:in|into|dans|au capital d[e'’]|to|(?:round|raise|fundraise|Series\s+[A-H])\s+for)\s+"
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
_QUALIFIER_END = re.compile(r"\b" + _FIRM_NOUN_WORDS + r"\s*$")


# a sentence of more cues than this looks its cues up by bisection (`cue_bounds`, `cue_pairs`): a scan
# of every cue for each cue costs n * n; fewer are scanned, which costs less than the index
FEW_CUES = 8


@cache
def _contrast(language: str) -> re.Pattern:
    """ "while", "tandis que": a connective that opens a clause of its own, with its own subject and
    verb ("X raised A, while Y collected B"; `contrast` rows of `lexicons/<lang>/connectives.csv`)."""
    return _word_regex(
        [r["word"] for r in for_language("connectives", language) if r["kind"] == "contrast"], re.IGNORECASE
    )


class Frames:
    """Cues and the clause each governs: the cue words of a sentence, the stretch a cue rules, the amounts
    and names right after a marker."""

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
        valid += [(a, -b, key) for a, b, key in _aux_cues(self.text, self._cue_table, self.lang)]
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

    def cue_in_name(self, s: Sentence, a: int, b: int) -> bool:
        """A cue word inside an institution's name is no cue: "Mohammed VI Investment Fund",
        "Fonds ... pour l'Investissement", "Banque publique d'investissement"."""
        word = self.text[a:b].lower()
        if not (word.startswith("invest") and word.endswith(("ment", "ments"))):
            return False  # only the noun names an institution ("Invests In X Capital" is a verb)
        if _NAME_HEAD.search(self.text[max(s.start, a - 60) : a]):
            return True
        # "the state investment fund", "un fonds d'investissement": the kind of a firm, no deal
        if _KIND_AFTER.match(self.text, b) or _KIND_BEFORE.search(self.text, max(s.start, a - 20), a):
            return True
        return a > s.start and self.text[a].isupper() and _NAME_TAIL.match(self.text, b) is not None

    # -- one cue ------------------------------------------------------------------------------
    def clause(self, s: Sentence, cs: int, ce: int, fact_type: str) -> tuple[int, int]:
        """The stretch of the sentence a cue governs: from the previous cue of another type to the next;
        a chip purchase's within the semicolons around it ("viserait 10 000 GPU ; personne n'a vu le
        début d'une commande": the count is not the order's; a round's backers may follow one:
        "lève 40 M€ ; parmi les investisseurs, X")."""
        lo, hi = s.start, s.end
        if fact_type == "chip_purchase" and ";" in s.text:
            lo = max(lo, self.text.rfind(";", s.start, cs) + 1)
            after = self.text.find(";", ce, s.end)
            hi = after if after >= 0 else hi
        contrast = _contrast(self.lang).search(self.text, ce, hi)
        if contrast and any(ft == fact_type and a >= contrast.end() for a, _b, ft in self.cue_starts):
            # "X a levé A lors d'un tour de table mené par Z, tandis que Y a récolté B": the clause
            # ends where the other deal's opens
            hi = contrast.start()
        if len(self.cue_starts) <= FEW_CUES:
            for a, b, ft in self.cue_starts:
                if ft != fact_type and fact_type == "chip_purchase" and self.chip_object(b):
                    continue  # "secured an allocation of 512 GPUs": the noun's object is the chips bought
                if ft != fact_type and b == cs - 1 and self.text[b] == " ":
                    continue  # "a $7.8 billion funding award": the cue word before ours only qualifies it
                if ft != fact_type and b <= cs:
                    lo = max(lo, b)
                if ft != fact_type and a >= ce and not self.names_amount(s, a):
                    hi = min(hi, a)
            return lo, hi
        ends, starts = self.cue_bounds(fact_type)
        k = bisect_right(ends, cs)
        while k and ends[k - 1] == cs - 1 and self.text[cs - 1] == " ":
            k -= 1  # "a $7.8 billion funding award": the cue word before ours only qualifies it
        if k:
            lo = max(lo, ends[k - 1])
        j = bisect_left(starts, ce)
        while j < len(starts) and self.names_amount(s, starts[j]):
            j += 1
        if j < len(starts):
            hi = min(hi, starts[j])
        return lo, hi

    def names_amount(self, s: Sentence, a: int) -> bool:
        """A cue word right after "<amount> in" says what the money is ("would provide €64 million in
        funding to X", "$2 billion in grants for"): it bounds no clause."""
        return self.text[a - 4 : a] == " in " and any(
            m.end == a - 4 for m in self.money_in(s)
        )

    def cue_bounds(self, fact_type: str | None) -> tuple[list[int], list[int]]:
        """The ends and the starts, each sorted, of the sentence's cues (`cue_starts`) that bound the
        clause of a cue of `fact_type`: those of another type, but for a chip purchase a cue whose object
        is a number of chips ("secured an allocation of 512 GPUs": the noun's object is the chips
        bought); with None, every cue. Kept per sentence and type, for bisection (a sentence of more
        than FEW_CUES cues)."""
        cues = self.cue_starts
        if self._bounds_of is not cues:
            self._bounds_of, self._bounds = cues, {}
        out = self._bounds.get(fact_type)
        if out is None:
            kept = [
                (a, b)
                for a, b, ft in cues
                if fact_type is None
                or (ft != fact_type and not (fact_type == "chip_purchase" and self.chip_object(b)))
            ]
            out = self._bounds[fact_type] = (sorted(b for _a, b in kept), sorted(a for a, _b in kept))
        return out

    def cue_pairs(self, fact_type: str) -> tuple[set[tuple[int, int]], list[tuple[int, int]], set[int]]:
        """The spans of the sentence's cues of `fact_type`, and those of the other cues but chip
        purchases and the spans of `fact_type` (with the set of their ends): `build`'s `mine` and
        `others` before its test of the word right before the cue. Kept per sentence and type."""
        cues = self.cue_starts
        if self._pairs_of is not cues:
            self._pairs_of, self._pairs = cues, {}
        out = self._pairs.get(fact_type)
        if out is None:
            mine = {(a, b) for a, b, ft in cues if ft == fact_type}
            others = [
                (a, b)
                for a, b, ft in cues
                if ft != fact_type and ft != "chip_purchase" and (a, b) not in mine
            ]
            out = self._pairs[fact_type] = (mine, others, {b for _a, b in others})
        return out

    def chip_object(self, end: int) -> bool:
        """A cue word whose object is a number of chips: "an allocation of 512 GPUs", "une enveloppe
        de 2 000 puces". Kept per position: `clause` asks it for every pair of cues of a sentence."""
        known = self._chip_objects
        if end not in known:
            m = _OF.match(self.text, end, end + 8)
            q = self._quantities(m.end(), min(len(self.text), m.end() + 60)) if m else []
            known[end] = bool(q) and q[0].start == m.end()
        return known[end]

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

    def pick_amounts(self, facts_money: list[Money], cs: int, ce: int) -> list[Amount]:
        if not facts_money:
            return []
        after = [m for m in facts_money if m.start >= ce]
        primary = after[0] if after else facts_money[-1]
        # "a $4.7 billion award to X, down from $6.4 billion": the amount right before a noun cue
        # is its own, whatever amount follows
        before = [m for m in facts_money if m.end <= cs]
        if before and after and _OWN_AMOUNT_GAP.fullmatch(self.text, before[-1].end, cs):
            primary = before[-1]
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

    def after_marker(self, i: int, s: Sentence, rx, start: int) -> list[Entity]:
        """Entities that come after a marker match, from `start` on (news sources left out)."""
        # the first hit counts: the others are not read (a sentence of many markers read them all per cue)
        first = next(
            (
                h.end()
                for h in rx.finditer(self.text, start, s.end)
                if not _SOURCE_BEFORE.search(self.text[max(s.start, h.start() - 12) : h.start()])
            ),
            None,
        )
        if first is None:
            return []
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
        # "SAR7.5 billion ($2 billion) into X": the amount restated in brackets
        gap = re.sub(r"\s*\([^()]{1,40}\)|^\)", "", self.text[deal_end : e.start])
        if re.search(r"capital\s*$", self.text[max(0, deal_end - 12) : deal_end], re.IGNORECASE):
            return bool(re.fullmatch(r"\s*d['’]|\s+de\s+(?:la\s+|l['’])?", gap))  # "entre au capital d'X"
        if re.search(r"\b(?:round|raise|Series\s+[A-H])$", self.text[max(0, deal_end - 12) : deal_end]):
            if re.fullmatch(r"\s+for\s+(?:\w+['’]s\s+)?", gap):
                return True  # "leads a Series B for X", "raise for Sydney's X": the round's firm
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
