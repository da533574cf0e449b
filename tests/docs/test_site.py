"""`warehouse docs`: the site written by the real CLI from the bundled project and its warehouse
built from the sample articles; its data checked against the warehouse itself."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request

import duckdb
import pytest
from typer.testing import CliRunner
from warehouse import api
from warehouse.cli import app

from .conftest import ROOT, write_site


def test_the_site_is_complete_and_offline(sample_site):
    out = sample_site.out
    for rel in ("index.html", "assets/app.js", "assets/style.css", "data/site.js", ".warehouse-docs"):
        assert (out / rel).is_file(), rel
    print(f"\nwarehouse docs on the bundled project: {sample_site.seconds:.2f} s in process")
    # nothing is fetched from elsewhere: no remote script, style, font or image, no import
    for path in out.rglob("*"):
        if path.suffix in (".html", ".js", ".css"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path
            remote = r"url\(\s*['\"]?(https?:)?//|@import|@font-face|fetch\(|XMLHttpRequest"
            assert not re.search(remote, text), path


def test_every_relation_has_a_page_with_real_types_tests_and_rows(sample_site):
    data = sample_site.data()
    nodes = data["nodes"]
    models = {m["name"] for m in api.ls(ROOT) if m["materialized"] != "source"}
    assert {n for n, v in nodes.items() if v["kind"] == "model"} == models
    assert {n for n, v in nodes.items() if v["kind"] == "seed"} == {
        f"seeds.{p.stem}" for p in (ROOT / "seeds").glob("*.csv")}
    assert "raw.documents" in nodes and nodes["raw.documents"]["kind"] == "loader"
    assert nodes["raw.documents"]["description"]          # from models/staging/_sources.yml

    con = duckdb.connect(str(sample_site.db), read_only=True)
    try:
        types = dict(con.execute("select column_name, data_type from duckdb_columns() "
                                 "where schema_name = 'marts' and table_name = 'fct_investments'").fetchall())
        rows = con.execute("select count(*) from marts.fct_investments").fetchall()[0][0]
    finally:
        con.close()
    fct = nodes["marts.fct_investments"]
    assert {c["name"]: c["type"] for c in fct["columns"]} == types
    assert fct["rows"] == rows and fct["materialized"] == "table" and "facts" in fct["tags"]
    assert fct["sql"] == (ROOT / "models" / "marts" / "fct_investments.sql").read_text(encoding="utf-8")
    amount_usd = next(c for c in fct["columns"] if c["name"] == "amount_usd")
    assert amount_usd["description"].startswith("amount in USD")
    # the build that made this warehouse ran every test: each has its status and failing rows
    assert fct["tests"] and all(t["status"] == "pass" and t["failures"] == 0 for t in fct["tests"])
    assert "expression:marts.fct_investments.amount_usd[amount_usd > 0]" in amount_usd["tests"]
    assert "intermediate.int_facts" in fct["parents"]
    assert "marts.bridge_investment_investors" in fct["children"]
    for name, node in nodes.items():
        for child in node["children"]:
            assert name in nodes[child]["parents"]


def test_graphs_have_one_node_per_relation_and_columns_their_lineage(sample_site):
    data = sample_site.data()
    assert set(data["graphs"]["project"]["nodes"]) == set(data["nodes"])
    assert set(data["graphs"]["neighbourhoods"]) == set(data["nodes"])
    assert {f[len("folder:"):] for f in data["graphs"]["collapsed"]["nodes"]} == set(data["folders"])
    marts = [n for n, v in data["nodes"].items() if v["schema"] == "marts"]
    assert sorted(data["column_lineage"]) == sorted(marts)
    for mart in marts:
        assert set(data["column_lineage"][mart]) == {c["name"] for c in data["nodes"][mart]["columns"]}, mart
    amount = data["column_lineage"]["marts.fct_investments"]["amount_usd"]
    leaves = {tuple(c) for c in amount["leaves"]}
    assert {("raw.candidate_amounts", "amount"), ("seeds.fx_rates", "usd_per_unit"),
            ("seeds.fx_fixed_rates", "usd_per_unit")} <= leaves
    assert all(r.startswith(("raw.", "seeds.")) for r, _ in leaves)
    assert {"staging.stg_fx_rates", "intermediate.int_money_usd", "marts.fct_investments"} <= set(
        amount["relations"])


def test_facts_sum_deals_and_link_their_evidence_in_the_document(sample_site):
    facts = sample_site.data()["facts"]
    con = duckdb.connect(str(sample_site.db), read_only=True)
    try:
        by_type = dict(con.execute(
            "select deal_type, sum(amount_usd) from marts.fct_deals group by all").fetchall())
        deals = con.execute("select count(*) from marts.fct_deals").fetchall()[0][0]
        texts = dict(con.execute("select document_id, text from raw.documents").fetchall())
    finally:
        con.close()
    assert facts["deals_exist"] and facts["deal_count"] == deals
    assert {r["key"]: r["usd"] for r in facts["by_type"]} == pytest.approx(by_type, nan_ok=True)
    assert all(facts["charts"][k].startswith("<svg") for k in ("type", "country", "year"))
    assert len(facts["deals"]) == deals
    usd = [d["amount_usd"] for d in facts["deals"] if d["amount_usd"] is not None]
    assert usd == sorted(usd, reverse=True)
    for deal in facts["deals"]:
        assert deal["parties"] and deal["evidence"], deal
        page = sample_site.document(deal["document_id"])
        fact = next(f for f in page["facts"] if f["fact_id"] == deal["fact_id"])
        evidence = next(s for s in fact["spans"] if s["kind"] == "evidence")
        # the span indexes the document's text: it is the evidence sentence itself
        assert page["text"] == texts[deal["document_id"]]
        assert page["text"][evidence["start"]:evidence["end"]] == deal["evidence"]
        # every amount read lies in one of the sentences merged into the fact
        sentences = [s for s in fact["spans"] if s["kind"] in ("evidence", "sentence")]
        for a in (s for s in fact["spans"] if s["kind"] == "amount"):
            assert any(s["start"] <= a["start"] < a["end"] <= s["end"] for s in sentences), a
    assert facts["rejected_documents"] == []


def test_rejected_documents_are_listed_with_their_reason(tmp_path):
    docs = tmp_path / "articles"
    docs.mkdir()
    (docs / "ok.txt").write_text("Mistral AI raised EUR 600 million from General Catalyst in June 2024.\n")
    (docs / "empty.txt").write_text("")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    db = tmp_path / "w.duckdb"
    result = api.build(project_dir=ROOT, db=db, documents=docs, threads=1)
    assert result.exit_code == 0
    site = write_site(ROOT, db, tmp_path / "site")
    rejected = {r["file_name"]: r["reason"] for r in site.data()["facts"]["rejected_documents"]}
    assert set(rejected) == {"empty.txt", "binary.txt"} and all(rejected.values())


def test_without_a_warehouse_the_project_is_still_documented(tmp_path):
    site = write_site(ROOT, tmp_path / "not_built.duckdb", tmp_path / "site")
    data = site.data()
    assert data["project"]["warehouse"] is None and data["facts"] is None
    fct = data["nodes"]["marts.fct_investments"]
    assert fct["rows"] is None and all(c["type"] is None for c in fct["columns"])
    assert "amount_usd" in {c["name"] for c in fct["columns"]}
    # lineage still reaches the seeds: declared columns and each model's select stand in for the file
    leaves = {tuple(c) for c in data["column_lineage"]["marts.fct_investments"]["amount_usd"]["leaves"]}
    assert ("seeds.fx_rates", "usd_per_unit") in leaves and ("raw.candidate_amounts", "amount") in leaves


def test_a_second_run_replaces_the_site_but_never_a_folder_of_other_files(sample_site, tmp_path):
    site = write_site(ROOT, sample_site.db, tmp_path / "site")
    (site.out / "stale.txt").write_text("left by an older site")
    write_site(ROOT, sample_site.db, tmp_path / "site")
    assert not (site.out / "stale.txt").exists()

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("keep me")
    result = CliRunner().invoke(app, ["docs", "--db", str(sample_site.db), "--out", str(mine)])
    assert result.exit_code == 2
    assert "is a folder with other files in it" in result.output and "Traceback" not in result.output
    assert (mine / "notes.md").read_text() == "keep me"

    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    result = CliRunner().invoke(app, ["docs", "--db", str(sample_site.db), "--out", str(a_file / "sub")])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_bad_project_is_one_clean_error(tmp_path):
    (tmp_path / "models" / "marts").mkdir(parents=True)
    (tmp_path / "models" / "marts" / "broken.sql").write_text("select * from nowhere.table_x\n")
    result = CliRunner().invoke(app, ["docs", "--project-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "nowhere.table_x" in result.output and "Traceback" not in result.output


def test_serve_answers_on_localhost(sample_site, tmp_path):
    command = [sys.executable, "-m", "warehouse.cli", "docs", "--project-dir", str(ROOT), "--db",
               str(sample_site.db), "--out", str(tmp_path / "site"), "--serve", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = None
        for line in process.stdout:
            match = re.search(r"serving .* at (http://127\.0\.0\.1:\d+/)", line)
            if match:
                url = match.group(1)
                break
        assert url, process.stderr.read() if process.poll() is not None else "no URL printed"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b"data/site.js" in response.read()
        with urllib.request.urlopen(url + "data/site.js", timeout=10) as response:
            assert response.read().startswith(b"window.SITE = ")
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert process.returncode in (0, 143, -15)
