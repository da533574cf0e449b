-- The weight of each confidence feature in the fact's score (a logistic fit,
-- written by scripts/calibrate_confidence.py); `intercept` is the base score.
with source as (
    select * from seeds.confidence_weights
),

final as (
    select
        trim(feature) as feature,
        cast(weight as double) as weight
    from source
)

select * from final
