-- severity: warn
-- A stated amount whose currency has no rate (neither ECB nor fixed) cannot be
-- converted; add the currency to seeds/fx_fixed_rates.csv.
with facts as (
    select investment_id as fact_id, amount, currency_code, amount_usd from marts.fct_investments
    union all
    select subsidy_id, amount, currency_code, amount_usd from marts.fct_subsidies
    union all
    select purchase_id, amount, currency_code, amount_usd from marts.fct_chip_purchases
),

final as (
    select * from facts where amount is not null and amount_usd is null
)

select * from final
