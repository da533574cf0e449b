-- Every amount found in the text, fact or not, with the label saying why.
with source as (
    select * from raw.money_mentions
),

final as (
    select
        document_id,
        span_start,
        span_end,
        surface,
        amount,
        upper(trim(currency_code)) as currency_code,
        sentence_start,
        lower(label) as label
    from source
)

select * from final
