-- mistake: integer division truncates every rate to a whole percent
-- trap: integer-division
WITH session_steps AS (
  SELECT s.session_id, s.channel, MAX(e.event_type = 'product_view') AS viewed, MAX(e.event_type = 'add_to_cart') AS carted,
         MAX(e.event_type = 'purchase') AS purchased
  FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
  GROUP BY s.session_id, s.channel
)
SELECT channel, COUNT(*) AS sessions,
       100 * SUM(viewed) / COUNT(*) AS viewed_pct,
       100 * SUM(carted) / COUNT(*) AS carted_pct,
       100 * SUM(purchased) / COUNT(*) AS purchased_pct
FROM session_steps
GROUP BY channel
ORDER BY purchased_pct DESC, channel;
