-- mistake: joins the qualifying orders and counts rows, so a user with two early orders counts twice
SELECT u.channel, COUNT(DISTINCT u.user_id) AS signups, COUNT(o.order_id) AS buyers_30d,
       ROUND(100.0 * COUNT(o.order_id) / COUNT(DISTINCT u.user_id), 1) AS buyer_pct
FROM users AS u
LEFT JOIN orders AS o ON o.user_id = u.user_id AND o.status = 'completed' AND o.ordered_at < datetime(u.signup_at, '+30 days')
WHERE u.signup_at >= '2024-01-01' AND u.signup_at < '2024-07-01'
GROUP BY u.channel
ORDER BY buyer_pct DESC, u.channel;
