-- mistake: integer division truncates every rate to a whole number
-- trap: integer-division
SELECT campaign, channel, SUM(impressions) AS impressions, SUM(clicks) AS clicks,
       ROUND(100 * SUM(clicks) / SUM(impressions), 2) AS ctr_pct
FROM marketing_spend
GROUP BY campaign, channel
ORDER BY ctr_pct DESC, campaign;
