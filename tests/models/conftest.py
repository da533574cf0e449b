"""A small warehouse built by the real engine from the real models/ and raw rows
written by a test loader, so mart behaviour can be checked through SQL.

The project in tmp_path has: a copy of models/, seeds (a handful of firms and
aliases written here; the real countries, currencies and FX seeds), and a
project-local loader that writes the raw.* tables from `raw_rows.json`.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from warehouse import api
from warehouse.staging.candidates import FLAGS

ROOT = Path(__file__).resolve().parents[2]

FIRMS = [
    ("sakana-ai", "Sakana AI", "JP", "startup"),
    ("mistral-ai", "Mistral AI", "FR", "startup"),
    ("nvidia", "NVIDIA Corporation", "US", "chip_vendor"),
    ("softbank-corp", "SoftBank Corp.", "JP", "telecom"),
    ("softbank-group", "SoftBank Group Corp.", "JP", "investor"),
    ("meti", "Ministry of Economy, Trade and Industry", "JP", "public_body"),
    ("lightspeed", "Lightspeed Venture Partners", "US", "investor"),
    ("bpifrance", "Bpifrance", "FR", "investor"),
    ("scaleway", "Scaleway", "FR", "cloud"),
    ("humain", "Humain", "SA", "company"),
    ("stargate", "Stargate", "US", "project"),
    ("kestrel", "Kestrel", "KR", "company"),
    ("kestrel-cloud", "Kestrel Cloud", "KR", "cloud"),
]
ALIASES = [
    ("Mistral", "mistral-ai"),
    ("METI", "meti"),
    ("Nvidia", "nvidia"),
    ("NVDA", "nvidia"),
    ("Lightspeed", "lightspeed"),
    ("ministère japonais de l'Économie", "meti"),
]
REAL_SEEDS = ("countries", "country_names", "currencies", "fx_rates", "fx_fixed_rates", "deal_reviews",
              "confidence_markers", "confidence_weights", "confidence_calibration")

# the raw tables as pinned in docs/architecture.md
RAW_DDL = """
create schema if not exists raw;
create or replace table raw.documents (document_id varchar, file_name varchar, path varchar,
  title varchar, published_on date, language varchar, text varchar, char_count integer,
  loaded_at timestamp);
create or replace table raw.rejected_documents (path varchar, line_number integer, reason varchar,
  rejected_at timestamp);
create or replace table raw.fact_candidates (candidate_id varchar primary key,
  document_id varchar not null, fact_type varchar not null, rule varchar not null, cue varchar,
  cue_start integer, sentence_start integer not null, sentence_end integer not null,
  sentence varchar not null, quantity bigint, chip_model varchar, country_code varchar,
  announced_on date, date_precision varchar, is_background boolean not null, flags varchar[],
  date_source varchar);
create or replace table raw.candidate_amounts (candidate_id varchar not null,
  document_id varchar not null, amount double not null, currency_code varchar not null,
  span_start integer not null, span_end integer not null, surface varchar not null,
  is_primary boolean not null);
create or replace table raw.candidate_parties (candidate_id varchar not null,
  document_id varchar not null, role varchar not null, name varchar not null, span_start integer,
  span_end integer, rule varchar not null);
create or replace table raw.money_mentions (document_id varchar not null,
  span_start integer not null, span_end integer not null, surface varchar not null,
  amount double not null, currency_code varchar not null, sentence_start integer not null,
  label varchar not null);
create or replace table raw.candidate_trace (document_id varchar not null, step integer not null,
  candidate_id varchar, fact_type varchar, sentence_start integer not null,
  sentence_end integer not null, span_start integer, span_end integer, stage varchar not null,
  rule_id varchar not null, outcome varchar not null, detail varchar);
