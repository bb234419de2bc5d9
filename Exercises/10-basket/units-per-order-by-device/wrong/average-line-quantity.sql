-- mistake: averages the quantity of a line and the subtotal over lines, after joining orders to their lines
SELECT s.device, COUNT(DISTINCT o.order_id) AS orders,
       ROUND(AVG(i.quantity), 2) AS units_per_order,
       ROUND(AVG(o.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM orders AS o
JOIN sessions AS s ON s.session_id = o.session_id
JOIN order_items AS i ON i.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY s.device
ORDER BY s.device;
