-- mistake: counts later order lines instead of distinct customers, so a customer who bought a category twice counts twice
-- trap: fan-out
WITH completed AS (
  SELECT order_id, user_id, ordered_at, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS nth
  FROM orders WHERE status = 'completed'
),
cohort AS (
  SELECT DISTINCT c.user_id FROM completed AS c
  JOIN order_items AS i ON i.order_id = c.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE c.nth = 1 AND p.category = 'electronics'
)
SELECT p.category, COUNT(*) AS customers, ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM cohort), 1) AS share_pct
FROM completed AS c
JOIN cohort AS k ON k.user_id = c.user_id
JOIN order_items AS i ON i.order_id = c.order_id JOIN products AS p ON p.product_id = i.product_id
WHERE c.nth > 1
GROUP BY p.category
ORDER BY share_pct DESC, p.category;
