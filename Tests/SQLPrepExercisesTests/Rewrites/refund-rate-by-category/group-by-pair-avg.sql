-- rewrite: (category, order) pairs made with GROUP BY instead of DISTINCT; rate as AVG(status = 'refunded') * 100; ordinal ORDER BY
WITH pairs AS (
  SELECT p.category, oi.order_id, MAX(o.status) AS status
  FROM order_items AS oi
  JOIN products AS p USING (product_id)
  JOIN orders AS o USING (order_id)
  WHERE o.status = 'completed' OR o.status = 'refunded'
  GROUP BY p.category, oi.order_id
)
SELECT
  category,
  COUNT(*),
  SUM(status = 'refunded'),
  ROUND(AVG(status = 'refunded') * 100, 2)
FROM pairs
GROUP BY category
ORDER BY 4 DESC, 1;
