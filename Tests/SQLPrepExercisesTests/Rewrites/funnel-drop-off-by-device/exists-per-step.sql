-- rewrite: one row per session with a 0/1 flag per step (EXISTS), then the drop-off from the previous step's count
WITH flags AS (
  SELECT s.device,
    EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_type = 'page_view') AS s1,
    EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_type = 'product_view') AS s2,
    EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_type = 'add_to_cart') AS s3,
    EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_type = 'begin_checkout') AS s4,
    EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_type = 'purchase') AS s5
  FROM sessions s
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
),
totals AS (
  SELECT device, SUM(s1) AS c1, SUM(s2) AS c2, SUM(s3) AS c3, SUM(s4) AS c4, SUM(s5) AS c5 FROM flags GROUP BY device
)
SELECT device, 2 AS step_no, 'product_view' AS step, c2 AS sessions, 100.0 * (c1 - c2) / c1 AS drop_off_pct FROM totals
UNION ALL SELECT device, 3, 'add_to_cart', c3, 100.0 * (c2 - c3) / c2 FROM totals
UNION ALL SELECT device, 4, 'begin_checkout', c4, 100.0 * (c3 - c4) / c3 FROM totals
UNION ALL SELECT device, 5, 'purchase', c5, 100.0 * (c4 - c5) / c4 FROM totals
ORDER BY device, step_no;
