-- mistake: keeps the calendar but leaves empty days NULL, so AVG skips them and averages over fewer days
-- trap: nulls
WITH RECURSIVE calendar(day) AS (
  SELECT '2024-01-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2024-01-31'
),
daily AS (
  SELECT date(ordered_at) AS day, SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed' AND ordered_at >= '2024-01-01' AND ordered_at < '2024-02-01'
  GROUP BY date(ordered_at)
)
SELECT c.day, ROUND(d.revenue_cents / 100.0, 2) AS revenue,
       ROUND(SUM(d.revenue_cents) OVER (ORDER BY c.day) / 100.0, 2) AS running_revenue,
       ROUND(AVG(d.revenue_cents) OVER (ORDER BY c.day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) / 100.0, 2) AS avg_7d
FROM calendar AS c
LEFT JOIN daily AS d ON d.day = c.day
ORDER BY c.day;
