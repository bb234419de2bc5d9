-- rewrite: SUM(CASE ...) for repeat buyers and AVG(flag) * 100 for the rate, left unrounded; subquery instead of CTE
SELECT
  COUNT(*) AS n_buyers,
  SUM(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS n_repeat,
  AVG(CASE WHEN n > 1 THEN 1.0 ELSE 0.0 END) * 100 AS repeat_pct
FROM (
  SELECT user_id, COUNT(order_id) AS n
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
) AS per_user;
