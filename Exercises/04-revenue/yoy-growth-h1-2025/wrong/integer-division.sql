-- mistake: integer division truncates the growth to whole hundreds of percent
-- trap: integer-division
WITH monthly AS (
  SELECT CAST(strftime('%Y', ordered_at) AS INTEGER) AS year,
         CAST(strftime('%m', ordered_at) AS INTEGER) AS month_of_year,
         SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed'
    AND (   (ordered_at >= '2024-01-01' AND ordered_at < '2024-07-01')
         OR (ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01'))
  GROUP BY year, month_of_year
),
side_by_side AS (
  SELECT month_of_year,
         SUM(CASE WHEN year = 2024 THEN revenue_cents END) AS rev_2024,
         SUM(CASE WHEN year = 2025 THEN revenue_cents END) AS rev_2025
  FROM monthly GROUP BY month_of_year
)
SELECT month_of_year, ROUND(rev_2024 / 100.0, 2) AS revenue_2024, ROUND(rev_2025 / 100.0, 2) AS revenue_2025,
       100 * ((rev_2025 - rev_2024) / rev_2024) AS yoy_growth_pct
FROM side_by_side
ORDER BY month_of_year;
