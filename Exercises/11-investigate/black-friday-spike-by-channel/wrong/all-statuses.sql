-- mistake: counts cancelled and refunded orders too, though only completed orders are sales
-- trap: order-status
WITH f AS (
  SELECT s.channel, date(o.ordered_at) AS day FROM orders AS o JOIN sessions AS s ON s.session_id = o.session_id
  WHERE date(o.ordered_at) IN ('2024-11-01', '2024-11-08', '2024-11-15', '2024-11-22', '2024-11-29')
)
SELECT channel, SUM(day = '2024-11-29') AS black_friday_orders,
       ROUND(SUM(day <> '2024-11-29') / 4.0, 2) AS baseline_orders,
       ROUND(SUM(day = '2024-11-29') - SUM(day <> '2024-11-29') / 4.0, 2) AS extra_orders
FROM f
GROUP BY channel
ORDER BY extra_orders DESC, channel;
