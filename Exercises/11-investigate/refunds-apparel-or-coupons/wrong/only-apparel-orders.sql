-- mistake: an inner join to the apparel orders keeps only them, so the orders without apparel disappear
WITH apparel_orders AS (
  SELECT DISTINCT i.order_id FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id WHERE p.category = 'apparel'
)
SELECT 'yes' AS has_apparel, CASE WHEN o.coupon_code IS NOT NULL THEN 'yes' ELSE 'no' END AS has_coupon,
       COUNT(*) AS orders, SUM(o.status = 'refunded') AS refunded,
       ROUND(100.0 * SUM(o.status = 'refunded') / COUNT(*), 1) AS refund_pct
FROM orders AS o
JOIN apparel_orders AS a ON a.order_id = o.order_id
WHERE o.status IN ('completed', 'refunded')
GROUP BY has_coupon
ORDER BY has_apparel, has_coupon;
