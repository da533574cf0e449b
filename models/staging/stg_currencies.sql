-- ISO 4217 currencies.
with source as (
    select * from seeds.currencies
),

final as (
    select
        upper(currency_code) as currency_code,
        currency_name,
        numeric_code,
        is_current
    from source
)

select * from final
