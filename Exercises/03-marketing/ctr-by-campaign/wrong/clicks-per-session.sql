-- mistake: divides clicks by the tracked sessions of the campaign instead of by impressions: a different ratio, and the podcast disappears
SELECT
  m.campaign,
  m.channel,
  SUM(m.impressions) AS impressions,
  SUM(m.clicks) AS clicks,
  ROUND(100.0 * SUM(m.clicks) / (SELECT COUNT(*) FROM sessions AS s WHERE s.campaign = m.campaign), 2) AS ctr_pct
FROM marketing_spend AS m
GROUP BY m.campaign, m.channel
ORDER BY ctr_pct DESC, m.campaign;
