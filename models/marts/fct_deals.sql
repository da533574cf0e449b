-- Deals: one row per real-world deal, however many articles report it, with
-- people's corrections (seeds/deal_reviews.csv) applied. Sum amounts here,
-- never over the per-document fact tables, which count a deal once per report.
-- A `set` of the amount or currency converts at the deal's date (ECB rate on or
-- before it, else a fixed rate).
with deals as (
    select * from intermediate.int_deals
),

reviews as (
    select * from intermediate.int_deal_reviews
),

fx as (
    select * from staging.stg_fx_rates
),

fixed_fx as (
    select * from staging.stg_fx_fixed_rates
),

members as (
    select * from intermediate.int_deal_members
),

fact_confidence as (
    select * from intermediate.int_fact_confidence
),

-- a deal is as sure as its most confident report (not calibrated apart: the per-report
-- confidence of the fact tables is); a deal a person reviewed is sure
deal_confidence as (
    select members.deal_id, max(fact_confidence.confidence) as confidence
    from members
    inner join fact_confidence on fact_confidence.fact_id = members.fact_id
    group by members.deal_id
),

reviewed as (
    select
        deals.deal_id,
        coalesce(reviews.set_deal_type, deals.deal_type) as deal_type,
        coalesce(reviews.set_main_firm_id, deals.main_firm_id) as main_firm_id,
        coalesce(reviews.set_grantor_name, deals.grantor_name) as grantor_name,
        deals.grantor_country_code,
        coalesce(try_cast(reviews.set_amount as double), deals.amount) as amount,
        coalesce(upper(reviews.set_currency_code), deals.currency_code) as currency_code,
        reviews.set_amount is not null or reviews.set_currency_code is not null as money_was_set,
        deals.amount_usd as extracted_amount_usd,
        coalesce(try_cast(reviews.set_quantity as bigint), deals.quantity) as quantity,
        deals.chip_model,
        deals.vendor_firm_id,
        coalesce(try_cast(reviews.set_announced_on as date), deals.announced_on) as announced_on,
        case when reviews.set_announced_on is not null then 'day' else deals.date_precision end as date_precision,
        coalesce(upper(reviews.set_country_code), deals.country_code) as country_code,
        deals.document_count,
        deals.report_count,
        deals.first_document_id,
        deals.source_fact_id,
        coalesce(reviews.is_reviewed, false) as reviewed,
        reviews.reviewed_on
    from deals
    left join reviews on reviews.deal_id = deals.deal_id
    where not coalesce(reviews.is_rejected, false)
),

converted as (
    select
        reviewed.*,
        coalesce(fx.usd_per_unit, fixed_fx.usd_per_unit, case when reviewed.currency_code = 'USD' then 1.0 end)
            as usd_per_unit
    from reviewed
    asof left join fx
        on fx.currency_code = reviewed.currency_code
        and fx.rate_date <= coalesce(reviewed.announced_on, current_date)
    left join fixed_fx on fixed_fx.currency_code = reviewed.currency_code
),

final as (
    select
        converted.deal_id,
        deal_type,
        main_firm_id,
        grantor_name,
        grantor_country_code,
        amount,
        currency_code,
        case
            when money_was_set then amount * usd_per_unit
            else extracted_amount_usd
        end as amount_usd,
        source_fact_id as amount_source_fact_id,
        quantity,
        chip_model,
        vendor_firm_id,
        announced_on,
        date_precision,
        country_code,
        document_count,
        report_count,
        first_document_id,
        case when reviewed then 1.0 else deal_confidence.confidence end as confidence,
        reviewed,
        reviewed_on
    from converted
    left join deal_confidence on deal_confidence.deal_id = converted.deal_id
)

-- a stable row order, so that readers who do not sort see the same table each build
select * from final
order by first_document_id, deal_id
