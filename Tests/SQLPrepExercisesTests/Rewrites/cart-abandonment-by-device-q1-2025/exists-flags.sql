-- rewrite: EXISTS flags per session instead of an aggregate over events; unrounded
WITH flags AS (
  SELECT s.device,
         EXISTS (SELECT 1 FROM events AS e WHERE e.session_id = s.session_id AND e.event_type = 'add_to_cart') AS c,
         EXISTS (SELECT 1 FROM events AS e WHERE e.session_id = s.session_id AND e.event_type = 'purchase') AS p
  FROM sessions AS s
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-04-01'
)
SELECT device, SUM(c), SUM(c * (1 - p)), SUM(c * (1 - p)) * 100.0 / SUM(c) AS pct
FROM flags
GROUP BY device
ORDER BY pct DESC, device;
