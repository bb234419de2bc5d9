-- mistake: uses LAG over the monthly series with an offset of 1, so each 2025 month is compared with the month before, not with the same month of 2024
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month, SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed'
  GROUP BY month
),
with_prev AS (
  SELECT month, revenue_cents, LAG(revenue_cents) OVER (ORDER BY month) AS prev_cents
  FROM monthly
)
SELECT CAST(substr(month, 6, 2) AS INTEGER) AS month_of_year,
       ROUND(prev_cents / 100.0, 2) AS revenue_2024,
       ROUND(revenue_cents / 100.0, 2) AS revenue_2025,
       ROUND(100.0 * (revenue_cents - prev_cents) / prev_cents, 1) AS yoy_growth_pct
FROM with_prev
WHERE month BETWEEN '2025-01' AND '2025-06'
ORDER BY month_of_year;
