-- rewrite: WAU and MAU as two correlated COUNT(DISTINCT) subqueries on raw sessions with timestamp bounds; ratio unrounded
WITH d(as_of) AS (
  VALUES ('2025-01-31'), ('2025-02-28'), ('2025-03-31'), ('2025-04-30'), ('2025-05-31'), ('2025-06-30')
),
counts AS (
  SELECT
    as_of,
    (SELECT COUNT(DISTINCT user_id) FROM sessions
      WHERE user_id IS NOT NULL
        AND started_at >= date(as_of, '-6 days') AND started_at < date(as_of, '+1 day')) AS wau,
    (SELECT COUNT(DISTINCT user_id) FROM sessions
      WHERE user_id IS NOT NULL
        AND started_at >= date(as_of, '-29 days') AND started_at < date(as_of, '+1 day')) AS mau
  FROM d
)
SELECT as_of, wau, mau, CAST(wau AS REAL) / mau
FROM counts
ORDER BY as_of;
