"""State-aware builds: a plain build rebuilds only what changed, through the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import time

import duckdb
import pytest

from .processes import build_files as _build_files
from .processes import kill_build_midway


def _built(cli) -> dict[str, set[str]]:
    """The nodes the last run built, by kind."""
    out: dict[str, set[str]] = {}
    for r in cli.run_results()["results"]:
        out.setdefault(r["kind"], set()).add(r["unique_id"])
    return out


def _identity(path) -> tuple:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


def test_nothing_changed_publishes_nothing_and_says_so(cli, sha256):
    assert cli("build").exit_code == 0
    before, digest = _identity(cli.db), sha256(cli.db)
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert "nothing changed since the last build" in result.stdout
    assert "nothing published" in result.stdout
    assert _identity(cli.db) == before and sha256(cli.db) == digest
    payload = cli.run_results()
    assert payload["published"] is False and payload["up_to_date"] is True and payload["results"] == []
    assert payload["counts"] == {"unchanged": 2 + 4 + 5}           # seeds, models, tests
    assert _build_files(cli.db) == []


def test_the_state_is_stored_in_the_warehouse_file(cli):
    assert cli("build").exit_code == 0
    rows = dict(cli.rows("select unique_id, kind from _warehouse.nodes"))
    assert rows["seeds.deals"] == "seed" and rows["marts.fct_deals"] == "model"
    assert rows["test:unique:marts.fct_deals.deal_id"] == "test"
    ((count, built),) = cli.rows("select rows, built_at from _warehouse.nodes "
                                 "where unique_id = 'marts.fct_deals'")
    assert count == 3 and built is not None


def test_editing_one_model_rebuilds_it_and_its_children_only(cli, project):
    assert cli("build").exit_code == 0
    (project / "models/marts/dim_firms.sql").write_text(
        "select firm_id, upper(firm_name) as firm_name, country_code from staging.stg_firms\n")
    result = cli("build")
    assert result.exit_code == 0, result.output
    built = _built(cli)
    assert built["model"] == {"marts.dim_firms", "marts.fct_deals"}
    assert "seed" not in built
    # the tests of what was rebuilt run, the others do not
    assert built["test"] == {"not_null:marts.dim_firms.firm_id", "unique:marts.dim_firms.firm_id",
                             "unique:marts.fct_deals.deal_id", "relationships:marts.fct_deals.firm_id->"
                             "marts.dim_firms.firm_id", "expression:marts.fct_deals.amount[amount > 0]"}
    assert cli.rows("select firm_name from marts.dim_firms order by 1") == [("ALEPH ALPHA",), ("MISTRAL AI",)]
    assert cli("build").stdout.count("nothing changed") == 1


def test_editing_a_leaf_model_rebuilds_it_and_the_tests_that_read_it(cli, project):
    assert cli("build").exit_code == 0
    (project / "models/marts/fct_deals.sql").write_text(
        "select d.deal_id, d.firm_id, d.amount * 2 as amount, f.country_code\n"
        "from staging.stg_deals d join marts.dim_firms f using (firm_id)\n")
    assert cli("build").exit_code == 0
    built = _built(cli)
    assert built["model"] == {"marts.fct_deals"}
    assert all("fct_deals" in t for t in built["test"]) and len(built["test"]) == 3
    assert cli.rows("select sum(amount) from marts.fct_deals") == [(2400,)]


def test_editing_a_seed_reloads_it_and_rebuilds_what_reads_it(cli, project):
    assert cli("build").exit_code == 0
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,7\n")
    assert cli("build").exit_code == 0
    built = _built(cli)
    assert built["seed"] == {"seeds.deals"}
    assert built["model"] == {"staging.stg_deals", "marts.fct_deals"}
    assert cli.rows("select sum(amount) from marts.fct_deals") == [(7,)]


def test_touching_a_seed_without_changing_it_rebuilds_nothing(cli, project):
    assert cli("build").exit_code == 0
    seed = project / "seeds/deals.csv"
    seed.write_bytes(seed.read_bytes())
    os.utime(seed, (time.time() + 5, time.time() + 5))
    assert "nothing changed" in cli("build").stdout


def test_a_deleted_model_disappears_with_its_table(cli, project):
    (project / "models/marts/extra.sql").write_text("select 1 as x\n")
    assert cli("build").exit_code == 0
    assert cli.rows("select * from marts.extra") == [(1,)]
    (project / "models/marts/extra.sql").unlink()
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select count(*) from information_schema.tables where table_name = 'extra'") == [(0,)]
    assert cli.rows("select count(*) from _warehouse.nodes where unique_id = 'marts.extra'") == [(0,)]
    assert "model" not in _built(cli)


def test_a_deleted_schema_goes_with_its_last_model(cli, project):
    (project / "models/scratch/tmp.sql").parent.mkdir()
    (project / "models/scratch/tmp.sql").write_text("select 1 as x\n")
    assert cli("build").exit_code == 0
    shutil.rmtree(project / "models/scratch")
    assert cli("build").exit_code == 0
    schemas = cli.rows("select schema_name from information_schema.schemata")
    assert ("scratch",) not in schemas and ("marts",) in schemas


def test_dry_run_lists_what_and_why_and_changes_nothing(cli, project, sha256):
    assert cli("build").exit_code == 0
    before, digest = _identity(cli.db), sha256(cli.db)
    results = (project / "target/run_results.json").read_text()
    (project / "seeds/firms.csv").write_text("firm_id,firm_name,country_code\nmistral,Mistral AI,FR\n"
                                             "aleph,Aleph Alpha,DE\nhelsing,Helsing,DE\n")
    (project / "models/marts/new_one.sql").write_text("select 1 as x\n")
    result = cli("build", "--dry-run")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "seeds.firms: file changed (seeds/firms.csv)" in out
    assert "staging.stg_firms: reads seeds.firms, which is rebuilt" in out
    assert "marts.new_one: new" in out
    assert "marts.fct_deals: reads marts.dim_firms, which is rebuilt" in out
    assert "staging.stg_deals" not in out                      # unchanged
    assert "dry run: nothing built" in out
    assert _identity(cli.db) == before and sha256(cli.db) == digest
    assert (project / "target/run_results.json").read_text() == results
    # --json: one event per node, with its reason
    events = [json.loads(line) for line in cli("build", "--dry-run", "--json").stdout.splitlines()]
    reasons = {e["unique_id"]: e["reason"] for e in events if "unique_id" in e}
    assert reasons["marts.dim_firms"] == "reads staging.stg_firms, which is rebuilt"
    assert _identity(cli.db) == before


def test_dry_run_says_when_nothing_would_change(cli):
    assert cli("build").exit_code == 0
    result = cli("run", "--dry-run")
    assert result.exit_code == 0 and "would do nothing" in result.stdout


def test_sql_and_config_changes_are_named(cli, project, write):
    assert cli("build").exit_code == 0
    (project / "models/staging/stg_deals.sql").write_text(
        "select deal_id, firm_id, amount from seeds.deals\n")
    write(project, {"models/staging/_staging.yml": "models:\n  - name: stg_firms\n"
                                                  "    config: {materialized: table}\n"})
    out = cli("build", "--dry-run").stdout
    assert "staging.stg_deals: SQL changed" in out
    assert "staging.stg_firms: config changed" in out


def test_a_changed_test_runs_alone(cli, project):
    assert cli("build").exit_code == 0
    yml = project / "models/marts/_marts.yml"
    yml.write_text(yml.read_text().replace('"amount > 0"', '"amount >= 0"'))
    result = cli("build")
    assert result.exit_code == 0, result.output
    built = _built(cli)
    assert "model" not in built and built["test"] == {"expression:marts.fct_deals.amount[amount >= 0]"}


def test_state_modified_selects_changed_models_and_plus_their_children(cli, project):
    assert cli("build").exit_code == 0

    def names(*selectors):
        result = cli("ls", "--output", "json", *selectors, "--db", str(cli.db))
        assert result.exit_code == 0, result.output
        return {m["name"] for m in json.loads(result.stdout)}

    assert names("-s", "state:modified") == set()
    (project / "models/staging/stg_firms.sql").write_text("select * from seeds.firms\n")
    assert names("-s", "state:modified") == {"staging.stg_firms"}
    assert names("-s", "state:modified+") == {"staging.stg_firms", "marts.dim_firms", "marts.fct_deals"}
    # a changed seed marks the models that read it
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,7\n")
    assert names("-s", "state:modified") == {"staging.stg_firms", "staging.stg_deals"}
    # and a build with it rebuilds exactly those
    result = cli("build", "-s", "state:modified")
    assert result.exit_code == 0, result.output
    assert _built(cli)["model"] == {"staging.stg_firms", "staging.stg_deals"}
    # their children were not selected: the next plain build catches up with them
    assert names("-s", "state:modified") == set()
    assert cli("build").exit_code == 0
    assert _built(cli)["model"] == {"marts.dim_firms", "marts.fct_deals"}
    assert cli.rows("select sum(amount) from marts.fct_deals") == [(7,)]


def test_state_selector_matching_nothing_is_no_error(cli):
    assert cli("build").exit_code == 0
    result = cli("build", "-s", "state:modified+")
    assert result.exit_code == 0 and "nothing changed" in result.stdout


def test_full_refresh_rebuilds_everything(cli):
    assert cli("build").exit_code == 0
    assert cli("build", "--full-refresh").exit_code == 0
    built = _built(cli)
    assert len(built["seed"]) == 2 and len(built["model"]) == 4 and len(built["test"]) == 5


def test_run_rebuilds_changed_models_only(cli, project):
    assert cli("build").exit_code == 0
    (project / "models/marts/dim_firms.sql").write_text(
        "select firm_id, lower(firm_name) as firm_name, country_code from staging.stg_firms\n")
    assert cli("run").exit_code == 0
    assert _built(cli) == {"model": {"marts.dim_firms", "marts.fct_deals"}}
    assert "nothing changed" in cli("run").stdout
    # run loads no seed: a changed seed is left to the next build, with what reads it
    (project / "seeds/deals.csv").write_text("deal_id,firm_id,amount\n1,mistral,7\n")
    assert "nothing changed" in cli("run").stdout
    assert cli("build").exit_code == 0
    assert _built(cli)["model"] == {"staging.stg_deals", "marts.fct_deals"}


def test_a_copied_warehouse_carries_its_state(cli, tmp_path):
    assert cli("build").exit_code == 0
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(cli.db, copy)
    cli.db = copy
    assert "nothing changed" in cli("build").stdout


def test_a_table_dropped_behind_the_engines_back_is_rebuilt(cli):
    assert cli("build").exit_code == 0
    con = duckdb.connect(str(cli.db))
    con.execute("drop table marts.fct_deals")
    con.close()
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert _built(cli)["model"] == {"marts.fct_deals"}
    assert cli.rows("select count(*) from marts.fct_deals") == [(3,)]


def test_a_model_reading_files_is_rebuilt_every_time(cli, project, tmp_path):
    data = tmp_path / "data.csv"
    data.write_text("x\n1\n")
    (project / "models/marts/from_file.sql").write_text(f"select * from read_csv('{data}')\n")
    assert cli("build").exit_code == 0
    data.write_text("x\n1\n2\n")
    assert cli("build").exit_code == 0
    assert _built(cli)["model"] == {"marts.from_file"}
    assert cli.rows("select count(*) from marts.from_file") == [(2,)]


LOADER = '''
from warehouse.loaders import LoadResult

PROVIDES = ("raw.notes",)
INPUTS = ("documents",)


def load(con, ctx):
    con.execute("create schema if not exists raw")
    con.execute("create or replace table raw.notes (file_name varchar, text varchar)")
    for path in sorted(ctx.documents_dir.glob("*.txt")):
        con.execute("insert into raw.notes values (?, ?)", [path.name, path.read_text()])
    n = con.execute("select count(*) from raw.notes").fetchall()[0][0]
    return LoadResult(rows={"raw.notes": n})
'''


@pytest.fixture
def loader_cli(cli, write, tmp_path):
    import uuid

    name = f"notes_loader_{uuid.uuid4().hex[:8]}"
    root = write(tmp_path / "lp", {
        "warehouse.yml": f"name: lp\ndocuments: docs\nloaders:\n  - {name}\n",
        f"{name}.py": LOADER,
        "docs/a.txt": "alpha",
        "models/staging/stg_notes.sql": "select file_name, length(text) as n from raw.notes",
        "models/marts/other.sql": "select 1 as x",
    })
    cli.root, cli.db = root, root / "warehouse.duckdb"
    cli.loader = name
    return cli


def test_a_loader_whose_inputs_are_unchanged_does_not_run(loader_cli):
    cli = loader_cli
    assert cli("build").exit_code == 0
    assert "nothing changed" in cli("build").stdout
    (cli.root / "docs/b.txt").write_text("beta")
    out = cli("build", "--dry-run").stdout
    assert f"{cli.loader}: documents changed (1 -> 2 files)" in out
    assert cli("build").exit_code == 0
    assert _built(cli) == {"loader": {cli.loader}, "model": {"staging.stg_notes"}}
    assert cli.rows("select * from staging.stg_notes order by 1") == [("a.txt", 5), ("b.txt", 4)]
    # same size, other content
    (cli.root / "docs/b.txt").write_text("BETA")
    assert cli("build").exit_code == 0
    assert _built(cli)["loader"] == {cli.loader}
    # its code changed
    module = cli.root / f"{cli.loader}.py"
    module.write_text(module.read_text() + "\n# a comment\n")
    assert "its code changed" in cli("build", "--dry-run").stdout


def test_a_killed_incremental_build_leaves_the_last_good_file(cli, project, sha256):
    assert cli("build").exit_code == 0
    (project / "models/marts/dim_firms.sql").write_text(
        "select firm_id, upper(firm_name) as firm_name, country_code from staging.stg_firms\n")
    assert cli("build").exit_code == 0
    before, state = sha256(cli.db), cli.rows("select * from _warehouse.nodes order by all")
    kill_build_midway(project, cli.db)
    assert sha256(cli.db) == before
    assert cli.rows("select * from _warehouse.nodes order by all") == state
    assert cli.rows("select firm_name from marts.dim_firms order by 1") == [("ALEPH ALPHA",), ("MISTRAL AI",)]
    # the next build, with nothing else changed, cleans up the leftovers
    (project / "models/marts/slow.sql").unlink()
    result = cli("build")
    assert result.exit_code == 0 and "nothing changed" in result.stdout
    assert _build_files(cli.db) == []


def test_a_failed_incremental_build_keeps_the_state_for_the_next_one(cli, project):
    assert cli("build").exit_code == 0
    (project / "models/marts/dim_firms.sql").write_text("select firm_id, nope from staging.stg_firms\n")
    assert cli("build").exit_code == 1
    (project / "models/marts/dim_firms.sql").write_text(
        "select firm_id, firm_name || '!' as firm_name, country_code from staging.stg_firms\n")
    assert cli("build").exit_code == 0
    assert _built(cli)["model"] == {"marts.dim_firms", "marts.fct_deals"}


@pytest.mark.parametrize("argv, expected", [
    (["build"], ("build", {})),
    (["build", "--db", "x.duckdb", "-s", "a+", "--select=b", "--threads", "2", "--json"],
     ("build", {"db": "x.duckdb", "select": ["a+", "b"], "threads": 2, "json_events": True})),
    (["run", "--dry-run", "--full-refresh", "--exclude", "c"],
     ("run", {"dry_run": True, "full_refresh": True, "exclude": ["c"]})),
    (["build", "--help"], None),
    (["build", "--threads", "0"], None),
    (["build", "--threads", "two"], None),
    (["build", "--db"], None),
    (["run", "--documents", "docs"], None),
    (["build", "--json=1"], None),
    (["test"], None),
    (["build", "extra"], None),
])
def test_fast_path_reads_plain_build_and_run_arguments(argv, expected):
    from pathlib import Path

    from warehouse.cli import fast_arguments

    got = fast_arguments(argv)
    if expected is None:
        assert got is None
        return
    command, kwargs = expected
    if "db" in kwargs:
        kwargs["db"] = Path(kwargs["db"])
    assert got == (command, kwargs)


def test_fast_path_builds_like_typer(project, tmp_path):
    import subprocess
    import sys

    db = tmp_path / "fast.duckdb"
    args = ["build", "--project-dir", str(project), "--db", str(db), "-s", "+fct_deals"]
    done = subprocess.run([sys.executable, "-m", "warehouse.cli", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "SUCCESS: build" in done.stdout
    again = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir", str(project),
                            "--db", str(db)], capture_output=True, text=True)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    bad = subprocess.run([sys.executable, "-m", "warehouse.cli", "build", "--project-dir", str(project),
                          "--db", str(db), "-s", "no_such_model"], capture_output=True, text=True)
    assert bad.returncode == 2 and "matches no model" in bad.stderr


def test_nothing_changed_on_a_terminal(project, tmp_path):
    import io

    from warehouse import api
    from warehouse.results import RichReporter

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert api.build(project, tmp_path / "w.duckdb", reporter=RichReporter(Terminal())).exit_code == 0
    out = Terminal()
    result = api.build(project, tmp_path / "w.duckdb", reporter=RichReporter(out))
    assert result.exit_code == 0 and result.up_to_date and not result.published
    assert "nothing changed since the last build" in out.getvalue() and "SUCCESS: build" in out.getvalue()
