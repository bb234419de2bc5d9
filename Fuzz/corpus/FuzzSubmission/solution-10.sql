SELECT
  s.channel,
  COUNT(*) AS sessions,
  COUNT(DISTINCT o.session_id) AS converted_sessions,
  ROUND(100.0 * COUNT(DISTINCT o.session_id) / COUNT(*), 2) AS conversion_pct
FROM sessions AS s
LEFT JOIN orders AS o ON o.session_id = s.session_id
GROUP BY s.channel
ORDER BY conversion_pct DESC, s.channel;
