-- rewrite: calendar from an integer counter, day taken with substr(started_at, 1, 10), distinct user-days first, IFNULL, GROUP BY ordinal
WITH RECURSIVE k(i) AS (
  SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 6
),
user_days AS (
  SELECT DISTINCT substr(started_at, 1, 10) AS day, user_id
  FROM sessions
  WHERE device = 'mobile' AND user_id IS NOT NULL
    AND substr(started_at, 1, 10) BETWEEN '2025-03-06' AND '2025-03-12'
),
dau AS (
  SELECT day, COUNT(*) AS n FROM user_days GROUP BY 1
)
SELECT date('2025-03-06', '+' || i || ' days') AS day, IFNULL(dau.n, 0)
FROM k
LEFT JOIN dau ON dau.day = date('2025-03-06', '+' || k.i || ' days')
ORDER BY 1;
