-- mistake: includes cancelled and refunded orders
-- trap: order-status
WITH order_units AS (SELECT order_id, SUM(quantity) AS units FROM order_items GROUP BY order_id)
SELECT s.device, COUNT(*) AS orders,
       ROUND(1.0 * SUM(u.units) / COUNT(*), 2) AS units_per_order,
       ROUND(SUM(o.subtotal_cents) / 100.0 / COUNT(*), 2) AS avg_item_value
FROM orders AS o
JOIN sessions AS s ON s.session_id = o.session_id
JOIN order_units AS u ON u.order_id = o.order_id
GROUP BY s.device
ORDER BY s.device;
