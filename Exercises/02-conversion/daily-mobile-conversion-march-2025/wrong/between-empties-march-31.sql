-- mistake: BETWEEN with a bare end date drops the sessions of 31 March, which then shows zeros
-- trap: date-window
WITH RECURSIVE calendar(day) AS (
  SELECT '2025-03-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2025-03-31'
),
mobile_days AS (
  SELECT date(s.started_at) AS day, COUNT(*) AS sessions, COUNT(o.order_id) AS converted_sessions
  FROM sessions AS s
  LEFT JOIN orders AS o ON o.session_id = s.session_id
  WHERE s.device = 'mobile' AND s.started_at BETWEEN '2025-03-01' AND '2025-03-31'
  GROUP BY date(s.started_at)
)
SELECT c.day, COALESCE(m.sessions, 0) AS sessions, COALESCE(m.converted_sessions, 0) AS converted_sessions,
       COALESCE(ROUND(100.0 * m.converted_sessions / m.sessions, 2), 0.0) AS conversion_pct
FROM calendar AS c
LEFT JOIN mobile_days AS m ON m.day = c.day
ORDER BY c.day;
