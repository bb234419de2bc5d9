SELECT
  channel,
  SUM(clicks) AS clicks,
  ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
  -- NULLIF(..., 0) turns a zero click count into NULL, so the CPC is NULL rather than 0
  ROUND(SUM(spend_cents) / 100.0 / NULLIF(SUM(clicks), 0), 2) AS cpc
FROM marketing_spend
WHERE spend_date BETWEEN '2024-01-01' AND '2024-12-31'
GROUP BY channel
ORDER BY channel;
