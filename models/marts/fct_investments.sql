-- Investments: funding rounds and capital-expenditure plans, one row per deal
-- per document after merging restatements.
with facts as (
    select * from intermediate.int_facts
),

deal_members as (
    select * from intermediate.int_deal_members
),

deal_reviews as (
    select * from intermediate.int_deal_reviews
),

confidence as (
    select * from intermediate.int_fact_confidence
),

final as (
    select
        facts.fact_id as investment_id,
        facts.document_id,
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
        evidence,
        deal_members.deal_id,
        coalesce(deal_reviews.is_reviewed, false) as reviewed,
        -- calibrated: among facts at 0.9 or more, at least 9 in 10 are right
        confidence.confidence
    from facts
    left join deal_members on deal_members.fact_id = facts.fact_id
    left join deal_reviews on deal_reviews.deal_id = deal_members.deal_id
    left join confidence on confidence.fact_id = facts.fact_id
    where not coalesce(deal_reviews.is_rejected, false)
        and fact_type = 'investment' and is_complete
)

-- a stable row order, so that readers who do not sort see the same table each build: each
-- document's facts in the order its text tells them (the candidate id holds the cue's offset)
select * from final
order by document_id, cast(regexp_extract(evidence_candidate_id, ':(\d+)', 1) as integer), evidence_candidate_id
