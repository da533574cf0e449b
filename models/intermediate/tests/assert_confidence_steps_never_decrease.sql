-- The calibration steps of seeds/confidence_calibration.csv never lower the confidence
-- as the score grows (a higher score is never a less sure fact). Returns the offending steps.
with steps as (
    select * from staging.stg_confidence_calibration
),

ordered as (
    select
        score_from,
        confidence,
        lag(confidence) over (order by score_from) as previous_confidence
    from steps
)

select * from ordered
where confidence < previous_confidence
