"""`warehouse explain FACT_ID`: the real CLI on a warehouse built by the real project
(loader, extractor, seeds, models) from an article of our own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner
from warehouse import api
from warehouse.cli import app
from warehouse.explain import explain

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """Quillmark AI raises $40 million to build legal language models

Quillmark AI, a Lyon-based startup, said on Tuesday, March 11, 2025, that it has raised $40 million \
in a funding round led by Northwind Capital.

The company will use the money to hire engineers. Quillmark AI has raised $40 million in total, its \
chief executive said.

Separately, the French government granted €12 million to Ferrovia Labs to build a research computer. \
Ferrovia Labs ordered 512 Nvidia H100 GPUs for the machine.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("explain")
    (root / "docs").mkdir()
    (root / "docs" / "quillmark.txt").write_text(ARTICLE, encoding="utf-8")
    db = root / "explain.duckdb"
    result = api.build(project_dir=ROOT, db=db, documents=root / "docs", threads=2)
    assert result.exit_code == 0, [(r.unique_id, r.message) for r in result.results if r.failed]
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = {
            "investment": con.execute("select investment_id from marts.fct_investments").fetchall(),
            "subsidy": con.execute("select subsidy_id from marts.fct_subsidies").fetchall(),
            "chip_purchase": con.execute("select purchase_id from marts.fct_chip_purchases").fetchall(),
        }
    finally:
        con.close()
    assert all(len(rows) == 1 for rows in ids.values()), ids
    return db, {kind: rows[0][0] for kind, rows in ids.items()}


def _cli(*args: str):
    return CliRunner().invoke(app, ["explain", *args])


def test_text_names_document_evidence_rules_and_confidence(built):
    db, ids = built
    result = _cli(ids["investment"], "--db", str(db))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"investment {ids['investment']}" in out
    assert "quillmark.txt" in out
    assert "evidence    chars " in out and "raised $40 million" in out
    assert "rule investment:" in out and "[evidence]" in out
    assert "'Northwind Capital'" in out and "by rule" in out          # a party and its role rule
    assert "'Quillmark AI' -> unresolved:quillmark-ai (unresolved)" in out
    assert "confidence  0." in out and "intercept" in out and "is_restated" in out
    assert "built    investment:" in out and "kept     one_per_amount" in out
    assert "none recorded" not in out


def test_json_is_one_object_that_adds_up(built):
    db, ids = built
    result = _cli(ids["investment"], "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["fact_type"] == "investment" and info["table"] == "marts.fct_investments"
    assert info["document"]["file_name"] == "quillmark.txt"
    # the span indexes the document's text: it is the evidence sentence
    start, end = info["evidence"]["span"]
    assert ARTICLE[start:end] == info["evidence"]["sentence"]
    cands = info["candidates"]
    assert len(cands) == info["fact"]["candidate_count"] > 1
    assert sum(c["is_evidence"] for c in cands) == 1
    for c in cands:
        assert c["rule"] and c["cue"]["text"] and c["parties"]
        assert all(p["rule"] for p in c["parties"])
        # the rule chain opens with the rule that built it; the filters it passed are listed
        chain = c["rule_chain"]
        assert chain[0]["outcome"] == "built" and c["rule"].startswith(chain[0]["rule_id"])
        kept = {f["rule_id"] for f in c["filters"] if f["outcome"] == "kept"}
        want = {"cue_in_name", "sentence_flag", "noise_line", "one_per_amount"}
        if c["amounts"]:  # the filters that read an investment's amounts
            want |= {"restated_amount", "amount_owner"}
        assert want <= kept
    evidence = next(c for c in cands if c["is_evidence"])
    assert [a["amount"] for a in evidence["amounts"]] == [40e6]
    conf = info["confidence"]
    assert 0 <= conf["value"] <= 1 and conf["value"] == info["fact"]["confidence"]
    assert sum(t["contribution"] for t in conf["terms"]) == pytest.approx(conf["score"], abs=1e-3)
    assert {t["feature"] for t in conf["terms"]} >= {"intercept", "is_restated"}


def test_every_fact_type_is_explained(built):
    db, ids = built
    sub = explain(ids["subsidy"], db)
    assert sub["fact_type"] == "subsidy" and sub["fact"]["grantor_name"] == "French government"
    chips = explain(ids["chip_purchase"], db)
    assert chips["fact_type"] == "chip_purchase" and chips["fact"]["quantity"] == 512
    assert any(p["role"] == "buyer" for c in chips["candidates"] for p in c["parties"])


def test_a_unique_prefix_is_enough(built):
    db, ids = built
    assert explain(ids["subsidy"][:8], db)["fact_id"] == ids["subsidy"]


def test_unknown_id_is_one_line_and_exit_2(built):
    db, _ = built
    result = _cli("no-such-fact", "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: unknown fact id 'no-such-fact'")
    assert "Traceback" not in result.output


def test_missing_warehouse_is_exit_2(tmp_path):
    result = _cli("abc", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2 and "no warehouse at" in result.stderr


def test_console_script_json(built):
    """The installed entry point, as a user runs it: one JSON object on stdout."""
    db, ids = built
    proc = subprocess.run([sys.executable, "-m", "warehouse.cli", "explain", ids["chip_purchase"], "--db",
                           str(db), "--json"], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout)["fact_id"] == ids["chip_purchase"]
