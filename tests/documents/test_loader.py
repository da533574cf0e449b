"""The documents loader on a real DuckDB file: incremental skip, removal, full refresh, rejections.

The fact extractor is replaced by a small stand-in module that records which
documents it was asked to extract, so these tests check the loader's side of
the contract only.
"""

import sys
import types
from pathlib import Path

import duckdb
import pytest
from warehouse.loaders import LoadContext
from warehouse.staging import loader

FR = "La coopérative {name} a levé {n} millions d'euros auprès de deux fonds régionaux, a-t-elle annoncé."


class StandIn:
    """A fact extractor that writes one row per document and remembers its calls."""

    def __init__(self):
        self.calls: list[list[str]] = []
        self.module = types.ModuleType("warehouse.staging.facts")
        self.module.RAW_TABLES = ("raw.stand_in_facts",)
        self.module.VERSION = "1"
        self.module.ensure_tables = self.ensure_tables
        self.module.extract_into = self.extract_into

    def ensure_tables(self, con):
        con.execute("create table if not exists raw.stand_in_facts (document_id varchar, sentence varchar)")

    def extract_into(self, con, docs, project_dir):
        self.calls.append(sorted(d.file_name for d in docs))
        for d in docs:
            con.execute("delete from raw.stand_in_facts where document_id = ?", [d.document_id])
            con.execute("insert into raw.stand_in_facts values (?, ?)", [d.document_id, d.text[:20]])
        return len(docs)


@pytest.fixture
def facts(monkeypatch):
    stand_in = StandIn()
    monkeypatch.setitem(sys.modules, "warehouse.staging.facts", stand_in.module)
    return stand_in


def write(folder: Path, name: str, text: str):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build(tmp_path, docs, full_refresh=False):
    """One load into the same DuckDB file, as the engine does from the last good warehouse."""
    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        result = loader.load(con, LoadContext(project_dir=tmp_path, documents_dir=docs,
                                              full_refresh=full_refresh))
        tables = {
            "documents": con.execute("select file_name from raw.documents order by 1").fetchall(),
            "facts": con.execute("select count(*), count(distinct document_id) from raw.stand_in_facts "
                                 "where document_id in (select document_id from raw.documents)").fetchall(),
            "orphans": con.execute("select count(*) from raw.stand_in_facts where document_id not in "
                                   "(select document_id from raw.documents)").fetchall()[0][0],
            "rejected": con.execute("select file_name, reason from raw.rejected_documents "
                                    "order by 1").fetchall(),
        }
    return result, tables


def test_protocol_attributes():
    assert loader.STATEFUL is True
    assert {"raw.documents", "raw.rejected_documents"} <= set(loader.PROVIDES)


