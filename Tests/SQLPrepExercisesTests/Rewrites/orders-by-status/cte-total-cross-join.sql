-- rewrite: total taken from a CTE joined with CROSS JOIN, percent written as count * 100.0 / total, other column names
WITH total AS (
  SELECT COUNT(*) AS all_orders FROM orders
)
SELECT
  o.status AS order_status,
  COUNT(*) AS n,
  ROUND(COUNT(*) * 100.0 / t.all_orders, 1) AS pct
FROM orders AS o
CROSS JOIN total AS t
GROUP BY o.status, t.all_orders
ORDER BY n DESC, order_status;
