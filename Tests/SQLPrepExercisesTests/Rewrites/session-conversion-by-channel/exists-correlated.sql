-- rewrite: converted sessions counted with a correlated EXISTS instead of LEFT JOIN + COUNT(DISTINCT); CAST AS REAL division
SELECT
  s.channel AS traffic_channel,
  COUNT(*) AS visits,
  SUM(EXISTS (SELECT 1 FROM orders AS o WHERE o.session_id = s.session_id)) AS converted,
  ROUND(CAST(SUM(EXISTS (SELECT 1 FROM orders AS o WHERE o.session_id = s.session_id)) AS REAL)
        / COUNT(*) * 100, 2) AS rate_pct
FROM sessions AS s
GROUP BY s.channel
ORDER BY rate_pct DESC, traffic_channel;
