-- mistake: compares with the day before (Saturday 8 March) instead of the same weekday a week earlier
SELECT device,
       SUM(date(started_at) = '2025-03-08') AS sessions_before,
       SUM(date(started_at) = '2025-03-09') AS sessions_on_day,
       ROUND(100.0 * (SUM(date(started_at) = '2025-03-09') - SUM(date(started_at) = '2025-03-08'))
             / SUM(date(started_at) = '2025-03-08'), 1) AS change_pct
FROM sessions
WHERE started_at >= '2025-03-08' AND started_at < '2025-03-10'
GROUP BY device
ORDER BY device;
