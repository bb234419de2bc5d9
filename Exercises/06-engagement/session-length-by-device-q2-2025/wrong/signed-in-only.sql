-- mistake: keeps only signed-in sessions, leaving anonymous visits out of the baseline
SELECT device, COUNT(*) AS sessions,
       ROUND(AVG((julianday(ended_at) - julianday(started_at)) * 24 * 60), 2) AS avg_minutes,
       ROUND(AVG(page_views), 2) AS avg_pages
FROM sessions
WHERE started_at >= '2025-04-01' AND started_at < '2025-07-01' AND user_id IS NOT NULL
GROUP BY device
ORDER BY device;
