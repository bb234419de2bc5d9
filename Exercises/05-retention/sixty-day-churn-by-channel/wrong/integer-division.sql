-- mistake: integer division truncates churn to 0
-- trap: integer-division
WITH user_activity AS (
  SELECT user_id,
    MAX(started_at >= '2025-03-03' AND started_at < '2025-05-02') AS active_before,
    MAX(started_at >= '2025-05-02') AS active_recent
  FROM sessions
  WHERE user_id IS NOT NULL
  GROUP BY user_id
)
SELECT u.channel,
  COUNT(*) AS active_before_users,
  SUM(a.active_recent = 0) AS churned_users,
  ROUND(100 * (SUM(a.active_recent = 0) / COUNT(*)), 1) AS churn_pct
FROM user_activity a
JOIN users u ON u.user_id = a.user_id
WHERE a.active_before = 1
GROUP BY u.channel
ORDER BY churn_pct DESC, u.channel;
