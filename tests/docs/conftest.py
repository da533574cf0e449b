"""Fixtures for the documentation site: the bundled project built from its sample articles and
the 200-model generated project of benchmarks/engine_overhead.py, each with its site written by
the real CLI (`warehouse docs`)."""

from __future__ import annotations

import importlib.util
import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warehouse import api
from warehouse.cli import app

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class BuiltSite:
    project: Path
    db: Path
    out: Path
    seconds: float                  # `warehouse docs`, in process (CliRunner)

    def data(self) -> dict:
        text = (self.out / "data" / "site.js").read_text(encoding="utf-8")
        return json.loads(text.split("=", 1)[1].strip().rstrip(";"))

    def document(self, document_id: str) -> dict:
        text = (self.out / "data" / "documents" / f"{document_id}.js").read_text(encoding="utf-8")
        return json.loads(text.split("=", 1)[1].strip().rstrip(";"))


def write_site(project: Path, db: Path, out: Path) -> BuiltSite:
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["docs", "--project-dir", str(project), "--db", str(db),
                                      "--out", str(out)])
    seconds = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    return BuiltSite(project, db, out, seconds)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuiltSite:
    """The bundled project and its sample articles: build, then `warehouse docs` right after (it
    reads the build's target/run_results.json)."""
    tmp = tmp_path_factory.mktemp("docs_sample")
    db = tmp / "warehouse.duckdb"
    result = api.build(project_dir=ROOT, db=db, documents=ROOT / "seeds" / "documents", threads=2)
    assert result.exit_code == 0, [(r.unique_id, r.message) for r in result.results if r.failed]
    return write_site(ROOT, db, tmp / "site")


def _benchmark_module():
    path = ROOT / "benchmarks" / "engine_overhead.py"
    spec = importlib.util.spec_from_file_location("engine_overhead", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def big_site(tmp_path_factory) -> BuiltSite:
    """The 200 layered models of benchmarks/engine_overhead.py over a few rows."""
    root = tmp_path_factory.mktemp("docs_200")
    _benchmark_module().generate(root, 200, 200)
    db = root / "warehouse.duckdb"
    result = api.build(project_dir=root, db=db, threads=2)
    assert result.exit_code == 0, [(r.unique_id, r.message) for r in result.results if r.failed]
    return write_site(root, db, root / "site")
