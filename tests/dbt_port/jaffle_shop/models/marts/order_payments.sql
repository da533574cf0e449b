-- dbt's Jinja loop over payment methods, as a PIVOT
with pivoted as (
    pivot staging.stg_payments
    on payment_method in ('credit_card', 'coupon', 'bank_transfer', 'gift_card')
    using sum(amount)
    group by order_id
)
select
    order_id,
    credit_card as credit_card_amount,
    coupon as coupon_amount,
    bank_transfer as bank_transfer_amount,
    gift_card as gift_card_amount,
    coalesce(credit_card, 0) + coalesce(coupon, 0) + coalesce(bank_transfer, 0) + coalesce(gift_card, 0)
        as total_amount
from pivoted
