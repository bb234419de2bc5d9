-- mistake: integer division cuts units per order and the average value to whole numbers
-- trap: integer-division
WITH order_units AS (SELECT order_id, SUM(quantity) AS units FROM order_items GROUP BY order_id)
SELECT s.device, COUNT(*) AS orders,
       SUM(u.units) / COUNT(*) AS units_per_order,
       SUM(o.subtotal_cents) / COUNT(*) / 100 AS avg_item_value
FROM orders AS o
JOIN sessions AS s ON s.session_id = o.session_id
JOIN order_units AS u ON u.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY s.device
ORDER BY s.device;
