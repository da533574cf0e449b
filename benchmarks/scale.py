"""Scale: full build, +1 % rebuild and no-op rebuild of generated corpora of N articles.

    python benchmarks/scale.py                                  # 1,000 and 10,000 articles
    python benchmarks/scale.py --sizes 1000 10000 100000 [--threads N] [--steps 5]

Each corpus is N perturbed copies of the shared dev corpus (`../shared/corpus/dev/documents`;
the bundled `seeds/documents` when it is missing), written into a temporary folder with plain
Python. Every copy is unique, so no two files have the same content hash: its paragraphs
after the headline are shuffled, its amounts (a number before "millions", "billion", "M€"...)
are scaled by a factor of its own, its years (2000-2039) move back by c % Y for its
copy number c of that document (`--spread-years Y`, default 8, within the FX rates' years;
0 keeps every copy's dates, so all copies of an article report one deal on one day), and it
ends with a line naming it. Copy i of a given
`--seed` is the same file in every run and at every size.

For each size the real CLI builds the corpus into a new file (`python -m warehouse.cli build
--project-dir PROJECT --documents DIR --db DB`, a subprocess; `--threads` is passed through),
then 1 % new articles are added and it is built again, then it is built a third time with
nothing changed (the CLI must say so). One line per size: documents, MB (MiB) on disk, the
full build's seconds and MB/s, its peak RSS (the largest process of the build, from the
rusage of the waited-for build process; on Linux also the sum over the process tree, sampled
every 0.1 s: workers count there), and the seconds of the +1 % and of the no-op rebuild.
Times are wall clock, interpreter start-up included. `--steps K` adds, under each line, the
K slowest nodes of the full and of the +1 % build (from `target/run_results.json`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpora import PROJECT, SHARED

SOURCES = (SHARED / "corpus" / "dev" / "documents", PROJECT / "seeds" / "documents")
SUFFIXES = (".txt", ".md")
# an amount: a number, then a scale word ("600 millions", "5,8 milliards", "$1.2bn", "40 M€")
_YEAR = re.compile(r"\b20[0-3]\d\b")
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,4})((?:[.,]\d+)?(?:\s?"
                     r"(?:millions?|milliards?|billions?|Md€|Mds?|M€|M\$|bn)(?!\w)|m\b))")


def sources() -> tuple[Path, list[tuple[str, str]]]:
    """The first corpus folder that exists, and its (stem, text) documents."""
    for folder in SOURCES:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if files:
            return folder, [(p.stem, p.read_text(encoding="utf-8")) for p in files]
    raise SystemExit(f"no .txt or .md documents in {' or '.join(map(str, SOURCES))}")


def perturbed(i: int, docs: list[tuple[str, str]], seed: int, years: int = 0) -> tuple[str, str]:
    """Copy i of the corpus: (file name, text), the same for the same i, seed and years."""
    stem, text = docs[i % len(docs)]
    rng = random.Random(f"{seed}:{i}")
    head, *body = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    rng.shuffle(body)
    factor = rng.uniform(0.5, 1.9)
    scaled = _AMOUNT.sub(lambda m: f"{max(1, round(int(m[1]) * factor))}{m[2]}", "\n\n".join([head, *body]))
    back = (i // len(docs)) % years if years > 1 else 0       # the copy's years moved back, dates kept apart
    if back:
        scaled = _YEAR.sub(lambda m: str(int(m[0]) - back), scaled)
    return f"a{i:06d}_{stem}.txt", f"{scaled}\n\n(Scale benchmark copy {i} of {stem}, seed {seed}.)\n"


def write_corpus(folder: Path, first: int, count: int, docs: list[tuple[str, str]], seed: int,
                 years: int = 0) -> int:
    """Write copies first..first+count-1 into folder; return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(first, first + count):
        name, text = perturbed(i, docs, seed, years)
        data = text.encode("utf-8")
        with open(folder / name, "wb") as fh:
            fh.write(data)
        size += len(data)
    return size


