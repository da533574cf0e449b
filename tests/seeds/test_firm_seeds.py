"""Firms and their aliases load in DuckDB and form a consistent gazetteer."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

METI = "ministry-of-economy-trade-and-industry"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KINDS = {
    "startup",
    "company",
    "investor",
    "chip_vendor",
    "cloud",
    "telecom",
    "public_body",
    "university",
    "project",
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = duckdb.connect(str(tmp_path_factory.mktemp("firms") / "firm_check.duckdb"))
    db.execute("create schema seeds")
    for stem in ("firms", "firm_aliases", "countries"):
        path = (SEEDS / f"{stem}.csv").as_posix()
        db.execute(
            f"create table seeds.{stem} as select * from read_csv('{path}', header = true, sample_size = -1)"
        )
    yield db
    db.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_columns(con):
    assert [r[0] for r in rows(con, "describe seeds.firms")][:4] == [
        "firm_id",
        "firm_name",
        "country_code",
        "firm_kind",
    ]
    assert [r[0] for r in rows(con, "describe seeds.firm_aliases")][:2] == ["alias", "firm_id"]


def test_firm_ids_are_unique_slugs(con):
    ids = [r[0] for r in rows(con, "select firm_id from seeds.firms")]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert rows(con, "select count(*) from seeds.firms where firm_name is null or trim(firm_name) = ''") == [
        (0,)
    ]


def test_domain_sized(con):
    [(count,)] = rows(con, "select count(*) from seeds.firms")
    assert count >= 400


def test_kinds_are_known(con):
    kinds = {r[0] for r in rows(con, "select distinct firm_kind from seeds.firms")}
    assert kinds <= KINDS


def test_every_firm_country_exists(con):
    orphans = rows(
        con, "select firm_id, country_code from seeds.firms anti join seeds.countries using (country_code)"
    )
    assert orphans == []


def test_aliases_reference_existing_firms(con):
    orphans = rows(con, "select alias, firm_id from seeds.firm_aliases anti join seeds.firms using (firm_id)")
    assert orphans == []


def test_no_surface_form_names_two_firms(con):
    # names and aliases together, case-folded: the gazetteer must resolve each to one firm
    clashes = rows(
        con,
        """
        with forms as (
            select lower(firm_name) as form, firm_id from seeds.firms
            union all
            select lower(alias), firm_id from seeds.firm_aliases
        )
        select form, list(distinct firm_id order by firm_id) from forms
        group by form having count(distinct firm_id) > 1
        """,
    )
    assert clashes == []


def test_no_one_letter_or_blank_alias(con):
    short = rows(
        con, "select alias from seeds.firm_aliases where length(trim(alias)) < 2 or alias <> trim(alias)"
    )
    assert short == []


@pytest.mark.parametrize(
    "portfolio",
    ["ministère de l'Économie", "ministère de l'Economie", "ministère des Finances", "Ministry of Finance"],
)
def test_a_portfolio_many_states_share_is_no_alias(con, portfolio):
    # the ministry of the economy of Algeria, Luxembourg or Senegal is no French ministry: a name that
    # only gives the portfolio resolves by the text's country, not to one state's body
    sql = "select alias from seeds.firm_aliases where lower(alias) = lower(?)"
    hits = con.execute(sql, [portfolio]).fetchall()
    assert hits == []


@pytest.mark.parametrize(
    ("form", "firm_id", "country"),
    [
        ("Mistral", "mistral-ai", "FR"),
        ("SakanaAI", "sakana-ai", "JP"),
        ("Zhipu", "zhipu-ai", "CN"),
        ("a16z", "andreessen-horowitz", "US"),
        ("METI", METI, "JP"),
        (
            "ministère japonais de l'Économie, du Commerce et de l'Industrie",
            "ministry-of-economy-trade-and-industry",
            "JP",
        ),
        ("BEI", "european-investment-bank", "LU"),
        ("Bpifrance", "bpifrance", "FR"),
        ("H Company", "h-company", "FR"),
    ],
)
def test_known_forms_resolve(con, form, firm_id, country):
    found = con.execute(
        """
        select f.firm_id, f.country_code from seeds.firms f
        where f.firm_name = $form
           or f.firm_id in (select firm_id from seeds.firm_aliases where alias = $form)
        """,
        {"form": form},
    ).fetchall()
    assert found == [(firm_id, country)]


def test_firm_h_has_no_bare_letter_form(con):
    assert rows(con, "select count(*) from seeds.firm_aliases where alias = 'H'") == [(0,)]
    assert rows(con, "select count(*) from seeds.firms where firm_name = 'H'") == [(0,)]
