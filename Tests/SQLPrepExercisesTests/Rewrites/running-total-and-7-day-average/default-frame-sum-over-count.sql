-- rewrite: running total with the default window frame (days are unique), 7-day average as windowed SUM / windowed COUNT, unrounded
WITH RECURSIVE cal(day) AS (
  SELECT '2024-01-01'
  UNION ALL
  SELECT date(day, '+1 day') FROM cal WHERE day < '2024-01-31'
),
daily AS (
  SELECT substr(ordered_at, 1, 10) AS day, SUM(total_cents) AS cents
  FROM orders
  WHERE status = 'completed' AND substr(ordered_at, 1, 7) = '2024-01'
  GROUP BY 1
),
filled AS (
  SELECT day, IFNULL(cents, 0) / 100.0 AS rev
  FROM cal LEFT JOIN daily USING (day)
)
SELECT
  day,
  rev,
  SUM(rev) OVER (ORDER BY day),
  SUM(rev) OVER last7 / COUNT(*) OVER last7
FROM filled
WINDOW last7 AS (ORDER BY day ROWS 6 PRECEDING)
ORDER BY day;
