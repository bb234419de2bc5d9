-- mistake: joins daily spend rows to the orders of the same day, so each spend row is repeated once per order and the spend balloons
-- trap: fan-out
SELECT strftime('%Y-%m', ms.spend_date) AS month,
       ROUND(SUM(ms.spend_cents) / 100.0, 2) AS spend,
       COUNT(DISTINCT o.order_id) AS campaign_orders,
       ROUND(SUM(ms.spend_cents) / 100.0 / COUNT(DISTINCT o.order_id), 2) AS cpo
FROM marketing_spend AS ms
JOIN orders AS o ON date(o.ordered_at) = ms.spend_date
JOIN sessions AS s ON s.session_id = o.session_id
WHERE o.status = 'completed' AND s.campaign IS NOT NULL
GROUP BY month
ORDER BY month;
