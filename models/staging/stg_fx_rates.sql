-- ECB daily rates expressed as USD per unit of currency.
with source as (
    select * from seeds.fx_rates
),

final as (
    select
        upper(currency_code) as currency_code,
        cast(rate_date as date) as rate_date,
        cast(usd_per_unit as double) as usd_per_unit
    from source
)

select * from final
