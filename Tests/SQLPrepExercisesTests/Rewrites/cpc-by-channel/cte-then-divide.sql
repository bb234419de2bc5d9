-- rewrite: totals in a CTE, the division in the outer query with IIF
WITH totals AS (
  SELECT channel, SUM(clicks) AS clicks, SUM(spend_cents) AS spend_cents
  FROM marketing_spend
  WHERE spend_date >= '2024-01-01' AND spend_date < '2025-01-01'
  GROUP BY channel
)
SELECT channel, clicks, ROUND(spend_cents / 100.0, 2) AS spend,
  IIF(clicks = 0, NULL, ROUND(1.0 * spend_cents / clicks / 100, 2)) AS cpc
FROM totals
ORDER BY channel;
