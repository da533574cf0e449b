"""Extraction throughput: MB/s of reading documents and of extracting facts, on one process
and on N worker processes, side by side in one run.

    python benchmarks/extraction_speed.py [FOLDER] [--min-mb 20] [--workers N] [--repeat R] [--build]

FOLDER defaults to the bundled sample articles (seeds/documents). The documents are read
with the real reader, repeated until there are at least `--min-mb` MB of text, then the
fact extractor runs over them in this process (1 worker) and in N worker processes
(`--workers`, default the usable CPUs), each R times (the median run counts). The N-worker
figure includes starting the workers (printed apart too). Both runs must give the same rows.

`--build` also times the whole `warehouse build` (fresh file, every document extracted) of
FOLDER copied until it holds `--min-mb` MB, each copy made unique by a last line, with
`--threads 1` and `--threads N`.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warehouse.staging import facts, pool
from warehouse.staging.documents import read_folder

PROJECT = Path(__file__).resolve().parent.parent
_NODE = re.compile(r"^\w+\s+(seed|loader|model|test)\s+(\S+).* in ([0-9.]+)s$", re.MULTILINE)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(fn, repeat: int):
    """Median wall-clock seconds, median CPU seconds (load-independent), last result."""
    runs, cpus, out = [], [], None
    for _ in range(repeat):
        started, cpu = time.perf_counter(), _cpu()
        out = fn()
        runs.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
    return statistics.median(runs), statistics.median(cpus), out


def _extraction(folder: str, min_mb: float, workers: int, repeat: int) -> None:
    read = read_folder(folder)  # warm-up: stop-word lists, decoders
    read_s, _, read = _timed(lambda: read_folder(folder), repeat)
    disk_mb = read.bytes_read / 2**20
    one_mb = sum(len(d.text.encode("utf-8")) for d in read.documents) / 2**20
    copies = max(1, int(-(-min_mb // one_mb))) if one_mb else 1
    docs = read.documents * copies
    text_mb = one_mb * copies
    print(f"{len(read.documents)} documents, {disk_mb:.2f} MB on disk, {one_mb:.2f} MB of text; "
          f"repeated {copies}x: {len(docs)} documents, {text_mb:.1f} MB of text")
    print(f"read + normalise:       {read_s:8.3f} s -> {disk_mb / read_s:6.2f} MB/s (median of {repeat})")

    facts.extract_rows(read.documents[:1], PROJECT)  # load lexicons and gazetteers once, outside the timing
    one_s, one_cpu, one = _timed(lambda: facts.extract_rows(docs, PROJECT), repeat)
    print(f"extract, 1 process:     {one_s:8.3f} s -> {text_mb / one_s:6.2f} MB/s "
          f"(CPU {one_cpu:.1f} s: {text_mb / one_cpu:.2f} MB per CPU second; "
          f"{len(one['raw.fact_candidates'])} candidates, {len(one['raw.money_mentions'])} money mentions)")
    if workers > 1:
        budget = pool.Budget()
        start_s, _, _ = _timed(lambda: facts.extract_rows(read.documents[:workers], PROJECT, [],
                                                       workers=workers, budget=budget), 1)
        many_s, many_cpu, many = _timed(
            lambda: facts.extract_rows(docs, PROJECT, [], workers=workers, budget=budget), repeat)
        assert many == one, "the workers' rows differ from one process's"
        print(f"extract, {workers} processes:   {many_s:8.3f} s -> {text_mb / many_s:6.2f} MB/s "
              f"({text_mb / many_s / workers:.2f} MB/s per process, {one_s / many_s:.2f}x one process; "
              f"CPU {many_cpu:.1f} s: {text_mb / many_cpu:.2f} MB per CPU second; "
              f"starting the workers: {start_s:.2f} s, included); same rows")
    print(f"usable CPUs: {pool.usable_cores()}, load average: {os.getloadavg()[0]:.1f}")


def _corpus(folder: str, min_mb: float, into: Path) -> tuple[int, float]:
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".md"))
    if not files:
        raise SystemExit(f"--build needs .txt or .md files in {folder}")
    size, count, copy = 0, 0, 0
    while size < min_mb * 2**20:
        for path in files:
            data = path.read_bytes() + f"\n\n(Copie {copy} de {path.name}.)\n".encode()
            target = into / f"c{copy:04d}" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            size += len(data)
            count += 1
        copy += 1
    return count, size / 2**20


def _builds(folder: str, min_mb: float, workers: int) -> None:
    warehouse = shutil.which("warehouse", path=str(Path(sys.executable).parent)) or "warehouse"
    with tempfile.TemporaryDirectory(prefix="extraction_speed_") as tmp:
        docs = Path(tmp) / "documents"
        count, mb = _corpus(folder, min_mb, docs)
        print(f"warehouse build of {count} documents, {mb:.1f} MB:")
        for threads in sorted({1, workers}):
            db = Path(tmp) / f"w{threads}.duckdb"
            started = time.perf_counter()
            command = [warehouse, "build", "--project-dir", str(PROJECT), "--documents", str(docs),
                       "--db", str(db), "--threads", str(threads)]
            done = subprocess.run(command, capture_output=True, text=True)
            took = time.perf_counter() - started
            if done.returncode != 0:
                raise SystemExit(done.stderr or done.stdout)
            extracted = next((part.strip() for line in done.stdout.splitlines()
                              for part in line.split(";") if "extracted" in part), "")
            nodes = [(float(m[3]), m[1], m[2]) for m in _NODE.finditer(done.stdout)]
            loader = sum(t for t, kind, _ in nodes if kind == "loader")
            slowest = max(((t, name) for t, kind, name in nodes if kind == "model"), default=(0.0, "-"))
            print(f"  --threads {threads}: {took:7.2f} s -> {mb / took:5.2f} MB/s  (loader {loader:.1f} s: "
                  f"{extracted}; slowest model {slowest[1]} {slowest[0]:.1f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(PROJECT / "seeds" / "documents"))
    ap.add_argument("--min-mb", type=float, default=0.0, help="repeat the documents to this much text")
    ap.add_argument("--workers", type=int, default=pool.usable_cores(),
                    help="worker processes (default: the usable CPUs)")
    ap.add_argument("--repeat", type=int, default=None,
                    help="runs, the median counts (default 5, 1 with --min-mb)")
    ap.add_argument("--build", action="store_true", help="also time `warehouse build`, 1 and N threads")
    args = ap.parse_args()
    repeat = args.repeat or (1 if args.min_mb >= 1 else 5)
    _extraction(args.folder, args.min_mb, args.workers, repeat)
    if args.build:
        _builds(args.folder, args.min_mb, args.workers)


if __name__ == "__main__":
    main()
