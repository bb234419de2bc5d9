-- mistake: keeps one row per line, so an order with two lines of a category counts twice for it
-- trap: fan-out
WITH lines AS (
  SELECT i.order_id, p.category
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
),
category_counts AS (SELECT order_id, COUNT(DISTINCT category) AS categories FROM lines GROUP BY order_id)
SELECT l.category, COUNT(*) AS orders, SUM(cc.categories > 1) AS attached_orders,
       ROUND(100.0 * SUM(cc.categories > 1) / COUNT(*), 1) AS attach_pct
FROM lines AS l JOIN category_counts AS cc ON cc.order_id = l.order_id
GROUP BY l.category
ORDER BY attach_pct DESC, l.category;
