-- mistake: integer division truncates the change to a whole percent
-- trap: integer-division
SELECT channel,
       SUM(started_at < '2024-07-15') AS sessions_before,
       SUM(started_at >= '2024-07-15') AS sessions_during,
       100 * (SUM(started_at >= '2024-07-15') - SUM(started_at < '2024-07-15')) / SUM(started_at < '2024-07-15') AS change_pct
FROM sessions
WHERE started_at >= '2024-07-01' AND started_at < '2024-07-29'
GROUP BY channel
ORDER BY channel;
