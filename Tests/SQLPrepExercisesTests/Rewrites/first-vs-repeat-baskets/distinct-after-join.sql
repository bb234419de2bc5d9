-- rewrite: one join to the lines with DISTINCT counts; the average value from a per-type subquery
WITH numbered AS (
  SELECT order_id, subtotal_cents,
         CASE ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) WHEN 1 THEN 'first' ELSE 'repeat' END AS t
  FROM orders WHERE status = 'completed'
)
SELECT n.t, COUNT(DISTINCT n.order_id),
       ROUND(CAST(COUNT(*) AS REAL) / COUNT(DISTINCT n.order_id), 2),
       ROUND((SELECT AVG(subtotal_cents) FROM numbered AS m WHERE m.t = n.t) / 100, 2)
FROM numbered AS n JOIN order_items AS i ON i.order_id = n.order_id
GROUP BY n.t
ORDER BY n.t;
