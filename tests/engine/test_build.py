"""Builds: materializations, parallel runs, run_results.json and --json events."""

from __future__ import annotations

import json


def test_build_creates_views_tables_and_seeds(cli):
    result = cli("build")
    assert result.exit_code == 0, result.output
    kinds = dict(cli.rows("select table_schema || '.' || table_name, table_type "
                          "from information_schema.tables"))
    assert kinds["staging.stg_firms"] == "VIEW"
    assert kinds["marts.fct_deals"] == "BASE TABLE"
    assert kinds["seeds.firms"] == "BASE TABLE"
    assert cli.rows("select sum(amount) from marts.fct_deals") == [(1200,)]
    # seeds are typed by DuckDB's CSV reader
    assert cli.rows("select data_type from information_schema.columns "
                    "where table_name = 'deals' and column_name = 'amount'") == [("BIGINT",)]


def test_threads_two_gives_the_same_result(cli, tmp_path):
    assert cli("build", "--threads", "1").exit_code == 0
    one = cli.rows("select * from marts.fct_deals order by deal_id")
    cli.db = tmp_path / "two.duckdb"
    result = cli("build", "--threads", "2")
    assert result.exit_code == 0, result.output
    assert cli.rows("select * from marts.fct_deals order by deal_id") == one


def test_materialization_override_view_to_table_and_back(cli, project):
    yml = project / "models/staging/_staging.yml"
    yml.write_text("models:\n  - name: stg_firms\n    config: {materialized: table}\n")
    assert cli("build").exit_code == 0
    assert cli.rows("select table_type from information_schema.tables where table_name = 'stg_firms'") \
        == [("BASE TABLE",)]
    yml.write_text("models:\n  - name: stg_firms\n    config: {materialized: view}\n")
    # a subset run starts from the last good file, where stg_firms is a table: it must become a view
    result = cli("run", "-s", "stg_firms")
    assert result.exit_code == 0, result.output
    assert cli.rows("select table_type from information_schema.tables where table_name = 'stg_firms'") \
        == [("VIEW",)]


def test_incremental_merges_on_unique_key_and_full_refresh_rebuilds(cli, project, write):
    write(project, {
        "seeds/events.csv": "id,value\n1,a\n2,b\n",
        "models/marts/inc_events.sql": "select id, value from seeds.events",
        "models/marts/_inc.yml": "models:\n  - name: inc_events\n    config: "
                                 "{materialized: incremental, unique_key: id}\n",
    })
    assert cli("build").exit_code == 0
    assert cli.rows("select * from marts.inc_events order by id") == [(1, "a"), (2, "b")]
    # row 2 changes, row 3 is new, row 1 leaves the source: incremental keeps 1, replaces 2, adds 3
    write(project, {"seeds/events.csv": "id,value\n2,B\n3,c\n"})
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select * from marts.inc_events order by id") == [(1, "a"), (2, "B"), (3, "c")]
    assert next(r for r in cli.run_results()["results"] if r["unique_id"] == "marts.inc_events")["rows"] == 2
    result = cli("build", "--full-refresh")
    assert result.exit_code == 0, result.output
    assert cli.rows("select * from marts.inc_events order by id") == [(2, "B"), (3, "c")]


def test_incremental_without_unique_key_appends(cli, project, write):
    write(project, {
        "models/marts/log.sql": "select 1 as n",
        "models/marts/_log.yml": "models:\n  - name: log\n    materialized: incremental\n",
    })
    assert cli("build").exit_code == 0
    # nothing changed: a plain build leaves it alone; a selected model runs whatever its state
    assert cli("build").exit_code == 0
    assert cli.rows("select count(*) from marts.log") == [(1,)]
    assert cli("build", "-s", "log").exit_code == 0
    assert cli.rows("select count(*) from marts.log") == [(2,)]


def test_run_results_json_has_status_timing_rows(cli):
    assert cli("build").exit_code == 0
    payload = cli.run_results()
    assert payload["command"] == "build" and payload["status"] == "success" and payload["published"]
    by_id = {r["unique_id"]: r for r in payload["results"]}
    assert by_id["marts.fct_deals"]["rows"] == 3
    assert by_id["marts.fct_deals"]["status"] == "success"
    assert by_id["marts.fct_deals"]["elapsed"] >= 0
    assert by_id["seeds.deals"]["rows"] == 3
    assert by_id["unique:marts.dim_firms.firm_id"]["status"] == "pass"
    assert by_id["unique:marts.dim_firms.firm_id"]["failures"] == 0
    kinds = {r["kind"] for r in payload["results"]}
    assert kinds == {"seed", "model", "test"}


