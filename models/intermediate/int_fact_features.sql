-- The evidence behind each fact, as features of its confidence: one row per fact,
-- one column per feature (1.0 when it holds, else 0.0). Features describe how the
-- fact was found (the cue's rule, where its party and amount stood, the words
-- around it), never which document or corpus it came from.
-- intermediate.int_fact_confidence weighs them with seeds.confidence_weights.
with facts as (
    select * from intermediate.int_facts
),

candidates as (
    select * from intermediate.int_candidates
),

parties as (
    select * from intermediate.int_candidate_parties
),

firms as (
    select * from staging.stg_firms
),

documents as (
    select * from staging.stg_documents
),

money as (
    select * from staging.stg_money_mentions
),

markers as (
    select * from staging.stg_confidence_markers
),

-- amounts found in the evidence sentence, by what the extractor took them for
sentence_money as (
    select
        facts.fact_id,
        count(*) filter (where money.label = 'fact') as fact_amounts,
        count(*) filter (where money.label <> 'fact') as nonfact_amounts
    from facts
    inner join candidates on candidates.candidate_id = facts.evidence_candidate_id
    inner join money
        on money.document_id = candidates.document_id
        and money.sentence_start = candidates.sentence_start
    group by facts.fact_id
),

-- marker words of each kind in the evidence sentence (whole words, any case): both
-- sides as words between spaces, so one substring search replaces a regular expression
-- built per fact and marker (whose cost grew with the corpus times the markers)
evidence_words as (
    select
        facts.fact_id,
        documents.language,
        ' ' || regexp_replace(replace(lower(facts.evidence), '’', ''''), '[^\p{L}\p{N}]+', ' ', 'g') || ' '
            as words
    from facts
    inner join documents on documents.document_id = facts.document_id
),

marker_words as (
    select
        kind,
        language,
        ' ' || trim(regexp_replace(replace(lower(marker), '’', ''''), '[^\p{L}\p{N}]+', ' ', 'g')) || ' '
            as words
    from markers
),

sentence_markers as (
    select
        evidence_words.fact_id,
        bool_or(marker_words.kind = 'hedge') as has_hedge,
        bool_or(marker_words.kind = 'plan') as has_plan,
        bool_or(marker_words.kind = 'total') as has_total,
        bool_or(marker_words.kind = 'range') as has_range,
        bool_or(marker_words.kind = 'deal') as has_deal_word
    from evidence_words
    inner join marker_words
        on marker_words.language in (evidence_words.language, 'any')
        and contains(evidence_words.words, marker_words.words)
    group by evidence_words.fact_id
),

-- other parties named by the evidence candidate itself: investors, recipients, a vendor
counterparties as (
    select facts.fact_id, count(*) as parties
    from facts
    inner join parties on parties.candidate_id = facts.evidence_candidate_id
    where parties.role in ('investor', 'recipient', 'vendor')
        and parties.rule not in ('previous_sentence', 'next_sentence')
    group by facts.fact_id
),

-- candidates of another fact type in the evidence sentence (an order priced in a
-- deal, a grant read as an investment: the type is less sure)
other_types as (
    select distinct facts.fact_id
    from facts
    inner join candidates as evidence on evidence.candidate_id = facts.evidence_candidate_id
    inner join candidates as others
        on others.document_id = evidence.document_id
        and others.sentence_start = evidence.sentence_start
        and others.fact_type <> facts.fact_type
),

document_facts as (
    select document_id, count(*) as complete_facts
    from facts
    where is_complete
    group by document_id
),

final as (
    select
        facts.fact_id,
        facts.fact_type,
        facts.evidence_rule,
        -- restated: two or more sentences of the document state the same fact
        case when facts.candidate_count > 1 then 1.0 else 0.0 end as is_restated,
        -- background: a deal recalled from the past, not the article's news
        case when facts.is_background then 1.0 else 0.0 end as is_background,
        -- no amount: the fact states no money (a chip purchase may still count chips)
        case when facts.amount is null then 1.0 else 0.0 end as has_no_amount,
        -- a chip purchase stating no chip count
        case when facts.fact_type = 'chip_purchase' and facts.quantity is null then 1.0 else 0.0 end
            as has_no_quantity,
        -- the main party resolved to a known firm of seeds.firms (not an unresolved name)
        case when coalesce(candidates.main_party_is_resolved, false) then 1.0 else 0.0 end as party_is_known,
        -- an investee or buyer named without a capital letter ("the operator"): a common noun,
        -- not a firm (a subsidy's grantor may well be "le gouvernement": its party is the country)
        case when facts.fact_type <> 'subsidy'
            and coalesce(candidates.main_party_name, facts.main_party_name, '')
                = lower(coalesce(candidates.main_party_name, facts.main_party_name, ''))
            then 1.0 else 0.0 end as party_is_lowercase,
        -- the main party is named in the document's title (the article is about it)
        case when documents.title is not null and length(coalesce(candidates.main_party_name, facts.main_party_name, '')) >= 2
            and contains(lower(documents.title), lower(coalesce(candidates.main_party_name, facts.main_party_name)))
            then 1.0 else 0.0 end as party_in_title,
        -- the cue's own sentence names a counterparty too (an investor, a recipient, a vendor)
        case when coalesce(counterparties.parties, 0) > 0 then 1.0 else 0.0 end as has_counterparty,
        -- the text itself dates the event (not the article's publication date)
        case when facts.date_source = 'text' then 1.0 else 0.0 end as is_dated,
        -- the main party was borrowed from a neighbouring sentence, not found in the cue's own
        case when candidates.main_party_rule in ('previous_sentence', 'next_sentence') then 1.0 else 0.0 end
            as party_is_borrowed,
        -- the main party stands after the cue (an object), not as the cue's subject
        case when candidates.main_party_rule in ('after_cue', 'object') then 1.0 else 0.0 end as party_after_cue,
        -- the main party is more than 100 characters from the cue
        case when abs(candidates.main_party_start - candidates.cue_start) > 100 then 1.0 else 0.0 end
            as party_far_from_cue,
        -- the amount is more than 40 characters from the cue
        case when abs(candidates.amount_start - candidates.cue_start) > 40 then 1.0 else 0.0 end
            as amount_far_from_cue,
        -- the main party's seed kind does not fit its role: an investor or public body
        -- receiving an investment, a chip vendor buying chips
        case
            when facts.fact_type = 'investment' and main_firm.firm_kind in ('investor', 'public_body') then 1.0
            when facts.fact_type = 'chip_purchase' and main_firm.firm_kind = 'chip_vendor' then 1.0
            else 0.0
        end as party_kind_mismatch,
        -- the sentence states other deal amounts too (which amount belongs to whom is less sure)
        case when coalesce(sentence_money.fact_amounts, 0) > 1 then 1.0 else 0.0 end as has_other_amounts,
        -- the sentence states amounts the extractor took for non-facts (an estimate, revenue,
        -- a market size, a valuation)
        case when coalesce(sentence_money.nonfact_amounts, 0) > 0 then 1.0 else 0.0 end
            as has_nonfact_amounts,
        -- hedge words: could, reportedly, selon, pourrait ...
        case when coalesce(sentence_markers.has_hedge, false) then 1.0 else 0.0 end as has_hedge,
        -- plan words: plans to, prévoit ...
        case when coalesce(sentence_markers.has_plan, false) then 1.0 else 0.0 end as has_plan,
        -- total words: in total, to date, depuis ...
        case when coalesce(sentence_markers.has_total, false) then 1.0 else 0.0 end as has_total,
        -- range words: between, up to, jusqu'à ...
        case when coalesce(sentence_markers.has_range, false) then 1.0 else 0.0 end as has_range,
        -- deal words: a round, a series, a grant, an award
        case when coalesce(sentence_markers.has_deal_word, false) then 1.0 else 0.0 end as has_deal_word,
        -- the evidence sentence is also a candidate of another fact type
        case when other_types.fact_id is not null then 1.0 else 0.0 end as has_other_type,
        -- the document reports five facts or more (a round-up, where cues mix)
        case when coalesce(document_facts.complete_facts, 0) >= 5 then 1.0 else 0.0 end as is_crowded
    from facts
    inner join candidates on candidates.candidate_id = facts.evidence_candidate_id
    left join firms as main_firm on main_firm.firm_id = facts.main_firm_id
    left join sentence_money on sentence_money.fact_id = facts.fact_id
    left join sentence_markers on sentence_markers.fact_id = facts.fact_id
    left join counterparties on counterparties.fact_id = facts.fact_id
    left join documents on documents.document_id = facts.document_id
    left join other_types on other_types.fact_id = facts.fact_id
    left join document_facts on document_facts.document_id = facts.document_id
)

select * from final
