-- rewrite: count with SUM(CASE ...) over all users, keeping channels with at least one 2024 sign-up
SELECT channel, signups
FROM (
  SELECT channel, SUM(CASE WHEN signup_at BETWEEN '2024-01-01 00:00:00' AND '2024-12-31 23:59:59' THEN 1 ELSE 0 END) AS signups
  FROM users
  GROUP BY channel
)
WHERE signups > 0
ORDER BY 2 DESC, 1;
