-- mistake: BETWEEN with bare dates on a timestamp column drops almost all of the window's last day
-- trap: date-window
WITH user_activity AS (
  SELECT user_id,
    MAX(started_at BETWEEN '2025-03-03' AND '2025-05-01') AS active_before,
    MAX(started_at BETWEEN '2025-05-02' AND '2025-06-30') AS active_recent
  FROM sessions
  WHERE user_id IS NOT NULL
  GROUP BY user_id
)
SELECT u.channel,
  COUNT(*) AS active_before_users,
  SUM(a.active_recent = 0) AS churned_users,
  ROUND(100.0 * SUM(a.active_recent = 0) / COUNT(*), 1) AS churn_pct
FROM user_activity a
JOIN users u ON u.user_id = a.user_id
WHERE a.active_before = 1
GROUP BY u.channel
ORDER BY churn_pct DESC, u.channel;
