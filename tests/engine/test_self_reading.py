"""Incremental models that read their own previous rows (dbt's `is_incremental()` pattern)."""

from __future__ import annotations

import json

EVENTS_SQL = """\
select e.id, e.loaded_at, (select count(*) from marts.events) as rows_before
from seeds.events e
where e.loaded_at > (select coalesce(max(loaded_at), '-infinity'::timestamp) from marts.events)
"""
YML = "models:\n  - name: events\n    config: {materialized: incremental, unique_key: id}\n"


def _project(write, root):
    # beside the basic project's models
    return write(root, {
        "seeds/events.csv": "id,loaded_at\n1,2024-01-01 00:00:00\n2,2024-01-02 00:00:00\n",
        "models/marts/events.sql": EVENTS_SQL,
        "models/marts/_events.yml": YML,
        "models/marts/daily.sql": "select loaded_at::date as day, count(*) as n from marts.events "
                                  "group by all",
    })


def test_first_build_reads_an_empty_self_then_later_builds_read_the_previous_rows(cli, project, write):
    _project(write, project)
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select id, rows_before from marts.events order by id") == [(1, 0), (2, 0)]
    # new rows since the last load only: id 3; id 1 loaded earlier than the newest row is not taken
    with (cli.root / "seeds/events.csv").open("a") as fh:
        fh.write("3,2024-01-03 00:00:00\n1,2023-12-01 00:00:00\n")
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select id, rows_before from marts.events order by id") == [(1, 0), (2, 0), (3, 2)]
    assert cli.rows("select sum(n) from marts.daily") == [(3,)]       # its readers see every row
    # --full-refresh: the self-reference reads an empty relation again, every row is taken
    assert cli("build", "--full-refresh").exit_code == 0
    assert cli.rows("select count(*), max(rows_before) from marts.events") == [(4, 0)]


def test_the_self_reference_is_no_parent_and_no_cycle(cli, project, write):
    _project(write, project)
    models = {m["name"]: m for m in json.loads(cli("ls", "--output", "json", db=False).stdout)}
    assert models["marts.events"]["parents"] == ["seeds.events"]


def test_only_an_incremental_model_may_read_itself(cli, project, write):
    _project(write, project)
    (project / "models/marts/_events.yml").write_text("models:\n  - name: events\n    materialized: table\n")
    result = cli("build")
    assert result.exit_code == 2
    assert "models/marts/events.sql:1: marts.events reads itself, which only an incremental model may do" in (
        result.stderr)


def test_a_changed_sql_builds_a_self_reading_model_from_scratch(cli, project, write):
    """Its rows were merged by the old SQL: merging the new SQL's rows on them would keep
    what the old SQL decided for the rows the new one does not select again."""
    _project(write, project)
    assert cli("build").exit_code == 0
    write(project, {"models/marts/events.sql": EVENTS_SQL.replace("e.id,", "e.id * 10 as id,")})
    assert "SQL changed, so it is built from scratch" in cli("build", "--dry-run").output
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select id, rows_before from marts.events order by id") == [(10, 0), (20, 0)]
    # a plain incremental build (nothing in its SQL changed) still merges
    with (cli.root / "seeds/events.csv").open("a") as fh:
        fh.write("3,2024-01-03 00:00:00\n")
    assert cli("build").exit_code == 0
    assert cli.rows("select id, rows_before from marts.events order by id") == [(10, 0), (20, 0), (30, 2)]
