-- mistake: numbers orders of every status, so a cancelled order can be the "first" and a refunded one a later purchase
-- trap: order-status
WITH numbered AS (
  SELECT order_id, user_id, ordered_at, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ordered_at, order_id) AS nth
  FROM orders
),
cohort AS (
  SELECT DISTINCT c.user_id FROM numbered AS c
  JOIN order_items AS i ON i.order_id = c.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE c.nth = 1 AND p.category = 'electronics'
),
later_categories AS (
  SELECT DISTINCT c.user_id, p.category FROM numbered AS c
  JOIN cohort AS k ON k.user_id = c.user_id
  JOIN order_items AS i ON i.order_id = c.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE c.nth > 1
)
SELECT category, COUNT(*) AS customers, ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM cohort), 1) AS share_pct
FROM later_categories
GROUP BY category
ORDER BY share_pct DESC, category;
