-- mistake: joins raw order rows to users, so users are counted once per order instead of once each
-- trap: fan-out
SELECT u.channel,
       COUNT(*) AS users,
       COUNT(o.order_id) AS paying_users,
       ROUND(COALESCE(SUM(o.total_cents), 0) / 100.0 / COUNT(*), 2) AS arpu,
       ROUND(SUM(o.total_cents) / 100.0 / COUNT(o.order_id), 2) AS arppu
FROM users AS u
LEFT JOIN orders AS o ON o.user_id = u.user_id AND o.status = 'completed'
GROUP BY u.channel
ORDER BY u.channel;
