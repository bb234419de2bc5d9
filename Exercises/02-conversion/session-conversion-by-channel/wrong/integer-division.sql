-- mistake: integer division truncates every conversion rate to 0
-- trap: integer-division
SELECT s.channel, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       ROUND(100 * (COUNT(o.order_id) / COUNT(*)), 2) AS conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
GROUP BY s.channel
ORDER BY conversion_pct DESC, s.channel;
