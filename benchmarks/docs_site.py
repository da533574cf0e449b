"""The documentation site: how long `warehouse docs` takes and how fast its pages render.

Builds the bundled project from the sample articles and the 200-model project of
engine_overhead.py (each into a temporary folder), times `warehouse docs` on each as a user runs
it (a subprocess, start-up included; the median of --repeat runs), then opens both sites in
headless Chromium (Debian's `chromium`, driven by Playwright) and times the lineage page until
its graph is drawn. With --screenshots DIR it also saves the README's pictures there.

    python benchmarks/docs_site.py
    python benchmarks/docs_site.py --repeat 5 --screenshots docs/
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str) -> list[str]:
    """The `warehouse` of this interpreter's environment (another one may come first on PATH)."""
    exe = Path(sys.executable).parent / "warehouse"
    return [str(exe), *args] if exe.exists() else [sys.executable, "-m", "warehouse.cli", *args]


def time_docs(project: Path, db: Path, out: Path, repeat: int) -> tuple[float, float]:
    """The first run without the lineage kept from earlier runs, and the median of the next ones."""
    (project / "target" / "docs_lineage.json").unlink(missing_ok=True)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(_cli("docs", "--project-dir", str(project), "--db", str(db), "--out", str(out)),
                              capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"warehouse docs failed:\n{done.stdout}\n{done.stderr}")
    return times[0], statistics.median(times[1:] or times)


def build(project: Path, db: Path, *extra: str) -> None:
    done = subprocess.run(_cli("build", "--project-dir", str(project), "--db", str(db), *extra),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"warehouse build failed:\n{done.stdout}\n{done.stderr}")


def render(sites: dict[str, Path], screenshots: Path | None) -> dict[str, float]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: no render times")
        return {}
    browser_path = "/usr/bin/chromium"
    if not Path(browser_path).exists():
        print("no /usr/bin/chromium (apt-get install chromium): no render times")
        return {}
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path)
        for name, site in sites.items():
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(site.resolve().as_uri() + "/index.html#/lineage")
            page.wait_for_selector(".graph .node")
            out[name] = time.perf_counter() - started
            page.close()
        if screenshots:
            screenshots.mkdir(parents=True, exist_ok=True)
            page = browser.new_page(viewport={"width": 1200, "height": 720})
            site = sites["bundled"].resolve().as_uri() + "/index.html"
            page.goto(site + "#/node/marts.fct_investments/column/amount_usd")
            page.wait_for_selector("#column-lineage .graph .node")
            page.wait_for_timeout(300)
            page.screenshot(path=str(screenshots / "docs_column_lineage.png"))
            page.goto(site + "#/facts")
            page.wait_for_selector(".charts svg")
            page.screenshot(path=str(screenshots / "docs_facts.png"))
            print(f"screenshots in {screenshots}")
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=4, help="runs of `warehouse docs` per project")
    parser.add_argument("--screenshots", type=Path, default=None, metavar="DIR")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = ROOT / "benchmarks" / "engine_overhead.py"
        spec = importlib.util.spec_from_file_location("engine_overhead", path)
        overhead = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(overhead)
        big = tmp / "big"
        overhead.generate(big, 200, 1000)
        build(ROOT, tmp / "bundled.duckdb", "--documents", str(ROOT / "seeds" / "documents"))
        build(big, big / "warehouse.duckdb")
        sites = {"bundled": tmp / "site_bundled", "200 models": tmp / "site_200"}
        seconds = {"bundled": time_docs(ROOT, tmp / "bundled.duckdb", sites["bundled"], args.repeat),
                   "200 models": time_docs(big, big / "warehouse.duckdb", sites["200 models"], args.repeat)}
        rendered = render(sites, args.screenshots)
        for name in sites:
            size = (sites[name] / "data" / "site.js").stat().st_size / 1e6
            shown = f", lineage page drawn in {rendered[name]:.2f} s" if name in rendered else ""
            cold, warm = seconds[name]
            print(f"{name:11} warehouse docs {cold:.2f} s the first time, then {warm:.2f} s (median of "
                  f"{max(1, args.repeat - 1)}); site.js {size:.1f} MB{shown}")


if __name__ == "__main__":
    main()
