"""The documentation site in a real browser: headless Chromium from the system's packages
(Debian's `chromium`), driven by Playwright, on the sites `warehouse docs` writes for the
bundled project and for the 200-model project of benchmarks/engine_overhead.py.

Page types checked: the overview, the search box, a model page (columns, types, tests, its
neighbourhood graph, SQL), a column's lineage on a mart's page, the project lineage graph (every
relation, and collapsed by folder with a folder opened), the facts overview (charts, largest
deals) and a document page (the text with the fact's evidence highlighted); each without a
console error, offline (every request stays in the site's folder). Screenshots go to
target/docs_screenshots/.

Without a browser the tests skip, saying why; CI sets WAREHOUSE_REQUIRE_BROWSER=1 (.ci/run),
under which a missing browser fails instead.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from .conftest import ROOT

SCREENSHOTS = ROOT / "target" / "docs_screenshots"
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def _browser_path(candidates=CANDIDATES) -> tuple[str | None, str]:
    """The system browser to drive, or None and why not."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None, "the Python package playwright is not installed (pip install -e '.[test]')"
    configured = os.environ.get("WAREHOUSE_BROWSER")
    for path in ([configured] if configured else []) + list(candidates) + [shutil.which("chromium") or ""]:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path, ""
    return None, "no Chromium found (install Debian's package: apt-get install chromium)"


@pytest.fixture(scope="module")
def browser():
    path, why = _browser_path()
    if path is None:
        if os.environ.get("WAREHOUSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"WAREHOUSE_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # never `playwright install`: the system's Chromium, nothing downloaded
        instance = p.chromium.launch(executable_path=path)
        yield instance
        instance.close()


class Page:
    """A browser tab that records console errors, failed loads and requests leaving the site."""

    def __init__(self, browser, site: Path):
        self.site = site.resolve()
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        self.page.on("request", self._request)

    def _request(self, request):
        if not (request.url.startswith(self.site.as_uri() + "/") or request.url.startswith("data:")):
            self.outside.append(request.url)

    def open(self, route: str = "#/"):
        self.page.goto(self.site.as_uri() + "/index.html" + route)
        self.page.wait_for_selector("main[data-page]")

    def go(self, route: str):
        self.page.evaluate("route => { location.hash = route }", route)
        self.page.wait_for_function("route => location.hash === route", arg=route)

    def shot(self, name: str):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))

    def check_clean(self):
        assert self.errors == [], self.errors
        assert self.outside == [], f"requests outside the site: {self.outside}"

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, sample_site):
    page = Page(browser, sample_site.out)
    yield page
    page.close()


