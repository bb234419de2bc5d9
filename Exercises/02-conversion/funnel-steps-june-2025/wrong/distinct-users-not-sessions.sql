-- mistake: counts distinct users instead of sessions (and anonymous sessions, with a NULL user, vanish)
-- trap: nulls
WITH june_sessions AS (
  SELECT session_id FROM sessions
  WHERE started_at >= '2025-06-01' AND started_at < '2025-07-01'
)
SELECT CASE e.event_type WHEN 'page_view' THEN 1 WHEN 'product_view' THEN 2
         WHEN 'add_to_cart' THEN 3 WHEN 'begin_checkout' THEN 4 WHEN 'purchase' THEN 5 END AS step_no,
       e.event_type AS step,
       COUNT(DISTINCT e.user_id) AS sessions,
       ROUND(100.0 * COUNT(DISTINCT e.user_id) / (SELECT COUNT(*) FROM june_sessions), 1) AS pct_of_sessions
FROM events AS e
JOIN june_sessions AS j ON j.session_id = e.session_id
GROUP BY e.event_type
ORDER BY step_no;
