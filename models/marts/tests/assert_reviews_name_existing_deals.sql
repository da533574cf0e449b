-- severity: warn
-- A review in seeds/deal_reviews.csv whose deal no longer exists (its reports
-- changed or left the corpus): it applies to nothing until it is updated.
with reviews as (
    select * from staging.stg_deal_reviews
),

deals as (
    select * from intermediate.int_deals
),

final as (
    select reviews.*
    from reviews
    left join deals on deals.deal_id = reviews.deal_id
    where deals.deal_id is null
)

select * from final
