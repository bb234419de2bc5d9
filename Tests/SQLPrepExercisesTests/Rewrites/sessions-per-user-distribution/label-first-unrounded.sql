-- rewrite: bucket label computed first and grouped on, min_sessions derived from the label; date window via date(); share unrounded
WITH per_user AS (
  SELECT u.user_id, COUNT(s.session_id) AS n
  FROM users AS u
  LEFT JOIN sessions AS s
    ON s.user_id = u.user_id
   AND date(s.started_at) BETWEEN '2025-04-01' AND '2025-06-30'
  WHERE date(u.signup_at) BETWEEN '2025-01-01' AND '2025-03-31'
  GROUP BY u.user_id
),
labelled AS (
  SELECT CASE
           WHEN n = 0 THEN '0'
           WHEN n = 1 THEN '1'
           WHEN n = 2 THEN '2'
           WHEN n <= 4 THEN '3-4'
           WHEN n <= 9 THEN '5-9'
           ELSE '10+'
         END AS bucket
  FROM per_user
)
SELECT
  CASE bucket WHEN '3-4' THEN 3 WHEN '5-9' THEN 5 WHEN '10+' THEN 10 ELSE CAST(bucket AS INTEGER) END AS lo,
  bucket,
  COUNT(*) AS users,
  COUNT(*) * 100.0 / (SELECT COUNT(*) FROM per_user) AS share
FROM labelled
GROUP BY bucket
ORDER BY lo;
