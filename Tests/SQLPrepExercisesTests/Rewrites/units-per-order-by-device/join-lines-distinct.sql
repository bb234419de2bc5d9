-- rewrite: one join to the lines; orders counted DISTINCT and the subtotal summed once per order through a subquery
SELECT
  s.device,
  COUNT(DISTINCT o.order_id),
  ROUND(CAST(SUM(i.quantity) AS REAL) / COUNT(DISTINCT o.order_id), 2),
  ROUND((SELECT SUM(o2.subtotal_cents) FROM orders AS o2 JOIN sessions AS s2 USING (session_id)
         WHERE o2.status = 'completed' AND s2.device = s.device) / 100.0 / COUNT(DISTINCT o.order_id), 2)
FROM orders AS o
JOIN sessions AS s ON s.session_id = o.session_id
JOIN order_items AS i ON i.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY s.device
ORDER BY 1;
