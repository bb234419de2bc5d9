-- mistake: cancelled and refunded orders are included
-- trap: order-status
WITH order_units AS (SELECT order_id, SUM(quantity) AS units FROM order_items GROUP BY order_id)
SELECT COALESCE(o.coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       ROUND(1.0 * SUM(u.units) / COUNT(*), 2) AS units_per_order,
       ROUND(AVG(o.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM orders AS o
JOIN order_units AS u ON u.order_id = o.order_id
GROUP BY coupon
ORDER BY coupon;
