"""Project discovery, dependency inference and the errors that stop a build before it runs."""

from __future__ import annotations

import json

import sqlglot
from warehouse.dag import tables_read
from warehouse.project import load_project


def _deps(sql: str) -> set[str]:
    return {r.name for r in tables_read(sqlglot.parse_one(sql, read="duckdb"))}


def test_discovery_finds_models_seeds_config_and_tests(tmp_path, write):
    root = write(tmp_path, {
        "models/staging/stg_a.sql": "select 1 as x",
        "models/marts/deep/fct_b.sql": "select * from staging.stg_a",
        "models/marts/_marts.yml": "models:\n  - name: fct_b\n    config: {materialized: incremental, "
                                   "unique_key: x, tags: [daily]}\n",
        "models/marts/tests/assert_b.sql": "select * from marts.fct_b where x < 0",
        "data_tests/assert_a.sql": "-- severity: warn\nselect * from staging.stg_a where x > 1",
        "seeds/firms.csv": "a\n1\n",
        "seeds/documents/note.csv": "not,a,seed\n",
    })
    project = load_project(root)
    assert sorted(project.models) == ["marts.fct_b", "staging.stg_a"]
    assert project.models["staging.stg_a"].materialized == "view"      # staging default
    fct = project.models["marts.fct_b"]
    assert (fct.materialized, fct.unique_key, fct.tags) == ("incremental", ["x"], ["daily"])
    assert list(project.seeds) == ["seeds.firms"]                       # seeds/documents is not a seed
    singular = {t.name: t.severity for t in project.tests if t.kind == "singular"}
    assert singular == {"assert_a": "warn", "assert_b": "error"}


def test_folder_defaults_and_model_override(tmp_path, write):
    root = write(tmp_path, {
        "models/int/a.sql": "select 1 as x",
        "models/int/b.sql": "select 1 as x",
        "models/int/_int.yml":
            "config: {materialized: view}\nmodels:\n  - name: b\n    materialized: table\n",
    })
    project = load_project(root)
    assert project.models["int.a"].materialized == "view"
    assert project.models["int.b"].materialized == "table"


def test_dependencies_exclude_ctes_and_normalise_names():
    sql = """
        with recent as (select * from Staging.Orders where ts > now() - interval 1 day),
             joined as (select * from recent r join "Marts"."Dim_Customers" c using (customer_id))
        select *, (select max(x) from seeds.limits) as lim
        from joined
        left join (select * from raw.events e where e.id in (select id from raw.allowed)) ev on true
        cross join range(10) r
        cross join read_csv('file.csv') f
        cross join 'data.parquet' p
        cross join plain_table
    """
    assert _deps(sql) == {"staging.orders", "marts.dim_customers", "seeds.limits", "raw.events",
                          "raw.allowed", "main.plain_table"}


def test_cte_shadowing_a_table_name_is_not_a_dependency():
    assert _deps("with orders as (select 1 as id) select * from orders") == set()


def test_a_using_key_ctes_recurring_table_is_not_a_dependency():
    sql = """
        with recursive labels (id, label) using key (id) as (
            select id, id from raw.nodes
            union
            (select e.b, min(labels.label) from labels join raw.edges e on e.a = labels.id
             join recurring.labels as cur on cur.id = e.b
             group by e.b, cur.label having min(labels.label) < cur.label)
        )
        select * from labels
    """
    assert _deps(sql) == {"raw.nodes", "raw.edges"}


def test_missing_reference_names_file_and_line(cli, project):
    (project / "models/marts/bad.sql").write_text("select *\nfrom\n  marts.nowhere\n")
    result = cli("build")
    assert result.exit_code == 2
    assert "models/marts/bad.sql:3" in result.stderr
    assert "marts.nowhere" in result.stderr
    assert "Traceback" not in result.output
    assert not cli.db.exists()


def test_cycle_names_every_member(cli, project, write):
    write(project, {
        "models/marts/a.sql": "select * from marts.c",
        "models/marts/b.sql": "select * from marts.a",
        "models/marts/c.sql": "select * from marts.b",
    })
    result = cli("build")
    assert result.exit_code == 2
    assert "cycle" in result.stderr
    for member in ("marts.a", "marts.b", "marts.c"):
        assert member in result.stderr
    assert "Traceback" not in result.output


def test_parse_error_names_file_and_line(cli, project):
    (project / "models/marts/broken.sql").write_text("select 1,\n  2\nfrom where (\n")
    result = cli("build")
    assert result.exit_code == 2
    assert "models/marts/broken.sql:3" in result.stderr
    assert "cannot parse SQL" in result.stderr
    assert "Traceback" not in result.output


def test_two_statements_are_refused(cli, project):
    (project / "models/marts/two.sql").write_text("select 1;\nselect 2;\n")
    result = cli("build")
    assert result.exit_code == 2 and "one select statement" in result.stderr


def test_bad_yaml_names_file_and_line(cli, project):
    (project / "models/marts/_marts.yml").write_text("models:\n  - name: dim_firms\n   bad: [\n")
    result = cli("ls")
    assert result.exit_code == 2
    assert "models/marts/_marts.yml:" in result.stderr


def test_unknown_test_type_is_a_project_error(cli, project):
    (project / "models/marts/_marts.yml").write_text(
        "models:\n  - name: dim_firms\n    columns:\n      - name: firm_id\n        data_tests: [positive]\n")
    result = cli("build")
    assert result.exit_code == 2 and "unknown test 'positive'" in result.stderr


