-- rewrite: CASE WHEN instead of NULLIF for channels without clicks, and a substr year filter
SELECT channel,
  SUM(clicks) AS clicks,
  SUM(spend_cents) / 100.0 AS spend,
  CASE WHEN SUM(clicks) > 0 THEN SUM(spend_cents) / 100.0 / SUM(clicks) END AS cpc
FROM marketing_spend
WHERE substr(spend_date, 1, 4) = '2024'
GROUP BY channel
ORDER BY channel;
