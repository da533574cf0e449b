-- One row per fact candidate with what a fact needs: its main party (investee,
-- grantor or buyer) resolved to a firm, its primary amount in USD, a stated
-- valuation, and the country the money or chips go to.
with all_candidates as (
    select * from staging.stg_fact_candidates
),

documents as (
    select * from staging.stg_documents
),

countries as (
    select * from staging.stg_countries
),

-- candidates of a known type in a loaded document (the staging tests warn
-- about the others)
candidates as (
    select all_candidates.*
    from all_candidates
    inner join documents on documents.document_id = all_candidates.document_id
    where all_candidates.fact_type in ('investment', 'subsidy', 'chip_purchase')
),

parties as (
    select * from intermediate.int_candidate_parties
),

money as (
    select * from intermediate.int_money_usd
),

firms as (
    select * from staging.stg_firms
),

country_names as (
    select * from staging.stg_country_names
),

names as (
    select * from intermediate.int_names
),

main_parties as (
    select
        parties.candidate_id,
        parties.firm_id,
        parties.name,
        parties.is_resolved,
        parties.rule,
        parties.span_start
    from parties
    inner join candidates on candidates.candidate_id = parties.candidate_id
    where parties.role = case candidates.fact_type
        when 'investment' then 'investee'
        when 'subsidy' then 'grantor'
        when 'chip_purchase' then 'buyer'
    end
    qualify row_number() over (
        partition by parties.candidate_id order by parties.span_start nulls last, parties.name
    ) = 1
),

vendors as (
    select candidate_id, firm_id
    from parties
    where role = 'vendor'
    qualify row_number() over (partition by candidate_id order by span_start nulls last, name) = 1
),

first_recipients as (
    select candidate_id, firm_id
    from parties
    where role = 'recipient'
    qualify row_number() over (partition by candidate_id order by span_start nulls last, name) = 1
),

primary_amounts as (
    select candidate_id, amount, currency_code, amount_usd, span_start as amount_start
    from money
    where money_kind = 'candidate_amount'
    qualify row_number() over (partition by candidate_id order by is_primary desc, span_start) = 1
),

-- a funding round's valuation: stated in its sentence, else in the next one;
-- a firm's own spending plan (investee among its investors) has none of the next
-- sentence, which usually speaks of someone else
self_investments as (
    select distinct investees.candidate_id
    from parties as investees
    inner join parties as investors
        on investors.candidate_id = investees.candidate_id
        and investors.firm_id = investees.firm_id
    where investees.role = 'investee' and investors.role = 'investor'
),

valuations as (
    select money.candidate_id, money.amount_usd as valuation_usd
    from money
    left join self_investments on self_investments.candidate_id = money.candidate_id
    where money.money_kind = 'valuation'
        or (money.money_kind = 'next_sentence_valuation' and self_investments.candidate_id is null)
    qualify row_number() over (
        partition by money.candidate_id order by money.money_kind = 'valuation' desc, money.span_start
    ) = 1
),

-- a grantor named by its country ("Japan", "la France", "gouvernement japonais",
-- "US Department of Commerce"): the longest country name or demonym found as
-- whole words in the grantor's normalised name, when it names one country only
country_keys as (
    select names.name_key, min(country_names.country_code) as country_code
    from country_names
    inner join names on names.name = country_names.name
    where names.name_key is not null
    group by names.name_key
    having count(distinct country_names.country_code) = 1
),

grantor_names as (
    select distinct main_parties.name
    from main_parties
    inner join candidates on candidates.candidate_id = main_parties.candidate_id
    where candidates.fact_type = 'subsidy'
),

grantor_countries as (
    select
        grantor_names.name,
        arg_max(country_keys.country_code, length(country_keys.name_key)) as country_code
    from grantor_names
    inner join names on names.name = grantor_names.name
    inner join country_keys
        on contains(' ' || names.name_key || ' ', ' ' || country_keys.name_key || ' ')
    group by grantor_names.name
),

final as (
    select
        candidates.candidate_id,
        candidates.document_id,
        candidates.fact_type,
        candidates.rule,
        candidates.cue,
        candidates.cue_start,
        candidates.sentence_start,
        candidates.sentence_end,
        candidates.sentence,
        case when candidates.quantity > 0 then candidates.quantity end as quantity,
        candidates.chip_model,
        candidates.announced_on,
        candidates.date_precision,
        candidates.date_source,
        candidates.is_background,
        text_country.country_code as text_country_code,
        main_parties.firm_id as main_firm_id,
        main_parties.name as main_party_name,
        main_parties.is_resolved as main_party_is_resolved,
        main_parties.rule as main_party_rule,
        main_parties.span_start as main_party_start,
        main_firm.country_code as main_firm_country_code,
        vendors.firm_id as vendor_firm_id,
        recipient_firm.country_code as recipient_country_code,
        -- a subsidy's party is the granting country: the body's seed country, a
        -- country named in the grantor's name, else the country the text gives;
        -- a body granting outside the home country the article never names (a
        -- European undertaking funding a Latvian centre: flag 'abroad') grants to
        -- the text's country
        case when candidates.fact_type = 'subsidy' and list_contains(candidates.flags, 'abroad')
            then coalesce(text_country.country_code, main_firm.country_code)
        when candidates.fact_type = 'subsidy' then coalesce(
            main_firm.country_code,
            grantor_countries.country_code,
            text_country.country_code,
            recipient_firm.country_code
        ) end as grantor_country_code,
        primary_amounts.amount,
        primary_amounts.currency_code,
        primary_amounts.amount_usd,
        primary_amounts.amount_start,
        valuations.valuation_usd
    from candidates
    left join countries as text_country on text_country.country_code = candidates.country_code
    left join main_parties on main_parties.candidate_id = candidates.candidate_id
    left join firms as main_firm on main_firm.firm_id = main_parties.firm_id
    left join grantor_countries on grantor_countries.name = main_parties.name
    left join vendors on vendors.candidate_id = candidates.candidate_id
    left join first_recipients on first_recipients.candidate_id = candidates.candidate_id
    left join firms as recipient_firm on recipient_firm.firm_id = first_recipients.firm_id
    left join primary_amounts on primary_amounts.candidate_id = candidates.candidate_id
    left join valuations on valuations.candidate_id = candidates.candidate_id
)

select * from final
