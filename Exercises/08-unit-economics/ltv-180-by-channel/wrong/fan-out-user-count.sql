-- mistake: after joining orders, COUNT(*) counts order rows, so users with several orders are counted several times
-- trap: fan-out
SELECT u.channel,
       COUNT(*) AS users,
       COUNT(DISTINCT o.user_id) AS buyers,
       ROUND(COALESCE(SUM(o.total_cents), 0) / 100.0 / COUNT(*), 2) AS ltv_180
FROM users AS u
LEFT JOIN orders AS o ON o.user_id = u.user_id AND o.status = 'completed'
 AND o.ordered_at >= u.signup_at AND o.ordered_at < datetime(u.signup_at, '+180 days')
WHERE datetime(u.signup_at, '+180 days') <= '2025-07-01 00:00:00'
GROUP BY u.channel
ORDER BY ltv_180 DESC, u.channel;
