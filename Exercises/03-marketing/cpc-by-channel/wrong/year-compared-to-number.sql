-- mistake: strftime returns text, so comparing it with the number 2024 matches no row at all
SELECT channel, SUM(clicks) AS clicks, ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(SUM(spend_cents) / 100.0 / SUM(clicks), 2) AS cpc
FROM marketing_spend
WHERE strftime('%Y', spend_date) = 2024
GROUP BY channel
ORDER BY channel;
