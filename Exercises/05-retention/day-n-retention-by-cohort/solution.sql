WITH cohort AS (
  SELECT user_id,
    strftime('%Y-%m', signup_at) AS cohort_month,
    date(signup_at) AS signup_date
  FROM users
),
active_days AS (
  SELECT DISTINCT user_id, date(started_at) AS active_date
  FROM sessions
  WHERE user_id IS NOT NULL
),
user_flags AS (
  SELECT c.cohort_month, c.user_id,
    MAX(a.active_date = date(c.signup_date, '+1 day'))   AS d1,
    MAX(a.active_date = date(c.signup_date, '+7 days'))  AS d7,
    MAX(a.active_date = date(c.signup_date, '+30 days')) AS d30
  FROM cohort AS c
  LEFT JOIN active_days AS a ON a.user_id = c.user_id
  GROUP BY c.cohort_month, c.user_id
),
cohort_stats AS (
  SELECT cohort_month,
    date(cohort_month || '-01', '+1 month', '-1 day') AS last_signup_day,
    COUNT(*) AS cohort_users,
    100.0 * SUM(d1) / COUNT(*) AS d1,
    100.0 * SUM(d7) / COUNT(*) AS d7,
    100.0 * SUM(d30) / COUNT(*) AS d30
  FROM user_flags
  GROUP BY cohort_month
)
SELECT
  cohort_month,
  cohort_users,
  CASE WHEN date(last_signup_day, '+1 day')   <= '2025-06-30' THEN ROUND(d1, 1)  END AS d1_pct,
  CASE WHEN date(last_signup_day, '+7 days')  <= '2025-06-30' THEN ROUND(d7, 1)  END AS d7_pct,
  CASE WHEN date(last_signup_day, '+30 days') <= '2025-06-30' THEN ROUND(d30, 1) END AS d30_pct
FROM cohort_stats
ORDER BY cohort_month;
