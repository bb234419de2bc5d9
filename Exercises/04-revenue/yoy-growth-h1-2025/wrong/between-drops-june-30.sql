-- mistake: BETWEEN with a date on a timestamp column stops at midnight and loses the orders of 30 June
-- trap: date-window
WITH monthly AS (
  SELECT CAST(strftime('%Y', ordered_at) AS INTEGER) AS year,
         CAST(strftime('%m', ordered_at) AS INTEGER) AS month_of_year,
         SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed'
    AND (   ordered_at BETWEEN '2024-01-01' AND '2024-06-30'
         OR ordered_at BETWEEN '2025-01-01' AND '2025-06-30')
  GROUP BY year, month_of_year
),
side_by_side AS (
  SELECT month_of_year,
         SUM(CASE WHEN year = 2024 THEN revenue_cents END) AS rev_2024,
         SUM(CASE WHEN year = 2025 THEN revenue_cents END) AS rev_2025
  FROM monthly GROUP BY month_of_year
)
SELECT month_of_year, ROUND(rev_2024 / 100.0, 2) AS revenue_2024, ROUND(rev_2025 / 100.0, 2) AS revenue_2025,
       ROUND(100.0 * (rev_2025 - rev_2024) / rev_2024, 1) AS yoy_growth_pct
FROM side_by_side
ORDER BY month_of_year;
