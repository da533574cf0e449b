-- Facts -> deals: the reports of one real-world deal, in every document, share
-- a deal_id. Two facts report the same deal when all of these hold:
--   * the same type and the same main party after name resolution, a subsidiary
--     named after its parent counting as the parent (int_firm_groups) (investee;
--     buyer, a state buying chips being one buyer whether the text names the
--     country or a ministry; for a subsidy the granting country, and recipients
--     that are not disjoint: a report may name fewer or none);
--   * their measures agree within 15 %: the amount in USD (converted at the
--     event's date, so EUR 600M and USD 640M of one round agree), for a chip
--     purchase the chip count when both state one;
--   * their dates are compatible: periods (a day, or the month or year the text
--     gives; for news the text does not date, its article's day) at most 183
--     days apart. A background deal the text does not date has no period.
-- Deals are the connected groups of such pairs. A fact with no measure joins
-- its party's deal when the party has exactly one; otherwise the party's
-- unmeasured facts form one deal. A fact whose party is unknown is a deal of
-- its own. deal_id is an md5 of the type and the deal's first report (earliest
-- publication, then first loaded, then fact_id): it stays when later articles
-- about this or other deals arrive, and when the build is re-run.
--
-- Incremental (merged on fact_id, reading its own previous rows): a deal is a connected
-- group of facts, and the match of two facts reads nothing but the two (their party,
-- recipients, measures and periods; their documents' publication and load order the
-- reports). Each row keeps a signature of its fact's inputs and its group (first_fact_id).
-- A build recomputes only the groups a changed fact (new, edited or gone) can reach: the
-- new and edited facts, the old groups that lost or changed a fact (their remaining facts
-- matched again), and the old groups a new or edited fact matches (still connected, as they
-- were). Any other group keeps its facts and first report, so its rows stay. Unmeasured facts
-- are recomputed every build (few, cheap); a fact that is gone leaves a row without deal_id
-- (int_deal_members leaves it out). A change to this SQL rebuilds the model from scratch
-- (the engine does so for an incremental model that reads itself).
with recursive facts as (
    select * from intermediate.int_facts where is_complete
),

groups as (
    select * from intermediate.int_fact_groups
),

parties as (
    select * from intermediate.int_candidate_parties
),

documents as (
    select * from staging.stg_documents
),

firms as (
    select * from staging.stg_firms
),

firm_groups as (
    select * from intermediate.int_firm_groups
),

country_names as (
    select distinct lower(name) as name, country_code from staging.stg_country_names where kind = 'name'
),

recipients as (
    select
        groups.fact_id,
        list(distinct parties.firm_id order by parties.firm_id) as recipient_ids
    from groups
    inner join parties on parties.candidate_id = groups.candidate_id
    where parties.role = 'recipient' and parties.firm_id is not null
    group by groups.fact_id
),

-- a buyer the extractor read as a public body ("ministère indien de l'Électronique") is
-- its state even when no seed names it
public_buyers as (
    select distinct facts.fact_id
    from facts
    inner join parties
        on parties.candidate_id = facts.evidence_candidate_id and parties.firm_id = facts.main_firm_id
    where facts.fact_type = 'chip_purchase' and parties.role = 'buyer' and parties.rule = 'public_body'
),

keyed as (
    select
        facts.fact_id,
        facts.fact_type,
        case
            when facts.fact_type = 'subsidy' then facts.grantor_country_code
            -- a state buying chips is one buyer whether the text names the country or a ministry
            when facts.fact_type = 'chip_purchase' and country_names.country_code is not null
                then 'state:' || country_names.country_code
            when facts.fact_type = 'chip_purchase'
                and (firms.firm_kind = 'public_body' or public_buyers.fact_id is not null)
                then 'state:' || coalesce(firms.country_code, facts.country_code)
            -- "Naver" and "Naver Cloud" buying one batch of GPUs: one buyer
            else coalesce(firm_groups.group_firm_id, facts.main_firm_id)
        end as deal_party,
        coalesce(recipients.recipient_ids, []) as recipient_ids,
        facts.amount_usd,
        case when facts.fact_type = 'chip_purchase' then cast(facts.quantity as double) end as chip_count,
        -- the period the fact is dated to (by its text, or for news by its article)
        facts.announced_on as period_start,
        case
            when facts.date_precision = 'year' then facts.announced_on + interval 1 year - interval 1 day
            when facts.date_precision = 'month' then facts.announced_on + interval 1 month - interval 1 day
            else facts.announced_on
        end as period_end,
        -- the first report: earliest published, then first loaded into this warehouse
        row_number() over (
            order by documents.published_on nulls last, documents.loaded_at nulls last, facts.fact_id
        ) as report_order,
        documents.published_on,
        documents.loaded_at
    from facts
    left join recipients on recipients.fact_id = facts.fact_id
    left join documents on documents.document_id = facts.document_id
    left join firms on firms.firm_id = facts.main_firm_id
    left join firm_groups on firm_groups.firm_id = facts.main_firm_id
    left join public_buyers on public_buyers.fact_id = facts.fact_id
    left join country_names on country_names.name = lower(facts.main_party_name)
),

latest as (
    select
        *,
        md5(cast((fact_type, deal_party, recipient_ids, amount_usd, chip_count, period_start,
                  period_end, published_on, loaded_at) as varchar)) as fact_signature,
        deal_party is not null and (amount_usd is not null or chip_count is not null) as is_measured
    from keyed
),

before as (
    select fact_id, fact_signature, first_fact_id, deal_id
    from intermediate.int_deal_components
    where deal_id is not null
),

-- facts that are new or whose inputs changed since the last build (every fact on the first)
changed as (
    select latest.*
    from latest
    left join before on before.fact_id = latest.fact_id and before.fact_signature = latest.fact_signature
    where before.fact_id is null
),

-- measured facts unchanged since the last build, with their group then
kept as (
    select latest.*, before.first_fact_id
    from latest
    inner join before on before.fact_id = latest.fact_id and before.fact_signature = latest.fact_signature
    where latest.is_measured
),

-- old groups that lost a fact or whose fact changed: matched again from their remaining facts
broken as (
    select distinct before.first_fact_id
    from before
    left join latest on latest.fact_id = before.fact_id and latest.fact_signature = before.fact_signature
    where latest.fact_id is null and before.first_fact_id is not null
),

-- the pairs to match: a new or edited fact with any measured fact of its type and party, and
-- two facts left in a broken group. From here on a fact is its report_order (a node of the
-- graph: integers keep the pairs of a much-reported deal small)
candidate_pairs as (
    select a.report_order as node_a, b.report_order as node_b
    from changed as a
    inner join latest as b
        on b.fact_type = a.fact_type
        and b.deal_party = a.deal_party
        and b.fact_id <> a.fact_id
    where a.is_measured and b.is_measured
    union all
    select b.report_order as node_a, a.report_order as node_b
    from changed as a
    inner join kept as b
        on b.fact_type = a.fact_type
        and b.deal_party = a.deal_party
    where a.is_measured
    union all
    select a.report_order as node_a, b.report_order as node_b
    from kept as a
    inner join kept as b
        on b.first_fact_id = a.first_fact_id
        and b.fact_id <> a.fact_id
    where a.first_fact_id in (select first_fact_id from broken)
),

same_deal as (
    -- pairs of reports of one deal, in both directions
    select candidate_pairs.node_a, candidate_pairs.node_b
    from candidate_pairs
    inner join latest as a on a.report_order = candidate_pairs.node_a
    inner join latest as b on b.report_order = candidate_pairs.node_b
    where
        case
            when a.chip_count is not null and b.chip_count is not null
                then greatest(a.chip_count, b.chip_count) <= least(a.chip_count, b.chip_count) * 1.15
            when a.amount_usd is not null and b.amount_usd is not null
                then greatest(a.amount_usd, b.amount_usd) <= least(a.amount_usd, b.amount_usd) * 1.15
            else false
        end
        -- grants to different firms are different deals; a report may leave the recipient out
        and (
            len(a.recipient_ids) = 0 or len(b.recipient_ids) = 0
            or len(list_intersect(a.recipient_ids, b.recipient_ids)) > 0
        )
        and (
            a.period_start is null or b.period_start is null
            or date_diff('day', least(a.period_end, b.period_end), greatest(a.period_start, b.period_start)) <= 183
        )
),

-- old groups a new or edited fact matches, not broken: still connected as they were
joined as (
    select distinct kept.first_fact_id
    from same_deal
    inner join kept on kept.report_order = same_deal.node_b
    where kept.first_fact_id not in (select first_fact_id from broken)
),

-- the measured facts whose group is computed again
measured as (
    select report_order as node from changed where is_measured
    union all
    select report_order as node from kept
    where first_fact_id in (select first_fact_id from broken union all select first_fact_id from joined)
),

-- the edges: matched pairs, and each joined group's facts tied to its first report
edges as (
    select node_a, node_b from same_deal
    union all
    select kept.report_order, first_report.report_order from kept
    inner join joined on joined.first_fact_id = kept.first_fact_id
    inner join kept as first_report on first_report.fact_id = kept.first_fact_id
    where kept.fact_id <> kept.first_fact_id
    union all
    select first_report.report_order, kept.report_order from kept
    inner join joined on joined.first_fact_id = kept.first_fact_id
    inner join kept as first_report on first_report.fact_id = kept.first_fact_id
    where kept.fact_id <> kept.first_fact_id
),

-- connected groups by label propagation: each report starts with its own rank among the
-- first reports and takes the smallest rank of a report it matches, until no rank moves.
-- (Listing every reachable pair grew with the square of a much-reported deal's size.)
components (node, label) using key (node) as (
    select node, node from measured
    union
    (
        select edges.node_b, min(components.label)
        from components
        inner join edges on edges.node_a = components.node
        inner join recurring.components as current on current.node = edges.node_b
        group by edges.node_b, current.label
        having min(components.label) < current.label
    )
),

recomputed as (
    select
        fact.fact_id,
        -- the group's first report names the deal
        first_report.fact_id as first_fact_id
    from components
    inner join keyed as fact on fact.report_order = components.node
    inner join keyed as first_report on first_report.report_order = components.label
),

-- every measured fact's group after this build: recomputed, or kept as it was
measured_groups as (
    select fact_id, first_fact_id from recomputed
    union all
    select fact_id, first_fact_id from kept
    where fact_id not in (select fact_id from recomputed)
),

measured_deals as (
    select
        latest.fact_type,
        latest.deal_party,
        md5(latest.fact_type || '|' || measured_groups.first_fact_id) as deal_id
    from latest
    inner join measured_groups on measured_groups.fact_id = latest.fact_id
),

single_deal_parties as (
    select fact_type, deal_party, min(deal_id) as deal_id
    from measured_deals
    group by fact_type, deal_party
    having count(distinct deal_id) = 1
),

final as (
    select
        recomputed.fact_id,
        latest.fact_signature,
        recomputed.first_fact_id,
        md5(latest.fact_type || '|' || recomputed.first_fact_id) as deal_id
    from recomputed
    inner join latest on latest.fact_id = recomputed.fact_id
    union all
    select
        latest.fact_id,
        latest.fact_signature,
        null as first_fact_id,
        case
            when latest.deal_party is null then md5(latest.fact_type || '|' || latest.fact_id)
            else coalesce(
                single_deal_parties.deal_id,
                md5(latest.fact_type || '|' || latest.deal_party || '|unmeasured')
            )
        end as deal_id
    from latest
    left join single_deal_parties
        on single_deal_parties.fact_type = latest.fact_type
        and single_deal_parties.deal_party = latest.deal_party
    where not latest.is_measured
    union all
    -- facts that are gone: their rows leave int_deal_members
    select before.fact_id, null as fact_signature, null as first_fact_id, null as deal_id
    from before
    where before.fact_id not in (select fact_id from latest)
)

select * from final
