"""Raw fact tables: create them, and write the candidates extracted from documents.

Entry points used by the loader: `RAW_TABLES`, `ensure_tables(con)`,
`extract_into(con, documents, project_dir)`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from warehouse.staging import pool, raw_tables, writes
from warehouse.staging.extract import Extractor
from warehouse.staging.pool import Budget
from warehouse.staging.raw_tables import (
    CANDIDATE_AMOUNTS,
    CANDIDATE_PARTIES,
    CANDIDATE_TRACE,
    FACT_CANDIDATES,
    MONEY_MENTIONS,
)

FLUSH_ROWS = 200_000   # rows buffered before they are written
# the fact tables, each with a document_id column (declared in staging.raw_tables)
FACT_TABLES = (FACT_CANDIDATES, CANDIDATE_AMOUNTS, CANDIDATE_PARTIES, MONEY_MENTIONS, CANDIDATE_TRACE)
RAW_TABLES = tuple(t.name for t in FACT_TABLES)


def ensure_tables(con) -> None:
    """Create the raw schema and the fact tables if they do not exist; add the columns an older
    warehouse file lacks (the build then re-extracts every document)."""
    raw_tables.ensure(con, FACT_TABLES)


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
    """The rows of the fact tables for these documents (no database needed), in the order of
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


def as_written(text: str, start: int, end: int, read: str) -> str:
    """A span as the document writes it: the extractor reads lines in capitals recased
    (`staging/recase.py`), the evidence quotes the document."""
    written = text[start:end]
    return written if written != read and written.lower() == read.lower() else read


def document_rows(ex: Extractor, doc) -> dict[str, list[tuple]]:
    """The rows of the fact tables for one document."""
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
        out["raw.fact_candidates"].append(FACT_CANDIDATES.build(
            candidate_id=c.candidate_id, document_id=c.document_id, fact_type=c.fact_type, rule=c.rule,
            cue=c.cue, cue_start=c.cue_start, sentence_start=s.start, sentence_end=s.end,
            sentence=as_written(doc.text, s.start, s.end, s.text),
            quantity=c.quantity, chip_model=c.chip_model, country_code=c.country_code,
            announced_on=c.announced_on, date_precision=c.date_precision, is_background=c.is_background,
            flags=list(c.flags), date_source=c.date_source))
        for a in c.amounts:
            out["raw.candidate_amounts"].append(CANDIDATE_AMOUNTS.build(
                candidate_id=c.candidate_id, document_id=c.document_id, amount=a.amount,
                currency_code=a.currency, span_start=a.start, span_end=a.end,
                surface=as_written(doc.text, a.start, a.end, a.surface),
                is_primary=a.is_primary))
        for p in c.parties:
            out["raw.candidate_parties"].append(CANDIDATE_PARTIES.build(
                candidate_id=c.candidate_id, document_id=c.document_id, role=p.role, name=p.name,
                span_start=p.start, span_end=p.end, rule=p.rule))
    doc_id = doc.document_id
    rows = out["raw.candidate_trace"]
    ids: dict[int, str] = {}
    for k, (cand, cid, fact_type, s, start, end, stage, rule_id, outcome, detail) in enumerate(trace):
        if cand is not None:
            cid = ids.get(id(cand))
            if cid is None:
                cid = ids[id(cand)] = cand.candidate_id
        rows.append(CANDIDATE_TRACE.build(
            document_id=doc_id, step=k, candidate_id=cid, fact_type=fact_type, sentence_start=s.start,
            sentence_end=s.end, span_start=start, span_end=end, stage=stage, rule_id=rule_id, outcome=outcome,
            detail=detail))
    for lm in money:
        m = lm.money
        out["raw.money_mentions"].append(MONEY_MENTIONS.build(
            document_id=doc_id, span_start=m.start, span_end=m.end,
            surface=as_written(doc.text, m.start, m.end, m.surface), amount=m.amount,
            currency_code=m.currency, sentence_start=lm.sentence_start, label=lm.label))
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
    buffered: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    written = 0

    def flush():
        for table in FACT_TABLES:
            writes.insert(con, table, buffered[table.name])
            buffered[table.name].clear()

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
