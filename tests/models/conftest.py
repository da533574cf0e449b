"""A small warehouse built by the real engine from the real models/ and raw rows
written by a test loader, so mart behaviour can be checked through SQL.

The project in tmp_path has: a copy of models/, seeds (a handful of firms and
aliases written here; the real countries, currencies and FX seeds), and a
project-local loader that writes the raw.* tables from `raw_rows.json`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from warehouse import api

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

# the raw tables as staging/raw_tables.py declares them; rows name their columns (a column left
# out is null)
LOADER = '''"""Test loader: writes raw.* from raw_rows.json in the project folder."""
import json

from warehouse.staging import raw_tables

PROVIDES = tuple(t.name for t in raw_tables.TABLES)
STATEFUL = False


def load(con, ctx):
    con.execute("create schema if not exists raw")
    for table in raw_tables.TABLES:
        con.execute(table.create_sql(replace=True))
    rows = json.loads((ctx.project_dir / "raw_rows.json").read_text(encoding="utf-8"))
    for table, records in rows.items():
        for record in records:
            names, marks = ", ".join(record), ", ".join("?" for _ in record)
            con.execute(f"insert into raw.{table} ({names}) values ({marks})", list(record.values()))
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
             valuations=(), rule="test_rule", flags=(), date_source=None) -> str:
        """Add a sentence and its candidate; return the candidate_id."""
        start = len(self.text)
        self.text += sentence + " "
        end = start + len(sentence)
        cid = f"{self.id}:{start}"
        self.raw["fact_candidates"].append(dict(
            candidate_id=cid, document_id=self.id, fact_type=fact_type, rule=rule, cue="cue",
            cue_start=start, sentence_start=start, sentence_end=end, sentence=sentence, quantity=quantity,
            chip_model=chip_model, country_code=country, announced_on=announced_on,
            date_precision="day" if announced_on else None, is_background=background, flags=list(flags),
            date_source=date_source or ("text" if announced_on else None)))
        for i, (amount, currency) in enumerate(amounts):
            self.raw["candidate_amounts"].append(dict(
                candidate_id=cid, document_id=self.id, amount=amount, currency_code=currency,
                span_start=start + i, span_end=start + i + 1, surface=f"{amount} {currency}",
                is_primary=i == 0))
            self._money(start + i, f"{amount} {currency}", amount, currency, start, "fact")
        for j, (amount, currency) in enumerate(valuations):
            self._money(start + 5 + j, "valuation", amount, currency, start, "valuation")
        for k, (role, name, *how) in enumerate(parties):  # (role, name[, party rule])
            self.raw["candidate_parties"].append(dict(
                candidate_id=cid, document_id=self.id, role=role, name=name, span_start=start + 10 + k,
                span_end=start + 11 + k, rule=how[0] if how else "test_party"))
        self._save()
        return cid

    def _money(self, at: int, surface: str, amount, currency, sentence_start: int, label: str):
        self.raw["money_mentions"].append(dict(
            document_id=self.id, span_start=at, span_end=at + 1, surface=surface, amount=amount,
            currency_code=currency, sentence_start=sentence_start, label=label))

    def valuation_sentence(self, sentence: str, valuations) -> None:
        """A sentence that is no fact candidate but states a valuation."""
        start = len(self.text)
        self.text += sentence + " "
        for j, (amount, currency) in enumerate(valuations):
            self._money(start + 5 + j, "valuation", amount, currency, start, "valuation")
        self._save()

    def _save(self):
        self.raw["documents"][self._slot] = dict(
            document_id=self.id, file_name=f"{self.id}.txt", path=f"/docs/{self.id}.txt",
            published_on=self.published_on, language=self.language, text=self.text, char_count=len(self.text),
            content_hash=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            loaded_at="2026-01-01 00:00:00", extracted_with="test")


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
