-- mistake: no COALESCE, so the day without sessions shows NULL instead of 0
-- trap: nulls
WITH RECURSIVE calendar(day) AS (
  SELECT '2025-03-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2025-03-31'
),
mobile_days AS (
  SELECT date(s.started_at) AS day, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions
  FROM sessions AS s
  LEFT JOIN orders AS o ON o.session_id = s.session_id
  WHERE s.device = 'mobile' AND s.started_at >= '2025-03-01' AND s.started_at < '2025-04-01'
  GROUP BY date(s.started_at)
)
SELECT c.day, m.sessions, m.converted_sessions,
       ROUND(100.0 * m.converted_sessions / m.sessions, 2) AS conversion_pct
FROM calendar AS c
LEFT JOIN mobile_days AS m ON m.day = c.day
ORDER BY c.day;
