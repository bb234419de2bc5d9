-- rewrite: cohort cut-off written as signup_at <= datetime('2025-07-01', '-180 days'); revenue summed / users (not AVG), unrounded
WITH per_user AS (
  SELECT
    u.user_id,
    u.channel,
    SUM(CASE WHEN o.order_id IS NOT NULL THEN o.total_cents ELSE 0 END) AS cents
  FROM users AS u
  LEFT JOIN orders AS o
    ON o.user_id = u.user_id
   AND o.status = 'completed'
   AND o.ordered_at >= u.signup_at
   AND o.ordered_at < datetime(u.signup_at, '+180 days')
  WHERE u.signup_at <= datetime('2025-07-01 00:00:00', '-180 days')
  GROUP BY u.user_id, u.channel
)
SELECT
  channel,
  COUNT(*),
  COUNT(*) FILTER (WHERE cents > 0),
  SUM(cents) / 100.0 / COUNT(*) AS ltv_180
FROM per_user
GROUP BY channel
ORDER BY ltv_180 DESC, channel;
