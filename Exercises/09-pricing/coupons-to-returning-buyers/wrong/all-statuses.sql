-- mistake: classifies cancelled and refunded orders too, and lets them count as earlier orders
-- trap: order-status
WITH numbered AS (
  SELECT COALESCE(coupon_code, 'none') AS coupon,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS n
  FROM orders
)
SELECT coupon, COUNT(*) AS orders, SUM(n > 1) AS returning_orders,
       ROUND(100.0 * SUM(n > 1) / COUNT(*), 1) AS returning_pct
FROM numbered
GROUP BY coupon
ORDER BY coupon;
