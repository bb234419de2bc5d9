-- mistake: averages the daily CPCs instead of dividing total spend by total clicks
SELECT channel, SUM(clicks) AS clicks, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(AVG(spend_cents / 100.0 / clicks), 2) AS cpc
FROM marketing_spend
WHERE spend_date BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY channel
ORDER BY channel;
