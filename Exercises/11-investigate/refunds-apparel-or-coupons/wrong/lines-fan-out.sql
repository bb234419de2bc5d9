-- mistake: labels order lines instead of orders, so an order is counted once per line (and once per label its lines give)
-- trap: fan-out
SELECT CASE WHEN p.category = 'apparel' THEN 'yes' ELSE 'no' END AS has_apparel,
       CASE WHEN o.coupon_code IS NOT NULL THEN 'yes' ELSE 'no' END AS has_coupon,
       COUNT(*) AS orders, SUM(o.status = 'refunded') AS refunded,
       ROUND(100.0 * SUM(o.status = 'refunded') / COUNT(*), 1) AS refund_pct
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status IN ('completed', 'refunded')
GROUP BY has_apparel, has_coupon
ORDER BY has_apparel, has_coupon;
