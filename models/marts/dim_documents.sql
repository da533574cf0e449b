-- The documents the facts come from (the text stays in raw.documents).
with documents as (
    select * from staging.stg_documents
),

candidates as (
    select document_id, count(*) as candidate_count
    from staging.stg_fact_candidates
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.file_name,
        documents.path,
        documents.title,
        documents.published_on,
        documents.language,
        documents.char_count,
        documents.loaded_at,
        coalesce(candidates.candidate_count, 0) as candidate_count
    from documents
    left join candidates on candidates.document_id = documents.document_id
)

select * from final
