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

-- acronyms the seed gives (LRZ, METI, PIF) that the canonical name does not spell
acronyms as (
    select
        aliases.firm_id,
        string_agg(distinct aliases.alias, ', ' order by aliases.alias) as short_name
    from aliases
    inner join firms on firms.firm_id = aliases.firm_id
    where regexp_full_match(aliases.alias, '[A-Z][A-Z0-9&]{1,5}')
        and not contains(lower(firms.firm_name), lower(aliases.alias))
    group by aliases.firm_id
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
        -- public bodies, universities, projects and investors are known by their
        -- acronyms as much as by their names: "Leibniz Supercomputing Centre (LRZ)"
        case
            when all_firms.firm_kind in ('public_body', 'university', 'project', 'investor')
                and acronyms.short_name is not null
                then all_firms.firm_name || ' (' || acronyms.short_name || ')'
            else all_firms.firm_name
        end as firm_name,
        all_firms.firm_name as canonical_name,
        acronyms.short_name,
        all_firms.country_code,
        all_firms.firm_kind,
        all_firms.is_resolved,
        coalesce(firm_aliases.aliases, []) as aliases,
        coalesce(mentions.names_in_text, []) as names_in_text,
        coalesce(mentions.mention_count, 0) as mention_count,
        coalesce(mentions.document_count, 0) as document_count
    from all_firms
    left join firm_aliases on firm_aliases.firm_id = all_firms.firm_id
    left join acronyms on acronyms.firm_id = all_firms.firm_id
    left join mentions on mentions.firm_id = all_firms.firm_id
)

select * from final
