-- rewrite: month numbers as year*12+month, the cohort size from a correlated count
WITH cohort AS (
  SELECT user_id, strftime('%Y-%m', signup_at) AS cohort_month,
    CAST(strftime('%Y', signup_at) AS INTEGER) * 12 + CAST(strftime('%m', signup_at) AS INTEGER) AS k
  FROM users
  WHERE signup_at BETWEEN '2024-12-01 00:00:00' AND '2025-05-31 23:59:59'
),
visits AS (
  SELECT DISTINCT user_id, CAST(strftime('%Y', started_at) AS INTEGER) * 12 + CAST(strftime('%m', started_at) AS INTEGER) AS k
  FROM sessions WHERE user_id IS NOT NULL
)
SELECT c.cohort_month, v.k - c.k AS months_since_signup,
  (SELECT COUNT(*) FROM cohort c2 WHERE c2.cohort_month = c.cohort_month) AS cohort_users,
  COUNT(DISTINCT c.user_id) AS active_users,
  ROUND(100.0 * COUNT(DISTINCT c.user_id) / (SELECT COUNT(*) FROM cohort c2 WHERE c2.cohort_month = c.cohort_month), 1) AS active_pct
FROM cohort c JOIN visits v ON v.user_id = c.user_id
WHERE v.k - c.k BETWEEN 1 AND 6
GROUP BY c.cohort_month, v.k - c.k
ORDER BY 1, 2;
