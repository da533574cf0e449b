-- One row per loaded document; the text stays here for tracing evidence.
with source as (
    select * from raw.documents
),

final as (
    select
        document_id,
        file_name,
        path,
        nullif(trim(title), '') as title,
        published_on,
        lower(language) as language,
        text,
        char_count,
        loaded_at
    from source
)

select * from final
