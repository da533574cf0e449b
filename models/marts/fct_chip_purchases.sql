-- Chip purchases: AI chips or GPUs bought or ordered, one row per order per
-- document after merging restatements.
with facts as (
    select * from intermediate.int_facts
),

confidence as (
    select * from intermediate.int_fact_confidence
),

final as (
    select
        facts.fact_id as purchase_id,
        facts.document_id,
        main_firm_id as buyer_firm_id,
        vendor_firm_id,
        chip_model,
        quantity,
        amount,
        currency_code,
        amount_usd,
        country_code,
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
    where fact_type = 'chip_purchase' and is_complete
)

select * from final
