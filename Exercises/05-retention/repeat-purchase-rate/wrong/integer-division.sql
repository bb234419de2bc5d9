-- mistake: integer division truncates the rate to 0
-- trap: integer-division
WITH completed_per_user AS (
  SELECT user_id, COUNT(*) AS n
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
)
SELECT COUNT(*) AS buyers,
       SUM(n >= 2) AS repeat_buyers,
       ROUND(100 * (SUM(n >= 2) / COUNT(*)), 1) AS repeat_rate_pct
FROM completed_per_user;
