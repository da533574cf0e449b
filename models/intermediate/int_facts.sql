-- One row per merged fact (all three types). The evidence candidate is the
-- earliest sentence stating an amount (for chip purchases an amount or a
-- quantity), else the earliest sentence. Amount and currency are the primary
-- amount of the first sentence stating one, as the text states it. Other
-- attributes take the evidence candidate's value, else the first value stated
-- in the fact's other sentences. The country is the text's, else the main
-- firm's home country; a seed project's own country comes first. A fact with
-- no party (an investment without investee or investor, a subsidy without
-- grantor, granting country or recipient, a chip purchase without buyer) is
-- flagged incomplete and stays out of the marts. A fact its sentences do not
-- date takes the day the article's lead gives its news ("said on Monday",
-- date_source = 'lead'), else the article's date (date_source = 'article'):
-- news reports what was announced when it was published; a background deal
-- recalled from the past is not, and stays undated.
with groups as (
    select * from intermediate.int_fact_groups
),

candidates as (
    select * from intermediate.int_candidates
),

parties as (
    select * from intermediate.int_candidate_parties
),

firms as (
    select * from staging.stg_firms
),

documents as (
    select * from staging.stg_documents
),

members as (
    select
        groups.fact_id,
        candidates.*,
        candidates.date_source is not distinct from 'lead' as dated_by_lead,
        row_number() over (
            partition by groups.fact_id
            order by
                candidates.amount is null
                and (candidates.fact_type <> 'chip_purchase' or candidates.quantity is null),
                candidates.sentence_start,
                candidates.cue_start nulls last,
                candidates.candidate_id
        ) as evidence_rank
    from groups
    inner join candidates on candidates.candidate_id = groups.candidate_id
),

dating as (
    -- a sentence dates the fact when it states no amount or the fact's own: the preliminary
    -- $450 million "announced in August" does not date the final $458 million award
    select
        members.*,
        members.amount is null
        or first_amount.amount is null
        or (members.currency_code = first_amount.currency_code
            and abs(members.amount - first_amount.amount) <= 0.005 * first_amount.amount) as dates_fact
    from members
    left join (
        select
            fact_id,
            arg_min(amount, evidence_rank) as amount,
            arg_min(currency_code, evidence_rank) as currency_code
        from members
        where amount is not null
        group by fact_id
    ) as first_amount on first_amount.fact_id = members.fact_id
),

firsts as (
    -- first stated value of each attribute over the fact's sentences, in text order
    select
        fact_id,
        count(*) as candidate_count,
        bool_and(is_background) as is_background,
        arg_min(main_firm_id, evidence_rank) filter (where main_firm_id is not null) as main_firm_id,
        arg_min(main_party_name, evidence_rank) filter (where main_party_name is not null) as main_party_name,
        -- a date the fact's own sentences give comes before the date of the article's lead
        arg_min(announced_on, (dated_by_lead, evidence_rank))
            filter (where announced_on is not null and dates_fact) as announced_on,
        arg_min(date_precision, (dated_by_lead, evidence_rank))
            filter (where announced_on is not null and dates_fact) as date_precision,
        arg_min(date_source, (dated_by_lead, evidence_rank))
            filter (where announced_on is not null and dates_fact) as date_source,
        arg_min(text_country_code, evidence_rank) filter (where text_country_code is not null) as text_country_code,
        arg_min(grantor_country_code, evidence_rank) filter (where grantor_country_code is not null)
            as grantor_country_code,
        arg_min(quantity, evidence_rank) filter (where quantity is not null) as quantity,
        arg_min(chip_model, evidence_rank) filter (where chip_model is not null) as chip_model,
        arg_min(vendor_firm_id, evidence_rank) filter (where vendor_firm_id is not null) as vendor_firm_id,
        arg_min(valuation_usd, evidence_rank) filter (where valuation_usd is not null) as valuation_usd,
        -- the amount of the first sentence stating one (the evidence, except for a chip
        -- purchase whose evidence states only a quantity)
        arg_min(amount, evidence_rank) filter (where amount is not null) as amount,
        arg_min(currency_code, evidence_rank) filter (where amount is not null) as currency_code,
        arg_min(amount_usd, evidence_rank) filter (where amount is not null) as amount_usd
    from dating
    group by fact_id
),

evidence as (
    select * from members where evidence_rank = 1
),

party_counts as (
    select
        groups.fact_id,
        count(*) filter (where parties.role = 'investor') as investor_count,
        count(*) filter (where parties.role = 'recipient') as recipient_count
    from groups
    inner join parties on parties.candidate_id = groups.candidate_id
    group by groups.fact_id
),

final as (
    select
        evidence.fact_id,
        evidence.document_id,
        evidence.fact_type,
        firsts.main_firm_id,
        firsts.main_party_name,
        firsts.amount,
        firsts.currency_code,
        firsts.amount_usd,
        firsts.valuation_usd,
        firsts.quantity,
        firsts.chip_model,
        firsts.vendor_firm_id,
        firsts.grantor_country_code,
        case
            when evidence.fact_type = 'subsidy' then firsts.grantor_country_code
            -- a project (a site, a programme) is where it is, whatever country the article is about
            when main_firm.firm_kind = 'project' and main_firm.country_code is not null
                then main_firm.country_code
            else coalesce(firsts.text_country_code, main_firm.country_code)
        end as country_code,
        case
            when firsts.announced_on is not null then firsts.announced_on
            when not firsts.is_background then documents.published_on
        end as announced_on,
        case
            when firsts.announced_on is not null then firsts.date_precision
            when not firsts.is_background and documents.published_on is not null then 'day'
        end as date_precision,
        case
            when firsts.announced_on is not null then coalesce(firsts.date_source, 'text')
            when not firsts.is_background and documents.published_on is not null then 'article'
        end as date_source,
        firsts.is_background,
        firsts.candidate_count,
        evidence.candidate_id as evidence_candidate_id,
        evidence.rule as evidence_rule,
        evidence.sentence_start as evidence_start,
        evidence.sentence as evidence,
        case evidence.fact_type
            when 'investment' then firsts.main_firm_id is not null
                or coalesce(party_counts.investor_count, 0) > 0
            when 'subsidy' then firsts.main_firm_id is not null
                or firsts.grantor_country_code is not null
                or coalesce(party_counts.recipient_count, 0) > 0
            -- a chip purchase is its buyer's
            else firsts.main_firm_id is not null
        end as is_complete
    from evidence
    inner join firsts on firsts.fact_id = evidence.fact_id
    left join firms as main_firm on main_firm.firm_id = firsts.main_firm_id
    left join party_counts on party_counts.fact_id = evidence.fact_id
    left join documents on documents.document_id = evidence.document_id
)

select * from final
