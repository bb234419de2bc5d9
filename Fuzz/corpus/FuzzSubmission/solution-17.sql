SELECT
  COUNT(*) AS completed_orders,
  ROUND(SUM(total_cents) / 100.0, 2) AS revenue,
  ROUND(SUM(total_cents) / 100.0 / COUNT(*), 2) AS aov
FROM orders
WHERE status = 'completed';
