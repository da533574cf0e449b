-- Each party of each candidate resolved to a firm. A name that matches no seed
-- firm becomes an unresolved firm with a stable id built from its normalised name.
with parties as (
    select * from staging.stg_candidate_parties
),

names as (
    select * from intermediate.int_firm_names
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

final as (
    select
        candidate_id,
        document_id,
        role,
        name,
        span_start,
        span_end,
        rule,
        name_key,
        coalesce(
            resolved_firm_id,
            'unresolved:' || coalesce(replace(name_key, ' ', '-'), md5(name))
        ) as firm_id,
        resolved_firm_id is not null as is_resolved,
        coalesce(match_kind, 'unresolved') as match_kind
    from matched
)

select * from final
