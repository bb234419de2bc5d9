-- rewrite: all sessions and registered sessions aggregated separately, then joined by channel
WITH h1 AS (
  SELECT s.*, (SELECT COUNT(*) FROM orders o WHERE o.session_id = s.session_id) > 0 AS converted
  FROM sessions s
  WHERE date(s.started_at) BETWEEN '2025-01-01' AND '2025-06-30'
),
everyone AS (
  SELECT channel, COUNT(*) AS n, SUM(user_id IS NULL) AS anon, SUM(converted) AS conv FROM h1 GROUP BY channel
),
registered AS (
  SELECT channel, COUNT(*) AS n, SUM(converted) AS conv FROM h1 WHERE user_id IS NOT NULL GROUP BY channel
)
SELECT e.channel, e.n AS sessions,
  ROUND(e.anon * 100.0 / e.n, 1) AS anonymous_pct,
  ROUND(e.conv * 100.0 / e.n, 2) AS conversion_pct,
  ROUND(r.conv * 100.0 / r.n, 2) AS registered_conversion_pct
FROM everyone e LEFT JOIN registered r USING (channel)
ORDER BY e.channel;
