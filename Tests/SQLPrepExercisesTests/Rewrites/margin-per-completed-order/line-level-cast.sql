-- rewrite: per-order cost via GROUP BY on the joined lines (order-level subquery), shipping subtracted per order, CAST AS REAL
SELECT
  strftime('%Y-%m', ordered_at) AS month,
  COUNT(*) AS completed_orders,
  ROUND(CAST(SUM(total_cents) AS REAL) / 100, 2),
  ROUND(CAST(SUM(total_cents - cost - 499) AS REAL) / 100, 2),
  ROUND(CAST(SUM(total_cents - cost - 499) AS REAL) / COUNT(*) / 100, 2)
FROM (
  SELECT o.order_id, o.ordered_at, o.total_cents, SUM(i.quantity * p.cost_cents) AS cost
  FROM orders AS o
  JOIN order_items AS i ON i.order_id = o.order_id
  JOIN products AS p ON p.product_id = i.product_id
  WHERE o.status = 'completed'
    AND o.ordered_at BETWEEN '2025-01-01 00:00:00' AND '2025-06-30 23:59:59'
  GROUP BY o.order_id, o.ordered_at, o.total_cents
)
GROUP BY 1
ORDER BY 1;
