-- mistake: 100 * converted_sessions / sessions divides two integers, so every day's rate is truncated to a whole percent
-- trap: integer-division
WITH RECURSIVE calendar(day) AS (
  SELECT '2025-03-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2025-03-31'
),
mobile_days AS (
  SELECT date(s.started_at) AS day, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions
  FROM sessions AS s LEFT JOIN orders AS o ON o.session_id = s.session_id
  WHERE s.device = 'mobile' AND s.started_at >= '2025-03-01' AND s.started_at < '2025-04-01'
  GROUP BY date(s.started_at)
)
SELECT c.day, COALESCE(m.sessions, 0) AS sessions, COALESCE(m.converted_sessions, 0) AS converted_sessions,
       COALESCE(100 * m.converted_sessions / m.sessions, 0) AS conversion_pct
FROM calendar AS c LEFT JOIN mobile_days AS m ON m.day = c.day
ORDER BY c.day;
