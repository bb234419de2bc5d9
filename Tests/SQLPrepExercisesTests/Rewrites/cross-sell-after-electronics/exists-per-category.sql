-- rewrite: one row per (cohort user, category) from a cross join, kept when EXISTS finds a later completed purchase
WITH numbered AS (
  SELECT order_id, user_id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at) AS nth
  FROM orders WHERE status = 'completed'
),
order_cats AS (
  SELECT DISTINCT n.user_id, n.nth, p.category
  FROM numbered AS n JOIN order_items AS i ON i.order_id = n.order_id JOIN products AS p ON p.product_id = i.product_id
),
cohort AS (SELECT user_id FROM order_cats WHERE nth = 1 AND category = 'electronics'),
cats AS (SELECT DISTINCT category FROM products),
hits AS (
  SELECT c.category, k.user_id
  FROM cohort AS k CROSS JOIN cats AS c
  WHERE EXISTS (SELECT 1 FROM order_cats AS o WHERE o.user_id = k.user_id AND o.category = c.category AND o.nth > 1)
)
SELECT category, COUNT(*), ROUND(CAST(COUNT(*) AS REAL) / (SELECT COUNT(*) FROM cohort) * 100, 1) AS pct
FROM hits
GROUP BY category
ORDER BY pct DESC, category;
