"""Corpora with gold facts for the benchmark scripts, each split in a tuning and a blind part.

`dev-tune` is the shared dev corpus without the documents listed in `dev_blind_set.txt`;
`dev-blind` is those documents only. A corpus in `benchmarks/corpora/` with a `blind.txt`
is split the same way (`fresh_d-tune`, `fresh_d-blind`). Rules are tuned on the tuning
parts; a blind part is scored only to report how the extractor does on articles nobody
tuned it to. The splits are written under `target/corpora/` (documents copied, gold lines
filtered), fresh on each call.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
BLIND_LIST = Path(__file__).with_name("dev_blind_set.txt")


def blind_documents(listing: Path = BLIND_LIST) -> set[str]:
    lines = listing.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def dev_split(name: str, root: Path = PROJECT / "target" / "corpora", corpus: Path = DEV,
              listing: Path = BLIND_LIST) -> tuple[Path, Path]:
    """Write the `*-tune` or `*-blind` split of a corpus; return its documents folder and gold file."""
    blind = blind_documents(listing)
    keep = (lambda doc: doc in blind) if name.endswith("-blind") else (lambda doc: doc not in blind)
    out = root / name
    shutil.rmtree(out, ignore_errors=True)
    (out / "documents").mkdir(parents=True)
    for path in sorted((corpus / "documents").iterdir()):
        if path.is_file() and keep(path.stem):
            shutil.copy2(path, out / "documents" / path.name)
    lines = (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip() and keep(json.loads(line)["doc"])]
    (out / "gold.jsonl").write_text("".join(kept), encoding="utf-8")
    return out / "documents", out / "gold.jsonl"


def default_corpora(blind: bool = False) -> list[tuple[str, Path, Path]]:
    """The samples, dev-tune (and dev-blind when asked), and benchmarks/corpora/*."""
    out = [("samples", SHARED / "seeds" / "documents", SHARED / "gold" / "seeds.jsonl")]
    if DEV.is_dir():
        out.append(("dev-tune", *dev_split("dev-tune")))
        if blind:
            out.append(("dev-blind", *dev_split("dev-blind")))
    for folder in sorted((PROJECT / "benchmarks" / "corpora").glob("*")):
        listing = folder / "blind.txt"
        if not (folder / "gold.jsonl").is_file():  # a corpus still being written
            continue
        if not listing.is_file():
            out.append((folder.name, folder / "documents", folder / "gold.jsonl"))
            continue
        parts = ["tune", "blind"] if blind else ["tune"]
        out += [(f"{folder.name}-{part}", *dev_split(f"{folder.name}-{part}", corpus=folder, listing=listing))
                for part in parts]
    return [c for c in out if c[1].is_dir() and c[2].is_file()]
