-- Each fact's confidence (0 to 1): its score (the sum of the weighted features in
-- intermediate.int_fact_confidence_terms) read through the calibration steps of
-- seeds.confidence_calibration, measured on a tuning corpus with gold facts: the
-- share of right facts among those scoring in that step. Without calibration rows
-- the score's logistic, 1 / (1 + exp(-score)), is used.
with terms as (
    select * from intermediate.int_fact_confidence_terms
),

calibration as (
    select * from staging.stg_confidence_calibration
),

scores as (
    select
        fact_id,
        sum(contribution) as score,
        1.0 / (1.0 + exp(-sum(contribution))) as logistic
    from terms
    group by fact_id
),

-- the step whose lower bound is the highest one at or below the score
steps as (
    select
        scores.fact_id,
        arg_max(calibration.confidence, calibration.score_from) as confidence
    from scores
    inner join calibration on calibration.score_from <= scores.score
    group by scores.fact_id
),

-- a score below every step takes the lowest step
lowest as (
    select arg_min(confidence, score_from) as confidence from calibration
),

final as (
    select
        scores.fact_id,
        round(scores.score, 4) as score,
        round(scores.logistic, 4) as logistic,
        round(least(greatest(coalesce(steps.confidence, lowest.confidence, scores.logistic), 0.0), 1.0), 4)
            as confidence
    from scores
    left join steps on steps.fact_id = scores.fact_id
    cross join lowest
)

select * from final
