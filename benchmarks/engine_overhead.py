"""Engine overhead: `warehouse build` against the same SQL run straight through DuckDB.

Generates a project of N layered models over R rows (each model reads 1-3 upstream models:
views, joins, aggregates, window functions), builds it with `warehouse build` in a
subprocess (start-up, parsing, publishing included), then runs the same statements in one
DuckDB connection into a file, one after another, and prints engine/raw: the median of
interleaved runs, the ratio of the best runs (least disturbed by other load), and, for
reference, the raw SQL as a stand-alone script (interpreter start-up and import included).

    python benchmarks/engine_overhead.py                 # (N=20, R=1,000,000) and (N=200, R=100,000)
    python benchmarks/engine_overhead.py --models 50 --rows 200000 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("view", "join", "aggregate", "window")


def generate(root: Path, n_models: int, n_rows: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """Write the project; return (name, materialization, select) in a valid build order."""
    rng = random.Random(seed)
    models: list[tuple[str, str, str]] = []
    n_sources = max(2, n_models // 10)
    for i in range(n_sources):
        sql = (f"select range as id, (range * {7 + i}) % 1000 as k, hash(range + {i}) % 100000 as v\n"
               f"from range({n_rows})")
        models.append((f"staging.src_{i:03d}", "table", sql))
    for i in range(n_models - n_sources):
        # read from recent layers, so the graph is deep as well as wide
        pool = [m[0] for m in models[-12:]]
        ups = rng.sample(pool, k=min(len(pool), rng.choice((1, 2, 3))))
        kind = KINDS[i % len(KINDS)]
        a = ups[0]
        others = ups[1:]
        if kind == "view":
            sql = f"select id, k, (v * 3 + 1) % 100003 as v\nfrom {a}\nwhere v % 17 <> 0"
        elif kind == "join":
            joins = "".join(f"\njoin {o} as u{j} using (id)" for j, o in enumerate(others))
            total = " + ".join(["base.v"] + [f"u{j}.v" for j in range(len(others))])
            sql = f"select base.id, base.k, ({total}) % 100003 as v\nfrom {a} as base{joins}"
        elif kind == "aggregate":
            src = others[0] if others else a
            sql = (f"with totals as (\n    select k, sum(v) as s, count(*) as n from {src} group by k\n)\n"
                   f"select base.id, base.k, (base.v + totals.s // totals.n) % 100003 as v\n"
                   f"from {a} as base\njoin totals using (k)")
        else:
            sql = (f"select id, k,\n    (sum(v) over (partition by k order by id rows between 3 preceding "
                   f"and current row)) % 100003 as v\nfrom {a}")
        layer = "marts" if i >= (n_models - n_sources) * 2 // 3 else "intermediate"
        materialized = "view" if kind == "view" else "table"
        models.append((f"{layer}.m_{i:03d}", materialized, sql))
    for name, _, sql in models:
        schema, alias = name.split(".")
        path = root / "models" / schema / f"{alias}.sql"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql + "\n")
    for schema in ("staging", "intermediate", "marts"):
        folder = root / "models" / schema
        if folder.is_dir():
            views = [n.split(".")[1] for n, m, _ in models if n.startswith(schema + ".") and m == "view"]
            body = "config: {materialized: table}\nmodels:\n" + "".join(
                f"  - name: {v}\n    config: {{materialized: view}}\n" for v in views)
            (folder / f"_{schema}.yml").write_text(body if views else "config: {materialized: table}\n")
    return models


def run_engine(root: Path, db: Path, threads: int | None) -> float:
    for p in (db, db.with_name(db.name + ".wal")):
        p.unlink(missing_ok=True)
    cmd = [shutil.which("warehouse") or sys.executable, "build", "--project-dir", str(root), "--db", str(db)]
    if cmd[0] == sys.executable:
        cmd[1:1] = ["-m", "warehouse.cli"]
    if threads:
        cmd += ["--threads", str(threads)]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"warehouse build failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def run_raw(models, db: Path) -> float:
    """The same SQL, sequentially, in one connection (what a hand-written script would do)."""
    import duckdb

    for p in (db, db.with_name(db.name + ".wal")):
        p.unlink(missing_ok=True)
    started = time.perf_counter()
    con = duckdb.connect(str(db), config={"storage_compatibility_version": "v1.4.0"})
    for schema in sorted({name.split(".")[0] for name, _, _ in models}):
        con.execute(f"create schema {schema}")
    for name, materialized, sql in models:
        con.execute(f"create {materialized} {name} as\n{sql}").fetchall()
    con.close()
    return time.perf_counter() - started


RAW_SCRIPT = """
import json, sys
import duckdb
models = json.load(open(sys.argv[1]))
con = duckdb.connect(sys.argv[2], config={"storage_compatibility_version": "v1.4.0"})
for schema in sorted({name.split(".")[0] for name, _, _ in models}):
    con.execute(f"create schema {schema}")
