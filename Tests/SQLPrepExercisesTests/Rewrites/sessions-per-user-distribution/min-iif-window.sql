-- rewrite: bucket floor with MIN()/IIF chains, users from a sessions aggregate LEFT JOINed USING (user_id), total via window SUM
WITH q1_users AS (
  SELECT user_id FROM users
  WHERE signup_at BETWEEN '2025-01-01 00:00:00' AND '2025-03-31 23:59:59'
),
q2_counts AS (
  SELECT user_id, COUNT(*) AS n
  FROM sessions
  WHERE started_at >= '2025-04-01 00:00:00' AND started_at < '2025-07-01 00:00:00'
    AND user_id IS NOT NULL
  GROUP BY user_id
),
floors AS (
  SELECT IIF(IFNULL(n, 0) >= 10, 10, IIF(IFNULL(n, 0) >= 5, 5, IIF(IFNULL(n, 0) >= 3, 3, IFNULL(n, 0)))) AS f
  FROM q1_users
  LEFT JOIN q2_counts USING (user_id)
)
SELECT
  f,
  IIF(f = 3, '3-4', IIF(f = 5, '5-9', IIF(f = 10, '10+', CAST(f AS TEXT)))),
  COUNT(*),
  ROUND(COUNT(*) * 100.0 / SUM(COUNT(*)) OVER (), 1)
FROM floors
GROUP BY f
ORDER BY f;
