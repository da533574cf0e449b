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

keyed as (
    select
        facts.fact_id,
        facts.fact_type,
        case
            when facts.fact_type = 'subsidy' then facts.grantor_country_code
            -- a state buying chips is one buyer whether the text names the country or a ministry
            when facts.fact_type = 'chip_purchase' and country_names.country_code is not null
                then 'state:' || country_names.country_code
            when facts.fact_type = 'chip_purchase' and firms.firm_kind = 'public_body'
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
        ) as report_order
    from facts
    left join recipients on recipients.fact_id = facts.fact_id
    left join documents on documents.document_id = facts.document_id
    left join firms on firms.firm_id = facts.main_firm_id
    left join firm_groups on firm_groups.firm_id = facts.main_firm_id
    left join country_names on country_names.name = lower(facts.main_party_name)
),

measured as (
    select * from keyed
    where deal_party is not null and (amount_usd is not null or chip_count is not null)
),

same_deal as (
    -- pairs of reports of one deal, in both directions
    select a.fact_id as fact_a, b.fact_id as fact_b
    from measured as a
    inner join measured as b
        on b.fact_type = a.fact_type
        and b.deal_party = a.deal_party
        and b.fact_id <> a.fact_id
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

-- connected groups by label propagation: each report starts with its own rank among the
-- first reports and takes the smallest rank of a report it matches, until no rank moves.
-- (Listing every reachable pair grew with the square of a much-reported deal's size.)
components (fact_id, label) using key (fact_id) as (
    select fact_id, report_order from measured
    union
    (
        select same_deal.fact_b, min(components.label)
        from components
        inner join same_deal on same_deal.fact_a = components.fact_id
        inner join recurring.components as current on current.fact_id = same_deal.fact_b
        group by same_deal.fact_b, current.label
        having min(components.label) < current.label
    )
),

measured_members as (
    select
        components.fact_id,
        -- the group's first report names the deal
        first_report.fact_id as first_fact_id
    from components
    inner join keyed as first_report on first_report.report_order = components.label
),

measured_deals as (
    select
        measured.fact_type,
        measured.deal_party,
        md5(measured.fact_type || '|' || measured_members.first_fact_id) as deal_id
    from measured
    inner join measured_members on measured_members.fact_id = measured.fact_id
),

single_deal_parties as (
    select fact_type, deal_party, min(deal_id) as deal_id
    from measured_deals
    group by fact_type, deal_party
    having count(distinct deal_id) = 1
),

final as (
    select measured_members.fact_id, md5(keyed.fact_type || '|' || measured_members.first_fact_id) as deal_id
    from measured_members
    inner join keyed on keyed.fact_id = measured_members.fact_id
    union all
    select
        keyed.fact_id,
        case
            when keyed.deal_party is null then md5(keyed.fact_type || '|' || keyed.fact_id)
            else coalesce(
                single_deal_parties.deal_id,
                md5(keyed.fact_type || '|' || keyed.deal_party || '|unmeasured')
            )
        end as deal_id
    from keyed
    left join single_deal_parties
        on single_deal_parties.fact_type = keyed.fact_type
        and single_deal_parties.deal_party = keyed.deal_party
    where keyed.fact_id not in (select fact_id from measured)
)

select * from final