for name, materialized, sql in models:
    con.execute(f"create {materialized} {name} as\\n{sql}").fetchall()
con.close()
"""


def run_raw_script(models, db: Path) -> float:
    """The same SQL as a stand-alone Python script: interpreter start and `import duckdb` included."""
    import json

    for p in (db, db.with_name(db.name + ".wal")):
        p.unlink(missing_ok=True)
    script, spec = db.with_suffix(".py"), db.with_suffix(".json")
    script.write_text(RAW_SCRIPT)
    spec.write_text(json.dumps(models))
    started = time.perf_counter()
    subprocess.run([sys.executable, str(script), str(spec), str(db)], check=True)
    return time.perf_counter() - started


def help_time(repeat: int = 10) -> float:
    exe = shutil.which("warehouse")
    cmd = [exe, "--help"] if exe else [sys.executable, "-m", "warehouse.cli", "--help"]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(n_models: int, n_rows: int, repeat: int, threads: int | None, workdir: Path) -> dict:
    root = workdir / f"project_{n_models}_{n_rows}"
    shutil.rmtree(root, ignore_errors=True)
    models = generate(root, n_models, n_rows)
    engine_db, raw_db = workdir / f"engine_{n_models}.duckdb", workdir / f"raw_{n_models}.duckdb"
    run_raw(models, raw_db)                                  # warm the page cache and imports once
    run_engine(root, engine_db, threads)                     # and the engine's parse cache
    engine, raw, script = [], [], []
    for _ in range(repeat):                                  # interleave so drift hits all alike
        raw.append(run_raw(models, raw_db))
        engine.append(run_engine(root, engine_db, threads))
        script.append(run_raw_script(models, raw_db))
    med = statistics.median
    return {"models": n_models, "rows": n_rows, "engine_s": med(engine), "raw_s": med(raw),
            "script_s": med(script), "ratio": med(engine) / med(raw), "ratio_min": min(engine) / min(raw),
            "ratio_script": med(engine) / med(script)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=int, help="N models (with --rows: one configuration only)")
    parser.add_argument("--rows", type=int, help="R rows in each source model")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the median is reported")
    parser.add_argument("--threads", type=int, help="--threads for warehouse build (default: its own)")
    args = parser.parse_args()
    configs = [(args.models, args.rows)] if args.models and args.rows else [(20, 1_000_000), (200, 100_000)]
    print(f"cpu count: {os.cpu_count()}, repeat: {args.repeat} (median)")
    with tempfile.TemporaryDirectory(prefix="warehouse-bench-") as tmp:
        for n, r in configs:
            res = measure(n, r, args.repeat, args.threads, Path(tmp))
            print(f"N={res['models']:>4} R={res['rows']:>9,}: engine {res['engine_s']:.2f} s, "
                  f"raw duckdb {res['raw_s']:.2f} s -> ratio {res['ratio']:.2f}x "
                  f"(best runs {res['ratio_min']:.2f}x; against a raw script with its start-up, "
                  f"{res['script_s']:.2f} s: {res['ratio_script']:.2f}x)", flush=True)
    print(f"warehouse --help: {help_time():.3f} s (median of 10)")


if __name__ == "__main__":
    main()
