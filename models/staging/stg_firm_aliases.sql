-- Other names of reference firms (short forms, French forms).
with source as (
    select * from seeds.firm_aliases
),

final as (
    select
        trim(alias) as alias,
        firm_id
    from source
    where trim(alias) <> ''
)

select * from final
