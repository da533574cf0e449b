-- Every sentence merged into each fact of the three fact tables, with the
-- extraction rule that found it: the way back from a mart row to its text.
with facts as (
    select * from intermediate.int_facts
    where is_complete
),

groups as (
    select * from intermediate.int_fact_groups
),

candidates as (
    select * from intermediate.int_candidates
),

final as (
    select
        facts.fact_id,
        facts.fact_type,
        candidates.candidate_id,
        candidates.document_id,
        candidates.rule,
        candidates.cue,
        candidates.sentence_start,
        candidates.sentence,
        candidates.amount,
        candidates.currency_code,
        candidates.is_background,
        candidates.candidate_id = facts.evidence_candidate_id as is_evidence
    from facts
    inner join groups on groups.fact_id = facts.fact_id
    inner join candidates on candidates.candidate_id = groups.candidate_id
)

select * from final
