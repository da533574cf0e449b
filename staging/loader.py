"""The documents loader: a folder of articles into `raw.documents`, and their facts.

Run by the engine before the models (`loaders:` in warehouse.yml). Stateful:
the build starts from a copy of the last good warehouse, so a document whose
text, publication date and extractor are unchanged keeps its fact rows and
is not extracted again. The extractor is identified by a fingerprint of the
staging code, its lexicons and the project's seed CSVs, so changing a rule
or a firm alias re-extracts everything once, without `--full-refresh`.

`raw.documents` and `raw.rejected_documents` always reflect the folder as it
is now; fact rows of documents that are gone are deleted. A file unchanged since
it was read (same stat, same extractor) is not read again (`_FileCache`), and
only the rows of raw.documents that differ are deleted and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import inspect
import json
import os
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from warehouse.staging import writes
from warehouse.staging.documents import Document, Rejection, read_folder
from warehouse.staging.pool import Budget, usable_cores
from warehouse.staging.raw_tables import (
    DOCUMENTS,
    REJECTED_DOCUMENTS,
    Table,
)

_FACTS = "warehouse.staging.facts"

def _facts_module() -> ModuleType:
    """The fact extractor, looked up at call time (tests put a stand-in in sys.modules)."""
    return importlib.import_module(_FACTS)


def _qualified(table: str) -> str:
    return table if "." in table else f"raw.{table}"


def _fact_tables(facts: ModuleType) -> tuple[str, ...]:
    return tuple(_qualified(t) for t in facts.RAW_TABLES)


PROVIDES: tuple[str, ...] = ("raw.documents", "raw.rejected_documents", *_fact_tables(_facts_module()))
STATEFUL = True
# what the engine fingerprints, besides this package's files, to skip the loader when nothing changed
INPUTS = ("documents", "seeds")


def fingerprint(project_dir: Path, facts: ModuleType) -> str:
    """What the extraction of a document depends on besides its text."""
    digest = hashlib.sha256(str(getattr(facts, "VERSION", "")).encode())
    here = Path(__file__).parent
    seeds = Path(project_dir) / "seeds"
    files = [*sorted(here.glob("*.py")), *sorted(p for p in (here / "lexicons").rglob("*") if p.is_file()),
             *(sorted(seeds.glob("*.csv")) if seeds.is_dir() else [])]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _ensure_table(con, table: Table) -> bool:
    """Create `table`; an older table with other columns is replaced. True if (re)created."""
    existing = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'raw' and table_name = ? order by ordinal_position",
        [table.name.split(".", 1)[1]],
    ).fetchall()
    wanted = [(c.name, c.type.upper()) for c in table.columns]
    if existing and [(c, t.upper()) for c, t in existing] == wanted:
        return False
    con.execute(f"drop table if exists {table.name}")
    con.execute(table.create_sql())
    return True


def _rejected_rows(rejections: list[Rejection], now: datetime) -> list[tuple]:
    return [REJECTED_DOCUMENTS.build(file_name=r.file_name, path=r.path, line_number=r.line_number,
                                     reason=r.reason, rejected_at=now) for r in rejections]


# processes extracting documents: below this much text to extract, the extraction runs in
# the build's own process (starting workers costs about a second)
POOL_MIN_BYTES = 1024 * 1024


def _workers(ctx, documents: list[Document]) -> int:
    threads = getattr(ctx, "threads", None) or usable_cores()
    if threads <= 1 or sum(len(d.text) for d in documents) < POOL_MIN_BYTES:
        return 1
    return min(threads, len(documents))


def _budget(ctx) -> Budget:
    """warehouse.yml `extraction: {time_budget_seconds, time_budget_seconds_per_mb}`."""
    settings = getattr(ctx, "extraction", None) or {}
    default = Budget()
    return Budget(seconds=settings.get("time_budget_seconds", default.seconds),
                  seconds_per_mb=settings.get("time_budget_seconds_per_mb", default.seconds_per_mb))


def _rejection_of(doc: Document, reason: str) -> Rejection:
    name, line = doc.file_name, None
    if ".jsonl#" in name:
        name, number = name.rsplit("#", 1)
        line = int(number)
    return Rejection(name, doc.path, line, reason)


def _user_error(message: str, hint: str):
    from warehouse.errors import ProjectError

    return ProjectError(message, hint=hint)


# the columns of raw.documents a build compares with what it reads (see `load`)
_PREVIOUS = ("published_on", "loaded_at", "extracted_at", "extracted_with",
             "file_name", "path", "title", "language", "url")


class _FileCache:
    """Which document each plain file of the folder was read into, by the file's `file_stat`
    and the extractor's fingerprint (which covers the reading code): a file whose stat is the
    same is not read again when raw.documents still holds its document, from that file, read
    with that code. Kept in `target/state/documents-<folder>.json` beside the engine's content
    hashes; a stale or lost cache only costs reading the files again."""

    def __init__(self, project_dir: Path, folder: Path):
        key = hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = project_dir / "target" / "state" / f"documents-{key}.json"
        self.folder = str(folder)
        self.files: dict[str, list] = {}
        self.stamp = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == 1 and data.get("folder") == self.folder:
                self.files, self.stamp = data["files"], data["stamp"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    def reuser(self, con, previous: dict, stamp: str):
        """`read_folder`'s `reuse`: the stored document of an unchanged file, else None."""
        if self.stamp != stamp or not self.files or not previous:
            return None
        texts: dict[str, str] | None = None

        def reuse(file_name: str, path: str, key: tuple) -> Document | None:
            nonlocal texts
            entry = self.files.get(file_name)
            if not isinstance(entry, list) or len(entry) != 5 or tuple(entry[:4]) != key:
                return None
            before = previous.get(entry[4])
            if before is None or before[3] != stamp or before[4] != file_name or before[5] != path:
                return None
            if texts is None:         # the texts, once, only when some file is unchanged
                texts = dict(con.execute("select document_id, text from raw.documents").fetchall())
            text = texts.get(entry[4])
            if text is None:
                return None
            published_on, _, _, _, _, _, title, lang, url = before
            return Document(entry[4], file_name, path, title, published_on, lang, text, url)

        return reuse

    def save(self, read, stamp: str) -> None:
        files = {doc.file_name: [*read.file_stats[doc.file_name], doc.document_id]
                 for doc in read.documents if doc.file_name in read.file_stats}
        if files == self.files and stamp == self.stamp:
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"format": 1, "folder": self.folder, "stamp": stamp, "files": files},
                                      separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()      # a cache that cannot be written only costs time


