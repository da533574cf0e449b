-- every order once, as first seen: only orders newer than the last build's are added
-- (dbt's is_incremental() filter; on the first build marts.orders_log reads as empty)
select order_id, customer_id, order_date, status as first_status
from staging.stg_orders
where order_date > (select coalesce(max(order_date), '-infinity'::date) from marts.orders_log)
