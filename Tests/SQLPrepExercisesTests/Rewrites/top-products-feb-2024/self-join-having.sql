-- rewrite: self-join instead of a window function: LEFT JOIN to products that sold more, keep those with fewer than 8
WITH sold AS (
  SELECT i.product_id, SUM(i.quantity) AS units
  FROM order_items AS i
  WHERE i.order_id IN (
    SELECT order_id FROM orders
    WHERE status = 'completed'
      AND ordered_at BETWEEN '2024-02-01 00:00:00' AND '2024-02-29 23:59:59'
  )
  GROUP BY i.product_id
)
SELECT a.product_id, pr.name, a.units
FROM sold AS a
LEFT JOIN sold AS b ON b.units > a.units
JOIN products AS pr ON pr.product_id = a.product_id
GROUP BY a.product_id, pr.name, a.units
HAVING COUNT(b.product_id) < 8
ORDER BY 3 DESC, 1;
