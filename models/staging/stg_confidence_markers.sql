-- Words near a fact's amount that make it less certain (hedges, plans, totals,
-- ranges), read by intermediate.int_fact_features.
with source as (
    select * from seeds.confidence_markers
),

final as (
    select
        lower(trim(kind)) as kind,
        lower(trim(language)) as language,
        replace(lower(trim(marker)), '’', '''') as marker
    from source
)

select * from final
