-- mistake: user_id = NULL is never true (it is NULL), so the anonymous share comes out NULL
-- trap: nulls
SELECT s.channel, COUNT(*) AS sessions,
       ROUND(100.0 * SUM(s.user_id = NULL) / COUNT(*), 1) AS anonymous_pct,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(*), 2) AS conversion_pct,
       ROUND(100.0 * COUNT(o.order_id) / SUM(s.user_id <> NULL), 2) AS registered_conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
GROUP BY s.channel
ORDER BY s.channel;
