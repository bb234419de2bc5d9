-- rewrite: EXISTS flags per user instead of a join to active days, the cut-off as the cohort's next month
WITH flags AS (
  SELECT strftime('%Y-%m', u.signup_at) AS cohort_month,
    EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id AND date(s.started_at) = date(u.signup_at, '+1 day')) AS d1,
    EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id AND date(s.started_at) = date(u.signup_at, '+7 days')) AS d7,
    EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.user_id AND date(s.started_at) = date(u.signup_at, '+30 days')) AS d30
  FROM users u
)
SELECT cohort_month,
  COUNT(*) AS cohort_users,
  IIF(date(cohort_month || '-01', '+1 month') <= '2025-06-30', 100.0 * AVG(d1), NULL) AS d1_pct,
  IIF(date(cohort_month || '-01', '+1 month', '+6 days') <= '2025-06-30', 100.0 * AVG(d7), NULL) AS d7_pct,
  IIF(date(cohort_month || '-01', '+1 month', '+29 days') <= '2025-06-30', 100.0 * AVG(d30), NULL) AS d30_pct
FROM flags
GROUP BY cohort_month
ORDER BY cohort_month;
