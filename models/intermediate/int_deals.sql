-- One row per deal, before people's reviews. The deal's figures come from its
-- most reliable report (`source_fact_id`): the one with the most sentences
-- stating it, then the one whose text dates it, then the earliest published;
-- announced_on is the earliest date any report gives (at that report's
-- precision); document_count counts the documents reporting it.
with members as (
    select * from intermediate.int_deal_members
),

facts as (
    select * from intermediate.int_facts
),

documents as (
    select * from staging.stg_documents
),

reports as (
    select
        members.deal_id,
        facts.*,
        documents.published_on,
        row_number() over (
            partition by members.deal_id
            order by
                facts.amount is null and facts.quantity is null,
                facts.candidate_count desc,
                facts.date_source = 'text' desc nulls last,
                documents.published_on nulls last,
                facts.fact_id
        ) as reliability_rank
    from members
    inner join facts on facts.fact_id = members.fact_id
    left join documents on documents.document_id = facts.document_id
),

spans as (
    select
        deal_id,
        count(distinct document_id) as document_count,
        count(*) as report_count,
        arg_min(document_id, (published_on, fact_id)) as first_document_id,
        min(announced_on) as announced_on,
        arg_min(date_precision, announced_on) as date_precision
    from reports
    group by deal_id
),

final as (
    select
        reports.deal_id,
        reports.fact_type as deal_type,
        case when reports.fact_type <> 'subsidy' then reports.main_firm_id end as main_firm_id,
        case when reports.fact_type = 'subsidy' then reports.main_party_name end as grantor_name,
        reports.grantor_country_code,
        reports.amount,
        reports.currency_code,
        reports.amount_usd,
        reports.quantity,
        reports.chip_model,
        reports.vendor_firm_id,
        spans.announced_on,
        spans.date_precision,
        reports.country_code,
        spans.document_count,
        spans.report_count,
        spans.first_document_id,
        reports.fact_id as source_fact_id
    from reports
    inner join spans on spans.deal_id = reports.deal_id
    where reports.reliability_rank = 1
)

select * from final