def test_ls_json_lists_models_in_topological_order(cli):
    result = cli("ls", "--output", "json")
    assert result.exit_code == 0, result.output
    models = json.loads(result.stdout)
    names = [m["name"] for m in models]
    assert set(names) == {"staging.stg_firms", "staging.stg_deals", "marts.dim_firms", "marts.fct_deals"}
    for m in models:  # every parent comes before its child
        for parent in m["parents"]:
            if parent in names:
                assert names.index(parent) < names.index(m["name"])
    by_name = {m["name"]: m for m in models}
    assert by_name["marts.fct_deals"]["parents"] == ["marts.dim_firms", "staging.stg_deals"]
    assert by_name["staging.stg_firms"]["parents"] == ["seeds.firms"]
    assert by_name["staging.stg_firms"]["materialized"] == "view"
    assert by_name["marts.fct_deals"]["tags"] == ["finance"]


def test_ls_text_output(cli):
    result = cli("ls")
    assert result.exit_code == 0
    assert "marts.fct_deals" in result.stdout and "table" in result.stdout


def test_model_and_seed_with_the_same_name_is_exit_2(cli, project, write):
    write(project, {"models/seeds/firms.sql": "select 1 as x"})
    result = cli("ls")
    assert result.exit_code == 2 and "both a model and a seed" in result.stderr


def test_duckdb_specific_syntax_dependencies():
    assert _deps("from staging.a select * exclude (x)") == {"staging.a"}
    assert _deps("select * from staging.a asof join staging.b using (id, ts)") == {"staging.a", "staging.b"}
    assert _deps("select a.* from staging.a, lateral (select * from staging.b where b.id = a.id) l") \
        == {"staging.a", "staging.b"}
    assert _deps("with recursive t(n) as (select 1 union all select n + 1 from t where n < 3) "
                 "select * from t") == set()
    assert _deps("pivot staging.a on k using sum(v)") == {"staging.a"}


def test_pivot_model_builds(cli, project, write):
    write(project, {"models/marts/deals_by_country.sql":
                    "pivot marts.fct_deals on country_code using sum(amount) group by firm_id"})
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert cli.rows("select firm_id, FR from marts.deals_by_country order by firm_id") \
        == [("aleph", None), ("mistral", 700)]


PARSE_CASES = {
    "cte": "with a as (select * from staging.x), b as (select * from a) select * from b join y using (k)",
    "nested_cte": "select * from (with z as (select 1 as k) select * from z) q join z using (k)",
    "subqueries": "select * from t where k in (select k from s.u) and exists (select 1 from v)",
    "semicolon": "select 1;\n\n",
    "trailing_comment": "select 1 -- trailing\n",
    "file": "select * from 'data/x.parquet'",
    "read_csv": "select * from read_csv('a.csv')",
    "range": "select * from range(10) t(i)",
    "catalog_views": "select * from information_schema.tables, duckdb_tables()",
    "quoted": 'select * from "My Schema"."Tbl"',
    "union": "select * from a union all select * from b.c",
    "lateral": "select * from a, lateral (select * from b where b.k = a.k)",
    "recursive": "with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) from r",
    "lines": "select *\nfrom\n  marts.a\njoin marts.b using (k)",
}


def test_duckdb_parser_reads_dependencies_as_sqlglot_does():
    """A model parsed by DuckDB (an edited model, without importing sqlglot) has the references,
    lines, body and `external` flag sqlglot gives, on every model of the project too."""
    from pathlib import Path

    from warehouse.dag import duckdb_inspect, parse_select, reads_outside, tables_read

    root = Path(__file__).resolve().parents[2]
    cases = dict(PARSE_CASES)
    cases.update({str(p): p.read_text(encoding="utf-8") for p in sorted((root / "models").rglob("*.sql"))})
    for name, sql in cases.items():
        quick = duckdb_inspect(sql)
        assert quick is not None, name
        statement, body = parse_select(sql, name)
        expected = (sorted((r.name, r.line) for r in tables_read(statement)), body, reads_outside(statement))
        assert (sorted((r.name, r.line) for r in quick[0]), quick[1], quick[2]) == expected, name


def test_what_duckdb_cannot_read_alone_goes_to_sqlglot():
    from warehouse.dag import duckdb_inspect

    for sql in ("select 1; select 2", "insert into t values (1)", "selec 1", "pivot t on k using sum(v)"):
        assert duckdb_inspect(sql) is None, sql


def test_pivot_and_unpivot_in_ctes_read_only_their_sources(cli, project):
    (project / "models/marts/pivoted.sql").write_text(
        "with p as (pivot seeds.deals on firm_id using sum(amount)),\n"
        "u as (unpivot p on mistral, aleph into name firm_id value amount)\n"
        "select * from u\n")
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""                       # no sqlglot "Cannot traverse scope" line
    assert sorted(cli.rows("select firm_id, amount from marts.pivoted")) == [
        ("aleph", 500), ("mistral", 100), ("mistral", 600)]
    models = json.loads(cli("ls", "--output", "json", db=False).stdout)
    assert next(m for m in models if m["name"] == "marts.pivoted")["parents"] == ["seeds.deals"]
