-- Investors of each investment: the union of the investors named in every
-- sentence merged into the deal. The investee is listed only when the text
-- names it as an investor and no one else invests: a firm's own spending plan.
-- In a round with outside investors, the investee as its own investor is a
-- misreading of one of the sentences.
with investments as (
    select * from marts.fct_investments
),

groups as (
    select * from intermediate.int_fact_groups
),

parties as (
    select * from intermediate.int_candidate_parties
),

named_investors as (
    select distinct
        investments.investment_id,
        investments.investee_firm_id,
        parties.firm_id as investor_firm_id
    from investments
    inner join groups on groups.fact_id = investments.investment_id
    inner join parties on parties.candidate_id = groups.candidate_id
    where parties.role = 'investor'
),

outside_investors as (
    select investment_id, count(*) as outside_count
    from named_investors
    where investor_firm_id is distinct from investee_firm_id
    group by investment_id
),

final as (
    select
        named_investors.investment_id,
        named_investors.investor_firm_id
    from named_investors
    left join outside_investors on outside_investors.investment_id = named_investors.investment_id
    where named_investors.investor_firm_id is distinct from named_investors.investee_firm_id
        or coalesce(outside_investors.outside_count, 0) = 0
)

select * from final
