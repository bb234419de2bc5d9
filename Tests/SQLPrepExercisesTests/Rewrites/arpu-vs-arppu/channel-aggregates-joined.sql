-- rewrite: three channel-level aggregates (users, payers, revenue) computed separately and joined USING (channel); unrounded
WITH users_per_channel AS (
  SELECT channel, COUNT(*) AS users FROM users GROUP BY channel
),
paying AS (
  SELECT u.channel,
         COUNT(DISTINCT o.user_id) AS paying_users,
         SUM(o.total_cents) AS cents
  FROM orders AS o
  JOIN users AS u ON u.user_id = o.user_id
  WHERE o.status = 'completed'
  GROUP BY u.channel
)
SELECT
  channel,
  users,
  IFNULL(paying_users, 0),
  IFNULL(cents, 0) / 100.0 / users,
  cents / 100.0 / paying_users
FROM users_per_channel
LEFT JOIN paying USING (channel)
ORDER BY channel;
