-- mistake: reports a CPC of 0 for a channel with no clicks, as if its clicks were free
-- trap: nulls
SELECT channel, SUM(clicks) AS clicks, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       COALESCE(ROUND(SUM(spend_cents) / 100.0 / SUM(clicks), 2), 0) AS cpc
FROM marketing_spend
WHERE spend_date BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY channel
ORDER BY channel;
