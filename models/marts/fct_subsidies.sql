-- Subsidies: public money granted by a government or public body, one row per
-- grant per document after merging restatements.
with facts as (
    select * from intermediate.int_facts
),

final as (
    select
        fact_id as subsidy_id,
        document_id,
        main_party_name as grantor_name,
        main_firm_id as grantor_firm_id,
        grantor_country_code,
        amount,
        currency_code,
        amount_usd,
        announced_on,
        date_precision,
        date_source,
        is_background,
        candidate_count,
        evidence_candidate_id,
        evidence_rule,
        evidence
    from facts
    where fact_type = 'subsidy' and is_complete
)

select * from final
