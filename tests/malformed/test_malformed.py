"""Nothing a document holds breaks the warehouse: builds through the real CLI on malformed inputs.

`test_malformed_inputs_build` writes one input of every kind of `make_inputs.py` (about
300) by default; `MALFORMED_COUNT=1000 pytest tests/malformed` builds 1,000 (a few minutes).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner
from warehouse.cli import app
from warehouse.staging.documents import printable


def _load_generator():
    """tests/malformed/make_inputs.py is a script, not a package module: load it by path."""
    spec = importlib.util.spec_from_file_location(
        "make_inputs", Path(__file__).with_name("make_inputs.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_inputs"] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
GOOD, kinds, make_inputs, restore_permissions, write_good = (
    gen.GOOD,
    gen.kinds,
    gen.make_inputs,
    gen.restore_permissions,
    gen.write_good,
)
PROJECT = Path(__file__).resolve().parents[2]
FACT_TABLES = (
    "raw.fact_candidates",
    "raw.candidate_amounts",
    "raw.candidate_parties",
    "raw.money_mentions",
)


def build(docs: Path, db: Path):
    result = CliRunner().invoke(
        app, ["build", "--project-dir", str(PROJECT), "--documents", str(docs), "--db", str(db)]
    )
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in output, output[-3000:]
    assert result.exit_code == 0, output[-3000:]
    return result


def query(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def rejected(db: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, reason in query(db, "select file_name, reason from raw.rejected_documents"):
        out.setdefault(name, []).append(reason)
    return out


def good_facts(db: Path, ids: list[str]) -> dict[str, list[tuple]]:
    return {
        t: sorted(
            query(db, f"select * from {t} where document_id in (select unnest(?::varchar[]))", [ids]),
            key=repr,
        )
        for t in FACT_TABLES
    }


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    yield docs
    restore_permissions(docs)


def test_malformed_inputs_build(folder, tmp_path):
    count = int(os.environ.get("MALFORMED_COUNT", len(kinds())))
    made = make_inputs(folder, count)
    assert len({m.kind for m in made}) >= min(100, count)

    alone = tmp_path / "alone"
    alone.mkdir()
    write_good(alone)
    build(alone, tmp_path / "alone.duckdb")
    good_ids = [r[0] for r in query(tmp_path / "alone.duckdb", "select document_id from raw.documents")]
    assert len(good_ids) == len(GOOD)
    expected = good_facts(tmp_path / "alone.duckdb", good_ids)
    assert expected["raw.fact_candidates"], "the good articles have facts"

    db = tmp_path / "mixed.duckdb"
    build(folder, db)
    # the good articles' facts are the same as when they are built alone
    loaded = {r[0] for r in query(db, "select document_id from raw.documents")}
    assert set(good_ids) <= loaded
    assert good_facts(db, good_ids) == expected

    # every malformed input is rejected with a reason, or harmless: a document, or skipped by design
    reasons = rejected(db)
    assert all(r.strip() for rs in reasons.values() for r in rs)
    documents = {
        name.split(".jsonl#")[0] + (".jsonl" if ".jsonl#" in name else "")
        for (name,) in query(db, "select file_name from raw.documents")
    }
    unaccounted = [
        m
        for m in made
        if not m.skipped and printable(m.name) not in reasons and printable(m.name) not in documents
    ]
    assert not unaccounted, [(m.kind, m.name) for m in unaccounted][:20]
    # no fact row is left for a document that is not in raw.documents
    for table in FACT_TABLES:
        assert not query(
            db,
            f"select 1 from {table} where document_id not in "
            "(select document_id from raw.documents) limit 1",
        ), table


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


GOOD_TEXT = (
    "Orbis Robotics lève 20 millions d'euros auprès de Vireo Capital, a annoncé la société mardi.\n"
)


def test_the_issue_cases_are_rejected_with_their_reason(folder, tmp_path):
    write(folder / "ok.txt", GOOD_TEXT)
    write(
        folder / "deep.jsonl",
        '{"text": '
        + "[" * 100_000
        + "]" * 100_000
        + "}\n"
        + json.dumps({"text": "Vireo Capital investit 5 millions d'euros dans Orbis Robotics."})
        + "\n",
    )
    write(folder / "surrogate.jsonl", b'{"text": "Orbis \\ud800 Robotics a lev\\u00e9 2 M\\u20ac."}\n')
    write(
        folder / "bad-date.md",
        "---\ndate: 2024-13-45\ntitle: Orbis\n---\n\n" + GOOD_TEXT.replace("20", "21"),
    )
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("ok.txt", folder / "inside-link.txt")
    with open(os.fsencode(folder) + b"/nom-\xff\xfe.txt", "wb") as fh:
        fh.write(GOOD_TEXT.replace("20", "22").encode())
    write(folder / "random.txt", os.urandom(5000).replace(b"\0", b"\1"))
    write(folder / "controls.txt", bytes(range(1, 32)) * 100 + GOOD_TEXT.encode())
    attrs = " ".join(f'a{i}="x"' for i in range(100_000))
    write(
        folder / "attributes.html",
        f"<html><body><div {attrs}><p>{GOOD_TEXT.replace('20', '24')}</p></div></body></html>",
    )
    write(
        folder / "too-many.html",
        "<html><body>"
        + "".join("<i " + " ".join(f'b{j}="y"' for j in range(60)) + ">w</i>" for _ in range(1000))
        + f"<p>{GOOD_TEXT}</p>",
    )
    os.mkfifo(folder / "pipe.txt")

    db = tmp_path / "w.duckdb"
    build(folder, db)
    reasons = rejected(db)
    assert reasons["deep.jsonl"] == ["not valid JSON: nested too deeply"]
    assert reasons["surrogate.jsonl"][0].startswith("text holds a character that is not valid Unicode")
    assert reasons["loop-a.txt"][0].startswith("broken symbolic link")
    assert reasons["loop-b.txt"][0].startswith("broken symbolic link")
    assert reasons["passwd.txt"] == ["symbolic link to outside the documents folder, not followed"]
    assert reasons["nom-\\xff\\xfe.txt"] == ["file name is not valid UTF-8"]
    assert reasons["random.txt"][0].startswith(("binary content", "cannot be decoded"))
    assert reasons["controls.txt"][0].startswith("binary content")
    assert reasons["too-many.html"][0].startswith("HTML page has too many attributes")
    assert reasons["pipe.txt"] == ["not a regular file"]
    # a link inside the folder is followed: the same text twice is one document
    assert reasons["ok.txt"] == ["duplicate of inside-link.txt"]
    names = {r[0] for r in query(db, "select file_name from raw.documents")}
    # the second line of deep.jsonl, the bad front-matter date (no date) and the 100,000 attributes are read
    assert {"deep.jsonl#2", "bad-date.md", "attributes.html", "inside-link.txt"} <= names
    assert query(
        db, "select published_on, title from raw.documents where file_name = 'bad-date.md'"
    ) == [(None, "Orbis")]
    assert "passwd.txt" not in names and not query(
        db, "select 1 from raw.documents where text like '%root:%'"
    )


def test_an_unreadable_folder_is_reported(folder, tmp_path, monkeypatch):
    write(folder / "ok.txt", GOOD_TEXT)
    write(folder / "locked" / "inside.txt", GOOD_TEXT.replace("20", "23"))
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    db = tmp_path / "w.duckdb"
    build(folder, db)
    assert rejected(db) == {"locked": ["folder cannot be read: Permission denied"]}
    assert [r[0] for r in query(db, "select file_name from raw.documents")] == ["ok.txt"]


def test_a_document_whose_extraction_fails_is_rejected_and_the_build_goes_on(
    folder, tmp_path, monkeypatch
):
    from warehouse.staging.extract import Extractor

    write(folder / "a-ok.txt", GOOD_TEXT)
    write(
        folder / "b-fails.txt",
        "Vireo Capital investit 5 millions d'euros dans Orbis Robotics, dit-elle.\n",
    )
    real_extract = Extractor.extract_traced  # what the writer calls

    def extract(self, doc):
        if doc.file_name == "b-fails.txt":
            raise RuntimeError("boom in a rule")
        return real_extract(self, doc)

    monkeypatch.setattr(Extractor, "extract_traced", extract)
    db = tmp_path / "w.duckdb"
    result = build(folder, db)
    assert "rejected b-fails.txt: extraction failed: RuntimeError: boom in a rule" in result.output
    assert rejected(db) == {"b-fails.txt": ["extraction failed: RuntimeError: boom in a rule"]}
    assert [r[0] for r in query(db, "select file_name from raw.documents")] == ["a-ok.txt"]
    assert query(db, "select count(*) from raw.fact_candidates")[0][0] > 0
    assert not query(
        db,
        "select 1 from raw.fact_candidates c join raw.documents d using (document_id) "
        "where d.file_name = 'b-fails.txt'",
    )
    # the next build tries it again, and rejects it again
    build(folder, db)
    assert rejected(db) == {"b-fails.txt": ["extraction failed: RuntimeError: boom in a rule"]}
    # once it can be extracted, it is loaded with its facts
    monkeypatch.setattr(Extractor, "extract_traced", real_extract)
    build(folder, db)
    assert rejected(db) == {}
    assert sorted(r[0] for r in query(db, "select file_name from raw.documents")) == [
        "a-ok.txt",
        "b-fails.txt",
    ]


def test_a_document_past_the_work_budget_is_read_in_part_and_the_build_says_so(folder, tmp_path):
    # a storm of deal sentences, not an article: its first part is extracted and the build names it
    write(folder / "a-ok.txt", GOOD_TEXT)
    write(folder / "b-storm.txt", "Vireo Capital investit 5 millions d'euros dans Orbis Robotics. " * 400)
    db = tmp_path / "w.duckdb"
    result = build(folder, db)
    assert "read in part (past the per-document budget" in result.output and "b-storm.txt" in result.output
    assert "a-ok.txt" not in result.output.split("read in part", 1)[1].split("\n", 1)[0]
    assert query(
        db,
        "select count(*) from raw.candidate_trace t join raw.documents d using (document_id) "
        "where d.file_name = 'b-storm.txt' and t.rule_id = 'document_budget.amounts'",
    )[0][0] == 1
