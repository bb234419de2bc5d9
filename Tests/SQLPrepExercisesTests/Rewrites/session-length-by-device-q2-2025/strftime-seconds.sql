-- rewrite: strftime('%s') seconds cast to REAL before dividing; the quarter picked by month text
SELECT device,
       COUNT(session_id),
       ROUND(AVG(CAST(strftime('%s', ended_at) - strftime('%s', started_at) AS REAL) / 60), 2),
       ROUND(AVG(CAST(page_views AS REAL)), 2)
FROM sessions
WHERE substr(started_at, 1, 7) IN ('2025-04', '2025-05', '2025-06')
GROUP BY device
ORDER BY device;
