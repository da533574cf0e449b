"""Raw fact tables: create them, and write the candidates extracted from documents.

Entry points used by the loader: `RAW_TABLES`, `ensure_tables(con)`,
`extract_into(con, documents, project_dir)`.
"""

from __future__ import annotations

from pathlib import Path

from warehouse.staging.extract import Extractor

RAW_TABLES = ("raw.fact_candidates", "raw.candidate_amounts", "raw.candidate_parties", "raw.money_mentions")

_DDL = [
    "create schema if not exists raw",
    """create table if not exists raw.fact_candidates (
        candidate_id varchar primary key,
        document_id varchar not null,
        fact_type varchar not null,
        rule varchar not null,
        cue varchar,
        cue_start integer,
        sentence_start integer not null,
        sentence_end integer not null,
        sentence varchar not null,
        quantity bigint,
        chip_model varchar,
        country_code varchar,
        announced_on date,
        date_precision varchar,
        is_background boolean not null
    )""",
    """create table if not exists raw.candidate_amounts (
        candidate_id varchar not null,
        document_id varchar not null,
        amount double not null,
        currency_code varchar not null,
        span_start integer not null,
        span_end integer not null,
        surface varchar not null,
        is_primary boolean not null
    )""",
    """create table if not exists raw.candidate_parties (
        candidate_id varchar not null,
        document_id varchar not null,
        role varchar not null,
        name varchar not null,
        span_start integer,
        span_end integer,
        rule varchar not null
    )""",
    """create table if not exists raw.money_mentions (
        document_id varchar not null,
        span_start integer not null,
        span_end integer not null,
        surface varchar not null,
        amount double not null,
        currency_code varchar not null,
        sentence_start integer not null,
        label varchar not null
    )""",
]


def ensure_tables(con) -> None:
    """Create the raw schema and the four fact tables if they do not exist."""
    for ddl in _DDL:
        con.execute(ddl)


_EXTRACTORS: dict[str, Extractor] = {}


def _extractor(project_dir: Path | None) -> Extractor:
    key = str(Path(project_dir or ".").resolve())
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(Path(key))
    return _EXTRACTORS[key]


def extract_rows(documents, project_dir: Path | None,
                 failures: list[tuple[object, str]] | None = None) -> dict[str, list[tuple]]:
    """The rows of the four tables for these documents (no database needed).

    With `failures`, a document whose extraction raises is left out (none of its rows
    are written) and `(document, "extraction failed: <ExcType>: <message>")` is appended;
    without it, the exception propagates."""
    ex = _extractor(project_dir)
    out: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    for doc in documents:
        if failures is None:
            rows = _document_rows(ex, doc)
        else:
            try:
                rows = _document_rows(ex, doc)
            except Exception as exc:  # noqa: BLE001 - one document must not stop the build
                failures.append((doc, f"extraction failed: {type(exc).__name__}: {exc}"[:500]))
                continue
        for table, data in rows.items():
            out[table].extend(data)
    return out


def _document_rows(ex: Extractor, doc) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    candidates, money = ex.extract(doc)
    seen: set[str] = set()
    for c in candidates:
        if c.candidate_id in seen:
            # one word cueing two fact types ("secures $50m", "secures 2,000 GPUs")
            c.suffix += f":{c.fact_type}"
            if c.candidate_id in seen:
                continue
        seen.add(c.candidate_id)
        s = c.sentence
        out["raw.fact_candidates"].append(
            (
                c.candidate_id,
                c.document_id,
                c.fact_type,
                c.rule,
                c.cue,
                c.cue_start,
                s.start,
                s.end,
                s.text,
                c.quantity,
                c.chip_model,
                c.country_code,
                c.announced_on,
                c.date_precision,
                c.is_background,
            )
        )
        for a in c.amounts:
            out["raw.candidate_amounts"].append(
                (
                    c.candidate_id,
                    c.document_id,
                    a.amount,
                    a.currency,
                    a.start,
                    a.end,
                    a.surface,
                    a.is_primary,
                )
            )
        for p in c.parties:
            out["raw.candidate_parties"].append(
                (
                    c.candidate_id,
                    c.document_id,
                    p.role,
                    p.name,
                    p.start,
                    p.end,
                    p.rule,
                )
            )
    for lm in money:
        m = lm.money
        out["raw.money_mentions"].append(
            (
                doc.document_id,
                m.start,
                m.end,
                m.surface,
                m.amount,
                m.currency,
                lm.sentence_start,
                lm.label,
            )
        )
    return out


def extract_into(con, documents, project_dir: Path | None,
                 failures: list[tuple[object, str]] | None = None) -> int:
    """Delete then write the fact rows of `documents` in one transaction of its own (call it
    outside any open transaction); returns the number of candidates written. With
    `failures`, documents whose extraction fails are listed there with the reason and
    keep no rows (see `extract_rows`)."""
    ensure_tables(con)
    documents = list(documents)
    ids = sorted({d.document_id for d in documents})
    rows = extract_rows(documents, project_dir, failures)
    con.execute("begin transaction")
    try:
        if ids:
            for table in RAW_TABLES:
                con.execute(f"delete from {table} where document_id in (select unnest(?::varchar[]))", [ids])
        for table, data in rows.items():
            if data:
                marks = ", ".join("?" * len(data[0]))
                con.executemany(f"insert into {table} values ({marks})", data)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return len(rows["raw.fact_candidates"])
