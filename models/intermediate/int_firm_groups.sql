-- A seed firm's group: the seed firm of its country whose name it extends with
-- more words ("Naver Cloud" -> Naver, "NTT Data" -> NTT, "Intel Capital" ->
-- Intel), else itself. Articles name the parent or the subsidiary for one deal,
-- so deals match on the group. The shortest such name is the group.
with firms as (
    select * from staging.stg_firms
),

parents as (
    select
        child.firm_id,
        parent.firm_id as group_firm_id
    from firms as child
    inner join firms as parent
        on parent.firm_id <> child.firm_id
        and parent.country_code = child.country_code
        and starts_with(lower(child.firm_name), lower(parent.firm_name) || ' ')
    qualify row_number() over (
        partition by child.firm_id order by length(parent.firm_name), parent.firm_id
    ) = 1
),

final as (
    select
        firms.firm_id,
        coalesce(parents.group_firm_id, firms.firm_id) as group_firm_id
    from firms
    left join parents on parents.firm_id = firms.firm_id
)

select * from final
