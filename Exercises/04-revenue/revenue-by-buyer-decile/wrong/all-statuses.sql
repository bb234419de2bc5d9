-- mistake: counts cancelled and refunded orders as revenue
-- trap: order-status
WITH buyer_revenue AS (SELECT user_id, SUM(total_cents) AS revenue_cents FROM orders GROUP BY user_id),
deciles AS (SELECT revenue_cents, NTILE(10) OVER (ORDER BY revenue_cents DESC) AS decile FROM buyer_revenue),
per_decile AS (SELECT decile, COUNT(*) AS buyers, SUM(revenue_cents) AS revenue_cents FROM deciles GROUP BY decile)
SELECT decile, buyers, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(100.0 * revenue_cents / SUM(revenue_cents) OVER (), 1) AS share_pct,
       ROUND(100.0 * SUM(revenue_cents) OVER (ORDER BY decile) / SUM(revenue_cents) OVER (), 1) AS cumulative_pct
FROM per_decile
ORDER BY decile;
