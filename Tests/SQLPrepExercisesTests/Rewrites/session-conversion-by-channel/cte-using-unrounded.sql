-- rewrite: CTE of distinct converted session ids, LEFT JOIN ... USING, percent as count * 100.0 / total left unrounded
WITH converted AS (
  SELECT DISTINCT session_id FROM orders
)
SELECT
  channel,
  COUNT(*) AS sessions,
  COUNT(converted.session_id) AS converted_sessions,
  COUNT(converted.session_id) * 100.0 / COUNT(*) AS conversion_pct
FROM sessions
LEFT JOIN converted USING (session_id)
GROUP BY channel
ORDER BY conversion_pct DESC, channel;
