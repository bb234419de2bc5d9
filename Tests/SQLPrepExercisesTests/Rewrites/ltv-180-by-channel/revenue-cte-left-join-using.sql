-- rewrite: window revenue aggregated per user in its own CTE, LEFT JOINed USING (user_id) with COALESCE; buyers via COUNT(revenue)
WITH cohort AS (
  SELECT user_id, channel, signup_at
  FROM users
  WHERE datetime(signup_at, '+180 days') <= '2025-07-01 00:00:00'
),
revenue AS (
  SELECT c.user_id, SUM(o.total_cents) AS cents
  FROM cohort AS c
  JOIN orders AS o ON o.user_id = c.user_id
  WHERE o.status = 'completed'
    AND o.ordered_at >= c.signup_at
    AND o.ordered_at < datetime(c.signup_at, '+180 days')
  GROUP BY c.user_id
  HAVING SUM(o.total_cents) > 0
)
SELECT
  channel,
  COUNT(*) AS users,
  COUNT(revenue.cents) AS buyers,
  ROUND(CAST(COALESCE(SUM(revenue.cents), 0) AS REAL) / COUNT(*) / 100, 2) AS ltv_180
FROM cohort
LEFT JOIN revenue USING (user_id)
GROUP BY channel
ORDER BY ltv_180 DESC, channel;
