"""Generate each language's stop-word list, `staging/lexicons/<lang>/stopwords.csv`, from jusText.

Run from the project root (offline; jusText is a dependency):

    python scripts/make_stopword_lexicons.py            # writes into staging/lexicons/<lang>/
    python scripts/make_stopword_lexicons.py --out DIR  # writes DIR/<lang>/ (tests compare)

The languages are the folders of `staging/lexicons/` (a new folder is a new language: rerun this
script to give it its stop words). jusText names its lists in English ("French"); the folder's
ISO 639-1 code gives that name through babel. A folder whose language jusText does not list gets
no file: write its `stopwords.csv` (one column, `word`) by hand.

The language detector (`staging/language.py`) reads these files, never jusText, so a new jusText
release changes detection only when someone regenerates them and reviews the diff. Words are
sorted, so the output is deterministic for a given jusText version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import justext
from babel import Locale
from make_country_seeds import write_csv

HERE = Path(__file__).resolve().parent
LEXICONS = HERE.parent / "staging" / "lexicons"


def folder_languages() -> list[str]:
    return sorted(p.name for p in LEXICONS.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def justext_name(code: str) -> str | None:
    """ "fr" -> "French", or None when jusText has no list for the language."""
    name = Locale(code).get_display_name("en").replace(" ", "_")
    return name if name in justext.get_stoplists() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LEXICONS, help="default: staging/lexicons/")
    out_dir = parser.parse_args(argv).out
    for code in folder_languages():
        name = justext_name(code)
        if name is None:
            print(f"jusText has no stop list for {code!r}: {code}/stopwords.csv is left as it is")
            continue
        (out_dir / code).mkdir(parents=True, exist_ok=True)
        words = sorted(justext.get_stoplist(name))
        write_csv(f"{code}/stopwords.csv", ["word"], [(w,) for w in words], out_dir)
    if out_dir.resolve() == LEXICONS.resolve():
        from generated_with import record

        record(Path(__file__).name, ["justext", "babel"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
