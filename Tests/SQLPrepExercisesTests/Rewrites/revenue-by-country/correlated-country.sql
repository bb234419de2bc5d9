-- rewrite: the country looked up by a correlated subquery; CASE for the label; CAST AS REAL
WITH o AS (
  SELECT user_id, total_cents,
         (SELECT CASE WHEN country IS NULL THEN 'unknown' ELSE country END FROM users WHERE users.user_id = orders.user_id) AS c
  FROM orders
  WHERE status = 'completed'
)
SELECT c, COUNT(DISTINCT user_id), COUNT(*),
       ROUND(CAST(SUM(total_cents) AS REAL) / 100, 2) AS rev,
       ROUND(CAST(SUM(total_cents) AS REAL) / COUNT(DISTINCT user_id) / 100, 2)
FROM o
GROUP BY c
ORDER BY rev DESC, c;
