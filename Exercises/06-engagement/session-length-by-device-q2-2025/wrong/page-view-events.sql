-- mistake: counts page_view events per session instead of reading page_views, so pages after the first are missed and duplicated events are counted
SELECT s.device, COUNT(*) AS sessions,
       ROUND(AVG((julianday(s.ended_at) - julianday(s.started_at)) * 24 * 60), 2) AS avg_minutes,
       ROUND(AVG((SELECT COUNT(*) FROM events AS e WHERE e.session_id = s.session_id AND e.event_type = 'page_view')), 2) AS avg_pages
FROM sessions AS s
WHERE s.started_at >= '2025-04-01' AND s.started_at < '2025-07-01'
GROUP BY s.device
ORDER BY s.device;
