-- mistake: divides spend in cents by clicks as integers, which truncates the CPC to whole cents
-- trap: integer-division
SELECT strftime('%Y-%m', spend_date) AS month, campaign, SUM(clicks) AS clicks,
       ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       SUM(spend_cents) / SUM(clicks) / 100.0 AS cpc
FROM marketing_spend
WHERE channel = 'paid_search' AND spend_date BETWEEN '2025-01-01' AND '2025-06-30'
GROUP BY month, campaign
ORDER BY month, campaign;
