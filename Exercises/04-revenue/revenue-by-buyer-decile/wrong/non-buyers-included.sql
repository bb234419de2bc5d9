-- mistake: starts from all users, so those who never completed an order fill the bottom deciles with zero revenue
WITH buyer_revenue AS (
  SELECT u.user_id, COALESCE(SUM(o.total_cents), 0) AS revenue_cents
  FROM users AS u LEFT JOIN orders AS o ON o.user_id = u.user_id AND o.status = 'completed'
  GROUP BY u.user_id
),
deciles AS (SELECT revenue_cents, NTILE(10) OVER (ORDER BY revenue_cents DESC) AS decile FROM buyer_revenue),
per_decile AS (SELECT decile, COUNT(*) AS buyers, SUM(revenue_cents) AS revenue_cents FROM deciles GROUP BY decile)
SELECT decile, buyers, ROUND(revenue_cents / 100.0, 2) AS revenue,
       ROUND(100.0 * revenue_cents / SUM(revenue_cents) OVER (), 1) AS share_pct,
       ROUND(100.0 * SUM(revenue_cents) OVER (ORDER BY decile) / SUM(revenue_cents) OVER (), 1) AS cumulative_pct
FROM per_decile
ORDER BY decile;
