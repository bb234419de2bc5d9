-- mistake: the device filter in WHERE runs after the LEFT JOIN and throws away the day without mobile sessions
-- trap: zero-groups
WITH RECURSIVE calendar(day) AS (
  SELECT '2025-03-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2025-03-31'
)
SELECT c.day,
       COUNT(s.session_id) AS sessions,
       COUNT(o.order_id) AS converted_sessions,
       COALESCE(ROUND(100.0 * COUNT(o.order_id) / COUNT(s.session_id), 2), 0.0) AS conversion_pct
FROM calendar AS c
LEFT JOIN sessions AS s ON date(s.started_at) = c.day
LEFT JOIN orders AS o ON o.session_id = s.session_id
WHERE s.device = 'mobile'
GROUP BY c.day
ORDER BY c.day;
