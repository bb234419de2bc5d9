-- rewrite: buyers and repeat buyers counted in two grouped subqueries and joined on category
WITH uc AS (
  SELECT o.user_id, p.category, COUNT(DISTINCT o.order_id) AS n
  FROM order_items AS i
  JOIN orders AS o ON o.order_id = i.order_id AND o.status = 'completed'
  JOIN products AS p ON p.product_id = i.product_id
  GROUP BY 1, 2
),
buyers AS (SELECT category, COUNT(*) AS b FROM uc GROUP BY category),
repeaters AS (SELECT category, COUNT(*) AS r FROM uc WHERE n >= 2 GROUP BY category)
SELECT b.category, b.b, r.r, ROUND(r.r * 100.0 / b.b, 1) AS pct
FROM buyers AS b
JOIN repeaters AS r ON r.category = b.category
ORDER BY pct DESC, b.category;
