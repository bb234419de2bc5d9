-- mistake: keeps the outage day but shows NULL instead of 0
-- trap: nulls
WITH RECURSIVE days(day) AS (
  SELECT '2025-03-06' UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < '2025-03-12'
),
mobile_users AS (
  SELECT date(started_at) AS day, COUNT(DISTINCT user_id) AS dau
  FROM sessions
  WHERE device = 'mobile' AND started_at >= '2025-03-06' AND started_at < '2025-03-13'
  GROUP BY date(started_at)
)
SELECT d.day, m.dau AS mobile_dau
FROM days d LEFT JOIN mobile_users m ON m.day = d.day
ORDER BY d.day;
