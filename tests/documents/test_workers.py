"""Extraction in worker processes: the same rows whatever the number of workers, a time
budget per document that rejects a stuck document and lets the build go on, and no
process left behind when the build is interrupted or killed.

A slow document is made with the test hook `WAREHOUSE_TEST_SLOW_EXTRACTION="<marker>=<seconds>"`
(see warehouse.staging.pool): no assertion here depends on how fast the real extractor is.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner
from warehouse.cli import app
from warehouse.loaders import LoadContext
from warehouse.project import load_project
from warehouse.staging import facts, loader, pool
from warehouse.staging.documents import read_folder

PROJECT = Path(__file__).resolve().parents[2]
SAMPLES = PROJECT / "seeds" / "documents"
SLOW = "Lenteur Industries"   # the marker of the document made slow by the test hook

ARTICLES = {
    "a.txt": "Breizh Calcul lève 3 millions d'euros\n\nRENNES, 5 mars 2024 — La start-up rennaise Breizh "
             "Calcul a levé 3 millions d'euros auprès du fonds Ouest Capital.",
    "b.txt": "Pennine Compute raises $12 million\n\nLEEDS, May 2, 2024 — Pennine Compute said on Thursday "
             "it had raised $12 million in a round led by Dales Ventures.",
    "c.txt": f"{SLOW} lève 8 millions d'euros\n\nLYON, 3 avril 2024 — {SLOW} a levé 8 millions d'euros "
             "auprès de Rhône Amorçage. Cette levée doit financer de nouveaux serveurs et l'embauche de "
             "quarante ingénieurs d'ici la fin de l'année, a précisé son fondateur.",
    "d.txt": "Fjord Silicon buys 2,000 GPUs\n\nOSLO, June 4, 2024 — Fjord Silicon said it would buy 2,000 "
             "H100 GPUs from Nvidia for its new data centre.",
    "e.txt": "La région Occitanie accorde 4 millions d'euros de subvention à Garonne Quantique pour son "
             "centre de calcul, a annoncé la préfecture le 12 février 2024.",
}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def slow(monkeypatch, seconds: float = 120) -> None:
    monkeypatch.setenv(pool.SLOW_HOOK, f"{SLOW}={seconds}")


# --- the same rows whatever the number of workers ----------------------------------------------

def test_rows_are_the_same_with_one_and_two_workers(tmp_path):
    docs = read_folder(write_articles(tmp_path / "docs")).documents * 3   # more batches than workers
    one = facts.extract_rows(docs, PROJECT)
    failures: list = []
    two = facts.extract_rows(docs, PROJECT, failures, workers=2, budget=pool.Budget())
    assert failures == []
    assert two == one
    assert one["raw.fact_candidates"] and one["raw.money_mentions"]


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every raw.* and marts.* table, rows sorted, without the columns that record when."""
    stamps = {"loaded_at", "extracted_at", "rejected_at"}
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for schema, table in con.execute("select table_schema, table_name from information_schema.tables "
                                         "where table_schema in ('raw', 'marts')").fetchall():
            columns = con.execute("select column_name, data_type from information_schema.columns "
                                  "where table_schema = ? and table_name = ? order by ordinal_position",
                                  [schema, table]).fetchall()
            kept = ", ".join(f'"{c}"' for c, _ in columns if c not in stamps)
            out[f"{schema}.{table}"] = (columns, con.execute(
                f'select {kept} from {schema}."{table}" order by all').fetchall())
    return out


def test_a_build_with_one_and_two_workers_gives_the_same_warehouse(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "POOL_MIN_BYTES", 0)     # workers even for a few articles
    dbs = []
    for threads in ("1", "2"):
        db = tmp_path / f"w{threads}.duckdb"
        result = CliRunner().invoke(app, ["build", "--project-dir", str(PROJECT), "--documents", str(SAMPLES),
                                          "--db", str(db), "--threads", threads])
        assert result.exit_code == 0, result.output
        on = "2 processes" if threads == "2" else "this process"
        assert f"on {on}" in result.output
        dbs.append(db)
    one, two = (_tables(db) for db in dbs)
    assert one.keys() == two.keys() and "marts.fct_investments" in one
    for table in one:
        assert one[table] == two[table], table
    assert one["raw.fact_candidates"][1]


# --- the time budget -------------------------------------------------------------------------------

@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_its_budget_is_rejected_and_the_others_are_extracted(tmp_path, monkeypatch,
                                                                              workers):
    slow(monkeypatch)
    docs = read_folder(write_articles(tmp_path / "docs")).documents
    failures: list = []
    rows = facts.extract_rows(docs, PROJECT, failures, workers=workers,
                              budget=pool.Budget(seconds=1, seconds_per_mb=0))
    assert [(d.file_name, reason) for d, reason in failures] == [
        ("c.txt", "extraction took longer than 1 s (the per-document time budget)")]
    monkeypatch.delenv(pool.SLOW_HOOK)
    others = [d for d in docs if d.file_name != "c.txt"]
    assert rows == facts.extract_rows(others, PROJECT)


def test_a_worker_that_dies_rejects_its_document_and_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv(pool.SLOW_HOOK, f"{SLOW}=crash")   # its worker kills itself with SIGKILL
    docs = read_folder(write_articles(tmp_path / "docs")).documents * 2
    failures: list = []
    rows = facts.extract_rows(docs, PROJECT, failures, workers=2, budget=pool.Budget(seconds=600))
    reason = "extraction failed: the worker process died (exit code -9)"
    assert [(d.file_name, r) for d, r in failures] == [("c.txt", reason)] * 2
    monkeypatch.delenv(pool.SLOW_HOOK)
    assert rows == facts.extract_rows([d for d in docs if d.file_name != "c.txt"], PROJECT)


