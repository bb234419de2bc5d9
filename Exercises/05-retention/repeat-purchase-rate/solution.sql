WITH completed_per_user AS (
  SELECT user_id, COUNT(*) AS completed_orders
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
)
SELECT
  COUNT(*) AS buyers,
  SUM(completed_orders >= 2) AS repeat_buyers,
  ROUND(100.0 * SUM(completed_orders >= 2) / COUNT(*), 1) AS repeat_rate_pct
FROM completed_per_user;
