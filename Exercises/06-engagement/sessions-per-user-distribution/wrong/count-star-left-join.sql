-- mistake: COUNT(*) after a LEFT JOIN counts the NULL row, so users with no session land in bucket 1
-- trap: nulls
WITH per_user AS (
  SELECT u.user_id, COUNT(*) AS q2_sessions
  FROM users u
  LEFT JOIN sessions s
    ON s.user_id = u.user_id AND s.started_at >= '2025-04-01' AND s.started_at < '2025-07-01'
  WHERE u.signup_at >= '2025-01-01' AND u.signup_at < '2025-04-01'
  GROUP BY u.user_id
),
bucketed AS (
  SELECT CASE WHEN q2_sessions >= 10 THEN 10 WHEN q2_sessions >= 5 THEN 5
              WHEN q2_sessions >= 3 THEN 3 ELSE q2_sessions END AS min_sessions
  FROM per_user
)
SELECT min_sessions,
  CASE min_sessions WHEN 0 THEN '0' WHEN 1 THEN '1' WHEN 2 THEN '2'
                    WHEN 3 THEN '3-4' WHEN 5 THEN '5-9' ELSE '10+' END AS bucket,
  COUNT(*) AS users,
  ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS share_pct
FROM bucketed
GROUP BY min_sessions
ORDER BY min_sessions;
