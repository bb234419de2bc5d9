-- mistake: units per order is taken as the average quantity of a line, ignoring that orders have several lines
WITH order_units AS (SELECT order_id, SUM(quantity) AS units, AVG(quantity) AS line_qty FROM order_items GROUP BY order_id)
SELECT COALESCE(o.coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       ROUND(AVG(u.line_qty), 2) AS units_per_order,
       ROUND(AVG(o.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM orders AS o
JOIN order_units AS u ON u.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY coupon
ORDER BY coupon;
