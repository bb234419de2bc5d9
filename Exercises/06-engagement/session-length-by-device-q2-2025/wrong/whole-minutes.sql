-- mistake: integer division of whole seconds by 60 drops the seconds of every visit
-- trap: integer-division
SELECT device, COUNT(*) AS sessions,
       ROUND(AVG((strftime('%s', ended_at) - strftime('%s', started_at)) / 60), 2) AS avg_minutes,
       ROUND(AVG(page_views), 2) AS avg_pages
FROM sessions
WHERE started_at >= '2025-04-01' AND started_at < '2025-07-01'
GROUP BY device
ORDER BY device;