"""

LOADER = f'''"""Test loader: writes raw.* from raw_rows.json in the project folder."""
import json

RAW_DDL = {RAW_DDL!r}
PROVIDES = ("raw.documents", "raw.rejected_documents", "raw.fact_candidates",
            "raw.candidate_amounts", "raw.candidate_parties", "raw.money_mentions",
            "raw.candidate_trace")
STATEFUL = False


def load(con, ctx):
    con.execute(RAW_DDL).fetchall()
    rows = json.loads((ctx.project_dir / "raw_rows.json").read_text(encoding="utf-8"))
    for table, records in rows.items():
        for record in records:
            marks = ", ".join("?" for _ in record)
            con.execute(f"insert into raw.{{table}} values ({{marks}})", record).fetchall()
    return None
'''


class Doc:
    """One document and its candidates, written the way the extractor writes them."""

    def __init__(self, raw: dict, document_id: str, published_on: str | None = None,
                 language: str = "fr"):
        self.raw, self.id = raw, document_id
        self.published_on, self.language = published_on, language
        self.text = ""
        raw["documents"].append(None)  # rewritten by _save() as sentences are added
        self._slot = len(raw["documents"]) - 1
        self._save()

    def fact(self, sentence: str, fact_type: str, parties=(), amounts=(), quantity=None,
             chip_model=None, country=None, announced_on=None, background=False,
             valuations=(), rule="test_rule", date_source=None) -> str:
        """Add a sentence and its candidate; return the candidate_id."""
        start = len(self.text)
        self.text += sentence + " "
        end = start + len(sentence)
        cid = f"{self.id}:{start}"
        # the extractor writes a rule's flags apart: "subsidy:named_actor:abroad" is rule
        # "subsidy:named_actor" with the flag "abroad"
        parts = rule.split(":")
        flags = [p for p in parts[2:] if p in FLAGS]
        rule = ":".join(p for k, p in enumerate(parts) if k < 2 or p not in FLAGS)
        self.raw["fact_candidates"].append(
            [cid, self.id, fact_type, rule, "cue", start, start, end, sentence, quantity,
             chip_model, country, announced_on, "day" if announced_on else None, background, flags,
             date_source or ("text" if announced_on else None)])
        for i, (amount, currency) in enumerate(amounts):
            self.raw["candidate_amounts"].append(
                [cid, self.id, amount, currency, start + i, start + i + 1, f"{amount} {currency}", i == 0])
            self.raw["money_mentions"].append(
                [self.id, start + i, start + i + 1, f"{amount} {currency}", amount, currency, start, "fact"])
        for j, (amount, currency) in enumerate(valuations):
            self.raw["money_mentions"].append(
                [self.id, start + 5 + j, start + 6 + j, "valuation", amount, currency, start, "valuation"])
        for k, (role, name, *how) in enumerate(parties):  # (role, name[, party rule])
            self.raw["candidate_parties"].append(
                [cid, self.id, role, name, start + 10 + k, start + 11 + k, how[0] if how else "test_party"])
        self._save()
        return cid

    def valuation_sentence(self, sentence: str, valuations) -> None:
        """A sentence that is no fact candidate but states a valuation."""
        start = len(self.text)
        self.text += sentence + " "
        for j, (amount, currency) in enumerate(valuations):
            self.raw["money_mentions"].append(
                [self.id, start + 5 + j, start + 6 + j, "valuation", amount, currency, start, "valuation"])
        self._save()

    def _save(self):
        self.raw["documents"][self._slot] = [
            self.id, f"{self.id}.txt", f"/docs/{self.id}.txt", None, self.published_on,
            self.language, self.text, len(self.text), "2026-01-01 00:00:00"]


class Warehouse:
    """Collects raw rows, builds with the engine, answers SQL on the published file."""

    def __init__(self, root: Path):
        self.root = root
        self.raw: dict[str, list] = {t: [] for t in (
            "documents", "rejected_documents", "fact_candidates", "candidate_amounts",
            "candidate_parties", "money_mentions")}
        self.db = root / "warehouse.duckdb"

    def doc(self, document_id: str, published_on: str | None = None, language: str = "fr") -> Doc:
        return Doc(self.raw, document_id, published_on, language)

    def build(self) -> api.RunResult:
        (self.root / "raw_rows.json").write_text(json.dumps(self.raw), encoding="utf-8")
        result = api.build(project_dir=self.root, db=self.db, threads=2)
        failed = [(r.unique_id, r.status, r.message) for r in result.results
                  if r.status not in ("success", "pass")]
        assert result.exit_code == 0, failed
        return result

    def sql(self, query: str, params=()) -> list[tuple]:
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            return con.execute(query, list(params)).fetchall()
        finally:
            con.close()

    def dicts(self, query: str, params=()) -> list[dict]:
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            cur = con.execute(query, list(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        finally:
            con.close()


def write_csv(path: Path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def warehouse(tmp_path) -> Warehouse:
    """A project in tmp_path using the real models and a raw-rows test loader."""
    shutil.copytree(ROOT / "models", tmp_path / "models")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in REAL_SEEDS:
        shutil.copy(ROOT / "seeds" / f"{name}.csv", seeds / f"{name}.csv")
    write_csv(seeds / "firms.csv", ["firm_id", "firm_name", "country_code", "firm_kind"], FIRMS)
    write_csv(seeds / "firm_aliases.csv", ["alias", "firm_id"], ALIASES)
    (tmp_path / "raw_rows_loader.py").write_text(LOADER, encoding="utf-8")
    (tmp_path / "warehouse.yml").write_text("name: models_test\nloaders:\n  - raw_rows_loader\n",
                                            encoding="utf-8")
    return Warehouse(tmp_path)
