-- rewrite: the day offset of every visit with julianday, then counts of users with offset 1, 7 or 30
WITH offsets AS (
  SELECT DISTINCT u.user_id, strftime('%Y-%m', u.signup_at) AS cohort_month,
    CAST(julianday(date(s.started_at)) - julianday(date(u.signup_at)) AS INTEGER) AS day_n
  FROM users u JOIN sessions s ON s.user_id = u.user_id
),
sizes AS (SELECT strftime('%Y-%m', signup_at) AS cohort_month, COUNT(*) AS n FROM users GROUP BY 1),
hits AS (
  SELECT cohort_month,
    COUNT(DISTINCT CASE WHEN day_n = 1 THEN user_id END) AS h1,
    COUNT(DISTINCT CASE WHEN day_n = 7 THEN user_id END) AS h7,
    COUNT(DISTINCT CASE WHEN day_n = 30 THEN user_id END) AS h30
  FROM offsets GROUP BY cohort_month
),
last_day AS (SELECT cohort_month, n, date(cohort_month || '-01', '+1 month', '-1 day') AS d FROM sizes)
SELECT l.cohort_month, l.n AS cohort_users,
  CASE WHEN julianday('2025-06-30') - julianday(l.d) >= 1 THEN ROUND(100.0 * COALESCE(h.h1, 0) / l.n, 1) END AS d1_pct,
  CASE WHEN julianday('2025-06-30') - julianday(l.d) >= 7 THEN ROUND(100.0 * COALESCE(h.h7, 0) / l.n, 1) END AS d7_pct,
  CASE WHEN julianday('2025-06-30') - julianday(l.d) >= 30 THEN ROUND(100.0 * COALESCE(h.h30, 0) / l.n, 1) END AS d30_pct
FROM last_day l LEFT JOIN hits h USING (cohort_month)
ORDER BY l.cohort_month;
