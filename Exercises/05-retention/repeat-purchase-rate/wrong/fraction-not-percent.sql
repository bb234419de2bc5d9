-- mistake: returns a fraction (0 to 1) where the contract asks for a percentage
-- trap: percent-vs-fraction
WITH completed_per_user AS (
  SELECT user_id, COUNT(*) AS n
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
)
SELECT COUNT(*) AS buyers,
       SUM(n >= 2) AS repeat_buyers,
       ROUND(1.0 * SUM(n >= 2) / COUNT(*), 3) AS repeat_rate_pct
FROM completed_per_user;
