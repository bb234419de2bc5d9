-- mistake: tests coupon_code = NULL, which is never true, so every order lands in has_coupon = 'yes'
-- trap: nulls
WITH apparel_orders AS (
  SELECT DISTINCT i.order_id FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id WHERE p.category = 'apparel'
),
labelled AS (
  SELECT o.status,
         CASE WHEN o.order_id IN (SELECT order_id FROM apparel_orders) THEN 'yes' ELSE 'no' END AS has_apparel,
         CASE WHEN o.coupon_code = NULL THEN 'no' ELSE 'yes' END AS has_coupon
  FROM orders AS o WHERE o.status IN ('completed', 'refunded')
)
SELECT has_apparel, has_coupon, COUNT(*) AS orders, SUM(status = 'refunded') AS refunded,
       ROUND(100.0 * SUM(status = 'refunded') / COUNT(*), 1) AS refund_pct
FROM labelled
GROUP BY has_apparel, has_coupon
ORDER BY has_apparel, has_coupon;
