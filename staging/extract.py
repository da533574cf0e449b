"""Fact candidates from one document: the orchestration of the extraction stages.

`Extractor.extract(doc)` reads one document through these stages, one module per concern:

- `candidates`: the records produced (Amount, Party, Candidate, LabelledMoney, Step);
- `vocabulary`: the lexicon-derived cue words, markers and word lists, compiled once per language;
- `mentions`: organisations, people, public bodies, vendors, money, countries, dates in the text;
- `frames`: the cue words of a sentence, the clause each governs, the amounts and names after a marker;
- `roles`: `build` (a cue in its clause into candidates) and the logic every fact type shares
  (the actor of a cue, financiers, the firm an anaphor points to); `roles_investment`,
  `roles_chips`, `roles_subsidy`: the roles of each fact type;
- `filters`: non-facts (money that is no deal, noise lines, chip cues that report no purchase);
- `passes`: document-level post-passes over all the candidates of a document;
- `country_date`: the country and date of each candidate;
- `trace`: the record of which rule built each candidate and which filter kept, changed or rejected it.

`_DocContext` holds one document's state; `run` applies the stages in order. Every rule is driven
by the CSV lexicons in `lexicons/`; nothing here names a firm or an article.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from warehouse.staging.candidates import FACT_TYPES, Amount, Candidate, LabelledMoney, Party, Step
from warehouse.staging.countries import CountryFinder, CountryMention
from warehouse.staging.country_date import CountryDate
from warehouse.staging.filters import Filters
from warehouse.staging.frames import Frames
from warehouse.staging.lexicon import languages
from warehouse.staging.mentions import Mentions
from warehouse.staging.money import Money, find_money
from warehouse.staging.parties import Entity, PartyFinder
from warehouse.staging.passes import Passes
from warehouse.staging.people import People
from warehouse.staging.recase import recase_capitals
from warehouse.staging.roles import Roles
from warehouse.staging.roles_chips import ChipRoles
from warehouse.staging.roles_investment import InvestmentRoles
from warehouse.staging.roles_subsidy import SubsidyRoles
from warehouse.staging.sentences import Sentence, split_sentences
from warehouse.staging.trace import Tracing
from warehouse.staging.vocabulary import (
    _any_sentence_flag,
    _cues,
    _currency_homes,
    _flag_automaton,
    _inflections,
    _language_names,
    _sentence_flags,
)

# a noun that names a purchase told by a verb of the same sentence ("which was our first big purchase")
_PURCHASE_NOUN = re.compile(r"(?:purchase|order|acquisition|deal|achat|commande)s?", re.IGNORECASE)
# a label opening a line before a colon: "Financement : ...", "Funding: ..."
_SECTION_LABEL = re.compile(r"[ \t]?:[ \t]")
# names other modules and tests import from here
__all__ = [
    "FACT_TYPES",
    "Amount",
    "Candidate",
    "Extractor",
    "LabelledMoney",
    "Party",
    "_currency_homes",
    "_inflections",
    "_language_names",
]

try:  # the date patterns live in their own module; extraction works without them
    from warehouse.staging.dates import find_dates
except ImportError:  # pragma: no cover
    find_dates = None

# the small words inside a name before a cue word: "pour l'investissement", "Fund for Investment"
_NAME_LINK_BEFORE = re.compile(r"(?:\b(?:de|du|des|pour|for|of|and|et)\s+|\b[ld]['’])$", re.IGNORECASE)

# a fronted phrase of what preceded the fact: "After months of rumours,", "Après des mois de rumeurs,"
_FRONTED_PAST = re.compile(
    r"\s*(?:after|following|despite|amid|après|malgré|suite\s+à)\b[^,.;]{0,60},", re.IGNORECASE
)

class Extractor:
    """Holds the seeds-derived finders for one project; `extract(doc)` is pure and deterministic."""

    def __init__(self, project_dir: Path | None):
        self.countries = CountryFinder.from_project(project_dir)
        forms = {form: kind for form, (_code, kind) in self.countries.table.items()}
        self.parties = PartyFinder.from_project(project_dir, forms)
        self.people = People(self.parties.firms, forms, self.parties.generic)

    # -- document -----------------------------------------------------------------------------
    def extract(self, doc) -> tuple[list[Candidate], list[LabelledMoney]]:
        candidates, labelled, _steps = self.extract_traced(doc)
        return candidates, labelled

    def extract_traced(self, doc) -> tuple[list[Candidate], list[LabelledMoney], list[Step]]:
        """The candidates, the labelled money, and the trace: every rule that built a candidate and
        every filter that kept, changed, retyped or rejected one (rejected ones included)."""
        # lines in capitals read in the document's own casing (offsets unchanged)
        text, lang = recase_capitals(doc.text), (doc.language if doc.language in languages() else "fr")
        sentences = split_sentences(text)
        country_mentions = self.countries.find(text)
        # the countries the text names: "R500 000" is rand in a South African story
        named = {c.code for c in country_mentions}
        money = find_money(text, lang, limit=MAX_DOCUMENT_AMOUNTS + 1, countries=named)
        cut = None
        if len(money) > MAX_DOCUMENT_AMOUNTS:
            # a list of figures, not an article: read up to the sentence of the first amount past the limit
            past = money[MAX_DOCUMENT_AMOUNTS].start
            k = next((k for k, s in enumerate(sentences) if s.end > past), len(sentences))
            at = min(sentences[k].start, past) if k < len(sentences) else past
            cut = Sentence(at, len(text), text[at : at + 60])
            text, sentences = text[:at], sentences[:k]
            money = find_money(text, lang, countries=named)
            country_mentions = self.countries.find(text)
        ctx = _DocContext(self, doc, text, lang, sentences, money, country_mentions)
        candidates, labelled = ctx.run()
        if cut is not None:
            ctx.reject(cut, None, cut.start, cut.end, "frames", "document_budget.amounts",
                       f"the text from character {cut.start} on is not read: more than "
                       f"{MAX_DOCUMENT_AMOUNTS} amounts (the per-document budget)")
        return candidates, labelled, ctx.steps


# the cue words one sentence builds candidates from, in order; the others are rejected (`too_many_cues`).
# No sentence of the corpora has more than 5; a "cue storm" (a sentence made of cue words, up to
# MAX_SENTENCE characters) made each cue read the sentence for its subject, its clause and its amounts
MAX_SENTENCE_CUES = 16
# a document reads at most MAX_DOCUMENT_AMOUNTS amounts and builds from at most MAX_DOCUMENT_CUES cue
# words; the sentences after are not read (one step in the trace, `document_budget.*`). No document of
# the corpora has more than 13 amounts or 36 cue words; a text made only of deals (a "money storm", one
# paragraph repeated 2,000 times) cost 4 to 10 s/MB, as each of its deals was read in full
MAX_DOCUMENT_AMOUNTS = 250
MAX_DOCUMENT_CUES = 1000

_FREE_RELATIVE = re.compile(r"\b(?:what|ce qu['’]|ce que)\s*(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _free_relative(before: str) -> bool:
    """`_FREE_RELATIVE.search(before)`, after a quick test for its words (no letter of theirs has a
    case the regex engine folds apart from `str.lower`)."""
    lower = before.lower()
    return ("what" in lower or "ce qu" in lower) and _FREE_RELATIVE.search(before) is not None


class _DocContext(
    Mentions,
    Frames,
    Roles,
    InvestmentRoles,
    ChipRoles,
    SubsidyRoles,
    Filters,
    Passes,
    CountryDate,
    Tracing,
):
    """One document being read: the stages are mixins, one module per concern (see each module);
    this class holds the shared state and `run`, the order in which the stages apply."""

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
        self._chip_objects: dict[int, bool] = {}  # frames.chip_object, per cue end
        self._persons_named: set[str] | None = None
        self._mid_known: dict[str, bool] = {}  # mentions._mid_token, per word
        self._prose_capitals: dict[str, bool] = {}  # mentions.capitalised_in_prose, per word
        self._site_places: dict[str, bool] = {}  # roles.site_place, per name
        self._title_case: dict[int, bool] = {}  # mentions.title_case, per sentence start
        self._head_starts: dict = {}  # mentions.may_start: where the words of an automaton start
        self._folded: str | None = None  # the text lower-cased, once needed
        self._news_date: date | None | bool = False  # country_date.news_date, once known
        self._news_date_at = 0  # where the lead sentence that gave it ends
        self._quotations: list[tuple[int, int]] | None = None  # country_date.in_quotation, once read
        self._named_codes: set[str] | None = None  # country_date.placed_in_story, once read
        self.dates = []
        if find_dates is not None:
            try:
                self.dates = find_dates(text, lang, years=True, ref=self.published)
            except TypeError:  # an older signature
                self.dates = find_dates(text, lang)
        self._lower_words = self._lower_vocabulary()
        self._cue_rx, self._cue_table = _cues(lang)
        self._cue_hits: list[tuple[int, int, str]] | None = None
        self._deal_ends = [0]
        self._cue_starts_list: list[int] = []
        self._bounds_of = self._pairs_of = None  # frames.cue_bounds, cue_pairs: the cues they were kept for
        self._near_cache: dict[str, str | None] = {}
        self._asides: dict[int, list[tuple[int, int]]] = {}  # each sentence's relative clauses
        self._place_names: dict[str, bool] = {}  # name -> used as a place somewhere in the text
        self._noise_cache: dict[int, bool] = {}  # sentence start -> page furniture
        self._occurrences: dict[str, list] = {}
        self._word_starts: dict[str, list[int]] | None = None
        self._scanned = 0  # characters the occurrence regexes have read so far
        self._sentence_starts: list[int] | None = None
        self._quantity_cache: dict[tuple[int, int], list] = {}
        self._sentence_index = {x.start: k for k, x in enumerate(sentences)}
        self.country_mentions.sort(key=lambda c: c.start)
        self._country_starts = [c.start for c in self.country_mentions]
        self._doc_country = self._dominant_country()
        self._headings = self._heading_countries()
        self.dates = sorted(self.dates, key=lambda d: d.start)
        self._date_starts = [d.start for d in self.dates]
        self._public_names = self._governments()
        self._exchanges: set[str] | None = None  # mentions.exchanges, once read
        self._attributed: dict[int, bool] = {}  # mentions.is_source: sentence -> an attribution word in it
        self.steps: list[Step] = []

    @staticmethod
    def own_clause(later: Candidate, first: Candidate) -> bool:
        """ "X a levé A lors d'un tour de table mené par Z, tandis que Y a récolté B": an amount two cues
        of one type share is the later cue's when that cue has a subject of its own, another party
        than the first cue's, between the first cue and the amount."""
        if later.fact_type == "chip_purchase" or not later.amounts or later.cue_start <= first.cue_start:
            return False
        subj = next((p for p in later.parties if p.rule == "subject" and p.start is not None), None)
        return (
            subj is not None
            and first.cue_start < subj.start < later.cue_start < later.amounts[0].start
            and all(p.name != subj.name for p in first.parties if p.role == subj.role)
        )

    def run(self) -> tuple[list[Candidate], list[LabelledMoney]]:
        flags_rx = _sentence_flags(self.lang)
        candidates: list[Candidate] = []
        labelled: list[LabelledMoney] = []
        cues_read = 0
        for i, s in enumerate(self.sentences):
            cues = []
            for c in self.cues_in(s):
                if self.cue_in_name(s, c[3], c[4]) or (
                    # "le Secrétariat général pour l'investissement (SGPI)": a known body's name (read
                    # only after the small words a name runs over)
                    _NAME_LINK_BEFORE.search(self.text, max(s.start, c[3] - 6), c[3])
                    and any(
                        e.source == "gazetteer" and e.start < c[3] and c[4] <= e.end for e in self.ents(i)
                    )
                ) or (
                    # "Invest Nova Scotia is making an investment": a capitalised cue word inside a
                    # longer name, past the sentence's first word
                    c[3] > s.start
                    and self.text[c[3]].isupper()
                    and any(e.start <= c[3] and c[4] <= e.end and e.end - e.start > c[4] - c[3]
                            for e in self.ents(i))
                ):
                    self.reject_cue(s, c, "frames", "cue_in_name")
                # "a fraction of what its rivals spend": a free relative compares, it reports no deal
                elif _free_relative(self.text[max(s.start, c[3] - 60) : c[3]]):
                    self.reject_cue(s, c, "frames", "free_relative")
                elif _SECTION_LABEL.match(self.text, c[4]) and not self.text[
                    self.text.rfind("\n", 0, c[3]) + 1 : c[3]
                ].strip(" \t*#"):
                    # "Financement : Lirra Labs boucle un tour ...": a line's label, the verb after tells
                    self.reject_cue(s, c, "frames", "section_label")
                else:
                    cues.append(c)
            spans = sorted({c[3] for c in cues}) if len(cues) > MAX_SENTENCE_CUES else ()
            if len(spans) > MAX_SENTENCE_CUES:
                last = spans[MAX_SENTENCE_CUES - 1]
                for c in cues:
                    if c[3] > last:
                        self.reject_cue(s, c, "frames", "too_many_cues")
                cues = [c for c in cues if c[3] <= last]
            if cues:
                if cues_read + len(cues) > MAX_DOCUMENT_CUES:
                    self.reject(s, None, s.start, len(self.text), "frames", "document_budget.cues",
                                f"the text from character {s.start} on is not read: more than "
                                f"{MAX_DOCUMENT_CUES} cue words (the per-document budget)")
                    break
                cues_read += len(cues)
            elif not self.money_in(s):
                continue
            # "After months of rumours, X closed ...": a fronted phrase tells what came before the fact
            skip = opening.end() if (opening := _FRONTED_PAST.match(s.text)) else 0
            flags = (
                {label for label, rx in flags_rx.items() if rx.search(s.text, skip)}
                if self.may_start(_flag_automaton(self.lang), s.start, s.end)
                and _any_sentence_flag(self.lang).search(s.text, skip)
                else set()
            )
            denied_report = False
            if "report" in flags and i + 1 < len(self.sentences) and "retraction" in flags_rx:
                # "un quotidien affirmait que X avait commandé 5 000 GPU. L'opérateur a démenti":
                # a report the next sentence opens by denying
                nxt = self.sentences[i + 1]
                hit = flags_rx["retraction"].search(self.text, nxt.start, nxt.end)
                if hit is not None and hit.start() - nxt.start <= 60:
                    flags.add("denial")
                    denied_report = True
            if "report" in flags and i > 0 and "retraction" in flags_rx:
                # "X denied a media report that ... The report said the company had agreed to buy":
                # a report the previous sentence denies
                prev = self.sentences[i - 1]
                if flags_rx["retraction"].search(self.text, prev.start, prev.end) is not None:
                    flags.add("denial")
                    denied_report = True
            purchases = [(c[3], c[4]) for c in cues if c[0] == "chip_purchase"]
            labels = self.label_money(s, [(c[3], c[4]) for c in cues], flags, purchases)
            for m, lab in labels.items():
                labelled.append(LabelledMoney(m, s.start, lab))
                self.money_labels[m] = lab
                if cues and lab not in ("fact", "other"):
                    self.trace_money(s, m, lab)
            if not cues:
                continue
            blocked = flags & {"denial", "cancelled", "rumour", "pledge", "correction"}
            if blocked or self.is_noise(s):
                # a denied, cancelled, rumoured or pledged deal, a correction notice's wrong figure, or a
                # "Lire aussi" line: no cue is a fact
                if denied_report:
                    why = "sentence_flag.denied_report"
                elif blocked:
                    why = "sentence_flag." + min(blocked)
                else:
                    why = "noise_line"
                for c in cues:
                    self.reject_cue(s, c, "filters", why)
                continue
            # the filters every candidate of this sentence passed, and the stage of each
            sentence_kept = (
                ("frames", "cue_in_name"),
                ("frames", "free_relative"),
                ("filters", "sentence_flag"),
                ("filters", "noise_line"),
                ("filters", "one_per_amount"),
            )
            # ... and those that read a candidate's amounts, for one that has some
            with_amounts = (*sentence_kept, ("filters", "restated_amount"))
            investment_kept = (*with_amounts, ("filters", "amount_owner"))
            facts_money = [m for m in self.money_in(s) if labels.get(m) == "fact"]
            self.cue_starts = sorted({(c[3], c[4], c[0]) for c in cues})
            made: list[Candidate] = []
            converted: list[Candidate] = []
            for fact_type in FACT_TYPES:
                seen: dict[tuple, set] = {}  # a reading's key -> the chip counts read after their cues
                for ft, role, cue, cs, ce in cues:
                    if ft != fact_type:
                        continue
                    for cand in self.build(i, s, ft, role, cue, cs, ce, facts_money, flags):
                        key = (
                            cand.fact_type,
                            cand.amounts[0].start if cand.amounts else None,
                            tuple(p.name for p in cand.parties if p.role in ("investee", "buyer")),
                        )
                        # "ordered 2,000 H100 GPUs, and agreed to buy 1,000 AMD accelerators": each verb
                        # has its own count after it (not "... 8,000 GPUs, in one of the largest purchases")
                        own = cand.quantity if "count_after_cue" in cand.flags else None
                        if key in seen and (own is None or own in seen[key]):
                            self.trace(cand, "filters", "same_reading", "rejected")
                            continue
                        seen.setdefault(key, set()).add(own)
                        if cand.fact_type != ft:
                            self.trace(cand, "roles", "other_type_actor", "retyped", f"{ft} cue")
                        (made if cand.fact_type == ft else converted).append(cand)
            # a fact read by its own kind of cue ("attribuer" for a grant) wins over one another
            # kind of cue turned into it ("réunit" read with a public subject)
            made += converted
            # the pass records the price it gives a purchase; here, what it drops or adds
            made = self.traced_membership("spent_on_chips", made, self.spent_on_chips(made))
            continued = [self.grant_continued(c, made) for c in made]
            for c, new in zip(made, continued, strict=True):
                if new is not c:
                    self.trace(new, "passes", "grant_continued", "retyped" if new.fact_type != c.fact_type
                               else "changed")
            made = continued
            # one amount read by an investment and a subsidy cue is the subsidy's
            # (its restatement too: "2.1 billion Chilean pesos (about $2.2 million)")
            sub_amounts = {a.start for c in made if c.fact_type == "subsidy" for a in c.amounts}
            # ... and one read by a chip purchase is the purchase's price ("$1.5bn for 8,000 GPUs")
            price_amounts = {
                a.start
                for c in made
                if c.fact_type == "chip_purchase" and self.priced_count(c)
                for a in c.amounts
            }
            # ... and a body's own purchase price is no grant of that body ("the ministry agreed to buy
            # 13,000 chips for 1.5 trillion won, funded by the supplementary budget")
            bought_by = {
                (a.start, p.name)
                for c in made
                if c.fact_type == "chip_purchase" and self.priced_count(c)
                for a in c.amounts
                for p in c.parties
                if p.role == "buyer"
            }
            owned = []
            for c in made:
                if c.fact_type == "subsidy" and c.amounts and any(
                    (c.amounts[0].start, p.name) in bought_by for p in c.parties if p.role == "grantor"
                ):
                    self.trace(c, "filters", "amount_owner.chip_purchase", "rejected")
                elif c.fact_type == "investment" and c.amounts and c.amounts[0].start in sub_amounts:
                    self.trace(c, "filters", "amount_owner.subsidy", "rejected")
                    # "l'entreprise a obtenu un subside de 3,5 M€ du SPW, au titre du programme X": who
                    # receives the money is the grant's recipient
                    investee = next((p for p in c.parties if p.role == "investee"), None)
                    for g in made:
                        if (
                            investee is not None
                            and c.amounts[0].start > c.cue_start  # its own object, not "X as Y secures"
                            and g.fact_type == "subsidy"
                            and any(a.start == c.amounts[0].start for a in g.amounts)
                            and not any(p.role == "recipient" for p in g.parties)
                            and all(p.name != investee.name for p in g.parties)
                        ):
                            g.parties.append(replace(investee, role="recipient"))
                elif c.fact_type == "investment" and c.amounts and c.amounts[0].start in price_amounts:
                    self.trace(c, "filters", "amount_owner.chip_purchase", "rejected")
                else:
                    owned.append(c)
            made = owned
            # one candidate per amount and type in a sentence
            by_amount: dict = {}
            counted: dict = {}  # a sentence's chip counts, with the cue that read them first
            for c in made:
                k = (c.fact_type, c.amounts[0].start if c.amounts else None, c.suffix)
                if c.fact_type == "chip_purchase":
                    k = (c.fact_type, c.quantity, tuple(p.name for p in c.parties if p.role == "buyer"))
                    # "We bought 512 H200s from Nvidia, through Supermicro, which was our first big
                    # purchase": a second cue telling the same count is the same purchase
                    first_cue = counted.setdefault(c.quantity, c.cue_start) if c.quantity else c.cue_start
                    if first_cue != c.cue_start and _PURCHASE_NOUN.fullmatch(c.cue):
                        k = next(x for x in by_amount if x[0] == "chip_purchase" and x[1] == c.quantity)
                first = by_amount.setdefault(k, c)
                if first is not c and self.own_clause(c, first):
                    by_amount[k], first, c = c, c, first
                if first is not c:
                    self.trace(c, "filters", "one_per_amount", "rejected", f"kept {first.rule_name}")
            kept = list(by_amount.values())
            # "invest SEK 900 million (about €80 million)": the restated amount read by another cue
            # is part of the fact that holds both, not a fact of its own
            spans = [{a.start for a in c.amounts} for c in kept]
            for c, own in zip(kept, spans, strict=True):
                if own and any(
                    o is not c and o.fact_type == c.fact_type and own < other
                    for o, other in zip(kept, spans, strict=True)
                ):
                    self.trace(c, "filters", "restated_amount", "rejected")
                    continue
                if not c.amounts:
                    self.trace_kept(c, sentence_kept)
                else:
                    self.trace_kept(c, investment_kept if c.fact_type == "investment" else with_amounts)
                candidates.append(c)
        added = self.elided_counts(candidates)
        for c in added:
            self.trace_built(c, "passes", "elided_counts")
        candidates.extend(added)
        candidates = self.traced_passes(
            [
                ("elided_receivers", self.elided_receivers),
                ("heading_rounds", self.heading_rounds),
                ("continued_grants", self.continued_grants),
                ("shared_grants", self.shared_grants),
                ("bracketed_awards", self.bracketed_awards),
                ("bracketed_rounds", self.bracketed_rounds),
                ("table_rows", self.table_rows),
                ("listed_grants", self.listed_grants),
                ("vendor_before", self.vendor_before),
                ("listed_counts", self.listed_counts),
                ("headline_buyers", self.headline_buyers),
                ("restated_titles", self.restated_titles),
                ("rounds_of_targets", self.rounds_of_targets),
                ("restated_rounds", self.restated_rounds),
                ("investors_nearby", self.investors_nearby),
                ("backers_elsewhere", self.backers_elsewhere),
                ("backers_of_shares", self.backers_of_shares),
                ("funded_buyer", self.funded_buyer),
                ("price_next_sentence", self.price_next_sentence),
                ("count_next_sentence", self.count_next_sentence),
                ("chips_per_machine", self.chips_per_machine),
                ("local_dollars", self.local_dollars),
                ("local_names", self.local_names),
                ("acronym_names", self.acronym_names),
                ("defined_terms", self.defined_terms),
                ("recipient_pointed_to", self.recipient_pointed_to),
                ("state_aid", self.state_aid),
                ("granted_abroad", self.granted_abroad),
                ("states_buying", self.states_buying),
                ("vague_purchases", self.vague_purchases),
                ("each_shares", self.each_shares),
            ],
            candidates,
        )
        return candidates, labelled
