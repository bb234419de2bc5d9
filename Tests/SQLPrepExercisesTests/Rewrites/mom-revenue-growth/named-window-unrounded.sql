-- rewrite: LAG() over a named WINDOW clause in a second CTE, growth left unrounded, revenue as TOTAL() / 100
WITH monthly AS (
  SELECT strftime('%Y-%m', ordered_at) AS month, TOTAL(total_cents) / 100 AS revenue
  FROM orders
  WHERE status = 'completed'
  GROUP BY strftime('%Y-%m', ordered_at)
),
with_prev AS (
  SELECT month, revenue, LAG(revenue) OVER w AS prev_revenue
  FROM monthly
  WINDOW w AS (ORDER BY month)
)
SELECT month, revenue, (revenue - prev_revenue) * 100.0 / prev_revenue AS growth_pct
FROM with_prev
ORDER BY month;
