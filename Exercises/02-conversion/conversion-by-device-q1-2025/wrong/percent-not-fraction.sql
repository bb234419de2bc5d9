-- mistake: a percentage (0 to 100) where the contract asks for a fraction (0 to 1)
-- trap: percent-vs-fraction
SELECT s.device, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(*), 4) AS conversion_rate
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-04-01'
GROUP BY s.device
ORDER BY s.device;
