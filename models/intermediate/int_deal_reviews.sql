-- People's reviews per deal: the latest review of each (deal, action, field)
-- wins (by reviewed_on, then file order is not kept, so reviewed_on decides).
-- `reject` removes the deal from the marts, `accept` marks it reviewed, `set`
-- overrides one field with a value.
with reviews as (
    select * from staging.stg_deal_reviews
),

final as (
    select
        deal_id,
        bool_or(action = 'reject') as is_rejected,
        bool_or(action in ('accept', 'set', 'reject')) as is_reviewed,
        arg_max(note, reviewed_on) filter (where action = 'reject') as reject_note,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'amount') as set_amount,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'currency_code') as set_currency_code,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'announced_on') as set_announced_on,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'main_firm_id') as set_main_firm_id,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'deal_type') as set_deal_type,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'country_code') as set_country_code,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'quantity') as set_quantity,
        arg_max(value, reviewed_on) filter (where action = 'set' and field = 'grantor_name') as set_grantor_name,
        max(reviewed_on) as reviewed_on
    from reviews
    where deal_id is not null
    group by deal_id
)

select * from final
