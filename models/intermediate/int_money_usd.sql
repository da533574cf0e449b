-- Amounts converted to USD: the amounts of every candidate, and the valuations
-- stated in a candidate's sentence or the next one. The rate is the ECB rate
-- published on or before the event date (announced_on), else the document date
-- (published_on), else the latest event date the document states; a date before
-- the first published rate takes the first rate after it; with no date at all
-- the latest rate is used. Currencies the ECB lacks use the fixed rates seed;
-- USD converts at 1.
with amounts as (
    select * from staging.stg_candidate_amounts
),

candidates as (
    select * from staging.stg_fact_candidates
),

documents as (
    select * from staging.stg_documents
),

mentions as (
    select * from staging.stg_money_mentions
),

rates as (
    select * from staging.stg_fx_rates
),

fixed_rates as (
    select * from staging.stg_fx_fixed_rates
),

currencies as (
    select * from staging.stg_currencies
),

candidate_money as (
    select
        'candidate_amount' as money_kind,
        amounts.candidate_id,
        amounts.document_id,
        amounts.span_start,
        amounts.span_end,
        amounts.surface,
        amounts.amount,
        amounts.currency_code,
        amounts.is_primary,
        candidates.announced_on,
        documents.published_on
    from amounts
    inner join candidates on candidates.candidate_id = amounts.candidate_id
    -- an amount that is not positive or not in an ISO 4217 currency is left out
    -- (the staging tests warn about it)
    inner join currencies on currencies.currency_code = amounts.currency_code
    left join documents on documents.document_id = amounts.document_id
    where amounts.amount > 0
),

-- a valuation stated in a candidate's sentence, or in the sentence right after
-- it ("That round valued the company at $4 billion."); int_candidates decides
-- which candidates may take the latter
candidate_sentences as (
    select distinct document_id, sentence_start from candidates
),

valuation_money as (
    select
        case
            when mentions.sentence_start = candidates.sentence_start then 'valuation'
            else 'next_sentence_valuation'
        end as money_kind,
        candidates.candidate_id,
        mentions.document_id,
        mentions.span_start,
        mentions.span_end,
        mentions.surface,
        mentions.amount,
        mentions.currency_code,
        false as is_primary,
        candidates.announced_on,
        documents.published_on
    from mentions
    inner join candidates
        on candidates.document_id = mentions.document_id
        and (
            candidates.sentence_start = mentions.sentence_start
            or (
                candidates.fact_type = 'investment'
                and mentions.sentence_start > candidates.sentence_end
                -- only spaces or line breaks between the two sentences
                and mentions.sentence_start <= candidates.sentence_end + 3
            )
        )
    inner join currencies on currencies.currency_code = mentions.currency_code
    left join documents on documents.document_id = mentions.document_id
    -- a next sentence that states a deal of its own keeps its valuation
    left join candidate_sentences as next_deal
        on next_deal.document_id = mentions.document_id
        and next_deal.sentence_start = mentions.sentence_start
        and mentions.sentence_start <> candidates.sentence_start
    where mentions.label = 'valuation'
        and mentions.amount > 0
        and next_deal.sentence_start is null
),

-- an undated document is about as old as the latest event it dates
document_event_dates as (
    select document_id, max(announced_on) as latest_event_on
    from candidates
    group by document_id
),

to_convert as (
    select
        money.*,
        case
            when money.announced_on is not null then 'event'
            when money.published_on is not null then 'document'
            when document_event_dates.latest_event_on is not null then 'document_event'
            else 'latest'
        end as date_basis,
        coalesce(
            money.announced_on, money.published_on, document_event_dates.latest_event_on, date '9999-12-31'
        ) as lookup_on
    from (
        select * from candidate_money
        union all
        select * from valuation_money
    ) as money
    left join document_event_dates on document_event_dates.document_id = money.document_id
),

rate_on_or_before as (
    select
        to_convert.*,
        rates.rate_date as before_rate_date,
        rates.usd_per_unit as before_usd_per_unit
    from to_convert
    asof left join rates
        on rates.currency_code = to_convert.currency_code
        and to_convert.lookup_on >= rates.rate_date
),

rate_after as (
    select
        rate_on_or_before.*,
        rates.rate_date as after_rate_date,
        rates.usd_per_unit as after_usd_per_unit
    from rate_on_or_before
    asof left join rates
        on rates.currency_code = rate_on_or_before.currency_code
        and rate_on_or_before.lookup_on <= rates.rate_date
),

chosen as (
    select
        rate_after.*,
        case
            when rate_after.currency_code = 'USD' then 'identity'
            when before_usd_per_unit is not null then 'ecb'
            when after_usd_per_unit is not null then 'ecb_nearest'
            when fixed_rates.usd_per_unit is not null then 'fixed'
        end as rate_source,
        case
            when rate_after.currency_code = 'USD' then 1.0
            else coalesce(before_usd_per_unit, after_usd_per_unit, fixed_rates.usd_per_unit)
        end as usd_per_unit,
        case
            when rate_after.currency_code = 'USD' then null
            else coalesce(before_rate_date, after_rate_date)
        end as rate_date
    from rate_after
    left join fixed_rates on fixed_rates.currency_code = rate_after.currency_code
),

final as (
    select
        money_kind,
        candidate_id,
        document_id,
        span_start,
        span_end,
        surface,
        amount,
        currency_code,
        is_primary,
        announced_on,
        published_on,
        date_basis,
        rate_source,
        rate_date,
        usd_per_unit,
        amount * usd_per_unit as amount_usd
    from chosen
)

select * from final
