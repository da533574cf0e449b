-- Each fact's confidence score, term by term: the intercept, the cue's rule
-- (`rule:<evidence_rule>`, how strong that rule has proved) and every feature of
-- intermediate.int_fact_features, each with its weight from seeds.confidence_weights
-- (a feature without a weight counts 0). The score is the sum of the contributions.
with features as (
    select * from intermediate.int_fact_features
),

weights as (
    select * from staging.stg_confidence_weights
),

-- one row per fact and feature column
long_features as (
    select fact_id, term.feature, term.value
    from (
        select fact_id, unnest([
            {'feature': 'is_restated', 'value': is_restated},
            {'feature': 'is_background', 'value': is_background},
            {'feature': 'has_no_amount', 'value': has_no_amount},
            {'feature': 'has_no_quantity', 'value': has_no_quantity},
            {'feature': 'party_is_known', 'value': party_is_known},
            {'feature': 'party_is_lowercase', 'value': party_is_lowercase},
            {'feature': 'party_in_title', 'value': party_in_title},
            {'feature': 'has_counterparty', 'value': has_counterparty},
            {'feature': 'is_dated', 'value': is_dated},
            {'feature': 'party_is_borrowed', 'value': party_is_borrowed},
            {'feature': 'party_after_cue', 'value': party_after_cue},
            {'feature': 'party_far_from_cue', 'value': party_far_from_cue},
            {'feature': 'amount_far_from_cue', 'value': amount_far_from_cue},
            {'feature': 'party_kind_mismatch', 'value': party_kind_mismatch},
            {'feature': 'has_other_amounts', 'value': has_other_amounts},
            {'feature': 'has_nonfact_amounts', 'value': has_nonfact_amounts},
            {'feature': 'has_hedge', 'value': has_hedge},
            {'feature': 'has_plan', 'value': has_plan},
            {'feature': 'has_total', 'value': has_total},
            {'feature': 'has_range', 'value': has_range},
            {'feature': 'has_deal_word', 'value': has_deal_word},
            {'feature': 'has_other_type', 'value': has_other_type},
            {'feature': 'is_crowded', 'value': is_crowded}
        ]) as term
        from features
    )
),

terms as (
    select fact_id, 'intercept' as feature, 1.0 as value
    from features
    union all
    select fact_id, 'rule:' || evidence_rule as feature, 1.0 as value
    from features
    union all
    select fact_id, feature, value
    from long_features
),

final as (
    select
        terms.fact_id,
        terms.feature,
        terms.value,
        coalesce(weights.weight, 0.0) as weight,
        terms.value * coalesce(weights.weight, 0.0) as contribution
    from terms
    left join weights on weights.feature = terms.feature
)

select * from final
