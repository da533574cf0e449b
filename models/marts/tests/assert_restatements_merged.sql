-- No two facts of one document, type and party state amounts within 15 % of
-- each other: such restatements must have been merged into one fact.
with facts as (
    select * from intermediate.int_facts
    where is_complete and amount_usd is not null and fact_type <> 'chip_purchase'
),

groups as (
    select distinct fact_id, merge_party from intermediate.int_fact_groups
),

keyed as (
    select facts.fact_id, facts.document_id, facts.fact_type, groups.merge_party, facts.amount_usd
    from facts
    inner join groups on groups.fact_id = facts.fact_id
),

final as (
    select a.fact_id, b.fact_id as other_fact_id, a.amount_usd, b.amount_usd as other_amount_usd
    from keyed as a
    inner join keyed as b
        on a.document_id = b.document_id
        and a.fact_type = b.fact_type
        and a.merge_party = b.merge_party
        and a.fact_id < b.fact_id
    where greatest(a.amount_usd, b.amount_usd) <= least(a.amount_usd, b.amount_usd) * 1.15
)

select * from final
