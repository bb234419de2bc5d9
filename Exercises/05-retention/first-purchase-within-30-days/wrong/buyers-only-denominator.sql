-- mistake: starts from orders, so users who never bought are missing from the sign-ups and the share is near 100 %
-- trap: zero-groups
SELECT u.channel, COUNT(DISTINCT u.user_id) AS signups,
       COUNT(DISTINCT CASE WHEN o.ordered_at < datetime(u.signup_at, '+30 days') THEN u.user_id END) AS buyers_30d,
       ROUND(100.0 * COUNT(DISTINCT CASE WHEN o.ordered_at < datetime(u.signup_at, '+30 days') THEN u.user_id END) / COUNT(DISTINCT u.user_id), 1) AS buyer_pct
FROM orders AS o
JOIN users AS u ON u.user_id = o.user_id
WHERE o.status = 'completed' AND u.signup_at >= '2024-01-01' AND u.signup_at < '2024-07-01'
GROUP BY u.channel
ORDER BY buyer_pct DESC, u.channel;
