-- mistake: NOT IN over a subquery that contains NULL user_ids (anonymous sessions) matches nobody
-- trap: nulls
WITH active_before AS (
  SELECT DISTINCT user_id
  FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-03-03' AND started_at < '2025-05-02'
)
SELECT
  u.channel,
  COUNT(*) AS active_before_users,
  SUM(CASE WHEN a.user_id NOT IN (SELECT user_id FROM sessions WHERE started_at >= '2025-05-02')
           THEN 1 ELSE 0 END) AS churned_users,
  ROUND(100.0 * SUM(CASE WHEN a.user_id NOT IN (SELECT user_id FROM sessions WHERE started_at >= '2025-05-02')
           THEN 1 ELSE 0 END) / COUNT(*), 1) AS churn_pct
FROM active_before a
JOIN users u ON u.user_id = a.user_id
GROUP BY u.channel
ORDER BY churn_pct DESC, u.channel;
