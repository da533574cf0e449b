"""Countries, currencies and FX seeds load in DuckDB and hold what the models rely on."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pycountry
import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EXPECTED_COLUMNS = {
    "countries": ["country_code", "alpha3", "name_en", "name_fr"],
    "country_names": ["country_code", "language", "name", "kind", "note"],
    "currencies": ["currency_code", "currency_name", "numeric_code", "is_current"],
    "fx_rates": ["currency_code", "rate_date", "usd_per_unit"],
    "fx_fixed_rates": ["currency_code", "usd_per_unit", "note"],
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """A real DuckDB file with every seed loaded as seeds.<stem>, as the engine does."""
    db = duckdb.connect(str(tmp_path_factory.mktemp("seeds") / "seed_check.duckdb"))
    db.execute("create schema seeds")
    for stem in EXPECTED_COLUMNS:
        path = (SEEDS / f"{stem}.csv").as_posix()
        db.execute(f"create table seeds.{stem} as select * from read_csv('{path}', header = true)")
    yield db
    db.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


@pytest.mark.parametrize("stem", sorted(EXPECTED_COLUMNS))
def test_seed_has_expected_columns(con, stem):
    columns = [r[0] for r in rows(con, f"describe seeds.{stem}")]
    assert columns[: len(EXPECTED_COLUMNS[stem])] == EXPECTED_COLUMNS[stem]


def test_column_types(con):
    types = {
        (t, c): dt
        for t, c, dt in rows(
            con,
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = 'seeds'",
        )
    }
    assert types[("fx_rates", "rate_date")] == "DATE"
    assert types[("fx_rates", "usd_per_unit")] == "DOUBLE"
    assert types[("fx_fixed_rates", "usd_per_unit")] == "DOUBLE"
    assert types[("countries", "country_code")] == "VARCHAR"
    # numeric codes keep their leading zeros ("008") only as text
    assert types[("currencies", "numeric_code")] == "VARCHAR"
    assert types[("currencies", "is_current")] == "BOOLEAN"


# territories ISO 3166-1 has not assigned that the seeds add with their user-assigned code
UNASSIGNED = {"XK"}


def test_countries_are_iso_alpha2_and_unique(con):
    codes = [r[0] for r in rows(con, "select country_code from seeds.countries")]
    assert len(codes) == len(set(codes)) == len(pycountry.countries) + len(UNASSIGNED)
    assert all(pycountry.countries.get(alpha_2=c) is not None for c in codes if c not in UNASSIGNED)
    # the Namibia code must survive CSV type detection as the string 'NA'
    assert "NA" in codes


def test_kosovo_is_a_country_by_its_user_assigned_code(con):
    names = rows(con, "select name_en, name_fr from seeds.countries where country_code = 'XK'")
    assert names == [("Kosovo", "Kosovo")]
    demonyms = {r[0] for r in rows(con, "select name from seeds.country_names where country_code = 'XK'")}
    assert {"Kosovar", "kosovare"} <= demonyms


def test_news_style_country_names(con):
    names = dict(
        rows(con, "select country_code, name_fr from seeds.countries where country_code in ('KR', 'US')")
    )
    assert names == {"KR": "Corée du Sud", "US": "États-Unis"}


@pytest.mark.parametrize(
    ("language", "name", "code", "kind"),
    [
        ("fr", "japonais", "JP", "demonym"),
        ("fr", "japonaises", "JP", "demonym"),
        ("en", "Japanese", "JP", "demonym"),
        ("fr", "Corée du Sud", "KR", "name"),
        ("fr", "États-Unis", "US", "name"),
        ("fr", "Etats-Unis", "US", "name"),
        ("fr", "chinoise", "CN", "demonym"),
        ("fr", "américaines", "US", "demonym"),
        ("fr", "indienne", "IN", "demonym"),
        ("fr", "turque", "TR", "demonym"),
        ("en", "UAE", "AE", "name"),
        ("fr", "EAU", "AE", "name"),
        ("en", "Emirati", "AE", "demonym"),
        ("en", "Saudi", "SA", "demonym"),
        ("en", "UK", "GB", "name"),
        ("fr", "Royaume-Uni", "GB", "name"),
        # France's overseas departments are France (ISO 3166-2:FR): their grants and firms are French
        ("fr", "La Réunion", "FR", "name"),
        ("fr", "Guadeloupe", "FR", "name"),
        ("en", "French Guiana", "FR", "name"),
    ],
)
def test_country_surface_forms_map_right(con, language, name, code, kind):
    found = con.execute(
        "select country_code, kind from seeds.country_names where language = ? and name = ?", [language, name]
    ).fetchall()
    assert found == [(code, kind)]


def test_country_names_are_unambiguous_and_valid(con):
    ambiguous = rows(
        con,
        "select language, name from seeds.country_names group by all "
        "having count(distinct country_code) > 1",
    )
    assert ambiguous == []
    orphans = rows(
        con,
        "select distinct n.country_code from seeds.country_names n "
        "anti join seeds.countries c using (country_code)",
    )
    assert orphans == []
    assert rows(con, "select distinct kind from seeds.country_names order by 1") == [("demonym",), ("name",)]
    assert rows(con, "select distinct language from seeds.country_names order by 1") == [("en",), ("fr",)]


def test_collision_prone_forms_are_absent(con):
    bad = rows(
        con,
        "select language, name from seeds.country_names "
        "where name in ('Congo', 'Chad', 'Maurice', 'Réunion', 'us', 'English', 'Jersey', 'Dominique')",
    )
    assert bad == []


def test_currency_codes_are_iso_4217(con):
    current = [r[0] for r in rows(con, "select currency_code from seeds.currencies where is_current")]
    assert len(current) == len(pycountry.currencies)
    assert all(pycountry.currencies.get(alpha_3=c) is not None for c in current)
    fixed = [r[0] for r in rows(con, "select currency_code from seeds.fx_fixed_rates")]
    assert fixed and all(pycountry.currencies.get(alpha_3=c) is not None for c in fixed)
    # every FX code, withdrawn ones from the ECB history included, resolves to a currency row
    for table in ("fx_rates", "fx_fixed_rates"):
        orphans = rows(
            con,
            f"select distinct currency_code from seeds.{table} "
            "anti join seeds.currencies using (currency_code)",
        )
        assert orphans == [], table


def test_fx_rates_cover_major_currencies(con):
    codes = {r[0] for r in rows(con, "select distinct currency_code from seeds.fx_rates")}
    assert {"EUR", "USD", "JPY", "CNY", "INR", "KRW", "GBP"} <= codes


def test_fx_rates_sane_eur_rate(con):
    [(rate,)] = rows(
        con,
        "select usd_per_unit from seeds.fx_rates "
        "where currency_code = 'EUR' and rate_date = date '2024-06-12'",
    )
    assert 0.9 < rate < 1.5
    [(usd,)] = rows(con, "select max(abs(usd_per_unit - 1)) from seeds.fx_rates where currency_code = 'USD'")
    assert usd == 0


def test_fx_rates_one_row_per_currency_and_weekday(con):
    duplicates = rows(
        con, "select currency_code, rate_date from seeds.fx_rates group by all having count(*) > 1"
    )
    assert duplicates == []
    assert rows(con, "select count(*) from seeds.fx_rates where dayofweek(rate_date) in (0, 6)") == [(0,)]
    assert rows(con, "select min(rate_date) >= date '2015-01-01' from seeds.fx_rates") == [(True,)]
    assert rows(con, "select count(*) from seeds.fx_rates where usd_per_unit <= 0") == [(0,)]


def test_fixed_rates_hold_gulf_pegs_and_skip_ecb_currencies(con):
    fixed = dict(rows(con, "select currency_code, usd_per_unit from seeds.fx_fixed_rates"))
    assert fixed["SAR"] == pytest.approx(1 / 3.75, rel=1e-6)
    assert fixed["AED"] == pytest.approx(1 / 3.6725, rel=1e-6)
    assert {"TWD", "VND", "QAR"} <= fixed.keys()
    overlap = rows(
        con,
        "select currency_code from seeds.fx_fixed_rates "
        "semi join (select distinct currency_code from seeds.fx_rates) using (currency_code)",
    )
    assert overlap == []
    assert rows(con, "select count(*) from seeds.fx_fixed_rates where coalesce(note, '') = ''") == [(0,)]
