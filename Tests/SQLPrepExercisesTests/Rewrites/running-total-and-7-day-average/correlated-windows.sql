-- rewrite: running total and 7-day average from correlated subqueries over the filled calendar, no window functions
WITH RECURSIVE cal(day) AS (
  SELECT '2024-01-01'
  UNION ALL
  SELECT date(day, '+1 day') FROM cal WHERE day < '2024-01-31'
),
filled AS (
  SELECT
    cal.day,
    (SELECT TOTAL(o.total_cents) FROM orders AS o
      WHERE o.status = 'completed' AND date(o.ordered_at) = cal.day) AS cents
  FROM cal
)
SELECT
  f.day,
  ROUND(f.cents / 100, 2) AS revenue,
  ROUND((SELECT SUM(g.cents) FROM filled AS g WHERE g.day <= f.day) / 100, 2) AS running_revenue,
  ROUND((SELECT AVG(g.cents) FROM filled AS g
          WHERE g.day BETWEEN date(f.day, '-6 days') AND f.day) / 100, 2) AS avg_7d
FROM filled AS f
ORDER BY f.day;
