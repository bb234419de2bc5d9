-- mistake: counts cancelled and refunded orders as purchases
-- trap: order-status
WITH user_category_orders AS (
  SELECT o.user_id, p.category, COUNT(DISTINCT o.order_id) AS orders
  FROM orders AS o JOIN order_items AS i ON i.order_id = o.order_id JOIN products AS p ON p.product_id = i.product_id
  GROUP BY o.user_id, p.category
)
SELECT category, COUNT(*) AS buyers, SUM(orders >= 2) AS repeat_buyers,
       ROUND(100.0 * SUM(orders >= 2) / COUNT(*), 1) AS repeat_pct
FROM user_category_orders
GROUP BY category
ORDER BY repeat_pct DESC, category;
