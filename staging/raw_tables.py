"""The raw tables the loaders write: every column, declared once (name, DuckDB type, nullability,
description).

What derives from it:
- the DDL: `Table.create_sql()`, and `ensure(con, tables)`, which creates the tables and adds the
  columns an older warehouse file lacks;
- the rows the extractor and the documents loader write: `Table.row`, a NamedTuple per table
  (`FactCandidateRow`), built with keywords by `Table.build(candidate_id=..., ...)`, so a new
  column is a keyword every writer has to give; the writes name their columns (`Table.types`);
- the test fixtures' tables (tests/models/conftest.py), whose rows name their columns;
- the dbt-style source declaration `models/staging/_sources.yml`, written by
  `python -m warehouse.staging.raw_tables > models/staging/_sources.yml` (a test fails when it
  is stale).

A column added here reaches an existing warehouse through `ensure`, nullable (DuckDB adds no
constraint to a table that exists); the build then extracts every document again, since the
extractor's fingerprint covers this file.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, field

NULL, NOT_NULL, KEY = "null", "not null", "primary key"


@dataclass(frozen=True)
class Column:
    name: str
    type: str                      # DuckDB type
    constraint: str                # NULL, NOT_NULL or KEY
    description: str


@dataclass(frozen=True)
class Table:
    name: str                      # "raw.<table>"
    row_name: str                  # the NamedTuple's class name
    description: str
    columns: tuple[Column, ...]
    row: type = field(init=False, repr=False, compare=False)           # the NamedTuple
    build: Callable = field(init=False, repr=False, compare=False)     # build(**every column) -> row

    def __post_init__(self):
        names = ", ".join(c.name for c in self.columns)
        row = namedtuple(self.row_name, names, module=__name__)
        # `row(**columns)` goes through type.__call__ and a keywords dict: three times slower than a
        # function of keyword-only arguments (rows are built by the hundred thousand)
        scope = {"_new": tuple.__new__, "_row": row}
        exec(f"def build(*, {names}):\n    return _new(_row, ({names},))", scope)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "build", scope["build"])

    @property
    def types(self) -> dict[str, str]:
        """Column name -> DuckDB type, in order (what `staging.writes.insert` takes)."""
        return {c.name: c.type for c in self.columns}

    def create_sql(self, replace: bool = False) -> str:
        columns = [f"{c.name} {c.type}" + ("" if c.constraint == NULL else f" {c.constraint}")
                   for c in self.columns]
        how = "create or replace table" if replace else "create table if not exists"
        return f"{how} {self.name} (\n    " + ",\n    ".join(columns) + "\n)"


def _table(name: str, row_name: str, description: str, *columns: tuple[str, str, str, str]) -> Table:
    return Table(name, row_name, description, tuple(Column(*c) for c in columns))


DOCUMENTS = _table(
    "raw.documents", "DocumentRow", "One row per loaded document, with its normalised text.",
    ("document_id", "varchar", NOT_NULL, "First 16 hex characters of the SHA-256 of the normalised text."),
    ("file_name", "varchar", NOT_NULL,
     "Path relative to the documents folder; a JSON Lines article is `name.jsonl#<line>`."),
    ("path", "varchar", NOT_NULL, "Absolute path of the file the document was read from."),
    ("title", "varchar", NULL, "Title from the metadata or the text, null when none."),
    ("published_on", "date", NULL, "Publication date given by the text or its metadata, null when none."),
    ("language", "varchar", NOT_NULL, "Language of the text, a lexicon folder's ISO 639-1 code (fr, en)."),
    ("text", "varchar", NOT_NULL,
     "Normalised text (NFC, no-break and thin spaces replaced); every character span indexes into it."),
    ("char_count", "integer", NOT_NULL, "Number of characters of the text."),
    ("content_hash", "varchar", NOT_NULL,
     "Full SHA-256 of the text; document_id is its first 16 hex characters."),
    ("url", "varchar", NULL, "URL of a JSON Lines record or an HTML page's canonical link, null when none."),
    ("loaded_at", "timestamp", NOT_NULL, "When this text was first loaded (UTC)."),
    ("extracted_at", "timestamp", NULL, "When its facts were last extracted (UTC), null when not yet."),
    ("extracted_with", "varchar", NOT_NULL,
     "Fingerprint of the extractor that produced its facts (staging code, lexicons, seeds)."),
)

REJECTED_DOCUMENTS = _table(
    "raw.rejected_documents", "RejectedDocumentRow",
    "Files or JSON lines the loader could not read or extract, with the reason.",
    ("file_name", "varchar", NOT_NULL, "Path relative to the documents folder."),
    ("path", "varchar", NOT_NULL, "Absolute path of the rejected file."),
    ("line_number", "integer", NULL, "Line of a JSON Lines file, null for a whole file."),
    ("reason", "varchar", NOT_NULL, "Why it was rejected (empty, binary, undecodable, bad JSON, too large, "
     "a duplicate, extraction failed or took too long)."),
    ("rejected_at", "timestamp", NOT_NULL, "When the loader rejected it (UTC)."),
)

FACT_CANDIDATES = _table(
    "raw.fact_candidates", "FactCandidateRow",
    "Every fact candidate the extractor found, one row per cue, with its sentence and rule.",
    ("candidate_id", "varchar", KEY,
     "document_id ':' cue_start, then ':' fact_type for a second fact type cued by the same word."),
    ("document_id", "varchar", NOT_NULL, "Document the candidate was found in."),
    ("fact_type", "varchar", NOT_NULL, "investment, subsidy or chip_purchase."),
    ("rule", "varchar", NOT_NULL, "Stable id of the rule that built the candidate (investment:investor)."),
    ("cue", "varchar", NULL, "The cue word as written (lève, orders)."),
    ("cue_start", "integer", NULL, "Character offset of the cue in the document text."),
    ("sentence_start", "integer", NOT_NULL, "Character offset where the candidate's sentence starts."),
    ("sentence_end", "integer", NOT_NULL, "Character offset where the candidate's sentence ends."),
    ("sentence", "varchar", NOT_NULL, "The sentence, the evidence of the fact."),
    ("quantity", "bigint", NULL, "Number of chips stated, null when none."),
    ("chip_model", "varchar", NULL, "Chip model named (H100, MI300X), null when none."),
    ("country_code", "varchar", NULL,
     "ISO 3166-1 alpha-2 code of the country the text says the money or chips go to, null when none."),
    ("announced_on", "date", NULL, "Event date the text gives, null when none."),
    ("date_precision", "varchar", NULL, "day, month or year for announced_on, null without a date."),
    ("is_background", "boolean", NOT_NULL,
     "True for a past deal recalled as background (avait levé en 2023)."),
    ("flags", "varchar[]", NULL,
     "How the rule read the sentence: target, topic, capex, abroad (staging.candidates.FLAGS)."),
    ("date_source", "varchar", NULL,
     "text when the candidate's sentence or paragraph dates it, lead when the article's lead does, "
     "null without a date."),
)

CANDIDATE_AMOUNTS = _table(
    "raw.candidate_amounts", "CandidateAmountRow",
    "Amounts a candidate states; a restatement in a second currency is a second row.",
    ("candidate_id", "varchar", NOT_NULL, "The candidate stating the amount."),
    ("document_id", "varchar", NOT_NULL, "Document of the candidate."),
    ("amount", "double", NOT_NULL, "Amount in units of the currency, as stated (600 M€ is 600000000)."),
    ("currency_code", "varchar", NOT_NULL, "ISO 4217 code of the currency."),
    ("span_start", "integer", NOT_NULL, "Character offset where the amount starts."),
    ("span_end", "integer", NOT_NULL, "Character offset where the amount ends."),
    ("surface", "varchar", NOT_NULL, "The amount as written (600 millions d'euros)."),
    ("is_primary", "boolean", NOT_NULL, "True for the first stated amount; the others restate it."),
)

CANDIDATE_PARTIES = _table(
    "raw.candidate_parties", "CandidatePartyRow", "Parties a candidate names, with their role.",
    ("candidate_id", "varchar", NOT_NULL, "The candidate naming the party."),
    ("document_id", "varchar", NOT_NULL, "Document of the candidate."),
    ("role", "varchar", NOT_NULL, "investee, investor, grantor, recipient, buyer or vendor."),
    ("name", "varchar", NOT_NULL, "The name as written in the text."),
    ("span_start", "integer", NULL, "Character offset where the name starts, null when not in the text."),
    ("span_end", "integer", NULL, "Character offset where the name ends, null when not in the text."),
    ("rule", "varchar", NOT_NULL,
     "The rule that found the party (role_marker, subject, each, next_sentence)."),
)

MONEY_MENTIONS = _table(
    "raw.money_mentions", "MoneyMentionRow",
    "Every amount found in the text, fact or not, with the label saying why it was kept or not.",
    ("document_id", "varchar", NOT_NULL, "Document the amount was found in."),
    ("span_start", "integer", NOT_NULL, "Character offset where the amount starts."),
    ("span_end", "integer", NOT_NULL, "Character offset where the amount ends."),
    ("surface", "varchar", NOT_NULL, "The amount as written."),
    ("amount", "double", NOT_NULL, "Amount in units of the currency."),
    ("currency_code", "varchar", NOT_NULL, "ISO 4217 code of the currency."),
    ("sentence_start", "integer", NOT_NULL, "Character offset of the sentence holding the amount."),
    ("label", "varchar", NOT_NULL, "fact, valuation, revenue, market_size, estimate or other."),
)

CANDIDATE_TRACE = _table(
    "raw.candidate_trace", "CandidateTraceRow",
    "Every decision of the extraction pipeline, in order, rejected candidates included "
    "(staging.candidates.Step).",
    ("document_id", "varchar", NOT_NULL, "Document the decision is about."),
    ("step", "integer", NOT_NULL, "Order of the decision within its document."),
    ("candidate_id", "varchar", NULL,
     "The candidate, or the id it would have had when rejected before being built; null for an amount."),
    ("fact_type", "varchar", NULL, "Fact type of the candidate at that step, null for an amount."),
    ("sentence_start", "integer", NOT_NULL, "Character offset where the sentence starts."),
    ("sentence_end", "integer", NOT_NULL, "Character offset where the sentence ends."),
    ("span_start", "integer", NULL,
     "Character offset of what the decision is about (the cue or the amount)."),
    ("span_end", "integer", NULL, "End of that span."),
    ("stage", "varchar", NOT_NULL, "The pipeline stage that decided: frames, roles, filters or passes."),
    ("rule_id", "varchar", NOT_NULL,
     "The rule (built) or the filter or pass id (sentence_flag.denial, one_per_amount)."),
    ("outcome", "varchar", NOT_NULL, "built, kept, rejected, retyped or changed."),
    ("detail", "varchar", NULL, "What changed, the cue or amount concerned, the flags of a built candidate."),
)

# the documents loader's tables, then the extractor's (staging.facts.RAW_TABLES)
TABLES = (DOCUMENTS, REJECTED_DOCUMENTS, FACT_CANDIDATES, CANDIDATE_AMOUNTS, CANDIDATE_PARTIES,
          MONEY_MENTIONS, CANDIDATE_TRACE)
BY_NAME = {t.name: t for t in TABLES}

# the row classes under their own names, so rows pickle (worker processes send them)
DocumentRow = DOCUMENTS.row
RejectedDocumentRow = REJECTED_DOCUMENTS.row
FactCandidateRow = FACT_CANDIDATES.row
CandidateAmountRow = CANDIDATE_AMOUNTS.row
CandidatePartyRow = CANDIDATE_PARTIES.row
MoneyMentionRow = MONEY_MENTIONS.row
CandidateTraceRow = CANDIDATE_TRACE.row


def ensure(con, tables=TABLES) -> None:
    """Create the raw schema and these tables if they do not exist, and add the columns an older
    warehouse file lacks (nullable: DuckDB adds no constraint to an existing table)."""
    con.execute("create schema if not exists raw")
    for table in tables:
        con.execute(table.create_sql())
    existing = set(con.execute("select table_name, column_name from information_schema.columns "
                               "where table_schema = 'raw'").fetchall())
    for table in tables:
        bare = table.name.split(".", 1)[1]
        for c in table.columns:
            if (bare, c.name) not in existing:
                con.execute(f"alter table {table.name} add column if not exists {c.name} {c.type}")


def sources_yaml() -> str:
    """The raw tables as a dbt source (models/staging/_sources.yml)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow=False, indentless=False):   # lists indented under their key
            return super().increase_indent(flow, False)

    class Flow(list):
        pass

    Dumper.add_representer(Flow, lambda dump, v: dump.represent_sequence("tag:yaml.org,2002:seq", v, True))

    def column(c: Column) -> dict:
        out = {"name": c.name, "data_type": c.type, "description": c.description}
        if c.constraint != NULL:
            out["constraints"] = Flow([{"type": c.constraint.replace(" ", "_")}])
        return out

    source = {"name": "raw", "schema": "raw",
              "description": "What the loaders write (warehouse.staging.loader and warehouse.staging.facts).",
              "tables": [{"name": t.name.split(".", 1)[1], "description": t.description,
                          "columns": [column(c) for c in t.columns]} for t in TABLES]}
    head = ("# Generated from staging/raw_tables.py, the one declaration of the raw tables: edit it, then\n"
            "# python -m warehouse.staging.raw_tables > models/staging/_sources.yml\n")
    return head + yaml.dump({"sources": [source]}, Dumper=Dumper, sort_keys=False, allow_unicode=True,
                            width=110)


if __name__ == "__main__":
    print(sources_yaml(), end="")
