-- mistake: integer division truncates each share to a whole percent
-- trap: integer-division
WITH sizes AS (
  SELECT i.order_id, COUNT(*) AS products_in_order
  FROM order_items AS i JOIN orders AS o ON o.order_id = i.order_id
  WHERE o.status = 'completed'
  GROUP BY i.order_id
)
SELECT products_in_order, COUNT(*) AS orders, 100 * COUNT(*) / (SELECT COUNT(*) FROM sizes) AS share_pct
FROM sizes
GROUP BY products_in_order
ORDER BY products_in_order;
