-- mistake: integer division truncates the share to a whole percent
-- trap: integer-division
WITH numbered AS (
  SELECT COALESCE(coupon_code, 'none') AS coupon,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS n
  FROM orders
  WHERE status = 'completed'
)
SELECT coupon, COUNT(*) AS orders, SUM(n > 1) AS returning_orders, 100 * SUM(n > 1) / COUNT(*) AS returning_pct
FROM numbered
GROUP BY coupon
ORDER BY coupon;
