-- mistake: started_at <= '2025-03-31' drops the sessions of 31 March
-- trap: date-window
WITH session_flags AS (
  SELECT s.session_id, s.device, MAX(e.event_type = 'add_to_cart') AS carted, MAX(e.event_type = 'purchase') AS purchased
  FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at <= '2025-03-31'
  GROUP BY s.session_id, s.device
)
SELECT device, SUM(carted) AS cart_sessions, SUM(carted AND NOT purchased) AS abandoned_sessions,
       ROUND(100.0 * SUM(carted AND NOT purchased) / SUM(carted), 1) AS abandonment_pct
FROM session_flags
GROUP BY device
ORDER BY abandonment_pct DESC, device;
