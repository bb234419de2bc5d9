-- rewrite: FILTER clause for the repeaters, TOTAL() (a real) for the buyer count, percent as repeaters * 100.0 / buyers
WITH per_user AS (
  SELECT user_id, COUNT(*) AS n
  FROM orders
  WHERE status = 'completed'
  GROUP BY 1
)
SELECT
  TOTAL(1),
  COUNT(*) FILTER (WHERE n >= 2),
  ROUND(COUNT(*) FILTER (WHERE n >= 2) * 100.0 / COUNT(*), 1)
FROM per_user;
