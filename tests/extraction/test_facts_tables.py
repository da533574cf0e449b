"""extract_into writes traceable rows into a real DuckDB file."""

import pickle
from datetime import date

import duckdb
from warehouse.staging.documents import Document as Doc
from warehouse.staging.facts import RAW_TABLES, ensure_tables, extract_into
from warehouse.staging.raw_tables import FACT_CANDIDATES, TABLES

TEXT_FR = (
    "Lumina Robotics lève 40 millions d'euros\n\n"
    "La start-up lyonnaise Lumina Robotics a bouclé une levée de fonds de 40 millions d'euros, "
    "soit environ 43 millions de dollars, menée par Orbis Capital avec la participation de Vela Partners. "
    "Elle est désormais valorisée 300 millions d'euros.\n"
)
TEXT_EN = (
    "Korvex orders 2,000 Nvidia H200 chips\n\n"
    "Korvex Systems said on Monday it ordered 2,000 H200 GPUs from Nvidia for its new data centre in Texas. "
    "Analysts said the cluster could cost $80 million.\n"
)


def _docs():
    return [
        Doc("doc_fr", "a.txt", "/x/a.txt", None, date(2025, 3, 4), "fr", TEXT_FR),
        Doc("doc_en", "b.txt", "/x/b.txt", None, date(2025, 3, 4), "en", TEXT_EN),
    ]


def test_extract_into_writes_traceable_rows(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_tables(con)
    n = extract_into(con, _docs(), tmp_path)
    assert n >= 2
    texts = {d.document_id: d.text for d in _docs()}
    cands = con.execute(
        "select candidate_id, document_id, sentence_start, sentence_end, sentence from raw.fact_candidates"
    ).fetchall()
    for _cid, doc_id, s, e, sentence in cands:
        assert texts[doc_id][s:e] == sentence
    amounts = con.execute(
        "select a.document_id, a.span_start, a.span_end, a.surface, c.sentence_start, c.sentence_end "
        "from raw.candidate_amounts a join raw.fact_candidates c using (candidate_id)"
    ).fetchall()
    assert amounts
    for doc_id, s, e, surface, ss, se in amounts:
        assert texts[doc_id][s:e] == surface
        assert ss <= s and e <= se
    parties = con.execute(
        "select p.document_id, p.span_start, p.span_end, p.name from raw.candidate_parties p "
        "where span_start is not null"
    ).fetchall()
    for doc_id, s, e, name in parties:
        assert texts[doc_id][s:e] == name
    con.close()


def test_extract_into_replaces_rows_of_the_same_documents(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    extract_into(con, _docs(), tmp_path)
    before = {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in RAW_TABLES}
    extract_into(con, _docs()[:1], tmp_path)
    after = {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in RAW_TABLES}
    assert before == after
    con.close()


def test_money_mentions_are_labelled(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    extract_into(con, _docs(), tmp_path)
    labels = dict(con.execute("select surface, label from raw.money_mentions").fetchall())
    assert labels["40 millions d'euros"] == "fact"
    assert labels["300 millions d'euros"] == "valuation"
    assert labels["$80 million"] == "estimate"
    con.close()


def test_one_cue_word_for_two_fact_types_keeps_both_rows(tmp_path):
    text = "Korvex Systems secures $40 million and 1,500 Nvidia H200 GPUs for its Texas campus.\n"
    doc = Doc("doc_two", "c.txt", "/x/c.txt", None, date(2025, 3, 4), "en", text)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    extract_into(con, [doc], tmp_path)
    rows = con.execute(
        "select candidate_id, fact_type from raw.fact_candidates order by fact_type"
    ).fetchall()
    assert {t for _id, t in rows} == {"chip_purchase", "investment"}
    assert len({cid for cid, _t in rows}) == len(rows)
    con.close()


def test_an_older_file_gets_the_columns_added_since(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    older = [c for c in FACT_CANDIDATES.columns if c.name not in ("flags", "date_source")]
    con.execute("create schema raw")
    con.execute(f"create table raw.fact_candidates ({', '.join(f'{c.name} {c.type}' for c in older)})")
    extract_into(con, _docs(), tmp_path)
    columns = con.execute("select column_name, data_type from information_schema.columns where "
                          "table_schema = 'raw' and table_name = 'fact_candidates' order by ordinal_position")
    assert columns.fetchall() == [(c.name, c.type.upper()) for c in FACT_CANDIDATES.columns]
    assert con.execute("select count(*) from raw.fact_candidates where date_source = 'text'").fetchall()[0][0]
    con.close()


def test_rows_are_built_by_column_name_and_pickle():
    for table in TABLES:   # worker processes send rows: each row class has its module-level name
        row = table.build(**{c.name: c.name for c in table.columns})
        assert row == tuple(c.name for c in table.columns) and row._fields == tuple(table.types)
        assert type(pickle.loads(pickle.dumps(row))) is table.row
