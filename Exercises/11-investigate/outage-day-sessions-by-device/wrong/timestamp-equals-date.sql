-- mistake: compares the started_at timestamp with a bare date, which matches no session at all
-- trap: date-window
SELECT device,
       SUM(started_at = '2025-03-02') AS sessions_before,
       SUM(started_at = '2025-03-09') AS sessions_on_day,
       ROUND(100.0 * (SUM(started_at = '2025-03-09') - SUM(started_at = '2025-03-02'))
             / NULLIF(SUM(started_at = '2025-03-02'), 0), 1) AS change_pct
FROM sessions
GROUP BY device
ORDER BY device;
