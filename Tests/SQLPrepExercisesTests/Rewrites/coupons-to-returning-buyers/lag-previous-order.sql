-- rewrite: LAG finds the previous completed order of the same user; returning = it exists; CAST AS REAL, unrounded
WITH with_previous AS (
  SELECT IFNULL(coupon_code, 'none') AS coupon,
         LAG(order_id) OVER (PARTITION BY user_id ORDER BY ordered_at) AS previous_order
  FROM orders
  WHERE status = 'completed'
)
SELECT coupon, COUNT(*), COUNT(previous_order), CAST(COUNT(previous_order) AS REAL) / COUNT(*) * 100
FROM with_previous
GROUP BY coupon
ORDER BY coupon;
