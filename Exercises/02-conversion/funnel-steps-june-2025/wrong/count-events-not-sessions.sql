-- mistake: COUNT(*) counts events, so sessions with a duplicated event are counted twice
-- trap: duplicate-events
WITH june_sessions AS (
  SELECT session_id FROM sessions
  WHERE started_at >= '2025-06-01' AND started_at < '2025-07-01'
)
SELECT CASE e.event_type WHEN 'page_view' THEN 1 WHEN 'product_view' THEN 2
         WHEN 'add_to_cart' THEN 3 WHEN 'begin_checkout' THEN 4 WHEN 'purchase' THEN 5 END AS step_no,
       e.event_type AS step,
       COUNT(*) AS sessions,
       ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM june_sessions), 1) AS pct_of_sessions
FROM events AS e
JOIN june_sessions AS j ON j.session_id = e.session_id
GROUP BY e.event_type
ORDER BY step_no;
