-- mistake: a buyer of the category with two completed orders of anything counts as a repeat buyer of it
WITH user_category AS (
  SELECT DISTINCT o.user_id, p.category
  FROM orders AS o JOIN order_items AS i ON i.order_id = o.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
),
user_orders AS (SELECT user_id, COUNT(*) AS orders FROM orders WHERE status = 'completed' GROUP BY user_id)
SELECT uc.category, COUNT(*) AS buyers, SUM(uo.orders >= 2) AS repeat_buyers,
       ROUND(100.0 * SUM(uo.orders >= 2) / COUNT(*), 1) AS repeat_pct
FROM user_category AS uc JOIN user_orders AS uo ON uo.user_id = uc.user_id
GROUP BY uc.category
ORDER BY repeat_pct DESC, uc.category;
