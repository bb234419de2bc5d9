-- mistake: the window ends at date(signup_at, '+180 days'), midnight, cutting the last partial day
-- trap: date-window
WITH c AS (
  SELECT user_id, channel, signup_at FROM users
  WHERE datetime(signup_at, '+180 days') <= '2025-07-01 00:00:00'
), r AS (
  SELECT c.user_id, c.channel, COALESCE(SUM(o.total_cents), 0) AS rev
  FROM c LEFT JOIN orders AS o ON o.user_id = c.user_id AND o.status = 'completed'
   AND o.ordered_at >= c.signup_at AND o.ordered_at < date(c.signup_at, '+180 days')
  GROUP BY c.user_id, c.channel
)
SELECT channel, COUNT(*) AS users, SUM(rev > 0) AS buyers, ROUND(AVG(rev) / 100.0, 2) AS ltv_180
FROM r GROUP BY channel ORDER BY ltv_180 DESC, channel;
