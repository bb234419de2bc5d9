-- rewrite: completed orders chosen with IN instead of a join, and the total from a scalar subquery
SELECT p.category,
  COUNT(DISTINCT oi.order_id) AS orders,
  ROUND(SUM(oi.quantity * oi.unit_price_cents) / 100.0, 2) AS revenue,
  ROUND(SUM(oi.quantity * oi.unit_price_cents) * 100.0 / (
    SELECT SUM(quantity * unit_price_cents) FROM order_items
    WHERE order_id IN (SELECT order_id FROM orders WHERE status = 'completed')), 1) AS share_pct
FROM order_items oi
JOIN products p USING (product_id)
WHERE oi.order_id IN (SELECT order_id FROM orders WHERE status = 'completed')
GROUP BY p.category
ORDER BY 3 DESC, 1;
