-- mistake: cancelled and refunded orders are counted as if they earned money
-- trap: order-status
WITH c AS (
  SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost
  FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id
)
SELECT strftime('%Y-%m', o.ordered_at) AS month, COUNT(*) AS completed_orders,
       ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(o.total_cents - c.cost - 499) / 100.0, 2) AS margin,
       ROUND(SUM(o.total_cents - c.cost - 499) / 100.0 / COUNT(*), 2) AS margin_per_order
FROM orders AS o JOIN c ON c.order_id = o.order_id
WHERE o.ordered_at >= '2025-01-01 00:00:00' AND o.ordered_at <= '2025-06-30 23:59:59'
GROUP BY month ORDER BY month;
