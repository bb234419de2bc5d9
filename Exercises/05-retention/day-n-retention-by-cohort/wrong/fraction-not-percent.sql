-- mistake: returns fractions (0 to 1) where the contract asks for percentages
-- trap: percent-vs-fraction
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
  CASE WHEN date(cohort_month || '-01', '+1 month', '+0 days') <= '2025-06-30'
       THEN ROUND(1.0 * SUM(d1) / COUNT(*), 3) END AS d1_pct,
  CASE WHEN date(cohort_month || '-01', '+1 month', '+6 days') <= '2025-06-30'
       THEN ROUND(1.0 * SUM(d7) / COUNT(*), 3) END AS d7_pct,
  CASE WHEN date(cohort_month || '-01', '+1 month', '+29 days') <= '2025-06-30'
       THEN ROUND(1.0 * SUM(d30) / COUNT(*), 3) END AS d30_pct
FROM user_flags
GROUP BY cohort_month
ORDER BY cohort_month;
