-- mistake: counts sessions instead of distinct users, so frequent visitors are counted many times
-- trap: fan-out
WITH cohort AS (
  SELECT user_id, strftime('%Y-%m', signup_at) AS cohort_month
  FROM users
  WHERE signup_at >= '2024-12-01' AND signup_at < '2025-06-01'
),
cohort_size AS (
  SELECT cohort_month, COUNT(*) AS cohort_users FROM cohort GROUP BY cohort_month
),
cells AS (
  SELECT c.cohort_month,
    (CAST(strftime('%Y', s.started_at) AS INTEGER) * 12 + CAST(strftime('%m', s.started_at) AS INTEGER))
  - (CAST(substr(c.cohort_month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.cohort_month, 6, 2) AS INTEGER))
      AS months_since_signup,
    COUNT(*) AS active_users
  FROM cohort c
  JOIN sessions s ON s.user_id = c.user_id
  GROUP BY 1, 2
)
SELECT cells.cohort_month, cells.months_since_signup, z.cohort_users, cells.active_users,
  ROUND(100.0 * cells.active_users / z.cohort_users, 1) AS active_pct
FROM cells JOIN cohort_size z ON z.cohort_month = cells.cohort_month
WHERE cells.months_since_signup BETWEEN 1 AND 6
ORDER BY cells.cohort_month, cells.months_since_signup;
