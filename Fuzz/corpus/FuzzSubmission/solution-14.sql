SELECT
  campaign,
  channel,
  SUM(impressions) AS impressions,
  SUM(clicks) AS clicks,
  ROUND(100.0 * SUM(clicks) / SUM(impressions), 2) AS ctr_pct
FROM marketing_spend
GROUP BY campaign, channel
ORDER BY ctr_pct DESC, campaign;
