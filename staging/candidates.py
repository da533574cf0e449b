"""The records extraction produces: amounts, parties, fact candidates, labelled money mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warehouse.staging.money import Money
from warehouse.staging.sentences import Sentence

FACT_TYPES = ("investment", "subsidy", "chip_purchase")


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
