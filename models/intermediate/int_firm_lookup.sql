-- Deterministic name -> firm lookup built from seed names and aliases, in three
-- tiers tried in order: exact normalised name, name without legal suffixes, and the
-- same without spaces. Within a tier a canonical name beats an alias, then the
-- smaller firm_id wins; such collisions are flagged, never fuzzy-matched.
with firms as (
    select * from staging.stg_firms
),

aliases as (
    select * from staging.stg_firm_aliases
),

names as (
    select * from intermediate.int_names
),

firm_names as (
    select firm_id, firm_name as name, 1 as source_rank from firms
    union all
    select aliases.firm_id, aliases.alias as name, 2 as source_rank
    from aliases
    inner join firms on firms.firm_id = aliases.firm_id
),

keyed as (
    select firm_names.firm_id, firm_names.source_rank, names.name_exact, names.name_key, names.name_compact
    from firm_names
    inner join names on names.name = firm_names.name
),

tiers as (
    select 1 as tier, 'exact' as match_kind, name_exact as lookup_key, firm_id, source_rank from keyed
    union all
    select 2 as tier, 'no_suffix' as match_kind, name_key as lookup_key, firm_id, source_rank from keyed
    union all
    select 3 as tier, 'compact' as match_kind, name_compact as lookup_key, firm_id, source_rank from keyed
),

ranked as (
    select
        *,
        row_number() over (partition by tier, lookup_key order by source_rank, firm_id) as rank_in_key,
        count(distinct firm_id) over (partition by tier, lookup_key) as firm_count
    from tiers
    where lookup_key is not null
),

final as (
    select
        tier,
        match_kind,
        lookup_key,
        firm_id,
        firm_count > 1 as is_ambiguous
    from ranked
    where rank_in_key = 1
)

select * from final
