-- rewrite: calendar self-joined to itself for both the running total and the 7-day window, GROUP BY instead of windows
WITH RECURSIVE cal(day) AS (
  SELECT '2024-01-01'
  UNION ALL
  SELECT date(day, '+1 day') FROM cal WHERE day < '2024-01-31'
),
filled AS (
  SELECT c.day, COALESCE(SUM(o.total_cents), 0) AS cents
  FROM cal AS c
  LEFT JOIN orders AS o
    ON o.status = 'completed'
   AND o.ordered_at >= c.day AND o.ordered_at < date(c.day, '+1 day')
  GROUP BY c.day
)
SELECT
  a.day,
  ROUND(a.cents / 100.0, 2),
  ROUND(SUM(b.cents) / 100.0, 2),
  ROUND(SUM(CASE WHEN b.day >= date(a.day, '-6 days') THEN b.cents END) * 1.0
        / SUM(CASE WHEN b.day >= date(a.day, '-6 days') THEN 1 END) / 100, 2)
FROM filled AS a
JOIN filled AS b ON b.day <= a.day
GROUP BY a.day, a.cents
ORDER BY a.day;
