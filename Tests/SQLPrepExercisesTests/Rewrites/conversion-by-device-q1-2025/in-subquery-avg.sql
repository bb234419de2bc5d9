-- rewrite: converted flag from session_id IN (SELECT session_id FROM orders), rate as AVG(flag), date(started_at) BETWEEN
SELECT
  device,
  COUNT(*) AS q1_sessions,
  SUM(converted) AS q1_converted,
  ROUND(AVG(converted), 4) AS rate
FROM (
  SELECT device,
         CASE WHEN session_id IN (SELECT session_id FROM orders) THEN 1 ELSE 0 END AS converted
  FROM sessions
  WHERE date(started_at) BETWEEN '2025-01-01' AND '2025-03-31'
)
GROUP BY device
ORDER BY device;
