-- rewrite: converted = session_id IN (orders' sessions); the ISO day computed from the Julian day number (day 0 was a Monday)
WITH s AS (
  SELECT session_id, CAST(julianday(date(started_at)) + 0.5 AS INTEGER) % 7 + 1 AS d
  FROM sessions
  WHERE started_at BETWEEN '2024-01-01' AND '2024-12-31 23:59:59'
)
SELECT
  d,
  CASE d WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday'
    WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN 'Saturday' WHEN 7 THEN 'Sunday' END,
  COUNT(*),
  SUM(session_id IN (SELECT session_id FROM orders)),
  ROUND(SUM(session_id IN (SELECT session_id FROM orders)) * 100.0 / COUNT(*), 2)
FROM s
GROUP BY d
ORDER BY d;
