"""Selectors: name, +name, name+, +name+, path:, tag:, several, intersections, --exclude."""

from __future__ import annotations

import json

import pytest

CHAIN = {
    "models/staging/stg_a.sql": "select 1 as id",
    "models/staging/stg_b.sql": "select 2 as id",
    "models/intermediate/int_ab.sql": "select * from staging.stg_a union all select * from staging.stg_b",
    "models/marts/fct_ab.sql": "select * from intermediate.int_ab",
    "models/marts/dim_b.sql": "select * from staging.stg_b",
    "models/marts/_marts.yml": "models:\n  - name: fct_ab\n    config: {tags: [nightly]}\n"
                               "  - name: dim_b\n    config: {tags: [nightly, small]}\n",
}


@pytest.fixture
def chain(cli, write):
    for path in cli.root.joinpath("models").rglob("*"):
        if path.is_file():
            path.unlink()
    write(cli.root, CHAIN)
    return cli


def _names(cli, *args) -> set[str]:
    result = cli("ls", "--output", "json", *args)
    assert result.exit_code == 0, result.output
    return {m["name"] for m in json.loads(result.stdout)}


@pytest.mark.parametrize("args, expected", [
    ((), {"staging.stg_a", "staging.stg_b", "intermediate.int_ab", "marts.fct_ab", "marts.dim_b"}),
    (("-s", "int_ab"), {"intermediate.int_ab"}),
    (("-s", "intermediate.int_ab"), {"intermediate.int_ab"}),
    (("-s", "+int_ab"), {"intermediate.int_ab", "staging.stg_a", "staging.stg_b"}),
    (("-s", "int_ab+"), {"intermediate.int_ab", "marts.fct_ab"}),
    (("-s", "+int_ab+"), {"intermediate.int_ab", "marts.fct_ab", "staging.stg_a", "staging.stg_b"}),
    (("-s", "stg_b+"), {"staging.stg_b", "intermediate.int_ab", "marts.fct_ab", "marts.dim_b"}),
    (("-s", "1+fct_ab"), {"marts.fct_ab", "intermediate.int_ab"}),
    (("-s", "stg_a+1"), {"staging.stg_a", "intermediate.int_ab"}),
    (("-s", "2+fct_ab"), {"marts.fct_ab", "intermediate.int_ab", "staging.stg_a", "staging.stg_b"}),
    (("-s", "path:models/marts"), {"marts.fct_ab", "marts.dim_b"}),
    (("-s", "path:models/staging/stg_a.sql"), {"staging.stg_a"}),
    (("-s", "tag:nightly"), {"marts.fct_ab", "marts.dim_b"}),
    (("-s", "tag:small"), {"marts.dim_b"}),
    (("-s", "stg_a", "-s", "dim_b"), {"staging.stg_a", "marts.dim_b"}),
    (("-s", "stg_a dim_b"), {"staging.stg_a", "marts.dim_b"}),
    (("-s", "stg_*"), {"staging.stg_a", "staging.stg_b"}),
    (("-s", "tag:nightly,+fct_ab"), {"marts.fct_ab"}),
    (("-s", "stg_b+", "--exclude", "tag:nightly"), {"staging.stg_b", "intermediate.int_ab"}),
    (("--exclude", "path:models/staging"), {"intermediate.int_ab", "marts.fct_ab", "marts.dim_b"}),
])
def test_selector_forms(chain, args, expected):
    assert _names(chain, *args) == expected


def test_selector_matching_nothing_is_exit_2(chain):
    result = chain("ls", "-s", "no_such_model")
    assert result.exit_code == 2 and "matches no model" in result.stderr


def test_run_subset_keeps_unselected_models(chain, write):
    assert chain("build").exit_code == 0
    write(chain.root, {"models/marts/dim_b.sql": "select id * 10 as id from staging.stg_b",
                       "models/marts/fct_ab.sql": "select id * 100 as id from intermediate.int_ab"})
    result = chain("run", "-s", "dim_b")
    assert result.exit_code == 0, result.output
    assert chain.rows("select id from marts.dim_b") == [(20,)]                  # rebuilt
    assert chain.rows("select id from marts.fct_ab order by id") == [(1,), (2,)]  # kept from last build
    assert [r["unique_id"] for r in chain.run_results()["results"]] == ["marts.dim_b"]


def test_build_subset_runs_only_its_tests(chain, write):
    write(chain.root, {"models/marts/_marts.yml": CHAIN["models/marts/_marts.yml"] +
                       "    columns:\n      - name: id\n        data_tests: [not_null]\n"})
    assert chain("build", "-s", "stg_a").exit_code == 0
    ids = {r["unique_id"] for r in chain.run_results()["results"] if r["kind"] == "test"}
    assert ids == set()
    assert chain("build", "-s", "+dim_b").exit_code == 0
    ids = {r["unique_id"] for r in chain.run_results()["results"] if r["kind"] == "test"}
    assert ids == {"not_null:marts.dim_b.id"}