def test_json_events_one_object_per_line(cli):
    result = cli("build", "--json")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0]["event"] == "start" and events[0]["total"] == 2 + 4 + 5  # seeds, models, tests
    assert events[-1]["event"] == "finish" and events[-1]["status"] == "success"
    ends = [e for e in events if e["event"] == "node_end"]
    assert {e["unique_id"] for e in ends} >= {"marts.fct_deals", "seeds.firms"}
    starts = {e["unique_id"] for e in events if e["event"] == "node_start"}
    assert starts == {e["unique_id"] for e in ends}


def test_json_error_event_for_project_errors(cli, project):
    (project / "models/marts/bad.sql").write_text("select * from marts.missing")
    result = cli("build", "--json")
    assert result.exit_code == 2
    event = json.loads(result.stdout.splitlines()[-1])
    assert event["event"] == "error" and event["file"] == "models/marts/bad.sql" and event["line"] == 1


def test_plain_output_when_not_a_terminal(cli):
    result = cli("build")
    assert "OK    model  marts.fct_deals" in result.stdout
    assert "SUCCESS: build" in result.stdout


def test_failing_model_skips_its_children_and_exits_1(cli, project):
    (project / "models/marts/dim_firms.sql").write_text(
        "select firm_id, no_such_column from staging.stg_firms")
    result = cli("build")
    assert result.exit_code == 1
    by_id = {r["unique_id"]: r for r in cli.run_results()["results"]}
    assert by_id["marts.dim_firms"]["status"] == "error"
    assert "no_such_column" in by_id["marts.dim_firms"]["message"]
    assert by_id["marts.fct_deals"]["status"] == "skipped"
    assert by_id["staging.stg_deals"]["status"] == "success"
    # tests of what failed are skipped; nothing else is published either
    assert by_id["unique:marts.dim_firms.firm_id"]["status"] == "skipped"
    assert by_id["unique:marts.fct_deals.deal_id"]["status"] == "skipped"
    assert "Traceback" not in result.output


def test_tests_of_models_that_built_still_run_when_another_fails(cli, project, write):
    write(project, {"models/marts/broken.sql": "select error('broken on purpose') as x"})
    result = cli("build")
    assert result.exit_code == 1
    by_id = {r["unique_id"]: r for r in cli.run_results()["results"]}
    assert by_id["marts.broken"]["status"] == "error"
    assert by_id["unique:marts.fct_deals.deal_id"]["status"] == "pass"
    assert not cli.run_results()["published"]


def test_project_dir_elsewhere_and_default_db_in_cwd(project, monkeypatch, tmp_path):
    from typer.testing import CliRunner
    from warehouse.cli import app

    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    result = CliRunner().invoke(app, ["build", "--project-dir", str(project)])
    assert result.exit_code == 0, result.output
    assert (work / "warehouse.duckdb").exists()


def test_parents_finish_before_children_start_with_two_threads(cli):
    result = cli("build", "--json", "--threads", "2")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    position = {(e["event"], e.get("unique_id")): i for i, e in enumerate(events)}
    parents = {"marts.fct_deals": ["marts.dim_firms", "staging.stg_deals"],
               "marts.dim_firms": ["staging.stg_firms"]}
    for child, ups in parents.items():
        for parent in ups:
            assert position[("node_end", parent)] < position[("node_start", child)]
    # tests run after every model
    last_model = max(position[("node_end", m)] for m in parents)
    first_test = min(i for i, e in enumerate(events) if e.get("kind") == "test")
    assert last_model < first_test


def test_rich_progress_on_a_terminal(project, tmp_path):
    import io

    from warehouse import api
    from warehouse.results import RichReporter

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    reporter = RichReporter(out)
    result = api.build(project, tmp_path / "w.duckdb", reporter=reporter)
    assert result.exit_code == 0
    text = out.getvalue()
    assert "\x1b[" in text                       # styled for a terminal
    assert "marts.fct_deals" in text and "SUCCESS: build" in text
