"""The records extraction produces: amounts, parties, fact candidates, labelled money mentions, and the
trace of the rules and filters that built, kept, changed or rejected each candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from warehouse.staging.money import Money
from warehouse.staging.sentences import Sentence

FACT_TYPES = ("investment", "subsidy", "chip_purchase")

# What a candidate's flags mean (each is a typed fact about how the rule read the sentence):
FLAGS = {
    "target": "investment: the investee is the name after an investee marker (\"invests $5m in X\")",
    "topic": "investment: the investee is the name a headline puts before its colon",
    "capex": "investment: no investee named; the investor spends on its own projects",
    "abroad": "subsidy: the grantor's home country is never named; the money goes to the text's country",
}
# the outcomes a trace step records
OUTCOMES = ("built", "kept", "rejected", "retyped", "changed")


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
    date_source: str | None = None  # "text": its sentence or paragraph dates it; "lead": the article's lead
    is_background: bool = False
    amounts: list[Amount] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    suffix: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def candidate_id(self) -> str:
        return f"{self.document_id}:{self.cue_start}{self.suffix}"

    @property
    def rule_name(self) -> str:
        """The rule with its flags, as one name: "investment:investor:capex"."""
        return self.rule + "".join(f":{f}" for f in self.flags)


class Step(NamedTuple):
    """One decision of the pipeline: a rule that built a candidate, or a filter that kept, changed,
    retyped or rejected it. `candidate` is the Candidate object when there is one (its id is read when
    the rows are written, after the writer made ids unique); otherwise `candidate_id` is the id the
    candidate would have had (document_id:cue_start), or None for a decision about a sentence or an
    amount. `start`/`end` locate what the decision is about (a cue, an amount)."""

    candidate: Candidate | None
    candidate_id: str | None
    fact_type: str | None
    sentence: Sentence
    start: int | None
    end: int | None
    stage: str
    rule_id: str
    outcome: str
    detail: str


@dataclass
class LabelledMoney:
    money: Money
    sentence_start: int
    label: str
