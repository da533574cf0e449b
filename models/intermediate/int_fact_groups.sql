-- Merge restatements: candidates of one document, one fact type and one main
-- party (the investee or buyer firm; for a subsidy the granting country) that
-- state the same deal become one fact. Candidates are sorted by their measure
-- (amount in USD; for chip purchases the quantity) and a new fact starts where
-- the measure jumps by more than 15 %, so EUR 600M and USD 640M of one round
-- stay together while a EUR 105M earlier round stays apart. A candidate
-- without a measure joins the first fact of its party (preferring one with the
-- same background flag); if the party has no measured candidate at all, its
-- candidates form one fact. fact_id is an md5 of document, type, party and the
-- earliest candidate, so it is stable across builds. A grant shared out to each firm
-- of a list is keyed by its firm too.
with candidates as (
    select * from intermediate.int_candidates
),

parties as (
    select * from intermediate.int_candidate_parties
),

-- "A, B et C recevront chacune 4 M€", "A, B et C reçoivent respectivement 200, 180 et
-- 120 M", "A and B will each contribute €25 million": each firm's own grant (each
-- body's), never a restatement of another's at the same or a near amount
shares as (
    select candidate_id, min(firm_id) as share_firm_id
    from parties
    where (role = 'recipient' and rule in ('each', 'respectively')) or (role = 'grantor' and rule = 'each')
    group by candidate_id
),

keyed as (
    select
        candidates.*,
        coalesce(
            case
                when candidates.fact_type = 'subsidy'
                    then candidates.grantor_country_code || coalesce('|' || shares.share_firm_id, '')
            end,
            candidates.main_firm_id,
            ''
        ) as merge_party,
        case
            when fact_type = 'chip_purchase' then cast(quantity as double)
            else amount_usd
        end as measure
    from candidates
    left join shares on shares.candidate_id = candidates.candidate_id
),

measured as (
    select
        *,
        lag(measure) over (
            partition by document_id, fact_type, merge_party
            order by measure, sentence_start, candidate_id
        ) as previous_measure
    from keyed
    where measure is not null
),

islands as (
    select
        *,
        sum(case when previous_measure is null or measure > previous_measure * 1.15 then 1 else 0 end)
            over (
                partition by document_id, fact_type, merge_party
                order by measure, sentence_start, candidate_id
                rows between unbounded preceding and current row
            ) as island
    from measured
),

clusters as (
    select
        document_id,
        fact_type,
        merge_party,
        island,
        min(sentence_start) as first_sentence_start,
        bool_and(is_background) as is_background
    from islands
    group by all
),

unmeasured as (
    select * from keyed where measure is null
),

attached as (
    select
        unmeasured.candidate_id,
        unmeasured.document_id,
        unmeasured.fact_type,
        unmeasured.merge_party,
        coalesce(clusters.island, 0) as island
    from unmeasured
    left join clusters
        on clusters.document_id = unmeasured.document_id
        and clusters.fact_type = unmeasured.fact_type
        and clusters.merge_party = unmeasured.merge_party
    qualify row_number() over (
        partition by unmeasured.candidate_id
        order by (clusters.is_background <> unmeasured.is_background), clusters.first_sentence_start
    ) = 1
),

members as (
    select candidate_id, document_id, fact_type, merge_party, island from islands
    union all
    select candidate_id, document_id, fact_type, merge_party, island from attached
),

with_anchor as (
    select
        members.*,
        first_value(members.candidate_id) over (
            partition by members.document_id, members.fact_type, members.merge_party, members.island
            order by keyed.sentence_start, keyed.cue_start nulls last, members.candidate_id
        ) as anchor_candidate_id
    from members
    inner join keyed on keyed.candidate_id = members.candidate_id
),

final as (
    select
        md5(document_id || '|' || fact_type || '|' || merge_party || '|' || anchor_candidate_id) as fact_id,
        candidate_id,
        document_id,
        fact_type,
        merge_party,
        anchor_candidate_id
    from with_anchor
)

select * from final
