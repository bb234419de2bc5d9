-- mistake: BETWEEN with bare dates on a timestamp stops at midnight, so the last day shows 0
-- trap: date-window
WITH RECURSIVE days(day) AS (
  SELECT '2025-03-06' UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < '2025-03-12'
),
mobile_users AS (
  SELECT date(started_at) AS day, COUNT(DISTINCT user_id) AS dau
  FROM sessions
  WHERE device = 'mobile' AND started_at BETWEEN '2025-03-06' AND '2025-03-12'
  GROUP BY date(started_at)
)
SELECT d.day, COALESCE(m.dau, 0) AS mobile_dau
FROM days d LEFT JOIN mobile_users m ON m.day = d.day
ORDER BY d.day;
