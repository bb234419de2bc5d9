-- mistake: COUNT(user_id) skips anonymous sessions, so the session count and the overall rate cover registered sessions only
-- trap: nulls
SELECT s.channel, COUNT(s.user_id) AS sessions,
       ROUND(100.0 * (COUNT(*) - COUNT(s.user_id)) / COUNT(*), 1) AS anonymous_pct,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(s.user_id), 2) AS conversion_pct,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(s.user_id), 2) AS registered_conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
GROUP BY s.channel
ORDER BY s.channel;
