-- mistake: integer division truncates the refund rate to a whole percent
-- trap: integer-division
WITH apparel_orders AS (
  SELECT DISTINCT i.order_id FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id WHERE p.category = 'apparel'
),
labelled AS (
  SELECT o.status,
         CASE WHEN o.order_id IN (SELECT order_id FROM apparel_orders) THEN 'yes' ELSE 'no' END AS has_apparel,
         CASE WHEN o.coupon_code IS NOT NULL THEN 'yes' ELSE 'no' END AS has_coupon
  FROM orders AS o WHERE o.status IN ('completed', 'refunded')
)
SELECT has_apparel, has_coupon, COUNT(*) AS orders, SUM(status = 'refunded') AS refunded,
       100 * SUM(status = 'refunded') / COUNT(*) AS refund_pct
FROM labelled
GROUP BY has_apparel, has_coupon
ORDER BY has_apparel, has_coupon;
