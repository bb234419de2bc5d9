-- mistake: divides each step by the previous step's sessions instead of by all the channel's sessions
WITH session_steps AS (
  SELECT s.session_id, s.channel, MAX(e.event_type = 'product_view') AS viewed, MAX(e.event_type = 'add_to_cart') AS carted,
         MAX(e.event_type = 'purchase') AS purchased
  FROM sessions AS s JOIN events AS e ON e.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
  GROUP BY s.session_id, s.channel
)
SELECT channel, COUNT(*) AS sessions,
       ROUND(100.0 * SUM(viewed) / COUNT(*), 1) AS viewed_pct,
       ROUND(100.0 * SUM(carted) / SUM(viewed), 1) AS carted_pct,
       ROUND(100.0 * SUM(purchased) / SUM(carted), 2) AS purchased_pct
FROM session_steps
GROUP BY channel
ORDER BY purchased_pct DESC, channel;
