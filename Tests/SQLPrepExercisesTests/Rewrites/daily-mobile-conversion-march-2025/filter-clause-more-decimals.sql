-- rewrite: COUNT(*) FILTER (WHERE EXISTS ...) for converted sessions, substr() for the day, IFNULL, rounded to 4 decimals
WITH RECURSIVE calendar(day) AS (
  SELECT '2025-03-01'
  UNION ALL
  SELECT date(julianday(day) + 1) FROM calendar WHERE day < '2025-03-31'
),
per_day AS (
  SELECT
    substr(started_at, 1, 10) AS day,
    COUNT(*) AS n,
    COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM orders WHERE orders.session_id = sessions.session_id)) AS x
  FROM sessions
  WHERE device = 'mobile'
    AND started_at >= '2025-03-01 00:00:00' AND started_at < '2025-04-01 00:00:00'
  GROUP BY 1
)
SELECT
  calendar.day,
  IFNULL(per_day.n, 0),
  IFNULL(per_day.x, 0),
  IFNULL(ROUND(per_day.x * 100.0 / per_day.n, 4), 0)
FROM calendar
LEFT JOIN per_day USING (day)
ORDER BY calendar.day;
