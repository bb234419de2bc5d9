-- mistake: numbers all of a user's orders, so a cancelled or refunded earlier order is enough to make the customer "returning"
-- trap: order-status
WITH numbered AS (
  SELECT status, COALESCE(coupon_code, 'none') AS coupon,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS n
  FROM orders
)
SELECT coupon, COUNT(*) AS orders, SUM(n > 1) AS returning_orders,
       ROUND(100.0 * SUM(n > 1) / COUNT(*), 1) AS returning_pct
FROM numbered
WHERE status = 'completed'
GROUP BY coupon
ORDER BY coupon;
