-- mistake: integer division truncates the ratio to 0
-- trap: integer-division
WITH as_of_dates(as_of) AS (
  VALUES ('2025-01-31'), ('2025-02-28'), ('2025-03-31'),
         ('2025-04-30'), ('2025-05-31'), ('2025-06-30')
),
user_days AS (
  SELECT DISTINCT user_id, date(started_at) AS day
  FROM sessions
  WHERE user_id IS NOT NULL
),
windows AS (
  SELECT a.as_of,
    COUNT(DISTINCT CASE WHEN d.day >= date(a.as_of, '-6 days') THEN d.user_id END) AS wau,
    COUNT(DISTINCT d.user_id) AS mau
  FROM as_of_dates AS a
  JOIN user_days AS d
    ON d.day BETWEEN date(a.as_of, '-29 days') AND a.as_of
  GROUP BY a.as_of
)
SELECT as_of, wau, mau, ROUND(wau / mau, 3) AS wau_mau_ratio
FROM windows
ORDER BY as_of;
