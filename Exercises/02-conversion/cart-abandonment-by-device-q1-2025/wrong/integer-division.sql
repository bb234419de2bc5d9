-- mistake: integer division truncates the rate to a whole percent
-- trap: integer-division
WITH session_flags AS (
  SELECT s.session_id, s.device, MAX(e.event_type = 'add_to_cart') AS carted, MAX(e.event_type = 'purchase') AS purchased
  FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-04-01'
  GROUP BY s.session_id, s.device
)
SELECT device, SUM(carted) AS cart_sessions, SUM(carted AND NOT purchased) AS abandoned_sessions,
       100 * SUM(carted AND NOT purchased) / SUM(carted) AS abandonment_pct
FROM session_flags
GROUP BY device
ORDER BY abandonment_pct DESC, device;
