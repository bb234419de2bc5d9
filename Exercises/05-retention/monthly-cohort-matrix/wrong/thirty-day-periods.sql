-- mistake: counts 30-day periods since the signup timestamp instead of calendar months
-- trap: date-window
WITH cohort AS (
  SELECT user_id, signup_at, strftime('%Y-%m', signup_at) AS cohort_month
  FROM users
  WHERE signup_at >= '2024-12-01' AND signup_at < '2025-06-01'
),
cohort_size AS (
  SELECT cohort_month, COUNT(*) AS cohort_users FROM cohort GROUP BY cohort_month
),
cells AS (
  SELECT c.cohort_month,
    CAST((julianday(s.started_at) - julianday(c.signup_at)) / 30 AS INTEGER) AS months_since_signup,
    COUNT(DISTINCT c.user_id) AS active_users
  FROM cohort c
  JOIN sessions s ON s.user_id = c.user_id
  GROUP BY 1, 2
)
SELECT cells.cohort_month, cells.months_since_signup, z.cohort_users, cells.active_users,
  ROUND(100.0 * cells.active_users / z.cohort_users, 1) AS active_pct
FROM cells JOIN cohort_size z ON z.cohort_month = cells.cohort_month
WHERE cells.months_since_signup BETWEEN 1 AND 6
  AND date(cells.cohort_month || '-01', '+' || cells.months_since_signup || ' months') <= '2025-06-30'
ORDER BY cells.cohort_month, cells.months_since_signup;
