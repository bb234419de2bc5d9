-- mistake: counts cancelled and refunded orders as revenue
-- trap: order-status
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month, SUM(total_cents) AS revenue_cents
  FROM orders GROUP BY month
)
SELECT month, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(100.0 * (revenue_cents - LAG(revenue_cents) OVER (ORDER BY month))
             / LAG(revenue_cents) OVER (ORDER BY month), 1) AS growth_pct
FROM monthly
ORDER BY month;
