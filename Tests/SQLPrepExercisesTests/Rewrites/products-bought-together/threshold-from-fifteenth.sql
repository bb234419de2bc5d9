-- rewrite: finds the 15th highest count with LIMIT 1 OFFSET 14 and keeps every pair at or above it
WITH lines AS (
  SELECT order_id, product_id FROM order_items
  WHERE order_id IN (SELECT order_id FROM orders
                     WHERE status = 'completed' AND ordered_at BETWEEN '2025-01-01' AND '2025-06-30 23:59:59')
),
pairs AS (
  SELECT MIN(a.product_id, b.product_id) AS x, MAX(a.product_id, b.product_id) AS y, COUNT(*) / 2 AS n
  FROM lines AS a JOIN lines AS b ON a.order_id = b.order_id AND a.product_id <> b.product_id
  GROUP BY x, y
)
SELECT (SELECT name FROM products WHERE product_id = x), (SELECT name FROM products WHERE product_id = y), n
FROM pairs
WHERE n >= (SELECT n FROM pairs ORDER BY n DESC LIMIT 1 OFFSET 14)
ORDER BY n DESC;
