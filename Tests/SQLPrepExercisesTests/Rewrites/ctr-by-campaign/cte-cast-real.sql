-- rewrite: totals in a CTE, CAST to REAL instead of 100.0, and ORDER BY the unrounded rate
WITH totals AS (
  SELECT campaign, channel, SUM(impressions) AS impressions, SUM(clicks) AS clicks
  FROM marketing_spend
  GROUP BY campaign, channel
)
SELECT campaign, channel, impressions, clicks,
  ROUND(CAST(clicks AS REAL) / impressions * 100, 2) AS ctr_pct
FROM totals
ORDER BY CAST(clicks AS REAL) / impressions DESC, campaign;
