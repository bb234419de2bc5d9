-- mistake: COUNT(*) counts events, so sessions with a duplicated event are counted twice
-- trap: duplicate-events
WITH step_sessions AS (
  SELECT s.device,
         CASE e.event_type WHEN 'page_view' THEN 1 WHEN 'product_view' THEN 2
           WHEN 'add_to_cart' THEN 3 WHEN 'begin_checkout' THEN 4 WHEN 'purchase' THEN 5 END AS step_no,
         e.event_type AS step,
         COUNT(*) AS sessions
  FROM events AS e
  JOIN sessions AS s ON s.session_id = e.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
  GROUP BY s.device, e.event_type
),
with_previous AS (
  SELECT device, step_no, step, sessions,
         LAG(sessions) OVER (PARTITION BY device ORDER BY step_no) AS previous_sessions
  FROM step_sessions
)
SELECT device, step_no, step, sessions,
       ROUND(100.0 * (previous_sessions - sessions) / previous_sessions, 1) AS drop_off_pct
FROM with_previous
WHERE step_no >= 2
ORDER BY device, step_no;
