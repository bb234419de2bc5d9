-- rewrite: EXISTS per step from sessions, AVG of the 0/1 flags times 100; unrounded
WITH flags AS (
  SELECT s.channel,
         EXISTS (SELECT 1 FROM events AS e WHERE e.session_id = s.session_id AND e.event_type = 'product_view') AS v,
         EXISTS (SELECT 1 FROM events AS e WHERE e.session_id = s.session_id AND e.event_type = 'add_to_cart') AS c,
         EXISTS (SELECT 1 FROM events AS e WHERE e.session_id = s.session_id AND e.event_type = 'purchase') AS p
  FROM sessions AS s
  WHERE date(s.started_at) BETWEEN '2025-01-01' AND '2025-06-30'
)
SELECT channel, COUNT(*), AVG(v) * 100, AVG(c) * 100, AVG(p) * 100 AS pp
FROM flags
GROUP BY channel
ORDER BY pp DESC, channel;
