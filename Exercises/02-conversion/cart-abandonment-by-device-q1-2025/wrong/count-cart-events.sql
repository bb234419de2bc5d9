-- mistake: counts add_to_cart events, so duplicated events count a session twice
-- trap: duplicate-events
WITH flags AS (
  SELECT s.session_id, s.device, SUM(e.event_type = 'add_to_cart') AS carts, MAX(e.event_type = 'purchase') AS purchased
  FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-04-01'
  GROUP BY s.session_id, s.device
)
SELECT device, SUM(carts) AS cart_sessions, SUM(CASE WHEN purchased = 0 THEN carts ELSE 0 END) AS abandoned_sessions,
       ROUND(100.0 * SUM(CASE WHEN purchased = 0 THEN carts ELSE 0 END) / SUM(carts), 1) AS abandonment_pct
FROM flags
GROUP BY device
ORDER BY abandonment_pct DESC, device;
