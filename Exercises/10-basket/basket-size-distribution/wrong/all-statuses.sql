-- mistake: includes cancelled and refunded orders
-- trap: order-status
WITH sizes AS (SELECT order_id, COUNT(*) AS products_in_order FROM order_items GROUP BY order_id)
SELECT products_in_order, COUNT(*) AS orders,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM sizes), 1) AS share_pct
FROM sizes
GROUP BY products_in_order
ORDER BY products_in_order;
