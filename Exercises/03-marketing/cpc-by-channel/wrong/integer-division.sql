-- mistake: integer division in cents, then again by 100, truncates every CPC to 0
-- trap: integer-division
SELECT channel, SUM(clicks) AS clicks, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(SUM(spend_cents) / SUM(clicks) / 100, 2) AS cpc
FROM marketing_spend
WHERE spend_date BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY channel
ORDER BY channel;
