-- Every surface form of a country name or demonym, by language.
with source as (
    select * from seeds.country_names
),

final as (
    select
        upper(country_code) as country_code,
        lower(language) as language,
        name,
        lower(kind) as kind
    from source
)

select * from final
