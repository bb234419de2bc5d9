-- mistake: started_at <= '2025-06-30' drops the sessions of 30 June
-- trap: date-window
SELECT device, COUNT(*) AS sessions,
       ROUND(AVG((julianday(ended_at) - julianday(started_at)) * 24 * 60), 2) AS avg_minutes,
       ROUND(AVG(page_views), 2) AS avg_pages
FROM sessions
WHERE started_at >= '2025-04-01' AND started_at <= '2025-06-30'
GROUP BY device
ORDER BY device;
