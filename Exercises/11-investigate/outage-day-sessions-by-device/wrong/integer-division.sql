-- mistake: integer division truncates the change to a whole percent
-- trap: integer-division
SELECT device,
       SUM(date(started_at) = '2025-03-02') AS sessions_before,
       SUM(date(started_at) = '2025-03-09') AS sessions_on_day,
       100 * (SUM(date(started_at) = '2025-03-09') - SUM(date(started_at) = '2025-03-02'))
         / SUM(date(started_at) = '2025-03-02') AS change_pct
FROM sessions
WHERE started_at >= '2025-03-02' AND started_at < '2025-03-10'
GROUP BY device
ORDER BY device;
