-- rewrite: one monthly table joined to itself a year apart
WITH monthly AS (
  SELECT substr(ordered_at, 1, 4) AS y, CAST(substr(ordered_at, 6, 2) AS INTEGER) AS m, SUM(total_cents) AS cents
  FROM orders
  WHERE status = 'completed' AND ordered_at >= '2024-01-01' AND ordered_at < '2025-07-01'
  GROUP BY 1, 2
)
SELECT a.m AS month_of_year,
  ROUND(a.cents / 100.0, 2) AS revenue_2024,
  ROUND(b.cents / 100.0, 2) AS revenue_2025,
  ROUND((b.cents - a.cents) * 100.0 / a.cents, 1) AS yoy_growth_pct
FROM monthly a
JOIN monthly b ON b.m = a.m AND b.y = '2025'
WHERE a.y = '2024' AND a.m <= 6
ORDER BY a.m;
