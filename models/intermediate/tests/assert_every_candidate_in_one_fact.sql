-- Every usable candidate ends in exactly one fact (kept or flagged incomplete),
-- so nothing is silently lost between raw and marts.
with candidates as (
    select * from intermediate.int_candidates
),

groups as (
    select * from intermediate.int_fact_groups
),

facts as (
    select * from intermediate.int_facts
),

final as (
    select candidates.candidate_id, count(groups.fact_id) as fact_count
    from candidates
    left join groups on groups.candidate_id = candidates.candidate_id
    left join facts on facts.fact_id = groups.fact_id
    group by candidates.candidate_id
    having count(facts.fact_id) <> 1
)

select * from final
