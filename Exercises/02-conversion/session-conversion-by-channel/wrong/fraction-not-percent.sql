-- mistake: a fraction (0 to 1) where the contract asks for a percentage (0 to 100)
-- trap: percent-vs-fraction
SELECT s.channel, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       ROUND(1.0 * COUNT(o.order_id) / COUNT(*), 4) AS conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
GROUP BY s.channel
ORDER BY conversion_pct DESC, s.channel;
