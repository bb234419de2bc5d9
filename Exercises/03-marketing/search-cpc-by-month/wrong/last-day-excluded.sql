-- mistake: spend_date < '2025-06-30' leaves out the last day of June
-- trap: date-window
SELECT strftime('%Y-%m', spend_date) AS month, campaign, SUM(clicks) AS clicks,
       ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(SUM(spend_cents) / 100.0 / SUM(clicks), 4) AS cpc
FROM marketing_spend
WHERE channel = 'paid_search' AND spend_date >= '2025-01-01' AND spend_date < '2025-06-30'
GROUP BY month, campaign
ORDER BY month, campaign;
