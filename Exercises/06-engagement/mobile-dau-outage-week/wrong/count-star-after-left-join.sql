-- mistake: COUNT(*) after the LEFT JOIN counts the empty day as 1, and counts sessions (anonymous ones too) instead of users
-- trap: nulls
WITH RECURSIVE days(day) AS (
  SELECT '2025-03-06' UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < '2025-03-12'
)
SELECT d.day, COUNT(*) AS mobile_dau
FROM days d
LEFT JOIN sessions s
  ON date(s.started_at) = d.day AND s.device = 'mobile'
GROUP BY d.day
ORDER BY d.day;
