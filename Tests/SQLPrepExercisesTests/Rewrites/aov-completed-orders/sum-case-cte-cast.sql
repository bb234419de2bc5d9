-- rewrite: CTE with SUM(CASE ...) counters over every order, CAST AS REAL, rounded to 4 decimals
WITH agg AS (
  SELECT
    SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS n,
    SUM(CASE WHEN status = 'completed' THEN total_cents ELSE 0 END) AS cents
  FROM orders
)
SELECT
  n,
  ROUND(CAST(cents AS REAL) / 100, 4),
  ROUND(CAST(cents AS REAL) / n / 100, 4)
FROM agg;
