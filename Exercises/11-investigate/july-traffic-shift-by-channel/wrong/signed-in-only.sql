-- mistake: counts only signed-in sessions (an inner join to users), leaving out anonymous visitors
SELECT s.channel,
       SUM(s.started_at < '2024-07-15') AS sessions_before,
       SUM(s.started_at >= '2024-07-15') AS sessions_during,
       ROUND(100.0 * (SUM(s.started_at >= '2024-07-15') - SUM(s.started_at < '2024-07-15')) / SUM(s.started_at < '2024-07-15'), 1) AS change_pct
FROM sessions AS s
JOIN users AS u ON u.user_id = s.user_id
WHERE s.started_at >= '2024-07-01' AND s.started_at < '2024-07-29'
GROUP BY s.channel
ORDER BY s.channel;
