-- rewrite: each user's first completed order time, LEFT JOINed; julianday difference under 30; unrounded
WITH first_order AS (
  SELECT user_id, MIN(ordered_at) AS first_at FROM orders WHERE status = 'completed' GROUP BY user_id
)
SELECT u.channel, COUNT(*) AS n,
       SUM(CASE WHEN julianday(f.first_at) - julianday(u.signup_at) < 30 THEN 1 ELSE 0 END) AS b,
       SUM(CASE WHEN julianday(f.first_at) - julianday(u.signup_at) < 30 THEN 1 ELSE 0 END) * 100.0 / COUNT(*) AS pct
FROM users AS u
LEFT JOIN first_order AS f ON f.user_id = u.user_id
WHERE substr(u.signup_at, 1, 7) BETWEEN '2024-01' AND '2024-06'
GROUP BY u.channel
ORDER BY pct DESC, u.channel;
