-- ISO 3166-1 countries with their English and French names.
with countries as (
    select * from staging.stg_countries
),

final as (
    select
        country_code,
        name_en as country_name,
        name_fr as country_name_fr,
        alpha3
    from countries
)

select * from final
