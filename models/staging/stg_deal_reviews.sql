-- Corrections of deals by people (seeds/deal_reviews.csv), typed and trimmed.
-- Every column is read as text: `value` holds an amount, a date or a firm id.
with reviews as (
    select * from seeds.deal_reviews
),

final as (
    select
        trim(cast(deal_id as varchar)) as deal_id,
        lower(trim(cast(action as varchar))) as action,
        lower(trim(cast(field as varchar))) as field,
        trim(cast(value as varchar)) as value,
        cast(note as varchar) as note,
        cast(reviewer as varchar) as reviewer,
        try_cast(reviewed_on as date) as reviewed_on
    from reviews
)

select * from final
