-- mistake: the 499 delivery cost is subtracted once per order line instead of once per order
-- trap: fan-out
WITH lines AS (
  SELECT o.order_id, strftime('%Y-%m', o.ordered_at) AS month, o.total_cents,
         SUM(i.quantity * p.cost_cents) AS cost, COUNT(*) AS n_lines
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
    AND o.ordered_at >= '2025-01-01 00:00:00' AND o.ordered_at <= '2025-06-30 23:59:59'
  GROUP BY o.order_id
)
SELECT month, COUNT(*) AS completed_orders,
       ROUND(SUM(total_cents) / 100.0, 2) AS revenue,
       ROUND(SUM(total_cents - cost - 499 * n_lines) / 100.0, 2) AS margin,
       ROUND(SUM(total_cents - cost - 499 * n_lines) / 100.0 / COUNT(*), 2) AS margin_per_order
FROM lines GROUP BY month ORDER BY month;
