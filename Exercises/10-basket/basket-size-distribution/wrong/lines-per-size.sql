-- mistake: counts order lines per size instead of orders, so a three-product order is counted three times
WITH sizes AS (
  SELECT i.order_id, COUNT(*) OVER (PARTITION BY i.order_id) AS products_in_order
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id
  WHERE o.status = 'completed'
)
SELECT products_in_order, COUNT(*) AS orders,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM sizes), 1) AS share_pct
FROM sizes
GROUP BY products_in_order
ORDER BY products_in_order;
