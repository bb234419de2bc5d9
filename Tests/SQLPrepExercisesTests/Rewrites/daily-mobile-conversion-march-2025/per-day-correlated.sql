-- rewrite: calendar from an integer counter, per-day correlated subqueries with date(started_at) = day and EXISTS on orders
WITH RECURSIVE n(i) AS (
  SELECT 0
  UNION ALL
  SELECT i + 1 FROM n WHERE i < 30
),
days AS (
  SELECT date('2025-03-01', '+' || i || ' days') AS d FROM n
),
counts AS (
  SELECT
    d,
    (SELECT COUNT(*) FROM sessions AS s
      WHERE s.device = 'mobile' AND date(s.started_at) = d) AS sess,
    (SELECT COUNT(*) FROM sessions AS s
      WHERE s.device = 'mobile' AND date(s.started_at) = d
        AND EXISTS (SELECT 1 FROM orders AS o WHERE o.session_id = s.session_id)) AS conv
  FROM days
)
SELECT d, sess, conv, IIF(sess = 0, 0, ROUND(conv * 100.0 / sess, 2)) AS pct
FROM counts
ORDER BY d;
