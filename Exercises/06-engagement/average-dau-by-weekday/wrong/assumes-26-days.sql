-- mistake: divides every weekday's total by 26, but one weekday occurs only 25 times in the half year
WITH daily AS (
  SELECT date(started_at) AS day, COUNT(DISTINCT user_id) AS dau FROM sessions
  WHERE user_id IS NOT NULL AND started_at >= '2025-01-01' AND started_at < '2025-07-01'
  GROUP BY date(started_at)
)
SELECT (CAST(strftime('%w', day) AS INTEGER) + 6) % 7 + 1 AS day_no,
       CASE strftime('%w', day) WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' WHEN '4' THEN 'Thursday'
         WHEN '5' THEN 'Friday' WHEN '6' THEN 'Saturday' ELSE 'Sunday' END AS day,
       26 AS days, ROUND(SUM(dau) / 26.0, 1) AS avg_dau
FROM daily
GROUP BY day_no
ORDER BY day_no;
