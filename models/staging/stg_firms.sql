-- Reference firms, investors, vendors and public bodies.
with source as (
    select * from seeds.firms
),

final as (
    select
        firm_id,
        trim(firm_name) as firm_name,
        upper(nullif(trim(country_code), '')) as country_code,
        lower(firm_kind) as firm_kind
    from source
)

select * from final
