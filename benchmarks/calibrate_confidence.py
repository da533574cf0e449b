"""Fit the facts' confidence on a tuning corpus and write it as seeds.

    python benchmarks/calibrate_confidence.py [CORPUS_DIR ...] [--scorer PATH] [--l2 1.0] [--dry-run]

Each CORPUS_DIR holds `documents/` and `gold.jsonl`. By default: `dev-tune` (the shared dev
corpus without the held-out documents of `dev_blind_set.txt`) and the tuning part of every
corpus of `benchmarks/corpora/` that keeps a blind part (`fresh_d-tune`; see corpora.py):
articles written in the style of published news, on which the rules are right less often than
on the dev texts they were written from, so the fit does not learn only the dev corpus's
confidence. The script builds each corpus with the real CLI, labels every fact of the marts right
or wrong with the team's scorer (strict matching, see fact_labels.py), reads
each fact's features from `intermediate.int_fact_confidence_terms` (whatever
features the SQL defines), and:

1. fits an L2-regularised logistic regression of "right" on the features (the
   intercept is not penalised) and writes the weights to
   `seeds/confidence_weights.csv`;
2. scores each fact out of fold (5 folds by document: each fact scored by a
   fit that never saw its document), fits an isotonic (non-decreasing) step
   function from score to the share of right facts (steps of MIN_STEP facts or
   more; a step's confidence is its share, capped at n/(n+1) so that 20 right
   of 20 says 0.952, not 1.0), and writes the steps to
   `seeds/confidence_calibration.csv`. Steps are never pooled to put more
   facts at 0.9: on a corpus the rules were tuned on most facts are right, and
   one pooled step would say the same of every fact, which helps no one filter;
3. rebuilds with the new seeds and prints the calibration table (facts and the
   share strictly right per confidence bin) and the scorer's confidence lines.

Rerun it whenever the extractor changes; it is deterministic. Never point it at
a held-out corpus: what it fits on is no longer a test of the confidence.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
from corpora import PROJECT as _ROOT
from corpora import dev_split
from fact_labels import PROJECT, SCORER, calibration_table, format_table, label_facts

WEIGHTS = PROJECT / "seeds" / "confidence_weights.csv"
CALIBRATION = PROJECT / "seeds" / "confidence_calibration.csv"
FOLDS = 5
MIN_STEP = 15  # facts: a smaller isotonic step is merged into its lower neighbour
L2_GRID = (1.0, 2.0, 3.0, 5.0, 10.0, 20.0)


def build(documents: Path, db: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir", str(PROJECT),
                          "--documents", str(documents), "--db", str(db)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build failed (exit {run.returncode}):\n{run.stdout[-2000:]}{run.stderr[-2000:]}")


def read_terms(db: Path) -> dict[str, dict[str, float]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select fact_id, feature, value from intermediate.int_fact_confidence_terms "
                           "where feature <> 'intercept'").fetchall()
    finally:
        con.close()
    out: dict[str, dict[str, float]] = {}
    for fact_id, feature, value in rows:
        out.setdefault(fact_id, {})[feature] = float(value)
    return out


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit_logistic(xs: list[list[float]], ys: list[int], l2: float, iterations: int = 50) -> list[float]:
    """Newton-Raphson on the penalised log-likelihood; column 0 is the intercept (not penalised)."""
    n = len(xs[0])
    w = [0.0] * n
    for _ in range(iterations):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys, strict=True):
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x, strict=True)))
            for i in range(n):
                if x[i]:
                    grad[i] += (y - p) * x[i]
                    for j in range(n):
                        if x[j]:
                            hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, n):
            grad[i] -= l2 * w[i]
            hess[i][i] += l2
        hess[0][0] += 1e-9
        step = solve(hess, grad)
        w = [wi + si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def _share(block: dict) -> float:
    """The block's share of right facts, never more certain than one more wrong fact would allow."""
    return min(block["right"] / block["facts"], block["facts"] / (block["facts"] + 1))


def isotonic_steps(scored: list[tuple[float, int]]) -> list[dict]:
    """Pool-adjacent-violators on (score, right) sorted by score; steps of MIN_STEP facts or more."""
    tied: list[dict] = []  # facts of one score are never split
    for score, y in sorted(scored):
        if tied and tied[-1]["score_from"] == score:
            tied[-1]["facts"] += 1
            tied[-1]["right"] += y
        else:
            tied.append({"score_from": score, "facts": 1, "right": y})
    blocks: list[dict] = []
    for group in tied:
        blocks.append(dict(group))
        while len(blocks) > 1 and (blocks[-1]["right"] / blocks[-1]["facts"]
                                   <= blocks[-2]["right"] / blocks[-2]["facts"]
                                   or blocks[-2]["facts"] < MIN_STEP):
            last = blocks.pop()
            blocks[-1]["facts"] += last["facts"]
            blocks[-1]["right"] += last["right"]
    # a small top step joins the one below it
    while len(blocks) > 1 and blocks[-1]["facts"] < MIN_STEP:
        last = blocks.pop()
        blocks[-1]["facts"] += last["facts"]
        blocks[-1]["right"] += last["right"]
    steps = []
    for b in blocks:
        steps.append({**b, "confidence": round(_share(b), 4)})
    # the cap may break the order: keep it non-decreasing
    for low, high in zip(steps, steps[1:], strict=False):
        high["confidence"] = max(high["confidence"], low["confidence"])
    steps[0]["score_from"] = -1000.0  # the lowest step takes every lower score
    return steps


