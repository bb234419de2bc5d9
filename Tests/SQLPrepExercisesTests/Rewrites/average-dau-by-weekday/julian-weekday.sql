-- rewrite: the ISO weekday from the Julian day number, day names from a VALUES table, TOTAL / COUNT; unrounded
WITH daily AS (
  SELECT substr(started_at, 1, 10) AS d, COUNT(DISTINCT user_id) AS n
  FROM sessions
  WHERE user_id IS NOT NULL AND substr(started_at, 1, 7) BETWEEN '2025-01' AND '2025-06'
  GROUP BY 1
),
names(k, name) AS (VALUES (1, 'Monday'), (2, 'Tuesday'), (3, 'Wednesday'), (4, 'Thursday'), (5, 'Friday'), (6, 'Saturday'), (7, 'Sunday')),
per_weekday AS (
  SELECT CAST(julianday(d) + 0.5 AS INTEGER) % 7 + 1 AS k, COUNT(*) AS days, TOTAL(n) / COUNT(*) AS avg_n
  FROM daily GROUP BY 1
)
SELECT p.k, names.name, p.days, p.avg_n
FROM per_weekday AS p JOIN names USING (k)
ORDER BY p.k;
