-- Parties named by a candidate with their role, the name as written.
with source as (
    select * from raw.candidate_parties
),

final as (
    select
        candidate_id,
        document_id,
        lower(role) as role,
        trim(name) as name,
        span_start,
        span_end,
        rule
    from source
    where trim(name) <> ''
)

select * from final
