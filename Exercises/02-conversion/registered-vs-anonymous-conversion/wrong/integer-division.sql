-- mistake: 100 * count / count divides two integers, so every percentage is truncated to a whole number
-- trap: integer-division
WITH per_channel AS (
  SELECT s.channel, COUNT(*) AS sessions,
         SUM(CASE WHEN s.user_id IS NULL THEN 1 ELSE 0 END) AS anonymous_sessions,
         SUM(CASE WHEN s.user_id IS NOT NULL THEN 1 ELSE 0 END) AS registered_sessions,
         COUNT(o.order_id) AS converted_sessions,
         COUNT(CASE WHEN s.user_id IS NOT NULL THEN o.order_id END) AS converted_registered_sessions
  FROM sessions AS s LEFT JOIN orders AS o ON o.session_id = s.session_id
  WHERE s.started_at >= '2025-01-01' AND s.started_at < '2025-07-01'
  GROUP BY s.channel
)
SELECT channel, sessions,
       100 * anonymous_sessions / sessions AS anonymous_pct,
       100 * converted_sessions / sessions AS conversion_pct,
       100 * converted_registered_sessions / registered_sessions AS registered_conversion_pct
FROM per_channel
ORDER BY channel;
