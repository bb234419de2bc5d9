-- rewrite: sessions LEFT JOINed onto the calendar with every filter in ON; COUNT(DISTINCT) ignores the NULL user of empty days
WITH RECURSIVE days(day) AS (
  SELECT '2025-03-06'
  UNION ALL
  SELECT date(day, '+1 day') FROM days WHERE day < '2025-03-12'
)
SELECT days.day, COUNT(DISTINCT s.user_id) AS mobile_dau
FROM days
LEFT JOIN sessions AS s
  ON date(s.started_at) = days.day
 AND s.device = 'mobile'
 AND s.user_id IS NOT NULL
GROUP BY days.day
ORDER BY days.day;
