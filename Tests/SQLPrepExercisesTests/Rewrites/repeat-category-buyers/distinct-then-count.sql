-- rewrite: distinct (user, category, order) rows first, then HAVING-free counts with CASE; CAST AS REAL, unrounded
WITH purchases AS (
  SELECT DISTINCT o.user_id, p.category, o.order_id
  FROM orders AS o
  JOIN order_items AS i USING (order_id)
  JOIN products AS p USING (product_id)
  WHERE o.status = 'completed'
),
per_user AS (SELECT user_id, category, COUNT(*) AS k FROM purchases GROUP BY user_id, category)
SELECT category, COUNT(user_id), SUM(CASE WHEN k > 1 THEN 1 ELSE 0 END),
       CAST(SUM(CASE WHEN k > 1 THEN 1 ELSE 0 END) AS REAL) / COUNT(user_id) * 100 AS pct
FROM per_user
GROUP BY category
ORDER BY pct DESC, category;
