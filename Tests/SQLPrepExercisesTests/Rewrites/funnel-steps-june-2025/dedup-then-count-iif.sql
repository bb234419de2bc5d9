-- rewrite: de-duplicate (session, event type) pairs first, then plain COUNT(*); step number with nested IIF; total via CROSS JOIN
WITH pairs AS (
  SELECT DISTINCT e.session_id, e.event_type
  FROM events AS e
  JOIN sessions AS s ON s.session_id = e.session_id
  WHERE s.started_at >= '2025-06-01 00:00:00' AND s.started_at < '2025-07-01 00:00:00'
),
total AS (
  SELECT COUNT(*) AS june_sessions FROM sessions
  WHERE started_at >= '2025-06-01 00:00:00' AND started_at < '2025-07-01 00:00:00'
)
SELECT
  IIF(event_type = 'page_view', 1,
    IIF(event_type = 'product_view', 2,
      IIF(event_type = 'add_to_cart', 3,
        IIF(event_type = 'begin_checkout', 4, 5)))) AS n,
  event_type AS step_name,
  COUNT(*) AS reached,
  ROUND(COUNT(*) * 100.0 / total.june_sessions, 2) AS pct
FROM pairs
CROSS JOIN total
GROUP BY event_type, total.june_sessions
ORDER BY n;
