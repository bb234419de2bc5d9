-- mistake: counts memberships that started during the month (a flow) instead of all that were active at its end (a stock)
SELECT strftime('%Y-%m', started_at) AS month, plan, COUNT(*) AS active_members,
       ROUND(SUM(CASE WHEN plan = 'annual' THEN price_cents / 12.0 ELSE price_cents END) / 100.0, 2) AS mrr
FROM memberships
WHERE started_at >= '2025-01-01' AND started_at < '2025-07-01'
GROUP BY month, plan
ORDER BY month, plan;
