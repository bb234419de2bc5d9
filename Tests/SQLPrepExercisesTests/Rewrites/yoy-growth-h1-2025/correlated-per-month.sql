-- rewrite: a VALUES list of the six months and a correlated sum for each year
WITH months(m) AS (VALUES (1), (2), (3), (4), (5), (6)),
sums AS (
  SELECT m,
    (SELECT SUM(total_cents) FROM orders WHERE status = 'completed'
       AND strftime('%Y', ordered_at) = '2024' AND CAST(strftime('%m', ordered_at) AS INTEGER) = m) AS c24,
    (SELECT SUM(total_cents) FROM orders WHERE status = 'completed'
       AND strftime('%Y', ordered_at) = '2025' AND CAST(strftime('%m', ordered_at) AS INTEGER) = m) AS c25
  FROM months
)
SELECT m AS month_of_year, c24 / 100.0 AS revenue_2024, c25 / 100.0 AS revenue_2025,
  100.0 * (c25 - c24) / c24 AS yoy_growth_pct
FROM sums
ORDER BY m;
