-- rewrite: buyers as COUNT(DISTINCT user_id) and repeat buyers from a GROUP BY ... HAVING subquery; CAST AS REAL
SELECT
  buyers,
  repeaters,
  ROUND(CAST(repeaters AS REAL) / buyers * 100, 1) AS pct
FROM (
  SELECT
    (SELECT COUNT(DISTINCT user_id) FROM orders WHERE status = 'completed') AS buyers,
    (SELECT COUNT(*) FROM (
       SELECT user_id FROM orders WHERE status = 'completed'
       GROUP BY user_id HAVING COUNT(*) >= 2)) AS repeaters
);
