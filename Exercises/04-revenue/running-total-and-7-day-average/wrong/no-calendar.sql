-- mistake: groups the orders by day without a calendar, so days with no completed order disappear and the 7-row window spans more than 7 days
-- trap: zero-groups
WITH daily AS (
  SELECT date(ordered_at) AS day, SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed' AND ordered_at >= '2024-01-01' AND ordered_at < '2024-02-01'
  GROUP BY date(ordered_at)
)
SELECT day, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(SUM(revenue_cents) OVER (ORDER BY day) / 100.0, 2) AS running_revenue,
       ROUND(AVG(revenue_cents) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) / 100.0, 2) AS avg_7d
FROM daily
ORDER BY day;
