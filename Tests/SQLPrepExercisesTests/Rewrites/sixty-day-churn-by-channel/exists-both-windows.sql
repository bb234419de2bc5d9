-- rewrite: users active before found with EXISTS, churn as NOT EXISTS in the recent window
WITH before AS (
  SELECT u.user_id, u.channel,
    NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id
                AND s.started_at >= '2025-05-02' AND s.started_at < '2025-07-01') AS churned
  FROM users u
  WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id
                AND s.started_at >= '2025-03-03' AND s.started_at < '2025-05-02')
)
SELECT channel, COUNT(*) AS active_before_users, SUM(churned) AS churned_users,
  100.0 * AVG(churned) AS churn_pct
FROM before
GROUP BY channel
ORDER BY AVG(churned) DESC, channel;
