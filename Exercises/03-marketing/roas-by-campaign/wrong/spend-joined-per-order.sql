-- mistake: starts from orders and joins each one to its campaign's spend row for that day, so spend is counted once per order and days without orders (and the podcast) vanish
-- trap: fan-out
SELECT ms.campaign, ms.channel,
       ROUND(SUM(ms.spend_cents) / 100.0, 2) AS spend,
       ROUND(SUM(o.total_cents) / 100.0, 2) AS revenue,
       ROUND(1.0 * SUM(o.total_cents) / SUM(ms.spend_cents), 2) AS roas
FROM orders AS o
JOIN sessions AS s ON s.session_id = o.session_id
JOIN marketing_spend AS ms ON ms.campaign = s.campaign AND ms.spend_date = date(s.started_at)
WHERE o.status = 'completed'
GROUP BY ms.campaign, ms.channel
ORDER BY roas DESC, ms.campaign;
