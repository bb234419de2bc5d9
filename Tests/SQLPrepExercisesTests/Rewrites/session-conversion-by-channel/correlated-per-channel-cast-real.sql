-- rewrite: converted sessions per channel from a correlated subquery starting at orders (instead of LEFT JOIN + COUNT(DISTINCT)); CAST AS REAL division
WITH per_channel AS (
  SELECT
    s.channel AS traffic_channel,
    COUNT(*) AS visits,
    (SELECT COUNT(DISTINCT o.session_id)
       FROM orders AS o
       JOIN sessions AS s2 ON s2.session_id = o.session_id
      WHERE s2.channel = s.channel) AS converted
  FROM sessions AS s
  GROUP BY s.channel
)
SELECT
  traffic_channel,
  visits,
  converted,
  ROUND(CAST(converted AS REAL) / visits * 100, 2) AS rate_pct
FROM per_channel
ORDER BY rate_pct DESC, traffic_channel;
