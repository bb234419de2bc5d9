-- rewrite: orders per category found with EXISTS over its lines instead of SELECT DISTINCT; FILTER for refunded; CAST AS REAL
WITH cat_orders AS (
  SELECT c.category, o.order_id, o.status
  FROM (SELECT DISTINCT category FROM products) AS c
  JOIN orders AS o
    ON o.status IN ('completed', 'refunded')
   AND EXISTS (SELECT 1 FROM order_items AS oi
               JOIN products AS p ON p.product_id = oi.product_id
               WHERE oi.order_id = o.order_id AND p.category = c.category)
)
SELECT
  category,
  COUNT(*) AS n_orders,
  COUNT(*) FILTER (WHERE status = 'refunded') AS n_refunded,
  ROUND(CAST(COUNT(*) FILTER (WHERE status = 'refunded') AS REAL) / COUNT(*) * 100, 2) AS rate
FROM cat_orders
GROUP BY category
ORDER BY rate DESC, category;
