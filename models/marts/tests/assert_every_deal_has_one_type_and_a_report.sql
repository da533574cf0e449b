-- Every published fact has a deal, every deal has a published fact, and no deal
-- mixes fact types.
with facts as (
    select investment_id as fact_id, 'investment' as fact_type, deal_id from marts.fct_investments
    union all
    select subsidy_id, 'subsidy', deal_id from marts.fct_subsidies
    union all
    select purchase_id, 'chip_purchase', deal_id from marts.fct_chip_purchases
),

deals as (
    select * from marts.fct_deals
),

final as (
    select 'fact without a deal' as problem, facts.fact_id as id
    from facts left join deals on deals.deal_id = facts.deal_id
    where deals.deal_id is null
    union all
    select 'deal without a fact', deals.deal_id
    from deals left join facts on facts.deal_id = deals.deal_id
    where facts.deal_id is null
    union all
    select 'deal mixing types', deal_id
    from facts group by deal_id having count(distinct fact_type) > 1
)

select * from final
