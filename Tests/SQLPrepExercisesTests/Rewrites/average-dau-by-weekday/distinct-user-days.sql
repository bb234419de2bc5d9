-- rewrite: distinct (day, user) pairs first; DAU per weekday = pairs ÷ days of that weekday
WITH user_days AS (
  SELECT DISTINCT date(started_at) AS day, user_id
  FROM sessions
  WHERE user_id IS NOT NULL AND started_at BETWEEN '2025-01-01' AND '2025-06-30 23:59:59'
)
SELECT
  CASE strftime('%w', day) WHEN '0' THEN 7 ELSE CAST(strftime('%w', day) AS INTEGER) END AS k,
  CASE strftime('%w', day) WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' WHEN '4' THEN 'Thursday'
    WHEN '5' THEN 'Friday' WHEN '6' THEN 'Saturday' ELSE 'Sunday' END,
  COUNT(DISTINCT day),
  ROUND(CAST(COUNT(*) AS REAL) / COUNT(DISTINCT day), 1)
FROM user_days
GROUP BY k
ORDER BY k;
