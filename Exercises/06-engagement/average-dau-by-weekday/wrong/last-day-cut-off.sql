-- mistake: started_at <= '2025-06-30' drops 30 June, a Monday
-- trap: date-window
WITH daily AS (
  SELECT date(started_at) AS day, COUNT(DISTINCT user_id) AS dau FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-01-01' AND started_at <= '2025-06-30'
  GROUP BY date(started_at)
)
SELECT (CAST(strftime('%w', day) AS INTEGER) + 6) % 7 + 1 AS day_no,
       CASE strftime('%w', day) WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' WHEN '4' THEN 'Thursday'
         WHEN '5' THEN 'Friday' WHEN '6' THEN 'Saturday' ELSE 'Sunday' END AS day,
       COUNT(*) AS days, ROUND(AVG(dau), 1) AS avg_dau
FROM daily
GROUP BY day_no
ORDER BY day_no;
