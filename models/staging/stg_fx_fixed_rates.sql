-- Fixed rates for currencies the ECB does not publish (pegs, documented approximations).
with source as (
    select * from seeds.fx_fixed_rates
),

final as (
    select
        upper(currency_code) as currency_code,
        cast(usd_per_unit as double) as usd_per_unit,
        note
    from source
)

select * from final
