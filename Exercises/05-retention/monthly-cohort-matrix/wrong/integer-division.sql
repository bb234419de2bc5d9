-- mistake: integer division truncates every share to 0
-- trap: integer-division
WITH cohort AS (
  SELECT user_id, strftime('%Y-%m', signup_at) AS cohort_month
  FROM users
  WHERE signup_at >= '2024-12-01' AND signup_at < '2025-06-01'
),
cohort_size AS (
  SELECT cohort_month, COUNT(*) AS cohort_users FROM cohort GROUP BY cohort_month
),
active_months AS (
  SELECT DISTINCT user_id, strftime('%Y-%m', started_at) AS active_month
  FROM sessions WHERE user_id IS NOT NULL
),
cells AS (
  SELECT c.cohort_month,
    (CAST(substr(a.active_month, 1, 4) AS INTEGER) * 12 + CAST(substr(a.active_month, 6, 2) AS INTEGER))
  - (CAST(substr(c.cohort_month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.cohort_month, 6, 2) AS INTEGER))
      AS months_since_signup,
    COUNT(*) AS active_users
  FROM cohort c JOIN active_months a ON a.user_id = c.user_id
  GROUP BY 1, 2
)
SELECT cells.cohort_month, cells.months_since_signup, z.cohort_users, cells.active_users,
  ROUND(100 * (cells.active_users / z.cohort_users), 1) AS active_pct
FROM cells JOIN cohort_size z ON z.cohort_month = cells.cohort_month
WHERE cells.months_since_signup BETWEEN 1 AND 6
ORDER BY cells.cohort_month, cells.months_since_signup;
