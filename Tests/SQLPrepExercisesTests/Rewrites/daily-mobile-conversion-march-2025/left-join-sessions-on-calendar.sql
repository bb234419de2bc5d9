-- rewrite: sessions LEFT JOINed straight onto the calendar with the device filter in ON, CASE for the zero-session day
WITH RECURSIVE cal(day) AS (
  VALUES ('2025-03-01')
  UNION ALL
  SELECT date(day, '+1 day') FROM cal WHERE day < '2025-03-31'
),
converted AS (
  SELECT DISTINCT session_id FROM orders
)
SELECT
  cal.day,
  COUNT(s.session_id) AS mobile_sessions,
  COUNT(c.session_id) AS mobile_converted,
  CASE WHEN COUNT(s.session_id) = 0 THEN 0.0
       ELSE ROUND(100.0 * COUNT(c.session_id) / COUNT(s.session_id), 2) END AS pct
FROM cal
LEFT JOIN sessions AS s
  ON date(s.started_at) = cal.day AND s.device = 'mobile'
LEFT JOIN converted AS c
  ON c.session_id = s.session_id
GROUP BY cal.day
ORDER BY cal.day;
