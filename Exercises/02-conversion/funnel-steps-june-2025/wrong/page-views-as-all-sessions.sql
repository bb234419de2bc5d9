-- mistake: takes the sessions with a page_view as all sessions, but a visit that lands on a product page can have no tracked page_view
WITH steps AS (
  SELECT
    CASE e.event_type
      WHEN 'page_view' THEN 1
      WHEN 'product_view' THEN 2
      WHEN 'add_to_cart' THEN 3
      WHEN 'begin_checkout' THEN 4
      WHEN 'purchase' THEN 5
    END AS step_no,
    e.event_type AS step,
    COUNT(DISTINCT e.session_id) AS sessions
  FROM events AS e
  JOIN sessions AS s ON s.session_id = e.session_id
  WHERE s.started_at >= '2025-06-01' AND s.started_at < '2025-07-01'
  GROUP BY e.event_type
)
SELECT
  step_no,
  step,
  sessions,
  ROUND(100.0 * sessions / (SELECT sessions FROM steps WHERE step_no = 1), 1) AS pct_of_sessions
FROM steps
ORDER BY step_no;
