"""Facts quality on every corpus with gold facts: build each, score it, one line per corpus.

    python benchmarks/facts_quality.py [CORPUS_DIR ...] [--blind] [--scorer PATH]

A corpus is a folder with `documents/` and `gold.jsonl`. Without arguments it
scores the sample articles, the shared dev corpus without its blind documents
(`dev-tune`; `--blind` adds `dev-blind`, the held-out documents listed in
`benchmarks/dev_blind_set.txt`: score them only to report, never to tune), and
the corpora in `benchmarks/corpora/` (written for this project, independently
of the extractor's rules). The scorer is the team's
`../shared/eval/score_facts.py`. Each corpus is built with the real CLI into a
temporary file; each line gives strict and complete precision, recall and F1.

When the fact tables carry `confidence`, a calibration table follows each
corpus's line: facts per confidence bin, the share strictly right (a fact the
scorer matches to a gold fact, required or optional) and the scorer's precision
(optional matches left out), then the facts at 0.9 or more, which the contract
wants at least 9 in 10 right (`--no-calibration` leaves the tables out).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from corpora import PROJECT, SHARED, default_corpora
from fact_labels import calibration_table, format_table, label_facts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score_facts.py")
    ap.add_argument("--no-calibration", action="store_true", help="leave out the confidence tables")
    ap.add_argument("--blind", action="store_true", help="also score the held-out dev documents")
    args = ap.parse_args()
    corpora = ([(c.name, c / "documents", c / "gold.jsonl") for c in args.corpora]
               if args.corpora else default_corpora(args.blind))
    if not args.scorer.is_file():
        print(f"no scorer at {args.scorer}: pass --scorer", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        for name, documents, gold in corpora:
            db = Path(tmp) / f"facts_{name}.duckdb"
            build = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir",
                                    str(PROJECT), "--documents", str(documents), "--db", str(db)],
                                   capture_output=True, text=True)
            if build.returncode != 0:
                print(f"{name:<10} build failed (exit {build.returncode}): {build.stderr.strip()[-300:]}")
                continue
            scored = subprocess.run([sys.executable, str(args.scorer), str(db), str(gold), "--json"],
                                    capture_output=True, text=True, check=True)
            summary = json.loads(scored.stdout[: scored.stdout.rindex("}") + 1])
            s, c = summary["strict"], summary["complete"]
            print(f"{name:<10} strict P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                  f"(tp={s['tp']} predicted={s['predicted']} required={s['required']}); "
                  f"complete P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f}")
            if summary.get("confidence") and not args.no_calibration:
                print(format_table(calibration_table(label_facts(db, gold, args.scorer))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
