-- mistake: an INNER JOIN keeps only sessions that ordered, so every channel converts at 100%
SELECT s.channel, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(*), 2) AS conversion_pct
FROM sessions AS s
JOIN orders AS o ON o.session_id = s.session_id
GROUP BY s.channel
ORDER BY conversion_pct DESC, s.channel;
