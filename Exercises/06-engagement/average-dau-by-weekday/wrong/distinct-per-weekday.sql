-- mistake: counts distinct users per weekday over the whole half year and divides by the days, which undercounts people who come back every week
SELECT (CAST(strftime('%w', started_at) AS INTEGER) + 6) % 7 + 1 AS day_no,
       CASE strftime('%w', started_at) WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' WHEN '4' THEN 'Thursday'
         WHEN '5' THEN 'Friday' WHEN '6' THEN 'Saturday' ELSE 'Sunday' END AS day,
       COUNT(DISTINCT date(started_at)) AS days,
       ROUND(1.0 * COUNT(DISTINCT user_id) / COUNT(DISTINCT date(started_at)), 1) AS avg_dau
FROM sessions
WHERE user_id IS NOT NULL AND started_at >= '2025-01-01' AND started_at < '2025-07-01'
GROUP BY day_no
ORDER BY day_no;
