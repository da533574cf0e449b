-- Every fact candidate the extractor found, one row per cue.
with source as (
    select * from raw.fact_candidates
),

final as (
    select
        candidate_id,
        document_id,
        lower(fact_type) as fact_type,
        -- the rule with its flags, one name ("investment:investor:capex"): what the marts show
        -- and what the confidence weights are keyed by
        rule || coalesce(nullif(':' || array_to_string(flags, ':'), ':'), '') as rule,
        rule as rule_id,
        coalesce(flags, []::varchar[]) as flags,
        cue,
        cue_start,
        sentence_start,
        sentence_end,
        sentence,
        quantity,
        nullif(trim(chip_model), '') as chip_model,
        upper(nullif(trim(country_code), '')) as country_code,
        announced_on,
        case when lower(date_precision) in ('day', 'month', 'year') then lower(date_precision) end
            as date_precision,
        case when lower(date_source) in ('text', 'lead') then lower(date_source) end as date_source,
        coalesce(is_background, false) as is_background
    from source
)

select * from final
