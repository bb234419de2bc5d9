-- rewrite: each user's 180-day revenue from a correlated TOTAL() subquery; buyers with SUM(CASE ...); AVG of dollars
WITH cohort AS (
  SELECT
    u.channel,
    (SELECT TOTAL(o.total_cents)
       FROM orders AS o
      WHERE o.user_id = u.user_id
        AND o.status = 'completed'
        AND o.ordered_at >= u.signup_at
        AND o.ordered_at < datetime(u.signup_at, '+180 days')) AS cents
  FROM users AS u
  WHERE datetime(u.signup_at, '+180 days') <= '2025-07-01 00:00:00'
)
SELECT
  channel,
  COUNT(*) AS cohort_users,
  SUM(CASE WHEN cents > 0 THEN 1 ELSE 0 END) AS paying,
  ROUND(AVG(cents / 100.0), 2) AS ltv
FROM cohort
GROUP BY channel
ORDER BY ltv DESC, channel;
