-- mistake: 7 PRECEDING plus the current row makes an 8-day window
-- trap: date-window
WITH RECURSIVE calendar(day) AS (
  SELECT '2024-01-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2024-01-31'
),
daily AS (
  SELECT date(ordered_at) AS day, SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed' AND ordered_at >= '2024-01-01' AND ordered_at < '2024-02-01'
  GROUP BY date(ordered_at)
),
filled AS (
  SELECT c.day, COALESCE(d.revenue_cents, 0) AS revenue_cents
  FROM calendar AS c LEFT JOIN daily AS d ON d.day = c.day
)
SELECT day, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(SUM(revenue_cents) OVER (ORDER BY day) / 100.0, 2) AS running_revenue,
       ROUND(AVG(revenue_cents) OVER (ORDER BY day ROWS BETWEEN 7 PRECEDING AND CURRENT ROW) / 100.0, 2) AS avg_7d
FROM filled
ORDER BY day;
