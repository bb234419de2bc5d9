-- rewrite: buckets as a VALUES table with lower/upper bounds joined by BETWEEN; session counts from a correlated subquery; CAST AS REAL
WITH buckets(min_sessions, label, max_sessions) AS (
  VALUES (0, '0', 0), (1, '1', 1), (2, '2', 2), (3, '3-4', 4), (5, '5-9', 9), (10, '10+', 1000000000)
),
population AS (
  SELECT
    u.user_id,
    (SELECT COUNT(*) FROM sessions AS s
      WHERE s.user_id = u.user_id
        AND s.started_at >= '2025-04-01' AND s.started_at < '2025-07-01') AS q2
  FROM users AS u
  WHERE u.signup_at >= '2025-01-01' AND u.signup_at < '2025-04-01'
)
SELECT
  b.min_sessions,
  b.label,
  COUNT(p.user_id) AS users,
  ROUND(CAST(COUNT(p.user_id) AS REAL) / (SELECT COUNT(*) FROM population) * 100, 1) AS share_pct
FROM buckets AS b
LEFT JOIN population AS p ON p.q2 BETWEEN b.min_sessions AND b.max_sessions
GROUP BY b.min_sessions, b.label
ORDER BY b.min_sessions;
