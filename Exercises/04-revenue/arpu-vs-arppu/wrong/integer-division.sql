-- mistake: integer division drops the cents from both averages
-- trap: integer-division
WITH user_revenue AS (
  SELECT user_id, SUM(total_cents) AS revenue_cents FROM orders WHERE status = 'completed' GROUP BY user_id
)
SELECT u.channel, COUNT(*) AS users, COUNT(ur.user_id) AS paying_users,
       COALESCE(SUM(ur.revenue_cents), 0) / COUNT(*) / 100 AS arpu,
       SUM(ur.revenue_cents) / COUNT(ur.user_id) / 100 AS arppu
FROM users AS u
LEFT JOIN user_revenue AS ur ON ur.user_id = u.user_id
GROUP BY u.channel
ORDER BY u.channel;
