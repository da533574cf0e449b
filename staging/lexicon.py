"""Load the extraction lexicons (cue words, markers, scales, currencies) kept as CSV data."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """All rows of `lexicons/<name>.csv` as dicts (cached; the files ship with the package)."""
    with open(LEXICON_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return tuple(
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(fh)
            if any((v or "").strip() for v in row.values())
        )


def for_language(name: str, language: str) -> list[dict[str, str]]:
    """Rows of a lexicon whose `language` is the given one or `any`."""
    return [r for r in rows(name) if r.get("language", "any") in (language, "any")]
