WITH cohort AS (
  SELECT user_id, channel, signup_at, datetime(signup_at, '+180 days') AS window_end
  FROM users
  WHERE datetime(signup_at, '+180 days') <= '2025-07-01 00:00:00'
),
user_revenue AS (
  SELECT
    c.user_id,
    c.channel,
    COALESCE(SUM(o.total_cents), 0) AS revenue_cents
  FROM cohort AS c
  LEFT JOIN orders AS o
    ON o.user_id = c.user_id
   AND o.status = 'completed'
   AND o.ordered_at >= c.signup_at
   AND o.ordered_at < c.window_end
  GROUP BY c.user_id, c.channel
)
SELECT
  channel,
  COUNT(*) AS users,
  SUM(revenue_cents > 0) AS buyers,
  ROUND(AVG(revenue_cents) / 100.0, 2) AS ltv_180
FROM user_revenue
GROUP BY channel
ORDER BY ltv_180 DESC, channel;
