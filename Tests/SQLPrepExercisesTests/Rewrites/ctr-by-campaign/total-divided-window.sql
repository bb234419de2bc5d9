-- rewrite: running the sums as window functions over each campaign, then keeping one row per campaign
SELECT DISTINCT campaign, channel,
  SUM(impressions) OVER w AS impressions,
  SUM(clicks) OVER w AS clicks,
  ROUND(100.0 * SUM(clicks) OVER w / SUM(impressions) OVER w, 2) AS ctr_pct
FROM marketing_spend
WINDOW w AS (PARTITION BY campaign, channel)
ORDER BY ctr_pct DESC, campaign;
