"""Label each fact of a built warehouse right or wrong with the team's scorer.

Shared by `facts_quality.py` (calibration tables) and `calibrate_confidence.py`
(the confidence fit). The scorer (`../shared/eval/score_facts.py`) is imported
from its path, so its reading of the marts and its matching are used as they are:
a fact is right when the scorer's strict matching pairs it with a gold fact
(required or optional), wrong otherwise.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parent.parent
SCORER = PROJECT.parent / "shared" / "eval" / "score_facts.py"

# the fact tables in the order the scorer's load_predictions reads them
FACT_TABLES = (("fct_investments", "investment_id"), ("fct_subsidies", "subsidy_id"),
               ("fct_chip_purchases", "purchase_id"))


@dataclass
class LabelledFact:
    fact_id: str
    fact_type: str
    doc: str
    right: bool         # strictly matched to a gold fact, required or optional
    optional: bool      # matched to an optional gold fact (not counted by the scorer's precision)
    confidence: float | None


def load_scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location("score_facts", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def label_facts(db: Path, gold: Path, scorer_path: Path = SCORER) -> list[LabelledFact]:
    """Every fact of the marts with the scorer's strict verdict."""
    scorer = load_scorer(scorer_path)
    golds = read_gold(gold)
    preds = scorer.load_predictions(str(db))
    # the scorer's predictions carry no ids: read them in the same order and check the alignment
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids: list[tuple[str, str]] = []
        for table, key in FACT_TABLES:
            ids += con.execute(f"select {key}, evidence from marts.{table}").fetchall()
    finally:
        con.close()
    if len(ids) != len(preds) or any(ev != p["evidence"] for (_, ev), p in zip(ids, preds, strict=True)):
        raise RuntimeError("facts read in another order than the scorer's; cannot label them")
    result = scorer.score(golds, preds, "strict")
    optional = {id(p) for g, p in result["_pairs"] if g.get("optional")}
    return [LabelledFact(fact_id=fid, fact_type=p["type"], doc=p["doc"], right=i in result["_used"],
                         optional=id(p) in optional, confidence=p.get("confidence"))
            for i, ((fid, _), p) in enumerate(zip(ids, preds, strict=True))]


BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0001)


def calibration_table(facts: list[LabelledFact], bins=BINS) -> list[dict]:
    """Facts per confidence bin, with the share strictly right (optional matches count right)
    and the scorer's precision (optional matches left out)."""
    rows = []
    for low, high in zip(bins, bins[1:], strict=False):
        inside = [f for f in facts if f.confidence is not None and low <= f.confidence < high]
        right = sum(f.right for f in inside)
        required = [f for f in inside if not f.optional]
        precision = round(sum(f.right for f in required) / len(required), 3) if required else None
        rows.append({"from": low, "to": min(high, 1.0), "facts": len(inside), "right": right,
                     "share_right": round(right / len(inside), 3) if inside else None,
                     "precision": precision})
    at = [f for f in facts if f.confidence is not None and f.confidence >= 0.9]
    rows.append({"from": 0.9, "to": 1.0, "facts": len(at), "right": sum(f.right for f in at),
                 "share_right": round(sum(f.right for f in at) / len(at), 3) if at else None,
                 "precision": None, "label": ">=0.9"})
    return rows


def format_table(rows: list[dict]) -> str:
    lines = ["  confidence     facts  right  share_right  precision"]
    for r in rows:
        label = r.get("label") or f"[{r['from']:.1f}, {r['to']:.1f}{']' if r['to'] >= 1.0 else ')'}"
        share = "-" if r["share_right"] is None else f"{r['share_right']:.3f}"
        prec = "-" if r["precision"] is None else f"{r['precision']:.3f}"
        lines.append(f"  {label:<12} {r['facts']:>6} {r['right']:>6} {share:>12} {prec:>10}")
    return "\n".join(lines)
