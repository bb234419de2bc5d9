-- rewrite: funnel steps from a VALUES table, LEFT JOIN to events, June sessions filtered with IN; share via CAST AS REAL
WITH steps(step_no, step) AS (
  VALUES (1, 'page_view'), (2, 'product_view'), (3, 'add_to_cart'),
         (4, 'begin_checkout'), (5, 'purchase')
),
june AS (
  SELECT session_id FROM sessions
  WHERE started_at >= '2025-06-01' AND started_at < '2025-07-01'
)
SELECT
  st.step_no,
  st.step,
  COUNT(DISTINCT e.session_id) AS reached,
  ROUND(CAST(COUNT(DISTINCT e.session_id) AS REAL) / (SELECT COUNT(*) FROM june) * 100, 1) AS pct
FROM steps AS st
LEFT JOIN events AS e
  ON e.event_type = st.step
 AND e.session_id IN (SELECT session_id FROM june)
GROUP BY st.step_no, st.step
ORDER BY st.step_no;
