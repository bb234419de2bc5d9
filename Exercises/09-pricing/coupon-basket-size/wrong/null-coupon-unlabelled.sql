-- mistake: the orders without a coupon come out under a NULL key instead of 'none'
-- trap: nulls
WITH order_units AS (SELECT order_id, SUM(quantity) AS units FROM order_items GROUP BY order_id)
SELECT o.coupon_code AS coupon, COUNT(*) AS orders,
       ROUND(1.0 * SUM(u.units) / COUNT(*), 2) AS units_per_order,
       ROUND(AVG(o.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM orders AS o
JOIN order_units AS u ON u.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY o.coupon_code
ORDER BY coupon;
