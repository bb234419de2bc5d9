-- mistake: integer division truncates the share to a whole percent
-- trap: integer-division
WITH user_category_orders AS (
  SELECT o.user_id, p.category, COUNT(DISTINCT o.order_id) AS orders
  FROM orders AS o JOIN order_items AS i ON i.order_id = o.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
  GROUP BY o.user_id, p.category
)
SELECT category, COUNT(*) AS buyers, SUM(orders >= 2) AS repeat_buyers,
       100 * SUM(orders >= 2) / COUNT(*) AS repeat_pct
FROM user_category_orders
GROUP BY category
ORDER BY repeat_pct DESC, category;
