WITH order_cost AS (
  SELECT i.order_id, SUM(i.quantity * p.cost_cents) AS product_cost_cents
  FROM order_items AS i
  JOIN products AS p ON p.product_id = i.product_id
  GROUP BY i.order_id
),
order_margin AS (
  SELECT
    strftime('%Y-%m', o.ordered_at) AS month,
    o.total_cents,
    o.total_cents - c.product_cost_cents - 499 AS margin_cents
  FROM orders AS o
  JOIN order_cost AS c ON c.order_id = o.order_id
  WHERE o.status = 'completed'
    AND o.ordered_at >= '2025-01-01 00:00:00'
    AND o.ordered_at <= '2025-06-30 23:59:59'
)
SELECT
  month,
  COUNT(*) AS completed_orders,
  ROUND(SUM(total_cents) / 100.0, 2) AS revenue,
  ROUND(SUM(margin_cents) / 100.0, 2) AS margin,
  ROUND(SUM(margin_cents) / 100.0 / COUNT(*), 2) AS margin_per_order
FROM order_margin
GROUP BY month
ORDER BY month;
