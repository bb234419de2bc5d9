-- rewrite: a recursive list of offsets 1..6 and an EXISTS per user and offset
WITH RECURSIVE offsets(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM offsets WHERE n < 6),
cohort AS (
  SELECT user_id, strftime('%Y-%m', signup_at) AS cohort_month
  FROM users WHERE signup_at >= '2024-12-01' AND signup_at < '2025-06-01'
),
grid AS (
  SELECT c.cohort_month, o.n,
    EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = c.user_id
            AND strftime('%Y-%m', s.started_at) = strftime('%Y-%m', c.cohort_month || '-01', '+' || o.n || ' months')) AS active
  FROM cohort c CROSS JOIN offsets o
)
SELECT cohort_month, n AS months_since_signup, COUNT(*) AS cohort_users, SUM(active) AS active_users,
  ROUND(100.0 * SUM(active) / COUNT(*), 1) AS active_pct
FROM grid
GROUP BY cohort_month, n
HAVING SUM(active) > 0
ORDER BY cohort_month, n;
