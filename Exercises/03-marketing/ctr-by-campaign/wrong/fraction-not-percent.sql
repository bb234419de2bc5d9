-- mistake: a fraction (0 to 1) where the contract asks for a percentage (0 to 100)
-- trap: percent-vs-fraction
SELECT campaign, channel, SUM(impressions) AS impressions, SUM(clicks) AS clicks,
       ROUND(1.0 * SUM(clicks) / SUM(impressions), 4) AS ctr_pct
FROM marketing_spend
GROUP BY campaign, channel
ORDER BY ctr_pct DESC, campaign;
