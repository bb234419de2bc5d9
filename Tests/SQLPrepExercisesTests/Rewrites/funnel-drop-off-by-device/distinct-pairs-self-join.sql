-- rewrite: distinct (session, step) pairs first, then each step joined to the step before it
WITH pairs AS (
  SELECT DISTINCT e.session_id, s.device,
    CASE e.event_type WHEN 'page_view' THEN 1 WHEN 'product_view' THEN 2 WHEN 'add_to_cart' THEN 3
                      WHEN 'begin_checkout' THEN 4 WHEN 'purchase' THEN 5 END AS step_no,
    e.event_type AS step
  FROM events e JOIN sessions s USING (session_id)
  WHERE s.started_at BETWEEN '2025-01-01 00:00:00' AND '2025-06-30 23:59:59'
),
counts AS (SELECT device, step_no, step, COUNT(*) AS sessions FROM pairs GROUP BY device, step_no, step)
SELECT cur.device, cur.step_no, cur.step, cur.sessions,
  ROUND(100.0 - 100.0 * cur.sessions / prev.sessions, 1) AS drop_off_pct
FROM counts cur
JOIN counts prev ON prev.device = cur.device AND prev.step_no = cur.step_no - 1
ORDER BY cur.device, cur.step_no;
