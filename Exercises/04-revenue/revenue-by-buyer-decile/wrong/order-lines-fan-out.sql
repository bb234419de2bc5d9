-- mistake: joins order lines before summing total_cents, so each order's total is counted once per line
-- trap: fan-out
WITH buyer_revenue AS (
  SELECT o.user_id, SUM(o.total_cents) AS revenue_cents
  FROM orders AS o JOIN order_items AS i ON i.order_id = o.order_id
  WHERE o.status = 'completed'
  GROUP BY o.user_id
),
deciles AS (SELECT revenue_cents, NTILE(10) OVER (ORDER BY revenue_cents DESC) AS decile FROM buyer_revenue),
per_decile AS (SELECT decile, COUNT(*) AS buyers, SUM(revenue_cents) AS revenue_cents FROM deciles GROUP BY decile)
SELECT decile, buyers, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(100.0 * revenue_cents / SUM(revenue_cents) OVER (), 1) AS share_pct,
       ROUND(100.0 * SUM(revenue_cents) OVER (ORDER BY decile) / SUM(revenue_cents) OVER (), 1) AS cumulative_pct
FROM per_decile
ORDER BY decile;
