-- mistake: averages each day's CPC instead of dividing the month's spend by its clicks
SELECT strftime('%Y-%m', spend_date) AS month, campaign, SUM(clicks) AS clicks,
       ROUND(SUM(spend_cents) / 100.0, 2) AS spend,
       ROUND(AVG(spend_cents / 100.0 / clicks), 4) AS cpc
FROM marketing_spend
WHERE channel = 'paid_search' AND spend_date BETWEEN '2025-01-01' AND '2025-06-30'
GROUP BY month, campaign
ORDER BY month, campaign;
