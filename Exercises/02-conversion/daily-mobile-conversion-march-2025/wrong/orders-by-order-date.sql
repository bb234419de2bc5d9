-- mistake: orders are counted on the day they were placed, not the day their session started
WITH RECURSIVE calendar(day) AS (
  SELECT '2025-03-01' UNION ALL SELECT date(day, '+1 day') FROM calendar WHERE day < '2025-03-31'
),
mobile_sessions AS (
  SELECT date(started_at) AS day, COUNT(*) AS sessions
  FROM sessions
  WHERE device = 'mobile' AND started_at >= '2025-03-01' AND started_at < '2025-04-01'
  GROUP BY date(started_at)
),
mobile_orders AS (
  SELECT date(o.ordered_at) AS day, COUNT(*) AS orders
  FROM orders AS o
  JOIN sessions AS s ON s.session_id = o.session_id
  WHERE s.device = 'mobile' AND o.ordered_at >= '2025-03-01' AND o.ordered_at < '2025-04-01'
  GROUP BY date(o.ordered_at)
)
SELECT c.day, COALESCE(ms.sessions, 0) AS sessions, COALESCE(mo.orders, 0) AS converted_sessions,
       COALESCE(ROUND(100.0 * mo.orders / ms.sessions, 2), 0.0) AS conversion_pct
FROM calendar AS c
LEFT JOIN mobile_sessions AS ms ON ms.day = c.day
LEFT JOIN mobile_orders AS mo ON mo.day = c.day
ORDER BY c.day;