def load(con, ctx):
    """Stage the documents folder; extract facts of new or changed documents only."""
    from warehouse.loaders import LoadResult

    folder = ctx.documents_dir
    if folder is None:
        raise _user_error("no documents folder to load",
                             "pass --documents DIR or set `documents:` in warehouse.yml")
    folder = Path(folder)
    if not folder.is_dir():
        raise _user_error(f"documents folder {folder} does not exist or is not a folder",
                             "pass --documents with an existing folder")

    now = datetime.now(UTC).replace(tzinfo=None)
    facts = _facts_module()
    stamp = fingerprint(ctx.project_dir, facts)

    con.execute("create schema if not exists raw")
    recreated = _ensure_table(con, DOCUMENTS)
    _ensure_table(con, REJECTED_DOCUMENTS)
    previous = {} if recreated else {
        row[0]: row[1:] for row in con.execute(
            f"select document_id, {', '.join(_PREVIOUS)} from raw.documents"
        ).fetchall()
    }
    cache = _FileCache(Path(ctx.project_dir), folder)
    reuse = None if ctx.full_refresh else cache.reuser(con, previous, stamp)

    started = time.perf_counter()
    read = read_folder(folder, reuse=reuse)
    read_seconds = time.perf_counter() - started

    def unchanged(doc: Document) -> bool:
        before = previous.get(doc.document_id)
        return (not ctx.full_refresh and before is not None
                and before[0] == doc.published_on and before[3] == stamp)

    to_extract = [d for d in read.documents if not unchanged(d)]
    # Gone files, not the old versions of files that changed.
    current_ids = {d.document_id for d in read.documents}
    current_names = {d.file_name for d in read.documents}
    removed = sum(1 for doc_id, before in previous.items()
                  if doc_id not in current_ids and before[4] not in current_names)

    # raw.documents: only the rows that differ are deleted and written again
    rows, stale = [], [doc_id for doc_id in previous if doc_id not in current_ids]
    for doc in read.documents:
        before = previous.get(doc.document_id)
        extracted = not unchanged(doc)
        if (before is not None and not extracted
                and before[4:] == (doc.file_name, doc.path, doc.title, doc.language, doc.url)):
            continue                          # the same row as stored
        if before is not None:
            stale.append(doc.document_id)
        rows.append(DOCUMENTS.build(
            document_id=doc.document_id, file_name=doc.file_name, path=doc.path, title=doc.title,
            published_on=doc.published_on, language=doc.language, text=doc.text, char_count=len(doc.text),
            content_hash=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(), url=doc.url,
            loaded_at=before[1] if before else now,
            extracted_at=now if extracted else (before[2] if before else None),
            extracted_with=stamp,
        ))
    if stale:
        con.execute("delete from raw.documents where document_id in (select unnest(?::varchar[]))",
                    [sorted(stale)])
    writes.insert(con, DOCUMENTS, rows)
    con.execute("delete from raw.rejected_documents")
    writes.insert(con, REJECTED_DOCUMENTS, _rejected_rows(read.rejections, now))

    messages = []
    fact_tables = _fact_tables(facts)
    facts.ensure_tables(con)
    for table in fact_tables:
        con.execute(f"delete from {table} "
                    "where document_id not in (select document_id from raw.documents)")
    extract_started = time.perf_counter()
    failures: list[tuple[Document, str]] = []
    accepts = inspect.signature(facts.extract_into).parameters
    workers = _workers(ctx, to_extract)
    if "workers" in accepts:
        written = facts.extract_into(con, to_extract, Path(ctx.project_dir), failures=failures,
                                     workers=workers, budget=_budget(ctx))
    elif "failures" in accepts:
        written = facts.extract_into(con, to_extract, Path(ctx.project_dir), failures=failures)
    else:                                     # an extractor without per-document isolation
        written = facts.extract_into(con, to_extract, Path(ctx.project_dir))
    if failures:
        # A document whose extraction failed is rejected, not kept without facts: it is
        # not in raw.documents, so the next build tries it again (and rejects it again).
        failed = {doc.document_id for doc, _ in failures}
        for table in ("raw.documents", *fact_tables):
            con.execute(f"delete from {table} where document_id in (select unnest(?::varchar[]))",
                        [sorted(failed)])
        extraction_rejections = [_rejection_of(doc, reason) for doc, reason in failures]
        writes.insert(con, REJECTED_DOCUMENTS, _rejected_rows(extraction_rejections, now))
        read.rejections.extend(extraction_rejections)
        read.documents = [d for d in read.documents if d.document_id not in failed]
        to_extract = [d for d in to_extract if d.document_id not in failed]
    cache.save(read, stamp)
    on = f"{workers} processes" if workers > 1 else "this process"
    messages.append(f"extracted {len(to_extract)} documents ({written} rows) in "
                    f"{time.perf_counter() - extract_started:.2f} s on {on}")
    cut = [] if not to_extract or "raw.candidate_trace" not in fact_tables else con.execute(
        "select list(distinct d.file_name order by d.file_name) from raw.candidate_trace t "
        "join raw.documents d using (document_id) "
        "where t.rule_id like 'document_budget.%' and t.document_id in (select unnest(?::varchar[]))",
        [[d.document_id for d in to_extract]],
    ).fetchone()[0] or []
    if cut:
        # a list of figures or a storm of deal words, not an article: say so, never silently
        messages.append(f"read in part (past the per-document budget of amounts or deal words; "
                        f"see raw.candidate_trace): {', '.join(cut[:5])}"
                        f"{f' and {len(cut) - 5} more' if len(cut) > 5 else ''}")

    mb = read.bytes_read / 2**20
    messages.insert(0, (
        f"documents: {len(read.documents)} from {folder} ({mb:.2f} MB read in {read_seconds:.2f} s"
        f"{f', {read.reused} unchanged files not read again' if read.reused else ''}), "
        f"{len(to_extract)} new or changed, {len(read.documents) - len(to_extract)} unchanged, "
        f"{removed} removed, {len(read.rejections)} rejected"
    ))
    for r in read.rejections[:10]:
        where = f"{r.file_name}:{r.line_number}" if r.line_number else r.file_name
        messages.append(f"rejected {where}: {r.reason}")
    if len(read.rejections) > 10:
        messages.append(f"... and {len(read.rejections) - 10} more rejections (see raw.rejected_documents)")
    if read.other_files:
        kinds = Counter(Path(f).suffix.lower() or "(no extension)" for f in read.other_files)
        listed = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(kinds.items()))
        messages.append(f"skipped {len(read.other_files)} files that are not "
                        f".txt, .md, .html or .jsonl: {listed}")

    counts = {}
    for table in ("raw.documents", "raw.rejected_documents", *fact_tables):
        counts[table] = con.execute(f"select count(*) from {table}").fetchall()[0][0]
    return LoadResult(rows=counts, rejected=len(read.rejections),
                      skipped=len(read.documents) - len(to_extract), messages=messages,
                      retry=bool(failures))    # failed extractions are tried again next build
