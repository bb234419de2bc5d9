-- rewrite: one row per distinct status with correlated subqueries, CAST AS REAL division, rounded to 3 decimals instead of 1
SELECT
  s.status,
  (SELECT COUNT(*) FROM orders AS o WHERE o.status = s.status) AS cnt,
  ROUND(CAST((SELECT COUNT(*) FROM orders AS o WHERE o.status = s.status) AS REAL)
        / (SELECT COUNT(*) FROM orders) * 100, 3) AS share
FROM (SELECT DISTINCT status FROM orders) AS s
ORDER BY cnt DESC, s.status;
