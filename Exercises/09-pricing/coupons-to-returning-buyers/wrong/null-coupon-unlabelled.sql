-- mistake: groups by coupon_code as it is, so the orders without a coupon come out under NULL instead of 'none'
-- trap: nulls
WITH numbered AS (
  SELECT coupon_code AS coupon,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS n
  FROM orders
  WHERE status = 'completed'
)
SELECT coupon, COUNT(*) AS orders, SUM(n > 1) AS returning_orders,
       ROUND(100.0 * SUM(n > 1) / COUNT(*), 1) AS returning_pct
FROM numbered
GROUP BY coupon
ORDER BY coupon;
