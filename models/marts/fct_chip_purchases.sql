-- Chip purchases: AI chips or GPUs bought or ordered, one row per order per
-- document after merging restatements.
with facts as (
    select * from intermediate.int_facts
),

final as (
    select
        fact_id as purchase_id,
        document_id,
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
        date_source,
        is_background,
        candidate_count,
        evidence_candidate_id,
        evidence_rule,
        evidence
    from facts
    where fact_type = 'chip_purchase' and is_complete
)

select * from final
