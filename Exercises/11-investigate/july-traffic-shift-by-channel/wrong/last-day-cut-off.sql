-- mistake: started_at <= '2024-07-28' stops at midnight at the start of 28 July, so the last Sunday is missing
-- trap: date-window
SELECT channel,
       SUM(started_at < '2024-07-15') AS sessions_before,
       SUM(started_at >= '2024-07-15') AS sessions_during,
       ROUND(100.0 * (SUM(started_at >= '2024-07-15') - SUM(started_at < '2024-07-15')) / SUM(started_at < '2024-07-15'), 1) AS change_pct
FROM sessions
WHERE started_at >= '2024-07-01' AND started_at <= '2024-07-28'
GROUP BY channel
ORDER BY channel;
