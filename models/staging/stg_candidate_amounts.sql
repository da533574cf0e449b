-- Amounts attached to a candidate, as stated (a restatement in a second currency is a second row).
with source as (
    select * from raw.candidate_amounts
),

final as (
    select
        candidate_id,
        document_id,
        amount,
        upper(trim(currency_code)) as currency_code,
        span_start,
        span_end,
        surface,
        is_primary
    from source
)

select * from final
