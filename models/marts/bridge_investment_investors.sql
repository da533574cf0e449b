-- Investors of each investment: the union of the investors named in every
-- sentence merged into the deal. The investee is listed only when the text
-- names it as an investor too (a firm's own spending plan).
with investments as (
    select * from marts.fct_investments
),

groups as (
    select * from intermediate.int_fact_groups
),

parties as (
    select * from intermediate.int_candidate_parties
),

final as (
    select distinct
        investments.investment_id,
        parties.firm_id as investor_firm_id
    from investments
    inner join groups on groups.fact_id = investments.investment_id
    inner join parties on parties.candidate_id = groups.candidate_id
    where parties.role = 'investor'
)

select * from final
