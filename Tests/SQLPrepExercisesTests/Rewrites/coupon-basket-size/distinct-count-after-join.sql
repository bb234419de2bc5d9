-- rewrite: one join to the lines, orders counted DISTINCT and the subtotal averaged through a per-order subquery
SELECT
  COALESCE(o.coupon_code, 'none') AS coupon,
  COUNT(DISTINCT o.order_id) AS orders,
  ROUND(SUM(i.quantity) * 1.0 / COUNT(DISTINCT o.order_id), 2) AS units_per_order,
  ROUND((SELECT AVG(o2.subtotal_cents) FROM orders AS o2
         WHERE o2.status = 'completed' AND COALESCE(o2.coupon_code, 'none') = COALESCE(o.coupon_code, 'none')) / 100.0, 2) AS avg_value
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY 1
ORDER BY 1;
