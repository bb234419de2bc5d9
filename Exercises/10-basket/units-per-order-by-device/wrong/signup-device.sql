-- mistake: uses the device the customer signed up on (users.device) instead of the device of the ordering session
WITH order_units AS (SELECT order_id, SUM(quantity) AS units FROM order_items GROUP BY order_id)
SELECT us.device, COUNT(*) AS orders,
       ROUND(1.0 * SUM(u.units) / COUNT(*), 2) AS units_per_order,
       ROUND(SUM(o.subtotal_cents) / 100.0 / COUNT(*), 2) AS avg_item_value
FROM orders AS o
JOIN users AS us ON us.user_id = o.user_id
JOIN order_units AS u ON u.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY us.device
ORDER BY us.device;