def test_unchanged_documents_are_not_extracted_again(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    write(docs, "b.txt", FR.format(name="Beta", n=4))
    first, tables = build(tmp_path, docs)
    assert facts.calls == [["a.txt", "b.txt"]]
    assert (first.skipped, first.rejected) == (0, 0)
    assert first.rows["raw.documents"] == 2 and first.rows["raw.stand_in_facts"] == 2

    write(docs, "b.txt", FR.format(name="Beta", n=5))      # changed
    write(docs, "c.txt", FR.format(name="Gamma", n=6))     # new
    second, tables = build(tmp_path, docs)
    assert facts.calls[-1] == ["b.txt", "c.txt"]
    assert second.skipped == 1
    assert any("2 new or changed, 1 unchanged, 0 removed" in m for m in second.messages)
    assert tables["documents"] == [("a.txt",), ("b.txt",), ("c.txt",)]
    assert tables["facts"] == [(3, 3)] and tables["orphans"] == 0   # old b.txt facts are gone


def test_removed_files_lose_their_rows(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    write(docs, "b.txt", FR.format(name="Beta", n=4))
    build(tmp_path, docs)
    (docs / "b.txt").unlink()
    result, tables = build(tmp_path, docs)
    assert facts.calls[-1] == []
    assert tables["documents"] == [("a.txt",)]
    assert tables["orphans"] == 0 and tables["facts"] == [(1, 1)]
    assert result.rows["raw.stand_in_facts"] == 1
    assert any("1 removed" in m for m in result.messages)


def test_renamed_file_keeps_its_facts_and_its_new_name(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    build(tmp_path, docs)
    (docs / "a.txt").rename(docs / "z.txt")
    result, tables = build(tmp_path, docs)
    assert facts.calls[-1] == [] and result.skipped == 1
    assert tables["documents"] == [("z.txt",)] and tables["facts"] == [(1, 1)]


def test_full_refresh_extracts_everything(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    write(docs, "b.txt", FR.format(name="Beta", n=4))
    build(tmp_path, docs)
    result, tables = build(tmp_path, docs, full_refresh=True)
    assert facts.calls[-1] == ["a.txt", "b.txt"] and result.skipped == 0
    assert tables["facts"] == [(2, 2)]


def test_a_new_extractor_re_extracts_unchanged_documents(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    build(tmp_path, docs)
    facts.module.VERSION = "2"
    build(tmp_path, docs)
    assert facts.calls[-1] == ["a.txt"]
    # so does a change to the project's seed data the extractor reads
    build(tmp_path, docs)
    assert facts.calls[-1] == []
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "firm_aliases.csv").write_text("alias,firm_id\nAlpha,alpha\n")
    build(tmp_path, docs)
    assert facts.calls[-1] == ["a.txt"]


def test_rejections_reflect_the_current_folder(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    write(docs, "empty.txt", "")
    write(docs, "feed.jsonl", '{"text": "x"\n')
    write(docs, "notes.pdf", "%PDF")
    result, tables = build(tmp_path, docs)
    assert result.rejected == 2
    assert [r[0] for r in tables["rejected"]] == ["empty.txt", "feed.jsonl"]
    assert any("rejected empty.txt: empty file" == m for m in result.messages)
    assert any("skipped 1 files" in m and ".pdf" in m for m in result.messages)
    (docs / "empty.txt").unlink()
    result, tables = build(tmp_path, docs)
    assert result.rejected == 1 and [r[0] for r in tables["rejected"]] == ["feed.jsonl"]


def test_rejection_line_numbers_and_time(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "feed.jsonl", '{"text": "' + FR.format(name="Alpha", n=3) + '"}\n{bad\n')
    build(tmp_path, docs)
    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        rows = con.execute("select file_name, path, line_number, reason, rejected_at is not null "
                           "from raw.rejected_documents").fetchall()
    assert rows == [("feed.jsonl", str((docs / "feed.jsonl").resolve()), 2, rows[0][3], True)]
    assert rows[0][3].startswith("not valid JSON")


def test_stored_text_is_what_offsets_index(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", "Titre 🇫🇷\r\n\r\nL'État de\u0301bloque 10\u202f372 crores le 12 juin 2024 à Nantes.")
    build(tmp_path, docs)
    from warehouse.staging.dates import find_dates

    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        text, char_count = con.execute("select text, char_count from raw.documents").fetchall()[0]
        (mention,) = find_dates(text, "fr")
        # SQL substring (1-based, in characters) sees the same span as Python.
        (sql_surface,) = con.execute("select substring(text, ?, ?) from raw.documents",
                                     [mention.start + 1, mention.end - mention.start]).fetchall()[0]
    assert text[mention.start:mention.end] == sql_surface == "12 juin 2024"
    assert char_count == len(text)
    assert "10 372 crores" in text


def test_old_table_layout_is_replaced(tmp_path, facts):
    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        con.execute("create schema raw")
        con.execute("create table raw.documents (document_id varchar, text varchar)")
        con.execute("insert into raw.documents values ('old', 'old text')")
    result, tables = build(tmp_path, docs)
    assert tables["documents"] == [("a.txt",)] and facts.calls == [["a.txt"]]


def test_missing_folder_is_a_user_error(tmp_path, facts):
    from warehouse.errors import ProjectError

    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        with pytest.raises(ProjectError, match="does not exist"):
            loader.load(con, LoadContext(tmp_path, tmp_path / "nope", False))
        with pytest.raises(ProjectError, match="no documents folder"):
            loader.load(con, LoadContext(tmp_path, None, False))


def test_with_the_real_extractor_a_second_build_extracts_nothing(tmp_path):
    """The loader and warehouse.staging.facts together, on two articles written for this test."""
    docs = tmp_path / "docs"
    write(docs, "a.txt", "Breizh Calcul lève 3 millions d'euros\n\nRENNES, 5 mars 2024 — La start-up "
                         "rennaise Breizh Calcul a levé 3 millions d'euros auprès du fonds Ouest Capital.")
    write(docs, "b.txt", "Pennine Compute raises $12 million\n\nLEEDS, May 2, 2024 — Pennine Compute said on "
                         "Thursday it had raised $12 million in a round led by Dales Ventures.")
    project = Path(__file__).resolve().parents[2]
    counts = []
    for _ in range(2):
        with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
            result = loader.load(con, LoadContext(project, docs, False))
        counts.append(result.rows)
    assert result.skipped == 2
    assert counts[0] == counts[1]
    assert counts[0]["raw.documents"] == 2
    assert counts[0]["raw.money_mentions"] >= 2        # the amounts were extracted the first time


def test_unchanged_files_are_not_read_again(tmp_path, facts, monkeypatch):
    """A file whose size, mtime, ctime and inode are those it had when it was read is taken
    from raw.documents; an edited file is read; --full-refresh and a lost cache read all."""
    from warehouse.staging import documents

    docs = tmp_path / "docs"
    write(docs, "a.txt", FR.format(name="Alpha", n=3))
    write(docs, "b.txt", FR.format(name="Beta", n=4))
    read: list[str] = []
    real = documents.read_file

    def spy(path, file_name, result, root=None):
        read.append(file_name)
        return real(path, file_name, result, root)

    monkeypatch.setattr(documents, "read_file", spy)
    first, tables = build(tmp_path, docs)
    assert read == ["a.txt", "b.txt"]
    read.clear()
    write(docs, "b.txt", FR.format(name="Beta", n=5))      # changed
    second, after = build(tmp_path, docs)
    assert read == ["b.txt"] and second.skipped == 1
    assert any("1 unchanged files not read again" in m for m in second.messages)
    assert after["documents"] == [("a.txt",), ("b.txt",)] and after["orphans"] == 0
    read.clear()
    build(tmp_path, docs, full_refresh=True)
    assert read == ["a.txt", "b.txt"]
    read.clear()
    for cache in (tmp_path / "target" / "state").glob("documents-*.json"):
        cache.unlink()
    build(tmp_path, docs)
    assert read == ["a.txt", "b.txt"]
