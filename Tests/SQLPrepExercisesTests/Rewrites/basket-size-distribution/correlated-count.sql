-- rewrite: each order's size from a correlated subquery; the share from a window over the groups; unrounded
WITH sizes AS (
  SELECT (SELECT COUNT(*) FROM order_items AS i WHERE i.order_id = o.order_id) AS k
  FROM orders AS o
  WHERE o.status = 'completed'
)
SELECT k, COUNT(*) AS n, COUNT(*) * 100.0 / SUM(COUNT(*)) OVER ()
FROM sizes
GROUP BY k
ORDER BY k;
