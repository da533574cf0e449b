-- Investments: funding rounds and capital-expenditure plans, one row per deal
-- per document after merging restatements.
with facts as (
    select * from intermediate.int_facts
),

final as (
    select
        fact_id as investment_id,
        document_id,
        main_firm_id as investee_firm_id,
        amount,
        currency_code,
        amount_usd,
        valuation_usd,
        country_code,
        announced_on,
        date_precision,
        date_source,
        is_background,
        candidate_count,
        evidence_candidate_id,
        evidence_rule,
        evidence
    from facts
    where fact_type = 'investment' and is_complete
)

select * from final
