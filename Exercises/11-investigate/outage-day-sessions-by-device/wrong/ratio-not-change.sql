-- mistake: reports the day as a percentage of the week before (on_day / before) instead of the change
SELECT device,
       SUM(date(started_at) = '2025-03-02') AS sessions_before,
       SUM(date(started_at) = '2025-03-09') AS sessions_on_day,
       ROUND(100.0 * SUM(date(started_at) = '2025-03-09') / SUM(date(started_at) = '2025-03-02'), 1) AS change_pct
FROM sessions
WHERE started_at >= '2025-03-02' AND started_at < '2025-03-10'
GROUP BY device
ORDER BY device;
