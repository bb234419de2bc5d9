-- mistake: shows 0% growth for the first month, which has no previous month to compare with
-- trap: nulls
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month, SUM(total_cents) AS revenue_cents
  FROM orders WHERE status = 'completed' GROUP BY month
)
SELECT month, ROUND(revenue_cents / 100.0, 2) AS revenue,
       COALESCE(ROUND(100.0 * (revenue_cents - LAG(revenue_cents) OVER (ORDER BY month))
             / LAG(revenue_cents) OVER (ORDER BY month), 1), 0) AS growth_pct
FROM monthly
ORDER BY month;
