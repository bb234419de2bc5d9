-- rewrite: COUNT(DISTINCT CASE ...) of session ids per step over the joined events
SELECT s.channel,
       COUNT(DISTINCT s.session_id),
       ROUND(COUNT(DISTINCT CASE WHEN e.event_type = 'product_view' THEN s.session_id END) * 100.0 / COUNT(DISTINCT s.session_id), 1),
       ROUND(COUNT(DISTINCT CASE WHEN e.event_type = 'add_to_cart' THEN s.session_id END) * 100.0 / COUNT(DISTINCT s.session_id), 1),
       ROUND(COUNT(DISTINCT CASE WHEN e.event_type = 'purchase' THEN s.session_id END) * 100.0 / COUNT(DISTINCT s.session_id), 2) AS pp
FROM sessions AS s
JOIN events AS e ON e.session_id = s.session_id
WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
GROUP BY s.channel
ORDER BY pp DESC, s.channel;
