-- mistake: multiplies the day fraction by 24 only, which gives hours, not minutes
SELECT device, COUNT(*) AS sessions,
       ROUND(AVG((julianday(ended_at) - julianday(started_at)) * 24), 2) AS avg_minutes,
       ROUND(AVG(page_views), 2) AS avg_pages
FROM sessions
WHERE started_at >= '2025-04-01' AND started_at < '2025-07-01'
GROUP BY device
ORDER BY device;
