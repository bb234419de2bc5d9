WITH user_revenue AS (
  -- one row per user with at least one completed order
  SELECT user_id, SUM(total_cents) AS revenue_cents
  FROM orders
  WHERE status = 'completed'
  GROUP BY user_id
)
SELECT
  u.channel,
  COUNT(*) AS users,
  COUNT(ur.user_id) AS paying_users,
  ROUND(COALESCE(SUM(ur.revenue_cents), 0) / 100.0 / COUNT(*), 2) AS arpu,
  ROUND(SUM(ur.revenue_cents) / 100.0 / COUNT(ur.user_id), 2) AS arppu
FROM users AS u
LEFT JOIN user_revenue AS ur ON ur.user_id = u.user_id
GROUP BY u.channel
ORDER BY u.channel;
