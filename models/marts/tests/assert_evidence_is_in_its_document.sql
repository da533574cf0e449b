-- Every fact's evidence is a sentence of its own document, at the offsets the
-- extractor recorded, so a wrong fact can be traced back to its text.
with facts as (
    select investment_id as fact_id, document_id, evidence_candidate_id, evidence from marts.fct_investments
    union all
    select subsidy_id, document_id, evidence_candidate_id, evidence from marts.fct_subsidies
    union all
    select purchase_id, document_id, evidence_candidate_id, evidence from marts.fct_chip_purchases
),

candidates as (
    select * from staging.stg_fact_candidates
),

documents as (
    select * from staging.stg_documents
),

final as (
    select facts.*
    from facts
    left join candidates on candidates.candidate_id = facts.evidence_candidate_id
    left join documents on documents.document_id = facts.document_id
    where candidates.document_id is distinct from facts.document_id
        or substr(documents.text, candidates.sentence_start + 1, candidates.sentence_end - candidates.sentence_start)
            is distinct from facts.evidence
)

select * from final
