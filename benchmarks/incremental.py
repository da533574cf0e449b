"""State-aware builds: cold build, no-op rebuild and edit-one-mart rebuild, side by side.

Generates the layered project of `engine_overhead.py` (N models over R rows), then times
`warehouse build` in a subprocess (start-up included):

- cold: a first build into a new file, against the same SQL run straight through DuckDB;
- no-op: a plain `warehouse build` with nothing changed (nothing is written);
- edit one mart: the SQL of one mart model changes (a comment), a plain `warehouse build`
  rebuilds it and what reads it, into a copy of the warehouse published by rename.

The bundled project (its sample articles, the documents loader) is timed the same way (cold
and no-op). Wall time is the median of --repeat runs; CPU is the child's user + system time
(wall time on a loaded machine says more about the other processes than about the build).

`--large-gb X` adds a warehouse with an X GB table beside a small mart: the time to copy the
unchanged file against the time of the small rebuild it carries.

    python benchmarks/incremental.py                       # N=200, R=100,000
    python benchmarks/incremental.py --models 50 --rows 10000 --repeat 5 --large-gb 1
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_overhead import generate, run_raw  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _command(*args: str) -> list[str]:
    exe = shutil.which("warehouse")
    return [exe, *args] if exe else [sys.executable, "-m", "warehouse.cli", *args]


def timed(*args: str, expect: str | None = None) -> tuple[float, float]:
    """(wall, cpu) seconds of one `warehouse ...` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(_command(*args), capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"warehouse {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr}")
    if expect and expect not in done.stdout:
        raise SystemExit(f"expected {expect!r} in the output of warehouse {' '.join(args)}:\n{done.stdout}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def fmt(run: tuple[float, float]) -> str:
    return f"{run[0]:6.2f} s (cpu {run[1]:.2f} s)"


def generated(n_models: int, n_rows: int, repeat: int, workdir: Path) -> dict:
    root = workdir / f"project_{n_models}"
    models = generate(root, n_models, n_rows)
    db = workdir / f"incremental_{n_models}.duckdb"
    raw_db = workdir / f"raw_{n_models}.duckdb"
    build = ("build", "--project-dir", str(root), "--db", str(db))
    run_raw(models, raw_db)                                    # warm the page cache
    cold, raw = [], []
    for _ in range(repeat):
        for path in (db, db.with_name(db.name + ".wal")):
            path.unlink(missing_ok=True)
        raw.append(run_raw(models, raw_db))
        cold.append(timed(*build))
    noop = [timed(*build, expect="nothing changed") for _ in range(repeat)]
    mart = next(name for name, _, _ in reversed(models) if name.startswith("marts."))
    path = root / "models" / "marts" / f"{mart.split('.')[1]}.sql"
    edit = []
    for i in range(repeat):
        with path.open("a") as fh:
            fh.write(f"-- edit {i}\n")
        edit.append(timed(*build, expect="published"))
    return {"cold": median(cold), "raw": statistics.median(raw), "noop": median(noop), "edit": median(edit),
            "size_mb": db.stat().st_size / 2**20, "mart": mart}


def bundled(repeat: int, workdir: Path) -> dict:
    db = workdir / "bundled.duckdb"
    build = ("build", "--project-dir", str(ROOT), "--db", str(db))
    cold = timed(*build)
    noop = [timed(*build, expect="nothing changed") for _ in range(repeat)]
    return {"cold": cold, "noop": median(noop)}


def large(gb: float, workdir: Path) -> dict:
    """A warehouse with a `gb` GB table and a small mart; edit the mart."""
    root = workdir / "large"
    (root / "models" / "intermediate").mkdir(parents=True)      # a table (staging/ makes views)
    (root / "models" / "marts").mkdir(parents=True)
    rows = int(gb * 2**30 / 34)            # measured: about 34 bytes a row in this table
    (root / "models" / "intermediate" / "big.sql").write_text(
        f"select range as id, hash(range) as h1, hash(range * 7) as h2, md5(range::varchar) as s "
        f"from range({rows})\n")
    (root / "models" / "marts" / "small.sql").write_text("select 1 as x\n")
    db = workdir / "large.duckdb"
    build = ("build", "--project-dir", str(root), "--db", str(db))
    cold = timed(*build)
    size = db.stat().st_size
    copy_times = []
    for _ in range(3):
        dest = workdir / "copy.duckdb"
        dest.unlink(missing_ok=True)
        started = time.perf_counter()
        with open(db, "rb") as src, open(dest, "wb") as out:
            from warehouse.publish import copy_file

            copy_file(src, out)
            out.flush()
            os.fsync(out.fileno())
        copy_times.append(time.perf_counter() - started)
        dest.unlink()
    edits = []
    for i in range(3):
        with (root / "models" / "marts" / "small.sql").open("a") as fh:
            fh.write(f"-- edit {i}\n")
        edits.append(timed(*build, expect="published"))
    noop = timed(*build, expect="nothing changed")
    return {"gb": size / 2**30, "cold": cold, "copy": statistics.median(copy_times), "edit": median(edits),
            "noop": noop}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=int, default=200)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; the median is reported")
    parser.add_argument("--large-gb", type=float, default=0, help="also time a warehouse of this size")
    parser.add_argument("--no-bundled", action="store_true", help="skip the bundled project")
    parser.add_argument("--no-generated", action="store_true", help="skip the generated project")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cpu count: {os.cpu_count()}, load average {load:.1f}, repeat: {args.repeat} (median)")
    with tempfile.TemporaryDirectory(prefix="warehouse-incremental-") as tmp:
        work = Path(tmp)
        if not args.no_generated:
            g = generated(args.models, args.rows, args.repeat, work)
            print(f"generated N={args.models} R={args.rows:,} ({g['size_mb']:.0f} MB): cold {fmt(g['cold'])} "
                  f"vs straight DuckDB {g['raw']:.2f} s ({g['cold'][0] / g['raw']:.2f}x) | "
                  f"no-op {fmt(g['noop'])} | edit one mart ({g['mart']}) {fmt(g['edit'])}", flush=True)
        if not args.no_bundled:
            b = bundled(args.repeat, work)
            print(f"bundled project (seeds/documents): cold {fmt(b['cold'])} | no-op {fmt(b['noop'])}",
                  flush=True)
        if args.large_gb:
            lg = large(args.large_gb, work)
            print(f"large warehouse ({lg['gb']:.2f} GB): cold {fmt(lg['cold'])} | copy of the file "
                  f"(+fsync) {lg['copy']:.2f} s | edit the small mart {fmt(lg['edit'])} | "
                  f"no-op {fmt(lg['noop'])}", flush=True)


if __name__ == "__main__":
    main()
