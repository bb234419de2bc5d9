-- mistake: started_at <= '2025-06-30' drops the sessions of 30 June
-- trap: date-window
WITH session_steps AS (
  SELECT s.session_id, s.channel, MAX(e.event_type = 'product_view') AS viewed, MAX(e.event_type = 'add_to_cart') AS carted,
         MAX(e.event_type = 'purchase') AS purchased
  FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at <= '2025-06-30'
  GROUP BY s.session_id, s.channel
)
SELECT channel, COUNT(*) AS sessions,
       ROUND(100.0 * SUM(viewed) / COUNT(*), 1) AS viewed_pct,
       ROUND(100.0 * SUM(carted) / COUNT(*), 1) AS carted_pct,
       ROUND(100.0 * SUM(purchased) / COUNT(*), 2) AS purchased_pct
FROM session_steps
GROUP BY channel
ORDER BY purchased_pct DESC, channel;
