-- rewrite: previous month's revenue from a correlated subquery, CAST AS REAL division, rounded to 3 decimals
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS m, SUM(total_cents) AS cents
  FROM orders
  WHERE status = 'completed'
  GROUP BY m
)
SELECT
  m,
  ROUND(cents / 100.0, 2),
  ROUND(CAST(cents - p AS REAL) / p * 100, 3)
FROM (
  SELECT m, cents,
         (SELECT x.cents FROM monthly AS x
           WHERE x.m = strftime('%Y-%m', monthly.m || '-01', '-1 month')) AS p
  FROM monthly
)
ORDER BY m;
