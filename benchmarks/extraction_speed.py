"""Extraction throughput: MB/s of reading documents and of extracting facts, side by side.

    python benchmarks/extraction_speed.py [FOLDER] [--repeat N]

FOLDER defaults to the bundled sample articles (seeds/documents). The documents
are read with the real reader, then the fact extractor runs over them, each
N times (the median run counts), so both figures come from the same text in
one run. One core: extraction is single-threaded Python.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from warehouse.staging import facts
from warehouse.staging.documents import read_folder

PROJECT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(PROJECT / "seeds" / "documents"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    read = read_folder(args.folder)  # warm-up: stop-word lists, decoders
    reads = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        read = read_folder(args.folder)
        reads.append(time.perf_counter() - started)
    read_s = statistics.median(reads)
    text_mb = sum(len(d.text.encode("utf-8")) for d in read.documents) / 2**20

    facts.extract_rows(read.documents[:1], PROJECT)  # load lexicons and gazetteers once, outside the timing
    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        rows = facts.extract_rows(read.documents, PROJECT)
        runs.append(time.perf_counter() - started)
    extract_s = statistics.median(runs)

    disk_mb = read.bytes_read / 2**20
    print(f"{len(read.documents)} documents, {disk_mb:.2f} MB on disk, {text_mb:.2f} MB of text")
    print(f"read + normalise: {read_s:.3f} s  -> {disk_mb / read_s:.1f} MB/s (median of {args.repeat})")
    print(f"extract facts:    {extract_s:.3f} s  -> {text_mb / extract_s:.2f} MB/s "
          f"(median of {args.repeat}; {len(rows['raw.fact_candidates'])} candidates, "
          f"{len(rows['raw.money_mentions'])} money mentions)")
    print(f"extraction / reading time: {extract_s / read_s:.1f}x")


if __name__ == "__main__":
    main()
