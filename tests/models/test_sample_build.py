"""End to end: the real project (loader, extractor, seeds, models) builds the
sample articles in seeds/documents, every data test passes, and the facts they
report are in the marts."""

import duckdb
import pytest
from warehouse import api

from .conftest import ROOT


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    result = api.build(project_dir=ROOT, db=db, documents=ROOT / "seeds" / "documents", threads=2)
    failed = [(r.unique_id, r.message) for r in result.results if r.failed]
    assert result.exit_code == 0 and result.published, failed
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def _investments(con, firm_name: str) -> list[dict]:
    cur = con.execute("""
        select i.*,
            list(inv.firm_name order by inv.firm_name) filter (where inv.firm_name is not null) as investors
        from marts.fct_investments i
        join marts.dim_firms f on f.firm_id = i.investee_firm_id
        left join marts.bridge_investment_investors b using (investment_id)
        left join marts.dim_firms inv on inv.firm_id = b.investor_firm_id
        where f.firm_name = ?
        group by all""", [firm_name])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def test_every_sample_document_is_a_dimension_row(sample_db):
    files = {p.name for p in (ROOT / "seeds" / "documents").iterdir() if p.is_file()}
    rows = {r[0] for r in sample_db.execute("select file_name from marts.dim_documents").fetchall()}
    assert rows == files


def test_funding_round_with_its_investors(sample_db):
    [sakana] = _investments(sample_db, "Sakana AI")
    assert (sakana["amount"], sakana["currency_code"], sakana["country_code"]) == (127e6, "USD", "JP")
    assert {"Khosla Ventures", "Lux Capital"} <= set(sakana["investors"])


def test_round_restated_in_two_currencies_is_one_fact(sample_db):
    [zhipu] = _investments(sample_db, "Zhipu AI")
    assert zhipu["country_code"] == "CN"
    assert zhipu["amount_usd"] == pytest.approx(340e6, rel=0.15)


def test_subsidy_party_is_the_granting_country(sample_db):
    rows = sample_db.execute(
        "select amount_usd from marts.fct_subsidies where grantor_country_code = 'JP'").fetchall()
    assert any(usd == pytest.approx(740e6, rel=0.15) for (usd,) in rows)


def test_chip_purchase_quantity(sample_db):
    rows = sample_db.execute("""
        select p.quantity, p.country_code from marts.fct_chip_purchases p
        join marts.dim_firms f on f.firm_id = p.buyer_firm_id
        where f.firm_id = 'atom-project'""").fetchall()
    assert rows == [(10000, "US")]


def test_deal_ids_survive_more_documents(tmp_path):
    """Adding articles keeps every existing deal id; a new report of a known deal takes its id."""
    import shutil

    documents = tmp_path / "documents"
    shutil.copytree(ROOT / "seeds" / "documents", documents)
    db = tmp_path / "w.duckdb"

    def deals() -> dict[str, str]:
        assert api.build(project_dir=ROOT, db=db, documents=documents, threads=2).exit_code == 0
        with duckdb.connect(str(db), read_only=True) as con:
            return dict(con.execute("select d.file_name || ':' || f.investment_id, f.deal_id "
                                    "from marts.fct_investments f join marts.dim_documents d "
                                    "using (document_id)").fetchall())

    before = deals()
    (documents / "later.txt").write_text(
        "Tokyo start-up Sakana AI has raised $127 million from Khosla Ventures and Lux Capital, "
        "the company said. Separately, Orbis Robotics raised $20 million from Vireo Capital.\n",
        encoding="utf-8")
    after = deals()
    assert {k: after[k] for k in before} == before
    sakana = {v for k, v in before.items() if v in after.values()}
    later = {v for k, v in after.items() if k.startswith("later.txt")}
    assert len(later) == 2 and len(later & sakana) == 1


