-- mistake: groups by coupon_code as it is, so the orders without a coupon come out under NULL instead of 'none'
-- trap: nulls
WITH order_cost AS (SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost_cents FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id)
SELECT o.coupon_code AS coupon, COUNT(*) AS orders,
       ROUND(SUM(o.subtotal_cents - o.discount_cents) / 100.0, 2) AS net_item_revenue,
       ROUND(SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) / 100.0, 2) AS margin,
       ROUND(100.0 * SUM(o.subtotal_cents - o.discount_cents - c.cost_cents) / SUM(o.subtotal_cents - o.discount_cents), 1) AS margin_pct
FROM orders AS o JOIN order_cost AS c ON c.order_id = o.order_id
WHERE o.status = 'completed'
GROUP BY o.coupon_code
ORDER BY margin_pct DESC, coupon;
