-- Every firm: the seed firms, and the organisations found in documents that
-- match none of them (is_resolved = false, named as first written, with a
-- stable id from the normalised name). Nothing found in text is dropped.
with firms as (
    select * from staging.stg_firms
),

parties as (
    select * from intermediate.int_candidate_parties
),

aliases as (
    select * from staging.stg_firm_aliases
),

mentions as (
    select
        firm_id,
        count(*) as mention_count,
        count(distinct document_id) as document_count,
        list(distinct name order by name) as names_in_text
    from parties
    group by firm_id
),

firm_aliases as (
    select firm_id, list(distinct alias order by alias) as aliases
    from aliases
    group by firm_id
),

unresolved as (
    -- the most frequent spelling names the firm; ties go to the longest, then the first
    select firm_id, name as firm_name
    from parties
    where not is_resolved
    group by firm_id, name
    qualify row_number() over (partition by firm_id order by count(*) desc, length(name) desc, name) = 1
),

all_firms as (
    select firm_id, firm_name, country_code, firm_kind, true as is_resolved from firms
    union all
    select firm_id, firm_name, null as country_code, null as firm_kind, false as is_resolved from unresolved
),

final as (
    select
        all_firms.firm_id,
        all_firms.firm_name,
        all_firms.country_code,
        all_firms.firm_kind,
        all_firms.is_resolved,
        coalesce(firm_aliases.aliases, []) as aliases,
        coalesce(mentions.names_in_text, []) as names_in_text,
        coalesce(mentions.mention_count, 0) as mention_count,
        coalesce(mentions.document_count, 0) as document_count
    from all_firms
    left join firm_aliases on firm_aliases.firm_id = all_firms.firm_id
    left join mentions on mentions.firm_id = all_firms.firm_id
)

select * from final
