-- mistake: shows a partial, too-low value for the June 2025 cohort instead of NULL
-- trap: nulls
WITH cohort AS (
  SELECT user_id, strftime('%Y-%m', signup_at) AS cohort_month, date(signup_at) AS signup_date
  FROM users
),
active_days AS (
  SELECT DISTINCT user_id, date(started_at) AS active_date
  FROM sessions WHERE user_id IS NOT NULL
),
user_flags AS (
  SELECT c.cohort_month, c.user_id,
    MAX(a.active_date = date(c.signup_date, '+1 day'))   AS d1,
    MAX(a.active_date = date(c.signup_date, '+7 days'))  AS d7,
    MAX(a.active_date = date(c.signup_date, '+30 days')) AS d30
  FROM cohort c LEFT JOIN active_days a ON a.user_id = c.user_id
  GROUP BY c.cohort_month, c.user_id
)
SELECT cohort_month, COUNT(*) AS cohort_users,
  ROUND(100.0 * SUM(d1) / COUNT(*), 1) AS d1_pct,
  ROUND(100.0 * SUM(d7) / COUNT(*), 1) AS d7_pct,
  ROUND(100.0 * SUM(d30) / COUNT(*), 1) AS d30_pct
FROM user_flags
GROUP BY cohort_month
ORDER BY cohort_month;
