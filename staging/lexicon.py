"""Load the extraction lexicons (cue words, markers, scales, currencies) kept as CSV data.

Layout (see `lexicons/README.md`): `lexicons/<lang>/<name>.csv` holds the rows of one language,
`<lang>` being its ISO 639-1 code (`fr/cues.csv`, `en/cues.csv`); `lexicons/<name>.csv` holds
the language-neutral rows (scale letters such as "bn", currency signs and codes, the generated
CLDR and GeoNames data). A language is a folder: a new folder is a new language, read by the same
code.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")

# the value of `language` in a neutral row: it is read with every language
ANY = "any"


def languages(lexicon: str | None = None) -> tuple[str, ...]:
    """The languages the lexicons know: the folders of `lexicons/`, sorted; with `lexicon`, only
    those whose folder holds `<lexicon>.csv`."""
    return _languages(LEXICON_DIR, lexicon)


@cache
def _languages(folder: Path, lexicon: str | None) -> tuple[str, ...]:
    found = (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    return tuple(sorted(p.name for p in found if lexicon is None or (p / f"{lexicon}.csv").is_file()))


def rows(name: str) -> tuple[dict[str, str], ...]:
    """All rows of lexicon `name` as dicts, each with its `language`: every language folder's
    `<lang>/<name>.csv` (`language` is the folder), then the neutral `<name>.csv` (`language` is
    its own column where it has one, as in the generated CLDR lexicons, else `any`). Cached; the
    files ship with the package."""
    return _rows(LEXICON_DIR, name)


@cache
def _rows(folder: Path, name: str) -> tuple[dict[str, str], ...]:
    out: list[dict[str, str]] = []
    for language in _languages(folder, name):
        out += ({**row, "language": language} for row in _read(folder / language / f"{name}.csv"))
    neutral = folder / f"{name}.csv"
    if neutral.is_file():
        out += ({**row, "language": row.get("language") or ANY} for row in _read(neutral))
    if not neutral.is_file() and not _languages(folder, name):
        raise FileNotFoundError(f"no lexicon {name!r}: neither {neutral} nor {folder}/<language>/{name}.csv")
    return tuple(out)


def _read(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts by its header, values stripped, blank rows left out: what
    `csv.DictReader` gives (a short row's missing values are ""), read as plain rows since every
    process reads 20,000 of them when it starts."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return []
        width, out = len(header), []
        for row in reader:
            if len(row) > width:  # values without a column: read as DictReader reads them
                return _read_dicts(path)
            found = dict(zip(header, [v.strip() for v in row], strict=False))  # a short row: see below
            for key in header[len(row) :]:
                found[key] = ""
            if any(found.values()):
                out.append(found)
        return out


def _read_dicts(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(fh)
            if any((v or "").strip() for v in row.values())
        ]


def for_language(name: str, language: str) -> list[dict[str, str]]:
    """Rows of a lexicon for one language: its folder's rows, then the neutral (`any`) ones."""
    return [r for r in rows(name) if r["language"] in (language, ANY)]


@cache
def stop_words(language: str) -> frozenset[str]:
    """The language's own stop words (its folder's `stopwords.csv`, jusText's list), lower-cased."""
    return frozenset(r["word"].lower() for r in rows("stopwords") if r["language"] == language)
