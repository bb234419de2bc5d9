-- mistake: counts events per channel instead of sessions, so duplicated tracker events inflate every step
-- trap: duplicate-events
SELECT s.channel, COUNT(DISTINCT s.session_id) AS sessions,
       ROUND(100.0 * SUM(e.event_type = 'product_view') / COUNT(DISTINCT s.session_id), 1) AS viewed_pct,
       ROUND(100.0 * SUM(e.event_type = 'add_to_cart') / COUNT(DISTINCT s.session_id), 1) AS carted_pct,
       ROUND(100.0 * SUM(e.event_type = 'purchase') / COUNT(DISTINCT s.session_id), 2) AS purchased_pct
FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
GROUP BY s.channel
ORDER BY purchased_pct DESC, s.channel;
