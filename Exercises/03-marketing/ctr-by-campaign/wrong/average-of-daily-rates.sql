-- mistake: averages the daily CTRs instead of dividing total clicks by total impressions
SELECT campaign, channel, SUM(impressions) AS impressions, SUM(clicks) AS clicks,
       ROUND(AVG(100.0 * clicks / impressions), 2) AS ctr_pct
FROM marketing_spend
GROUP BY campaign, channel
ORDER BY ctr_pct DESC, campaign;
