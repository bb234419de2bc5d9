-- rewrite: AOV as AVG(total_cents) / 100 and revenue as TOTAL() (a real); column names changed
SELECT
  COUNT(*) AS n_orders,
  ROUND(TOTAL(total_cents) / 100, 2) AS revenue_usd,
  ROUND(AVG(total_cents) / 100, 2) AS avg_order_value
FROM orders
WHERE status = 'completed';
