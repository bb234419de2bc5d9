-- mistake: uses 24-hour windows after the signup timestamp instead of calendar days
-- trap: date-window
WITH user_flags AS (
  SELECT u.user_id, strftime('%Y-%m', u.signup_at) AS cohort_month,
    MAX(julianday(s.started_at) - julianday(u.signup_at) >= 1  AND julianday(s.started_at) - julianday(u.signup_at) < 2)  AS d1,
    MAX(julianday(s.started_at) - julianday(u.signup_at) >= 7  AND julianday(s.started_at) - julianday(u.signup_at) < 8)  AS d7,
    MAX(julianday(s.started_at) - julianday(u.signup_at) >= 30 AND julianday(s.started_at) - julianday(u.signup_at) < 31) AS d30
  FROM users u LEFT JOIN sessions s ON s.user_id = u.user_id
  GROUP BY u.user_id
)
SELECT cohort_month, COUNT(*) AS cohort_users,
  CASE WHEN date(cohort_month || '-01', '+1 month', '+0 days') <= '2025-06-30'
       THEN ROUND(100.0 * SUM(d1) / COUNT(*), 1) END AS d1_pct,
  CASE WHEN date(cohort_month || '-01', '+1 month', '+6 days') <= '2025-06-30'
       THEN ROUND(100.0 * SUM(d7) / COUNT(*), 1) END AS d7_pct,
  CASE WHEN date(cohort_month || '-01', '+1 month', '+29 days') <= '2025-06-30'
       THEN ROUND(100.0 * SUM(d30) / COUNT(*), 1) END AS d30_pct
FROM user_flags
GROUP BY cohort_month
ORDER BY cohort_month;
