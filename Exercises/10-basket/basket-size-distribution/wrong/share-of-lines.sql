-- mistake: divides by the number of order lines instead of the number of orders
WITH sizes AS (
  SELECT i.order_id, COUNT(*) AS products_in_order
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id
  WHERE o.status = 'completed'
  GROUP BY i.order_id
)
SELECT products_in_order, COUNT(*) AS orders,
       ROUND(100.0 * COUNT(*) / (SELECT SUM(products_in_order) FROM sizes), 1) AS share_pct
FROM sizes
GROUP BY products_in_order
ORDER BY products_in_order;
