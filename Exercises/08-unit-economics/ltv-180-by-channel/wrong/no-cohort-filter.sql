-- mistake: includes users who signed up recently and have not had 180 days yet
-- trap: date-window
WITH r AS (
  SELECT u.user_id, u.channel, COALESCE(SUM(o.total_cents), 0) AS rev
  FROM users AS u
  LEFT JOIN orders AS o ON o.user_id = u.user_id AND o.status = 'completed'
   AND o.ordered_at >= u.signup_at AND o.ordered_at < datetime(u.signup_at, '+180 days')
  GROUP BY u.user_id, u.channel
)
SELECT channel, COUNT(*) AS users, SUM(rev > 0) AS buyers, ROUND(AVG(rev) / 100.0, 2) AS ltv_180
FROM r GROUP BY channel ORDER BY ltv_180 DESC, channel;
