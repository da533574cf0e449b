-- Deals that a reviewer rejected (seeds/deal_reviews.csv, action `reject`):
-- out of every mart, kept here with the reviewer's note.
with deals as (
    select * from intermediate.int_deals
),

reviews as (
    select * from intermediate.int_deal_reviews
),

final as (
    select
        deals.deal_id,
        deals.deal_type,
        deals.main_firm_id,
        deals.grantor_name,
        deals.amount,
        deals.currency_code,
        deals.document_count,
        deals.source_fact_id,
        reviews.reject_note as note,
        reviews.reviewed_on
    from deals
    inner join reviews on reviews.deal_id = deals.deal_id
    where reviews.is_rejected
)

select * from final
