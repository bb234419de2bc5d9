-- rewrite: flag with CASE WHEN session_id IN (subquery), rate as AVG(flag) * 100, GROUP BY / ORDER BY ordinal
SELECT
  channel,
  COUNT(*),
  SUM(flag),
  ROUND(AVG(flag) * 100, 2)
FROM (
  SELECT channel,
         CASE WHEN session_id IN (SELECT session_id FROM orders) THEN 1 ELSE 0 END AS flag
  FROM sessions
) AS t
GROUP BY 1
ORDER BY 4 DESC, 1;
