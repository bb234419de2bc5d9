-- mistake: lets the second window run to the end of July, so it is longer than the first and every channel seems to grow
-- trap: date-window
SELECT channel,
       SUM(started_at < '2024-07-15') AS sessions_before,
       SUM(started_at >= '2024-07-15') AS sessions_during,
       ROUND(100.0 * (SUM(started_at >= '2024-07-15') - SUM(started_at < '2024-07-15')) / SUM(started_at < '2024-07-15'), 1) AS change_pct
FROM sessions
WHERE started_at >= '2024-07-01' AND started_at < '2024-08-01'
GROUP BY channel
ORDER BY channel;
