-- mistake: credits each order to the customer's signup channel (users.channel) instead of the channel of the session that ordered
WITH f AS (
  SELECT u.channel, date(o.ordered_at) AS day FROM orders AS o JOIN users AS u ON u.user_id = o.user_id
  WHERE o.status = 'completed' AND date(o.ordered_at) IN ('2024-11-01', '2024-11-08', '2024-11-15', '2024-11-22', '2024-11-29')
)
SELECT channel, SUM(day = '2024-11-29') AS black_friday_orders,
       ROUND(SUM(day <> '2024-11-29') / 4.0, 2) AS baseline_orders,
       ROUND(SUM(day = '2024-11-29') - SUM(day <> '2024-11-29') / 4.0, 2) AS extra_orders
FROM f
GROUP BY channel
ORDER BY extra_orders DESC, channel;
