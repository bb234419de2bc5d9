-- rewrite: the churned as a set difference (EXCEPT) of the two windows' users
WITH before AS (
  SELECT DISTINCT user_id FROM sessions
  WHERE user_id IS NOT NULL AND date(started_at) BETWEEN '2025-03-03' AND '2025-05-01'
),
churned AS (
  SELECT user_id FROM before
  EXCEPT
  SELECT user_id FROM sessions WHERE date(started_at) BETWEEN '2025-05-02' AND '2025-06-30'
)
SELECT u.channel,
  COUNT(*) AS active_before_users,
  COUNT(c.user_id) AS churned_users,
  ROUND(COUNT(c.user_id) * 100.0 / COUNT(*), 1) AS churn_pct
FROM before b
JOIN users u ON u.user_id = b.user_id
LEFT JOIN churned c ON c.user_id = b.user_id
GROUP BY u.channel
ORDER BY churn_pct DESC, u.channel;
