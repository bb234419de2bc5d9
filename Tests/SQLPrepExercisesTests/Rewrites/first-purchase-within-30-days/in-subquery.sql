-- rewrite: buyers found by IN over a joined subquery; COUNT(DISTINCT) of the early buyers
WITH early_buyers AS (
  SELECT DISTINCT o.user_id
  FROM orders AS o JOIN users AS u ON u.user_id = o.user_id
  WHERE o.status = 'completed' AND o.ordered_at < datetime(u.signup_at, '+30 days')
)
SELECT channel, COUNT(*),
       SUM(user_id IN (SELECT user_id FROM early_buyers)),
       ROUND(CAST(SUM(user_id IN (SELECT user_id FROM early_buyers)) AS REAL) / COUNT(*) * 100, 1) AS pct
FROM users
WHERE signup_at BETWEEN '2024-01-01' AND '2024-06-30 23:59:59'
GROUP BY channel
ORDER BY pct DESC, channel;
