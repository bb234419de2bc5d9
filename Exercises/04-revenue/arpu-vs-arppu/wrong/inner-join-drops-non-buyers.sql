-- mistake: an inner join keeps only users with orders, so ARPU is divided by buyers and equals ARPPU
-- trap: zero-groups
WITH user_revenue AS (
  SELECT user_id, SUM(total_cents) AS revenue_cents FROM orders WHERE status = 'completed' GROUP BY user_id
)
SELECT u.channel, COUNT(*) AS users, COUNT(ur.user_id) AS paying_users,
       ROUND(SUM(ur.revenue_cents) / 100.0 / COUNT(*), 2) AS arpu,
       ROUND(SUM(ur.revenue_cents) / 100.0 / COUNT(ur.user_id), 2) AS arppu
FROM users AS u
JOIN user_revenue AS ur ON ur.user_id = u.user_id
GROUP BY u.channel
ORDER BY u.channel;
