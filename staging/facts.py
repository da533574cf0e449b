"""Raw fact tables: create them, and write the candidates extracted from documents.

Entry points used by the loader: `RAW_TABLES`, `ensure_tables(con)`,
`extract_into(con, documents, project_dir)`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from warehouse.staging import pool, writes
from warehouse.staging.extract import Extractor
from warehouse.staging.pool import Budget

FLUSH_ROWS = 200_000   # rows buffered before they are written
RAW_TABLES = (
    "raw.fact_candidates",
    "raw.candidate_amounts",
    "raw.candidate_parties",
    "raw.money_mentions",
    "raw.candidate_trace",
)

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
        is_background boolean not null,
        flags varchar[],
        date_source varchar
    )""",
    # a warehouse written before these columns: add them (the build then re-extracts every document)
    "alter table raw.fact_candidates add column if not exists flags varchar[]",
    "alter table raw.fact_candidates add column if not exists date_source varchar",
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
    # every decision of the pipeline about a candidate, kept or not (see candidates.Step)
    """create table if not exists raw.candidate_trace (
        document_id varchar not null,
        step integer not null,
        candidate_id varchar,
        fact_type varchar,
        sentence_start integer not null,
        sentence_end integer not null,
        span_start integer,
        span_end integer,
        stage varchar not null,
        rule_id varchar not null,
        outcome varchar not null,
        detail varchar
    )""",
]


def ensure_tables(con) -> None:
    """Create the raw schema and the fact tables if they do not exist."""
    for ddl in _DDL:
        con.execute(ddl)


_EXTRACTORS: dict[str, Extractor] = {}


def extractor(project_dir: Path | None) -> Extractor:
    """The extractor of a project, built once per process (lexicons, gazetteers, seeds)."""
    key = str(Path(project_dir or ".").resolve())
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(Path(key))
    return _EXTRACTORS[key]


_extractor = extractor


def extract_rows(documents, project_dir: Path | None,
                 failures: list[tuple[object, str]] | None = None, *, workers: int = 1,
                 budget: Budget | None = None) -> dict[str, list[tuple]]:
    """The rows of the four tables for these documents (no database needed), in the order of
    the documents whatever the number of `workers` (see `warehouse.staging.pool`).

    With `failures`, a document whose extraction raises (or exceeds its `budget`) is left out
    (none of its rows are written) and `(document, "extraction failed: <ExcType>: <message>")`
    or `(document, "extraction took longer than N s ...")` is appended; without it, the
    exception propagates."""
    out: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    with contextlib.closing(_results(documents, project_dir, failures, workers, budget)) as results:
        for _doc, rows in results:
            for table, data in rows.items():
                out[table].extend(data)
    return out


def _results(documents, project_dir, failures, workers, budget):
    """`(doc, rows)` of each document extracted, in order; failures listed or raised."""
    if failures is None and workers <= 1 and budget is None:
        ex = extractor(project_dir)
        for doc in documents:
            yield doc, document_rows(ex, doc)
        return
    with contextlib.closing(pool.run(documents, project_dir, workers=workers, budget=budget)) as results:
        for doc, rows, reason in results:
            if rows is not None:
                yield doc, rows
            elif failures is None:
                raise RuntimeError(f"{doc.file_name}: {reason}")
            else:
                failures.append((doc, reason))


def document_rows(ex: Extractor, doc) -> dict[str, list[tuple]]:
    """The rows of the four tables for one document."""
    out: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    candidates, money, trace = ex.extract_traced(doc)
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
                list(c.flags),
                c.date_source,
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
    doc_id = doc.document_id
    rows = out["raw.candidate_trace"]
    ids: dict[int, str] = {}
    for k, (cand, cid, fact_type, s, start, end, stage, rule_id, outcome, detail) in enumerate(trace):
        if cand is not None:
            cid = ids.get(id(cand))
            if cid is None:
                cid = ids[id(cand)] = cand.candidate_id
        rows.append((doc_id, k, cid, fact_type, s.start, s.end, start, end, stage, rule_id, outcome, detail))
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
                 failures: list[tuple[object, str]] | None = None, *, workers: int = 1,
                 budget: Budget | None = None) -> int:
    """Delete then write the fact rows of `documents` in one transaction of its own (call it
    outside any open transaction); returns the number of candidates written. With
    `failures`, documents whose extraction fails are listed there with the reason and
    keep no rows (see `extract_rows`). `workers` > 1 extracts in that many processes; the
    rows are written in the documents' order, in batches of about `FLUSH_ROWS`, so the
    tables are the same whatever the number of workers."""
    ensure_tables(con)
    documents = list(documents)
    ids = sorted({d.document_id for d in documents})
    columns = {table: writes.column_types(con, table) for table in RAW_TABLES}
    buffered: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    written = 0

    def flush():
        for table, data in buffered.items():
            writes.insert(con, table, columns[table], data)
            data.clear()

    con.execute("begin transaction")
    try:
        if ids:
            for table in RAW_TABLES:
                con.execute(f"delete from {table} where document_id in (select unnest(?::varchar[]))", [ids])
        with contextlib.closing(_results(documents, project_dir, failures, workers, budget)) as results:
            for _doc, rows in results:
                for table, data in rows.items():
                    buffered[table].extend(data)
                written += len(rows["raw.fact_candidates"])
                if sum(map(len, buffered.values())) >= FLUSH_ROWS:
                    flush()
        flush()
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(Exception):   # an interrupted connection may refuse it too
            con.execute("rollback")
        raise
    return written


_document_rows = document_rows   # the former name
