-- rewrite: WAU and MAU computed in separate joins and then joined USING (as_of); as-of dates from a recursive month-end series
WITH RECURSIVE month_ends(n, as_of) AS (
  SELECT 1, date('2025-01-01', '+1 month', '-1 day')
  UNION ALL
  SELECT n + 1, date('2025-01-01', '+' || (n + 1) || ' months', '-1 day') FROM month_ends WHERE n < 6
),
user_days AS (
  SELECT DISTINCT user_id, substr(started_at, 1, 10) AS day
  FROM sessions WHERE user_id IS NOT NULL
),
w AS (
  SELECT m.as_of, COUNT(DISTINCT u.user_id) AS wau
  FROM month_ends AS m JOIN user_days AS u ON u.day BETWEEN date(m.as_of, '-6 days') AND m.as_of
  GROUP BY m.as_of
),
mo AS (
  SELECT m.as_of, COUNT(DISTINCT u.user_id) AS mau
  FROM month_ends AS m JOIN user_days AS u ON u.day BETWEEN date(m.as_of, '-29 days') AND m.as_of
  GROUP BY m.as_of
)
SELECT as_of, wau, mau, ROUND(wau * 1.0 / mau, 3)
FROM w JOIN mo USING (as_of)
ORDER BY as_of;
