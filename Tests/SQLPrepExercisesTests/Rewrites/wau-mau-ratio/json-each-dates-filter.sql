-- rewrite: as-of dates from json_each() instead of VALUES, WAU with COUNT(DISTINCT ...) FILTER, julianday() window arithmetic
WITH as_of_dates AS (
  SELECT value AS as_of
  FROM json_each('["2025-01-31","2025-02-28","2025-03-31","2025-04-30","2025-05-31","2025-06-30"]')
),
user_days AS (
  SELECT DISTINCT user_id, date(started_at) AS day
  FROM sessions
  WHERE user_id IS NOT NULL
)
SELECT
  a.as_of,
  COUNT(DISTINCT u.user_id) FILTER (WHERE julianday(a.as_of) - julianday(u.day) < 7) AS wau,
  COUNT(DISTINCT u.user_id) AS mau,
  ROUND(1.0 * COUNT(DISTINCT u.user_id) FILTER (WHERE julianday(a.as_of) - julianday(u.day) < 7)
        / COUNT(DISTINCT u.user_id), 3) AS ratio
FROM as_of_dates AS a
JOIN user_days AS u
  ON julianday(a.as_of) - julianday(u.day) BETWEEN 0 AND 29
GROUP BY a.as_of
ORDER BY a.as_of;
