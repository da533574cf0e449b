"""Fixtures for engine tests: small projects written into tmp_path, the real CLI over them."""

from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner
from warehouse.cli import app

# a small layered project: seeds -> staging views -> marts tables, with tests in YAML
BASIC = {
    "seeds/firms.csv": "firm_id,firm_name,country_code\nmistral,Mistral AI,FR\naleph,Aleph Alpha,DE\n",
    "seeds/deals.csv": "deal_id,firm_id,amount\n1,mistral,600\n2,aleph,500\n3,mistral,100\n",
    "models/staging/stg_firms.sql": "with source as (select * from seeds.firms)\nselect * from source\n",
    "models/staging/stg_deals.sql": "select deal_id, firm_id, amount from seeds.deals;\n",
    "models/marts/dim_firms.sql": "select firm_id, firm_name, country_code from staging.stg_firms\n",
    "models/marts/fct_deals.sql": (
        "with deals as (select * from staging.stg_deals),\n"
        "firms as (select * from marts.dim_firms)\n"
        "select d.deal_id, d.firm_id, d.amount, f.country_code\n"
        "from deals d join firms f using (firm_id)\n"
    ),
    "models/marts/_marts.yml": """
        models:
          - name: dim_firms
            description: One row per firm.
            columns:
              - name: firm_id
                description: slug
                data_tests: [not_null, unique]
          - name: fct_deals
            config: {tags: [finance]}
            columns:
              - name: deal_id
                data_tests: [unique]
              - name: firm_id
                data_tests:
                  - relationships: {to: dim_firms, field: firm_id}
              - name: amount
                data_tests:
                  - expression: "amount > 0"
    """,
}


def write_project(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path):
    """A copy of BASIC in tmp_path/proj; returns its path."""
    return write_project(tmp_path / "proj", BASIC)


class Cli:
    def __init__(self, root: Path):
        self.root = root
        self.db = root / "warehouse.duckdb"
        self.runner = CliRunner()

    def __call__(self, *args: str, db: bool = True, project: bool = True):
        argv = list(args)
        if project and argv[0] not in ("query",):
            argv += ["--project-dir", str(self.root)]
        if db and argv[0] not in ("ls",):
            argv += ["--db", str(self.db)]
        return self.runner.invoke(app, argv)

    def rows(self, sql: str):
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    def run_results(self) -> dict:
        """target/run_results.json (dbt's schema) read back as this engine's summary and node ids:
        {"command", "published", ..., "results": [{"unique_id": "marts.x", "kind": "model", ...}]}."""
        data = json.loads((self.root / "target" / "run_results.json").read_text())
        kinds = {"model": "model", "seed": "seed", "source": "source", "test": "test", "operation": "loader"}
        results = []
        for r in data["results"]:
            resource_type, _, rest = r["unique_id"].partition(".")
            results.append({"unique_id": rest.partition(".")[2], "kind": kinds[resource_type],
                            "status": r["status"], "elapsed": r["execution_time"], "failures": r["failures"],
                            "rows": r["adapter_response"].get("rows_affected"), "message": r["message"]})
        return {**data["args"]["warehouse"], "results": results}


@pytest.fixture
def cli(project):
    return Cli(project)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def write():
    """write(root, {relative path: text}) -> root."""
    return write_project


@pytest.fixture
def sha256():
    return _sha256
