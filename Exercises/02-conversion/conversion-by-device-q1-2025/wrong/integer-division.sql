-- mistake: integer division turns every rate into 0
-- trap: integer-division
SELECT s.device, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       COUNT(o.order_id) / COUNT(*) AS conversion_rate
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-04-01'
GROUP BY s.device
ORDER BY s.device;