def fold_of(doc: str) -> int:
    return int(hashlib.md5(doc.encode()).hexdigest(), 16) % FOLDS


def out_of_fold(xs, ys, folds, l2: float) -> tuple[float, list[tuple[float, int]]]:
    """Each fact scored by a fit on the other folds' documents; the mean log-loss and the scores."""
    scored, loss = [], 0.0
    for k in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != k]
        w = fit_logistic([xs[i] for i in train], [ys[i] for i in train], l2)
        for i, f in enumerate(folds):
            if f == k:
                score = sum(a * b for a, b in zip(w, xs[i], strict=True))
                p = min(max(sigmoid(score), 1e-9), 1 - 1e-9)
                loss -= math.log(p if ys[i] else 1 - p)
                scored.append((score, ys[i]))
    return loss / len(ys), scored


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--l2", type=float, default=None,
                    help="L2 penalty on the weights (default: the L2_GRID value with the best "
                         "out-of-fold log-loss)")
    ap.add_argument("--dry-run", action="store_true", help="fit and print, write no seeds")
    args = ap.parse_args()
    if args.corpora:
        corpora = [(c / "documents", c / "gold.jsonl") for c in args.corpora]
    else:
        corpora = [dev_split("dev-tune")] + [
            dev_split(f"{folder.name}-tune", corpus=folder, listing=folder / "blind.txt")
            for folder in sorted((_ROOT / "benchmarks" / "corpora").glob("*"))
            if (folder / "blind.txt").is_file()
        ]

    with tempfile.TemporaryDirectory() as tmp:
        facts, terms = [], {}
        for k, (documents, gold) in enumerate(corpora):
            db = Path(tmp) / f"calibrate_facts_{k}.duckdb"
            build(documents, db)
            facts += label_facts(db, gold, args.scorer)
            terms.update(read_terms(db))

        names = sorted({f for t in terms.values() for f in t})
        names = [n for n in names if any(terms[f.fact_id].get(n) for f in facts)]  # seen at least once
        xs = [[1.0] + [terms[f.fact_id].get(n, 0.0) for n in names] for f in facts]
        ys = [int(f.right) for f in facts]
        folds = [fold_of(f.doc) for f in facts]
        losses = {l2: out_of_fold(xs, ys, folds, l2) for l2 in ([args.l2] if args.l2 else L2_GRID)}
        for l2, (loss, _) in losses.items():
            print(f"l2={l2:<5} out-of-fold log-loss {loss:.4f}")
        args.l2 = min(losses, key=lambda k: losses[k][0])
        weights = fit_logistic(xs, ys, args.l2)
        steps = isotonic_steps(losses[args.l2][1])

        print(f"{len(facts)} facts, {sum(ys)} right; {len(names)} features; l2={args.l2}")
        for name, w in sorted(zip(["intercept"] + names, weights, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {name:<45} {w:+.3f}")
        print("steps (out-of-fold score -> confidence):")
        for s in steps:
            print(f"  score >= {s['score_from']:+9.3f}  facts={s['facts']:>4} right={s['right']:>4} "
                  f"confidence={s['confidence']:.3f}")
        if args.dry_run:
            return 0

        with open(WEIGHTS, "w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh, lineterminator="\n")
            out.writerow(["feature", "weight"])
            for name, w in zip(["intercept"] + names, weights, strict=True):
                out.writerow([name, f"{w:.4f}"])
        with open(CALIBRATION, "w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh, lineterminator="\n")
            out.writerow(["score_from", "confidence", "facts", "right_facts"])
            for s in steps:
                out.writerow([f"{s['score_from']:.4f}", f"{s['confidence']:.4f}", s["facts"], s["right"]])
        print(f"wrote {WEIGHTS.relative_to(PROJECT)} and {CALIBRATION.relative_to(PROJECT)}")

        facts = []
        for k, (documents, gold) in enumerate(corpora):
            db = Path(tmp) / f"calibrate_facts_{k}.duckdb"
            build(documents, db)
            facts += label_facts(db, gold, args.scorer)
        print(f"calibration on {', '.join(d.parent.name for d, _ in corpora)} after the fit:")
        print(format_table(calibration_table(facts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
