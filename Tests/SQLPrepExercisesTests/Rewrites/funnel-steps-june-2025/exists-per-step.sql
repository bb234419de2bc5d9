-- rewrite: for each step, count June sessions with EXISTS an event of that type (no DISTINCT needed); unrounded percent
WITH steps(step_no, step) AS (
  VALUES (1, 'page_view'), (2, 'product_view'), (3, 'add_to_cart'),
         (4, 'begin_checkout'), (5, 'purchase')
),
june AS (
  SELECT session_id FROM sessions
  WHERE date(started_at) BETWEEN '2025-06-01' AND '2025-06-30'
)
SELECT
  step_no,
  step,
  (SELECT COUNT(*) FROM june AS j
    WHERE EXISTS (SELECT 1 FROM events AS e
                  WHERE e.session_id = j.session_id AND e.event_type = steps.step)) AS sessions,
  (SELECT COUNT(*) FROM june AS j
    WHERE EXISTS (SELECT 1 FROM events AS e
                  WHERE e.session_id = j.session_id AND e.event_type = steps.step))
    * 100.0 / (SELECT COUNT(*) FROM june) AS pct_of_sessions
FROM steps
ORDER BY step_no;
