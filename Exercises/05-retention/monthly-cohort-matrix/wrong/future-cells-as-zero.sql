-- mistake: builds the full 6 x 6 grid and reports months after the data ends as 0% retention
WITH RECURSIVE k(n) AS (
  SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 6
),
cohort AS (
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
grid AS (
  SELECT z.cohort_month, k.n AS months_since_signup, z.cohort_users,
    strftime('%Y-%m', z.cohort_month || '-01', '+' || k.n || ' months') AS cell_month
  FROM cohort_size z CROSS JOIN k
)
SELECT g.cohort_month, g.months_since_signup, g.cohort_users,
  COUNT(a.user_id) AS active_users,
  ROUND(100.0 * COUNT(a.user_id) / g.cohort_users, 1) AS active_pct
FROM grid g
LEFT JOIN cohort c ON c.cohort_month = g.cohort_month
LEFT JOIN active_months a ON a.user_id = c.user_id AND a.active_month = g.cell_month
GROUP BY g.cohort_month, g.months_since_signup, g.cohort_users
ORDER BY g.cohort_month, g.months_since_signup;
