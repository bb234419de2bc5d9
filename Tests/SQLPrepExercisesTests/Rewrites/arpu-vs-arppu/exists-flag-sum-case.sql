-- rewrite: paying flag from EXISTS, revenue from a correlated scalar subquery, SUM(CASE ...) and CAST AS REAL
WITH per_user AS (
  SELECT
    u.channel,
    EXISTS (SELECT 1 FROM orders AS o WHERE o.user_id = u.user_id AND o.status = 'completed') AS pays,
    (SELECT TOTAL(o.total_cents) FROM orders AS o
      WHERE o.user_id = u.user_id AND o.status = 'completed') AS cents
  FROM users AS u
)
SELECT
  channel,
  COUNT(*),
  SUM(CASE WHEN pays THEN 1 ELSE 0 END),
  ROUND(CAST(SUM(cents) AS REAL) / COUNT(*) / 100, 2),
  ROUND(CAST(SUM(cents) AS REAL) / SUM(CASE WHEN pays THEN 1 ELSE 0 END) / 100, 2)
FROM per_user
GROUP BY channel
ORDER BY channel;
