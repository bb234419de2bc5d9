-- mistake: integer division by 100 and by the order count drops the cents from the averages and totals
-- trap: integer-division
WITH c AS (
  SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS cost
  FROM order_items AS i JOIN products AS p ON p.product_id = i.product_id GROUP BY i.order_id
)
SELECT strftime('%Y-%m', o.ordered_at) AS month, COUNT(*) AS completed_orders,
       SUM(o.total_cents) / 100 AS revenue,
       SUM(o.total_cents - c.cost - 499) / 100 AS margin,
       SUM(o.total_cents - c.cost - 499) / COUNT(*) / 100 AS margin_per_order
FROM orders AS o JOIN c ON c.order_id = o.order_id
WHERE o.status = 'completed'
  AND o.ordered_at >= '2025-01-01 00:00:00' AND o.ordered_at <= '2025-06-30 23:59:59'
GROUP BY month ORDER BY month;
