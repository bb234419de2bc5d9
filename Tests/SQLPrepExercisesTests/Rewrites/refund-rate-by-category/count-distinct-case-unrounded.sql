-- rewrite: COUNT(DISTINCT order_id) and COUNT(DISTINCT CASE WHEN refunded THEN order_id END) over the lines; rate unrounded
SELECT
  p.category,
  COUNT(DISTINCT o.order_id),
  COUNT(DISTINCT CASE WHEN o.status = 'refunded' THEN o.order_id END),
  100.0 * COUNT(DISTINCT CASE WHEN o.status = 'refunded' THEN o.order_id END) / COUNT(DISTINCT o.order_id) AS refund_rate
FROM order_items AS oi
JOIN orders AS o ON o.order_id = oi.order_id
JOIN products AS p ON p.product_id = oi.product_id
WHERE o.status <> 'cancelled'
GROUP BY p.category
ORDER BY refund_rate DESC, p.category;
