-- mistake: BETWEEN with a bare end date drops the sessions of 31 March after midnight
-- trap: date-window
SELECT s.device, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       ROUND(1.0 * COUNT(o.order_id) / COUNT(*), 4) AS conversion_rate
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.started_at BETWEEN '2025-01-01' AND '2025-03-31'
GROUP BY s.device
ORDER BY s.device;
