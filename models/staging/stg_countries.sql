-- ISO 3166-1 countries with English and French names.
with source as (
    select * from seeds.countries
),

final as (
    select
        upper(country_code) as country_code,
        upper(alpha3) as alpha3,
        name_en,
        name_fr
    from source
)

select * from final
