-- Recipients of each subsidy: the union of the receiving firms named in every
-- sentence merged into the grant.
with subsidies as (
    select * from marts.fct_subsidies
),

groups as (
    select * from intermediate.int_fact_groups
),

parties as (
    select * from intermediate.int_candidate_parties
),

final as (
    select distinct
        subsidies.subsidy_id,
        parties.firm_id as recipient_firm_id
    from subsidies
    inner join groups on groups.fact_id = subsidies.subsidy_id
    inner join parties on parties.candidate_id = groups.candidate_id
    where parties.role = 'recipient'
)

select * from final