def test_with_one_worker_large_documents_still_get_a_worker_process(tmp_path, monkeypatch):
    """In this process the budget is only a timer; a large document goes to a worker, where
    its budget is a hard limit. The rows come back in order all the same."""
    docs = read_folder(write_articles(tmp_path / "docs")).documents
    expected = facts.extract_rows(docs, PROJECT)
    slow(monkeypatch)
    long = next(len(d.text) for d in docs if d.file_name == "c.txt")
    monkeypatch.setattr(pool, "LARGE_CHARS", long)    # c.txt (the longest) and any as long
    started: list = []
    real = pool._Pool.__init__

    def spy(self, documents, *args):
        started.append(sorted(d.file_name for d in documents))
        real(self, documents, *args)

    monkeypatch.setattr(pool._Pool, "__init__", spy)
    failures: list = []
    rows = facts.extract_rows(docs, PROJECT, failures, budget=pool.Budget(seconds=1, seconds_per_mb=0))
    assert started == [sorted(d.file_name for d in docs if len(d.text) >= long)]
    assert "c.txt" in started[0] and len(started[0]) < len(docs)
    assert [(d.file_name, r) for d, r in failures] == [
        ("c.txt", "extraction took longer than 1 s (the per-document time budget)")]
    c_id = next(d.document_id for d in docs if d.file_name == "c.txt")
    assert rows == {t: [r for r in data if c_id not in (r[0], r[1])] for t, data in expected.items()}


def test_the_budget_grows_with_the_document():
    class Doc:
        text = "x" * (8 * 2**20)

    assert pool.Budget().of(Doc()) == 16.0                   # 2 s per MB above the 10 s floor
    assert pool.Budget(seconds=10, seconds_per_mb=2).of(type("D", (), {"text": "court"})()) == 10
    assert pool.Budget(seconds=0).of(Doc()) is None          # 0: no budget


@pytest.mark.parametrize("threads", [1, 2])
def test_the_loader_rejects_a_stuck_document_and_goes_on(tmp_path, monkeypatch, threads):
    slow(monkeypatch)
    monkeypatch.setattr(loader, "POOL_MIN_BYTES", 0)
    docs = write_articles(tmp_path / "docs")
    ctx = LoadContext(PROJECT, docs, False, threads=threads, extraction={"time_budget_seconds": 1})
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        result = loader.load(con, ctx)
        rejected = con.execute("select file_name, reason from raw.rejected_documents").fetchall()
        loaded = {r[0] for r in con.execute("select file_name from raw.documents").fetchall()}
        with_facts = {r[0] for r in con.execute(
            "select distinct d.file_name from raw.fact_candidates f join raw.documents d using (document_id)"
        ).fetchall()}
    assert rejected == [("c.txt", "extraction took longer than 1 s (the per-document time budget)")]
    assert result.rejected == 1
    assert loaded == set(ARTICLES) - {"c.txt"}
    assert {"a.txt", "b.txt", "d.txt"} <= with_facts


def test_warehouse_yml_sets_the_budget_and_checks_it(tmp_path):
    (tmp_path / "warehouse.yml").write_text("extraction:\n  time_budget_seconds: 30\n"
                                            "  time_budget_seconds_per_mb: 0.5\n")
    assert load_project(tmp_path).extraction == {"time_budget_seconds": 30.0,
                                                 "time_budget_seconds_per_mb": 0.5}
    ctx = LoadContext(tmp_path, None, False, extraction=load_project(tmp_path).extraction)
    assert loader._budget(ctx) == pool.Budget(seconds=30, seconds_per_mb=0.5)
    assert loader._budget(LoadContext(tmp_path, None, False)) == pool.Budget()
    from warehouse.errors import ProjectError

    for text, expected in [("extraction:\n  time_budget_seconds: soon\n",
                            "`extraction.time_budget_seconds` must be a number of seconds"),
                           ("extraction:\n  timeout: 3\n", "`extraction` has no setting 'timeout'"),
                           ("extraction: 5\n", "`extraction` must be a mapping")]:
        (tmp_path / "warehouse.yml").write_text(text)
        with pytest.raises(ProjectError, match=expected):
            load_project(tmp_path)


# --- signals: no worker left behind ------------------------------------------------------------------

# the real CLI in a child process, with workers whatever the amount of text
CLI = "import sys; from warehouse.staging import loader; loader.POOL_MIN_BYTES = 0; " \
      "from warehouse.cli import main; sys.argv[0] = 'warehouse'; main()"


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _gone(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _wait(predicate, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_a_stopped_build_leaves_no_worker_and_no_file(tmp_path, sig, code):
    docs = write_articles(tmp_path / "docs")
    db = tmp_path / "w.duckdb"
    env = {**os.environ, pool.SLOW_HOOK: f"{SLOW}=600"}
    proc = subprocess.Popen([sys.executable, "-c", CLI, "build", "--project-dir", str(PROJECT),
                             "--documents", str(docs), "--db", str(db), "--threads", "2"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # both workers up, and the slow document being extracted: the others are done
        _wait(lambda: len(_children(proc.pid)) == 2, "two workers")
        workers = _children(proc.pid)
        time.sleep(1.0)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == code, err
    if sig != signal.SIGKILL:
        assert "nothing published" in err and "Traceback" not in err
    _wait(lambda: all(_gone(pid) for pid in workers), "the workers to exit", timeout=10)
    assert not db.exists()
    if sig != signal.SIGKILL:   # the lock file stays by design (tests/engine/test_safety.py)
        assert [p.name for p in tmp_path.iterdir()
                if p.name.startswith(".warehouse_build_") or p.name.endswith((".wal", ".lock.pid"))] == []
