-- rewrite: COUNT(DISTINCT product_id) per order, completed orders via IN, CAST AS REAL
WITH sizes AS (
  SELECT order_id, COUNT(DISTINCT product_id) AS k
  FROM order_items
  WHERE order_id IN (SELECT order_id FROM orders WHERE status = 'completed')
  GROUP BY order_id
)
SELECT k, COUNT(order_id), ROUND(CAST(COUNT(order_id) AS REAL) * 100 / (SELECT COUNT(*) FROM sizes), 1)
FROM sizes
GROUP BY k
ORDER BY k;
