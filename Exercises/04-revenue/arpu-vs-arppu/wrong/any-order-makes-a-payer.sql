-- mistake: counts a user with only cancelled or refunded orders as a paying user
-- trap: order-status
WITH buyers AS (
  SELECT user_id,
         SUM(CASE WHEN status = 'completed' THEN total_cents ELSE 0 END) AS revenue_cents
  FROM orders
  GROUP BY user_id
)
SELECT u.channel, COUNT(*) AS users, COUNT(b.user_id) AS paying_users,
       ROUND(COALESCE(SUM(b.revenue_cents), 0) / 100.0 / COUNT(*), 2) AS arpu,
       ROUND(SUM(b.revenue_cents) / 100.0 / COUNT(b.user_id), 2) AS arppu
FROM users AS u
LEFT JOIN buyers AS b ON b.user_id = u.user_id
GROUP BY u.channel
ORDER BY u.channel;
