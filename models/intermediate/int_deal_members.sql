-- Each complete fact and its deal: the rows of int_deal_components (which computes again
-- only the deals a changed fact can reach), without the rows of facts that are gone.
select fact_id, deal_id
from intermediate.int_deal_components
where deal_id is not null
