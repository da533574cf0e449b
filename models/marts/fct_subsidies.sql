-- Subsidies: public money granted by a government or public body, one row per
-- grant per document after merging restatements.
with facts as (
    select * from intermediate.int_facts
),

confidence as (
    select * from intermediate.int_fact_confidence
),

final as (
    select
        facts.fact_id as subsidy_id,
        facts.document_id,
        main_party_name as grantor_name,
        main_firm_id as grantor_firm_id,
        grantor_country_code,
        amount,
        currency_code,
        amount_usd,
        announced_on,
        date_precision,
        is_background,
        candidate_count,
        evidence_candidate_id,
        evidence_rule,
        evidence,
        -- calibrated: among facts at 0.9 or more, at least 9 in 10 are right
        confidence.confidence
    from facts
    left join confidence on confidence.fact_id = facts.fact_id
    where fact_type = 'subsidy' and is_complete
)

select * from final