def _label_overlaps(page) -> list:
    """Pairs of graph labels whose boxes on screen intersect."""
    return page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('.graph .node text')].map(t => {
            const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.top, r.right, r.bottom]; });
        const out = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a[1] < b[3] && b[1] < a[3] && a[2] < b[4] && b[2] < a[4]) out.push([a[0], b[0]]);
        }
        return out; }""")


def test_search_finds_a_model_and_opens_its_page(tab, sample_site):
    tab.open()
    assert tab.page.inner_text("main h1") == "sovereign_ai"
    tab.shot("overview")
    tab.page.fill("#search", "fct_invest")
    tab.page.wait_for_selector("#search-results a")
    assert tab.page.inner_text("#search-results li:first-child a") == "marts.fct_investments"
    tab.page.fill("#search", "usd_per_unit")        # a column name finds its relations
    tab.page.wait_for_selector("#search-results a")
    assert "seeds.fx_rates" in tab.page.inner_text("#search-results")
    tab.page.fill("#search", "fct_invest")
    tab.page.wait_for_selector("#search-results a")
    tab.shot("search")
    tab.page.press("#search", "Enter")
    tab.page.wait_for_function("location.hash === '#/node/marts.fct_investments'")
    # the page renders after the hash changes: wait for it rather than read the overview's title
    tab.page.wait_for_function("document.querySelector('main h1').innerText === 'marts.fct_investments'")
    assert tab.page.inner_text("main h1") == "marts.fct_investments"
    row = tab.page.locator("#column-amount_usd")
    assert row.locator("td").nth(1).inner_text() == "DOUBLE"
    assert "pass" in row.inner_text()
    assert tab.page.locator("table.tests tr.test-row").count() == len(
        sample_site.data()["nodes"]["marts.fct_investments"]["tests"])
    # its neighbourhood graph: the model itself, its parents and children
    current = tab.page.locator(".graph[data-graph=neighbourhood] .node.current")
    assert current.get_attribute("data-id") == "marts.fct_investments"
    parent = ".graph[data-graph=neighbourhood] .node[data-id='intermediate.int_facts']"
    assert tab.page.locator(parent).count() == 1
    assert "with facts as" in tab.page.inner_text("pre.sql")
    tab.shot("model")
    tab.check_clean()


def test_the_lineage_graph_has_one_node_per_model_and_no_overlapping_labels(tab, sample_site):
    models = {n for n, v in sample_site.data()["nodes"].items() if v["kind"] == "model"}
    assert len(models) >= 40
    tab.open("#/lineage?view=all")
    tab.page.wait_for_selector(".graph[data-graph=project] .node")
    ids = tab.page.eval_on_selector_all(".graph[data-graph=project] .node[data-kind=model]",
                                        "nodes => nodes.map(n => n.dataset.id)")
    assert sorted(ids) == sorted(models)
    assert _label_overlaps(tab.page) == []
    tab.shot("lineage")
    before = tab.page.get_attribute(".graph[data-graph=project] .viewport", "transform")
    tab.page.click(".graph[data-graph=project] .graph-tools button[title='Zoom in']")
    assert tab.page.get_attribute(".graph[data-graph=project] .viewport", "transform") != before
    # the whole graph at once, then a node is a link to its page
    tab.page.click(".graph[data-graph=project] .graph-tools button[title='The whole graph']")
    tab.page.click(".graph[data-graph=project] .node[data-id='marts.fct_deals']")
    tab.page.wait_for_function("location.hash === '#/node/marts.fct_deals'")
    tab.go("#/lineage?view=folders")
    tab.page.wait_for_selector(".graph[data-graph=project] .node[data-kind=folder]")
    assert tab.page.locator(".graph[data-graph=project] .node[data-kind=model]").count() == 0
    tab.check_clean()


def test_column_lineage_of_amount_usd_reaches_its_raw_and_seed_tables(tab):
    tab.open("#/node/marts.fct_investments")
    tab.page.click("#column-amount_usd a.column-lineage-link")
    tab.page.wait_for_selector("#column-lineage .graph .node")
    leaves = set(tab.page.eval_on_selector_all(
        "#column-lineage ul.leaves li",
        "items => items.map(i => i.dataset.relation + '.' + i.dataset.column)"))
    assert {"raw.candidate_amounts.amount", "seeds.fx_rates.usd_per_unit",
            "seeds.fx_fixed_rates.usd_per_unit"} <= leaves
    assert all(leaf.startswith(("raw.", "seeds.")) for leaf in leaves)
    boxes = set(tab.page.eval_on_selector_all("#column-lineage .graph .node",
                                              "ns => ns.map(n => n.dataset.id)"))
    assert {"raw.candidate_amounts", "seeds.fx_rates", "staging.stg_fx_rates", "intermediate.int_money_usd",
            "marts.fct_investments"} <= boxes
    kinds = tab.page.eval_on_selector_all("#column-lineage .graph .node", "ns => ns.map(n => n.dataset.kind)")
    assert {"loader", "seed", "model"} <= set(kinds)
    assert _label_overlaps(tab.page) == []
    tab.shot("column_lineage")
    tab.check_clean()


def test_facts_overview_links_a_deal_to_its_highlighted_evidence(tab, sample_site):
    facts = sample_site.data()["facts"]
    tab.open("#/facts")
    assert tab.page.locator(".charts svg").count() == 3
    assert tab.page.locator("table.deals tr.deal").count() == len(facts["deals"])
    tab.shot("facts")
    first = facts["deals"][0]
    tab.page.click(f"table.deals tr.deal[data-deal='{first['deal_id']}'] a.document-link")
    tab.page.wait_for_selector(".document-text mark.hl-evidence")
    marked = "".join(tab.page.eval_on_selector_all(".document-text mark.hl-evidence",
                                                  "ms => ms.map(m => m.textContent)"))
    assert marked == first["evidence"]
    assert tab.page.locator(".document-text .hl-amount").count() >= 1
    assert tab.page.locator(".doc-facts li.selected").count() == 1
    tab.shot("document")
    tab.check_clean()


def test_the_200_model_site_renders_quickly_and_collapses_by_folder(browser, big_site):
    tab = Page(browser, big_site.out)
    try:
        started = time.perf_counter()
        tab.open("#/lineage")
        tab.page.wait_for_selector(".graph[data-graph=project] .node")
        seconds = time.perf_counter() - started
        # a big project opens collapsed by folder; a folder opens in place
        assert tab.page.locator(".graph[data-graph=project] .node[data-kind=folder]").count() == 3
        tab.page.click(".graph[data-graph=project] .node[data-id='folder:models/intermediate']")
        tab.page.wait_for_selector(".graph[data-graph=project] .node[data-kind=model]")
        assert tab.page.locator(".graph[data-graph=project] .node[data-kind=model]").count() == 120
        tab.shot("lineage_200_folder")
        started_all = time.perf_counter()
        tab.go("#/lineage?view=all")
        tab.page.wait_for_function(
            "document.querySelectorAll('.graph[data-graph=project] .node[data-kind=model]').length === 200")
        seconds_all = time.perf_counter() - started_all
        assert _label_overlaps(tab.page) == []
        tab.shot("lineage_200_all")
        tab.go("#/node/marts.m_170")
        tab.page.wait_for_selector(".graph[data-graph=neighbourhood] .node.current")
        tab.check_clean()
    finally:
        tab.close()
    print(f"\n200-model site: opened on its lineage page in {seconds:.2f} s, every relation drawn in "
          f"{seconds_all:.2f} s; `warehouse docs` took {big_site.seconds:.2f} s")


def test_without_a_browser_the_skip_says_why(monkeypatch, tmp_path):
    monkeypatch.delenv("WAREHOUSE_BROWSER", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path, why = _browser_path(candidates=(str(tmp_path / "no-chromium"),))
    assert path is None and ("apt-get install chromium" in why or "playwright" in why)
    monkeypatch.setenv("WAREHOUSE_BROWSER", "/bin/sh")     # any executable the user points at
    assert _browser_path(candidates=())[0] == "/bin/sh"