def test_the_sample_rebuilds_only_what_changed(tmp_path):
    """Nothing changed: nothing written. An added article: the loader and the models run; the
    article removed again: its facts are gone."""
    import os
    import shutil

    documents = tmp_path / "documents"
    shutil.copytree(ROOT / "seeds" / "documents", documents)
    db = tmp_path / "w.duckdb"

    def build():
        result = api.build(project_dir=ROOT, db=db, documents=documents, threads=2)
        assert result.exit_code == 0, [(r.unique_id, r.message) for r in result.results if r.failed]
        return result

    def documents_in_marts() -> set[str]:
        with duckdb.connect(str(db), read_only=True) as con:
            return {r[0] for r in con.execute("select file_name from marts.dim_documents").fetchall()}

    assert build().published
    stat = os.stat(db)
    again = build()
    assert again.up_to_date and not again.published and again.results == []
    assert (os.stat(db).st_ino, os.stat(db).st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    (documents / "later.txt").write_text(
        "Tokyo start-up Sakana AI has raised $127 million from Khosla Ventures and Lux Capital, "
        "the company said.\n", encoding="utf-8")
    added = build()
    kinds = {r.kind for r in added.results}
    assert added.published and {"loader", "model", "test"} <= kinds and "seed" not in kinds
    assert "later.txt" in documents_in_marts()
    (documents / "later.txt").unlink()
    assert build().published
    assert "later.txt" not in documents_in_marts()
    assert build().up_to_date


def _tables(db) -> dict[str, list[tuple]]:
    """Every table of raw, intermediate and marts, rows sorted, without the timestamps of when
    a build ran (loaded_at, extracted_at, rejected_at)."""
    with duckdb.connect(str(db), read_only=True) as con:
        columns: dict[str, list[str]] = {}
        for schema, table, column in con.execute(
                "select table_schema, table_name, column_name from information_schema.columns "
                "where table_schema in ('raw', 'intermediate', 'marts') and data_type not like 'TIMESTAMP%' "
                "order by table_schema, table_name, ordinal_position").fetchall():
            columns.setdefault(f"{schema}.{table}", []).append(f'"{column}"')
        return {table: sorted(con.execute(f"select {', '.join(cols)} from {table}").fetchall(), key=repr)
                for table, cols in columns.items()}


def test_a_changed_folder_builds_the_tables_of_a_full_build(tmp_path):
    """Files added, edited, renamed, removed and touched: the build that reads only what changed
    (unchanged files are not read again, raw.documents rewritten only where it differs) gives
    the tables a full build of the folder gives."""
    import os
    import shutil

    documents = tmp_path / "documents"
    shutil.copytree(ROOT / "seeds" / "documents", documents)
    names = sorted(p.name for p in documents.iterdir())
    (documents / "copy.txt").write_text((documents / names[1]).read_text(encoding="utf-8") + "\nA copy.\n",
                                        encoding="utf-8")
    db = tmp_path / "w.duckdb"

    def build(target, **kw):
        result = api.build(project_dir=ROOT, db=target, documents=documents, threads=1, **kw)
        assert result.exit_code == 0, [(r.unique_id, r.message) for r in result.results if r.failed]
        return result

    build(db)
    (documents / "later.txt").write_text(
        "Tokyo start-up Sakana AI has raised $127 million from Khosla Ventures and Lux Capital, "
        "the company said.\n", encoding="utf-8")
    edited = documents / names[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOrbis Robotics raised $20 million.\n",
                      encoding="utf-8")
    (documents / "sub").mkdir()
    (documents / names[3]).rename(documents / "sub" / names[3])
    (documents / names[4]).unlink()
    os.utime(documents / names[0], (1_000_000_000, 1_000_000_000))     # touched, the same text
    again = build(db)
    [loader] = [r for r in again.results if r.kind == "loader"]
    assert "unchanged files not read again" in loader.message, loader.message
    full = build(tmp_path / "full.duckdb")
    incremental, fresh = _tables(db), _tables(tmp_path / "full.duckdb")
    assert incremental.keys() == fresh.keys()
    # int_deal_components' bookkeeping (signatures over load times, rows of facts that are gone)
    # is its own; int_deal_members, what it is for, is compared
    for table in fresh.keys() - {"intermediate.int_deal_components"}:
        assert incremental[table] == fresh[table], table
    assert full.published
    # the deals it merged are those it computes from scratch on the same rows
    scratch = tmp_path / "scratch.duckdb"
    shutil.copy(db, scratch)
    result = api.run(project_dir=ROOT, db=scratch, select=("int_deal_components",), full_refresh=True)
    assert result.exit_code == 0 and result.published
    deals = ("select fact_id, fact_signature, first_fact_id, deal_id from intermediate.int_deal_components "
             "where deal_id is not null order by fact_id")
    with duckdb.connect(str(db), read_only=True) as a, duckdb.connect(str(scratch), read_only=True) as b:
        merged, computed = a.execute(deals).fetchall(), b.execute(deals).fetchall()
        gone = a.execute("select count(*) from intermediate.int_deal_components "
                         "where deal_id is null").fetchall()
    assert merged == computed and len(merged) >= 5
    assert gone[0][0] > 0          # the removed and the edited articles' facts left rows without deal_id