def _tree_rss(root: int) -> int:
    """Bytes resident in root and its descendants (Linux /proc; 0 elsewhere)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(b")") + 2:].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run_build(command: list[str], log: Path) -> dict:
    """Run one build: wall seconds, peak RSS (largest process, sampled tree sum), its output."""
    with open(log, "w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        peak_tree, done = 0, threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not done.wait(0.1):
                peak_tree = max(peak_tree, _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        if os.path.isdir("/proc"):
            sampler.start()
        # wait4: this build's own rusage (it and the children it waited for), not every child's so far
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
    if sampler.is_alive():
        sampler.join()
    scale = 1 if sys.platform == "darwin" else 1024          # ru_maxrss: bytes on macOS, KiB on Linux
    output = log.read_text(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed (exit {proc.returncode}):\n{output[-3000:]}")
    return {"wall": wall, "rss": usage.ru_maxrss * scale, "tree": peak_tree, "output": output}


def slowest(k: int) -> str:
    """The k slowest nodes of the last build, from target/run_results.json."""
    path = PROJECT / "target" / "run_results.json"
    results = json.loads(path.read_text())["results"] if path.is_file() else []
    top = sorted(results, key=lambda r: -r.get("execution_time", 0.0))[:k]   # dbt's run results schema
    return ", ".join(f"{r['unique_id']} {r['execution_time']:.2f} s" for r in top) or "-"


def measure(n: int, docs: list[tuple[str, str]], args: argparse.Namespace, work: Path) -> None:
    folder, db = work / f"documents_{n}", work / f"scale_{n}.duckdb"
    size = write_corpus(folder, 0, n, docs, args.seed, args.spread_years)
    command = [sys.executable, "-m", "warehouse.cli", "build", "--project-dir", str(PROJECT),
               "--documents", str(folder), "--db", str(db)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    log = work / f"build_{n}.log"
    full = run_build(command, log)
    full_steps = slowest(args.steps) if args.steps else ""
    added = max(1, n // 100)
    size_added = write_corpus(folder, n, added, docs, args.seed, args.spread_years)
    more = run_build(command, log)
    more_steps = slowest(args.steps) if args.steps else ""
    noop = run_build(command, log)
    noop_note = "" if "nothing changed" in noop["output"] else " (something was rebuilt)"
    mb, mib = size / 2**20, 2**20
    tree = f", tree {full['tree'] / mib:,.0f} MB" if full["tree"] else ""
    print(f"{n:>7,} docs {mb:7.1f} MB | full {full['wall']:7.2f} s {mb / full['wall']:6.2f} MB/s, "
          f"peak RSS {full['rss'] / mib:,.0f} MB{tree} | +1 % (+{added:,} docs, {size_added / mib:.2f} MB) "
          f"{more['wall']:6.2f} s ({100 * more['wall'] / full['wall']:.1f} % of full) | "
          f"no-op {noop['wall']:5.2f} s{noop_note}", flush=True)
    if args.steps:
        print(f"          slowest, full: {full_steps}\n          slowest, +1 %: {more_steps}", flush=True)
    shutil.rmtree(folder)
    for path in work.glob(f"scale_{n}.duckdb*"):
        path.unlink()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="articles per corpus")
    ap.add_argument("--threads", type=int, default=None, help="passed to `warehouse build --threads`")
    ap.add_argument("--seed", type=int, default=0, help="seed of the perturbations")
    ap.add_argument("--spread-years", type=int, default=8, metavar="Y",
                    help="move the years (2000-2039) of copy c of a document back by c %% Y (0: same dates)")
    ap.add_argument("--steps", type=int, default=0, metavar="K",
                    help="also print the K slowest nodes of the full and the +1 %% build")
    args = ap.parse_args()
    folder, docs = sources()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(docs)} source documents from {folder}; cpu count {os.cpu_count()}, load average {load:.1f}, "
          f"--threads {args.threads or 'default'}, --spread-years {args.spread_years}", flush=True)
    with tempfile.TemporaryDirectory(prefix="warehouse-scale-") as tmp:
        for n in args.sizes:
            measure(n, docs, args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
