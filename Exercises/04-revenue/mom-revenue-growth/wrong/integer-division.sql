-- mistake: integer division truncates the ratio to a whole number (0, 1 or -1) before it becomes a percent
-- trap: integer-division
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month, SUM(total_cents) AS revenue_cents
  FROM orders WHERE status = 'completed' GROUP BY month
)
SELECT month, ROUND(revenue_cents / 100.0, 2) AS revenue,
       100 * ((revenue_cents - LAG(revenue_cents) OVER (ORDER BY month))
              / LAG(revenue_cents) OVER (ORDER BY month)) AS growth_pct
FROM monthly
ORDER BY month;
