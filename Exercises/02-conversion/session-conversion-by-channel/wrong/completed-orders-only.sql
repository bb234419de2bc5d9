-- mistake: only completed orders count as conversions, though the prompt counts every order status
-- trap: order-status
SELECT s.channel, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(*), 2) AS conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id AND o.status = 'completed'
GROUP BY s.channel
ORDER BY conversion_pct DESC, s.channel;
