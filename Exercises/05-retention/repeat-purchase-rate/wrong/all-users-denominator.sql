-- mistake: divides by every registered user instead of by buyers
WITH completed_per_user AS (
  SELECT user_id, COUNT(*) AS n
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
)
SELECT COUNT(*) AS buyers,
       SUM(n >= 2) AS repeat_buyers,
       ROUND(100.0 * SUM(n >= 2) / (SELECT COUNT(*) FROM users), 1) AS repeat_rate_pct
FROM completed_per_user;
