WITH RECURSIVE days(day) AS (
  SELECT '2025-03-06'
  UNION ALL
  SELECT date(day, '+1 day') FROM days WHERE day < '2025-03-12'
),
mobile_users AS (
  SELECT date(started_at) AS day, COUNT(DISTINCT user_id) AS dau
  FROM sessions
  WHERE device = 'mobile'
    AND user_id IS NOT NULL
    AND started_at >= '2025-03-06' AND started_at < '2025-03-13'
  GROUP BY date(started_at)
)
SELECT d.day, COALESCE(m.dau, 0) AS mobile_dau
FROM days AS d
LEFT JOIN mobile_users AS m ON m.day = d.day
ORDER BY d.day;
