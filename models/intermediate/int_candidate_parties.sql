-- Each party of each candidate resolved to a firm: through the seed lookup
-- (exact, no suffix, compact), else as the short form of another party of the
-- same document; any other name becomes an unresolved firm with a stable id
-- built from its normalised name.
with parties as (
    select * from staging.stg_candidate_parties
),

names as (
    select * from intermediate.int_names
),

lookup as (
    select * from intermediate.int_firm_lookup
),

matched as (
    select
        parties.candidate_id,
        parties.document_id,
        parties.role,
        parties.name,
        parties.span_start,
        parties.span_end,
        parties.rule,
        names.name_key,
        coalesce(exact.firm_id, no_suffix.firm_id, compact.firm_id) as resolved_firm_id,
        case
            when exact.firm_id is not null then 'exact'
            when no_suffix.firm_id is not null then 'no_suffix'
            when compact.firm_id is not null then 'compact'
        end as match_kind
    from parties
    inner join names on names.name = parties.name
    left join lookup as exact on exact.tier = 1 and exact.lookup_key = names.name_exact
    left join lookup as no_suffix on no_suffix.tier = 2 and no_suffix.lookup_key = names.name_key
    left join lookup as compact on compact.tier = 3 and compact.lookup_key = names.name_compact
),

-- A short form that matches no seed firm ("Zhipu" after "Zhipu AI", "Telekom"
-- after "Deutsche Telekom") names the party of the same document whose normalised
-- name starts or ends with its words, when exactly one firm does: a rule on whole
-- words within one document, not fuzzy.
document_firms as (
    select distinct
        document_id,
        name_key,
        coalesce(resolved_firm_id, 'unresolved:' || replace(name_key, ' ', '-')) as firm_id,
        resolved_firm_id is not null as is_resolved
    from matched
    where name_key is not null
),

short_names as (
    select distinct document_id, name_key
    from matched
    where resolved_firm_id is null and length(name_key) >= 3
),

short_name_links as (
    select
        short_names.document_id,
        short_names.name_key,
        min(document_firms.firm_id) as firm_id,
        bool_and(document_firms.is_resolved) as is_resolved
    from short_names
    inner join document_firms
        on document_firms.document_id = short_names.document_id
        and (
            starts_with(document_firms.name_key, short_names.name_key || ' ')
            or ends_with(document_firms.name_key, ' ' || short_names.name_key)
        )
    group by all
    having count(distinct document_firms.firm_id) = 1
),

final as (
    select
        matched.candidate_id,
        matched.document_id,
        matched.role,
        matched.name,
        matched.span_start,
        matched.span_end,
        matched.rule,
        matched.name_key,
        coalesce(
            matched.resolved_firm_id,
            short_name_links.firm_id,
            'unresolved:' || coalesce(replace(matched.name_key, ' ', '-'), md5(matched.name))
        ) as firm_id,
        matched.resolved_firm_id is not null or coalesce(short_name_links.is_resolved, false) as is_resolved,
        case
            when matched.match_kind is not null then matched.match_kind
            when short_name_links.firm_id is not null then 'short_name'
            else 'unresolved'
        end as match_kind
    from matched
    left join short_name_links
        on short_name_links.document_id = matched.document_id
        and short_name_links.name_key = matched.name_key
        and matched.resolved_firm_id is null
)

select * from final
