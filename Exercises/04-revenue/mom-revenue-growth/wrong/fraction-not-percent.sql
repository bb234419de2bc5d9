-- mistake: a fraction (0.125) where the contract asks for a percentage (12.5)
-- trap: percent-vs-fraction
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month, SUM(total_cents) AS revenue_cents
  FROM orders WHERE status = 'completed' GROUP BY month
)
SELECT month, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(1.0 * (revenue_cents - LAG(revenue_cents) OVER (ORDER BY month))
             / LAG(revenue_cents) OVER (ORDER BY month), 3) AS growth_pct
FROM monthly
ORDER BY month;
