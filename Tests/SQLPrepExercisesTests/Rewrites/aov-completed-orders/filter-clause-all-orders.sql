-- rewrite: no WHERE; aggregates over all orders restricted with FILTER (WHERE status = 'completed'); AOV left unrounded
SELECT
  COUNT(*) FILTER (WHERE status = 'completed'),
  SUM(total_cents) FILTER (WHERE status = 'completed') / 100.0,
  SUM(total_cents) FILTER (WHERE status = 'completed') * 1.0
    / COUNT(*) FILTER (WHERE status = 'completed') / 100
FROM orders;
