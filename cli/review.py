"""Deals to review first, for people correcting the warehouse through `seeds/deal_reviews.csv`.

The least certain deals come first (lowest confidence, when the marts carry it), then the
largest: a wrong large deal distorts totals most. Reviewed deals are left out.
"""

from __future__ import annotations

from pathlib import Path

REVIEW_COLUMNS = ["deal_id", "action", "field", "value", "note", "reviewer", "reviewed_on"]

_QUERY = """
with reports as (
    select investment_id as fact_id, evidence from marts.fct_investments
    union all
    select subsidy_id, evidence from marts.fct_subsidies
    union all
    select purchase_id, evidence from marts.fct_chip_purchases
)
select
    d.deal_id,
    d.deal_type,
    coalesce(f.firm_name, d.grantor_name, d.grantor_country_code) as party,
    d.amount,
    d.currency_code,
    round(d.amount_usd) as amount_usd,
    d.quantity,
    d.announced_on,
    d.document_count,
    {confidence} as confidence,
    r.evidence
from marts.fct_deals d
left join marts.dim_firms f on f.firm_id = d.main_firm_id
left join reports r on r.fact_id = d.amount_source_fact_id
where not d.reviewed
order by confidence asc nulls first, d.amount_usd desc nulls last, d.deal_id
limit ?
"""


def deals_to_review(db: str | Path | None = None, limit: int = 50) -> tuple[list[str], list[tuple]]:
    """The unreviewed deals of the published warehouse, most in need of a look first."""
    import duckdb
    from warehouse.api import open_readonly
    from warehouse.errors import BuildError
    from warehouse.runner import short_error

    con = open_readonly(db)
    try:
        has_confidence = con.execute(
            "select count(*) from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_deals' and column_name = 'confidence'"
        ).fetchone()[0]
        sql = _QUERY.format(confidence="d.confidence" if has_confidence else "cast(null as double)")
        cur = con.execute(sql, [limit])
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:
        raise BuildError(f"cannot list deals: {short_error(exc)}",
                         hint="build the warehouse with this version (`warehouse build`)") from None
    finally:
        con.close()


def as_review_rows(columns: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """The same deals as rows of seeds/deal_reviews.csv: action, field and value left to fill
    in, the note saying what the deal is."""
    out = []
    for row in rows:
        r = dict(zip(columns, row, strict=True))
        money = f"{r['amount']:,.0f} {r['currency_code']}" if r["amount"] is not None else "no amount"
        chips = f", {r['quantity']:,} chips" if r["quantity"] is not None else ""
        note = (f"{r['deal_type']}: {r['party']}, {money}{chips}, {r['announced_on'] or 'undated'}, "
                f"{r['document_count']} document(s)")
        out.append((r["deal_id"], "", "", "", note, "", ""))
    return REVIEW_COLUMNS, out
