-- mistake: includes cancelled and refunded orders
-- trap: order-status
WITH order_cost AS (SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost_cents FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id)
SELECT COALESCE(o.coupon_code, 'none') AS coupon, COUNT(*) AS orders,
       ROUND(SUM(o.subtotal_cents - o.discount_cents) / 100.0, 2) AS net_item_revenue,
       ROUND(SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) / 100.0, 2) AS margin,
       ROUND(100.0 * SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) / SUM(o.subtotal_cents - o.discount_cents), 1) AS margin_pct
FROM orders AS o JOIN order_cost AS c ON c.order_id = o.order_id
GROUP BY coupon
ORDER BY margin_pct DESC, coupon;
