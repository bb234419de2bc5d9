-- mistake: treats the end date as exclusive and loses 31 December 2024
-- trap: date-window
SELECT channel, SUM(clicks) AS clicks, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(SUM(spend_cents) / 100.0 / SUM(clicks), 2) AS cpc
FROM marketing_spend
WHERE spend_date >= '2024-01-01' AND spend_date < '2024-12-31'
GROUP BY channel
ORDER BY channel;
