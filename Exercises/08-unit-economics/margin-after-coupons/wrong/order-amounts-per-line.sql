-- mistake: joins orders to their lines and sums the order amounts on every line, counting each order's subtotal and discount once per line
-- trap: fan-out
SELECT COALESCE(o.coupon_code, 'none') AS coupon, COUNT(DISTINCT o.order_id) AS orders,
       ROUND(SUM(o.subtotal_cents - o.discount_cents) / 100.0, 2) AS net_item_revenue,
       ROUND(SUM(o.subtotal_cents - o.discount_cents - i.quantity * p.cost_cents) / 100.0, 2) AS margin,
       ROUND(100.0 * SUM(o.subtotal_cents - o.discount_cents - i.quantity * p.cost_cents) / SUM(o.subtotal_cents - o.discount_cents), 1) AS margin_pct
FROM orders AS o
JOIN order_items AS i ON i.order_id = o.order_id
JOIN products AS p ON p.product_id = i.product_id
WHERE o.status = 'completed'
GROUP BY coupon
ORDER BY margin_pct DESC, coupon;
