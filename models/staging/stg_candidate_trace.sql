-- Every decision of the extraction pipeline (raw.candidate_trace): the rule that built each
-- candidate and each filter that kept, changed, retyped or rejected one, rejected ones included.
with source as (
    select * from raw.candidate_trace
),

final as (
    select
        document_id,
        step,
        candidate_id,
        lower(fact_type) as fact_type,
        sentence_start,
        sentence_end,
        span_start,
        span_end,
        stage,
        rule_id,
        lower(outcome) as outcome,
        nullif(detail, '') as detail
    from source
)

select * from final
