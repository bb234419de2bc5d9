-- mistake: joins orders to their lines and then averages and counts, so orders with more lines weigh more and orders counts lines
-- trap: fan-out
SELECT COALESCE(o.coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       ROUND(1.0 * SUM(i.quantity) / COUNT(*), 2) AS units_per_order,
       ROUND(AVG(o.subtotal_cents) / 100.0, 2) AS avg_item_value
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY coupon
ORDER BY coupon;
