-- Files or lines the loader could not read, with the reason.
with source as (
    select * from raw.rejected_documents
),

final as (
    select
        path,
        line_number,
        reason,
        rejected_at
    from source
)

select * from final
