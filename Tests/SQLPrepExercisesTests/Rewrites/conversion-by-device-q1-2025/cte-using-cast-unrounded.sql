-- rewrite: Q1 sessions and converted sessions in CTEs, LEFT JOIN ... USING, CAST AS REAL, rate left unrounded
WITH q1 AS (
  SELECT session_id, device FROM sessions
  WHERE started_at >= '2025-01-01 00:00:00' AND started_at < '2025-04-01 00:00:00'
),
ordered AS (
  SELECT DISTINCT session_id FROM orders
)
SELECT
  device,
  COUNT(*),
  COUNT(ordered.session_id),
  CAST(COUNT(ordered.session_id) AS REAL) / COUNT(*)
FROM q1
LEFT JOIN ordered USING (session_id)
GROUP BY device
ORDER BY 1;
