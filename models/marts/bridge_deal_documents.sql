-- The reports of each deal: which document reports it, as which per-document
-- fact (investment_id, subsidy_id or purchase_id).
with members as (
    select * from intermediate.int_deal_members
),

deals as (
    select * from marts.fct_deals
),

facts as (
    select * from intermediate.int_facts
),

final as (
    select
        members.deal_id,
        facts.document_id,
        members.fact_id
    from members
    inner join deals on deals.deal_id = members.deal_id
    inner join facts on facts.fact_id = members.fact_id
)

select * from final
