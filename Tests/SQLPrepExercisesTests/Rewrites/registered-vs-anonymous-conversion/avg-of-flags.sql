-- rewrite: a 0/1 converted flag per session (EXISTS) and AVG over all and over registered sessions
WITH flagged AS (
  SELECT s.channel, s.user_id IS NULL AS anonymous,
    EXISTS (SELECT 1 FROM orders o WHERE o.session_id = s.session_id) AS converted
  FROM sessions s
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
)
SELECT channel,
  COUNT(*) AS sessions,
  ROUND(100 * AVG(anonymous), 1) AS anonymous_pct,
  ROUND(100 * AVG(converted), 2) AS conversion_pct,
  ROUND(100 * AVG(CASE WHEN NOT anonymous THEN converted END), 2) AS registered_conversion_pct
FROM flagged
GROUP BY channel
ORDER BY channel;
