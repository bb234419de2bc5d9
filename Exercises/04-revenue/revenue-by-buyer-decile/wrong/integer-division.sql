-- mistake: integer division truncates both shares to whole percents
-- trap: integer-division
WITH buyer_revenue AS (SELECT user_id, SUM(total_cents) AS revenue_cents FROM orders WHERE status = 'completed' GROUP BY user_id),
deciles AS (SELECT revenue_cents, NTILE(10) OVER (ORDER BY revenue_cents DESC) AS decile FROM buyer_revenue),
per_decile AS (SELECT decile, COUNT(*) AS buyers, SUM(revenue_cents) AS revenue_cents FROM deciles GROUP BY decile)
SELECT decile, buyers, ROUND(revenue_cents / 100.0, 2) AS revenue,
       100 * revenue_cents / SUM(revenue_cents) OVER () AS share_pct,
       100 * SUM(revenue_cents) OVER (ORDER BY decile) / SUM(revenue_cents) OVER () AS cumulative_pct
FROM per_decile
ORDER BY decile;
