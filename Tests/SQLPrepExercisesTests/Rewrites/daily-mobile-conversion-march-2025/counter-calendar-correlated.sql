-- rewrite: calendar from an integer counter (date('2025-03-01', '+n days')), per-day correlated subqueries, IIF for the empty day
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
      WHERE s.device = 'mobile'
        AND s.started_at >= d AND s.started_at < date(d, '+1 day')) AS sess,
    (SELECT COUNT(*) FROM sessions AS s
      WHERE s.device = 'mobile'
        AND s.started_at >= d AND s.started_at < date(d, '+1 day')
        AND s.session_id IN (SELECT session_id FROM orders)) AS conv
  FROM days
)
SELECT d, sess, conv, IIF(sess = 0, 0, ROUND(conv * 100.0 / sess, 2)) AS pct
FROM counts
ORDER BY d;
