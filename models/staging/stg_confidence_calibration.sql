-- Score-to-confidence steps (written by scripts/calibrate_confidence.py): a fact
-- whose score is at least score_from, and below the next step, has that confidence.
with source as (
    select * from seeds.confidence_calibration
),

final as (
    select
        cast(score_from as double) as score_from,
        cast(confidence as double) as confidence,
        cast(facts as integer) as facts,
        cast(right_facts as integer) as right_facts
    from source
)

select * from final
